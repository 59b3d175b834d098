import { findEnNumbers } from './numbers-en';
import { findZhNumbers } from './numbers-zh';
import type { Lang, NumberMention } from './types';

/**
 * Quantities in squeezed text, by the rules of the text's language (GUIDELINES.md "number"; English:
 * `$4.2 billion`). `from`, for Chinese only, is where the first digit or numeral is, when known.
 */
export function findNumbers(text: string, lang: Lang, from = 0): NumberMention[] {
  if (!text) return [];
  return lang === 'en' ? findEnNumbers(text) : findZhNumbers(text, from);
}
