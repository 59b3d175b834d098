/**
 * Chinese calendar expressions: `2023年`, `2023年度`, `1月份`, `2023年12月22日`, `二〇二四年`, ranges
 * (`2月1日至5日` → two dates, the end takes the start's month; `2021—2035年` → one date `2021/2035`)
 * and numeric forms (`2024-02-07`). Qualifiers (以来, 年底, 上午) stay outside the span.
 */
import { digitRunEnd, digitValue, isDigit, isDigitCode } from './arabic-numerals';
import { cnDigit, cnNumeralEnd, isCnNumeralStart, isCnNumeralStartCode, nextNumeralAt, parseCnNumeral } from './cn-numerals';
import { isoOf, refParts, yearIsDuration, type DateParts } from './date-parts';
import type { DateMention } from './types';
import { CharSet } from './zh/chars';

// Single characters, tested by code: `text[k]` would make a string per Han character.
const YEAR_DASH_CHARS = '-—–－~～―';
const YEAR_DASHES = new CharSet(YEAR_DASH_CHARS);
const RANGE_CONNECTORS = new CharSet('至到-—–－~～―');
const NUMERIC_SEPARATORS = new CharSet('-/.／．');
/**
 * What follows a Chinese-numeral run that readDate (with no context) can read as a date: 年 or a year
 * dash after a four-digit year, 月 after a month. Any other character rules the run out at once.
 */
const CN_DATE_NEXT = new CharSet('年月' + YEAR_DASH_CHARS);
/**
 * The same for an Arabic digit run: readDate (with no context) reads a date there only when 年, 月,
 * 日, a numeric separator, a year dash or a range connector follows the run (`3个`, `50%` never).
 */
const DIGIT_DATE_NEXT = new CharSet('年月日' + '-/.／．' + YEAR_DASH_CHARS + '至到-—–－~～―');
/** After `N日` these make the expression a duration, not a day (`30日内`, `15日以上`). */
const DURATION_AFTER_DAY = ['内', '以内', '之内', '后', '以后', '之后', '以上', '左右', '时间'];

interface Numeral {
  end: number;
  value: number;
  /** Digits in an Arabic numeral, or characters in a Chinese one. */
  length: number;
  cn: boolean;
}

/** A small whole number at `i` in Arabic or Chinese digits (no decimal point), or null. */
function readSmall(text: string, i: number, allowCn: boolean): Numeral | null {
  if (isDigit(text[i])) {
    const end = digitRunEnd(text, i);
    if (end - i > 4) return null;
    let v = 0;
    for (let k = i; k < end; k++) v = v * 10 + digitValue(text[k]);
    return { end, value: v, length: end - i, cn: false };
  }
  if (allowCn && isCnNumeralStart(text[i])) {
    const end = cnNumeralEnd(text, i);
    if (end - i > 4) return null;
    const s = text.slice(i, end);
    if (/[百千万亿两]/.test(s)) return null;
    return { end, value: parseCnNumeral(s), length: end - i, cn: true };
  }
  return null;
}

/** A four-digit year at `i` (`2024`, `２０２４`, `二〇二四`), or null. */
function readYearDigits(text: string, i: number): Numeral | null {
  if (isDigit(text[i])) {
    const end = digitRunEnd(text, i);
    if (end - i !== 4) return null;
    let v = 0;
    for (let k = i; k < end; k++) v = v * 10 + digitValue(text[k]);
    return v >= 1000 && v <= 2200 ? { end, value: v, length: 4, cn: false } : null;
  }
  let v = 0;
  for (let k = i; k < i + 4; k++) {
    const d = cnDigit(text[k]);
    if (d === undefined || text[k] === '两') return null;
    v = v * 10 + d;
  }
  if (cnDigit(text[i + 4]) !== undefined) return null;
  return v >= 1000 && v <= 2200 ? { end: i + 4, value: v, length: 4, cn: true } : null;
}

