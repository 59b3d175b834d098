/**
 * A regular expression made on its first use. V8 takes about 0.3 ms to create each pattern with
 * Unicode property escapes (\p{L}); made at module load, they cost every start of the recogniser
 * (Chinese text too pays for the English ones) and every page the content script loads on.
 */
export function lazyRegExp(make: () => RegExp): () => RegExp {
  let re: RegExp | null = null;
  return () => (re ??= make());
}
