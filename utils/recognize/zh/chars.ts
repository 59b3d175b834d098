/**
 * Character classes the Chinese rules share; plain code-unit tests, so no regex can backtrack and
 * scanners need not allocate a one-character string per position (`text[i]` does, for Han).
 */

/** True for the UTF-16 code of a CJK ideograph (BMP blocks only: news text is BMP). */
export function isHanCode(x: number): boolean {
  return (x >= 0x4e00 && x <= 0x9fff) || (x >= 0x3400 && x <= 0x4dbf) || (x >= 0xf900 && x <= 0xfaff);
}

/** True for a CJK ideograph (BMP blocks only: news text is BMP). */
export function isHan(c: string | undefined): boolean {
  if (!c) return false;
  return isHanCode(c.charCodeAt(0));
}

/** True when the code unit at `i` is a CJK ideograph; false outside the text. */
export function isHanAt(text: string, i: number): boolean {
  return isHanCode(text.charCodeAt(i));
}

/** True for an ASCII or full-width digit. */
export function isDigit(c: string | undefined): boolean {
  if (!c) return false;
  const x = c.charCodeAt(0);
  return (x >= 0x30 && x <= 0x39) || (x >= 0xff10 && x <= 0xff19);
}

/** Middle dots that join the parts of a transliterated foreign name (卡洛斯·阿马特), by code. */
export function isNameDotCode(x: number): boolean {
  return x === 0xb7 || x === 0x2022 || x === 0x30fb || x === 0x2027 || x === 0xff0e;
}

/** Middle dots that join the parts of a transliterated foreign name (卡洛斯·阿马特). */
export function isNameDot(c: string | undefined): boolean {
  return c === '·' || c === '•' || c === '・' || c === '‧' || c === '．';
}

/**
 * Whether the pair a, b is in `pairs`, two-unit items concatenated in code-unit order: a binary
 * search of the string in place, so a list of thousands of pairs costs nothing to load.
 */
export function sortedPairsHave(pairs: string, a: number, b: number): boolean {
  let lo = 0;
  let hi = (pairs.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const d = pairs.charCodeAt(2 * mid) - a || pairs.charCodeAt(2 * mid + 1) - b;
    if (d === 0) return true;
    if (d < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** A set of single BMP characters as a bitmap over code units: a membership test is one load. */
export class CharSet {
  private readonly bits: Uint32Array;
  constructor(chars: string, bits: Uint32Array = new Uint32Array(2048)) {
    this.bits = bits;
    for (let i = 0; i < chars.length; i++) {
      const c = chars.charCodeAt(i);
      this.bits[c >>> 5] |= 1 << (c & 31);
    }
  }
  /** The set whose bitmap is `bits` (2048 words, shared, not copied): a trie's first-unit bitmap is one already. */
  static ofBits(bits: Uint32Array): CharSet {
    return new CharSet('', bits);
  }
  /** The characters of any of `sets`, so a hot loop tests one bitmap where it would test several. */
  static union(...sets: CharSet[]): CharSet {
    const u = new CharSet('');
    for (const s of sets) for (let k = 0; k < u.bits.length; k++) u.bits[k] |= s.bits[k];
    return u;
  }
  /** Whether the code unit is in the set (NaN, from `charCodeAt` past the end, is not). */
  hasCode(code: number): boolean {
    return ((this.bits[code >>> 5] >>> (code & 31)) & 1) === 1;
  }
  /** Whether `text[i]` is in the set; false outside the text. */
  hasAt(text: string, i: number): boolean {
    const code = text.charCodeAt(i);
    return ((this.bits[code >>> 5] >>> (code & 31)) & 1) === 1 && i >= 0;
  }
  /**
   * Calls `fn` with each code in [from, to] that is in the set, by the bitmap's set bits: a few
   * hundred calls where testing every code of the Han blocks made tens of thousands (start-up).
   */
  forEachCode(from: number, to: number, fn: (code: number) => void): void {
    for (let w = from >>> 5; w <= to >>> 5; w++) {
      for (let bits = this.bits[w]; bits !== 0; bits &= bits - 1) {
        const code = (w << 5) | (31 - Math.clz32(bits & -bits));
        if (code >= from && code <= to) fn(code);
      }
    }
  }
  /** Whether `c` is one character of the set (like `Set#has` on single characters). */
  has(c: string | undefined): boolean {
    return c !== undefined && c.length === 1 && this.hasCode(c.charCodeAt(0));
  }
}

/** A set of single characters, built from a string. */
export const charSet = (s: string): CharSet => new CharSet(s);
