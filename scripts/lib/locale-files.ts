import { CATALOG } from '../../utils/i18n/catalog.ts';

/** The _locales files the catalog implies: path → JSON text. Placeholders $1… become Chrome's $1 syntax. */
export function localeFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [dir, lang] of [['en', 'en'], ['zh_CN', 'zh']] as const) {
    const messages: Record<string, { message: string }> = {};
    for (const [key, texts] of Object.entries(CATALOG)) messages[key] = { message: texts[lang].replace(/\$(\d)/g, '$$$1') };
    out[`public/_locales/${dir}/messages.json`] = JSON.stringify(messages, null, 2) + '\n';
  }
  return out;
}
