/**
 * English tokeniser with offsets, shaped like CoNLL-2003 tokens (`U.S.`, `37-run`, `O'Neill`,
 * `Clinton` + `'s`, `do` + `n't`) so the tagger sees at run time what it saw in training.
 * One pass over the text, no regex backtracking: linear in the length of the text.
 */
import { lazyRegExp } from '../../lazy-regexp';

/** A token: `text.slice(start, end)`, UTF-16 offsets, end exclusive. */
export interface Token {
  start: number;
  end: number;
  text: string;
  /** True when a line break (or the start of the text) comes between this token and the previous one. */
  nl: boolean;
}

/** Abbreviations whose trailing period belongs to the word (titles, company suffixes, initials). */
export const ABBREV = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'gov', 'rep', 'reps', 'sens', 'gen', 'col', 'lt', 'capt', 'cmdr', 'adm',
  'sgt', 'maj', 'rev', 'st', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'plc', 'bros', 'mt', 'ft', 'vs', 'no', 'nos',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'dept', 'univ', 'assn',
  'atty', 'supt', 'insp', 'det', 'pres', 'amb', 'hon', 'messrs', 'mme', 'mlle', 'esq', 'etc', 'cf', 'approx',
]);

const isAlnumCode = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && isWideAlnum(c));

const wide = lazyRegExp(() => /[\p{L}\p{N}\p{M}]/u);
function isWideAlnum(c: number): boolean {
  if (c >= 0xd800 && c <= 0xdfff) return false; // surrogates (astral letters) are treated as symbols
  return c !== 0xd7 && c !== 0xf7 && wide().test(String.fromCharCode(c));
}
const isLetterCode = (c: number): boolean => isAlnumCode(c) && !(c >= 48 && c <= 57);
const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
const isSpaceCode = (c: number): boolean =>
  c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000 || c === 12 || c === 11 ||
  (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0xfeff;
const isApos = (c: number): boolean => c === 39 || c === 0x2019;

/** Words that label a photo credit or caption (`Credit`, `Photo`): spans.ts drops them from names too. */
export const CAPTION_LABELS = 'Credits?|Photos?|Photograph|Images?|Source|Video|Caption|Illustration|Advertisement|Graphic';
/** A caption label that pages print right against a name (`CreditKirsten Luce`, `PhotoJohn Minchillo`). */
const gluedLabel = lazyRegExp(() => new RegExp(`^(${CAPTION_LABELS})(?=\\p{Lu}\\p{Ll})`, 'u'));
/** First letters of gluedLabel's words: every other word skips the regex. */
const LABEL_FIRST = new Set([...'CPISVAG'].map((ch) => ch.charCodeAt(0)));

/** Splits English text into word and punctuation tokens; never throws, linear time. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  let nl = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) nl = true;
      i++;
      continue;
    }
    if (c < 32 || (c >= 0x7f && c < 0xa0)) { i++; continue; } // control characters: skipped
    if (!isAlnumCode(c)) {
      // Clitic `'s` / `n't` after a word was handled in the word loop; a lone apostrophe + s here too.
      if (isApos(c) && (text.charCodeAt(i + 1) | 32) === 115 && !isAlnumCode(text.charCodeAt(i + 2)) && out.length && out[out.length - 1].end === i) {
        out.push({ start: i, end: i + 2, text: text.slice(i, i + 2), nl });
        i += 2; nl = false;
        continue;
      }
      const w = c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      out.push({ start: i, end: i + w, text: text.slice(i, i + w), nl });
      i += w; nl = false;
      continue;
    }
    const start = i;
    let end = i + 1;
    let letters = isLetterCode(c) ? 1 : 0;
    let dotted = false; // U.S., P.W.
    for (;;) {
      const d = text.charCodeAt(end);
      if (end < n && isAlnumCode(d)) { if (isLetterCode(d)) letters++; end++; continue; }
      const nx = text.charCodeAt(end + 1);
      if (end + 1 < n && isAlnumCode(nx)) {
        // joiners inside a word: 37-run, Saint-Germain, AT&T, 1,000, 3.5, U.S, O'Neill
        if (d === 45 || d === 0x2010 || d === 0x2011 || d === 38) { end++; continue; }
        if ((d === 44 || d === 46) && isDigitCode(text.charCodeAt(end - 1)) && isDigitCode(nx)) { end++; continue; }
        if (d === 46 && isLetterCode(nx) && end - start - (dotted ? 0 : 0) >= 1 && isSingleLetterSegment(text, start, end)) {
          dotted = true; end++; continue;
        }
        if (isApos(d)) {
          // `'s` clitic is its own token; `n't` splits before the n; other apostrophes stay inside (O'Neill)
          if ((nx | 32) === 115 && !isAlnumCode(text.charCodeAt(end + 2))) break;
          if ((nx | 32) === 116 && (text.charCodeAt(end - 1) | 32) === 110 && !isAlnumCode(text.charCodeAt(end + 2)) && end - 1 > start) {
            end--; break;
          }
          end++; continue;
        }
      }
      break;
    }
    // A label glued to the name after it by markup with no space between (a hidden `Credit` span
    // before `Kirsten Luce`): two tokens.
    if (end - start > 6 && LABEL_FIRST.has(c)) {
      const label = gluedLabel().exec(text.slice(start, end));
      if (label) {
        out.push({ start, end: start + label[0].length, text: label[0], nl });
        nl = false;
        i = start + label[0].length;
        continue;
      }
    }
    // A trailing period belongs to initials (J.), dotted abbreviations (U.S.) and known abbreviations (Sen.)
    if (text.charCodeAt(end) === 46) {
      const word = text.slice(start, end);
      if (dotted || (letters === 1 && end - start === 1 && isLetterCode(c) && c >= 65 && c <= 90) || ABBREV.has(word.toLowerCase())) end++;
    }
    out.push({ start, end, text: text.slice(start, end), nl });
    nl = false;
    i = end;
    // n't after the split point
    if (isApos(text.charCodeAt(i + 1)) && (text.charCodeAt(i) | 32) === 110 && (text.charCodeAt(i + 2) | 32) === 116 && !isAlnumCode(text.charCodeAt(i + 3))) {
      out.push({ start: i, end: i + 3, text: text.slice(i, i + 3), nl: false });
      i += 3;
    }
  }
  return out;
}

/** True when the segment since the last period inside [start, end) is a single letter (U in U.S). */
function isSingleLetterSegment(text: string, start: number, end: number): boolean {
  const prev = end - 2 >= start ? text.charCodeAt(end - 2) : 46;
  return (end - 1 === start || prev === 46) && isLetterCode(text.charCodeAt(end - 1));
}

/** Token indexes where a new sentence starts: after . ! ? (not abbreviations) or at a line break. */
export function sentenceStarts(tokens: Token[]): number[] {
  const starts: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (i === 0 || tokens[i].nl) { starts.push(i); continue; }
    const p = tokens[i - 1].text;
    if (p === '.' || p === '!' || p === '?') { starts.push(i); continue; }
    // long runs without punctuation are cut so the decoder's memory stays bounded
    if (i - starts[starts.length - 1] >= 200) starts.push(i);
  }
  return starts;
}
