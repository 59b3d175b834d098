/**
 * Each mention's painted pieces (ranges, one per text node it covers), made on first use. A page
 * with tens of thousands of mentions paints only those near the viewport, so most never need
 * theirs, and every range made is one more object the page's garbage collector must trace: making
 * all 23,000–47,000 of a huge page's up front was 50 ms of work and stalls in its collections.
 */
import type { Mention } from '@/utils/recognize/types';
import type { TextMap } from './text-map';

/** The painted pieces of one annotation's mentions, by mention index, made lazily and kept. */
export class MentionPieces {
  /**
   * @param made pieces already made for the first mentions (a grown article keeps the ranges it
   *   painted before: the same objects, so its highlights need not change).
   */
  constructor(
    private readonly map: TextMap,
    private readonly mentions: readonly Mention[],
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
  mention(i: number): Mention {
    return this.mentions[i];
  }

  /** The text node mention `i` starts in, without making its ranges (null: none). */
  startNode(i: number): Text | null {
    const m = this.mentions[i];
    return m && m.end > m.start ? this.map.nodeAt(m.start) : null;
  }

  /** The text node mention `i` ends in (its last character's), without making its ranges (null: none). */
  endNode(i: number): Text | null {
    const m = this.mentions[i];
    return m && m.end > m.start ? this.map.nodeAt(m.end - 1) : null;
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
