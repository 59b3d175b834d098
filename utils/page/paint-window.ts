/**
 * Painting only what is near the viewport, for pages with very many mentions. Blink rebuilds its
 * markers for every range of every registered highlight whenever the registry, the page's DOM or
 * its style changes (one rendering frame of 150–300 ms for 23,000–40,000 ranges, and again on
 * every later DOM change of the page), so on such pages the registered highlights hold only the
 * pieces in blocks within about a viewport of the visible area, and follow the reader's scrolling.
 */
import type { Mention } from '@/utils/recognize/types';
import type { Painter } from './paint';
import { BLOCK_TAGS } from './text-map';

/** One painted range of one mention. */
export interface PaintItem {
  mention: Mention;
  range: AbstractRange;
}

/** Above this many pieces a page is painted near the viewport only; below, all at once. */
export const WINDOW_ABOVE_PIECES = 2000;

/** How far beyond the viewport pieces are painted: a viewport above and below. */
export const WINDOW_MARGIN = '100% 0px';

/**
 * The element whose box decides whether a piece is near the viewport: the nearest block-level
 * ancestor by tag (no style is read, so nothing forces a layout), else the text's own parent, or
 * the shadow host where a shadow root ends the climb.
 */
export function blockOf(node: Node): Element | null {
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  const first = el ?? ((node.parentNode as ShadowRoot | null)?.host ?? null);
  while (el) {
    if (BLOCK_TAGS.has(el.tagName.toUpperCase())) return el;
    el = el.parentElement ?? ((el.parentNode as ShadowRoot | null)?.host ?? null);
  }
  return first;
}

/** The part of IntersectionObserver a window needs (a seam for tests). */
export type ObserverFactory = (callback: (entries: ReadonlyArray<Pick<IntersectionObserverEntry, 'target' | 'isIntersecting' | 'boundingClientRect'>>) => void, options: { rootMargin: string }) => Pick<IntersectionObserver, 'observe' | 'disconnect'>;

/** A running windowed paint: pieces are added while grouping, then `start` begins following the viewport. */
export interface PaintWindow {
  /** Files pieces under their block; before `start`. */
  add(items: readonly PaintItem[]): void;
  /** Observes the blocks; the highlights follow from the first report on. */
  start(): void;
  /** How many pieces are registered now. */
  readonly shown: number;
  /** Stops following the viewport (the painter keeps what it shows until cleared). */
  stop(): void;
}

/**
 * A window over `painter`: registered highlights hold exactly the pieces of the blocks the observer
 * reports near the viewport. A block with no box (display: contents) reports no intersection ever,
 * so a zero-sized one counts as near: painted rather than lost.
 */
export function createPaintWindow(painter: Painter, observe: ObserverFactory, margin = WINDOW_MARGIN): PaintWindow {
  const byBlock = new Map<Element, PaintItem[]>();
  /** Pieces with no element to watch (detached text): painted with whatever is near. */
  const loose: PaintItem[] = [];
  const near = new Set<Element>();
  let observer: ReturnType<ObserverFactory> | null = null;
  let shown = 0;

  const repaint = () => {
    const pass = painter.begin();
    let n = pass.add(loose);
    for (const block of near) n += pass.add(byBlock.get(block) ?? []);
    pass.commit();
    shown = n;
  };

  return {
    add(items) {
      for (const item of items) {
        const block = blockOf(item.range.startContainer);
        if (!block) {
          loose.push(item);
          continue;
        }
        let list = byBlock.get(block);
        if (!list) byBlock.set(block, (list = []));
        list.push(item);
      }
    },
    start() {
      observer?.disconnect();
      observer = observe((entries) => {
        let changed = false;
        for (const e of entries) {
          const r = e.boundingClientRect;
          const isNear = e.isIntersecting || (r.width === 0 && r.height === 0);
          if (isNear !== near.has(e.target)) {
            if (isNear) near.add(e.target);
            else near.delete(e.target);
            changed = true;
          }
        }
        if (changed) repaint();
      }, { rootMargin: margin });
      for (const block of byBlock.keys()) observer.observe(block);
      if (loose.length) repaint();
    },
    get shown() {
      return shown;
    },
    stop() {
      observer?.disconnect();
      observer = null;
    },
  };
}
