/**
 * English calendar expressions: `March 5, 2024`, `5 March 2024`, `Sept. 5`, `March 2024`, `in March`,
 * `2023`, `2021-2035` (one date, `2021/2035`) and `2024-03-05`. Relative ones (`last Tuesday`, `next
 * year`) are not dates; weekdays stay outside the span.
 */
import { digitRunEnd, digitValue, isDigit, isDigitCode } from './arabic-numerals';
import { isoOf, refParts, type DateParts } from './date-parts';
import { isLetterAt, isLetterCode } from './latin-chars';
import type { DateMention } from './types';
import { EN_SCALES, EN_UNITS } from './units';

const MONTHS: Record<string, number> = {
  January: 1, February: 2, March: 3, April: 4, May: 5, June: 6, July: 7, August: 8, September: 9, October: 10,
  November: 11, December: 12, Jan: 1, Feb: 2, Mar: 3, Apr: 4, Jun: 6, Jul: 7, Aug: 8, Sep: 9, Sept: 9, Oct: 10,
  Nov: 11, Dec: 12,
};
const FULL_MONTHS = new Set(Object.keys(MONTHS).filter((k) => k.length > 4 || k === 'May' || k === 'June' || k === 'July'));
/** A month name alone is a date only after one of these (`in March`, `since May`), not `last March`. */
const BEFORE_BARE_MONTH = new Set(['in', 'since', 'until', 'till', 'from', 'during', 'early', 'mid', 'late', 'of', 'through', 'throughout', 'by', 'to', 'before', 'after', 'between', 'and']);
/** `May` alone is a verb more often than a month; only these make it one. */
const BEFORE_BARE_MAY = new Set(['in', 'since', 'until', 'till', 'during', 'early', 'mid', 'late', 'of']);
const YEAR_DASHES = new Set(['-', '–', '—']);

const isLetter = (c: string | undefined) => c !== undefined && isLetterCode(c.charCodeAt(0));

function wordAt(text: string, i: number): string {
  let j = i;
  while (j < text.length && isLetterAt(text, j)) j++;
  return text.slice(i, j);
}

function numberAt(text: string, i: number, maxDigits: number): { value: number; end: number } | null {
  if (!isDigit(text[i])) return null;
  const end = digitRunEnd(text, i);
  if (end - i > maxDigits) return null;
  let v = 0;
  for (let k = i; k < end; k++) v = v * 10 + digitValue(text[k]);
  return { value: v, end };
}

/** A day of month at `i` (`5`, `5th`, `22nd`), ending before a non-word character. */
function dayAt(text: string, i: number): { value: number; end: number } | null {
  const d = numberAt(text, i, 2);
  if (!d || d.value < 1 || d.value > 31) return null;
  let end = d.end;
  const suffix = wordAt(text, end).toLowerCase();
  if (suffix === 'st' || suffix === 'nd' || suffix === 'rd' || suffix === 'th') end += suffix.length;
  else if (suffix) return null;
  if (text[end] === ':' || (text[end] === '.' && isDigit(text[end + 1])) || text[end] === ',' && isDigit(text[end + 1])) return null;
  return { value: d.value, end };
}

/** A year at `i`: four digits in 1000-2100, not part of a longer number. */
function yearAt(text: string, i: number): { value: number; end: number } | null {
  const y = numberAt(text, i, 4);
  if (!y || y.end - i !== 4 || y.value < 1000 || y.value > 2100) return null;
  if (isLetter(text[y.end]) || (text[y.end] === ',' && isDigit(text[y.end + 1])) || (text[y.end] === '.' && isDigit(text[y.end + 1])) || text[y.end] === '%') return null;
  return y;
}

/** The word that ends right before `i` (skipping one space or hyphen), lower-cased. */
function wordBefore(text: string, i: number): string {
  if (text[i - 1] !== ' ' && text[i - 1] !== '-') return '';
  let k = i - 1;
  while (k > 0 && isLetter(text[k - 1])) k--;
  return text.slice(k, i - 1).toLowerCase();
}

/** True when a number at `end` is followed by a unit or scale word (`2000 people`): a count, not a year. */
function countFollows(text: string, end: number): boolean {
  if (text[end] !== ' ') return false;
  const w = wordAt(text, end + 1).toLowerCase();
  return EN_UNITS.has(w) || (w in EN_SCALES && w.length > 2) || w === 'percent' || w === 'pct';
}

