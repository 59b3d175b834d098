import { findEnDates } from './dates-en';
import { findZhDates } from './dates-zh';
import type { DateMention, Lang } from './types';

/**
 * Calendar expressions in squeezed text; `refDate` (YYYY-MM-DD) gives month-days without a year their
 * year. `from`, for Chinese only, is where the first digit or numeral is (see nextNumeralAt), when known.
 */
export function findDates(text: string, lang: Lang, refDate?: string, from = 0): DateMention[] {
  if (!text) return [];
  return lang === 'en' ? findEnDates(text, refDate) : findZhDates(text, refDate, from);
}
