/**
 * Binary format of the tagger weights (pruned, int8-quantised, base64 in weights.ts). The encoder is
 * used by scripts/train-zh.ts, the decoder by the runtime; keeping both here keeps them in step.
 *
 * Layout (little endian): u8 version, u8 hash bits, u8 NF, u8 NT,
 *   i16 trans[(NT + 1) * NT] (row NT = start), i16 end[NT],
 *   3 × (u32 length, u16 chars) lexicon strings,
 *   u32 K, then K × (varint (bucketDelta << NT | nonzeroMask), i8 per nonzero tag).
 */
import { NF, NT, type Lexicon } from './features';

/** Format version; bump when the layout or the feature templates change. */
export const VERSION = 5;

/** The sparse quantised model the trainer hands to encodeModel(). */
export interface SparseModel {
  bits: number;
  trans: Int16Array; // (NT + 1) * NT
  end: Int16Array; // NT
  lex: Lexicon;
  buckets: Int32Array; // sorted ascending
  weights: Int8Array; // buckets.length * NT
}

/** A model ready for decoding: an open-addressed table from feature bucket to NT int8 weights. */
export interface RuntimeModel {
  bits: number;
  trans: Int32Array;
  end: Int32Array;
  lex: Lexicon;
  /**
   * Slots of 3 ints: (weight 8 << 24 | key), weights 0-3, weights 4-7 (int8 each, packed arithmetically, so
   * endian-free). 12 bytes a slot keeps the table in L2 cache. A key's entry is at or after slot key >>> shift.
   */
  table: Int32Array;
  shift: number;
  /** One bit per hash bucket: set when the bucket has weights, so absent features skip the table. */
  present: Int32Array;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Bytes to base64 without Buffer or btoa, so the trainer needs no platform API either. */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let line = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i], b = i + 1 < bytes.length ? bytes[i + 1] : 0, c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const n = (a << 16) | (b << 8) | c;
    line += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? B64[n & 63] : '=');
    if (line.length >= 4096) { parts.push(line); line = ''; }
  }
  parts.push(line);
  return parts.join('');
}

/** Base64 to bytes with a lookup table: fast enough for a 2 MB string in a few milliseconds. */
export function fromBase64(s: string): Uint8Array {
  const lut = new Uint8Array(128);
  for (let i = 0; i < 64; i++) lut[B64.charCodeAt(i)] = i;
  let len = s.length;
  while (len > 0 && s.charCodeAt(len - 1) === 61) len--;
  const out = new Uint8Array((len * 3) >> 2);
  let o = 0, i = 0;
  for (; i + 4 <= len; i += 4) {
    const n = (lut[s.charCodeAt(i)] << 18) | (lut[s.charCodeAt(i + 1)] << 12) | (lut[s.charCodeAt(i + 2)] << 6) | lut[s.charCodeAt(i + 3)];
    out[o++] = n >> 16; out[o++] = (n >> 8) & 255; out[o++] = n & 255;
  }
  const rest = len - i;
  if (rest >= 2) {
    const n = (lut[s.charCodeAt(i)] << 18) | (lut[s.charCodeAt(i + 1)] << 12) | (rest > 2 ? lut[s.charCodeAt(i + 2)] << 6 : 0);
    out[o++] = n >> 16;
    if (rest > 2) out[o++] = (n >> 8) & 255;
  }
  return out;
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

/** Serialises a pruned model to base64 (called by the trainer). */
export function encodeModel(m: SparseModel): string {
  const w = new Writer();
  w.u8(VERSION); w.u8(m.bits); w.u8(NF); w.u8(NT);
  for (let i = 0; i < m.trans.length; i++) w.u16(m.trans[i]);
  for (let i = 0; i < NT; i++) w.u16(m.end[i]);
  w.str(m.lex.surnames); w.str(m.lex.orgEnd1); w.str(m.lex.orgEnd2);
  w.u32(m.buckets.length);
  let prev = 0;
  for (let j = 0; j < m.buckets.length; j++) {
    let mask = 0;
    for (let t = 0; t < NT; t++) if (m.weights[j * NT + t] !== 0) mask |= 1 << t;
    w.varint((m.buckets[j] - prev) * (1 << NT) + mask);
    prev = m.buckets[j];
    for (let t = 0; t < NT; t++) if (mask & (1 << t)) w.u8(m.weights[j * NT + t]);
  }
  return toBase64(w.buf.subarray(0, w.n));
}

/** Parses the base64 model into lookup tables; throws on a version or template mismatch. */
export function decodeModel(b64: string): RuntimeModel {
  const b = fromBase64(b64);
  let p = 0;
  const u8 = () => b[p++];
  const u16 = () => { const v = b[p] | (b[p + 1] << 8); p += 2; return v; };
  const i16 = () => (u16() << 16) >> 16;
  const u32 = () => (u16() | (u16() << 16)) >>> 0;
  const str = () => { const n = u32(); let s = ''; for (let i = 0; i < n; i++) s += String.fromCharCode(u16()); return s; };
  const version = u8(), bits = u8(), nf = u8(), nt = u8();
  if (version !== VERSION || nf !== NF || nt !== NT || bits > 24 || nt !== 9) throw new Error(`zh tagger model mismatch: v${version} nf${nf} nt${nt}`);
  const trans = new Int32Array((NT + 1) * NT);
  for (let i = 0; i < trans.length; i++) trans[i] = i16();
  const end = new Int32Array(NT);
  for (let i = 0; i < NT; i++) end[i] = i16();
  const lex: Lexicon = { surnames: str(), orgEnd1: str(), orgEnd2: str() };
  const k = u32();
  // Home slot = the top bits of the (uniform) bucket id, so the sorted buckets of the file fill the table in
  // one forward sweep: each entry lands at max(home, previous + 1). Lookups scan forward from home.
  let tbits = 0;
  while (1 << tbits < k * 1.3) tbits++;
  const shift = Math.max(0, bits - tbits);
  const table = new Int32Array(((1 << tbits) + k + 1) * 3);
  const present = new Int32Array(Math.max(1, (1 << bits) >>> 5));
  let bucket = 0, prev = -1;
  for (let j = 0; j < k; j++) {
    let v = 0, sh = 0, byte: number;
    do { byte = b[p++]; v |= (byte & 127) << sh; sh += 7; } while (byte & 128);
    let mask = v & 511; // NT = 9 mask bits, then the bucket delta (< 2^22, so v fits in 31 bits)
    bucket += v >>> 9;
    const home = bucket >>> shift;
    const slot = home > prev ? home : prev + 1;
    prev = slot;
    present[bucket >>> 5] |= 1 << (bucket & 31);
    const s = slot * 3;
    let head = bucket, lo = 0, hi = 0;
    for (let t = 0; mask !== 0; t++, mask >>= 1) {
      if (!(mask & 1)) continue;
      const w = b[p++];
      if (t < 4) lo |= w << (t << 3);
      else if (t < 8) hi |= w << ((t - 4) << 3);
      else head |= w << 24;
    }
    table[s] = head; table[s + 1] = lo; table[s + 2] = hi;
  }
  return { bits, trans, end, lex, table, shift, present };
}
