/**
 * Is this page a news article, and where is its body? Reads only the DOM it is given, so the
 * content script and the command-line annotator (happy-dom) decide the same way.
 *
 * News, not just "readable text": the score adds what outlets put on their reports (NewsArticle
 * markup, news metadata, datelines, reported speech, 来源/发布时间 lines) and takes away what blogs,
 * docs, how-tos and wikis show (BlogPosting markup, /blog/ and /docs/ paths, code listings, a
 * first-person voice). No layout reads; the DOM is walked once for text statistics.
 */
import { lazyRegExp } from '../lazy-regexp';
import { wordSet } from '../word-set';
import { dateFromUrl, urlSignals } from './news-url';
import { runInSlices, SLICE_MS, yieldToPage } from './pacing';

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

/** Score at which a page with enough body text counts as a news article. */
export const ARTICLE_THRESHOLD = 4;

const NEWS_TYPES = wordSet('NewsArticle ReportageNewsArticle AnalysisNewsArticle OpinionNewsArticle BackgroundNewsArticle ReviewNewsArticle AskPublicNewsArticle LiveBlogPosting');
const ARTICLE_TYPES = wordSet('Article Report');
/** Schema.org types of writing that is not news: blogs, docs, how-tos, products, forums. */
const NON_NEWS_TYPES = wordSet('BlogPosting Blog TechArticle APIReference HowTo Recipe Product SoftwareApplication SoftwareSourceCode FAQPage QAPage DiscussionForumPosting SocialMediaPosting Course Book Chapter ScholarlyArticle');
const LISTING_TYPES = wordSet('CollectionPage WebSite SearchResultsPage ItemList ProfilePage');

/**
 * Class or id words of page furniture that is never article text, in lower case. A word stands
 * between the start or end, white space, `_` and `-` (`site-nav`, `nav_main`); a two-part word
 * (`most-read`) is written with its hyphen.
 */
const CHROME_WORDS = wordSet('nav navbar menu sidebar side aside footer foot masthead breadcrumb breadcrumbs related recommend share sharing social comment comments reply replies advert ad ads sponsor promo popup modal cookie subscribe newsletter prev-next pager pagination toolbar tags byline-share article-info copyright most-read most-popular most-viewed most-shared trending recirc recirculation outbrain taboola widget');
/** First parts of CHROME_WORDS' two-part words: only after one of these is a pair looked up. */
const CHROME_PAIR_STARTS = new Set([...CHROME_WORDS].filter((w) => w.includes('-')).map((w) => w.slice(0, w.indexOf('-'))));
/** Words naming the article itself, between `_` and `-` in a class token: a layout box that has both ("l-sidebar l-article-body") holds the article. */
const CONTENT_WORDS = wordSet('article body content main story entry');
const CHROME_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'HEADER', 'FORM', 'MENU', 'DIALOG']);
/** Elements whose content is never article text. */
export const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'BUTTON', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'VIDEO', 'AUDIO']);

interface TypeFacts { types: string[]; datePublished: string | null; headline: string | null }

/** Schema.org types and facts from JSON-LD blocks and microdata `itemtype`s. */
function schemaFacts(scan: PageScan): TypeFacts {
  const facts: TypeFacts = { types: [], datePublished: null, headline: null };
  const visit = (node: unknown, depth: number) => {
    if (!node || typeof node !== 'object' || depth > 4) return;
    if (Array.isArray(node)) return node.forEach((n) => visit(n, depth + 1));
    const o = node as Record<string, unknown>;
    const t = o['@type'];
    for (const type of Array.isArray(t) ? t : [t]) if (typeof type === 'string' && !type.startsWith('@')) facts.types.push(type.replace(/^.*[/:]/, ''));
    if (typeof o.datePublished === 'string') facts.datePublished ??= o.datePublished;
    if (typeof o.headline === 'string') facts.headline ??= o.headline;
    if (o['@graph']) visit(o['@graph'], depth + 1);
  };
  for (const text of scan.jsonLd) {
    try {
      // Some pages wrap the block in CDATA or comment markers for old XHTML parsers (looked for
      // before the patterns are compiled: most pages have none).
      let json = text;
      if (json.includes('<![CDATA[')) json = json.replace(/^\s*(\/\*\s*|\/\/\s*)?<!\[CDATA\[(\s*\*\/)?/, '');
      if (json.includes(']]>')) json = json.replace(/(\/\*\s*|\/\/\s*)?\]\]>(\s*\*\/)?\s*$/, '');
      visit(JSON.parse(json), 0);
    } catch {
      /* a broken JSON-LD block is ignored */
    }
  }
  for (const itemtype of scan.itemTypes) {
    for (const t of itemtype.split(/\s+/)) if (/schema\.org\//i.test(t)) facts.types.push(t.replace(/^.*\//, ''));
  }
  return facts;
}

/**
 * The element's tag name in upper case. HTML documents give it so already (one test, no copy);
 * XHTML documents (application/xhtml+xml) and SVG give it as written, and every tag test would miss.
 */
export const tagOf = (el: Element): string => {
  const tag = el.tagName;
  // A name starts with a letter: upper case there is an HTML element's name, all in capitals (`H1`).
  const c = tag.charCodeAt(0);
  return c >= 97 && c <= 122 ? tag.toUpperCase() : tag;
};

const CHROME_ROLES = wordSet('navigation complementary contentinfo banner search menu dialog');

/** What a class list (or id) says, as bits; see wordFacts and classFacts. */
const FURNITURE = 1, NAMES_ARTICLE = 2, BODY_CLASS = 4, AUTHOR_CLASS = 8, LIST_CLASS = 16;

/**
 * What one white-space-free token of a class or id attribute says, as bits: FURNITURE, a word of
 * CHROME_WORDS in it (`sidebar`, `related-links`); NAMES_ARTICLE, a word of CONTENT_WORDS in it and
 * none of CHROME_WORDS (`article-body`).
 */
function tokenFacts(token: string): number {
  let chrome = false;
  let content = false;
  for (const chunk of token.toLowerCase().split('_')) {
    const parts = chunk.split('-');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (CHROME_WORDS.has(part) || (i + 1 < parts.length && CHROME_PAIR_STARTS.has(part) && CHROME_WORDS.has(`${part}-${parts[i + 1]}`))) chrome = true;
      else if (CONTENT_WORDS.has(part)) content = true;
    }
  }
  return chrome ? FURNITURE : content ? NAMES_ARTICLE : 0;
}

