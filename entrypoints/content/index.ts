import { detectArticle } from '@/utils/page/detect-article';
import { buildTextMap } from '@/utils/page/text-map';
import { canPaintHighlights, createPainter } from '@/utils/page/paint';
import { sendMessage } from '@/utils/messages';
import { detectLang } from '@/utils/recognize/lang';

/**
 * Per page: decide whether it is a news article, map its body's text, have the background
 * recognise it, paint the mentions and record the reading. The page's DOM is left as it was.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main() {
    const root = document.documentElement;
    try {
      const detection = detectArticle(document, location.href);
      if (!detection.isArticle || !detection.body) {
        root.dataset.dossier = 'skipped';
        return;
      }
      const map = buildTextMap(detection.body);
      const lang = detection.htmlLang?.toLowerCase().startsWith('zh') ? 'zh' : detectLang(map.text);
      const refDate = detection.publishedAt ?? new Date().toISOString().slice(0, 10);
      const mentions = await sendMessage('recognize', { text: map.text, lang, refDate });
      let painted = 0;
      if (canPaintHighlights(window)) {
        const painter = createPainter(document);
        const items = mentions.flatMap((mention) => {
          const range = map.toRange(mention.start, mention.end);
          return range ? [{ mention, range }] : [];
        });
        painted = painter.paint(items);
      }
      root.dataset.dossierCount = String(painted);
      root.dataset.dossier = 'article';
      await sendMessage('recordReading', {
        article: {
          url: location.href,
          canonicalUrl: detection.canonicalUrl,
          siteName: detection.siteName,
          title: detection.title,
          publishedAt: detection.publishedAt,
          lang,
          text: map.text,
        },
        mentions,
      });
    } catch (err) {
      root.dataset.dossier = 'error';
      console.error('Dossier:', err);
    }
  },
});
