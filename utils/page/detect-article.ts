/**
 * Is this page a news article, and where is its body? Reads only the DOM it is given, so the
 * content script and the command-line annotator (happy-dom) decide the same way.
 */

export interface ArticleDetection {
  isArticle: boolean;
  /** Why: each signal that counted, with its weight (`json-ld:NewsArticle +3`). */
  reasons: string[];
  score: number;
  /** The element holding the article body (the best candidate even when `isArticle` is false). */
  body: Element | null;
  title: string;
  publishedAt: string | null;
  canonicalUrl: string | null;
  siteName: string | null;
  htmlLang: string | null;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|BlogPosting|Report|ScholarlyArticle|LiveBlogPosting)$/;
const LISTING_TYPES = /^(CollectionPage|WebSite|SearchResultsPage|ItemList|ProfilePage|Product|FAQPage)$/;
const ARTICLE_URL = [
  /\/content_\d+\.s?html?$/i,
  /\/t\d{8}_\d+\.s?html?$/i,
  /\/20\d{2}[-/]?\d{2}[-/]\d{2}\//,
  /\/20\d{2}\/\d{2}\/\d{2}\//,
  /\/20\d{2}-\d{2}\/\d{2}\//,
  /\/(article|articles|story|news|detail|doc)\/[^/]+/i,
  /[-_/]\d{6,}\.s?html?$/i,
  /\/[a-z0-9]+(-[a-z0-9]+){3,}\/?(\.html?)?$/i,
];
/** Class or id words of page furniture that is never article text. */
export const CHROME_WORDS = /(^|[\s_-])(nav|navbar|menu|sidebar|side|aside|footer|foot|masthead|breadcrumbs?|related|recommend|share|sharing|social|comments?|reply|replies|advert|ads?|sponsor|promo|popup|modal|cookie|subscribe|newsletter|prev-next|pager|pagination|toolbar|tags|byline-share|article-info|copyright)([\s_-]|$)/i;
const CHROME_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'HEADER', 'FORM', 'MENU', 'DIALOG']);
/** Elements whose content is never article text. */
export const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'BUTTON', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'VIDEO', 'AUDIO']);

function meta(doc: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

interface JsonLdFacts { types: string[]; datePublished: string | null; headline: string | null }

function jsonLd(doc: Document): JsonLdFacts {
  const facts: JsonLdFacts = { types: [], datePublished: null, headline: null };
  const visit = (node: unknown, depth: number) => {
    if (!node || typeof node !== 'object' || depth > 4) return;
    if (Array.isArray(node)) return node.forEach((n) => visit(n, depth + 1));
    const o = node as Record<string, unknown>;
    const t = o['@type'];
    for (const type of Array.isArray(t) ? t : [t]) if (typeof type === 'string') facts.types.push(type);
    if (typeof o.datePublished === 'string') facts.datePublished ??= o.datePublished;
    if (typeof o.headline === 'string') facts.headline ??= o.headline;
    if (o['@graph']) visit(o['@graph'], depth + 1);
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      /* a broken JSON-LD block is ignored */
    }
  }
  return facts;
}

/** True for elements that are page furniture: nav, sidebars, related links, comments, footers. */
export function isChrome(el: Element): boolean {
  // An article's own <header> holds its headline: keep it.
  if (el.tagName === 'HEADER' && el.querySelector('h1')) return false;
  if (CHROME_TAGS.has(el.tagName)) return true;
  const role = el.getAttribute('role');
  if (role && /^(navigation|complementary|contentinfo|banner|search|menu|dialog)$/.test(role)) return true;
  const words = `${el.getAttribute('class') ?? ''} ${el.id ?? ''}`;
  return words.length > 1 && CHROME_WORDS.test(words);
}

/** Visible, own text length of an element's paragraphs, and how much of it sits in links. */
function textStats(el: Element): { chars: number; linkChars: number; paragraphs: number } {
  let chars = 0, linkChars = 0, paragraphs = 0;
  const walk = (node: Element, inLink: boolean) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        const n = (child.nodeValue ?? '').replace(/\s+/g, '').length;
        chars += n;
        if (inLink) linkChars += n;
      } else if (child.nodeType === 1) {
        const c = child as Element;
        if (SKIP_TAGS.has(c.tagName) || isChrome(c)) continue;
        if (c.tagName === 'P' && (c.textContent ?? '').trim().length >= 20) paragraphs++;
        walk(c, inLink || c.tagName === 'A');
      }
    }
  };
  walk(el, false);
  return { chars, linkChars, paragraphs };
}

