import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * Extension pages (popup, options, the background) load only their own files and talk to no
 * server: no network even if a bug or a dependency tried (connect-src 'none'), no plugins, no
 * inline or remote script. 'wasm-unsafe-eval' lets the background compile the tagger's WebAssembly
 * kernel, which ships inside its bundle (utils/recognize/zh/model/kernel.ts); without it the tagger
 * runs its JS loop. `wxt` dev keeps WXT's own policy, which its reload server needs.
 */
const EXTENSION_PAGES_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; connect-src 'none'; img-src 'self' data: blob:; base-uri 'none'; form-action 'none'";

/** Extension build configuration: one source tree, Chrome MV3 and Firefox MV2 outputs. */
export default defineConfig({
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, command }) => ({
    // Both come from public/_locales (generated from utils/i18n/catalog.ts): the browser's language picks.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'unlimitedStorage', 'contextMenus'],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'Dossier' },
    // WXT writes it as MV2's plain string for Firefox.
    ...(command === 'build' ? { content_security_policy: { extension_pages: EXTENSION_PAGES_CSP } } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'dossier@dossier.invalid',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {
          // Chrome 148+ carries messages by structured clone, as Firefox always has: the article's
          // text crosses as a copy of its characters instead of a JSON string built and parsed on
          // each side (on a 1 MB article the page's share of the messages fell from a median of 59
          // to 37 ms on a 2-core machine). Older Chrome ignores the key and keeps JSON, so every
          // message stays JSON-safe (see utils/messages.ts).
          message_serialization: 'structured_clone',
        }),
  }),
});
