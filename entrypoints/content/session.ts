/**
 * One annotation of one page: detect, map, recognise (in the background), paint, record, and keep
 * up with the page. Hover and keyboard find mentions through the same map and ranges.
 */
import { detectArticle, scanPageInSlices, type ArticleDetection } from '@/utils/page/detect-article';
import type { TextQuote } from '@/utils/page/anchor-quote';
import { quoteAt } from '@/utils/page/text-quote';
import { hitTest, rangeContainsPoint } from '@/utils/page/hit-test';
import { canPaintHighlights, createPainter, type Painter } from '@/utils/page/paint';
import { createWrapPainter, wrapInFrames, type WrapPass, type WrapPainter } from '@/utils/page/wrap-paint';
import { afterNextFrame, inChunks, yieldToPage } from '@/utils/page/pacing';
import { createPaintWindow, WINDOW_ABOVE_MENTIONS, type PaintWindow } from '@/utils/page/paint-window';
import { MentionPieces } from '@/utils/page/mention-pieces';
import { buildTextMapInSlices, type TextMap } from '@/utils/page/text-map';
import { HeldTextClient, TextLostError, type Send } from '@/utils/page/held-text';
import { MENTION_PAGE_MAX, sendMessage } from '@/utils/messages';
import { detectLang } from '@/utils/recognize/lang';
import { SpanMentions, type PageMention } from '@/utils/page-texts/mention-spans';
import type { NoteRecord } from '@/utils/kb/types';
import type { Settings } from '@/utils/settings';

export interface Annotation {
  detection: ArticleDetection;
  /** The element whose text `map` holds. */
  root: Element;
  map: TextMap;
  /** The background's id of `map.text` (null for an empty text, which is never sent). */
  textId: string | null;
  /** The kinds painted (the reader's settings when this annotation was made). */
  kinds: Settings['kinds'];
  /** Painted mentions, sorted by start. */
  mentions: SpanMentions;
  /** Each mention's ranges, one per text node it covers (same index): what is painted and hit-tested. */
  pieces: MentionPieces;
  /** Passages with the reader's notes, found again in this text. */
  passages: Passage[];
}

/** A quoted passage with notes, anchored in the page. */
export interface Passage {
  quote: TextQuote;
  notes: NoteRecord[];
  /** Where it lies in the annotation's text. */
  at: { start: number; end: number };
  range: Range;
}

/**
 * Runs a change of ours to the page's DOM (the fallback painting's marks) where the page's
 * observers that watch for its own changes do not see it.
 */
export type Quiet = (change: () => void) => void;

/**
 * A build made with `--mode fallback` (`npm run build:firefox:fallback`, for the tests) paints by
 * wrapping even where the Highlight API exists: the Firefox versions that need the fallback
 * (128–139) are not installed here, and a current one has no switch left to turn the API off.
 * Every other build folds this to false.
 */
const FALLBACK_BUILD = import.meta.env.MODE === 'fallback';

/** The longest recording waits for the highlights to be rendered (see Session.onScreen). */
const SHOWN_WAIT_MS = 1000;

/**
 * Mentions fetched per request. Chromium turns a reply into page objects in one task of its own,
 * outside our slices: as objects, 2,000 mentions a reply made 50–90 ms tasks on a 200,000-node
 * page; as spans (five characters of one string each) the most a request may ask for arrive as
 * one copy of 50 kB.
 */
const MENTION_PAGE = MENTION_PAGE_MAX;

/** The same kinds switched on. */
const sameKinds = (a: Settings['kinds'], b: Settings['kinds']) => (Object.keys(a) as Array<keyof Settings['kinds']>).every((k) => a[k] === b[k]);

/**
 * True when the text before `offset` maps to the same text nodes in both maps: the ranges of
 * mentions there are still right (a page that re-rendered its article with equal text fails this).
 */
function sameNodesBefore(a: TextMap, b: TextMap, offset: number): boolean {
  for (let i = 0; i < a.segments.length && a.segments[i].start < offset; i++) {
    const x = a.segments[i];
    const y = b.segments[i];
    if (!y || x.node !== y.node || x.start !== y.start || x.nodeStart !== y.nodeStart || (x.end <= offset && x.end !== y.end)) return false;
  }
  return true;
}

