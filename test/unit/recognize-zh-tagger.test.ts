import { describe, expect, it } from 'vitest';
import { tagZh } from '../../utils/recognize/zh/tagger';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** First broken invariant of a span list (in range, sorted, non-overlapping, whole surrogate pairs), or ''. */
function spanProblem(text: string, spans: ReturnType<typeof tagZh>): string {
  let last = 0;
  for (const s of spans) {
    if (s.type !== 'person' && s.type !== 'org') return `bad type ${s.type}`;
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end)) return 'non-integer offset';
    if (s.start < last || s.end <= s.start || s.end > text.length) return `bad span ${s.start}-${s.end} after ${last}`;
    if (s.start > 0 && isLow(text.charCodeAt(s.start)) && isHigh(text.charCodeAt(s.start - 1))) return 'split pair at start';
    if (s.end < text.length && isLow(text.charCodeAt(s.end)) && isHigh(text.charCodeAt(s.end - 1))) return 'split pair at end';
    last = s.end;
  }
  return '';
}

describe('tagZh', () => {
  it('finds a person and an org in a plain sentence', () => {
    const text = '国务院总理李鹏今天在北京会见了世界银行行长沃尔芬森，外交部发言人沈国放介绍了情况。';
    const spans = tagZh(text);
    expect(spanProblem(text, spans)).toBe('');
    const got = spans.map((s) => `${s.type}:${text.slice(s.start, s.end)}`);
    expect(got).toContain('person:李鹏');
    expect(got).toContain('org:外交部');
  });

  it('returns nothing for empty or entity-free text', () => {
    expect(tagZh('')).toEqual([]);
    expect(tagZh('   ')).toEqual([]);
    expect(spanProblem('12345', tagZh('12345'))).toBe('');
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
    for (const text of inputs) expect(spanProblem(text, tagZh(text))).toBe('');
  });

  it('handles a 1 MB text', () => {
    const text = '新华社北京电 国家主席江泽民会见了美国国务卿奥尔布赖特。'.repeat(40000);
    const spans = tagZh(text);
    expect(spanProblem(text, spans)).toBe('');
    expect(spans.length).toBeGreaterThan(1000);
  });
});
