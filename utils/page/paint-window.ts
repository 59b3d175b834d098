/**
 * Painting only what is near the viewport, for pages with very many mentions. Blink rebuilds its
 * markers for every range of every registered highlight whenever the registry, the page's DOM or
 * its style changes (one rendering frame of 150–300 ms for 23,000–40,000 ranges, and again on
 * every later DOM change of the page), so on such pages the registered highlights hold only the
 * mentions in blocks within about a viewport of the visible area, and follow the reader's scrolling.
 * A mention's ranges are made when it is first painted, so most of a huge page's never are.
 */
import type { PageMention } from '@/utils/page-texts/mention-spans';
import type { Painter } from './paint';
import { tagOf } from './detect-article';
import { BLOCK_TAGS } from './text-map';

/** One painted range of one mention. */
export interface PaintItem {
  mention: PageMention;
  range: AbstractRange;
}

/**
 * The mentions a window paints, read by index (MentionPieces is one). A huge page files tens of
 * thousands of mentions: by index, filing makes no object per mention (an entry, its node list
 * and a closure each were 3–4 MB of young objects on the 1 MB bench page, and the collections
 * that copied them cost more than the filing itself).
 */
export interface WindowMentions {
  mention(i: number): PageMention;
  /** Its ranges (one per text node), asked for when its block first comes near. */
  of(i: number): readonly AbstractRange[];
  /**
   * The text nodes mentions `from` to `to` - 1 start and end in (the blocks around them decide when
   * each is near), in one pass, for runs of mentions in a row that share both (`first` to `last`;
   * runs need not be the longest): how a window files thousands.
   */
  eachRun(from: number, to: number, visit: (first: number, last: number, start: Node | null, end: Node | null) => void): void;
}

/** Above this many mentions a page is painted near the viewport only; below, all at once. */
export const WINDOW_ABOVE_MENTIONS = 2000;

/** How far beyond the viewport pieces are painted: a viewport above and below. */
export const WINDOW_MARGIN = '100% 0px';

/**
 * At most this many runs of consecutive blocks are watched, each through its first and last block.
 * Blink computes every observed target's intersection on each frame that changes: 20,000 observed
 * paragraphs made 35–40 ms frames of their own on a 5 MB article.
 */
export const WATCHED_RUNS = 128;

/**
 * The element whose box decides whether a piece is near the viewport: the nearest block-level
 * ancestor by tag (no style is read, so nothing forces a layout), else the text's own parent, or
 * the shadow host where a shadow root ends the climb.
 */
export function blockOf(node: Node): Element | null {
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  const first = el ?? ((node.parentNode as ShadowRoot | null)?.host ?? null);
  while (el) {
    if (BLOCK_TAGS.has(tagOf(el))) return el;
    el = el.parentElement ?? ((el.parentNode as ShadowRoot | null)?.host ?? null);
  }
  return first;
}

/** What a window reads of an IntersectionObserver entry (a seam for tests). */
export type WindowObserverEntry = Pick<IntersectionObserverEntry, 'target' | 'isIntersecting' | 'boundingClientRect' | 'rootBounds'>;

/** The part of IntersectionObserver a window needs (a seam for tests). */
export type ObserverFactory = (callback: (entries: ReadonlyArray<WindowObserverEntry>) => void, options: { rootMargin: string }) => Pick<IntersectionObserver, 'observe' | 'unobserve' | 'disconnect'>;

/** A running windowed paint: mentions are added while grouping, then `start` begins following the viewport. */
export interface PaintWindow {
  /** Takes mentions `from` to `to` - 1 of the window's mentions in, before `start`; each is filed under its blocks once its run first comes near. */
  add(from: number, to: number): void;
  /** Cuts the mentions into runs and observes their ends; the highlights follow from the first report on. */
  start(): void;
  /** How many pieces are registered now. */
  readonly shown: number;
  /** Settles when the first highlights are registered (after the observer's first report). */
  readonly firstPaint: Promise<void>;
  /** Stops following the viewport (the painter keeps what it shows until cleared). */
  stop(): void;
}

/** Where a watched block is against the margin-extended viewport; unknown until first reported. */
type Side = 'unknown' | 'above' | 'near' | 'below';

/**
 * Consecutive mentions (indices `from` to `to` - 1, in document order), watched through the blocks
 * of the first and the last: near while either end is or the two lie on both sides. Its mentions are
 * filed under their blocks (`blocks`) when it first comes near: most runs of a huge page never do.
 */
interface Run {
  from: number;
  to: number;
  first: Element;
  last: Element;
  /** The blocks its mentions were filed under, once filed. */
  blocks: Element[] | null;
}

/** A block with no box of its own (display: contents): it never intersects, so it counts as near. */
const boxless = (r: DOMRectReadOnly) => r.width === 0 && r.height === 0;

/** Which side of the (extended) viewport an entry lies on; a boxless block is near: painted rather than lost. */
function sideOf(e: WindowObserverEntry): Side {
  const r = e.boundingClientRect;
  if (e.isIntersecting || boxless(r)) return 'near';
  return r.bottom <= (e.rootBounds?.top ?? 0) ? 'above' : 'below';
}

