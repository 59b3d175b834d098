/**
 * Substring search without a full scan: every searchable record carries the distinct character
 * bigrams of its text (lower-cased, NFKC, whitespace removed, plus one end bigram), in a
 * multi-entry index. Any query of one or more characters is a prefix of some indexed bigram.
 */

const END = '\u0000';

/** Normal form for searching: what the reader types matches full-width and half-width alike. */
export function searchForm(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The distinct bigrams of the texts, each text closed by an end mark (capped for very long notes). */
export function gramsOf(...texts: Array<string | null | undefined>): string[] {
  const grams = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    const s = searchForm(text).slice(0, 4000) + END;
    for (let i = 0; i + 1 < s.length; i++) grams.add(s.slice(i, i + 2));
  }
  return [...grams];
}

/** The index keys to look a query up by: its bigrams, or for one character the bigrams it starts. */
export function queryGrams(query: string): { exact: string[]; prefix: string | null } {
  const s = searchForm(query);
  if (s.length === 0) return { exact: [], prefix: null };
  if (s.length === 1) return { exact: [], prefix: s };
  const grams = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) grams.add(s.slice(i, i + 2));
  return { exact: [...grams], prefix: null };
}
