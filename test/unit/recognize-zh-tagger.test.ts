import { describe, expect, it } from 'vitest';
import { tagZh } from '../../utils/recognize/zh/tagger';

/** Offsets in range, sorted, non-overlapping, non-empty: what callers rely on. */
function checkSpans(text: string, spans: ReturnType<typeof tagZh>): void {
  let last = 0;
  for (const s of spans) {
    expect(s.type === 'person' || s.type === 'org').toBe(true);
    expect(Number.isInteger(s.start) && Number.isInteger(s.end)).toBe(true);
    expect(s.start).toBeGreaterThanOrEqual(last);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(text.length);
    last = s.end;
  }
}

describe('tagZh', () => {
  it('finds a person and an org in a plain sentence', () => {
    const text = '国务院总理李鹏今天在北京会见了世界银行行长沃尔芬森，外交部发言人沈国放介绍了情况。';
    const spans = tagZh(text);
    checkSpans(text, spans);
    const got = spans.map((s) => `${s.type}:${text.slice(s.start, s.end)}`);
    expect(got).toContain('person:李鹏');
    expect(got).toContain('org:外交部');
  });

  it('returns nothing for empty or entity-free text', () => {
    expect(tagZh('')).toEqual([]);
    expect(tagZh('   ')).toEqual([]);
    checkSpans('12345', tagZh('12345'));
  });

  it('survives adversarial input', () => {
    const inputs = [
      '\ud800李\udc00鹏\ud83d',
      '\u0000\u0001\u001f张\u007f三\u200b\ufeff',
      '𠀀𠀁王𠀂𠀃说',
      '·'.repeat(50),
      'a'.repeat(1000),
      '中国人民银行'.repeat(2000),
      `${'李鹏会见了外交部的官员。\n'.repeat(20000)}`.slice(0, 200_000),
    ];
    for (const text of inputs) {
      const spans = tagZh(text);
      checkSpans(text, spans);
      for (const s of spans) {
        // never split a surrogate pair
        const a = text.charCodeAt(s.start), b = text.charCodeAt(s.end - 1);
        expect(a >= 0xdc00 && a <= 0xdfff && s.start > 0 && text.charCodeAt(s.start - 1) >= 0xd800 && text.charCodeAt(s.start - 1) <= 0xdbff).toBe(false);
        expect(b >= 0xd800 && b <= 0xdbff && s.end < text.length && text.charCodeAt(s.end) >= 0xdc00 && text.charCodeAt(s.end) <= 0xdfff).toBe(false);
      }
    }
  });

  it('handles a 1 MB text', () => {
    const text = '新华社北京电 国家主席江泽民会见了美国国务卿奥尔布赖特。'.repeat(40000);
    const spans = tagZh(text);
    checkSpans(text, spans);
    expect(spans.length).toBeGreaterThan(1000);
  });
});
