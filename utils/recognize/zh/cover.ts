/**
 * Which characters of a text are already taken by a span: overlap checks in O(span length), never
 * O(spans). The table is allocated on the first mark, so a cover nothing is marked in costs nothing.
 */
export class Cover {
  /** `owner[i]` is 1 + the id of the span holding character i, 0 when free. */
  private owner: Int32Array | null = null;
  constructor(private readonly length: number) {}
  /** Marks [start, end) as held by span number `id`. */
  mark(start: number, end: number, id = 0): void {
    const stop = Math.min(end, this.length + 1);
    let i = Math.max(0, start);
    if (i >= stop) return;
    const owner = (this.owner ??= new Int32Array(this.length + 1));
    for (; i < stop; i++) owner[i] = id + 1;
  }
  /** The id of a span overlapping [start, end), or −1 when the range is free. */
  hit(start: number, end: number): number {
    const owner = this.owner;
    if (owner === null) return -1;
    const stop = Math.min(end, owner.length);
    for (let i = Math.max(0, start); i < stop; i++) if (owner[i] !== 0) return owner[i] - 1;
    return -1;
  }
}