/** When a range connector and a numeral follow `end`, the date unit after that numeral (`月`, `日`), else ''. */
function rangeEndsWith(text: string, end: number): string {
  if (!RANGE_CONNECTORS.hasAt(text, end) || !isDigit(text[end + 1])) return '';
  const stop = digitRunEnd(text, end + 1);
  if (stop - end - 1 > 2) return '';
  const c = text[stop];
  return c === '月' ? '月' : c === '日' || c === '号' ? '日' : '';
}

interface Parsed {
  end: number;
  parts: DateParts;
  /** For a year range, the end year. */
  toYear?: number;
}

/**
 * Reads a date starting at `i`. `context` supplies the year and month a bare continuation lacks
 * (`2月1日至5日`). Returns null when nothing at `i` is a date.
 */
function readDate(text: string, i: number, context: DateParts | null): Parsed | null {
  if (text.charCodeAt(i - 1) === 0x7b2c /* 第 */) return null;
  // Numeric form: 2024-02-07, 2024/2/7, 2024.2.7.
  const y0 = readYearDigits(text, i);
  if (y0 && !y0.cn && NUMERIC_SEPARATORS.hasAt(text, y0.end)) {
    const sep = text[y0.end];
    const m = readSmall(text, y0.end + 1, false);
    if (m && m.length <= 2 && text[m.end] === sep) {
      const d = readSmall(text, m.end + 1, false);
      if (d && d.length <= 2 && m.value >= 1 && m.value <= 12 && d.value >= 1 && d.value <= 31 && !isDigit(text[d.end]))
        return { end: d.end, parts: { year: y0.value, month: m.value, day: d.value } };
    }
  }
  // `公元330年`, `公元前221年`: a year of any length.
  if (!y0 && (text.startsWith('公元', i - 2) || text.startsWith('公元前', i - 3)) && isDigit(text[i])) {
    const y = readSmall(text, i, false);
    if (y && text[y.end] === '年' && y.value > 0) return { end: y.end + 1, parts: text[i - 1] === '前' ? {} : { year: y.value } };
  }
  let at = i;
  const parts: DateParts = {};
  let toYear: number | undefined;
  if (y0) {
    if (text[y0.end] === '年') {
      if (yearIsDuration(text, y0.end + 1, y0.value)) return null;
      parts.year = y0.value;
      at = y0.end + 1;
    } else if (YEAR_DASHES.hasAt(text, y0.end) || (YEAR_DASHES.hasAt(text, y0.end + 1) && text[y0.end] === text[y0.end + 1])) {
      // `2021—2035年`, `2023-2025年`, `2020——2022年`: one date.
      const dashEnd = text[y0.end] === text[y0.end + 1] ? y0.end + 2 : y0.end + 1;
      const y1 = readYearDigits(text, dashEnd);
      if (y1 && text[y1.end] === '年' && y1.value > y0.value) {
        return { end: y1.end + 1 + (text[y1.end + 1] === '度' ? 1 : 0), parts: { year: y0.value }, toYear: y1.value };
      }
      return null;
    } else {
      return null;
    }
    if (text[at] === '度') return { end: at + 1, parts };
  }
  // Month.
  const m = readSmall(text, at, true);
  // The bare start of a range takes the unit of its end: `1至2月` → month 1, `26至29日` → day 26.
  if (m && !m.cn && m.length <= 2 && rangeEndsWith(text, m.end) === '月' && m.value >= 1 && m.value <= 12) {
    if (!parts.year && context?.year) parts.year = context.year;
    return { end: m.end, parts: { ...parts, month: m.value } };
  }
  if (m && text[m.end] === '月' && m.value >= 1 && m.value <= 12 && m.length <= 2) {
    if (!parts.year && context?.year) parts.year = context.year;
    parts.month = m.value;
    at = m.end + 1;
    if (text[at] === '份') return { end: at + 1, parts };
    const d = readSmall(text, at, true);
    if (d && (text[d.end] === '日' || text[d.end] === '号') && d.value >= 1 && d.value <= 31 && d.length <= 3) {
      parts.day = d.value;
      return { end: d.end + 1, parts };
    }
    if (d && !d.cn && d.value >= 1 && d.value <= 31 && rangeEndsWith(text, d.end) === '日') {
      parts.day = d.value;
      return { end: d.end, parts };
    }
    return { end: at, parts };
  }
  if (parts.year) return { end: at, parts };
  if (!parts.year && m && !m.cn && m.length <= 2 && m.value >= 1 && m.value <= 31 && rangeEndsWith(text, m.end) === '日') {
    const p: DateParts = { day: m.value };
    if (context?.month) Object.assign(p, { year: context.year, month: context.month });
    return { end: m.end, parts: p };
  }
  // A bare day: the end of a range, or a day of the current month (`5日，…`), never a duration (`30日内`).
  if (m && !m.cn && m.length <= 2 && text[m.end] === '日' && m.value >= 1 && m.value <= 31) {
    const after = m.end + 1;
    if (text[after] === '元') return null;
    if (DURATION_AFTER_DAY.some((w) => text.startsWith(w, after))) return null;
    const p: DateParts = { day: m.value };
    if (context?.month) {
      p.year = context.year;
      p.month = context.month;
    }
    return { end: after, parts: p };
  }
  if (m && m.cn && context?.month && text[m.end] === '日' && m.value >= 1 && m.value <= 31)
    return { end: m.end + 1, parts: { year: context.year, month: context.month, day: m.value } };
  return null;
}

