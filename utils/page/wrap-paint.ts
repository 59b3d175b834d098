/**
 * Painting where the CSS Custom Highlight API is missing (Firefox before 140, which the manifest
 * still admits; Chromium before 105): each painted piece of text is wrapped in a `<dossier-mark>`
 * element, styled by the same adopted sheet as the highlights. This changes the page's DOM, so it
 * is only the fallback: text nodes are split at the pieces' ends and the piece moved into a mark.
 *
 * Unwrapping a mark puts its text node back where it was and keeps the split text nodes apart, so
 * a text map made while the marks were in place still fits; `clear` also joins them again, leaving
 * the page's text nodes as they were (the first of each split one keeps its identity and text).
 */
import { FOCUS_ATTR, highlightName, highlightSheet, MARK_ATTR, MARK_TAG, type Palette } from './paint';
import type { PageMention } from '@/utils/page-texts/mention-spans';
import { afterNextFrame, inChunks } from './pacing';

const XHTML = 'http://www.w3.org/1999/xhtml';

/**
 * Wrapping per frame. Any change to an article's DOM has the browser lay the article out again in
 * the next frame, and each wrapped paragraph on top: 12 ms of wrapping a task made 23 tasks of
 * 50–90 ms on a 5 MB article (Chromium); 3 ms a frame, 12 of 50–64 ms there and none of 50 ms on
 * the 1 MB and the 200,000-node pages.
 */
const WRAP_BUDGET_MS = 3;
/** The longest a slice of wrapping waits for a frame (frames are not rendered in a hidden tab). */
const FRAME_WAIT_MS = 100;

/**
 * Calls `wrapRange` over mentions [0, count) in runs of 16, about WRAP_BUDGET_MS of them a frame,
 * each batch after the page has rendered the last.
 */
export function wrapInFrames(win: Window, count: number, wrapRange: (from: number, to: number) => void): Promise<void> {
  return inChunks(count, 16, wrapRange, WRAP_BUDGET_MS, () => afterNextFrame(win, FRAME_WAIT_MS));
}

/** One wrapping pass: pieces are wrapped in the order given, which must be the text's order. */
export interface WrapPass {
  /** Wraps a mention's pieces (ranges inside one text node each); returns how many were wrapped. */
  wrap(mention: Pick<PageMention, 'type' | 'known'>, pieces: readonly AbstractRange[]): number;
}

/** The fallback painter (see the file's comment). Every call changes the page's DOM: run them where the page's observers of ours look away. */
export interface WrapPainter {
  readonly kind: 'wrap';
  /** Unwraps every mention mark and starts a pass that wraps anew (pieces from a map made before or after this call both fit). */
  begin(): WrapPass;
  /** Wraps the pieces of passages with notes, in place of those wrapped before; returns how many. */
  paintNotes(pieces: readonly AbstractRange[]): number;
  /** Marks the mark holding `piece` as focused (keyboard navigation), or none. */
  focus(piece: AbstractRange | null): void;
  setPalette(palette: Palette): void;
  /** Removes every mark and joins the text nodes split for them. */
  clear(): void;
}

/** Where the rest of a text node split by a pass now is: the node holding its text from `base` on (null: none left). */
interface Tail {
  node: Text | null;
  base: number;
}

/** Creates the fallback painter for `doc`. */
export function createWrapPainter(doc: Document, palette: Palette = 'classic'): WrapPainter {
  let sheet = highlightSheet(doc, palette);
  let mentionMarks: Element[] = [];
  let noteMarks: Element[] = [];
  /** Each split, in order: the node split and the node made from its end (joined back by `clear`). */
  const splits: Array<[Text, Text]> = [];
  /** Shadow roots given the sheet, so marks inside them are styled too. */
  const scopes = new Set<ShadowRoot>();
  let focused: Element | null = null;

  /** Gives the shadow root holding `node` (if any) the highlight sheet. */
  const styleScope = (node: Node) => {
    const root = node.getRootNode() as Node & Partial<ShadowRoot>;
    if (root.nodeType !== 11 || !root.host || scopes.has(root as ShadowRoot)) return;
    const shadow = root as ShadowRoot;
    scopes.add(shadow);
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
  };

  const split = (node: Text, at: number): Text => {
    const rest = node.splitText(at);
    splits.push([node, rest]);
    return rest;
  };

  /**
   * Wraps [start, end) of the text node `origin` as `name`, where `tails` says what earlier pieces
   * of this pass left of it. A piece overlapping the one before is wrapped from where that ended.
   */
  const wrapPiece = (piece: AbstractRange, name: string, tails: Map<Text, Tail>, into: Element[]): boolean => {
    const origin = piece.startContainer;
    if (origin.nodeType !== 3 || piece.endContainer !== origin) return false;
    const tail = tails.get(origin as Text) ?? { node: origin as Text, base: 0 };
    const node = tail.node;
    if (!node || !node.parentNode) return false;
    const start = Math.max(0, piece.startOffset - tail.base);
    const end = piece.endOffset - tail.base;
    // The page changed the node since it was mapped: leave it.
    if (end <= start || end > node.length) return false;
    const inside = start > 0 ? split(node, start) : node;
    const rest = end - start < inside.length ? split(inside, end - start) : null;
    tails.set(origin as Text, { node: rest, base: tail.base + end });
    const mark = doc.createElementNS(XHTML, MARK_TAG);
    mark.setAttribute(MARK_ATTR, name);
    inside.parentNode!.insertBefore(mark, inside);
    mark.appendChild(inside);
    styleScope(mark);
    into.push(mark);
    return true;
  };

  /** Puts a mark's content where the mark was. */
  const unwrap = (mark: Element) => {
    if (mark.parentNode) mark.replaceWith(...Array.from(mark.childNodes));
  };

  return {
    kind: 'wrap',
    begin() {
      for (const m of mentionMarks) unwrap(m);
      mentionMarks = [];
      focused = null;
      const tails = new Map<Text, Tail>();
      return {
        wrap(mention, pieces) {
          const name = highlightName(mention.type, !!mention.known);
          let n = 0;
          for (const piece of pieces) if (wrapPiece(piece, name, tails, mentionMarks)) n++;
          return n;
        },
      };
    },
    paintNotes(pieces) {
      for (const m of noteMarks) unwrap(m);
      noteMarks = [];
      const tails = new Map<Text, Tail>();
      let n = 0;
      for (const piece of pieces) if (wrapPiece(piece, 'dossier-note', tails, noteMarks)) n++;
      return n;
    },
    focus(piece) {
      focused?.removeAttribute(FOCUS_ATTR);
      focused = null;
      // The mention's own mark: a note's mark may sit between it and the text.
      const mark = piece?.startContainer.parentElement?.closest(`${MARK_TAG}:not([${MARK_ATTR}="dossier-note"])`);
      if (mark) {
        mark.setAttribute(FOCUS_ATTR, '');
        focused = mark;
      }
    },
    setPalette(p) {
      sheet = highlightSheet(doc, p);
    },
    clear() {
      for (const m of noteMarks) unwrap(m);
      for (const m of mentionMarks) unwrap(m);
      noteMarks = [];
      mentionMarks = [];
      focused = null;
      // Latest first, so a node split twice is whole again before its own split is undone.
      for (let i = splits.length - 1; i >= 0; i--) {
        const [node, rest] = splits[i];
        if (rest.previousSibling !== node) continue;
        node.appendData(rest.data);
        rest.remove();
      }
      splits.length = 0;
      for (const shadow of scopes) shadow.adoptedStyleSheets = shadow.adoptedStyleSheets.filter((s) => s !== sheet);
      scopes.clear();
    },
  };
}
