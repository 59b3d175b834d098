/** A text-quote selector (W3C Web Annotation): a passage with some context on both sides, so it can be found again. */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** The text-quote selector for [start, end) of a text: the passage and some context on both sides. */
export function quoteAt(text: string, start: number, end: number, context = 32): TextQuote {
  return { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - context), start), suffix: text.slice(end, end + context) };
}
