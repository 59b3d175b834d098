/**
 * Layout repair: text extracted from print layouts has spaces and line breaks inside words
 * (`市自然\n资源和规划局`, `4 宗 509\n亩`). Rules run on a squeezed copy; offsets map back to the text as given.
 */

/** Per UTF-16 code: WS (whitespace a layout breaks words with), JOIN (CJK or digit: may be joined across it), DIGIT. */
const WS = 1;
const JOIN = 2;
const DIGIT = 4;
const CLASS = new Uint8Array(65536);
// CJK: ideographs, CJK punctuation, full-width forms, dashes and quotes news prints between CJK characters.
// Ranges are filled natively (disjoint, so no bits are lost); single codes are OR-ed in after.
CLASS.fill(JOIN, 0x3400, 0xa000).fill(JOIN, 0xf900, 0xfb00).fill(JOIN, 0x3000, 0x3040).fill(JOIN, 0xff00, 0xfff0);
CLASS.fill(JOIN | DIGIT, 0x30, 0x3a).fill(JOIN | DIGIT, 0xff10, 0xff1a);
for (const c of [0x2014, 0x201c, 0x201d, 0x2018, 0x2019, 0xb7, 0x25a1]) CLASS[c] |= JOIN;
CLASS[0x2e] |= JOIN | DIGIT;
for (const c of [0x20, 0x09, 0xa0, 0x3000, 0x0d, 0x0a]) CLASS[c] |= WS;

/** The WS class as a regex (one character class, so the search is linear): finds the first whitespace. */
const WHITESPACE = /[ \t\r\n\u00a0\u3000]/;

/** A squeezed text and, for each of its code units, the offset of the same unit in the original. */
export interface Squeezed {
  text: string;
  /** `map[i]` is the original offset of `text[i]`; `map[text.length]` is the original length. */
  map: Int32Array;
}

/**
 * True for print-layout text: many short lines that mostly end mid-sentence. Clean text keeps its
 * line breaks (they separate headline, byline and paragraphs).
 */
export function looksLikeLayout(text: string): boolean {
  // Eight lines need seven line breaks: most texts are decided without splitting.
  for (let k = 0, at = -1; k < 7; k++) if ((at = text.indexOf('\n', at + 1)) === -1) return false;
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length < 8) return false;
  const lengths = lines.map((l) => l.length).sort((a, b) => a - b);
  const median = lengths[lengths.length >> 1];
  const open = lines.filter((l) => !/[。！？；：”」）)!?.]$/.test(l)).length;
  return median <= 28 && open / lines.length > 0.5;
}

/** A line of at most this many non-space characters is no full line of a print column. */
const SHORT_LINE = 8;

/** Whether the line that ends at `at` holds at most SHORT_LINE non-space characters (a byline, a headline's end). */
function isShortLineBefore(raw: string, at: number): boolean {
  let n = 0;
  for (let k = at - 1; k >= 0 && raw.charCodeAt(k) !== 0x0a; k--) if ((CLASS[raw.charCodeAt(k)] & WS) === 0 && ++n > SHORT_LINE) return false;
  return true;
}

/**
 * Removes whitespace between CJK characters and digits (never between two digits, never between
 * Latin letters). Line breaks are removed too when `layout` is true; otherwise they stay as boundaries.
 */
export function squeeze(raw: string, layout = looksLikeLayout(raw)): Squeezed {
  const sq = squeezeIfNeeded(raw, layout);
  if (sq.map) return sq as Squeezed;
  const map = new Int32Array(raw.length + 1);
  for (let i = 0; i <= raw.length; i++) map[i] = i;
  return { text: sq.text, map };
}

/**
 * `squeeze` with `map: null` when nothing is removed (most texts): the recogniser then maps no
 * offsets and allocates no map, which for a short text costs more than the scan.
 */
export function squeezeIfNeeded(raw: string, layout?: boolean): { text: string; map: Int32Array | null } {
  // Most texts hold no whitespace at all: the regex engine's scan for the first one is several times
  // faster than the loop below, and such a text needs no layout check either.
  const first = raw.search(WHITESPACE);
  if (first < 0) return { text: raw, map: null };
  // Kept text is copied in runs (slices of `raw`), never a character at a time.
  const len = raw.length;
  // Allocated at the first removal; until then every kept unit sits at its own offset (n === i).
  let map: Int32Array | null = null;
  let parts: string[] | null = null;
  // Everything before the first whitespace is kept where it is.
  let n = first;
  /** Class of the last character kept (−1 before the first). */
  let prev = -1;
  let runStart = 0;
  let i = first;
  while (i < len) {
    const code = raw.charCodeAt(i);
    // Not whitespace (the WS class spelled out, so prose costs no table load per character).
    if (code > 0x20 ? code !== 0xa0 && code !== 0x3000 : code !== 0x20 && code !== 0x09 && code !== 0x0d && code !== 0x0a) {
      if (map !== null) map[n] = i;
      n++;
      i++;
      continue;
    }
    // A whitespace run is maximal, so the character before it was kept: its class is `prev`.
    prev = i > 0 ? CLASS[raw.charCodeAt(i - 1)] : -1;
    let j = i;
    let breaks = 0;
    for (; j < len; j++) {
      const d = raw.charCodeAt(j);
      if ((CLASS[d] & WS) === 0) break;
      if (d === 0x0a) breaks++;
    }
    const hasBreak = breaks > 0;
    const next = j < len ? CLASS[raw.charCodeAt(j)] : -1;
    const drop =
      prev >= 0 &&
      next >= 0 &&
      (prev & JOIN) !== 0 &&
      (next & JOIN) !== 0 &&
      !((prev & DIGIT) !== 0 && (next & DIGIT) !== 0) &&
      // A blank line after a short line ends a paragraph, in print layout too: a byline's name
      // (本报记者 张 苗) never runs on into the next one. After a full line it may cut a word.
      !(breaks >= 2 && isShortLineBefore(raw, i)) &&
      // Whether the text is a print layout is decided once, at the first line break that matters.
      (!hasBreak || (layout ??= looksLikeLayout(raw)));
    if (drop) {
      if (map === null) {
        map = new Int32Array(len + 1);
        for (let k = 0; k < n; k++) map[k] = k;
      }
      (parts ??= []).push(raw.slice(runStart, i));
      runStart = j;
    } else {
      if (map !== null) for (let k = i; k < j; k++) map[n++] = k;
      else n += j - i;
    }
    i = j;
  }
  if (map === null) return { text: raw, map: null };
  map[n] = len;
  parts!.push(raw.slice(runStart));
  return { text: parts!.join(''), map: map.subarray(0, n + 1) };
}

/** Maps a squeezed span back to the original text: from its first unit to just after its last. */
export function unsqueezeSpan(sq: Squeezed, start: number, end: number): { start: number; end: number } {
  return { start: sq.map[start], end: end > start ? sq.map[end - 1] + 1 : sq.map[start] };
}
