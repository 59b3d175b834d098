/**
 * Binary format of the tagger weights (pruned, int8-quantised; the file public/models/zh-tagger.bin).
 * The encoder is used by scripts/train-zh.ts, the decoder by the runtime; keeping both here keeps them in step.
 *
 * Weights are rows keyed by the exact n-gram (see the template groups in ./features.ts): a row holds
 * WIDTH[g] sub-rows of NT int8 weights, one per position of the n-gram relative to the tagged char, so
 * the runtime looks each n-gram up once. Absent n-grams weigh nothing.
 *
 * Layout (little endian): u8 version, u8 NG, u8 NT, u8 0, i16 trans[(NT + 1) * NT] (row NT = start),
 *   i16 end[NT], i16 bias[NT], 3 × (u32 length, u16 chars) lexicon strings, u32 count[NG], u32 key bytes,
 *   then the keys: per group, per entry in ascending unsigned key order, the varint key delta; zero bytes
 *   up to a multiple of 4 from the file start; then the weights as PW i32 words per sub-row, packed the
 *   way the decoder sums them (./packed-rows.ts): a zero row of ZERO_ROW words, then every entry's row in
 *   the same order, all WIDTH[g] sub-rows of it (zeros where pruned). The runtime reads them in place (a
 *   view on the file's bytes, no per-weight work), finds sub-row k of a row at row start + PW × k without
 *   a branch, and lets an absent n-gram (entry 0) read the zero row.
 */
import { NT, type Lexicon } from './features';
import { LITTLE_ENDIAN, PW, pushPacked } from './packed-rows';

/** Format version; bump when the layout or the feature templates change. */
export const VERSION = 8;

/** Template groups, in file order: chars, pairs, the -1/+1 skip pair, triples, misc keys. */
export const G_UNI = 0, G_BI = 1, G_SKIP = 2, G_TRI = 3, G_MISC = 4;
/** Sub-rows per group row: positions of the n-gram relative to the tagged char. */
export const WIDTH = [7, 4, 1, 3, 1];
const NG = 5;
/** Words of the zero row at the start of the weights: what an absent n-gram of any width reads. */
export const ZERO_ROW = Math.max(...WIDTH) * PW;

/** The 32-bit key of a char triple (a hash; the pair and misc keys are exact). */
export const triKey = (a: number, b: number, c: number) => Math.imul((a << 16) | b, 0x2545f491) ^ Math.imul(c + 0x9e37, 0x85ebca6b);

/** One template group as the trainer hands it over. */
export interface Group {
  keys: number[]; // unsigned 32-bit, ascending, distinct
  rows: Int8Array; // keys.length * WIDTH[g] * NT
}

/** The sparse quantised model the trainer hands to encodeModel(). */
export interface SparseModel {
  trans: Int16Array; // (NT + 1) * NT
  end: Int16Array; // NT
  bias: Int16Array; // NT
  lex: Lexicon;
  groups: Group[]; // NG, in group order
}

/**
 * An open-addressed hash table from 32-bit key to an entry (the word offset of its row): slots of
 * [key, entry], entry 0 = empty. Most n-grams of a text are absent, so a one-bit-per-hash filter small enough for the
 * L1 cache answers those before the table is touched.
 */
export interface Table { slots: Int32Array; shift: number; mask: number; filter: Int32Array; fshift: number }

/** A model ready for decoding. */
export interface RuntimeModel {
  trans: Int32Array;
  end: Int32Array;
  bias: Int32Array;
  lex: Lexicon;
  /** The rows, packed (./packed-rows.ts), after the zero row; entries are word offsets into it. */
  w: Int32Array;
  /** Entry (word offset of the row) by char code, 0 = absent (the zero row). */
  uni: Int32Array;
  bi: Table;
  skip: Table;
  tri: Table;
  misc: Table;
}

/** Home slot (already doubled) of a key: the top bits of a multiplicative hash. */
export const home = (key: number, shift: number) => (Math.imul(key, 0x9e3779b1) >>> shift) << 1;

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

class Writer {
  buf = new Uint8Array(1 << 16);
  n = 0;
  private grow(k: number): void {
    if (this.n + k <= this.buf.length) return;
    const b = new Uint8Array(Math.max(this.buf.length * 2, this.n + k));
    b.set(this.buf.subarray(0, this.n));
    this.buf = b;
  }
  u8(v: number): void { this.grow(1); this.buf[this.n++] = v & 255; }
  u16(v: number): void { this.u8(v); this.u8(v >> 8); }
  u32(v: number): void { this.u16(v & 0xffff); this.u16(v >>> 16); }
  varint(v: number): void { while (v >= 128) { this.u8((v & 127) | 128); v = Math.floor(v / 128); } this.u8(v); }
  str(s: string): void { this.u32(s.length); for (let i = 0; i < s.length; i++) this.u16(s.charCodeAt(i)); }
}

/**
 * Serialises a pruned model to the file's bytes (called by the trainer), with the size its byte budget
 * counts: the int8 layout of v6 (keys, a sub-row mask per row, NT bytes per kept sub-row), so pruning
 * does not depend on how the runtime lays the weights out.
 */
