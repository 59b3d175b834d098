/**
 * English quantities: `$4.2 billion` (4200000000, unit `$`), `3.5%`, `1,200 people`, `about 300`,
 * `two million`. A forward scan over digits, currency signs and number words; linear in the text.
 */
import { digitRunEnd, isDigit, isDigitCode, readArabic } from './arabic-numerals';
import { isLetterAt, isLetterCode } from './latin-chars';
import type { NumberMention } from './types';
import { EN_CURRENCY_CODES, EN_CURRENCY_SYMBOLS, EN_SCALES, EN_UNITS } from './units';

type EnModifier = 'about' | 'nearly' | 'over' | 'more than';

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  dozen: 12, dozens: 12,
};
/** Lower-case first letters of the number words (a word starting otherwise is skipped unread). */
const WORD_FIRST = new Set(Object.keys(SMALL).map((w) => w.charCodeAt(0)));
/** Words before a number that say it is approximate or a bound, with the modifier they give. */
const MODIFIERS: Array<[string, EnModifier]> = [
  ['more than', 'more than'], ['about', 'about'], ['around', 'about'], ['approximately', 'about'], ['roughly', 'about'],
  ['some', 'about'], ['nearly', 'nearly'], ['almost', 'nearly'], ['over', 'over'],
];
/** Scale words written apart (`4.2 billion`); `m`/`k` only attach to digits after a currency sign. */
const SPACED_SCALES = new Set(['hundred', 'thousand', 'million', 'billion', 'trillion', 'mln', 'bln', 'bn']);
const PERCENT_WORDS = ['percent', 'per cent', 'pct'];
const TIME_WORDS = ['a.m.', 'p.m.', 'am', 'pm', "o'clock", 'GMT', 'EST', 'EDT', 'BST', 'CET'];

/** First characters of the currency signs and codes, so most positions are passed over at once. */
const CURRENCY_FIRST = new Set(
  [...EN_CURRENCY_SYMBOLS, ...EN_CURRENCY_CODES].map((s) => s.charCodeAt(0)),
);
const isLetter = (c: string | undefined) => c !== undefined && isLetterCode(c.charCodeAt(0));
const clean = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(15)) : v);

/** The word (letters and inner hyphens) at `i`, or ''. */
function wordAt(text: string, i: number): string {
  let j = i;
  while (j < text.length && (isLetterAt(text, j) || (text[j] === '-' && isLetterAt(text, j + 1) && j > i))) j++;
  return text.slice(i, j);
}

/** Value of a number word or a hyphenated pair (`twenty-five`), or undefined. */
function wordValue(word: string): number | undefined {
  const w = word.toLowerCase();
  if (w in SMALL) return SMALL[w];
  const dash = w.indexOf('-');
  if (dash > 0) {
    const tens = SMALL[w.slice(0, dash)], ones = SMALL[w.slice(dash + 1)];
    if (tens !== undefined && tens >= 20 && tens % 10 === 0 && ones !== undefined && ones >= 1 && ones <= 9) return tens + ones;
  }
  return undefined;
}

/** The modifier word that ends right before `start` (one space between), with its start. */
function modifierBefore(text: string, start: number): { at: number; modifier: EnModifier } | null {
  if (text[start - 1] !== ' ') return null;
  for (const [word, modifier] of MODIFIERS) {
    const at = start - 1 - word.length;
    if (at < 0 || isLetter(text[at - 1])) continue;
    if (text.slice(at, start - 1).toLowerCase() === word) return { at, modifier };
  }
  return null;
}

/** Finds English quantities in text (see the module comment for the shapes). */
export function findEnNumbers(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const letter = isLetterCode(code);
    if (!letter && !isDigitCode(code) && !CURRENCY_FIRST.has(code)) {
      i++;
      continue;
    }
    const boundary = !isLetterAt(text, i - 1) && !isDigitCode(text.charCodeAt(i - 1));
    // Currency sign or code before the amount.
    let currency = '';
    let at = i;
    if (boundary && CURRENCY_FIRST.has(code)) {
      for (const sym of EN_CURRENCY_SYMBOLS) {
        if (text.startsWith(sym, i) && isDigit(text[i + sym.length])) {
          currency = sym;
          at = i + sym.length;
          break;
        }
      }
      if (!currency && letter) {
        const cur = text.slice(i, i + 3);
        if (EN_CURRENCY_CODES.has(cur) && text[i + 3] === ' ' && isDigit(text[i + 4])) {
          currency = cur;
          at = i + 4;
        }
      }
    }
    if (currency || (boundary && isDigitCode(code))) {
      i = Math.max(readDigitAmount(text, i, at, currency, out), i + 1);
      continue;
    }
    if (letter) {
      if (!WORD_FIRST.has(code | 32)) {
        let j = i + 1;
        while (j < n && isLetterCode(text.charCodeAt(j))) j++;
        i = j;
        continue;
      }
      const word = wordAt(text, i);
      if (boundary) {
        const v = wordValue(word);
        if (v !== undefined) readWordAmount(text, i, i + word.length, v, out);
      }
      i += Math.max(word.length, 1);
      continue;
    }
    i = isDigitCode(code) ? digitRunEnd(text, i) : i + 1;
  }
  return out;
}

