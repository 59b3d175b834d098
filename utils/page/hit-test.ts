/**
 * Which mention is under the pointer: caret position from the point, its text offset through the
 * text map, the mention by binary search, then confirmed against the range's boxes (a caret
 * position is also reported for points beside the text).
 */
import type { MentionList, PageMention } from '@/utils/page-texts/mention-spans';
import { liveRange, type TextMap } from './text-map';

/** The text node and offset under a viewport point, in any browser that has either API. */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

/** Index of the mention covering text offset `at` in mentions sorted by start, or -1. */
export function mentionIndexAt(mentions: { readonly length: number; at(i: number): Pick<PageMention, 'start' | 'end'> | undefined }, at: number): number {
  let lo = 0;
  let hi = mentions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = mentions.at(mid)!;
    if (m.end <= at) lo = mid + 1;
    else if (m.start > at) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** True when the point lies in one of the range's boxes (with a pixel of slack). */
export function rangeContainsPoint(range: AbstractRange, x: number, y: number): boolean {
  const live = liveRange(range);
  if (!live) return false;
  for (const r of Array.from(live.getClientRects())) if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  return false;
}

/** The mention under a point, or -1. Both offsets either side of the caret are tried (a caret sits between characters). */
export function hitTest(doc: Document, map: TextMap, mentions: MentionList, piecesOf: (index: number) => ReadonlyArray<AbstractRange>, x: number, y: number): number {
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== 3) return -1;
  const at = map.offsetOf(caret.node, caret.offset);
  if (at < 0) return -1;
  for (const offset of [at, at - 1]) {
    const i = mentionIndexAt(mentions, offset);
    if (i !== -1 && piecesOf(i).some((r) => rangeContainsPoint(r, x, y))) return i;
  }
  return -1;
}