/** What the background's recognition adds to what the page already shows. */
interface MentionUpdate {
  /** Mentions of the previous annotation starting before this offset stay as they are (0: none). */
  since: number;
  /** The mentions from `since` on. */
  fresh: SpanMentions;
}

export class Session {
  current: Annotation | null = null;
  private painter: Painter | null = null;
  /** The fallback painter, where the Highlight API is missing (see wrap-paint.ts). */
  private wrapper: WrapPainter | null = null;
  /** Set while a page with very many pieces is painted near the viewport only (see paint-window.ts). */
  private window: PaintWindow | null = null;
  private lastRecordedId: string | null = null;
  private readonly texts: HeldTextClient;

  constructor(
    private readonly doc: Document,
    private settings: Settings,
    private readonly send: Send = sendMessage,
    private readonly quiet: Quiet = (change) => change(),
  ) {
    this.texts = new HeldTextClient(send);
  }

  /** Annotates the page (again): returns what `data-dossier` should say. */
  async annotate(mode: 'detect' | 'always'): Promise<'article' | 'skipped'> {
    const scan = this.doc.documentElement ? await scanPageInSlices(this.doc.documentElement) : null;
    // The scan's last slice ends in this task: deciding gets one of its own, or on a page of
    // 200,000 nodes the two made one task of up to 40 ms.
    await yieldToPage();
    const detection = detectArticle(this.doc, this.doc.location.href, scan);
    const body = detection.isArticle ? detection.body : mode === 'always' ? detection.body ?? this.doc.body : null;
    if (!body) {
      this.clear();
      return 'skipped';
    }
    await yieldToPage();
    const map = await buildTextMapInSlices(body);
    const lang = detection.htmlLang?.toLowerCase().startsWith('zh') ? 'zh' : detectLang(map.text);
    const refDate = detection.publishedAt ?? new Date().toISOString().slice(0, 10);
    const kinds = { ...this.settings.kinds };
    const prev = this.current && sameKinds(this.current.kinds, kinds) ? this.current : null;
    if (!map.text) {
      this.current = { detection, root: body, map, textId: null, kinds, mentions: SpanMentions.none(map.text), pieces: new MentionPieces(map, []), passages: [] };
      await this.paintInSlices();
      return 'article';
    }
    const { textId, update } = await this.recognizeNew(map, lang, refDate, prev);
    const fresh = update.fresh.ofKinds((type) => kinds[type]);
    const kept = prev && update.since > 0 ? prev.mentions.indexFrom(update.since) : 0;
    const mentions = prev ? prev.mentions.slice(0, kept).concat(fresh) : fresh;
    const pieces = new MentionPieces(map, mentions, prev ? prev.pieces.madeBefore(kept) : []);
    this.current = { detection, root: body, map, textId, kinds, mentions, pieces, passages: prev && kept > 0 ? prev.passages : [] };
    await this.paintInSlices();
    await this.onScreen();
    if (textId !== this.lastRecordedId) {
      const article = { url: this.doc.location.href, canonicalUrl: detection.canonicalUrl, siteName: detection.siteName, title: detection.title, publishedAt: detection.publishedAt, lang };
      await this.texts.withText(map.text, (id) => this.send('recordReading', { article, textId: id, refDate }));
      this.lastRecordedId = this.texts.textId;
    }
    await this.loadPassages();
    return 'article';
  }

