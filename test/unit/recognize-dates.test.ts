import { describe, expect, it } from 'vitest';
import { findDates } from '../../utils/recognize/dates';
import { recognize } from '../../utils/recognize/index';
import type { DateMention } from '../../utils/recognize/types';

const REF = '2024-02-07';
const zh = (text: string, ref: string | undefined = REF) => findDates(text, 'zh', ref);
const en = (text: string, ref: string | undefined = REF) => findDates(text, 'en', ref);
const pairs = (list: DateMention[]) => list.map((m) => [m.text, m.iso]);

describe('Chinese dates', () => {
  it('reads years, months and days with their ISO form', () => {
    expect(pairs(zh('2023年，市自然资源局'))).toEqual([['2023年', '2023']]);
    expect(pairs(zh('完成了2023年度地下管线'))).toEqual([['2023年度', '2023']]);
    expect(pairs(zh('2023年5月，组织召开'))).toEqual([['2023年5月', '2023-05']]);
    expect(pairs(zh('2023年12月22日，第78届联合国大会'))).toEqual([['2023年12月22日', '2023-12-22']]);
    expect(pairs(zh('１９９７年１２月３１日'))).toEqual([['１９９７年１２月３１日', '1997-12-31']]);
    expect(pairs(zh('二〇二四年十二月二十二日'))).toEqual([['二〇二四年十二月二十二日', '2024-12-22']]);
  });

  it('gives a month or month-day without a year the reference year', () => {
    expect(pairs(zh('1月29日，市自然资源'))).toEqual([['1月29日', '2024-01-29']]);
    expect(pairs(zh('武陟县1月份完成'))).toEqual([['1月份', '2024-01']]);
    expect(pairs(zh('1月29日', ''))).toEqual([['1月29日', undefined]]);
  });

  it('splits a 至 range in two, the bare end taking the start month', () => {
    expect(pairs(zh('2月1日至5日，市自然资源'))).toEqual([['2月1日', '2024-02-01'], ['5日', '2024-02-05']]);
    expect(pairs(zh('1月26日至29日'))).toEqual([['1月26日', '2024-01-26'], ['29日', '2024-01-29']]);
    expect(pairs(zh('2023年5月至8月'))).toEqual([['2023年5月', '2023-05'], ['8月', '2023-08']]);
  });

  it('gives the bare start of a range the unit of its end', () => {
    expect(pairs(zh('今年1至2月，全市'))).toEqual([['1', '2024-01'], ['2月', '2024-02']]);
    expect(pairs(zh('1月26至29日'))).toEqual([['1月26', '2024-01-26'], ['29日', '2024-01-29']]);
  });

  it('reads years of the common era and not spans of years', () => {
    expect(pairs(zh('公元330年，罗马'))).toEqual([['330年', '0330']]);
    expect(pairs(zh('已有1000年之久，距今1200年前'))).toEqual([]);
    expect(pairs(zh('争取在2000年前签署'))).toEqual([['2000年', '2000']]);
  });

  it('keeps a dash range of years as one date', () => {
    expect(pairs(zh('生态修复规划（2021—2035年）》'))).toEqual([['2021—2035年', '2021/2035']]);
    expect(pairs(zh('行动计划（2023-2025年）'))).toEqual([['2023-2025年', '2023/2025']]);
  });

  it('leaves qualifiers outside the span', () => {
    expect(pairs(zh('1月31日以来，截至2023年年底，2月2日上午'))).toEqual([
      ['1月31日', '2024-01-31'],
      ['2023年', '2023'],
      ['2月2日', '2024-02-02'],
    ]);
  });

  it('reads numeric dates', () => {
    expect(pairs(zh('发布于2024-02-07，另见2024/2/7'))).toEqual([['2024-02-07', '2024-02-07'], ['2024/2/7', '2024-02-07']]);
  });

  it('does not take relative expressions, durations or counts', () => {
    expect(zh('今年、去年、年初、近日、每年、春节、寒假期间')).toEqual([]);
    expect(zh('3个月、15日内办结、两年、30日元、第2023年、12.5月')).toEqual([]);
    expect(zh('增长13月')).toEqual([]);
  });
});

describe('English dates', () => {
  it('reads month-day-year in both orders', () => {
    expect(pairs(en('on March 5, 2024, and on 5 March 2024'))).toEqual([
      ['March 5, 2024', '2024-03-05'],
      ['5 March 2024', '2024-03-05'],
    ]);
    expect(pairs(en('since Sept. 5 and Dec 25th'))).toEqual([['Sept. 5', '2024-09-05'], ['Dec 25th', '2024-12-25']]);
  });

  it('reads months, years and year ranges', () => {
    expect(pairs(en('in March 2023 and in 2023'))).toEqual([['March 2023', '2023-03'], ['2023', '2023']]);
    expect(pairs(en('the 2021-2035 plan'))).toEqual([['2021-2035', '2021/2035']]);
    expect(pairs(en('due 2024-03-05.'))).toEqual([['2024-03-05', '2024-03-05']]);
    expect(pairs(en('It happened in May.'))).toEqual([['May', '2024-05']]);
  });

  it('does not take relative expressions or counts', () => {
    expect(en('last Tuesday, next year, last March, they May go, 2000 people, $2024, 1,999 votes, 10:30')).toEqual([]);
  });

  it('keeps the weekday outside the span', () => {
    expect(pairs(en('Tuesday, March 5, 2024'))).toEqual([['March 5, 2024', '2024-03-05']]);
  });
});

describe('dates through recognize()', () => {
  it('wins over the numbers inside it', () => {
    const out = recognize('2月1日至5日，共5场讲座', { lang: 'zh', refDate: REF, types: ['date', 'number'] });
    expect(out.map((m) => [m.type, m.text])).toEqual([['date', '2月1日'], ['date', '5日'], ['number', '5场']]);
  });
});

describe('adversarial input', () => {
  const valid = (text: string, list: DateMention[]) =>
    expect(list.filter((m) => m.start < 0 || m.end > text.length || m.start >= m.end || text.slice(m.start, m.end) !== m.text)).toEqual([]);

  it('survives long runs of digits, numerals and separators', () => {
    for (const text of [
      '9'.repeat(100_000),
      '万'.repeat(100_000),
      '2024年'.repeat(20_000),
      '1月'.repeat(50_000),
      '2024-'.repeat(20_000),
      '一'.repeat(100_000) + '年',
      'March '.repeat(20_000),
      '5 March '.repeat(20_000),
    ]) {
      valid(text, zh(text));
      valid(text, en(text));
    }
  });

  it('keeps offsets valid around lone surrogates and control characters', () => {
    const text = '\ud8002023年\udc00\u00005月\u0007March 5, 2024\ud83d';
    valid(text, zh(text));
    valid(text, en(text));
    expect(pairs(zh(text))).toEqual([['2023年', '2023'], ['5月', '2024-05']]);
    expect(pairs(en(text))).toEqual([['2023', '2023'], ['March 5, 2024', '2024-03-05']]);
  });

  it('ignores a malformed reference date', () => {
    expect(pairs(zh('5月', 'soon'))).toEqual([['5月', undefined]]);
  });
});
