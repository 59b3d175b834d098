/**
 * Character features of the Chinese name tagger, shared by the trainer (scripts/train-zh.ts) and the
 * runtime (../tagger.ts) so both hash exactly the same feature ids. Pure TypeScript, typed arrays only.
 */

/** BIOES over person and org: index = tag id. Shared so the trainer and decoder agree on the layout. */
export const TAGS = ['O', 'B-P', 'I-P', 'E-P', 'S-P', 'B-O', 'I-O', 'E-O', 'S-O'] as const;
/** Number of tags, kept as a constant so hot loops need no lookups. */
export const NT = 9;

/** Lexicons learned from the training data; the model ships them so features stay reproducible. */
export interface Lexicon {
  /** Chars that often begin a person name (surnames). */
  surnames: string;
  /** Chars that often end an org name (局, 部, 委 …). */
  orgEnd1: string;
  /** Two-char org endings (公司, 大学, 医院 …), concatenated. */
  orgEnd2: string;
}

/** Per-char flag table plus a bigram set, built once per lexicon; what featurize() reads. */
export interface LexTables {
  flags: Uint8Array; // 65536 entries: bit0 surname, bit1 org-final char
  end2: Set<number>; // (a << 16) | b
}

const F_SUR = 1;
const F_ORG1 = 2;

/** Builds the lookup tables once (the runtime caches them with the weights). */
export function lexTables(lex: Lexicon): LexTables {
  const flags = new Uint8Array(65536);
  for (let i = 0; i < lex.surnames.length; i++) flags[lex.surnames.charCodeAt(i)] |= F_SUR;
  for (let i = 0; i < lex.orgEnd1.length; i++) flags[lex.orgEnd1.charCodeAt(i)] |= F_ORG1;
  const end2 = new Set<number>();
  for (let i = 0; i + 1 < lex.orgEnd2.length; i += 2) end2.add((lex.orgEnd2.charCodeAt(i) << 16) | lex.orgEnd2.charCodeAt(i + 1));
  return { flags, end2 };
}

/** Char classes: coarse shape of a character, for patterns that generalise beyond seen chars. */
const C_PAD = 0, C_HAN = 1, C_DIGIT = 2, C_LATIN = 3, C_PUNCT = 4, C_SPACE = 5, C_OTHER = 6, C_NUM = 7, C_DOT = 8;
const NUMERALS = '零〇一二三四五六七八九十百千万亿两';

// Built with native fills (no per-code loop) so importing this module costs well under a millisecond.
const CLASS = new Uint8Array(65536).fill(C_OTHER);
(() => {
  const fill = (k: number, ranges: number[]) => { for (let i = 0; i < ranges.length; i += 2) CLASS.fill(k, ranges[i], ranges[i + 1]); };
  fill(C_PUNCT, [0, 0x30, 0x3a, 0x41, 0x5b, 0x61, 0x7b, 0x80, 0x2000, 0x2070, 0x3000, 0x3040, 0xfe30, 0xfe50, 0xff01, 0xff5f]);
  fill(C_DIGIT, [0x30, 0x3a, 0xff10, 0xff1a]);
  fill(C_LATIN, [0x41, 0x5b, 0x61, 0x7b, 0xff21, 0xff3b, 0xff41, 0xff5b]);
  fill(C_HAN, [0x3400, 0x4dc0, 0x4e00, 0xa000, 0xf900, 0xfb00]);
  for (const c of [0x20, 0x09, 0x0a, 0x0d, 0xa0, 0x3000]) CLASS[c] = C_SPACE;
  for (const c of [0xb7, 0x2022, 0x2027, 0x30fb, 0x25aa]) CLASS[c] = C_DOT;
  for (let i = 0; i < NUMERALS.length; i++) CLASS[NUMERALS.charCodeAt(i)] = C_NUM;
})();

/** Normalised code: digits → '0', Latin → lower-case ASCII, spaces → ' ', name dots → '·', full-width → ASCII. */
function norm(raw: number, cls: number): number {
  if (cls === C_HAN || cls === C_NUM) return raw;
  if (cls === C_DIGIT) return 0x30;
  if (cls === C_LATIN) return (raw >= 0xff00 ? raw - 0xfee0 : raw) | 0x20;
  if (cls === C_SPACE) return 0x20;
  if (cls === C_DOT) return 0xb7;
  if (raw >= 0xff01 && raw <= 0xff5e) return raw - 0xfee0;
  return raw;
}

/** A fixed pseudo-random 32-bit value per code: n-gram ids are then a few xors, rotates and one multiply. */
function rnd(c: number): number {
  let x = Math.imul(c ^ 0x5bd1e995, 0x9e3779b1);
  x ^= x >>> 15;
  x = Math.imul(x, 0x85ebca6b);
  return x ^ (x >>> 13);
}

/** Number of feature templates per position (the width of one row of featurize()'s output). */
export const NF = 22;
const PAD = 3; // padding chars on each side
const MAXD = 14; // org-ending look-ahead distance cap

const rot = (x: number, k: number) => (x << k) | (x >>> (32 - k));
const K = 0x9e3779b1 | 0;

/** Reusable scratch buffers so tagging a long text allocates a few typed arrays, not per-char strings. */
export class Featurizer {
  private cap = 0;
  private c = new Int32Array(0); // normalised codes, padded
  private r = new Int32Array(0); // rnd() of the normalised codes, padded
  private k = new Uint8Array(0); // classes, padded
  private dr = new Uint8Array(0); // distance to the next org ending (right), MAXD = none
  constructor(private lex: LexTables) {}