/** A box within the extended viewport, or with no size (display: contents): near. */
const boxIsNear = (r: DOMRectReadOnly, bounds: DOMRectReadOnly) => boxless(r) || (r.bottom >= bounds.top && r.top <= bounds.bottom);

const runIsNear = (a: Side, b: Side) => a === 'near' || b === 'near' || (a === 'above' && b === 'below') || (a === 'below' && b === 'above');

/** How a window follows the viewport. */
export interface PaintWindowOptions {
  /** How far beyond the viewport blocks count as near (an observer's rootMargin). */
  margin?: string;
  /** At most how many runs the blocks are cut into (only their ends are always observed). */
  runs?: number;
  /**
   * Paint every block of a run near the viewport, watching only the runs' ends: what is registered
   * then changes once a run, not once a paragraph. For Gecko, where each change to the registered
   * highlights costs more than the ranges they hold: on a 5 MB article, following paragraph by
   * paragraph made wheel scrolling's frames 35–47 ms against 23–26 without Dossier; by runs, 26–30.
   */
  wholeRuns?: boolean;
}

/**
 * A window over `painter`: registered highlights hold exactly the mentions of the blocks near the
 * viewport. The mentions, in the order they come (document order), are cut into at most `runs`
 * runs, each watched through the blocks of its first and last mention; the mentions of a run near
 * the viewport are then filed under their blocks, which are observed one by one, and those near are
 * painted. So a page of any length has a few hundred observed elements at most, what is registered
 * stays within `margin` of the viewport (with `wholeRuns`, the blocks of the runs near it are
 * painted, none observed one by one), and only the mentions of runs that came near are ever filed
 * (filing all 22,500 of a 1 MB article first was 3–9 ms of the page's time).
 */
