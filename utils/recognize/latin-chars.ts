/** Latin-letter tests by UTF-16 code, so English scanners neither run a regex nor allocate per character. */

/** True for A-Z, a-z and the Latin-1/Latin Extended-A/B letters (`é`, `ł`). */
export function isLetterCode(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7);
}

/** True when the character at `i` is a Latin letter; false outside the text. */
export function isLetterAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isLetterCode(text.charCodeAt(i));
}
