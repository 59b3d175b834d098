/**
 * Character features of the Chinese name tagger, shared by the trainer (scripts/train-zh.ts) and the
 * runtime (./decode.ts) so both read exactly the same n-gram and misc keys. Pure TypeScript, typed arrays only.
 */
import { PairSet } from './pair-set';

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
  end2: PairSet; // (a << 16) | b
}

/** Flag bit of a surname char. */
export const F_SUR = 1;
/** Flag bit of a char that ends org names alone. */
export const F_ORG1 = 2;
/** Flag bit (set by Featurizer, not lexTables) of the second char of some two-char org ending, so most chars skip the set lookup. */
export const F_END2 = 4;

/** Builds the lookup tables once (the runtime caches them with the weights). */
export function lexTables(lex: Lexicon): LexTables {
  const flags = new Uint8Array(65536);
  for (let i = 0; i < lex.surnames.length; i++) flags[lex.surnames.charCodeAt(i)] |= F_SUR;
  for (let i = 0; i < lex.orgEnd1.length; i++) flags[lex.orgEnd1.charCodeAt(i)] |= F_ORG1;
  const pairs: number[] = [];
  for (let i = 0; i + 1 < lex.orgEnd2.length; i += 2) pairs.push((lex.orgEnd2.charCodeAt(i) << 16) | lex.orgEnd2.charCodeAt(i + 1));
  return { flags, end2: new PairSet(pairs) };
}

/** Char classes: coarse shape of a character, for patterns that generalise beyond seen chars. */
export const C_PAD = 0, C_HAN = 1, C_DIGIT = 2, C_LATIN = 3, C_PUNCT = 4, C_SPACE = 5, C_OTHER = 6, C_NUM = 7, C_DOT = 8;
const NUMERALS = '零〇一二三四五六七八九十百千万亿两';

// Built with native fills (no per-code loop) so importing this module costs well under a millisecond.
/** Class by UTF-16 code: exported so the decoder can featurize in its own pass (./decode.ts). */
export const CLASS = new Uint8Array(65536).fill(C_OTHER);
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
export function norm(raw: number, cls: number): number {
  if (cls === C_HAN || cls === C_NUM) return raw;
  if (cls === C_DIGIT) return 0x30;
  if (cls === C_LATIN) return (raw >= 0xff00 ? raw - 0xfee0 : raw) | 0x20;
  if (cls === C_SPACE) return 0x20;
  if (cls === C_DOT) return 0xb7;
  if (raw >= 0xff01 && raw <= 0xff5e) return raw - 0xfee0;
  return raw;
}

/** Number of feature templates per position (bias, 7 chars, 4 pairs, 3 triples, the skip pair, NMISC misc keys). */
export const NF = 22;
/** Padding chars on each side of a loaded text. */
export const PAD = 3;
/** Org-ending look-ahead distance cap (MAXD + 1: a pad or punctuation). */
export const MAXD = 14;

/*
 * The templates, grouped by the n-gram they read, so the runtime looks each n-gram up once and reads
 * the weights of all its positions from one row (see ./codec.ts):
 *   uni  (char at offset -3..+3 of the tagged position; 7 sub-rows), bi (pair starting at -2..+1; 4),
 *   skip (chars at -1 and +1; 1), tri (triple starting at -2..0; 3),
 *   misc (one template each: class 5-gram, surname flags × classes, org-ending distance × class,
 *         char × distance, distance pair × class, char × surname flags; key = template << 24 | payload),
 *   and a bias. Keys are exact (triples: a 32-bit hash), in training and at run time alike.
 */
/** Number of misc templates (keys 1 << 24 … 6 << 24). */
export const NMISC = 6;

/** Reusable scratch buffers so tagging a long text allocates a few typed arrays, not per-char strings. */
export class Featurizer {
  private cap = 0;
  /** Normalised codes, padded (PAD each side). */
  c = new Int32Array(0);
  /** Classes, padded. */
  k = new Uint8Array(0);
  /** Distance to the next org ending (right), MAXD = none, padded. */
  dr = new Uint8Array(0);
  /** Surname flag (0/1) per padded position. */
  s = new Uint8Array(0);
  /** The lexicon's flags plus F_END2. */
  readonly flags: Uint8Array;
  constructor(readonly lex: LexTables) {
    this.flags = lex.flags.slice();
    for (const v of lex.end2.keys) this.flags[v & 0xffff] |= F_END2;
  }

