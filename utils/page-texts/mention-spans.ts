/**
 * Mentions as they cross from the background to the page. The page paints, hit-tests and opens
 * cards with a mention's kind, place, text and whether the knowledge base knew it; titles,
 * agencies and values stay in the background, which the cards ask. So a mention travels as five
 * characters of a string (its kind and place), and its text is read from the page's own copy of
 * the article: as objects, a 1 MB article's 22,600 mentions were 1.9 MB of JSON and 9–15 ms of
 * parsing on the page's thread.
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

/** UTF-16 units per mention on the wire: kind × 2 + known, then start and end, two units each. */
export const SPAN_WIDTH = 5;

/** Bits an offset carries per unit: units stay below the surrogates, so any transport keeps them as they are. */
const UNIT_BITS = 15;
const UNIT_MASK = (1 << UNIT_BITS) - 1;
/** Added to every unit, so none is a control character (JSON would escape those six characters wide). */
const BIAS = 0x20;
/** Offsets must fit two units. */
const OFFSET_LIMIT = 2 ** (2 * UNIT_BITS);
/** Units turned into a string per String.fromCharCode call (its arguments go on the stack). */
const CHARS_PER_CALL = 4096;

/**
 * The wire form of `mentions`, in their order: a string of SPAN_WIDTH units each. A string, not an
 * array of numbers: structured clone copies a string's characters at once but rebuilds an array
 * number by number (a 1 MB article's 67,500 numbers took 6–14 ms of the page's thread to read, its
 * 112,500 units a fraction of one), and JSON, where older Chrome uses it, carries it as it is.
 */
export function encodeSpans(mentions: readonly Mention[]): string {
  const units = new Uint16Array(mentions.length * SPAN_WIDTH);
  for (let i = 0, j = 0; i < mentions.length; i++, j += SPAN_WIDTH) {
    const m = mentions[i];
    if (!(m.start >= 0 && m.end < OFFSET_LIMIT)) throw new Error(`mention spans: [${m.start}, ${m.end}) does not fit the wire form`);
    units[j] = BIAS + KINDS.indexOf(m.type) * 2 + (m.known ? 1 : 0);
    units[j + 1] = BIAS + (m.start >>> UNIT_BITS);
    units[j + 2] = BIAS + (m.start & UNIT_MASK);
    units[j + 3] = BIAS + (m.end >>> UNIT_BITS);
    units[j + 4] = BIAS + (m.end & UNIT_MASK);
  }
  let out = '';
  for (let i = 0; i < units.length; i += CHARS_PER_CALL) out += String.fromCharCode(...units.subarray(i, i + CHARS_PER_CALL));
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

/** The number unit `at` of `spans` carries, or -1 when it is no unit the wire form makes. */
function unitAt(spans: string, at: number): number {
  const n = spans.charCodeAt(at) - BIAS;
  return n >= 0 && n <= UNIT_MASK ? n : -1;
}

/**
 * Appends to `out` the mentions `spans` encodes over `text` (the text the background recognised).
 * Throws on a malformed reply (a kind it does not know, a span outside the text) rather than paint
 * wrong places.
 */
export function decodeSpans(spans: string, text: string, out: PageMention[]): void {
  if (typeof spans !== 'string' || spans.length % SPAN_WIDTH !== 0) {
    throw new Error(`mention spans: ${typeof spans === 'string' ? `${spans.length} units is` : `a ${typeof spans} is`} not a whole number of mentions`);
  }
  for (let j = 0; j < spans.length; j += SPAN_WIDTH) {
    const code = unitAt(spans, j);
    const startHigh = unitAt(spans, j + 1);
    const startLow = unitAt(spans, j + 2);
    const endHigh = unitAt(spans, j + 3);
    const endLow = unitAt(spans, j + 4);
    const start = startHigh * (UNIT_MASK + 1) + startLow;
    const end = endHigh * (UNIT_MASK + 1) + endLow;
    const type = KINDS[code >> 1];
    if (!type || Math.min(code, startHigh, startLow, endHigh, endLow) < 0 || end < start || end > text.length) {
      throw new Error(`mention spans: bad mention at unit ${j} (kind code ${code}, [${start}, ${end})) for a text of ${text.length} characters`);
    }
    out.push(new SpanMention(type, start, end, (code & 1) === 1, text));
  }
}
