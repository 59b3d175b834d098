/** The reader's UI language, shared by the whole catalog's `t` and the card's. */
export type UiLang = 'en' | 'zh';

/** The reader's language: Chinese for any zh locale, English otherwise. */
export function uiLang(locale: string = typeof navigator !== 'undefined' ? navigator.language : 'en'): UiLang {
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

let current: UiLang = uiLang();

/** Switches the language (tests, and a future setting). */
export function setUiLang(lang: UiLang): void {
  current = lang;
}

/** The language strings are shown in now. */
export const currentUiLang = (): UiLang => current;

/** A catalog entry in the current language, with $1, $2 … replaced by `subs`. */
export function fill(entry: { en: string; zh: string }, subs: Array<string | number>): string {
  const text = entry[current];
  return subs.length ? text.replace(/\$(\d)/g, (_, i) => String(subs[Number(i) - 1] ?? '')) : text;
}

/** A date (ms since epoch) written the way the reader's language writes dates. */
export function formatDate(ms: number, withTime = false): string {
  const locale = current === 'zh' ? 'zh-CN' : 'en-US';
  const d = new Date(ms);
  return withTime ? d.toLocaleString(locale) : d.toLocaleDateString(locale);
}
