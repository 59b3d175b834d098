/**
 * Chinese numerals (`三`, `两`, `二十一`, `一九九八`, `三万五千`): which characters are numerals and what
 * a run of them is worth. Shared by the number and date recognisers.
 */

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** The value of one numeral digit character (`三` → 3, `两` → 2), or undefined; so callers can read years digit by digit. */
export function cnDigit(c: string | undefined): number | undefined {
  return c === undefined ? undefined : DIGIT[c];
}

/** True for any character that can be part of a Chinese numeral (digits, 十百千, 万亿). */
export function isCnNumeralChar(c: string | undefined): boolean {
  return c !== undefined && (c in DIGIT || c in SMALL_UNIT || c in BIG_UNIT);
}

/** Per UTF-16 code: 1 for a character a counting numeral may start with, 2 for 万/亿, 0 otherwise. */
const CODE_CLASS = new Uint8Array(65536);
/**
 * CODE_CLASS 1 as a bitmap: the number and date scans test every character, and 8 KB stays in cache.
 * Set from the same characters, not by a pass over all 65536 codes (a millisecond at import, uncompiled).
 */
const START_BITS = new Uint32Array(2048);
for (const c of [...Object.keys(DIGIT), ...Object.keys(SMALL_UNIT)]) {
  const code = c.charCodeAt(0);
  CODE_CLASS[code] = 1;
  START_BITS[code >>> 5] |= 1 << (code & 31);
}
for (const c of Object.keys(BIG_UNIT)) CODE_CLASS[c.charCodeAt(0)] = 2;

/** `isCnNumeralStart` on a UTF-16 code, for scanners that must not allocate a string per character. */
export function isCnNumeralStartCode(code: number): boolean {
  // NaN (charCodeAt past the end) reads bit 0, which is clear, like CODE_CLASS[NaN] !== 1.
  return ((START_BITS[code >>> 5] >>> (code & 31)) & 1) === 1;
}

/**
 * Offset of the first ASCII or full-width digit or numeral start (`isCnNumeralStartCode`) at or after
 * `i`, or `text.length`: the number and date scans skip prose in one call, not one call a character.
 */
export function nextNumeralAt(text: string, i: number): number {
  const n = text.length;
  for (let k = i < 0 ? 0 : i; k < n; k++) {
    const c = text.charCodeAt(k);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19) || ((START_BITS[c >>> 5] >>> (c & 31)) & 1) === 1) return k;
  }
  return n;
}

/** True for characters a counting numeral may start with: a digit or 十/百/千 (not 万/亿, which are words of their own). */
export function isCnNumeralStart(c: string | undefined): boolean {
  if (c !== undefined && c.length === 1) return CODE_CLASS[c.charCodeAt(0)] === 1;
  return c !== undefined && (c in DIGIT || c in SMALL_UNIT);
}

/** True for 万 and 亿, the multipliers that also follow Arabic digits (`4163万`, `1.2亿`). */
export function isBigUnit(c: string | undefined): boolean {
  return c !== undefined && c in BIG_UNIT;
}

/** The factor of a multiplier character after Arabic digits (`万` → 1e4, `千` → 1e3), or undefined. */
export function multiplierOf(c: string | undefined): number | undefined {
  // Tested by code: a lookup by string key costs a hash per character of every numeral's tail.
  if (c === undefined || c.length !== 1) return undefined;
  return multiplierOfCode(c.charCodeAt(0));
}

/** `multiplierOf` on a UTF-16 code (NaN past the end is none): a scanner need not make a string per character. */
export function multiplierOfCode(code: number): number | undefined {
  switch (code) {
    case 0x4e07: return 1e4; // 万
    case 0x4ebf: return 1e8; // 亿
    case 0x5343: return 1000; // 千
    case 0x767e: return 100; // 百
    default: return undefined;
  }
}

/** Offset just past the run of numeral characters starting at `i` (linear; `i` itself when none). */
export function cnNumeralEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && CODE_CLASS[text.charCodeAt(j)] !== 0) j++;
  return j;
}

/**
 * The value of a numeral run: positional (`一九九八` → 1998) when it has no 十百千万亿, otherwise the
 * usual grouped reading (`三万五千` → 35000, `十二` → 12). A run of two adjacent digits that reads as an
 * estimate (`两三`, `七八`) is worth its first digit. Never throws; huge runs give Infinity.
 */
export function parseCnNumeral(s: string): number {
  if (!s) return NaN;
  // One pass per reading over code units; a character outside the BMP counts once, as a non-numeral.
  let hasUnit = false;
  for (let i = 0; i < s.length; i++) {
    const kind = CODE_KIND[s.charCodeAt(i)];
    if (kind === KIND_SMALL || kind === KIND_WAN || kind === KIND_YI) hasUnit = true;
  }
  if (!hasUnit) {
    if (s.length === 2) {
      const a = digitValue(s.charCodeAt(0)), b = digitValue(s.charCodeAt(1));
      if (b === a + 1 || (s.charCodeAt(0) === LIANG && b === 3)) return a;
    }
    let v = 0;
    for (let i = 0; i < s.length; i = nextCodePoint(s, i)) v = v * 10 + (digitValue(s.charCodeAt(i)) || 0);
    return v;
  }
  let total = 0; // value of the groups closed by 万 or 亿
  let section = 0; // value below the current 万/亿 group
  let digit = 0;
  for (let i = 0; i < s.length; i = nextCodePoint(s, i)) {
    const code = s.charCodeAt(i);
    const kind = CODE_KIND[code];
    if (kind === KIND_DIGIT) {
      digit = CODE_VALUE[code];
    } else if (kind === KIND_SMALL) {
      section += (digit || 1) * CODE_VALUE[code];
      digit = 0;
    } else if (kind === KIND_YI) {
      // 亿 multiplies everything before it (`一万亿` → 1e12).
      total = (total + section + digit || 1) * 1e8;
      section = 0;
      digit = 0;
    } else {
      // 万 (or anything that is not a numeral) multiplies its own group (`一亿二千万` → 1.2e8).
      total += (section + digit || 1) * 1e4;
      section = 0;
      digit = 0;
    }
  }
  return total + section + digit;
}

const KIND_DIGIT = 1;
const KIND_SMALL = 2;
const KIND_WAN = 3;
const KIND_YI = 4;
const LIANG = 0x4e24; // 两
/** Per UTF-16 code: which kind of numeral character it is (0 for none) and its value. */
const CODE_KIND = new Uint8Array(65536);
const CODE_VALUE = new Float64Array(65536);
for (const [c, v] of Object.entries(DIGIT)) { CODE_KIND[c.charCodeAt(0)] = KIND_DIGIT; CODE_VALUE[c.charCodeAt(0)] = v; }
for (const [c, v] of Object.entries(SMALL_UNIT)) { CODE_KIND[c.charCodeAt(0)] = KIND_SMALL; CODE_VALUE[c.charCodeAt(0)] = v; }
CODE_KIND['万'.charCodeAt(0)] = KIND_WAN;
CODE_KIND['亿'.charCodeAt(0)] = KIND_YI;

/** The digit a code stands for, NaN for anything else. */
const digitValue = (code: number) => (CODE_KIND[code] === KIND_DIGIT ? CODE_VALUE[code] : NaN);
/** Index of the code point after the one at `i` (a surrogate pair is one). */
function nextCodePoint(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return i + 2;
  }
  return i + 1;
}