  /**
   * Has the background hold and recognise the text (sending only what it lacks) and fetches the
   * mentions the page does not show yet: after an appended part, those from where the text first
   * reads differently; after anything else, all of them.
   */
  private async recognizeNew(map: TextMap, lang: 'zh' | 'en', refDate: string, prev: Annotation | null): Promise<{ textId: string; update: MentionUpdate }> {
    for (let attempt = 0; ; attempt++) {
      const rec = await this.texts.withText(map.text, (textId) => this.send('recognize', { textId, lang, refDate }));
      let since = 0;
      let from = 0;
      if (prev && rec.textId === prev.textId && sameNodesBefore(prev.map, map, Infinity)) {
        since = Infinity;
        from = rec.count;
      } else if (prev && rec.base === prev.textId && rec.since > 0 && sameNodesBefore(prev.map, map, rec.since)) {
        since = rec.since;
        from = rec.kept;
      }
      let spans = '';
      let lost = false;
      for (let i = from; i < rec.count && !lost; i += MENTION_PAGE) {
        const page = await this.send('mentions', { textId: rec.textId, from: i, to: Math.min(rec.count, i + MENTION_PAGE) });
        if (page.status === 'mentions') spans += page.spans;
        else lost = true;
      }
      if (!lost) return { textId: rec.textId, update: { since, fresh: SpanMentions.decode(spans, map.text) } };
      // The background lost the text between our requests (its worker was stopped): start over once.
      this.texts.forget();
      if (attempt > 0) throw new TextLostError();
    }
  }

