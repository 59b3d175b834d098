/**
 * What a page's address says of it: an article's shape (`/content_123.html`, `/2024-02/07/`,
 * `t20240207_123.html`), a news section, or a blog, docs or shop. Apart from the DOM detection
 * (detect-article.ts) because the document_start script asks it before the page has any content,
 * and should not carry the rest.
 */
import { wordSet } from '../word-set';

/** Address shapes of single stories on news and government sites. */
const ARTICLE_URL = [
  /\/content_\d+\.s?html?$/i,
  /\/t\d{8}_\d+\.s?html?$/i,
  /\/20\d{2}[-/]?\d{2}[-/]\d{2}\//,
  /\/20\d{2}\/\d{2}\/\d{2}\//,
  /\/20\d{2}-\d{2}\/\d{2}\//,
  /\/(article|articles|story|stories|news|detail)\/[^/]+/i,
  /[-_/]\d{6,}\.s?html?$/i,
  /\/[a-z0-9]+(-[a-z0-9]+){3,}\/?(\.s?html?)?$/i,
];
/** A path segment naming a news section, in the languages of the outlets we read (lower case). */
const NEWS_SEGMENTS = wordSet('news noticia noticias nachrichten meldung actualite actualites actualidad notizie nieuws noticies xinwen breaking-news politics politica politik politique world mundo welt monde nation national local metro nyregion economy economia wirtschaft business sport sports');
/** A path segment or host label of writing that is not news: blogs, docs, wikis, how-tos, shops (lower case). */
const NON_NEWS_SEGMENTS = wordSet('blog blogs weblog doc docs documentation manual reference api wiki help support faq kb knowledge-base knowledgebase guide guides tutorial tutorials howto how-to learn course courses product products shop store forum forums questions community developer developers about careers jobs');
const HOW_TO_SEGMENT = /^(how[-_]?to[-_]|how_\d)/i;

/** Which path segments and host labels of the URL say news, and which say blog/docs/shop. */
export function urlSignals(url: string): { articleShape: boolean; newsSection: boolean; nonNews: string | null } {
  let path = '';
  let host = '';
  try {
    const u = new URL(url);
    path = u.pathname;
    host = u.protocol === 'file:' ? '' : u.hostname;
  } catch {
    path = url;
  }
  const segments = path.split('/').filter(Boolean);
  const dirs = segments.slice(0, -1);
  const labels = host.split('.').slice(0, -1);
  const nonNews = [...labels, ...dirs].find((s) => NON_NEWS_SEGMENTS.has(s.toLowerCase()))
    ?? segments.find((s) => HOW_TO_SEGMENT.test(s)) ?? null;
  return {
    articleShape: ARTICLE_URL.some((re) => re.test(path)),
    newsSection: [...labels, ...dirs].some((s) => NEWS_SEGMENTS.has(s.toLowerCase())),
    nonNews,
  };
}

/**
 * True when the URL alone says news: an article's shape or a news section, and nothing of a blog,
 * docs or shop. Read before the page has any content (at document_start), to decide whether the
 * background should get ready for an article.
 */
export function urlLooksLikeNews(url: string): boolean {
  const u = urlSignals(url);
  return (u.articleShape || u.newsSection) && !u.nonNews;
}

/** The date an address carries (`/2024-02/07/`, `t20240207_123`), as YYYY-MM-DD, or null. */
export function dateFromUrl(url: string): string | null {
  const m = /\/(20\d{2})[-/]?(\d{2})[-/](\d{2})\//.exec(url) ?? /\/t(20\d{2})(\d{2})(\d{2})_\d+/.exec(url);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}
