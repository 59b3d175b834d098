import { findEnDates } from './dates-en';
import { findZhDates } from './dates-zh';
import type { DateMention, Lang } from './types';

/** Calendar expressions in squeezed text; `refDate` (YYYY-MM-DD) gives month-days without a year their year. */
export function findDates(text: string, lang: Lang, refDate?: string): DateMention[] {
  if (!text) return [];
  return lang === 'en' ? findEnDates(text, refDate) : findZhDates(text, refDate);
}
