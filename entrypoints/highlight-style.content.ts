import { sendMessage } from '@/utils/messages';
import { highlightSheet } from '@/utils/page/paint';
import { loadSettings, siteDecision } from '@/utils/settings';
import { mayBeNewsAt, newsHostsItem } from '@/utils/news-hosts';

/**
 * Runs at document_start, while the document is still empty, to get things ready for an article:
 * - Adopts the highlight style sheet: adopting it later, once the main content script knows the
 *   page is an article, makes the browser restyle every element (half a second on a 200,000-node
 *   page). The default palette goes in at once (the settings arrive asynchronously, by when a fast
 *   page may be parsed); a reader's other palette replaces it when they do. The sheet only styles
 *   Dossier's own named highlights: on pages that never get any, it changes nothing.
 * - On a page that may be annotated (a site the reader always annotates, a site where they have
 *   read articles before, or a news-shaped URL), wakes the background to read the known names,
 *   load the model and warm the recogniser up while the page loads: after a restart, the
 *   background's first recognition costs several times a later one.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  async main() {
    highlightSheet(document, 'classic');
    const [settings, newsHosts] = await Promise.all([loadSettings().catch(() => null), newsHostsItem.getValue().catch(() => [])]);
    if (!settings) return;
    const decision = siteDecision(settings, location.hostname);
    if (decision === 'skip') return;
    highlightSheet(document, settings.palette);
    if (decision === 'always' || mayBeNewsAt(location.href, newsHosts)) {
      // An attribute, not `.lang`: an XML document's root (an SVG file) has no such property.
      const declared = document.documentElement?.getAttribute('lang')?.toLowerCase() ?? '';
      void sendMessage('warmUp', { lang: declared.startsWith('zh') ? 'zh' : null }).catch(() => undefined);
    }
  },
});
