/** Calendar parts shared by the Chinese and English date recognisers, and their ISO form. */

/** What a date expression states; missing parts come from context or the reference date. */
export interface DateParts {
  year?: number;
  month?: number;
  day?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` for the parts known from the year down; undefined without a year. */
export function isoOf(p: DateParts): string | undefined {
  if (!p.year) return undefined;
  if (!p.month) return String(p.year).padStart(4, '0');
  if (!p.day) return `${p.year}-${pad(p.month)}`;
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Year and month of a `YYYY-MM-DD` reference date (either may be absent), so month-days get a year. */
export function refParts(refDate?: string): DateParts {
  if (!refDate) return {};
  const m = /^(\d{4})-(\d{1,2})/.exec(refDate);
  if (!m) return {};
  const month = Number(m[2]);
  return { year: Number(m[1]), month: month >= 1 && month <= 12 ? month : undefined };
}

/** Words after `N年` that make it a length of time, not a year (`1000年之久`, `2000年的历史`). */
const DURATION_AFTER_YEAR = ['之久', '的历史'];
/** Words that do the same only for years long past (`6000年前` but `2000年前` is "before 2000"). */
const DURATION_AFTER_OLD_YEAR = ['前', '历史'];

/** True when `year` + `年` ending at `after` is a span of years rather than a year (`1200年前`). */
export function yearIsDuration(text: string, after: number, year: number): boolean {
  if (DURATION_AFTER_YEAR.some((w) => text.startsWith(w, after))) return true;
  return year < 1500 && DURATION_AFTER_OLD_YEAR.some((w) => text.startsWith(w, after));
}
