import type { Lang, NumberMention } from './types';

/** Quantities in squeezed text. Placeholder until the numbers module lands (see issue 3). */
export function findNumbers(_text: string, _lang: Lang): NumberMention[] {
  return [];
}