/**
 * What a class list (or id) says of furniture: FURNITURE if any token is furniture, NAMES_ARTICLE
 * if any token names the article without being furniture. An element with both holds the article:
 * a layout box "l-sidebar l-article-body".
 */
function wordFacts(words: string): number {
  let f = 0;
  for (const token of words.split(SPACES)) if (token) f |= tokenFacts(token);
  return f;
}

/** What separates the tokens of a class list. */
const SPACES = /\s+/;

/**
 * Everything the walk asks of a class list, by its value: wordFacts, and whether it holds a body
 * class, `byline`/`author` or `list`. A page repeats a few dozen class lists over thousands of
 * elements, and asking each element again was most of the walk's time. Bounded, as pages make up classes.
 */
const classFacts = new Map<string, number>();
const CLASS_FACTS_MAX = 4096;

function factsOfClass(cls: string): number {
  let f = classFacts.get(cls);
  if (f === undefined) {
    if (classFacts.size >= CLASS_FACTS_MAX) classFacts.clear();
    f = 0;
    for (const t of cls.split(SPACES)) {
      if (!t) continue;
      f |= tokenFacts(t);
      if (BODY_CLASSES.includes(t)) f |= BODY_CLASS;
      else if (t === 'byline' || t === 'author') f |= AUTHOR_CLASS;
      else if (t === 'list') f |= LIST_CLASS;
    }
    classFacts.set(cls, f);
  }
  return f;
}

/** The page itself: a class on <html> or <body> says what the site turned on (`ads-enabled`, `has-sidebar`), never that the page is furniture. */
const PAGE_TAGS = new Set(['HTML', 'BODY', 'MAIN']);

/**
 * Whether a box built or named like furniture holds the article, its headline and paragraphs: an
 * ASP.NET page is one <form> around everything (many Chinese government portals), and a layout box
 * may carry a furniture word (`page-with-sidebar`). Taken for furniture, they left the page no text.
 */
const wrapsArticle = (el: Element) => el.getElementsByTagName('h1').length > 0 && el.getElementsByTagName('p').length >= 3;

/**
 * isChrome from what the caller has read of the element already (`classBits`: factsOfClass).
 * `mayWrap`: whether the element may still wrap the article; false inside furniture, where
 * looking through every nested box's subtree again would cost a walk per level.
 */
function furniture(el: Element, tag: string, classBits: number, role: string | null, id: string, mayWrap = true): boolean {
  if (PAGE_TAGS.has(tag)) return false;
  // An article's own <header> holds its headline: keep it.
  if (tag === 'HEADER' && el.querySelector('h1')) return false;
  // An ASP.NET page's form sits right under <body>, around everything, headline or not.
  if (CHROME_TAGS.has(tag)) return tag !== 'FORM' || !mayWrap || !(el.parentElement?.tagName === 'BODY' || wrapsArticle(el));
  const named = (role !== null && CHROME_ROLES.has(role)) || ((classBits | (id ? wordFacts(id) : 0)) & (FURNITURE | NAMES_ARTICLE)) === FURNITURE;
  return named && !(mayWrap && wrapsArticle(el));
}

/**
 * True for elements that are page furniture: nav, sidebars, related links, comments, footers.
 * Walks that already hold the element's tag pass it (`tagName` is a call into the DOM, and a huge
 * article is thousands of elements).
 */
export function isChrome(el: Element, tag: string = tagOf(el)): boolean {
  if (!el.hasAttributes()) return furniture(el, tag, 0, null, '');
  const cls = el.getAttribute('class');
  return furniture(el, tag, cls ? factsOfClass(cls) : 0, el.getAttribute('role'), el.id ?? '');
}

