import { CATALOG, type MessageKey } from './catalog';
import { fill } from './lang';

export { formatDate, setUiLang, uiLang, type UiLang } from './lang';

/** A UI string in the reader's language, with $1, $2 … replaced by `subs`. */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  return fill(CATALOG[key], subs);
}
