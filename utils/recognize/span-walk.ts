/**
 * Overlap questions answered by walking sorted lists, for callers whose questions come in text
 * order: no Cover (an object and a list, or a table the length of the text) is built per text.
 */

interface Span { start: number; end: number }

/** Whether the spans of `list` are non-empty, come by start and none overlaps the ones before it. */
export function isSortedDisjoint(list: readonly Span[]): boolean {
  let reach = -Infinity;
  for (let k = 0; k < list.length; k++) {
    const t = list[k];
    if (t.end <= t.start || t.start < reach) return false;
    reach = t.end;
  }
  return true;
}

/**
 * Whether the non-empty spans of `list` come by start and none overlaps the ones before it; empty
 * spans, anywhere, are let pass (callers that skip them, as the recogniser's overlap resolution does).
 */
export function isDisjointByStart(list: readonly Span[]): boolean {
  let reach = -Infinity;
  for (let k = 0; k < list.length; k++) {
    const t = list[k];
    if (t.end <= t.start) continue;
    if (t.start < reach) return false;
    reach = t.end;
  }
  return true;
}

/** Whether `list` is sorted by start. */
export function isSortedByStart(list: readonly Span[]): boolean {
  for (let k = 1; k < list.length; k++) if (list[k].start < list[k - 1].start) return false;
  return true;
}

/**
 * The first span of a list sorted by start with no overlaps and no empty span that overlaps [s, e),
 * asked with starts that never decrease: what Cover#hit answers for such a list, by one pointer.
 */
export class SpanWalk<T extends Span> {
  private at = 0;
  constructor(private readonly list: readonly T[]) {}

  first(s: number, e: number): T | undefined {
    const list = this.list;
    // Spans ending by `s` end by every later start too: they are passed for good.
    while (this.at < list.length && list[this.at].end <= s) this.at++;
    const t = list[this.at];
    return t !== undefined && t.start < e ? t : undefined;
  }
}

/**
 * Whether [s, e) overlaps a non-empty span of two lists sorted by start (overlaps within a list
 * allowed), asked with ends that never decrease: a span overlaps iff it starts before `e` and ends
 * after `s`, so the furthest end among the spans starting before `e` decides, and that set only grows.
 */
export class ReachWalk {
  private a = 0;
  private b = 0;
  private reach = -Infinity;
  constructor(private readonly first: readonly Span[], private readonly second: readonly Span[]) {}

  hits(s: number, e: number): boolean {
    for (; this.a < this.first.length && this.first[this.a].start < e; this.a++) this.take(this.first[this.a]);
    for (; this.b < this.second.length && this.second[this.b].start < e; this.b++) this.take(this.second[this.b]);
    return this.reach > s;
  }

  private take(t: Span): void {
    if (t.end > t.start && t.end > this.reach) this.reach = t.end;
  }
}