  private ensure(n: number): void {
    if (n + 2 * PAD + 2 <= this.cap) return;
    this.cap = Math.max(n + 2 * PAD + 2, this.cap * 2, 256);
    this.c = new Int32Array(this.cap);
    this.r = new Int32Array(this.cap);
    this.k = new Uint8Array(this.cap);
    this.dr = new Uint8Array(this.cap);
  }

  /** Loads text[from, to) and precomputes the per-position arrays the templates read. */
  load(text: string, from: number, to: number): void {
    const n = to - from;
    this.ensure(n);
    const c = this.c, r = this.r, k = this.k, dr = this.dr, flags = this.lex.flags, end2 = this.lex.end2;
    for (let i = 0; i < PAD; i++) {
      c[i] = 0x2; r[i] = rnd(2); k[i] = C_PAD; dr[i] = MAXD + 1;
      c[n + PAD + i] = 0x3; r[n + PAD + i] = rnd(3); k[n + PAD + i] = C_PAD; dr[n + PAD + i] = MAXD + 1;
    }
    for (let i = 0; i < n; i++) {
      const raw = text.charCodeAt(from + i);
      const cls = CLASS[raw];
      const nc = norm(raw, cls);
      c[i + PAD] = nc;
      r[i + PAD] = rnd(nc);
      k[i + PAD] = cls;
    }
    // distance to the nearest org ending at or after i, within one run of non-punctuation
    let next = -1;
    for (let i = n - 1; i >= 0; i--) {
      const p = i + PAD;
      const cls = k[p];
      if (cls === C_PUNCT || cls === C_SPACE) { next = -1; dr[p] = MAXD + 1; continue; }
      const code = c[p];
      if ((flags[code] & F_ORG1) !== 0 || (i > 0 && end2.has((c[p - 1] << 16) | code))) next = i;
      const d = next < 0 ? MAXD : next - i;
      dr[p] = d > MAXD ? MAXD : d;
    }
  }

  /** Writes NF hashed feature ids (the top `bits` bits of a 32-bit hash) for position i into out[o..]. */
  features(i: number, out: Int32Array, o: number, bits: number): void {
    const r = this.r, k = this.k, p = i + PAD, flags = this.lex.flags, c = this.c, sh = 32 - bits;
    const m2 = r[p - 2], m1 = r[p - 1], c0 = r[p], p1 = r[p + 1], p2 = r[p + 2];
    const km2 = k[p - 2], km1 = k[p - 1], k0 = k[p], kp1 = k[p + 1], kp2 = k[p + 2];
    const b1 = rot(m1, 11), b0 = rot(c0, 11), bp1 = rot(p1, 11), bp2 = rot(p2, 11);
    out[o] = Math.imul(0x1234567, K) >>> sh;
    out[o + 1] = Math.imul(m2 ^ 0x1000193, K) >>> sh;
    out[o + 2] = Math.imul(m1 ^ 0x2000193, K) >>> sh;
    out[o + 3] = Math.imul(c0 ^ 0x3000193, K) >>> sh;
    out[o + 4] = Math.imul(p1 ^ 0x4000193, K) >>> sh;
    out[o + 5] = Math.imul(p2 ^ 0x5000193, K) >>> sh;
    out[o + 6] = Math.imul(m2 ^ b1 ^ 0x6000193, K) >>> sh;
    out[o + 7] = Math.imul(m1 ^ b0 ^ 0x7000193, K) >>> sh;
    out[o + 8] = Math.imul(c0 ^ bp1 ^ 0x8000193, K) >>> sh;
    out[o + 9] = Math.imul(p1 ^ bp2 ^ 0x9000193, K) >>> sh;
    out[o + 10] = Math.imul(m1 ^ bp1 ^ 0xa000193, K) >>> sh;
    out[o + 11] = Math.imul(m2 ^ b1 ^ rot(c0, 22) ^ 0xb000193, K) >>> sh;
    out[o + 12] = Math.imul(m1 ^ b0 ^ rot(p1, 22) ^ 0xc000193, K) >>> sh;
    out[o + 13] = Math.imul(c0 ^ bp1 ^ rot(p2, 22) ^ 0xd000193, K) >>> sh;
    out[o + 14] = Math.imul((km2 | (km1 << 4) | (k0 << 8) | (kp1 << 12) | (kp2 << 16)) * 31 ^ 0xe000193, K) >>> sh;
    const sur = (flags[c[p - 1]] & F_SUR) | ((flags[c[p]] & F_SUR) << 1) | ((flags[c[p + 1]] & F_SUR) << 2) | ((flags[c[p - 2]] & F_SUR) << 3);
    out[o + 15] = Math.imul((sur | (km1 << 4) | (k0 << 8) | (kp1 << 12) | (kp2 << 16)) * 37 ^ 0xf000193, K) >>> sh;
    const d0 = this.dr[p], dm1 = this.dr[p - 1];
    out[o + 16] = Math.imul((d0 | (k0 << 8)) * 41 ^ 0x10000193, K) >>> sh;
    out[o + 17] = Math.imul(rot(c0, 5) ^ (d0 * 0x01000193) ^ 0x11000193, K) >>> sh;
    out[o + 18] = Math.imul((d0 | (dm1 << 8) | (km1 << 16)) * 43 ^ 0x12000193, K) >>> sh;
    out[o + 19] = Math.imul(r[p - 3] ^ 0x13000193, K) >>> sh;
    out[o + 20] = Math.imul(r[p + 3] ^ 0x14000193, K) >>> sh;
    out[o + 21] = Math.imul(rot(c0, 7) ^ (sur * 0x01000193) ^ 0x15000193, K) >>> sh;
  }
}
