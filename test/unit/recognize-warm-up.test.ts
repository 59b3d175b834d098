import { describe, expect, it } from 'vitest';
import { warmUpRecognizer, warmUpRecognizerInSteps, warmUpTexts } from '@/utils/recognize/warm-up';
import { warmUpReports } from '@/utils/recognize/zh/warm-up-reports';

describe('the recogniser warm-up', () => {
  // The warm-up is only worth its time if it runs the code an article will: every kind, titled
  // officials, and known names. A sample that stopped reaching a path would warm less, silently.
  it.each(['zh', 'en'] as const)('finds every kind of mention, titled officials and known names in its %s texts', (lang) => {
    const found = warmUpRecognizer(lang);
    const texts = warmUpTexts(lang);
    expect(found).toHaveLength(texts.length);
    const all = found.flat();
    expect(new Set(all.map((m) => m.type))).toEqual(new Set(['person', 'org', 'number', 'date']));
    expect(all.some((m) => m.type === 'person' && !m.known && m.titles.length > 0)).toBe(true);
    expect(all.some((m) => m.known)).toBe(true);
    found.forEach((mentions, i) => {
      for (const m of mentions) expect(texts[i].slice(m.start, m.end)).toBe(m.text);
    });
  });

  it('takes a step at a time, so a page\'s request can come in between', async () => {
    let pauses = 0;
    const found = await warmUpRecognizerInSteps('zh', async () => {
      pauses++;
    });
    expect(found.map((f) => f.length)).toEqual(warmUpRecognizer('zh').map((f) => f.length));
    // One pause between each two steps: the sample runs three times, then each other text once.
    expect(pauses).toBe(warmUpTexts('zh').length + 1);
  });
});

describe('the made-up Chinese reports it reads', () => {
  it('are the same on every start, of about the asked length, and read like news to the recogniser', () => {
    const reports = warmUpReports(3, 800);
    expect(reports).toEqual(warmUpReports(3, 800));
    expect(reports).toHaveLength(3);
    for (const r of reports) {
      expect(r.length).toBeGreaterThanOrEqual(800);
      expect(r.length).toBeLessThan(1000);
      // Han text with its punctuation and figures, no stray Latin lists or separators of the word lists.
      expect(r).not.toMatch(/[,|]/);
      expect(r).toMatch(/^[\u4e00-\u9fff\w，。、：“”（）%. ·]+$/);
    }
    // Each report differs: one sample repeated warmed the code for that sample only.
    expect(new Set(reports).size).toBe(3);
    const found = warmUpRecognizer('zh').slice(1).flat();
    expect(found.filter((m) => m.type === 'person').length).toBeGreaterThan(50);
    expect(found.filter((m) => m.type === 'org').length).toBeGreaterThan(50);
  });
});
