import type { DateMention, Lang } from './types';

/** Calendar expressions in squeezed text. Placeholder until the dates module lands (see issue 3). */
export function findDates(_text: string, _lang: Lang, _refDate?: string): DateMention[] {
  return [];
}
