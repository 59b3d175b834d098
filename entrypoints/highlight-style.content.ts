import { highlightSheet } from '@/utils/page/paint';
import { loadSettings, siteDecision } from '@/utils/settings';

/**
 * Adopts the highlight style sheet at document_start, while the document is still empty: adopting
 * it later, once the main content script knows the page is an article, makes the browser restyle
 * every element (half a second on a 200,000-node page). The default palette goes in at once (the
 * settings arrive asynchronously, by when a fast page may be parsed); a reader's other palette
 * replaces it when they do. The sheet only styles Dossier's own named highlights: on pages that
 * never get any, including the sites the reader skips, it changes nothing.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  async main() {
    highlightSheet(document, 'classic');
    const settings = await loadSettings().catch(() => null);
    if (settings && siteDecision(settings, location.hostname) !== 'skip') highlightSheet(document, settings.palette);
  },
});
