/**
 * Growth of the decoder's lazily filled arenas (./folded-rows.ts, ./char-misc.ts): rows are appended
 * as the decoder meets new chars and n-grams, so the arrays double when full, keeping offsets valid.
 */

/** `words` itself when it holds `need` words, else a copy of it at twice the size (or more). */
export function grownFor(words: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  if (need <= words.length) return words;
  const grown = new Int32Array(Math.max(words.length * 2, need));
  grown.set(words);
  return grown;
}
