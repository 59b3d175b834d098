/**
 * Feature templates of the English tagger, shared by training (scripts/train-en.ts) and decoding
 * (tagger.ts) so both compute exactly the same strings. Most features depend on one word at one
 * offset, which lets the decoder cache a score vector per (offset, word) and stay fast.
 */

/** BIOES tags over person and organization; index = position in the weight vectors. */
export const TAGS = ['O', 'B-PER', 'I-PER', 'E-PER', 'S-PER', 'B-ORG', 'I-ORG', 'E-ORG', 'S-ORG'] as const;
/** Number of tags: the length of every score vector. */
export const NT = TAGS.length;

/** Pseudo-word for positions outside the sentence. */
export const PAD = '<S>';

/** Word lists learned from training data (names seen as person first/last tokens, org tokens…). */
export interface Lexicon {
  first: Set<string>;
  last: Set<string>;
  org: Set<string>;
  orgEnd: Set<string>;
  /** Words seen in lower case in running text: a capitalised one is likely a sentence start, not a name. */
  lower: Set<string>;
  /** Optional outside word lists, lower-cased word → letters (f first name, s surname, o org, p place, d demonym). */
  ext?: Map<string, string>;
}

/** Word shape with runs collapsed: `Clinton` → `Xx`, `U.S.` → `X.X.`, `1,000` → `d,d`. */
export function shape(w: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < w.length && out.length < 8; i++) {
    const c = w.charCodeAt(i);
    let s: string;
    if (c >= 65 && c <= 90) s = 'X';
    else if (c >= 97 && c <= 122) s = 'x';
    else if (c >= 48 && c <= 57) s = 'd';
    else if (c < 128) s = w[i];
    else {
      const ch = w[i];
      const up = ch.toUpperCase(), lo = ch.toLowerCase();
      s = up !== lo ? (ch === up ? 'X' : 'x') : 'o';
    }
    if (s !== last) out += s;
    last = s;
  }
  return out;
}

/** Coarse shape, used in word-pair features: `Xx` for a capitalised word, `X` all caps, `x` lower, `d` digits, `p` punctuation, `m` mixed. */
export function shortShape(w: string): string {
  if (w === PAD) return PAD;
  const sh = shape(w);
  if (sh === 'Xx' || sh === 'X' || sh === 'x' || sh === 'd') return sh;
  if (sh.startsWith('X') && sh.includes('x')) return 'Xx+';
  if (/^[Xd.&-]+$/.test(sh) && sh.includes('X')) return 'X+';
  if (/[Xxd]/.test(sh)) return 'm';
  return 'p';
}

function lexTags(w: string, lex: Lexicon | null): string[] {
  if (!lex) return [];
  const out: string[] = [];
  if (lex.first.has(w)) out.push('F');
  if (lex.last.has(w)) out.push('L');
  if (lex.org.has(w)) out.push('O');
  if (lex.orgEnd.has(w)) out.push('E');
  const c = w.charCodeAt(0);
  if (c >= 65 && c <= 90 && lex.lower.has(w.toLowerCase())) out.push('l');
  if (lex.ext && c >= 65 && c <= 90) {
    const g = lex.ext.get(w.toLowerCase());
    if (g) for (const ch of g) out.push(`g${ch}`);
  }
  return out;
}

/** Features of word `w` seen at offset `k` (−2…2) from the token being tagged. */
export function wordFeatures(w: string, k: number, lex: Lexicon | null): string[] {
  const lw = w === PAD ? PAD : w.toLowerCase();
  if (k !== 0) {
    const out = [`${k}w${lw}`, `${k}s${shortShape(w)}`];
    if (k === -1 || k === 1) {
      out.push(`${k}h${shape(w)}`);
      for (const t of lexTags(w, lex)) out.push(`${k}x${t}`);
    }
    return out;
  }
  const sh = shape(w);
  const out = ['b', `w${lw}`, `h${sh}`, `s${shortShape(w)}`];
  if (w !== lw && w.length > 1) out.push(`W${w}`);
  const n = lw.length;
  for (let j = 1; j <= 4 && j <= n; j++) out.push(`S${lw.slice(n - j)}`);
  for (let j = 1; j <= 3 && j < n; j++) out.push(`P${lw.slice(0, j)}`);
  out.push(`n${n > 8 ? 9 : n}`);
  for (const t of lexTags(w, lex)) out.push(`x${t}`);
  return out;
}

const lower = (w: string) => (w === PAD ? PAD : w.toLowerCase());

/** Features of the pair (previous word, word): depend on two words only, so the decoder caches them. */
export function leftPairFeatures(p: string, w: string): string[] {
  return leftPair(lower(p), shortShape(p), lower(w), shortShape(w));
}

/** Features of the pair (word, next word). */
export function rightPairFeatures(w: string, n: string): string[] {
  return rightPair(lower(w), shortShape(w), lower(n), shortShape(n));
}

/** `leftPairFeatures` from lower-cased words and coarse shapes already at hand. */
export function leftPair(lp: string, sp: string, lw: string, sw: string): string[] {
  return [`A${sp}|${sw}`, `D${lp}|${lw}`, `G${lp}|${sw}`];
}

/** `rightPairFeatures` from lower-cased words and coarse shapes already at hand. */
export function rightPair(lw: string, sw: string, ln: string, sn: string): string[] {
  return [`B${sw}|${sn}`, `E${lw}|${ln}`, `H${sw}|${ln}`];
}

/** Shapes of the previous word, the word and the next word. */
export function triFeature(p: string, w: string, n: string): string {
  return `C${shortShape(p)}|${shortShape(w)}|${shortShape(n)}`;
}

/** All features that join neighbouring words at position i (training computes them this way). */
export function pairFeatures(words: string[], i: number): string[] {
  const at = (j: number) => (j >= 0 && j < words.length ? words[j] : PAD);
  const p = at(i - 1), w = at(i), n = at(i + 1);
  return [...leftPairFeatures(p, w), ...rightPairFeatures(w, n), triFeature(p, w, n)];
}

/** Allowed BIOES transitions (hard constraint during decoding and training). */
export function allowed(from: number, to: number): boolean {
  const f = TAGS[from], t = TAGS[to];
  const open = f[0] === 'B' || f[0] === 'I';
  if (open) return (t[0] === 'I' || t[0] === 'E') && t.slice(2) === f.slice(2);
  return t[0] === 'O' || t[0] === 'B' || t[0] === 'S';
}
/** Tags a sentence may start with (no I/E: an entity cannot begin before the sentence). */
export const canStart = (t: number) => TAGS[t][0] !== 'I' && TAGS[t][0] !== 'E';
/** Tags a sentence may end with (no B/I: an entity cannot run past the sentence). */
export const canEnd = (t: number) => TAGS[t][0] !== 'B' && TAGS[t][0] !== 'I';
