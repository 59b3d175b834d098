/**
 * Each mention's painted pieces (ranges, one per text node it covers), made on first use. A page
 * with tens of thousands of mentions paints only those near the viewport, so most never need
 * theirs, and every range made is one more object the page's garbage collector must trace: making
 * all 23,000–47,000 of a huge page's up front was 50 ms of work and stalls in its collections.
 */
import type { MentionList, PageMention } from '@/utils/page-texts/mention-spans';
import type { TextMap } from './text-map';

/** The painted pieces of one annotation's mentions, by mention index, made lazily and kept. */
export class MentionPieces {
  /**
   * @param made pieces already made for the first mentions (a grown article keeps the ranges it
   *   painted before: the same objects, so its highlights need not change).
   */
  constructor(
    private readonly map: TextMap,
    private readonly mentions: MentionList,
    private readonly made: Array<readonly AbstractRange[] | undefined> = [],
  ) {}

  /** The ranges of mention `i`. */
  of(i: number): readonly AbstractRange[] {
    const m = this.mentions.at(i);
    if (!m) return [];
    return (this.made[i] ??= this.map.toRanges(m.start, m.end));
  }

  /** Mention `i`'s first range: where its card is placed and keyboard focus scrolls to. */
  first(i: number): AbstractRange | null {
    return this.of(i)[0] ?? null;
  }

  /** Mention `i` itself: a paint window reads the mentions it files by index (see paint-window.ts). */
  mention(i: number): PageMention {
    return this.mentions.at(i)!;
  }

  /**
   * Calls `visit(first, last, start, end)` for mentions `first` to `last` (a run of mentions in a row
   * whose first characters lie in the text node `start` and last in `end`; null: none), over
   * mentions `from` to `to` - 1, without making their ranges: one pass over the map's text nodes
   * from the one mention `from` starts in, stepping on from the mention before (they come sorted),
   * and one call for all the mentions of a node. Looked up one at a time through the map, filing
   * the 22,600 mentions of a 1 MB article took 6–8 ms with the code still cold.
   */
  eachRun(from: number, to: number, visit: (first: number, last: number, start: Text | null, end: Text | null) => void): void {
    const segs = this.map.segments;
    const n = segs.length;
    // The first segment that can hold mention `from`, by halves: a window asks for a run's ends
    // and files a run at a time, each of them anywhere in the text.
    const at = this.mentions.at(from)?.start ?? 0;
    let s = 0;
    for (let hi = n; s < hi; ) {
      const mid = (s + hi) >> 1;
      if (segs[mid].end <= at) s = mid + 1;
      else hi = mid;
    }
    let last = at;
    let runFirst = -1;
    let runStart: Text | null = null;
    let runEnd: Text | null = null;
    for (let i = from; i < to; i++) {
      const m = this.mentions.at(i);
      let start: Text | null = null;
      let end: Text | null = null;
      if (m && m.end > m.start) {
        // Back to the first segment for a mention starting before the one before it (unsorted input).
        if (m.start < last) s = 0;
        last = m.start;
        while (s < n && segs[s].end <= m.start) s++;
        if (s < n && segs[s].start <= m.start) start = segs[s].node;
        let e = s;
        while (e < n && segs[e].end < m.end) e++;
        if (e < n && segs[e].start < m.end) end = segs[e].node;
      }
      if (runFirst >= 0 && start === runStart && end === runEnd) continue;
      if (runFirst >= 0) visit(runFirst, i - 1, runStart, runEnd);
      runFirst = i;
      runStart = start;
      runEnd = end;
    }
    if (runFirst >= 0) visit(runFirst, to - 1, runStart, runEnd);
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
