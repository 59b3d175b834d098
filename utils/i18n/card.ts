import { CARD_CATALOG, type CardMessageKey } from './card-catalog';
import { fill } from './lang';

export { formatDate, uiLang } from './lang';

/**
 * A string of the entity card in the reader's language (as `t` of the whole catalog gives it):
 * the card's components use this one, so the content script bundles the card's strings alone.
 */
export function t(key: CardMessageKey, ...subs: Array<string | number>): string {
  return fill(CARD_CATALOG[key], subs);
}
