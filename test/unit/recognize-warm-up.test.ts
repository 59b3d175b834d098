import { describe, expect, it } from 'vitest';
import { WARM_UP_TEXTS, warmUpRecognizer, warmUpRecognizerInSteps } from '@/utils/recognize/warm-up';

describe('the recogniser warm-up', () => {
  // The warm-up is only worth its time if it runs the code an article will: every kind, titled
  // officials, and known names. A sample that stopped reaching a path would warm less, silently.
  it.each(['zh', 'en'] as const)('finds every kind of mention, titled officials and known names in its %s text', (lang) => {
    const found = warmUpRecognizer(lang);
    expect(new Set(found.map((m) => m.type))).toEqual(new Set(['person', 'org', 'number', 'date']));
    expect(found.some((m) => m.type === 'person' && !m.known && m.titles.length > 0)).toBe(true);
    expect(found.some((m) => m.known)).toBe(true);
    for (const m of found) expect(WARM_UP_TEXTS[lang].slice(m.start, m.end)).toBe(m.text);
  });

  it('takes a step at a time, so a page\'s request can come in between, and finds what the warm-up in one go finds', async () => {
    let pauses = 0;
    const found = await warmUpRecognizerInSteps('zh', async () => {
      pauses++;
    });
    expect(found).toEqual(warmUpRecognizer('zh'));
    // Three steps (each the sample without and with known names), a pause between each two.
    expect(pauses).toBe(2);
  });
});
