/**
 * The content script's pipeline on a saved page, in Node: the same article detection, text map
 * and recogniser, so `annotate page` prints what the extension would highlight.
 */
import { Window } from 'happy-dom';
import { detectArticle } from '../../utils/page/detect-article.ts';
import { buildTextMap } from '../../utils/page/text-map.ts';
import { detectLang, recognize, type Mention } from '../../utils/recognize/index.ts';
import { installShippedModels } from './node-models.ts';

export interface PageAnnotation {
  isArticle: boolean;
  reasons: string[];
  title: string;
  lang: 'zh' | 'en';
  publishedAt: string | null;
  text: string;
  entities: Mention[];
}

/** Detects, maps and recognises one HTML page; entities are offsets into `text`. */
export async function annotateHtml(html: string, url = 'http://localhost/page.html'): Promise<PageAnnotation> {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true } } });
  try {
    const document = window.document as unknown as Document;
    document.write(html);
    const detection = detectArticle(document, url);
    // happy-dom computes no layout: visibility comes from attributes and inline styles only.
    const map = detection.body ? buildTextMap(detection.body, { isVisible: (el) => !(el as HTMLElement).hidden && !/display\s*:\s*none/i.test(el.getAttribute('style') ?? '') }) : null;
    const text = map?.text ?? '';
    installShippedModels();
    const lang = detection.htmlLang?.toLowerCase().startsWith('zh') ? 'zh' : detectLang(text);
    const refDate = detection.publishedAt ?? undefined;
    return {
      isArticle: detection.isArticle,
      reasons: detection.reasons,
      title: detection.title,
      lang,
      publishedAt: detection.publishedAt,
      text,
      entities: detection.isArticle ? recognize(text, { lang, refDate }) : [],
    };
  } finally {
    await window.happyDOM.close();
  }
}