/**
 * Finds Chinese calendar expressions in squeezed text; `refDate` gives month-days their year. The
 * scan starts at `from`, which must be at or before the first digit or numeral start (the recogniser
 * finds it once for this scan and the number scan).
 */
export function findZhDates(text: string, refDate?: string, from = 0): DateMention[] {
  const out: DateMention[] = [];
  const n = text.length;
  // Most texts have no numeral at all: they need no reference parts either.
  if (from >= n) return out;
  const ref = refParts(refDate);
  let i = from;
  while (i < n) {
    // Straight to the next digit or numeral: every other character would only be stepped over.
    i = nextNumeralAt(text, i);
    if (i >= n) break;
    const code = text.charCodeAt(i);
    const digit = isDigitCode(code);
    if (!digit && !isCnNumeralStartCode(code)) {
      i++;
      continue;
    }
    // Only at the start of a numeral run.
    const runEnd = digit ? digitRunEnd(text, i) : cnNumeralEnd(text, i);
    const prev = text.charCodeAt(i - 1);
    if ((digit && (isDigitCode(prev) || prev === 0x2e || prev === 0xff0e)) || (!digit && isCnNumeralStartCode(prev))) {
      i = runEnd;
      continue;
    }
    // A date goes on with 年, 月 or a year dash right after a Chinese run, or one of DIGIT_DATE_NEXT
    // after a digit run (see readDate): elsewhere readDate would return null.
    if (!(digit ? DIGIT_DATE_NEXT : CN_DATE_NEXT).hasAt(text, runEnd)) {
      i = Math.max(runEnd, i + 1);
      continue;
    }
    let parsed = readDate(text, i, null);
    if (!parsed) {
      i = Math.max(runEnd, i + 1);
      continue;
    }
    let context: DateParts = { year: parsed.parts.year ?? ref.year, month: parsed.parts.month ?? ref.month };
    for (;;) {
      const { parts, toYear, end } = parsed;
      // Locals, then one object of one shape: adding properties to a spread copy changed its hidden
      // class on every date and was the most expensive line of the date pass. isoOf reads values only.
      let year = parts.year;
      let month = parts.month;
      const day = parts.day;
      if (month && !year) year = ref.year;
      if (day && !month) {
        month = context.month;
        year = year ?? context.year;
      }
      const filled: DateParts = { year, month, day };
      const iso = toYear ? `${parts.year}/${toYear}` : isoOf(filled);
      const m: DateMention = { type: 'date', start: i, end, text: text.slice(i, end) };
      if (iso) m.iso = iso;
      out.push(m);
      context = { year: filled.year ?? context.year, month: filled.month ?? context.month };
      i = end;
      // A range continues with 至/到/dash and a date that inherits what it leaves out.
      if (!RANGE_CONNECTORS.hasAt(text, end)) break;
      const next = readDate(text, end + 1, context);
      if (!next) break;
      i = end + 1;
      parsed = next;
    }
  }
  return out;
}
