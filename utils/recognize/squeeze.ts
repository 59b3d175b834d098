/**
 * Layout repair: text extracted from print layouts has spaces and line breaks inside words
 * (`市自然\n资源和规划局`, `4 宗 509\n亩`). Rules run on a squeezed copy; offsets map back to the text as given.
 */

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2014\u201c\u201d\u2018\u2019\u00b7\u25a1]/;
const DIGIT = /[0-9０-９.]/;
const WS = /[ \t\u00a0\u3000\r\n]/;

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
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length < 8) return false;
  const lengths = lines.map((l) => l.length).sort((a, b) => a - b);
  const median = lengths[lengths.length >> 1];
  const open = lines.filter((l) => !/[。！？；：”」）)!?.]$/.test(l)).length;
  return median <= 28 && open / lines.length > 0.5;
}

const joinable = (c: string) => CJK.test(c) || DIGIT.test(c);

/**
 * Removes whitespace between CJK characters and digits (never between two digits, never between
 * Latin letters). Line breaks are removed too when `layout` is true; otherwise they stay as boundaries.
 */
export function squeeze(raw: string, layout = looksLikeLayout(raw)): Squeezed {
  // Kept text is copied in runs (slices of `raw`), never a character at a time.
  const parts: string[] = [];
  const map = new Int32Array(raw.length + 1);
  let n = 0;
  let prev: string | undefined;
  let runStart = 0;
  let i = 0;
  while (i < raw.length) {
    if (!WS.test(raw[i])) {
      prev = raw[i];
      map[n++] = i++;
      continue;
    }
    let j = i;
    let hasBreak = false;
    while (j < raw.length && WS.test(raw[j])) {
      if (raw[j] === '\n') hasBreak = true;
      j++;
    }
    const next = raw[j];
    const drop =
      prev !== undefined &&
      next !== undefined &&
      joinable(prev) &&
      joinable(next) &&
      !(DIGIT.test(prev) && DIGIT.test(next)) &&
      (layout || !hasBreak);
    if (drop) {
      parts.push(raw.slice(runStart, i));
      runStart = j;
    } else {
      for (let k = i; k < j; k++) map[n++] = k;
      prev = raw[j - 1];
    }
    i = j;
  }
  parts.push(raw.slice(runStart));
  map[n] = raw.length;
  return { text: parts.join(''), map: map.subarray(0, n + 1) };
}

/** Maps a squeezed span back to the original text: from its first unit to just after its last. */
export function unsqueezeSpan(sq: Squeezed, start: number, end: number): { start: number; end: number } {
  return { start: sq.map[start], end: end > start ? sq.map[end - 1] + 1 : sq.map[start] };
}
