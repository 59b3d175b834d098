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
 *   then the char keys (group G_UNI) in ascending order, as varint key deltas; zero bytes up to a multiple
 *   of 4 from the file start; then the hash table of every other group as i32 words, slots then filter,
 *   laid out as ./key-table.ts looks them up (sizes follow from the counts); then the weights as PW i32
 *   words per sub-row, packed the way the decoder sums them (./packed-rows.ts): a zero row of ZERO_ROW
 *   words, then every entry's row in group order (the keys of a group in ascending unsigned order), all
 *   WIDTH[g] sub-rows of it (zeros where pruned). The runtime reads tables and weights in place (a view
 *   on the file's bytes, no per-key or per-weight work), finds sub-row k of a row at row start + PW × k
 *   without a branch, and lets an absent n-gram (entry 0) read the zero row.
 */
import { NT, type Lexicon } from './features';
import { insertKey, tableAt, tableShape, type Table } from './key-table';
import { LITTLE_ENDIAN, PW, pushPacked } from './packed-rows';

export { home, lookup, type Table } from './key-table';

/** Format version; bump when the layout or the feature templates change (9: hash tables stored as laid out). */
export const VERSION = 9;

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
  /** Keys per template group (G_UNI … G_MISC): what bounds the decoder's lazily filled caches. */
  counts: readonly number[];
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

/** Bytes of v as a varint (what Writer#varint writes). */
function varintBytes(v: number): number {
  let n = 1;
  for (; v >= 128; n++) v = Math.floor(v / 128);
  return n;
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
  const tables: Int32Array[] = [];
  let masks = 0, kept = 0, keyDeltas = 0; // what v6 stored: varint keys, a mask byte per row of width > 1, the kept sub-rows
  for (let g = 0; g < NG; g++) {
    const { keys, rows } = m.groups[g], width = WIDTH[g];
    const words = new Int32Array(g === G_UNI ? 0 : tableShape(keys.length).words);
    const table = tableAt(words, 0, keys.length);
    if (g !== G_UNI) tables.push(words);
    let prev = 0;
    for (let j = 0; j < keys.length; j++) {
      if (keys[j] < prev || keys[j] > 0xffffffff) throw new Error('keys must be ascending unsigned 32-bit');
      keyDeltas += varintBytes(keys[j] - prev);
      if (g === G_UNI) w.varint(keys[j] - prev);
      else insertKey(table, keys[j] | 0, pool.length);
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
  const budgetBytes = sizeAt + 4 + keyDeltas + masks + kept * NT;
  while (w.n % 4) w.u8(0);
  for (const t of tables) for (const v of t) w.u32(v);
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
  // the char keys, the tables, then the weights: entries are word offsets into the packed sub-rows
  const uni = new Int32Array(65536);
  if (readUniKeys(b, p, counts[G_UNI], WIDTH[G_UNI] * PW, uni) !== p + keyBytes) throw new Error('zh tagger model: bad length');
  let tableWords = 0, words = ZERO_ROW;
  for (let g = 0; g < NG; g++) {
    if (g !== G_UNI) tableWords += tableShape(counts[g]).words;
    words += counts[g] * WIDTH[g] * PW;
  }
  const from = (p + keyBytes + 3) & ~3, all = tableWords + words;
  if (from + all * 4 !== b.length || all >= 1 << 30) throw new Error('zh tagger model: bad length');
  if (!LITTLE_ENDIAN) throw new Error('zh tagger model: big-endian platforms are not supported');
  // in place when the bytes are 4-aligned in memory (a file read whole always is), else one copy
  const view = (b.byteOffset + from) % 4 === 0 ? new Int32Array(b.buffer, b.byteOffset + from, all) : new Int32Array(b.slice(from).buffer);
  const tables: Table[] = [];
  for (let g = 0, at = 0; g < NG; g++) {
    if (g === G_UNI) continue;
    tables.push(tableAt(view, at, counts[g]));
    at += tableShape(counts[g]).words;
  }
  const w = view.subarray(tableWords);
  return { trans, end, bias, lex, w, uni, bi: tables[0], skip: tables[1], tri: tables[2], misc: tables[3], counts };
}

/** Reads the char keys into the char index (entry by char code); returns the read position after them. */
function readUniKeys(b: Uint8Array, p: number, count: number, rowWords: number, uni: Int32Array): number {
  let key = 0;
  for (let j = 0, o = ZERO_ROW; j < count; j++, o += rowWords) {
    let byte = b[p++], v = byte & 127;
    for (let sh = 7; byte & 128; sh += 7) { byte = b[p++]; v |= (byte & 127) << sh; }
    key = (key + v) | 0;
    uni[key & 0xffff] = o;
  }
  return p;
}
