/**
 * The misc templates that pair the tagged char with a 4-bit payload (4: char × org-ending distance,
 * 6: char × surname flags), gathered per char into a block the first time the decoder meets the char:
 * nine chars in ten have such keys, so afterwards both entries cost two loads instead of two hash
 * lookups. Built lazily, so loading the model costs nothing more (a char's block is 32 hash lookups once).
 */
import { G_MISC, lookup, type Table } from './codec';
import { CHAR_SLOTS, MISC_AT } from './char-slots';
import { grownFor } from './grow';

/** Misc template of char × org-ending distance (key = 4 << 24 | distance << 16 | char). */
export const T_CHAR_DIST = 4;
/** Misc template of char × surname flags (key = 6 << 24 | flags << 16 | char). */
export const T_CHAR_SUR = 6;
/** Entries per char: 16 distances, then 16 surname-flag sets. */
const BLOCK = 32;
/** Where a block's surname-flag entries start. */
export const SUR_AT = 16;
/** The block of chars without keys (all zeros); block 0 is unused so that a start of 0 means "not built yet". */
const EMPTY = BLOCK;

/** Entries (row offsets) of the two per-char templates: block(c) + distance, or + SUR_AT + flags. */
export class CharMisc {
  /** The blocks, BLOCK entries each, 0 = absent. */
  entries = new Int32Array(BLOCK * 256);
  private next = 2 * BLOCK;
  /**
   * charSlots: the decoder's per-char table (./char-slots.ts), where each block's start is kept (0 = not
   * built yet); entries: where to keep the blocks (the kernel's memory): of wordsFor() words, they never
   * outgrow it; without it they double when full.
   */
  constructor(private misc: Table, private charSlots: Int32Array, entries?: Int32Array<ArrayBuffer>) {
    if (entries) this.entries = entries;
  }

  /** Words the blocks can ever need (RuntimeModel#counts): the two reserved blocks and one per char with a key, at most one per misc key. */
  static wordsFor(counts: readonly number[]): number {
    return BLOCK * (2 + Math.min(65536, counts[G_MISC]));
  }

  /** Builds the block of char c from the misc table and returns its start. */
  block(c: number): number {
    const misc = this.misc;
    let at = EMPTY;
    for (let q = 0; q < BLOCK; q++) {
      const key = ((q < SUR_AT ? T_CHAR_DIST : T_CHAR_SUR) << 24) | ((q & 15) << 16) | c;
      const e = lookup(misc, key);
      if (e === 0) continue;
      if (at === EMPTY) at = this.allocate();
      this.entries[at + q] = e;
    }
    return (this.charSlots[CHAR_SLOTS * c + MISC_AT] = at);
  }

  private allocate(): number {
    this.entries = grownFor(this.entries, this.next + BLOCK);
    const at = this.next;
    this.next += BLOCK;
    return at;
  }
}
