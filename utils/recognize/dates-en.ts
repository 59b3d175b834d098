import type { DateMention } from './types';
export function findEnDates(_text: string, _refDate?: string): DateMention[] { return []; }