interface TextStats { chars: number; linkChars: number; paragraphs: number }

/** What one walk over the page gathers: text statistics per element and the page's metadata. */
/** What one walk over the page found (see scanPage / scanPageInSlices). */
export interface PageScan {
  /**
   * Visible own text per element (scripts and furniture left out), link text, 20+ char paragraphs:
   * kept for marked candidates and for elements of 20+ characters only, as only those can win the
   * body (a page of 200,000 elements made a map as large, and its garbage stalled the page).
   * Furniture's text is not read (see Frame.counts): only marked candidates inside it have stats.
   */
  stats: Map<Element, TextStats>;
  /** `<meta>` content by property, name and itemprop (first non-empty wins). */
  metas: Map<string, string>;
  jsonLd: string[];
  itemTypes: string[];
  /** Marked-up body candidates: itemprop=articleBody, then <article>, then common body classes. */
  marked: [Element[], Element[], Element[]];
  /**
   * Paragraph-like blocks outside furniture, in document order (a <div> of <br>-separated text as
   * the div); `chars`: the block's visible characters where the walk knew them on the spot (a
   * bare <p> of one text node, which then needs no entry in `stats`), else -1: look in `stats`.
   * `parent` and `grand`: the block's parent and grandparent elements, as the walk held them (a
   * long article's thousands of paragraphs each asked the DOM for both again when the body was picked).
   */
  blocks: ScanBlock[];
  hasAuthor: boolean;
  hasArticleBody: boolean;
  /** Links inside list items of lists and <main> (`ul li a`, `main li a`, `.list li a`). */
  listLinks: number;
}

/** A paragraph-like block the scan met; see PageScan.blocks. */
interface ScanBlock { el: Element; br: boolean; chars: number; parent: Element | null; grand: Element | null }

/** A paragraph shorter than this credits nothing to its container. */
const MIN_BLOCK_CHARS = 20;

const BODY_CLASSES = ['article-content', 'article-body', 'post-content', 'entry-content', 'TRS_Editor', 'content'];

/** Walks the document once: text statistics of every element, metadata and body candidates. */
function scanPage(root: Element): PageScan {
  const steps = scanSteps(root);
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
}

/**
 * The same scan in slices of about `budgetMs`, yielding to the page between them (`pause`), so
 * deciding about a page of hundreds of thousands of nodes never blocks it for long. Pass the
 * result to `detectArticle`.
 */
export function scanPageInSlices(root: Element, budgetMs = SLICE_MS, pause: () => Promise<void> = yieldToPage): Promise<PageScan> {
  return runInSlices(scanSteps(root), budgetMs, pause);
}

