/**
 * The middle of char rows with the rows of the pair and the triple they start folded in: the pair
 * starting at a char is seen from positions -1 .. +2 of the tagged char (its sub-rows 0..3) and the
 * triple from 0 .. +2 (0..2), which the char's own row also covers (its sub-rows 1..4), so one row of
 * 4 sub-rows per n-gram carries all three there, and the decoder sums 7 sub-rows per position (3 from the
 * char rows, 4 from these) instead of 7 + 4 + (up to) 3, without a branch for absent triples. Only the
 * middle is folded: the char's outer sub-rows (0, 5, 6) would be the same in every row of the char, and
 * a 4-sub-row row is one 64-byte cache line. Built lazily, the first time the decoder meets a char, pair
 * or triple, so loading the model costs nothing more; a char whose pair and triple have no row uses the
 * middle of its own row alone. Sums of packed words are exact (./packed-rows.ts), so a folded sub-row
 * adds exactly what the rows did.
 */
import { PW } from './packed-rows';
import type { Table } from './key-table';
import { CHAR_SLOTS, newCharSlots, ROW_AT } from './char-slots';
import { grownFor } from './grow';
import { PLAIN_ARENA, type Arena } from './kernel';
import { G_BI, G_TRI, G_UNI } from './codec';

/** Sub-rows of a pair row, and of a folded row: positions -1 .. +2, i.e. char sub-rows 1 .. 4. */
export const MID_WIDTH = 4;
/** Words of a folded row. */
const ROW = MID_WIDTH * PW;
/**
 * Where a char's outer row starts, after its folded row: its sub-rows 0, 5, 6 (then zeros), which the
 * decoder reads from positions +3, -2, -3: one cache line a char instead of the two or three its
 * 112-byte char row spans, and only the sub-rows the hot loop reads.
 */
export const OUTER_AT = ROW;
/** Sub-rows of a triple row: positions 0 .. +2, i.e. char sub-rows 1 .. 3. */
const TRI_WIDTH = 3;

/** Folded rows (PW packed words a sub-row, MID_WIDTH sub-rows a row) and where each char's, pair's and triple's row starts. */
export class FoldedRows {
  /** The rows; offset 0 is a row of zeros (a char without weights, alone). Grows: re-read after char()/pair(). */
  rows = new Int32Array(ROW * 1024);
  /** Row offset of the char alone at CHAR_SLOTS × char code + ROW_AT (./char-slots.ts); 0 = not built yet (or no weights: char() answers 0 again). */
  readonly charAt: Int32Array;
  /**
   * A copy of the pair table whose entries become -(folded row) once built: the decoder finds a pair's
   * folded row with the lookup it makes anyway (no second table to miss in); see pair().
   */
  readonly pairs: Table;
  /** Row offset by triple entry / 12 (triple rows are 3 × PW words apart); 0 = not built yet. */
  private triAt: Int32Array;
  /**
   * The folded pair row (or ~char, without a pair) each triple's row was built on: triple keys are hashes, so
   * two triples with different first pairs may share an entry; only the first met is folded (see triple()).
   */
  private triWith: Int32Array;
  private next = ROW;
  /**
   * arena: where the pair entries and triple marks live, and the rows too when rowWords is given (the
   * kernel's memory, which reads them all): wordsFor() words, which they never outgrow (a row per char,
   * pair and triple of the model at most, see triple()); else the rows double when full.
   */
  constructor(private w: Int32Array, private uni: Int32Array, bi: Table, charSlots: Int32Array = newCharSlots(), arena: Arena = PLAIN_ARENA, rowWords = 0) {
    if (rowWords > 0) this.rows = arena.i32(rowWords);
    this.charAt = charSlots;
    this.pairs = { ...bi, slots: arena.i32(bi.slots.length) };
    this.pairs.slots.set(bi.slots);
    this.triAt = arena.i32(FoldedRows.markWordsFor(w));
    this.triWith = arena.i32(this.triAt.length);
  }

  /** Where the kernel finds the triple marks (see triple()). */
  get tripleMarks(): { at: Int32Array; with: Int32Array } {
    return { at: this.triAt, with: this.triWith };
  }

  /** Words of each of the two triple-mark arrays: one per triple row the weights could hold. */
  static markWordsFor(w: Int32Array): number {
    return ((w.length / (TRI_WIDTH * PW)) | 0) + 1;
  }

  /** Words the rows can ever need (RuntimeModel#counts): the zero row, two rows per char, one per pair and per triple. */
  static wordsFor(counts: readonly number[]): number {
    return ROW * (1 + 2 * counts[G_UNI] + counts[G_BI] + counts[G_TRI]);
  }

  /** The row of char c alone (its char row; 0 = none), its outer row at + OUTER_AT. */
  char(c: number): number {
    const e = this.uni[c];
    if (e === 0) return 0;
    let o = this.charAt[CHAR_SLOTS * c + ROW_AT];
    if (o === 0) {
      o = this.charAt[CHAR_SLOTS * c + ROW_AT] = this.allocate();
      if (this.allocate() !== o + OUTER_AT) throw new Error('rows are allocated in order');
      const rows = this.rows, w = this.w;
      rows.set(w.subarray(e + PW, e + PW + ROW), o);
      rows.set(w.subarray(e, e + PW), o + OUTER_AT);
      rows.set(w.subarray(e + 5 * PW, e + 7 * PW), o + OUTER_AT + PW);
    }
    return o;
  }

  /** The row of char c followed by the pair in slot s of `pairs` (its first char is c); builds it on first sight. */
  pair(c: number, s: number): number {
    const slots = this.pairs.slots, e = slots[s + 1];
    if (e < 0) return -e;
    const o = this.allocate(), rows = this.rows, w = this.w, u = this.uni[c];
    if (u !== 0) rows.set(w.subarray(u + PW, u + PW + ROW), o);
    for (let q = 0; q < ROW; q++) rows[o + q] += w[e + q];
    slots[s + 1] = -o;
    return o;
  }

  /**
   * The row of char c followed by the pair with folded row p (0 = none) and the triple with entry t (≠ 0),
   * or 0 when t's row was built after another char or pair (a triple-key collision, rare in real text):
   * the caller then adds the triple itself. A row per collision instead would let a crafted text grow
   * the cache without bound; this way it holds at most one row per char, pair and triple of the model.
   */
  triple(c: number, p: number, t: number): number {
    const i = (t / (TRI_WIDTH * PW)) | 0, with_ = p !== 0 ? p : ~c;
    let o = this.triAt[i];
    if (o !== 0) return this.triWith[i] === with_ ? o : 0;
    o = this.triAt[i] = this.allocate();
    this.triWith[i] = with_;
    const rows = this.rows, w = this.w, u = this.uni[c];
    if (p !== 0) rows.copyWithin(o, p, p + ROW); // char and pair, already summed
    else if (u !== 0) rows.set(w.subarray(u + PW, u + PW + ROW), o);
    for (let q = 0; q < TRI_WIDTH * PW; q++) rows[o + q] += w[t + q];
    return o;
  }

  private allocate(): number {
    this.rows = grownFor(this.rows, this.next + ROW);
    const o = this.next;
    this.next += ROW;
    return o;
  }
}