/** Picks the element that holds the article text: marked-up bodies first, else the densest block. */
export function findBody(doc: Document): Element | null {
  const marked = [
    ...Array.from(doc.querySelectorAll('[itemprop="articleBody"]')),
    ...Array.from(doc.querySelectorAll('article')),
    ...Array.from(doc.querySelectorAll('[role="article"], .article-content, .article-body, .post-content, .entry-content, #content, .TRS_Editor, .content'))
  ].filter((el) => !isChrome(el));
  let best: Element | null = null;
  let bestScore = 0;
  for (const el of marked) {
    const s = textStats(el);
    const score = (s.chars - 2 * s.linkChars) * (el.tagName === 'ARTICLE' || el.hasAttribute('itemprop') ? 1.2 : 1);
    if (score > bestScore) { best = el; bestScore = score; }
  }
  if (best && bestScore >= 80) return best;
  // Readability-style: credit each paragraph's text to its parent and grandparent.
  const credit = new Map<Element, number>();
  for (const p of Array.from(doc.querySelectorAll('p, pre, td, div > br'))) {
    const el = p.tagName === 'BR' ? p.parentElement! : p;
    if (p.tagName === 'BR' && credit.has(el)) continue;
    let skip = false;
    for (let a: Element | null = el; a; a = a.parentElement) if (isChrome(a)) { skip = true; break; }
    if (skip) continue;
    const len = (el.textContent ?? '').replace(/\s+/g, '').length;
    if (len < 20) continue;
    const parent = el.parentElement;
    if (parent) credit.set(parent, (credit.get(parent) ?? 0) + len);
    const grand = parent?.parentElement;
    if (grand) credit.set(grand, (credit.get(grand) ?? 0) + len / 2);
  }
  for (const [el, c] of credit) {
    const s = textStats(el);
    const score = c * (1 - Math.min(1, s.chars ? s.linkChars / s.chars : 0));
    if (score > bestScore) { best = el; bestScore = score; }
  }
  return best;
}

function dateFromUrl(url: string): string | null {
  const m = /\/(20\d{2})[-/]?(\d{2})[-/](\d{2})\//.exec(url) ?? /\/t(20\d{2})(\d{2})(\d{2})_\d+/.exec(url);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** Scores the page's signals and finds its body; `isArticle` when they add up. */
export function detectArticle(doc: Document, url: string): ArticleDetection {
  const reasons: string[] = [];
  let score = 0;
  const add = (w: number, why: string) => { score += w; reasons.push(`${why} ${w > 0 ? '+' : ''}${w}`); };

  const ld = jsonLd(doc);
  const articleType = ld.types.find((t) => ARTICLE_TYPES.test(t));
  const listingType = ld.types.find((t) => LISTING_TYPES.test(t));
  if (articleType) add(3, `json-ld:${articleType}`);
  else if (listingType) add(-2, `json-ld:${listingType}`);
  const ogType = meta(doc, 'og:type');
  if (ogType === 'article') add(2, 'og:type=article');
  else if (ogType && /^(website|profile|product|video)/.test(ogType)) add(-1, `og:type=${ogType}`);
  const published = meta(doc, 'article:published_time', 'datePublished', 'pubdate', 'publishdate', 'PubDate', 'publish_date', 'dc.date', 'DC.date.issued', 'sailthru.date', 'parsely-pub-date') ?? ld.datePublished;
  if (published) add(1, 'published date');
  if (meta(doc, 'author', 'article:author', 'byl') || doc.querySelector('[rel="author"], [itemprop="author"], .byline, .author')) add(1, 'byline');
  if (ARTICLE_URL.some((re) => re.test(url))) add(1, 'article-like URL');
  if (doc.querySelector('[itemprop="articleBody"]')) add(2, 'itemprop=articleBody');

  const body = findBody(doc);
  const stats = body ? textStats(body) : { chars: 0, linkChars: 0, paragraphs: 0 };
  if (body?.closest('article') || body?.querySelector('article')) add(1, '<article>');
  const linkDensity = stats.chars ? stats.linkChars / stats.chars : 1;
  const cjk = /[\u4e00-\u9fff]/.test(body?.textContent?.slice(0, 400) ?? '');
  const longEnough = stats.chars >= (cjk ? 150 : 500);
  if (stats.paragraphs >= 3 && longEnough && linkDensity < 0.25) add(2, `${stats.paragraphs} paragraphs`);
  else if (longEnough && linkDensity < 0.25) add(1, 'text block');
  if (linkDensity > 0.5) add(-3, 'mostly links');
  const listItems = doc.querySelectorAll('main li a, .list li a, ul li a').length;
  if (listItems > 40 && stats.paragraphs < 3) add(-2, 'link list page');
  // A photo story or brief is short but says plainly that it is an article.
  const declared = !!articleType || ogType === 'article';
  const substantial = longEnough || (declared && stats.chars >= 50);
  if (!substantial) add(-3, `short text (${stats.chars} chars)`);

  const h1 = body?.querySelector('h1') ?? doc.querySelector('h1');
  const title = (h1?.textContent?.trim() || meta(doc, 'og:title') || ld.headline || doc.title || '').replace(/\s+/g, ' ').slice(0, 500);
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(doc, 'og:url');
  const isArticle = substantial && score >= 3;
  return {
    isArticle,
    reasons,
    score,
    body,
    title,
    publishedAt: normaliseDate(published) ?? dateFromUrl(url),
    canonicalUrl: canonical,
    siteName: meta(doc, 'og:site_name', 'application-name') ?? doc.title.split(/\s[-_|—]\s/).slice(1).pop()?.trim() ?? null,
    htmlLang: doc.documentElement.getAttribute('lang'),
  };
}

function normaliseDate(value: string | null): string | null {
  if (!value) return null;
  const m = /(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})/.exec(value);
  if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}