/** Finds English calendar expressions; `refDate` (YYYY-MM-DD) gives month-days without a year their year. */
export function findEnDates(text: string, refDate?: string): DateMention[] {
  const out: DateMention[] = [];
  const ref = refParts(refDate);
  const n = text.length;
  const push = (start: number, end: number, parts: DateParts, iso?: string) => {
    const filled = { ...parts };
    if (filled.month && !filled.year) filled.year = ref.year;
    const m: DateMention = { type: 'date', start, end, text: text.slice(start, end) };
    const value = iso ?? isoOf(filled);
    if (value) m.iso = value;
    out.push(m);
  };
  /** `, 2024` or ` 2024` after a month or day at `end`. */
  const yearAfter = (end: number) => {
    let k = end;
    if (text[k] === ',' && text[k + 1] === ' ') k += 2;
    else if (text[k] === ' ') k += 1;
    else return null;
    const y = yearAt(text, k);
    return y && !countFollows(text, y.end) ? y : null;
  };

  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (!isDigitCode(code) && !isLetterCode(code)) {
      i++;
      continue;
    }
    const c = text[i];
    if (isLetterCode(code) && isLetterAt(text, i - 1)) {
      i++;
      continue;
    }
    if (isLetterCode(code)) {
      const word = wordAt(text, i);
      const month = MONTHS[word];
      if (month === undefined) {
        i += word.length;
        continue;
      }
      let end = i + word.length;
      if (text[end] === '.' && word.length <= 4 && word !== 'May' && word !== 'June' && word !== 'July') end++;
      // Month Day[, Year]
      if (text[end] === ' ') {
        const d = dayAt(text, end + 1);
        if (d) {
          const y = yearAfter(d.end);
          if (y) push(i, y.end, { year: y.value, month, day: d.value });
          else push(i, d.end, { month, day: d.value });
          i = y ? y.end : d.end;
          continue;
        }
        const y = yearAfter(end);
        if (y) {
          push(i, y.end, { year: y.value, month });
          i = y.end;
          continue;
        }
      }
      // Month alone, after a word that makes it a time (`in March`); abbreviations never alone.
      const before = wordBefore(text, i);
      const bare = FULL_MONTHS.has(word);
      if (bare && (word === 'May' ? BEFORE_BARE_MAY.has(before) : BEFORE_BARE_MONTH.has(before))) push(i, i + word.length, { month });
      i += word.length;
      continue;
    }
    if (isDigit(c) && !isDigit(text[i - 1]) && !isLetter(text[i - 1]) && text[i - 1] !== '.' && text[i - 1] !== ',' && text[i - 1] !== '$') {
      // ISO date 2024-03-05.
      const y = yearAt(text, i);
      if (y && text[y.end] === '-') {
        const m = numberAt(text, y.end + 1, 2);
        if (m && text[m.end] === '-' && m.value >= 1 && m.value <= 12) {
          const d = numberAt(text, m.end + 1, 2);
          if (d && d.value >= 1 && d.value <= 31 && !isDigit(text[d.end])) {
            push(i, d.end, { year: y.value, month: m.value, day: d.value });
            i = d.end;
            continue;
          }
        }
      }
      // Year range 2021-2035: one date.
      if (y && YEAR_DASHES.has(text[y.end])) {
        const y2 = yearAt(text, y.end + 1);
        if (y2 && y2.value > y.value && !countFollows(text, y2.end)) {
          push(i, y2.end, {}, `${y.value}/${y2.value}`);
          i = y2.end;
          continue;
        }
      }
      // Day Month [Year]: 5 March 2024.
      const d = dayAt(text, i);
      if (d && text[d.end] === ' ') {
        const w = wordAt(text, d.end + 1);
        const month = MONTHS[w];
        if (month !== undefined && w.length >= 3) {
          let end = d.end + 1 + w.length;
          if (text[end] === '.' && w.length <= 4) end++;
          const yr = yearAfter(end);
          push(i, yr ? yr.end : d.end + 1 + w.length, { year: yr?.value, month, day: d.value });
          i = yr ? yr.end : end;
          continue;
        }
      }
      // A year alone, unless it counts something (`2000 people`) or is money.
      if (y && !countFollows(text, y.end) && !YEAR_DASHES.has(text[y.end]) && text[y.end] !== '/' && text[y.end] !== ':') {
        push(i, y.end, { year: y.value });
        i = y.end;
        continue;
      }
      i = digitRunEnd(text, i);
      continue;
    }
    i++;
  }
  return out;
}
