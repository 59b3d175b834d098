/**
 * Mentions as they cross from the background to the page. The page paints, hit-tests and opens
 * cards with a mention's kind, place, text and whether the knowledge base knew it; titles,
 * agencies and values stay in the background, which the cards ask. So a mention travels as three
 * numbers, and its text is read from the page's own copy of the article: as objects, a 1 MB
 * article's 22,600 mentions were 1.9 MB of JSON and 9–15 ms of parsing on the page's thread.
 */
import type { Mention, MentionType } from '@/utils/recognize/types';

/** A mention as the page holds it. */
export interface PageMention {
  readonly type: MentionType;
  /** UTF-16 offsets into the page's mapped text. */
  readonly start: number;
  readonly end: number;
  /** True when the mention came from the knowledge base's known names. */
  readonly known?: boolean;
  /** `text.slice(start, end)` of the mapped text. */
  readonly text: string;
}

/** The kinds in the order their codes count them. */
const KINDS: readonly MentionType[] = ['person', 'org', 'number', 'date'];

/** Numbers per mention on the wire: kind × 2 + known, start, end. */
export const SPAN_WIDTH = 3;

/** The wire form of `mentions`, in their order. */
export function encodeSpans(mentions: readonly Mention[]): number[] {
  const out = new Array<number>(mentions.length * SPAN_WIDTH);
  for (let i = 0, j = 0; i < mentions.length; i++, j += SPAN_WIDTH) {
    const m = mentions[i];
    out[j] = KINDS.indexOf(m.type) * 2 + (m.known ? 1 : 0);
    out[j + 1] = m.start;
    out[j + 2] = m.end;
  }
  return out;
}

/**
 * A decoded mention: its text is sliced from the article only when asked for (most never are). The
 * text is a getter, so a copy made by spreading or cloning has none: messages name a mention's fields.
 */
class SpanMention implements PageMention {
  constructor(
    readonly type: MentionType,
    readonly start: number,
    readonly end: number,
    readonly known: boolean,
    private readonly source: string,
  ) {}

  get text(): string {
    return this.source.slice(this.start, this.end);
  }
}

/**
 * Appends to `out` the mentions `spans` encodes over `text` (the text the background recognised).
 * Throws on a malformed reply (a kind it does not know, a span outside the text) rather than paint
 * wrong places.
 */
export function decodeSpans(spans: readonly number[], text: string, out: PageMention[]): void {
  if (spans.length % SPAN_WIDTH !== 0) throw new Error(`mention spans: ${spans.length} numbers is not a whole number of mentions`);
  for (let j = 0; j < spans.length; j += SPAN_WIDTH) {
    const code = spans[j];
    const start = spans[j + 1];
    const end = spans[j + 2];
    const type = KINDS[code >> 1];
    if (!type || !Number.isInteger(code) || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
      throw new Error(`mention spans: bad mention [${code}, ${start}, ${end}] for a text of ${text.length} characters`);
    }
    out.push(new SpanMention(type, start, end, (code & 1) === 1, text));
  }
}