interface Tail {
  end: number;
  scale: number;
  unit: string;
}

/** Scale, percent and unit after a numeral ending at `j`; `attachedScale` allows `5m`/`3k` (after a currency sign). */
function readTail(text: string, j: number, attachedScale: boolean): Tail {
  let scale = 1;
  let end = j;
  // Attached scale: `$5m`, `3bn`, `4.5tn`.
  const attached = wordAt(text, end).toLowerCase();
  if (attached && (attached === 'bn' || attached === 'tn' || attached === 'mln' || attached === 'bln' || (attachedScale && (attached === 'm' || attached === 'k' || attached === 'mn')))) {
    scale = attached === 'mn' ? 1e6 : EN_SCALES[attached];
    end += attached.length;
  } else if (attached) {
    return { end: -1, scale, unit: '' }; // `5th`, `3D`, `10am`: not a quantity
  }
  // Spaced scales, possibly repeated a little (`2 hundred million`).
  for (let k = 0; k < 2 && text[end] === ' '; k++) {
    const w = wordAt(text, end + 1).toLowerCase();
    if (!SPACED_SCALES.has(w)) break;
    scale *= EN_SCALES[w];
    end += 1 + w.length;
  }
  if (text[end] === '%') return { end: end + 1, scale, unit: '%' };
  if (text[end] === ' ') {
    for (const p of PERCENT_WORDS) {
      if (text.slice(end + 1, end + 1 + p.length).toLowerCase() === p && !isLetter(text[end + 1 + p.length]))
        return { end: end + 1 + p.length, scale, unit: '%' };
    }
    const w = wordAt(text, end + 1);
    if (w && EN_UNITS.has(w.toLowerCase()) && w.toLowerCase() !== 'percent') return { end: end + 1 + w.length, scale, unit: w };
  }
  return { end, scale, unit: '' };
}

function push(out: NumberMention[], text: string, start: number, end: number, value: number, unit: string, modifier?: EnModifier) {
  const m: NumberMention = { type: 'number', start, end, text: text.slice(start, end), value: clean(value), unit };
  if (modifier) m.modifier = modifier;
  out.push(m);
}

/** Reads `[currency] digits [scale] [% | unit]` with the numeral at `at`; returns where scanning resumes. */
function readDigitAmount(text: string, start: number, at: number, currency: string, out: NumberMention[]): number {
  const num = readArabic(text, at)!;
  const j = num.end;
  if (num.absurd) return j;
  // Clock times, fractions, dates, scores and codes: `10:30`, `24/7`, `3-1`, `COVID-19`.
  if (text[j] === ':' || text[j] === '/' || (text[j] === '-' && isDigit(text[j + 1]) && !currency)) return skipJoined(text, j);
  if (text[start - 1] === '-' && isLetter(text[start - 2])) return j;
  if (text[j] === '.' && isLetter(text[j + 1])) return j;
  if (text[j] === ' ') {
    const w = text.slice(j + 1, j + 9);
    if (TIME_WORDS.some((t) => w.startsWith(t) && !isLetter(w[t.length]))) return j;
  }
  const tail = readTail(text, j, !!currency);
  if (tail.end < 0) return j + wordAt(text, j).length;
  // A bare four-digit year is a date, not a number.
  const yearLike = !currency && num.intDigits === 4 && !num.grouped && !num.decimal && num.value >= 1000 && num.value <= 2100;
  if (yearLike && tail.scale === 1 && tail.unit === '') return j;
  const mod = modifierBefore(text, start);
  const unit = currency ? currency.replace(/ $/, '') : tail.unit;
  push(out, text, mod ? mod.at : start, tail.end, num.value * tail.scale, unit, mod?.modifier);
  return tail.end;
}

/** `two million`, `three people`: a number word counts only with a scale, percent or unit after it. */
function readWordAmount(text: string, start: number, end: number, value: number, out: NumberMention[]) {
  const tail = readTail(text, end, false);
  if (tail.end < 0 || (tail.scale === 1 && !tail.unit)) return;
  const mod = modifierBefore(text, start);
  push(out, text, mod ? mod.at : start, tail.end, value * tail.scale, tail.unit, mod?.modifier);
}

/** Offset past a run of digits joined by `:`, `/`, `-` or `.` (a time, a date, a score, a code). */
function skipJoined(text: string, j: number): number {
  let k = j;
  while ((text[k] === ':' || text[k] === '/' || text[k] === '-' || text[k] === '.') && isDigit(text[k + 1])) {
    k++;
    while (isDigit(text[k])) k++;
  }
  return k;
}