export function createPaintWindow(painter: Painter, mentions: WindowMentions, observe: ObserverFactory, { margin = WINDOW_MARGIN, runs = WATCHED_RUNS, wholeRuns = false }: PaintWindowOptions = {}): PaintWindow {
  /** The index ranges `add` was given, cut into runs by `start`. */
  const added: Array<[number, number]> = [];
  /** The mentions filed under each block, as runs of indices: first, last, first, last… */
  const byBlock = new Map<Element, number[]>();
  /** Mentions with no element to watch (detached text): painted with whatever is near. */
  const loose: number[] = [];
  /** The text node filed last, its block and that block's list: mentions come in document order, a few to a node. */
  let lastNode: Node | null = null;
  let lastBlock: Element | null = null;
  let lastList: number[] | undefined;
  const ends = new Map<Element, Side>();
  let watched: Run[] = [];
  let nearRuns = new Set<Run>();
  const nearBlocks = new Set<Element>();
  /** Blocks the fine observer watches now: a report it queued before letting one go is ignored. */
  const watching = new Set<Element>();
  let coarse: ReturnType<ObserverFactory> | null = null;
  let fine: ReturnType<ObserverFactory> | null = null;
  let shown = 0;
  let firstPainted!: () => void;
  const firstPaint = new Promise<void>((resolve) => (firstPainted = resolve));

  const repaint = () => {
    const pass = painter.begin();
    const painted = new Set<number>();
    let n = 0;
    const paint = (i: number) => {
      if (painted.has(i)) return;
      painted.add(i);
      const mention = mentions.mention(i);
      n += pass.add(mentions.of(i).map((range) => ({ mention, range })));
    };
    loose.forEach(paint);
    for (const block of nearBlocks) {
      const runs = byBlock.get(block);
      if (runs) for (let r = 0; r < runs.length; r += 2) for (let i = runs[r]; i <= runs[r + 1]; i++) paint(i);
    }
    pass.commit();
    shown = n;
    firstPainted();
  };

  /** Files mentions `first` to `last` under the block of `node` unless that is `filed` already; the block, or null when it has none. */
  const file = (node: Node, first: number, last: number, filed: Element | null): Element | null => {
    if (node !== lastNode) {
      lastNode = node;
      lastBlock = blockOf(node);
      lastList = lastBlock ? byBlock.get(lastBlock) : undefined;
    }
    if (!lastBlock) return null;
    if (lastBlock === filed) return filed;
    if (!lastList) byBlock.set(lastBlock, (lastList = []));
    const n = lastList.length;
    if (n > 0 && lastList[n - 1] === first - 1) lastList[n - 1] = last;
    else lastList.push(first, last);
    return lastBlock;
  };

  /** Files a run's mentions under the blocks of the text nodes they start and end in (or as loose); its blocks, in order. */
  const fileRun = (run: Pick<Run, 'from' | 'to'>): Element[] => {
    const blocks = new Set<Element>();
    mentions.eachRun(run.from, run.to, (first, last, start, end) => {
      const filed = start ? file(start, first, last, null) : null;
      const alsoFiled = end && end !== start ? file(end, first, last, filed) : null;
      if (filed) blocks.add(filed);
      if (alsoFiled) blocks.add(alsoFiled);
      if (!filed && !alsoFiled) for (let i = first; i <= last; i++) loose.push(i);
    });
    return [...blocks];
  };

  /** The blocks a run of mentions starts and ends in, read from its first and last mention (its whole length only where those have no node). */
  const endsOf = (from: number, to: number): { first: Element | null; last: Element | null } => {
    const blockAt = (node: Node | null) => (node ? blockOf(node) : null);
    let first: Element | null = null;
    let last: Element | null = null;
    mentions.eachRun(from, from + 1, (_first, _last, start, end) => {
      first = blockAt(start ?? end);
    });
    mentions.eachRun(to - 1, to, (_first, _last, start, end) => {
      last = blockAt(end ?? start);
    });
    if (!first || !last) {
      mentions.eachRun(from, to, (_first, _last, start, end) => {
        first ??= blockAt(start ?? end);
        last = blockAt(end ?? start) ?? last;
      });
    }
    return { first: first ?? last, last: last ?? first };
  };

  /**
   * Runs near the viewport have their mentions filed (the first time) and their blocks observed one
   * by one (all painted, with `wholeRuns`); those leaving, no longer, unless a run still near shares
   * them. The blocks of a run coming near are placed at once from their boxes, against the same
   * extended viewport (`rootBounds`), rather than a frame later when their own first report comes:
   * a reader jumping down the page would otherwise see them bare for a frame or two. This runs in
   * the observer's callback, right after the browser's own layout, so reading boxes forces none.
   */
  const onEnds = (entries: ReadonlyArray<WindowObserverEntry>) => {
    let bounds: DOMRectReadOnly | null = null;
    for (const e of entries) {
      if (!ends.has(e.target)) continue;
      ends.set(e.target, sideOf(e));
      bounds ??= e.rootBounds;
    }
    const now = new Set(watched.filter((run) => runIsNear(ends.get(run.first)!, ends.get(run.last)!)));
    const looseBefore = loose.length;
    const kept = new Set<Element>();
    for (const run of now) for (const block of (run.blocks ??= fileRun(run))) kept.add(block);
    let changed = loose.length > looseBefore;
    for (const run of nearRuns) {
      if (now.has(run)) continue;
      for (const block of run.blocks!) {
        if (kept.has(block)) continue;
        fine?.unobserve(block);
        watching.delete(block);
        changed = nearBlocks.delete(block) || changed;
      }
    }
    for (const run of now) {
      if (nearRuns.has(run)) continue;
      for (const block of run.blocks!) {
        if (wholeRuns) {
          if (!nearBlocks.has(block)) {
            nearBlocks.add(block);
            changed = true;
          }
          continue;
        }
        if (watching.has(block)) continue;
        fine?.observe(block);
        watching.add(block);
        if (bounds && !nearBlocks.has(block) && boxIsNear(block.getBoundingClientRect(), bounds)) {
          nearBlocks.add(block);
          changed = true;
        }
      }
    }
    nearRuns = now;
    if (changed) repaint();
  };

  const onBlocks = (entries: ReadonlyArray<WindowObserverEntry>) => {
    let changed = false;
    for (const e of entries) {
      if (!watching.has(e.target)) continue;
      const isNear = sideOf(e) === 'near';
      if (isNear === nearBlocks.has(e.target)) continue;
      if (isNear) nearBlocks.add(e.target);
      else nearBlocks.delete(e.target);
      changed = true;
    }
    if (changed) repaint();
  };

  return {
    add(from, to) {
      if (to <= from) return;
      // Ranges added one after another (in chunks, say) are one stretch: runs are cut over all of it.
      const prev = added[added.length - 1];
      if (prev && prev[1] === from) prev[1] = to;
      else added.push([from, to]);
    },
    start() {
      coarse?.disconnect();
      fine?.disconnect();
      byBlock.clear();
      loose.length = 0;
      lastNode = lastBlock = null;
      lastList = undefined;
      const total = added.reduce((n, [from, to]) => n + to - from, 0);
      const per = Math.max(1, Math.ceil(total / runs));
      watched = [];
      for (const [from, to] of added) {
        for (let a = from; a < to; a += per) {
          const b = Math.min(to, a + per);
          const { first, last } = endsOf(a, b);
          // A run with no element at either end (detached text): its mentions are loose, painted now.
          if (!first || !last) fileRun({ from: a, to: b });
          else watched.push({ from: a, to: b, first, last, blocks: null });
        }
      }
      ends.clear();
      nearRuns = new Set();
      nearBlocks.clear();
      watching.clear();
      fine = wholeRuns ? null : observe(onBlocks, { rootMargin: margin });
      coarse = observe(onEnds, { rootMargin: margin });
      for (const run of watched) {
        for (const el of run.first === run.last ? [run.first] : [run.first, run.last]) {
          if (ends.has(el)) continue;
          ends.set(el, 'unknown');
          coarse.observe(el);
        }
      }
      if (loose.length) repaint();
    },
    get shown() {
      return shown;
    },
    firstPaint,
    stop() {
      coarse?.disconnect();
      fine?.disconnect();
      coarse = fine = null;
    },
  };
}
