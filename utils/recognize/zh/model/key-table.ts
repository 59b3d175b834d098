/**
 * The n-gram tables of the tagger: open-addressed hash tables from a 32-bit key to an entry (the word
 * offset of its row), slots of [key, entry], entry 0 = empty. Most n-grams of a text are absent, so a
 * one-bit-per-hash filter small enough for the L1 cache answers those before the table is touched.
 * The model file stores each table as laid out here (./codec.ts), so loading one is a view on the
 * file's bytes: filling tens of thousands of slots on the first text cost more than half the cold start.
 */

/** A table's slots and filter with the shifts and mask its lookups use. */
export interface Table { slots: Int32Array; shift: number; mask: number; filter: Int32Array; fshift: number }

/** Sizes of the table of `count` keys: at most half full, the filter 16 bits a key (2^10 … 2^17 bits). */
export function tableShape(count: number): { bits: number; fbits: number; words: number } {
  let bits = 4;
  while (1 << bits < count * 2) bits++;
  let fbits = 10;
  while (fbits < 17 && 1 << fbits < count * 16) fbits++;
  return { bits, fbits, words: (2 << bits) + (1 << (fbits - 5)) };
}

/** The table of `count` keys over words[at .. at + tableShape(count).words): slots, then filter. */
export function tableAt(words: Int32Array, at: number, count: number): Table {
  const { bits, fbits } = tableShape(count);
  const slots = words.subarray(at, at + (2 << bits));
  const filter = words.subarray(at + (2 << bits), at + (2 << bits) + (1 << (fbits - 5)));
  return { slots, shift: 32 - bits, mask: (2 << bits) - 1, filter, fshift: 32 - fbits };
}

/** Home slot (already doubled) of a key: the top bits of a multiplicative hash. */
export const home = (key: number, shift: number) => (Math.imul(key, 0x9e3779b1) >>> shift) << 1;

/** Adds a key (absent so far) with its entry (not 0): the model writer's side. */
export function insertKey(t: Table, key: number, entry: number): void {
  const f = Math.imul(key, 0x9e3779b1) >>> t.fshift;
  t.filter[f >>> 5] |= 1 << (f & 31);
  let s = home(key, t.shift);
  while (t.slots[s + 1] !== 0) s = (s + 2) & t.mask;
  t.slots[s] = key;
  t.slots[s + 1] = entry;
}

/** Entry of key in t (the word offset of its row), or 0 when absent. */
export function lookup(t: Table, key: number): number {
  const h = Math.imul(key, 0x9e3779b1), f = h >>> t.fshift;
  if ((t.filter[f >>> 5] & (1 << (f & 31))) === 0) return 0;
  const slots = t.slots, mask = t.mask;
  let s = (h >>> t.shift) << 1;
  for (;;) {
    const o = slots[s + 1];
    if (o === 0 || slots[s] === key) return o;
    s = (s + 2) & mask;
  }
}

/** The slot (index of its key in t.slots; the entry follows it) of key, or -1 when absent: for callers that rewrite entries in a copy. */
export function slotOf(t: Table, key: number): number {
  const h = Math.imul(key, 0x9e3779b1), f = h >>> t.fshift;
  if ((t.filter[f >>> 5] & (1 << (f & 31))) === 0) return -1;
  const slots = t.slots, mask = t.mask;
  let s = (h >>> t.shift) << 1;
  for (;;) {
    const o = slots[s + 1];
    if (o === 0) return -1;
    if (slots[s] === key) return s;
    s = (s + 2) & mask;
  }
}