/** The walk as a generator (it pauses every 512 elements), depth first with an explicit stack. */
function* scanSteps(root: Element): Generator<void, PageScan> {
  const scan: PageScan = { stats: new Map(), metas: new Map(), jsonLd: [], itemTypes: [], marked: [[], [], []], blocks: [], hasAuthor: false, hasArticleBody: false, listLinks: 0 };
  /**
   * One level of the walk: the element, what it says about the page, its text statistics so far
   * and the next child to visit. Frames are kept by depth and reused: a page of thousands of
   * elements is no deeper than a few dozen, and one object per element was garbage for nothing.
   * `counts`: whether the element's text is read. In furniture (nav, sidebars, footers: often half
   * a page's text nodes) it is not, unless a marked candidate holds it: no other element whose
   * statistics anything reads is furniture, and each text node read hands the page a string of its
   * own to keep (the weak handles of 120,000 of them made a 200,000-node page's collections 40–65 ms).
   */
  interface Frame { el: Element; tag: string; self: boolean; chrome: boolean; inList: boolean; inItem: boolean; marked: boolean; inMarked: boolean; counts: boolean; chars: number; linkChars: number; paragraphs: number; child: ChildNode | null }
  const frames: Frame[] = [];
  /** Enters `el` at `depth` (under `above`): notes what it says about the page and readies its frame. */
  const enter = (depth: number, el: Element, tag: string, above: Frame | null): Frame => {
    const chromeAbove = above ? above.chrome : false;
    const listRoot = above ? above.inList : false;
    const listItem = above ? above.inItem : false;
    let self: boolean;
    let marked = true;
    let inList = listRoot || tag === 'UL' || tag === 'MAIN';
    // Most elements of a long article are bare <p>s: with no attribute, only the tag can say anything.
    if (!el.hasAttributes()) {
      self = furniture(el, tag, 0, null, '', !chromeAbove);
      if (tag === 'ARTICLE') scan.marked[1].push(el);
      else marked = false;
    } else {
      // Each attribute is read once: every read is a call into the DOM.
      const cls = el.getAttribute('class');
      const classBits = cls ? factsOfClass(cls) : 0;
      const role = el.getAttribute('role');
      const id = el.id ?? '';
      self = furniture(el, tag, classBits, role, id, !chromeAbove);
      if (tag === 'META') {
        const content = el.getAttribute('content')?.trim();
        if (content) for (const attr of ['property', 'name', 'itemprop']) {
          const key = el.getAttribute(attr);
          if (key && !scan.metas.has(key)) scan.metas.set(key, content);
        }
      }
      const itemprop = el.getAttribute('itemprop');
      if (itemprop === 'articleBody') { scan.marked[0].push(el); scan.hasArticleBody = true; }
      else if (tag === 'ARTICLE') scan.marked[1].push(el);
      else if (role === 'article' || id === 'content' || classBits & BODY_CLASS) scan.marked[2].push(el);
      else marked = false;
      if (itemprop === 'author' || classBits & AUTHOR_CLASS || el.getAttribute('rel') === 'author') scan.hasAuthor = true;
      const itemtype = el.getAttribute('itemtype');
      if (itemtype !== null) scan.itemTypes.push(itemtype);
      if (classBits & LIST_CLASS) inList = true;
    }
    const chrome = chromeAbove || self;
    const inMarked = (above ? above.inMarked : false) || marked;
    const counts = !chrome || inMarked;
    if (!chrome && (tag === 'P' || tag === 'PRE' || tag === 'TD')) scan.blocks.push({ el, br: false, chars: -1, parent: depth > 0 ? ancestor(depth, 1) : el.parentElement, grand: depth > 0 ? ancestor(depth, 2) : el.parentElement?.parentElement ?? null });
    if (tag === 'A' && listItem) scan.listLinks++;
    const inItem = listItem || (listRoot && tag === 'LI');
    const f = frames[depth];
    if (!f) return (frames[depth] = { el, tag, self, chrome, inList, inItem, marked, inMarked, counts, chars: 0, linkChars: 0, paragraphs: 0, child: el.firstChild });
    f.el = el; f.tag = tag; f.self = self; f.chrome = chrome; f.inList = inList; f.inItem = inItem; f.marked = marked; f.inMarked = inMarked; f.counts = counts;
    f.chars = 0; f.linkChars = 0; f.paragraphs = 0; f.child = el.firstChild;
    return f;
  };
  let depth = 0;
  /** The element `up` levels above the one entered at depth `at` (the walk's frames, or the DOM's above its root). */
  const ancestor = (at: number, up: number): Element | null => {
    if (at - up >= 0) return frames[at - up].el;
    let el: Element | null = frames[0].el;
    for (let k = up - at; k > 0 && el; k--) el = el.parentElement;
    return el;
  };
  enter(0, root, tagOf(root), null);
  let visited = 0;
  while (depth >= 0) {
    const top = frames[depth];
    let descended = false;
    while (top.child) {
      const child = top.child;
      top.child = child.nextSibling;
      if (child.nodeType === 3) {
        if (top.counts) top.chars += countNonSpace(child.nodeValue ?? '');
      } else if (child.nodeType === 1) {
        const c = child as Element;
        const childTag = tagOf(c);
        if (childTag === 'BR' && top.tag === 'DIV' && !top.chrome) scan.blocks.push({ el: top.el, br: true, chars: -1, parent: ancestor(depth, 1), grand: ancestor(depth, 2) });
        if (SKIP_TAGS.has(childTag)) {
          if (childTag === 'SCRIPT' && c.getAttribute('type') === 'application/ld+json') scan.jsonLd.push(c.textContent ?? '');
          continue;
        }
        // Most of a long article: a bare <p> of one text node. It says nothing of the page, and
        // entering and leaving it costs more than its text: what the walk would do, done in place.
        if (childTag === 'P' && !c.hasAttributes()) {
          const only = c.firstChild;
          if (only && only.nodeType === 3 && !only.nextSibling) {
            if (top.counts) {
              const chars = countNonSpace(only.nodeValue ?? '');
              // No entry in stats: such a paragraph is never a candidate body (not marked, no blocks in it).
              if (!top.chrome) scan.blocks.push({ el: c, br: false, chars, parent: top.el, grand: ancestor(depth, 1) });
              top.chars += chars;
              if (isLongParagraph(c, chars)) top.paragraphs++;
            }
            if ((++visited & 511) === 0) yield;
            continue;
          }
        }
        enter(++depth, c, childTag, top);
        descended = true;
        break;
      }
    }
    if (descended) {
      if ((++visited & 511) === 0) yield;
      continue;
    }
    // All children done: the element's statistics are final; add them to its parent's.
    depth--;
    if (top.marked || top.chars >= MIN_BLOCK_CHARS) scan.stats.set(top.el, { chars: top.chars, linkChars: top.linkChars, paragraphs: top.paragraphs });
    // Furniture inside counts for its own statistics, never for its container's; unread text adds nothing.
    if (depth < 0 || top.self || !top.counts) continue;
    const parent = frames[depth];
    parent.chars += top.chars;
    parent.linkChars += top.tag === 'A' ? top.chars : top.linkChars;
    parent.paragraphs += top.paragraphs + (top.tag === 'P' && isLongParagraph(top.el, top.chars) ? 1 : 0);
  }
  return scan;
}

