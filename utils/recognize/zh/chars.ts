/** Character classes the Chinese rules share; plain code-unit tests, so no regex can backtrack. */

/** True for a CJK ideograph (BMP blocks only: news text is BMP). */
export function isHan(c: string | undefined): boolean {
  if (!c) return false;
  const x = c.charCodeAt(0);
  return (x >= 0x4e00 && x <= 0x9fff) || (x >= 0x3400 && x <= 0x4dbf) || (x >= 0xf900 && x <= 0xfaff);
}

/** True for an ASCII or full-width digit. */
export function isDigit(c: string | undefined): boolean {
  if (!c) return false;
  const x = c.charCodeAt(0);
  return (x >= 0x30 && x <= 0x39) || (x >= 0xff10 && x <= 0xff19);
}

/** Middle dots that join the parts of a transliterated foreign name (卡洛斯·阿马特). */
export function isNameDot(c: string | undefined): boolean {
  return c === '·' || c === '•' || c === '・' || c === '‧' || c === '．';
}

/** A set of single characters, built from a string. */
export const charSet = (s: string): ReadonlySet<string> => new Set(Array.from(s));
