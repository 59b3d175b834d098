/**
 * Each mention's painted pieces (ranges, one per text node it covers), made on first use. A page
 * with tens of thousands of mentions paints only those near the viewport, so most never need
 * theirs, and every range made is one more object the page's garbage collector must trace: making
 * all 23,000–47,000 of a huge page's up front was 50 ms of work and stalls in its collections.
 */
import type { PageMention } from '@/utils/page-texts/mention-spans';
import type { TextMap } from './text-map';

/** The painted pieces of one annotation's mentions, by mention index, made lazily and kept. */
export class MentionPieces {
  /**
   * @param made pieces already made for the first mentions (a grown article keeps the ranges it
   *   painted before: the same objects, so its highlights need not change).
   */
  constructor(
    private readonly map: TextMap,
    private readonly mentions: readonly PageMention[],
    private readonly made: Array<readonly AbstractRange[] | undefined> = [],
  ) {}

  /** The ranges of mention `i`. */
  of(i: number): readonly AbstractRange[] {
    const m = this.mentions[i];
    if (!m) return [];
    return (this.made[i] ??= this.map.toRanges(m.start, m.end));
  }

  /** Mention `i`'s first range: where its card is placed and keyboard focus scrolls to. */
  first(i: number): AbstractRange | null {
    return this.of(i)[0] ?? null;
  }

  /** Mention `i` itself: a paint window reads the mentions it files by index (see paint-window.ts). */
  mention(i: number): PageMention {
    return this.mentions[i];
  }

  /**
   * Calls `visit(i, start, end)` for mentions `from` to `to` - 1 with the text nodes holding their
   * first and last characters (null: none), without making their ranges, in one pass over the
   * map's text nodes: mentions come sorted, so each is found by stepping on from the one before
   * (looked up one at a time, through the map, filing the 22,600 mentions of a 1 MB article took
   * 6–8 ms with the code still cold).
   */
  eachEnds(from: number, to: number, visit: (i: number, start: Text | null, end: Text | null) => void): void {
    const segs = this.map.segments;
    const n = segs.length;
    let s = 0;
    let last = 0;
    for (let i = from; i < to; i++) {
      const m = this.mentions[i];
      if (!m || m.end <= m.start) {
        visit(i, null, null);
        continue;
      }
      // Back to the first segment for a mention starting before the one before it (unsorted input).
      if (m.start < last) s = 0;
      last = m.start;
      while (s < n && segs[s].end <= m.start) s++;
      const start = s < n && segs[s].start <= m.start ? segs[s].node : null;
      let e = s;
      while (e < n && segs[e].end < m.end) e++;
      visit(i, start, e < n && segs[e].start < m.end ? segs[e].node : null);
    }
  }

  /** What was made for the first `count` mentions, to carry into a list that continues differently. */
  madeBefore(count: number): Array<readonly AbstractRange[] | undefined> {
    return this.made.slice(0, count);
  }

  /** What was made for the mentions `keep` selects, in order (for the list without the others). */
  madeFor(keep: readonly boolean[]): Array<readonly AbstractRange[] | undefined> {
    const out: Array<readonly AbstractRange[] | undefined> = [];
    for (let i = 0; i < keep.length; i++) if (keep[i]) out.push(this.made[i]);
    return out;
  }
}
