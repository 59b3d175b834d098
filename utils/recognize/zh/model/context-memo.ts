/**
 * The misc templates that read only classes, surname flags and org-ending distances (1, 2, 3, 5) take
 * few distinct values over a text (mostly runs of Han chars), so their four sub-rows are summed once
 * per context and kept in a small direct-mapped memo: one probe per char instead of four hash lookups
 * and four sub-row sums. Sums of packed words are exact, so a memoised sum is the sum.
 */
import { lookup, type Table } from './codec';
import { PW } from './packed-rows';
import { PLAIN_ARENA, type Arena } from './kernel';

/**
 * Slot bits. 2^14 (320 KB of keys and sums): a miss costs the WebAssembly kernel a call out to fill();
 * 2^12 missed 3% of chars over the dev sets and was 1% slower in all; the JS loop found no gain past 2^12.
 */
export const MEMO_BITS = 14;
const BITS = MEMO_BITS;

/**
 * The context of a position: class at -2 | classes -1..+2 (the `tail` the templates share) << 4 |
 * surname flags << 20 | org-ending distance here << 24 | distance at -1 << 28. Every field is 4 bits.
 */
export const contextKey = (k2: number, tail: number, sur: number, d0: number, dm1: number) => k2 | tail | (sur << 20) | (d0 << 24) | (dm1 << 28);

/** The memo slot of a context. */
export const memoSlot = (ctx: number) => Math.imul(ctx, 0x9e3779b1) >>> (32 - BITS);

/** Packed sums of the four context templates' sub-rows, by context. */
export class ContextMemo {
  /** Words of keys and sums, for an arena's size. */
  static readonly WORDS = (1 + PW) << BITS;
  /** The context held by each slot; -1 (every field 15, no class is) = none yet. */
  readonly keys: Int32Array;
  /** PW packed words per slot. */
  readonly sums: Int32Array;
  private scratch = new Int32Array(4);
  /** arena: where keys and sums live (the kernel's memory, which probes them itself). */
  constructor(private misc: Table, private w: Int32Array, arena: Arena = PLAIN_ARENA) {
    this.keys = arena.i32(1 << BITS).fill(-1);
    this.sums = arena.i32(PW << BITS);
  }

  /** Sums ctx's sub-rows into slot (on a miss: the decoder probes `keys` itself) and returns where the sum starts in `sums`. */
  fill(slot: number, ctx: number): number {
    const k2 = ctx & 15, tail = ctx & 0xffff0, km1 = (ctx >>> 4) & 15, k0 = (ctx >>> 8) & 15;
    const sur = (ctx >>> 20) & 15, d0 = (ctx >>> 24) & 15, dm1 = ctx >>> 28;
    const sums = this.sums, w = this.w, o = slot * PW, keys = this.scratch;
    keys[0] = (1 << 24) | k2 | tail; keys[1] = (2 << 24) | sur | tail; keys[2] = (3 << 24) | d0 | (k0 << 8); keys[3] = (5 << 24) | d0 | (dm1 << 8) | (km1 << 16);
    sums.fill(0, o, o + PW);
    for (let t = 0; t < 4; t++) {
      const e = lookup(this.misc, keys[t]);
      if (e === 0) continue;
      for (let q = 0; q < PW; q++) sums[o + q] += w[e + q];
    }
    this.keys[slot] = ctx;
    return o;
  }
}
