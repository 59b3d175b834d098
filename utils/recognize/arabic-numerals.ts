/**
 * Arabic numerals as news prints them: ASCII or full-width digits (PKU writes `１２３`), thousands
 * separators (`1,200`) and decimal points (`98.6`, `８５．２`, `１３·４`). One forward read, so a run of
 * 100,000 digits costs one pass.
 */

/** Longest digit run (separators included) that is still read as a quantity; longer runs are not numbers. */
export const MAX_NUMERAL_LENGTH = 24;

/** The value of an ASCII or full-width digit character, or -1; lets scanners test digits without a regex. */
export function digitValue(c: string | undefined): number {
  if (c === undefined) return -1;
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  return -1;
}

/** True for an ASCII or full-width digit. */
export function isDigit(c: string | undefined): boolean {
  return digitValue(c) >= 0;
}

/** True for the UTF-16 code of an ASCII or full-width digit; scanners test codes so they allocate no strings. */
export function isDigitCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19);
}

/** `.`, `．` or `·` at `j`, by code: a Set lookup of `text[j]` built and hashed a string per numeral. */
const isDecimalPointAt = (text: string, j: number) => {
  const c = text.charCodeAt(j);
  return c === 0x2e || c === 0xff0e || c === 0xb7;
};

export interface ArabicNumeral {
  start: number;
  /** Offset just past the numeral. */
  end: number;
  value: number;
  /** Digits before the decimal point (separators excluded), e.g. 4 for `2024` and `1,200`. */
  intDigits: number;
  /** True when the numeral has a decimal point. */
  decimal: boolean;
  /** True when the numeral has thousands separators. */
  grouped: boolean;
  /** True when the run is too long to be a quantity (see MAX_NUMERAL_LENGTH). */
  absurd: boolean;
}

/** Offset just past the plain run of digits starting at `i`. */
export function digitRunEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && isDigitCode(text.charCodeAt(j))) j++;
  return j;
}

/**
 * Reads the numeral that starts at `i` (a digit): integer part with optional `,ddd` groups, then an
 * optional decimal part. Returns null when `text[i]` is not a digit. Never throws; absurdly long
 * runs are consumed whole (so scanning stays linear) and flagged.
 */
export function readArabic(text: string, i: number): ArabicNumeral | null {
  if (!isDigit(text[i])) return null;
  let j = digitRunEnd(text, i);
  let intDigits = j - i;
  let grouped = false;
  // Thousands groups: only when the leading group has 1-3 digits and every group exactly 3.
  if (intDigits <= 3 && text[j] === ',') {
    let k = j;
    let groups = 0;
    while (text[k] === ',' && isDigit(text[k + 1]) && isDigit(text[k + 2]) && isDigit(text[k + 3]) && !isDigit(text[k + 4])) {
      k += 4;
      groups++;
    }
    if (groups > 0) {
      intDigits += groups * 3;
      j = k;
      grouped = true;
    }
  }
  let decimal = false;
  if (isDecimalPointAt(text, j) && isDigit(text[j + 1])) {
    decimal = true;
    j = digitRunEnd(text, j + 1);
  }
  const absurd = j - i > MAX_NUMERAL_LENGTH;
  let value = Infinity;
  if (!absurd && !decimal && !grouped && j - i <= 15) {
    // Up to 15 digits the sum below is exact, so it is the number the string would parse to; it
    // builds no string (a digit-at-a-time string was most of this function's cost).
    value = 0;
    for (let k = i; k < j; k++) {
      const c = text.charCodeAt(k);
      value = value * 10 + (c <= 57 ? c - 48 : c - 0xff10);
    }
  } else if (!absurd) {
    let ascii = '';
    for (let k = i; k < j; k++) {
      const c = text.charCodeAt(k);
      if (c >= 48 && c <= 57) ascii += String(c - 48);
      else if (c >= 0xff10 && c <= 0xff19) ascii += String(c - 0xff10);
      else if (isDecimalPointAt(text, k)) ascii += '.';
    }
    value = Number(ascii);
  }
  return { start: i, end: j, value, intDigits, decimal, grouped, absurd };
}