  /** Finds the passages the reader wrote notes on again (also after small edits) and shows them. */
  async loadPassages(): Promise<void> {
    const a = this.current;
    if (!a) return;
    if (!a.map.text) return;
    const { passages: groups } = await this.texts.withText(a.map.text, (textId) => this.send('passageNotes', { url: this.doc.location.href, canonicalUrl: a.detection.canonicalUrl, textId }));
    const passages: Passage[] = [];
    for (const g of groups) {
      const range = g.at && a.map.toRange(g.at.start, g.at.end);
      if (range && g.at) passages.push({ quote: { exact: g.exact, prefix: g.prefix, suffix: g.suffix }, notes: g.notes, at: { start: g.at.start, end: g.at.end }, range });
    }
    if (this.current !== a) return;
    a.passages = passages;
    if (this.wrapper) await this.wrapNotes(a);
    else this.painter?.paintNotes(passages.map((p) => p.range));
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

  /**
   * Paints the current mentions, a slice at a time so a page with thousands never stalls, into
   * highlights that replace the shown ones when all are in (see PaintPass). Ranges of mentions
   * kept from before are the same objects: only new text gets new ranges. Above
   * WINDOW_ABOVE_MENTIONS mentions, only those near the viewport are registered, following scrolling.
   */
  private async paintInSlices(): Promise<void> {
    const a = this.current;
    const win = this.doc.defaultView as Window & typeof globalThis;
    if (!a) return;
    if (FALLBACK_BUILD || !canPaintHighlights(win)) return this.wrapInSlices(a);
    const painter = (this.painter ??= createPainter(this.doc, this.settings.palette, { live: import.meta.env.BROWSER === 'firefox' }));
    this.window?.stop();
    this.window = null;
    if (a.mentions.length > WINDOW_ABOVE_MENTIONS && typeof win.IntersectionObserver === 'function') {
      // Gecko pays for each change to the registered highlights, Blink for each registered range (see PaintWindowOptions).
      const near = createPaintWindow(painter, a.pieces, (callback, options) => new win.IntersectionObserver(callback, options), { wholeRuns: import.meta.env.BROWSER === 'firefox' });
      // Each run of mentions is filed under its blocks when it first comes near (see createPaintWindow).
      near.add(0, a.mentions.length);
      near.start();
      this.window = near;
    } else {
      const pass = painter.begin();
      // Each mention makes its ranges here: the time is looked at every 64.
      await inChunks(a.mentions.length, 64, (from, to) => {
        for (let i = from; i < to; i++) {
          const mention = a.mentions.at(i)!;
          pass.add(a.pieces.of(i).map((range) => ({ mention, range })));
        }
      });
      if (this.current !== a) return;
      pass.commit();
    }
    painter.paintNotes(a.passages.map((p) => p.range));
  }

  /**
   * The fallback painting (no Highlight API): wraps every mention's pieces in marks, a slice at a
   * time, then maps the text again, since the wrapped text now lies in the text nodes the marks
   * hold (the text is the same: the marks are inline and add none). Hit-testing, cards and notes
   * then work on the new map as they do on painted pages.
   */
  private async wrapInSlices(a: Annotation): Promise<void> {
    const wrapper = (this.wrapper ??= createWrapPainter(this.doc, this.settings.palette));
    let pass: WrapPass | null = null;
    this.quiet(() => (pass = wrapper.begin()));
    await wrapInFrames(this.doc.defaultView!, a.mentions.length, (from, to) =>
      this.quiet(() => {
        // Cleared or annotated again meanwhile: this pass's marks would be left behind.
        if (this.current !== a) return;
        for (let i = from; i < to; i++) pass!.wrap(a.mentions.at(i)!, a.pieces.of(i));
      }),
    );
    if (this.current !== a) return;
    const wrapped = await this.remap(a);
    if (wrapped) await this.wrapNotes(wrapped);
  }

  /** Wraps the passages with notes (fallback painting) in place of those wrapped before, and maps the text again. */
  private async wrapNotes(a: Annotation): Promise<void> {
    const wrapper = this.wrapper;
    if (!wrapper) return;
    let n = 0;
    this.quiet(() => (n = wrapper.paintNotes(a.passages.flatMap((p) => a.map.toRanges(p.at.start, p.at.end)))));
    if (n > 0) await this.remap(a);
  }

  /**
   * Maps `a`'s text again after marks went in or out, and makes it current with ranges on the new
   * map; null (and `a` stays) if the text reads differently now: the page changed it meanwhile,
   * and its observer has the page annotated again.
   */
  private async remap(a: Annotation): Promise<Annotation | null> {
    const map = await buildTextMapInSlices(a.root);
    if (this.current !== a || map.text !== a.map.text) return null;
    const passages = a.passages.flatMap((p) => {
      const range = map.toRange(p.at.start, p.at.end);
      return range ? [{ ...p, range }] : [];
    });
    this.current = { ...a, map, pieces: new MentionPieces(map, a.mentions), passages };
    return this.current;
  }

  /**
   * Resolves once the painted highlights have been rendered (or after SHOWN_WAIT_MS, where frames
   * are not rendered: a hidden tab). Recording waits for this: storing a big article's mentions
   * keeps the background and the database busy, and on a 2-core machine that slowed the browser's
   * repaint after our highlights went in (a 200,000-node page: 30–45 ms frames became 56–76 ms).
   */
  private async onScreen(): Promise<void> {
    const win = this.doc.defaultView;
    if (!win) return;
    await afterNextFrame(win, SHOWN_WAIT_MS, this.window?.firstPaint);
  }

  /**
   * How the mentions are painted: all registered, only those near the viewport (a very large
   * page), or wrapped in marks (no Highlight API).
   */
  get painting(): 'all' | 'near-viewport' | 'wrapped' {
    return this.wrapper ? 'wrapped' : this.window ? 'near-viewport' : 'all';
  }

  /** Every mention is painted (near the viewport when there are very many): each covers mapped text. */
  get paintedCount(): number {
    return this.current ? this.current.mentions.length : 0;
  }

  /** Applies changed settings: kinds and colours take effect without re-reading the page. */
  updateSettings(settings: Settings) {
    this.settings = settings;
    this.painter?.setPalette(settings.palette);
    this.wrapper?.setPalette(settings.palette);
  }

  /** Drops every mention of a name the reader marked "not an entity". */
  forget(name: string, type: PageMention['type']) {
    if (!this.current) return;
    const c = this.current;
    const keep = Array.from(c.mentions, (m) => !(m.type === type && m.text === name));
    const mentions = c.mentions.filter((_, i) => keep[i]);
    this.current = { ...c, mentions, pieces: new MentionPieces(c.map, mentions, c.pieces.madeFor(keep)) };
    void this.paintInSlices();
  }

  /** The index of the mention under a viewport point, or -1. */
  mentionAt(x: number, y: number): number {
    if (!this.current) return -1;
    const { pieces } = this.current;
    return hitTest(this.doc, this.current.map, this.current.mentions, (i) => pieces.of(i), x, y);
  }

  focus(index: number | null) {
    const piece = index === null || !this.current ? null : this.current.pieces.first(index);
    this.painter?.focus(piece);
    const wrapper = this.wrapper;
    if (wrapper) this.quiet(() => wrapper.focus(piece));
  }

  clear() {
    this.window?.stop();
    this.window = null;
    this.painter?.clear();
    const wrapper = this.wrapper;
    if (wrapper) this.quiet(() => wrapper.clear());
    this.current = null;
  }
}
