/**
 * A set of char pairs ((a << 16) | b, never 0) as an open-addressed table small enough for the L1
 * cache: the featurizer asks it about most chars of a text, and a Set's lookup cost ~6% of tagging.
 */
export class PairSet {
  /** The pairs, as given. */
  readonly keys: number[];
  /** The table (0 = empty slot), its hash shift and index mask: read in place by the decoder's kernel. */
  readonly slots: Int32Array;
  readonly shift: number;
  readonly mask: number;

  constructor(keys: Iterable<number>) {
    this.keys = [...new Set(keys)];
    let bits = 4;
    while (1 << bits < this.keys.length * 2) bits++;
    this.slots = new Int32Array(1 << bits);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    for (const key of this.keys) {
      if (key === 0) throw new Error('PairSet keys are never 0');
      let s = Math.imul(key, 0x9e3779b1) >>> this.shift;
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.slots[s] = key;
    }
  }

  /** Whether the pair is in the set. */
  has(key: number): boolean {
    const slots = this.slots, mask = this.mask;
    for (let s = Math.imul(key, 0x9e3779b1) >>> this.shift; ; s = (s + 1) & mask) {
      const v = slots[s];
      if (v === 0) return false; // first: the pair of two NULs (key 0) is never in the set
      if (v === key) return true;
    }
  }
}
