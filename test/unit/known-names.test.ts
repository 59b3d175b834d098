import { describe, expect, it } from 'vitest';
import { prepareKnown } from '@/utils/recognize/known';
import { recognize } from '@/utils/recognize';

describe('known names', () => {
  it('finds every known name in one pass, longest first, without overlaps', () => {
    const known = prepareKnown({
      entries: [
        { name: '刘晓军', type: 'person', official: true },
        { name: '市自然资源和规划局', type: 'org', kind: 'gov' },
        { name: '自然资源', type: 'org' },
      ],
    });
    const hits = known.find('刘晓军到市自然资源和规划局调研');
    expect(hits.map((h) => h.entry.name)).toEqual(['刘晓军', '市自然资源和规划局']);
    expect(hits[1]).toMatchObject({ start: 4, end: 13 });
  });

  it('matches full-width and half-width forms alike', () => {
    const known = prepareKnown({ entries: [{ name: 'ＣＣＴＶ新闻', type: 'org' }] });
    expect(known.find('据CCTV新闻报道')).toHaveLength(1);
  });

  it('matches English names only at word boundaries', () => {
    const known = prepareKnown({ entries: [{ name: 'Reuters', type: 'org' }] });
    expect(known.find('Reuters reported')).toHaveLength(1);
    expect(known.find('NotReutersish')).toHaveLength(0);
  });

  it('scales to tens of thousands of names', () => {
    const entries = Array.from({ length: 30000 }, (_, i) => ({ name: `机构${i.toString(36)}局`, type: 'org' as const }));
    const known = prepareKnown({ entries });
    expect(known.find('今天机构zz局开会').map((h) => h.entry.name)).toEqual(['机构zz局']);
  });

  it('recognises a known person anywhere, also without a title, and never an ignored name', () => {
    const mentions = recognize('刘晓军指出，要做好工作。张三到场。', {
      lang: 'zh',
      known: { entries: [{ name: '刘晓军', type: 'person', official: true }, { name: '张三', type: 'person' }], ignored: ['张三'] },
    });
    const people = mentions.filter((m) => m.type === 'person');
    expect(people.map((m) => m.text)).toEqual(['刘晓军']);
    expect(people[0]).toMatchObject({ known: true, official: true, start: 0, end: 3 });
  });

  it('marks a name the rules found as known also when the knowledge base writes it with a space', () => {
    const mentions = recognize('Secretary of State Maria Lopez met reporters. Lopez said talks went well.', {
      lang: 'en',
      known: { entries: [{ name: 'Maria Lopez', type: 'person', official: true }, { name: 'Lopez', type: 'person', official: true }] },
    });
    expect(mentions.filter((m) => m.type === 'person').map((m) => [m.text, m.known])).toEqual([
      ['Maria Lopez', true],
      ['Lopez', true],
    ]);
    // A line break ends a block: no name runs on into the next one.
    expect(prepareKnown({ entries: [{ name: 'Maria Lopez', type: 'person' }] }).find('Maria\nLopez')).toEqual([]);
  });
});
