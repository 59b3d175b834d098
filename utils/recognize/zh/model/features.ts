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

const NORM = new Uint16Array(65536);
const CLASS = new Uint8Array(65536);
(() => {
  for (let c = 0; c < 65536; c++) {
    let n = c;
    if (c >= 0xff01 && c <= 0xff5e) n = c - 0xfee0; // full-width ASCII
    if (c === 0x3000) n = 0x20;
    let k = C_OTHER;
    if (n >= 0x30 && n <= 0x39) { k = C_DIGIT; n = 0x30; }
    else if ((n >= 0x41 && n <= 0x5a) || (n >= 0x61 && n <= 0x7a)) { k = C_LATIN; n |= 0x20; }
    else if ((n >= 0x4e00 && n <= 0x9fff) || (n >= 0x3400 && n <= 0x4dbf) || (n >= 0xf900 && n <= 0xfaff)) k = C_HAN;
    else if (n === 0x20 || n === 0x09 || n === 0x0a || n === 0x0d || n === 0xa0) { k = C_SPACE; n = 0x20; }
    else if (n === 0xb7 || n === 0x2022 || n === 0x2027 || n === 0x30fb || n === 0x25aa) { k = C_DOT; n = 0xb7; }
    else if (n < 0x30 || (n >= 0x3a && n <= 0x40) || (n >= 0x5b && n <= 0x60) || (n >= 0x7b && n <= 0x7f) ||
      (n >= 0x2000 && n <= 0x206f) || (n >= 0x3000 && n <= 0x303f) || (n >= 0xfe30 && n <= 0xfe4f)) k = C_PUNCT;
    else if (n >= 0xd800 && n <= 0xdfff) k = C_OTHER;
    NORM[c] = n;
    CLASS[c] = k;
  }
  for (let i = 0; i < NUMERALS.length; i++) CLASS[NUMERALS.charCodeAt(i)] = C_NUM;
})();

/** Number of feature templates per position (the width of one row of featurize()'s output). */
export const NF = 22;
const PAD = 3; // padding chars on each side
const MAXD = 14; // org-ending look-ahead distance cap

function mix(h: number, v: number): number {
  v = Math.imul(v, 0xcc9e2d51);
  v = (v << 15) | (v >>> 17);
  v = Math.imul(v, 0x1b873593);
  h ^= v;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}
function fin(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Reusable scratch buffers so tagging a long text allocates a few typed arrays, not per-char strings. */
export class Featurizer {
  private cap = 0;
  private c = new Int32Array(0); // normalised codes, padded
  private k = new Uint8Array(0); // classes, padded
  private dr = new Uint8Array(0); // distance to the next org ending (right), MAXD = none
  constructor(private lex: LexTables) {}

  private ensure(n: number): void {
    if (n + 2 * PAD + 2 <= this.cap) return;
    this.cap = Math.max(n + 2 * PAD + 2, this.cap * 2, 256);
    this.c = new Int32Array(this.cap);
    this.k = new Uint8Array(this.cap);
    this.dr = new Uint8Array(this.cap);
  }

  /** Loads text[from, to) and precomputes the per-position arrays the templates read. */
  load(text: string, from: number, to: number): void {
    const n = to - from;
    this.ensure(n);
    const c = this.c, k = this.k, dr = this.dr, flags = this.lex.flags, end2 = this.lex.end2;
    for (let i = 0; i < PAD; i++) {
      c[i] = 0x2; k[i] = C_PAD; dr[i] = MAXD + 1;
      c[n + PAD + i] = 0x3; k[n + PAD + i] = C_PAD; dr[n + PAD + i] = MAXD + 1;
    }
    for (let i = 0; i < n; i++) {
      const raw = text.charCodeAt(from + i);
      c[i + PAD] = NORM[raw];
      k[i + PAD] = CLASS[raw];
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

  /** Writes NF hashed feature ids (masked to `mask`) for position i of the loaded text into out[o..]. */
  features(i: number, out: Int32Array, o: number, mask: number): void {
    const c = this.c, k = this.k, p = i + PAD, flags = this.lex.flags;
    const m2 = c[p - 2], m1 = c[p - 1], c0 = c[p], p1 = c[p + 1], p2 = c[p + 2];
    const km2 = k[p - 2], km1 = k[p - 1], k0 = k[p], kp1 = k[p + 1], kp2 = k[p + 2];
    out[o] = fin(mix(1, 0)) & mask;
    out[o + 1] = fin(mix(2, m2)) & mask;
    out[o + 2] = fin(mix(3, m1)) & mask;
    out[o + 3] = fin(mix(4, c0)) & mask;
    out[o + 4] = fin(mix(5, p1)) & mask;
    out[o + 5] = fin(mix(6, p2)) & mask;
    out[o + 6] = fin(mix(mix(7, m2), m1)) & mask;
    out[o + 7] = fin(mix(mix(8, m1), c0)) & mask;
    out[o + 8] = fin(mix(mix(9, c0), p1)) & mask;
    out[o + 9] = fin(mix(mix(10, p1), p2)) & mask;
    out[o + 10] = fin(mix(mix(11, m1), p1)) & mask;
    out[o + 11] = fin(mix(mix(mix(12, m2), m1), c0)) & mask;
    out[o + 12] = fin(mix(mix(mix(13, m1), c0), p1)) & mask;
    out[o + 13] = fin(mix(mix(mix(14, c0), p1), p2)) & mask;
    out[o + 14] = fin(mix(15, km2 | (km1 << 4) | (k0 << 8) | (kp1 << 12) | (kp2 << 16))) & mask;
    const sur = (flags[m1] & F_SUR) | ((flags[c0] & F_SUR) << 1) | ((flags[p1] & F_SUR) << 2) | ((flags[m2] & F_SUR) << 3);
    out[o + 15] = fin(mix(16, sur | (km1 << 4) | (k0 << 8) | (kp1 << 12) | (kp2 << 16))) & mask;
    const d0 = this.dr[p], dm1 = this.dr[p - 1];
    out[o + 16] = fin(mix(17, d0 | (k0 << 8))) & mask;
    out[o + 17] = fin(mix(mix(18, d0), c0)) & mask;
    out[o + 18] = fin(mix(19, d0 | (dm1 << 8) | (km1 << 16))) & mask;
    out[o + 19] = fin(mix(20, c[p - 3])) & mask;
    out[o + 20] = fin(mix(21, c[p + 3])) & mask;
    out[o + 21] = fin(mix(mix(22, sur), c0)) & mask;
  }
}
