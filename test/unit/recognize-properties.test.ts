import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recognize, type Mention } from '@/utils/recognize';

/** The invariants every result must keep, whatever the input. */
function expectWellFormed(text: string, mentions: Mention[]) {
  let lastEnd = 0;
  for (const m of mentions) {
    expect(Number.isInteger(m.start) && Number.isInteger(m.end)).toBe(true);
    expect(m.start).toBeGreaterThanOrEqual(lastEnd);
    expect(m.end).toBeGreaterThan(m.start);
    expect(m.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(m.start, m.end)).toBe(m.text);
    lastEnd = m.end;
  }
}

const newsy = fc.constantFrom(
  '市', '局', '局长', '党组书记', '、', '刘', '晓', '军', '张', '苗', '记者', '本报讯（', '）', '万', '亿', '余', '近', '名',
  '个', '元', '%', '年', '月', '日', '至', '1', '2', '0', '5', '.', ' ', '\n', '“', '”', '《', '》', '省教育厅', '自然资源和规划局',
  'Secretary', ' of ', 'State', 'Antony', 'Blinken', 'Department', 'Justice', '$', '4.2', 'billion', 'March', '2024', ',',
  '\ud800', '\udfff', '\u0000', '\u202e', '😀', '第', '二十大', '十四五', '两', '三', '项',
);

describe('recognize on any input', () => {
  it('returns sorted, non-overlapping mentions whose text matches their offsets, the same every time', () => {
    fc.assert(
      fc.property(fc.array(newsy, { maxLength: 80 }).map((parts) => parts.join('')), fc.constantFrom<'zh' | 'en' | undefined>('zh', 'en', undefined), (text, lang) => {
        const first = recognize(text, { lang });
        expectWellFormed(text, first);
        expect(recognize(text, { lang })).toEqual(first);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary unicode, including lone surrogates and control characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expectWellFormed(text, recognize(text));
      }),
      { numRuns: 300 },
    );
  });
});

describe('adversarial input', () => {
  const cases: Array<[string, string]> = [
    ['empty text', ''],
    ['100,000 digits in a row', '9'.repeat(100_000)],
    ['万万万… 100,000 times', '万'.repeat(100_000)],
    ['deeply repeated titles', '局长、'.repeat(30_000) + '刘晓军'],
    ['repeated place prefixes', '市'.repeat(50_000) + '教育局'],
    ['control characters', '\u0000\u0001\u0007\u001b'.repeat(10_000)],
    ['lone surrogates', '\ud800刘\udc00晓军\ud83d'.repeat(5_000)],
    ['one long English word', 'A'.repeat(200_000)],
    ['capitalised words without end', 'Big '.repeat(50_000)],
    ['nested quotes and brackets', '《“（'.repeat(20_000)],
  ];
  it.each(cases)('%s: no exception, valid offsets', (_name, text) => {
    expectWellFormed(text, recognize(text));
  });

  it('10 MB of news text: no exception, valid offsets', () => {
    const paragraph = '本报讯（记者张苗）2月1日至5日，市自然资源和规划局党组书记、局长刘晓军出席活动，线下线上1000余名干部职工参加，划拨价款4163万元。\n';
    const text = paragraph.repeat(Math.ceil(10_000_000 / paragraph.length));
    const mentions = recognize(text, { lang: 'zh', refDate: '2024-02-07' });
    expectWellFormed(text, mentions.slice(0, 2000));
    expect(mentions.length).toBeGreaterThan(100_000);
  });
});