  /** Uses these arrays (of one length) from now on: the decoder's kernel reads them where they are. */
  adopt(c: Int32Array<ArrayBuffer>, k: Uint8Array<ArrayBuffer>, dr: Uint8Array<ArrayBuffer>, s: Uint8Array<ArrayBuffer>): void {
    this.c = c; this.k = k; this.dr = dr; this.s = s;
    this.cap = c.length;
  }

  /** Makes the arrays hold a text of n chars (reallocating: re-read them after). */
  ensure(n: number): void {
    if (n + 2 * PAD + 2 <= this.cap) return;
    this.cap = Math.max(n + 2 * PAD + 2, this.cap * 2, 256);
    this.c = new Int32Array(this.cap);
    this.k = new Uint8Array(this.cap);
    this.dr = new Uint8Array(this.cap);
    this.s = new Uint8Array(this.cap);
  }

  /** Loads text[from, to) and precomputes the per-position arrays the templates read. */
  load(text: string, from: number, to: number): void {
    const n = to - from;
    this.ensure(n);
    const c = this.c, k = this.k, dr = this.dr, s = this.s, flags = this.flags, end2 = this.lex.end2;
    for (let i = 0; i < PAD; i++) {
      c[i] = 0x2; k[i] = C_PAD; dr[i] = MAXD + 1; s[i] = flags[2] & F_SUR;
      c[n + PAD + i] = 0x3; k[n + PAD + i] = C_PAD; dr[n + PAD + i] = MAXD + 1; s[n + PAD + i] = flags[3] & F_SUR;
    }
    for (let i = 0; i < n; i++) {
      const raw = text.charCodeAt(from + i);
      const cls = CLASS[raw];
      const nc = cls === C_HAN || cls === C_NUM ? raw : norm(raw, cls);
      c[i + PAD] = nc;
      k[i + PAD] = cls;
      s[i + PAD] = flags[nc] & F_SUR;
    }
    // distance to the nearest org ending at or after i, within one run of non-punctuation
    let next = -1;
    for (let i = n - 1; i >= 0; i--) {
      const p = i + PAD;
      const cls = k[p];
      if (cls === C_PUNCT || cls === C_SPACE) { next = -1; dr[p] = MAXD + 1; continue; }
      const code = c[p], f = flags[code];
      if ((f & F_ORG1) !== 0 || ((f & F_END2) !== 0 && i > 0 && end2.has((c[p - 1] << 16) | code))) next = i;
      const d = next < 0 ? MAXD : next - i;
      dr[p] = d > MAXD ? MAXD : d;
    }
  }

  /** The NMISC misc keys (template << 24 | payload) of position i into out[o..]. */
  misc(i: number, out: Int32Array | number[], o: number): void {
    const k = this.k, c = this.c, s = this.s, p = i + PAD;
    const km1 = k[p - 1], k0 = k[p], kp1 = k[p + 1], kp2 = k[p + 2];
    const sur = s[p - 1] | (s[p] << 1) | (s[p + 1] << 2) | (s[p - 2] << 3);
    const tail = (km1 << 4) | (k0 << 8) | (kp1 << 12) | (kp2 << 16);
    const d0 = this.dr[p], dm1 = this.dr[p - 1], c0 = c[p];
    out[o] = (1 << 24) | k[p - 2] | tail;
    out[o + 1] = (2 << 24) | sur | tail;
    out[o + 2] = (3 << 24) | d0 | (k0 << 8);
    out[o + 3] = (4 << 24) | c0 | (d0 << 16);
    out[o + 4] = (5 << 24) | d0 | (dm1 << 8) | (km1 << 16);
    out[o + 5] = (6 << 24) | c0 | (sur << 16);
  }
}
