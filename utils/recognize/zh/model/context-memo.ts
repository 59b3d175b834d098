/**
 * The misc templates that read only classes, surname flags and org-ending distances (1, 2, 3, 5) take
 * few distinct values over a text (mostly runs of Han chars), so their four sub-rows are summed once
 * per context and kept in a small direct-mapped memo: one probe per char instead of four hash lookups
 * and four sub-row sums. Sums of packed words are exact, so a memoised sum is the sum.
 */
import { lookup, type Table } from './codec';
import { PW } from './packed-rows';

const BITS = 10;

/**
 * The context of a position: class at -2 | classes -1..+2 (the `tail` the templates share) << 4 |
 * surname flags << 20 | org-ending distance here << 24 | distance at -1 << 28. Every field is 4 bits.
 */
export const contextKey = (k2: number, tail: number, sur: number, d0: number, dm1: number) => k2 | tail | (sur << 20) | (d0 << 24) | (dm1 << 28);

/** Packed sums of the four context templates' sub-rows, by context. */
export class ContextMemo {
  private keys = new Int32Array(1 << BITS).fill(-1); // -1: no context has every class field at 15
  /** PW packed words per slot. */
  readonly sums = new Int32Array(PW << BITS);
  constructor(private misc: Table, private w: Int32Array) {}

  /** Where in `sums` the packed sum of ctx's sub-rows starts (summed on the first sight of ctx). */
  at(ctx: number): number {
    const slot = Math.imul(ctx, 0x9e3779b1) >>> (32 - BITS);
    if (this.keys[slot] !== ctx) this.fill(slot, ctx);
    return slot * PW;
  }

  private fill(slot: number, ctx: number): void {
    const k2 = ctx & 15, tail = ctx & 0xffff0, km1 = (ctx >>> 4) & 15, k0 = (ctx >>> 8) & 15;
    const sur = (ctx >>> 20) & 15, d0 = (ctx >>> 24) & 15, dm1 = ctx >>> 28;
    const sums = this.sums, w = this.w, o = slot * PW;
    sums.fill(0, o, o + PW);
    for (const key of [(1 << 24) | k2 | tail, (2 << 24) | sur | tail, (3 << 24) | d0 | (k0 << 8), (5 << 24) | d0 | (dm1 << 8) | (km1 << 16)]) {
      const e = lookup(this.misc, key);
      if (e === 0) continue;
      for (let q = 0, r = e >>> 7; q < PW; q++) sums[o + q] += w[r + q];
    }
    this.keys[slot] = ctx;
  }
}
