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
 * The mentions the page reads: the recognised ones as their reply carried them (SpanMentions) or,
 * in tests and tools, an array. Read one at a time: a page paints and hit-tests the few near the
 * reader, so it never needs all of a huge article's at once.
 */
export interface MentionList {
  readonly length: number;
  /** Mention `i`, or undefined outside the list. */
  at(i: number): PageMention | undefined;
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

/** A character no unit of the wire form is: units run from BIAS to BIAS + UNIT_MASK. */
const NOT_A_UNIT = /[^\u0020-\u801f]/;

/** The offset the two units from `at` of `spans` carry (units the wire form makes: see decode). */
function offsetAt(spans: string, at: number): number {
  return (spans.charCodeAt(at) - BIAS) * (UNIT_MASK + 1) + spans.charCodeAt(at + 1) - BIAS;
}

/**
 * Mentions kept in their wire form over the text they point into, each made an object when first
 * read and the same object after (a card open for a mention knows it by identity). A 1 MB article
 * has 22,500: made all at once on arrival they were 4–10 ms of the page's thread, and objects its
 * collector then kept tracing, for a page that paints only those near the reader. Sorted by
 * start, as the background sends them.
 */
export class SpanMentions implements MentionList, Iterable<PageMention> {
  readonly length: number;

  private constructor(
    private readonly spans: string,
    /** The text the offsets point into. */
    readonly text: string,
    /** The mentions made so far, by index (sparse). */
    private readonly made: Array<PageMention | undefined> = [],
  ) {
    this.length = spans.length / SPAN_WIDTH;
  }

  /** No mentions, over `text`. */
  static none(text: string): SpanMentions {
    return new SpanMentions('', text);
  }

  /**
   * The mentions `spans` encodes over `text` (the text the background recognised; replies fetched
   * one after another are read as one, joined). Throws on a reply that is not the wire form (a
   * part of a mention, a character no mention's unit is), and `at` throws on a mention it makes
   * that is wrong (a kind it does not know, a span outside the text), rather than paint wrong
   * places. Each mention is checked when made, not all at once here: on a fresh page that loop
   * runs as cold code, 2–8 ms for a 1 MB article's mentions, where the one search for a stray
   * character runs natively.
   */
  static decode(spans: unknown, text: string): SpanMentions {
    if (typeof spans !== 'string' || spans.length % SPAN_WIDTH !== 0) {
      throw new Error(`mention spans: ${typeof spans === 'string' ? `${spans.length} units is` : `a ${typeof spans} is`} not a whole number of mentions`);
    }
    const stray = NOT_A_UNIT.exec(spans);
    if (stray) throw new Error(`mention spans: unit ${stray.index} (U+${stray[0].charCodeAt(0).toString(16).padStart(4, '0')}) is no unit of a mention`);
    return new SpanMentions(spans, text);
  }

  at(i: number): PageMention | undefined {
    if (!(i >= 0 && i < this.length)) return undefined;
    const made = this.made[i];
    if (made) return made;
    const j = i * SPAN_WIDTH;
    const code = this.codeOf(i);
    const type = KINDS[code >> 1];
    const start = offsetAt(this.spans, j + 1);
    const end = offsetAt(this.spans, j + 3);
    if (!type || end < start || end > this.text.length) {
      throw new Error(`mention spans: bad mention ${i} (kind code ${code}, [${start}, ${end})) for a text of ${this.text.length} characters`);
    }
    return (this.made[i] = new SpanMention(type, start, end, (code & 1) === 1, this.text));
  }

  /** How many mentions there are of each kind (with no mention made). */
  countKinds(): Record<MentionType, number> {
    const counts = { person: 0, org: 0, number: 0, date: 0 };
    for (let i = 0; i < this.length; i++) {
      const type = KINDS[this.codeOf(i) >> 1];
      if (type) counts[type]++;
    }
    return counts;
  }

  /** Where mention `i` starts (a search's step, with no object made). */
  startOf(i: number): number {
    return offsetAt(this.spans, i * SPAN_WIDTH + 1);
  }

  /** The index of the first mention starting at or after `offset` (the length when none does). */
  indexFrom(offset: number): number {
    let lo = 0;
    for (let hi = this.length; lo < hi; ) {
      const mid = (lo + hi) >> 1;
      if (this.startOf(mid) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Mentions `from` to `to` - 1 (the same objects, where made). */
  slice(from: number, to = this.length): SpanMentions {
    return new SpanMentions(this.spans.slice(from * SPAN_WIDTH, to * SPAN_WIDTH), this.text, this.made.slice(from, to));
  }

  /**
   * These mentions (the same objects, where made), then `more`'s, all over `more`'s text: a grown
   * article's text starts with the characters these point into (the page checked that before
   * keeping them).
   */
  concat(more: SpanMentions): SpanMentions {
    const made = this.made.slice(0, this.length);
    made.length = this.length;
    more.made.forEach((m, i) => (made[this.length + i] = m));
    return new SpanMentions(this.spans + more.spans, more.text, made);
  }

  /** The mentions of the kinds `on` says yes to; this list itself when that is all of them (no mention made). */
  ofKinds(on: (type: MentionType) => boolean): SpanMentions {
    const wanted = KINDS.map(on);
    if (wanted.every(Boolean)) return this;
    return this.keeping((i) => wanted[this.codeOf(i) >> 1]);
  }

  /** The mentions `keep` says yes to, in their order. */
  filter(keep: (m: PageMention, i: number) => boolean): SpanMentions {
    return this.keeping((i) => keep(this.at(i)!, i));
  }

  *[Symbol.iterator](): Iterator<PageMention> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }

  /** Mention `i`'s first unit: its kind × 2 + known. */
  private codeOf(i: number): number {
    return this.spans.charCodeAt(i * SPAN_WIDTH) - BIAS;
  }

  /** The mentions whose index `keep` says yes to (the same objects, where made). */
  private keeping(keep: (i: number) => boolean): SpanMentions {
    const parts: string[] = [];
    const made: Array<PageMention | undefined> = [];
    for (let i = 0; i < this.length; i++) {
      if (!keep(i)) continue;
      if (this.made[i]) made[parts.length] = this.made[i];
      parts.push(this.spans.slice(i * SPAN_WIDTH, (i + 1) * SPAN_WIDTH));
    }
    return new SpanMentions(parts.join(''), this.text, made);
  }
}
