/**
 * Which characters of a text are already taken by a span: overlap checks in O(span length), never
 * O(spans). The first few spans are kept as a short list (most texts hold only a few, and a list
 * costs no table allocation); past that, a per-character owner table takes over.
 */
const LIST_MAX = 16;

export class Cover {
  /** `owner[i]` is 1 + the id of the span holding character i, 0 when free; null while the list suffices. */
  private owner: Int32Array | null = null;
  /** Marked spans in marking order, as [start, end, id] triples, clipped to the text. */
  private readonly list: number[] = [];
  constructor(private readonly length: number) {}

  /** Marks [start, end) as held by span number `id` (a later mark takes over the characters it shares). */
  mark(start: number, end: number, id = 0): void {
    const s = Math.max(0, start);
    const e = Math.min(end, this.length + 1);
    if (s >= e) return;
    if (this.owner === null) {
      if (this.list.length < LIST_MAX * 3) {
        this.list.push(s, e, id);
        return;
      }
      this.owner = new Int32Array(this.length + 1);
      const l = this.list;
      for (let k = 0; k < l.length; k += 3) this.owner.fill(l[k + 2] + 1, l[k], l[k + 1]);
    }
    this.owner.fill(id + 1, s, e);
  }

  /** The id of the span owning the first taken character of [start, end), or −1 when the range is free. */
  hit(start: number, end: number): number {
    const owner = this.owner;
    if (owner !== null) {
      const stop = Math.min(end, owner.length);
      for (let i = Math.max(0, start); i < stop; i++) if (owner[i] !== 0) return owner[i] - 1;
      return -1;
    }
    // The first taken character is the smallest clipped start; at a tie, the later mark owns it.
    const l = this.list;
    const s0 = Math.max(0, start);
    let first = Infinity;
    let id = -1;
    for (let k = 0; k < l.length; k += 3) {
      const s = l[k] > s0 ? l[k] : s0;
      if (s < end && s < l[k + 1] && s <= first) {
        first = s;
        id = l[k + 2];
      }
    }
    return id;
  }
}
