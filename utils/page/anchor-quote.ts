/**
 * Finding a quoted passage again in an article's text, also after small edits to the page, the
 * way Hypothesis re-anchors annotations: exact matches first, then approximate ones scored by the
 * quote and its surrounding prefix and suffix.
 */
import approxSearch from 'approx-string-match';

import type { TextQuote } from './text-quote';

export type { TextQuote } from './text-quote';
export { quoteAt } from './text-quote';

/** Similarity in 0..1 of a text to a pattern, from the edit distance of the best match. */
function similarity(text: string, pattern: string): number {
  if (!pattern) return 1;
  if (!text) return 0;
  const matches = approxSearch(text, pattern, pattern.length);
  const best = matches.reduce((min, m) => Math.min(min, m.errors), pattern.length);
  return 1 - best / pattern.length;
}

/** The text around a candidate compared with the stored prefix and suffix. */
function contextScore(text: string, start: number, end: number, quote: TextQuote): number {
  const prefix = text.slice(Math.max(0, start - quote.prefix.length), start);
  const suffix = text.slice(end, end + quote.suffix.length);
  return similarity(prefix, quote.prefix) + similarity(suffix, quote.suffix);
}

/** Minimum quote similarity an approximate match needs to count. */
const MIN_FUZZY = 0.75;

/** Where the quote is in `text` now, or null when it can no longer be found. */
export function anchorQuote(text: string, quote: TextQuote): { start: number; end: number } | null {
  const exact = quote.exact;
  if (!exact || exact.length > 5000) return null;
  // Exact occurrences, best context first.
  let best: { start: number; end: number; score: number } | null = null;
  for (let at = text.indexOf(exact), n = 0; at !== -1 && n < 1000; at = text.indexOf(exact, at + 1), n++) {
    const score = contextScore(text, at, at + exact.length, quote);
    if (!best || score > best.score) best = { start: at, end: at + exact.length, score };
  }
  if (best) return { start: best.start, end: best.end };
  // Approximate: allow a quarter of the quote to differ.
  const maxErrors = Math.max(1, Math.floor(exact.length / 4));
  for (const m of approxSearch(text, exact, maxErrors)) {
    const quoteScore = 1 - m.errors / exact.length;
    if (quoteScore < MIN_FUZZY) continue;
    const score = quoteScore * 2 + contextScore(text, m.start, m.end, quote);
    if (!best || score > best.score) best = { start: m.start, end: m.end, score };
  }
  return best ? { start: best.start, end: best.end } : null;
}
