/**
 * Char rows with the row of the pair they start folded in: the pair starting at a char is seen from
 * positions -1 .. +2 of the tagged char (its sub-rows 0..3), which the char's own row also covers (its
 * sub-rows 1..4), so one 7-sub-row row per (char, next char) carries both, and the decoder sums 7 sub-rows
 * per position instead of 7 + 4. Built lazily, the first time the decoder meets a char or a pair, so
 * loading the model costs nothing more; chars whose pair has no row use the char's row alone.
 * Sums of packed words are exact (./packed-rows.ts), so a folded sub-row adds exactly what the two did.
 */
import { PW } from './packed-rows';

/** Sub-rows of a char row (and so of a folded row): positions -3 .. +3. */
const WIDTH = 7;
/** Words of a folded row. */
const ROW = WIDTH * PW;
/** Sub-rows of a pair row: positions -1 .. +2, i.e. char sub-rows 1 .. 4. */
const PAIR_WIDTH = 4;

/** Folded rows (PW packed words a sub-row, 7 sub-rows a row) and where each char's and pair's row starts. */
export class FoldedRows {
  /** The rows; offset 0 is a row of zeros (a char without weights, alone). Grows: re-read after char()/pair(). */
  rows = new Int32Array(ROW * 256);
  /** Row offset by char code: the char alone; 0 = not built yet (or no weights: char() answers 0 again). */
  readonly charAt = new Int32Array(65536);
  /** Row offset by pair entry >> 4 (pair rows are 4 × PW = 16 words apart); 0 = not built yet. */
  private pairAt: Int32Array;
  private next = ROW;
  constructor(private w: Int32Array, private uni: Int32Array) {
    this.pairAt = new Int32Array((w.length >> 4) + 1);
  }

  /** The row of char c alone (its char row; 0 = none). */
  char(c: number): number {
    const e = this.uni[c];
    if (e === 0) return 0;
    let o = this.charAt[c];
    if (o === 0) {
      o = this.charAt[c] = this.allocate();
      this.rows.set(this.w.subarray(e, e + ROW), o);
    }
    return o;
  }

  /** The row of char c followed by the pair whose row starts at w[e] (e ≠ 0). */
  pair(c: number, e: number): number {
    let o = this.pairAt[e >> 4];
    if (o !== 0) return o;
    o = this.pairAt[e >> 4] = this.allocate();
    const rows = this.rows, w = this.w, u = this.uni[c];
    if (u !== 0) rows.set(w.subarray(u, u + ROW), o);
    for (let q = 0; q < PAIR_WIDTH * PW; q++) rows[o + PW + q] += w[e + q];
    return o;
  }

  private allocate(): number {
    if (this.next + ROW > this.rows.length) {
      const grown = new Int32Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    const o = this.next;
    this.next += ROW;
    return o;
  }
}