/**
 * Whether a <p>'s trimmed textContent has 20+ characters. Its visible non-space count is a lower
 * bound of that (every character counted is one trim keeps), so only a paragraph counted short
 * has its textContent read: a long article is thousands of paragraphs, each copied again for this.
 */
function isLongParagraph(p: Element, visibleChars: number): boolean {
  return visibleChars >= 20 || (p.textContent ?? '').trim().length >= 20;
}

/** A character countNonSpace leaves out: controls, spaces, no-break and ideographic spaces, the BOM. */
const NOT_COUNTED = /[\x00-\x20\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/**
 * Characters of `s` that show as something. A text with none to leave out (most of a Chinese
 * article's) is answered by one native search; the others are counted in a loop, which makes no
 * garbage (a stripped copy of every text node would be a second copy of the page's text).
 */
function countNonSpace(s: string): number {
  if (!NOT_COUNTED.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Ideographs and the letters of most scripts settle in one or two tests; the spaces are rare.
    if (c > 0x3000) { if (c !== 0xfeff) n++; }
    else if (c > 32 && c < 0x1680) { if (c !== 160) n++; }
    else if (c > 32 && c !== 0x3000 && !(c >= 0x2000 && c <= 0x200a) && c !== 0x2028 && c !== 0x2029 && c !== 0x202f && c !== 0x205f && c !== 0x1680) n++;
  }
  return n;
}

/** Picks the element that holds the article text: marked-up bodies first, else the densest block. */
export function findBody(doc: Document): Element | null {
  return bodyAndStats(doc).body;
}

function bodyAndStats(doc: Document, scan: PageScan | null = doc.documentElement ? scanPage(doc.documentElement) : null): { body: Element | null; stats: TextStats } {
  const empty: TextStats = { chars: 0, linkChars: 0, paragraphs: 0 };
  if (!scan) return { body: null, stats: empty };
  const statsOf = (el: Element) => scan.stats.get(el) ?? empty;
  const marked = [...scan.marked[0], ...scan.marked[1], ...scan.marked[2]].filter((el) => !isChrome(el));
  let best: Element | null = null;
  let bestScore = 0;
  for (const el of marked) {
    const s = statsOf(el);
    const score = (s.chars - 2 * s.linkChars) * (tagOf(el) === 'ARTICLE' || el.hasAttribute('itemprop') ? 1.2 : 1);
    if (score > bestScore) { best = el; bestScore = score; }
  }
  // Readability-style: credit each paragraph's text to its parent and grandparent.
  const credit = new Map<Element, number>();
  for (const { el, br, chars, parent, grand } of scan.blocks) {
    if (br && credit.has(el)) continue;
    // The walk already counted each block's visible text: no textContent of every paragraph again.
    const len = chars >= 0 ? chars : statsOf(el).chars;
    if (len < MIN_BLOCK_CHARS) continue;
    if (parent) credit.set(parent, (credit.get(parent) ?? 0) + len);
    if (grand) credit.set(grand, (credit.get(grand) ?? 0) + len / 2);
  }
  let dense: Element | null = null;
  let denseScore = 0;
  for (const [el, c] of credit) {
    const s = statsOf(el);
    const score = c * (1 - Math.min(1, s.chars ? s.linkChars / s.chars : 0));
    if (score > denseScore) { dense = el; denseScore = score; }
  }
  // A marked block wins unless the densest run of paragraphs elsewhere is far longer
  // (a site-wide `.content` box of teasers beside an unmarked story).
  const useMarked = best && bestScore >= 80 && !(dense && denseScore > 3 * bestScore && !best.contains(dense));
  const body = useMarked ? best : (dense && denseScore > bestScore ? dense : best);
  return { body, stats: body ? statsOf(body) : empty };
}

/** The body's own prose (no scripts or furniture), at most `max` characters, one space between blocks. */
function proseOf(body: Element, max = 20000): string {
  const parts: string[] = [];
  let length = 0;
  const walk = (el: Element) => {
    for (let child = el.firstChild; child && length < max; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const v = child.nodeValue ?? '';
        parts.push(v);
        length += v.length;
      } else if (child.nodeType === 1) {
        const c = child as Element;
        const tag = tagOf(c);
        if (SKIP_TAGS.has(tag) || tag === 'PRE' || isChrome(c, tag)) continue;
        parts.push(' ');
        walk(c);
      }
    }
  };
  walk(body);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Verbs and phrases of reported speech: news quotes and attributes ("said", "según", "sagte"). */
const ATTRIBUTION_WORDS = 'said|says|told|according to|dijo|afirmó|aseguró|explicó|señaló|indicó|declaró|sagte|erklärte|betonte|zufolge|a déclaré|a affirmé|a indiqué|a expliqué|selon|disse|afirmou|declarou|ha detto|ha dichiarato|secondo';
const attributionPattern = lazyRegExp(() => new RegExp(`(?<![\\p{L}])(${ATTRIBUTION_WORDS})(?![\\p{L}])`, 'giu'));
/**
 * Text attributionPattern() can match in has one of its words in some case (or ſ or K, which /iu folds to
 * s and k). Compiling attributionPattern()'s case-folded letter classes cost up to 7 ms on a page's first
 * use: a text without any of the words (a Chinese report) skips it, cheaply and with the same count.
 */
const MAY_ATTRIBUTE = new RegExp(`${ATTRIBUTION_WORDS}|[\\u017f\\u212a]`, 'i');
/** English first-person words outside quotations: a writer speaking for themselves or their company. */
const FIRST_PERSON = /\b(I|I'm|I’m|I've|I’ve|I'd|I’d|my|My|me|we|We|we're|we’re|We're|We’re|we've|we’ve|our|Our|ours|us)\b/g;
const ENGLISH = /\b(the|and|of|to|is|that)\b/gi;
/** A dateline opening a report: "WASHINGTON —", "LONDON (Reuters) -", "BERLIN, 5. März (dpa) –". */
const datelinePattern = lazyRegExp(() => /^[\p{Lu}][\p{Lu}\p{M} .'’-]{1,30}(,\s*[\p{L}.]+(\s[\p{L}.]+){0,3})?(,?\s*\d{1,2}\.?\s*[\p{L}.]+\.?(\s\d{4})?)?\s*(\([\p{L} .&-]{2,30}\))?\s*[—–-]{1,2}\s/u);
/** Text datelinePattern() can match has a dash and a space after it: without (most paragraphs) its large letter classes are never compiled (4-8 ms on a page's first use). */
const MAY_DATELINE = /[—–-]\s/;
const DATELINE_AGENCY = /^[^.!?]{0,60}\((AP|AFP|Reuters|dpa|EFE|ANSA|Xinhua|Bloomberg|KNA|epd|APA|SDA|Kyodo|Yonhap)\)\s*[—–-]/;
/**
 * A dateline of the date alone, as health and wire desks write it: "April 17, 2015 -- ",
 * "MONDAY, Jan. 5, 2015 (HealthDay News) -- ", "17 April 2015 — ". A double hyphen or a dash, never
 * a hyphen: "March 3-5" is a range.
 */
const DATE_DATELINE = /^((mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?((jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?\s+\d{1,2}(,?\s+\d{4})?|\d{1,2}\s+(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?(\s+\d{4})?)\s*(\([^()]{2,40}\)\s*)?(--|[—–])\s/i;
const ZH_DATELINE = /^(本报讯|本报[^，。]{0,12}电|新华社[^，。]{0,14}电|中新社[^，。]{0,14}电|中新网[^，。]{0,14}电|[^，。]{0,16}\d{1,2}月\d{1,2}日(电|讯|报道|消息)|[^，。]{2,10}讯\s*[（(]\s*记者)/;
/** Lines Chinese news and government portals print around a report. */
const ZH_NEWS_LINES = /(来源|稿源|发布时间|发布日期|发稿时间|责任编辑|责编|编辑|作者|记者|通讯员|信息来源|原标题)\s*[：:]|本报记者|本报讯|[（(]\s*记者[^）)]{1,20}[）)]|\[责任编辑/g;
/**
 * A time stamp to the minute, as Chinese portals print one under a report's headline
 * (2016年10月14日07:17, 2017-03-10 08:42:00): blogs and documents date their pages by the day.
 */
const STAMP_TO_MINUTE = /(19|20)\d{2}(年|-|\/|\.)\d{1,2}(月|-|\/|\.)\d{1,2}日?\s*\d{1,2}:\d{2}/;

interface ProseSignals { attribution: number; firstPerson: number; words: number; english: boolean; dateline: boolean; zhLines: number; stamp: boolean }

/** Everything but the CJK ideographs (U+4E00–U+9FFF). */
const NOT_CJK = /[^\u4e00-\u9fff]+/g;

/**
 * CJK ideographs in `s` (at most the 20,000 characters of proseOf): one native pass. Matching each
 * ideograph made a string of each; a loop over them ran as cold code, 1 ms on a page's first use.
 */
const countCjk = (s: string): number => s.replace(NOT_CJK, '').length;

/**
 * The body and the boxes around it that add little text: where a report's info lines sit (an info
 * bar under the headline, an editor's line below), up to three levels above the body's parent.
 */
function surroundings(body: Element, charsOf: (el: Element) => number): Element {
  let around = body.parentElement ?? body;
  const limit = 1.5 * charsOf(body) + 400;
  for (let k = 0; k < 3; k++) {
    const up = around.parentElement;
    if (!up || tagOf(up) === 'BODY' || charsOf(up) > limit) break;
    around = up;
  }
  return around;
}

/** Signals of news writing in the body's text and in the lines around it. */
function proseSignals(doc: Document, body: Element, charsOf: (el: Element) => number): ProseSignals {
  const prose = proseOf(body);
  const cjk = countCjk(prose);
  const words = cjk > prose.length / 4 ? Math.round(cjk / 1.6) : prose.split(' ').length;
  const sample = prose.slice(0, 5000);
  const english = (sample.match(ENGLISH) ?? []).length >= Math.max(5, 0.03 * sample.split(' ').length);
  // Quotations are other people's words: count the writer's own voice only.
  const unquoted = prose.replace(/“[^”]{0,600}”|"[^"]{0,600}"|‘[^’]{0,300}’(?![a-z])/g, ' ');
  const firstPerson = english ? (unquoted.match(FIRST_PERSON) ?? []).length : 0;
  const attribution = MAY_ATTRIBUTE.test(prose) ? (prose.match(attributionPattern()) ?? []).length : 0;
  let dateline = false;
  // A live collection: only the first four paragraphs are ever looked up, however many there are.
  const all = body.getElementsByTagName('p');
  const paragraphs = [all[0], all[1], all[2], all[3]].filter((p): p is HTMLParagraphElement => !!p);
  for (const p of paragraphs) {
    const t = (p.textContent ?? '').replace(/\s+/g, ' ').trim();
    if ((MAY_DATELINE.test(t) && (datelinePattern().test(t) || DATE_DATELINE.test(t))) || DATELINE_AGENCY.test(t) || ZH_DATELINE.test(t)) { dateline = true; break; }
  }
  // 来源/发布时间/责任编辑 lines sit in the body or just around it (an info bar above, an editor line below).
  const linesText = countLinesText(surroundings(body, charsOf));
  const lines = new Set((linesText.match(ZH_NEWS_LINES) ?? []).map((m) => m.replace(/\s|[：:（(）)\[]/g, '').slice(0, 4)));
  return { attribution, firstPerson, words, english, dateline, zhLines: lines.size, stamp: STAMP_TO_MINUTE.test(linesText) };
}

/** Text nodes read at each end of the article's surroundings for info lines: they sit above and below it. */
const LINE_NODES = 400;

/**
 * Text of an element's short text nodes (labels and info lines, not paragraphs), scripts left
 * out: the first and the last LINE_NODES of them, so a huge article costs no more than a long one.
 */
function countLinesText(el: Element): string {
  const parts: string[] = [];
  const take = (v: string) => parts.push(v.length < 200 ? v.slice(0, 60) : v.slice(0, 30));
  let budget = LINE_NODES;
  /** Takes text nodes in document order, or from the end backwards, until the budget is spent. */
  const walk = (e: Element, fromEnd: boolean) => {
    for (let child = fromEnd ? e.lastChild : e.firstChild; child && budget > 0; child = fromEnd ? child.previousSibling : child.nextSibling) {
      if (child.nodeType === 3) {
        take(child.nodeValue ?? '');
        budget--;
      } else if (child.nodeType === 1 && !SKIP_TAGS.has(tagOf(child as Element))) walk(child as Element, fromEnd);
    }
  };
  walk(el, false);
  if (budget > 0) return parts.join('\n');
  // More text nodes than that: the last ones too, walking back from the end.
  budget = LINE_NODES;
  walk(el, true);
  return parts.join('\n');
}

/** The first `max` characters of an element's text, read node by node rather than all of textContent. */
function leadingText(el: Element, max: number): string {
  let out = '';
  const walk = (e: Node): boolean => {
    for (let child = e.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1 && walk(child)) return true;
      if (out.length >= max) return true;
    }
    return false;
  };
  walk(el);
  return out.slice(0, max);
}

/** Scores the page's signals and finds its body; `isArticle` when they add up. */
export function detectArticle(doc: Document, url: string, prescanned?: PageScan | null): ArticleDetection {
  const reasons: string[] = [];
  let score = 0;
  const add = (w: number, why: string) => { score += w; reasons.push(`${why} ${w > 0 ? '+' : ''}${w}`); };

  // Markup: what the publisher says the page is.
  const scan = prescanned ?? (doc.documentElement ? scanPage(doc.documentElement) : null);
  const metas = scan?.metas ?? new Map<string, string>();
  const meta = (...keys: string[]) => { for (const k of keys) { const v = metas.get(k); if (v) return v; } return null; };
  const facts: TypeFacts = scan ? schemaFacts(scan) : { types: [], datePublished: null, headline: null };
  const newsType = facts.types.find((t) => NEWS_TYPES.has(t));
  const articleType = facts.types.find((t) => ARTICLE_TYPES.has(t));
  const nonNewsType = facts.types.find((t) => NON_NEWS_TYPES.has(t));
  const listingType = facts.types.find((t) => LISTING_TYPES.has(t));
  if (newsType) add(3, `schema:${newsType}`);
  else if (nonNewsType) add(-2, `schema:${nonNewsType}`);
  else if (articleType) add(1, `schema:${articleType}`);
  else if (listingType) add(-2, `schema:${listingType}`);
  const ogType = meta('og:type')?.toLowerCase() ?? null;
  // Chinese government sites' metadata standard names an article's title (ArticleTitle) only on articles; a column page has ColumnName alone.
  const articleTitleMeta = meta('ArticleTitle', 'articletitle');
  if (ogType === 'article') add(1, 'og:type=article');
  else if (articleTitleMeta) add(1, 'ArticleTitle metadata');
  else if (ogType && /^(profile|product|video|book|music|books\.)/.test(ogType)) add(-1, `og:type=${ogType}`);
  // Chinese portals name the outlet a report comes from (人民日报海外版): `source`, and `ContentSource` in the government sites' metadata standard.
  const newsMeta = meta('news_keywords', 'original-source', 'syndication-source', 'source', 'ContentSource') ?? (facts.types.includes('NewsMediaOrganization') ? 'org' : null);
  const publisherMeta = meta('article:publisher', 'article:section', 'section', 'publisher', 'dc.publisher', 'DC.publisher', 'cre', 'article:opinion');
  if (newsMeta) add(2, 'news metadata');
  else if (publisherMeta) add(1, 'publisher metadata');
  const published = meta('article:published_time', 'datePublished', 'pubdate', 'publishdate', 'PubDate', 'publish_date', 'publishDate', 'dc.date', 'DC.date.issued', 'date', 'sailthru.date', 'parsely-pub-date', 'article:published') ?? facts.datePublished;
  if (published) add(1, 'published date');
  if (meta('author', 'article:author', 'byl') || scan?.hasAuthor) add(1, 'byline');

  // Address: news sections and story URLs, or a blog, docs, wiki, how-to or shop.
  const u = urlSignals(url);
  if (u.articleShape) add(1, 'article-like URL');
  if (u.newsSection) add(1, 'news section URL');
  if (u.nonNews) add(-2, `non-news URL (${u.nonNews})`);

  // Body: enough prose, few links.
  const { body, stats } = bodyAndStats(doc, scan);
  // Article markup says "an article", as schema types do: count that claim once.
  if (newsType || articleType) { /* already counted */ } else if (scan?.hasArticleBody) add(1, 'itemprop=articleBody');
  else if (body?.closest('article') || body?.querySelector('article')) add(1, '<article>');
  const linkDensity = stats.chars ? stats.linkChars / stats.chars : 1;
  const cjk = /[\u4e00-\u9fff]/.test(body ? leadingText(body, 400) : '');
  const longEnough = stats.chars >= (cjk ? 150 : 500);
  if (stats.paragraphs >= 3 && longEnough && linkDensity < 0.25) add(1, `${stats.paragraphs} paragraphs`);
  if (linkDensity > 0.5) add(-3, 'mostly links');
  const listItems = scan?.listLinks ?? 0;
  if (listItems > 40 && stats.paragraphs < 3) add(-2, 'link list page');

  // Prose: how it is written.
  if (body) {
    const p = proseSignals(doc, body, (el) => scan?.stats.get(el)?.chars ?? Infinity);
    if (p.dateline) add(2, 'dateline');
    if (p.zhLines >= 2) add(2, `news info lines (${p.zhLines})`);
    if (p.stamp) add(1, 'time stamp');
    const per1k = (n: number) => (1000 * n) / Math.max(1, p.words);
    if (p.attribution >= 3 && per1k(p.attribution) >= 4) add(1, `reported speech (${p.attribution})`);
    if (p.english && p.words >= 100 && per1k(p.firstPerson) >= 12) add(-2, `first-person voice (${p.firstPerson})`);
    const code = body.querySelectorAll('pre').length;
    if (code >= 2 || body.querySelectorAll('code').length >= 8) add(-3, `code listings (${code} pre)`);
  }

  // A photo story or brief is short but says plainly that it is an article.
  const declared = !!newsType || !!articleType || ogType === 'article' || !!articleTitleMeta;
  const substantial = longEnough || (declared && stats.chars >= 50);
  if (!substantial) add(-3, `short text (${stats.chars} chars)`);

  const h1 = body?.querySelector('h1') ?? doc.querySelector('h1');
  const title = (h1?.textContent?.trim() || meta('og:title') || facts.headline || articleTitleMeta || titleWithoutSite(doc.title) || '').replace(/\s+/g, ' ').slice(0, 500);
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta('og:url');
  const isArticle = substantial && score >= ARTICLE_THRESHOLD;
  return {
    isArticle,
    reasons,
    score,
    body,
    title,
    publishedAt: normaliseDate(published) ?? dateFromUrl(url),
    canonicalUrl: canonical,
    siteName: meta('og:site_name', 'application-name') ?? (doc.title.split(TITLE_PARTS).slice(1).pop()?.trim() || null),
    htmlLang: doc.documentElement.getAttribute('lang'),
  };
}

/** What separates a headline from the section and site names a page's <title> adds: `_教育频道_中国青年网`, ` - BBC News`, ` | Reuters`. */
const TITLE_PARTS = /\s*[|_｜]\s*|\s+[-–—]{1,2}\s+/;

/**
 * A <title> without the section and site names after the headline, when what is left still reads
 * as one (six characters or more); else the title as it is.
 */
export function titleWithoutSite(title: string): string {
  const parts = title.split(TITLE_PARTS);
  const first = parts[0].trim();
  return parts.length > 1 && first.length >= 6 ? first : title.trim();
}

function normaliseDate(value: string | null): string | null {
  if (!value) return null;
  const m = /(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})/.exec(value);
  if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}
