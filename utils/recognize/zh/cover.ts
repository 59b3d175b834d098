/** Which characters of a text are already taken by a span: overlap checks in O(span length), never O(spans). */
export class Cover {
  private readonly owner: Int32Array;
  constructor(length: number) {
    this.owner = new Int32Array(length + 1).fill(-1);
  }
  /** Marks [start, end) as held by span number `id`. */
  mark(start: number, end: number, id = 0): void {
    for (let i = Math.max(0, start); i < end && i < this.owner.length; i++) this.owner[i] = id;
  }
  /** The id of a span overlapping [start, end), or −1 when the range is free. */
  hit(start: number, end: number): number {
    for (let i = Math.max(0, start); i < end && i < this.owner.length; i++) if (this.owner[i] >= 0) return this.owner[i];
    return -1;
  }
}
