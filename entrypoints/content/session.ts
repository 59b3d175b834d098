/**
 * One annotation of one page: detect, map, recognise (in the background), paint, record, and keep
 * up with the page. Hover and keyboard find mentions through the same map and ranges.
 */
import { detectArticle, scanPageInSlices, type ArticleDetection } from '@/utils/page/detect-article';
import type { TextQuote } from '@/utils/page/anchor-quote';
import { quoteAt } from '@/utils/page/text-quote';
import { hitTest, rangeContainsPoint } from '@/utils/page/hit-test';
import { canPaintHighlights, createPainter, type Painter } from '@/utils/page/paint';
import { buildTextMapInSlices, type TextMap } from '@/utils/page/text-map';
import { sendMessage } from '@/utils/messages';
import { detectLang } from '@/utils/recognize/lang';
import type { Mention } from '@/utils/recognize/types';
import type { NoteRecord } from '@/utils/kb/types';
import type { Settings } from '@/utils/settings';

export interface Annotation {
  detection: ArticleDetection;
  map: TextMap;
  /** Painted mentions, sorted by start, with their ranges (same index). */
  mentions: Mention[];
  ranges: Array<Range | null>;
  /** Each mention's ranges, one per text node it covers: what is painted and hit-tested. */
  pieces: Range[][];
  /** Passages with the reader's notes, found again in this text. */
  passages: Passage[];
}

/** A quoted passage with notes, anchored in the page. */
export interface Passage {
  quote: TextQuote;
  notes: NoteRecord[];
  range: Range;
}

/** Our own UI and hosts: never read as article text, never a reason to re-annotate. */
export const isOurs = (el: Element) => el.tagName.toLowerCase().startsWith('dossier-') || el.hasAttribute('data-dossier-ui');

/** Lets the page run: the next piece of our work starts in a new task. */
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Runs `fn` over the items, yielding to the page whenever a slice took about `budgetMs`. */
async function inSlices<T>(items: readonly T[], fn: (item: T, index: number) => void, budgetMs = 12): Promise<void> {
  let sliceStart = performance.now();
  for (let i = 0; i < items.length; i++) {
    fn(items[i], i);
    if ((i & 63) === 63 && performance.now() - sliceStart > budgetMs) {
      await yieldToPage();
      sliceStart = performance.now();
    }
  }
}

export class Session {
  current: Annotation | null = null;
  private painter: Painter | null = null;
  private lastRecordedText = '';

  constructor(
    private readonly doc: Document,
    private settings: Settings,
  ) {}

  /** Annotates the page (again): returns what `data-dossier` should say. */
  async annotate(mode: 'detect' | 'always'): Promise<'article' | 'skipped'> {
    const scan = this.doc.documentElement ? await scanPageInSlices(this.doc.documentElement) : null;
    const detection = detectArticle(this.doc, this.doc.location.href, scan);
    const body = detection.isArticle ? detection.body : mode === 'always' ? detection.body ?? this.doc.body : null;
    if (!body) {
      this.clear();
      return 'skipped';
    }
    await yieldToPage();
    const map = await buildTextMapInSlices(body, { exclude: isOurs });
    const lang = detection.htmlLang?.toLowerCase().startsWith('zh') ? 'zh' : detectLang(map.text);
    const refDate = detection.publishedAt ?? new Date().toISOString().slice(0, 10);
    const all = map.text ? await sendMessage('recognize', { text: map.text, lang, refDate }) : [];
    const mentions = all.filter((m) => this.settings.kinds[m.type]).sort((a, b) => a.start - b.start);
    const pieces: Range[][] = [];
    await inSlices(mentions, (m) => void pieces.push(map.toRanges(m.start, m.end)));
    const ranges = pieces.map((p) => p[0] ?? null);
    this.current = { detection, map, mentions, ranges, pieces, passages: [] };
    await this.paintInSlices();
    if (map.text && map.text !== this.lastRecordedText) {
      this.lastRecordedText = map.text;
      await sendMessage('recordReading', {
        article: { url: this.doc.location.href, canonicalUrl: detection.canonicalUrl, siteName: detection.siteName, title: detection.title, publishedAt: detection.publishedAt, lang, text: map.text },
        mentions: all,
      });
    }
    await this.loadPassages();
    return 'article';
  }

  /** Finds the passages the reader wrote notes on again (also after small edits) and shows them. */
  async loadPassages(): Promise<void> {
    const a = this.current;
    if (!a) return;
    const groups = await sendMessage('passageNotes', { url: this.doc.location.href, canonicalUrl: a.detection.canonicalUrl, text: a.map.text });
    const passages: Passage[] = [];
    for (const g of groups) {
      const range = g.at && a.map.toRange(g.at.start, g.at.end);
      if (range) passages.push({ quote: { exact: g.exact, prefix: g.prefix, suffix: g.suffix }, notes: g.notes, range });
    }
    if (this.current !== a) return;
    a.passages = passages;
    this.painter?.paintNotes(passages.map((p) => p.range));
  }

  /** The passage under a viewport point, if any. */
  passageAt(x: number, y: number): Passage | null {
    return this.current?.passages.find((p) => rangeContainsPoint(p.range, x, y)) ?? null;
  }

  /** The text-quote selector of the reader's selection, when it lies in the article text. */
  selectionQuote(selection: Selection | null): { quote: TextQuote; range: Range } | null {
    const a = this.current;
    if (!a || !selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    const start = a.map.offsetOf(range.startContainer, range.startOffset);
    const end = a.map.offsetOf(range.endContainer, range.endOffset);
    if (start < 0 || end <= start || end - start > 5000) return null;
    const quote = quoteAt(a.map.text, start, end);
    return quote.exact.trim() ? { quote, range: range.cloneRange() } : null;
  }

  /** Paints the current mentions a slice at a time, so a page with thousands never stalls. */
  private async paintInSlices(): Promise<void> {
    const a = this.current;
    if (!a || !canPaintHighlights(this.doc.defaultView as Window & typeof globalThis)) return;
    this.painter ??= createPainter(this.doc, this.settings.palette);
    this.painter.clear();
    this.painter.paintNotes(a.passages.map((p) => p.range));
    const painter = this.painter;
    await inSlices(a.mentions, (mention, i) => {
      if (this.current === a) painter.paint(a.pieces[i].map((range) => ({ mention, range })));
    });
  }

  get paintedCount(): number {
    return this.current ? this.current.ranges.filter(Boolean).length : 0;
  }

  /** Applies changed settings: kinds and colours take effect without re-reading the page. */
  updateSettings(settings: Settings) {
    this.settings = settings;
    this.painter?.setPalette(settings.palette);
  }

  /** Drops every mention of a name the reader marked "not an entity". */
  forget(name: string, type: Mention['type']) {
    if (!this.current) return;
    const keep = this.current.mentions.map((m) => !(m.type === type && m.text === name));
    const c = this.current;
    this.current = { ...c, mentions: c.mentions.filter((_, i) => keep[i]), ranges: c.ranges.filter((_, i) => keep[i]), pieces: c.pieces.filter((_, i) => keep[i]) };
    void this.paintInSlices();
  }

  /** The index of the mention under a viewport point, or -1. */
  mentionAt(x: number, y: number): number {
    if (!this.current) return -1;
    return hitTest(this.doc, this.current.map, this.current.mentions, this.current.pieces, x, y);
  }

  focus(index: number | null) {
    this.painter?.focus(index === null || !this.current ? null : this.current.ranges[index] ?? null);
  }

  clear() {
    this.painter?.clear();
    this.current = null;
  }
}