export function encodeModel(m: SparseModel): { bytes: Uint8Array; budgetBytes: number } {
  const w = new Writer();
  w.u8(VERSION); w.u8(NG); w.u8(NT); w.u8(0);
  for (let i = 0; i < m.trans.length; i++) w.u16(m.trans[i]);
  for (let i = 0; i < NT; i++) w.u16(m.end[i]);
  for (let i = 0; i < NT; i++) w.u16(m.bias[i]);
  w.str(m.lex.surnames); w.str(m.lex.orgEnd1); w.str(m.lex.orgEnd2);
  for (let g = 0; g < NG; g++) w.u32(m.groups[g].keys.length);
  const sizeAt = w.n;
  w.u32(0); // key bytes, patched below
  const pool: number[] = new Array(ZERO_ROW).fill(0); // packed words
  let masks = 0, kept = 0; // what v6 stored: a mask byte per row of width > 1, the kept sub-rows
  for (let g = 0; g < NG; g++) {
    const { keys, rows } = m.groups[g], width = WIDTH[g];
    let prev = 0;
    for (let j = 0; j < keys.length; j++) {
      if (keys[j] < prev || keys[j] > 0xffffffff) throw new Error('keys must be ascending unsigned 32-bit');
      w.varint(keys[j] - prev);
      prev = keys[j];
      const base = j * width * NT;
      let present = 0;
      for (let k = 0; k < width; k++) for (let t = 0; t < NT; t++) if (rows[base + k * NT + t] !== 0) present |= 1 << k;
      if (present === 0) throw new Error('empty row');
      if (width > 1) masks++;
      for (let k = 0; k < width; k++) { if (present & (1 << k)) kept++; pushPacked(pool, rows, base + k * NT); }
    }
  }
  const keyBytes = w.n - sizeAt - 4;
  w.buf[sizeAt] = keyBytes & 255; w.buf[sizeAt + 1] = (keyBytes >> 8) & 255; w.buf[sizeAt + 2] = (keyBytes >> 16) & 255; w.buf[sizeAt + 3] = keyBytes >>> 24;
  const budgetBytes = w.n + masks + kept * NT;
  while (w.n % 4) w.u8(0);
  for (const v of pool) w.u32(v);
  return { bytes: w.buf.slice(0, w.n), budgetBytes };
}

/** Parses the model file into lookup tables; throws on a version or template mismatch or a bad length. */
export function decodeModel(b: Uint8Array): RuntimeModel {
  let p = 0;
  const u8 = () => b[p++];
  const u16 = () => { const v = b[p] | (b[p + 1] << 8); p += 2; return v; };
  const i16 = () => (u16() << 16) >> 16;
  const u32 = () => (u16() | (u16() << 16)) >>> 0;
  const str = () => { const n = u32(); let s = ''; for (let i = 0; i < n; i++) s += String.fromCharCode(u16()); return s; };
  const version = u8(), ng = u8(), nt = u8();
  u8();
  if (version !== VERSION || ng !== NG || nt !== NT || nt !== 9) throw new Error(`zh tagger model mismatch: v${version} ng${ng} nt${nt}`);
  const trans = new Int32Array((NT + 1) * NT);
  for (let i = 0; i < trans.length; i++) trans[i] = i16();
  const end = new Int32Array(NT);
  for (let i = 0; i < NT; i++) end[i] = i16();
  const bias = new Int32Array(NT);
  for (let i = 0; i < NT; i++) bias[i] = i16();
  const lex: Lexicon = { surnames: str(), orgEnd1: str(), orgEnd2: str() };
  const counts: number[] = [];
  for (let g = 0; g < NG; g++) counts.push(u32());
  const keyBytes = u32();
  // the keys, then the weights: entries point at word offsets into the packed sub-rows
  const uni = new Int32Array(65536);
  const tables: Table[] = [];
  const at = [p, ZERO_ROW]; // read position, row start
  for (let g = 0; g < NG; g++) {
    const count = counts[g];
    let bits = 4;
    while (1 << bits < count * 2) bits++;
    let fbits = 10;
    while (fbits < 17 && 1 << fbits < count * 16) fbits++;
    const t: Table = { slots: new Int32Array(2 << bits), shift: 32 - bits, mask: (2 << bits) - 1, filter: new Int32Array(1 << (fbits - 5)), fshift: 32 - fbits };
    if (g > 0) tables.push(t);
    readKeys(b, at, count, WIDTH[g] * PW, g === G_UNI ? uni : null, t);
  }
  const from = (p + keyBytes + 3) & ~3, words = at[1];
  if (at[0] !== p + keyBytes || from + words * 4 !== b.length || words >= 1 << 30) throw new Error('zh tagger model: bad length');
  if (!LITTLE_ENDIAN) throw new Error('zh tagger model: big-endian platforms are not supported');
  // in place when the bytes are 4-aligned in memory (a file read whole always is), else one copy
  const w = (b.byteOffset + from) % 4 === 0 ? new Int32Array(b.buffer, b.byteOffset + from, words) : new Int32Array(b.slice(from).buffer);
  return { trans, end, bias, lex, w, uni, bi: tables[0], skip: tables[1], tri: tables[2], misc: tables[3] };
}

/**
 * Reads one group's keys into the char index or the hash table, advancing at = [read position, row start].
 * Keys are kept as wrapping int32 so the loop stays in small integers.
 */
function readKeys(b: Uint8Array, at: number[], count: number, rowWords: number, uni: Int32Array | null, t: Table): void {
  const slots = t.slots, mask = t.mask, shift = t.shift, filter = t.filter, fshift = t.fshift;
  let p = at[0], o = at[1], key = 0;
  for (let j = 0; j < count; j++) {
    let byte = b[p++], v = byte & 127;
    for (let sh = 7; byte & 128; sh += 7) { byte = b[p++]; v |= (byte & 127) << sh; }
    key = (key + v) | 0;
    const entry = o;
    o += rowWords;
    if (uni !== null) { uni[key & 0xffff] = entry; continue; }
    const f = Math.imul(key, 0x9e3779b1) >>> fshift;
    filter[f >>> 5] |= 1 << (f & 31);
    let s = home(key, shift);
    while (slots[s + 1] !== 0) s = (s + 2) & mask;
    slots[s] = key; slots[s + 1] = entry;
  }
  at[0] = p; at[1] = o;
}
