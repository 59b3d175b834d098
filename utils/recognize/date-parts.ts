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
  const m = /^(\d{4})-(\d{1,2})/.exec(refDate ?? '');
  if (!m) return {};
  const month = Number(m[2]);
  return { year: Number(m[1]), month: month >= 1 && month <= 12 ? month : undefined };
}
