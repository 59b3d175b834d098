import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recognize } from '@/utils/recognize';
import { scoreAttributes, scoreType, type GoldEntity } from '../../scripts/lib/score';

/** The specification page's gold, scored the way `npm run eval` scores it. */
function score(file: string) {
  const records = readFileSync(`test/fixtures/jiaozuo-2024-02/${file}`, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { text: string; entities: GoldEntity[] })
    .map((r) => ({ gold: r.entities, pred: recognize(r.text, { lang: 'zh', refDate: '2024-02-07' }) }));
  const f1 = (type: string) => scoreType(records, type).exact.f1;
  return { f1, attributes: scoreAttributes(records) };
}

describe('accuracy on the specification page (GUIDELINES.md applied to the page Dossier was specified from)', () => {
  it('clean articles: person ≥ 0.95, org ≥ 0.90, number ≥ 0.95, date ≥ 0.95 exact F1; titles, org and values right', () => {
    const { f1, attributes } = score('gold.jsonl');
    expect(f1('person')).toBeGreaterThanOrEqual(0.95);
    expect(f1('org')).toBeGreaterThanOrEqual(0.9);
    expect(f1('number')).toBeGreaterThanOrEqual(0.95);
    expect(f1('date')).toBeGreaterThanOrEqual(0.95);
    expect(attributes.titles.rate).toBeGreaterThanOrEqual(0.9);
    expect(attributes.org.rate).toBeGreaterThanOrEqual(0.8);
    expect(attributes.value.rate).toBeGreaterThanOrEqual(0.95);
  });

  it('the raw print-layout page as one text: person ≥ 0.90, org ≥ 0.85, number ≥ 0.90 exact F1', () => {
    const { f1 } = score('gold-raw.jsonl');
    expect(f1('person')).toBeGreaterThanOrEqual(0.9);
    expect(f1('org')).toBeGreaterThanOrEqual(0.85);
    expect(f1('number')).toBeGreaterThanOrEqual(0.9);
  });
});
