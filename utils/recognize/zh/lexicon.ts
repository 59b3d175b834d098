/**
 * Word lists compiled to tries, so every lookup is bounded by the longest word: scanning a text is
 * linear whatever it contains. The tries are flat typed arrays keyed by UTF-16 code units (an
 * open-addressing table of `node × code → child`), so a lookup allocates nothing and building one
 * costs a few array writes per character: cheap at start-up.
 */
import { CharSet } from './chars';

/**
 * A trie over code units with a bitmap of the code units that start a word (most lookups stop there).
 * The words under one first unit go into the table the first time a lookup starts with that unit
 * (`prepare`): a short first text touches a few dozen of them, so start-up pays for those alone.
 */
class CodeTrie {
  private readonly first = new Uint32Array(2048);
  /**
   * The table, two ints a slot: `(node << 16) | code`, then the child (0 for an empty slot). One
   * probe reads one cache line, where three parallel arrays cost three.
   */
  private readonly slots: Int32Array;
  private readonly shift: number;
  private readonly mask: number;
  /** 1 where a word ends at the node. */
  readonly word: Uint8Array;
  private nodes = 1;
  /** First units whose words are not in the table yet; null once every one is. */
  private unbuilt: Uint32Array | null;
  private unbuiltCount = 0;
  /** Per first unit, its first word's index; `chain[i]` is the next word of word i's unit (-1 ends). */
  private readonly heads = new Map<number, number>();
  private readonly chain: Int32Array;

  constructor(
    private readonly words: readonly string[],
    private readonly reverse: boolean,
    capacity: number,
  ) {
    // Node numbers share an int with the code unit: 16 bits each.
    if (capacity >= 0xffff) throw new RangeError('Lexicon: at most 65534 characters in all');
    // At most a quarter full: most lookups miss, and a miss probes until an empty slot (the lists
    // are small, so the tables stay a few hundred kilobytes at most).
    let bits = 4;
    while (1 << bits < capacity * 4) bits++;
    this.slots = new Int32Array(2 << bits);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    this.word = new Uint8Array(capacity + 1);
    // The bitmaps and the per-unit chains: one pass reading two units a word.
    const { first, heads } = this;
    const chain = (this.chain = new Int32Array(words.length));
    for (let i = words.length - 1; i >= 0; i--) {
      const w = words[i];
      const len = w.length;
      if (len === 0) continue;
      const c0 = w.charCodeAt(reverse ? len - 1 : 0);
      if (len === 1) (this.singles ??= new Uint32Array(2048))[c0 >>> 5] |= 1 << (c0 & 31);
      else {
        const h = CodeTrie.pairBit(c0, w.charCodeAt(reverse ? len - 2 : 1));
        this.pairs[h >>> 5] |= 1 << (h & 31);
      }
      const head = heads.get(c0);
      if (head === undefined) this.unbuiltCount++;
      chain[i] = head ?? -1;
      heads.set(c0, i);
      first[c0 >>> 5] |= 1 << (c0 & 31);
    }
    this.unbuilt = this.unbuiltCount > 0 ? first.slice() : null;
  }

  /**
   * Hashed bitmap (32768 bits) of every word's first two code units in reading order. A scan asks
   * about most positions in vain; two bitmap loads then answer without touching the table.
   */
  private readonly pairs = new Uint32Array(1024);
  /** Bitmap of the one-unit words, or null when there are none. */
  private singles: Uint32Array | null = null;

  private static pairBit(a: number, b: number): number {
    return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 17;
  }

  /** Whether some word starts with this code unit. */
  starts(code: number): boolean {
    return (this.first[code >>> 5] & (1 << (code & 31))) !== 0;
  }

  /** False when no word starts with `a` then `b` (true may be a hash collision). */
  mayStartWith(a: number, b: number): boolean {
    const h = CodeTrie.pairBit(a, b);
    return (this.pairs[h >>> 5] & (1 << (h & 31))) !== 0;
  }

  /** Whether the one-unit word `code` is in the list. */
  isSingle(code: number): boolean {
    const s = this.singles;
    return s !== null && (s[code >>> 5] & (1 << (code & 31))) !== 0;
  }

  /**
   * Fills the words that start with `code` if they are not in the table yet: callers call it once per
   * lookup, before stepping from the root (a check inside step() cost 3-4% of throughput).
   */
  prepare(code: number): void {
    const u = this.unbuilt;
    if (u === null) return;
    const c = code & 0xffff; // NaN (past the text's end) steps as 0 does
    if ((u[c >>> 5] & (1 << (c & 31))) !== 0) this.build(c);
  }

  /** The child of `node` along `code`, or 0 when there is none (the root is never a child). */
  step(node: number, code: number): number {
    if (node === 0 && (this.first[code >>> 5] & (1 << (code & 31))) === 0) return 0;
    const slots = this.slots;
    const key = (node << 16) | code;
    for (let h = Math.imul(node ^ Math.imul(code, 0x27d4eb2d), 0x9e3779b1) >>> this.shift; ; h = (h + 1) & this.mask) {
      const c = slots[2 * h + 1];
      if (c === 0 || slots[2 * h] === key) return c;
    }
  }

  /** Adds the words that start with `c0` (read backwards when `reverse`): one loop over locals, so a cold build stays cheap. */
  private build(c0: number): void {
    const { slots, word, mask, chain, words, reverse } = this;
    const shift = this.shift;
    let nodes = this.nodes;
    for (let i = this.heads.get(c0) ?? -1; i >= 0; i = chain[i]) {
      const w = words[i];
      const len = w.length;
      let node = 0;
      for (let k = 0; k < len; k++) {
        const code = w.charCodeAt(reverse ? len - 1 - k : k);
        const key = (node << 16) | code;
        let h = Math.imul(node ^ Math.imul(code, 0x27d4eb2d), 0x9e3779b1) >>> shift;
        let next = 0;
        for (; slots[2 * h + 1] !== 0; h = (h + 1) & mask) {
          if (slots[2 * h] === key) {
            next = slots[2 * h + 1];
            break;
          }
        }
        if (next === 0) {
          slots[2 * h] = key;
          next = slots[2 * h + 1] = nodes++;
        }
        node = next;
      }
      word[node] = 1;
    }
    this.nodes = nodes;
    this.heads.delete(c0);
    this.unbuilt![c0 >>> 5] &= ~(1 << (c0 & 31));
    if (--this.unbuiltCount === 0) this.unbuilt = null;
  }

  /** The code units words start with, as a set sharing this trie's bitmap. */
  firstChars(): CharSet {
    return CharSet.ofBits(this.first);
  }
}

/**
 * A word list that finds the longest word starting (or ending) at a position. Each direction's trie
 * is built on its first use, so lists only read forwards (or never) cost nothing more at start-up.
 */
export class Lexicon {
  private readonly list: string[];
  private readonly total: number;
  private fwdTrie: CodeTrie | null = null;
  private bwdTrie: CodeTrie | null = null;
  readonly maxLen: number;

  constructor(words: Iterable<string>) {
    this.list = Array.isArray(words) ? (words as string[]) : [...words];
    let total = 0;
    let max = 0;
    for (const w of this.list) {
      total += w.length;
      if (w.length > max) max = w.length;
    }
    this.total = total;
    this.maxLen = max;
  }

  private get fwd(): CodeTrie {
    return (this.fwdTrie ??= new CodeTrie(this.list, false, this.total));
  }

  private get bwd(): CodeTrie {
    return (this.bwdTrie ??= new CodeTrie(this.list, true, this.total));
  }

  private firstSet: CharSet | null = null;
  private lastSet: CharSet | null = null;

  /** The code units words start with: a scanner tests one bitmap before calling `longestAt`. */
  get firstChars(): CharSet {
    return (this.firstSet ??= this.fwd.firstChars());
  }

  /** The code units words end with: a scanner tests one bitmap before calling `longestEndingAt`. */
  get lastChars(): CharSet {
    return (this.lastSet ??= this.bwd.firstChars());
  }

  /** Whether the list holds exactly this word. */
  has(w: string): boolean {
    if (w.length === 0) return false;
    let n = 0;
    const fwd = this.fwd;
    fwd.prepare(w.charCodeAt(0));
    for (let i = 0; i < w.length; i++) if ((n = fwd.step(n, w.charCodeAt(i))) === 0) return false;
    return fwd.word[n] === 1;
  }

  /** Same as `has(text.slice(start, end))` (negative offsets count from the end), without making the slice. */
  hasSlice(text: string, start: number, end: number): boolean {
    const len = text.length;
    const s = start < 0 ? Math.max(len + start, 0) : Math.min(start, len);
    const e = end < 0 ? Math.max(len + end, 0) : Math.min(end, len);
    if (e <= s) return false;
    const fwd = this.fwd;
    // The first one or two units decide most questions without the table (see CodeTrie#pairs).
    const c0 = text.charCodeAt(s);
    if (!fwd.starts(c0)) return false;
    if (e - s === 1) return fwd.isSingle(c0);
    if (!fwd.mayStartWith(c0, text.charCodeAt(s + 1))) return false;
    fwd.prepare(c0);
    let n = 0;
    for (let i = s; i < e; i++) if ((n = fwd.step(n, text.charCodeAt(i))) === 0) return false;
    return fwd.word[n] === 1;
  }

  /** Length of the longest word starting at `at` (0 when none). */
  longestAt(text: string, at: number): number {
    if (at < 0 || at >= text.length) return 0;
    const fwd = this.fwd;
    // The first one or two units decide most positions without the table (see CodeTrie#pairs).
    const c0 = text.charCodeAt(at);
    if (!fwd.starts(c0)) return 0;
    if (at + 1 >= text.length || !fwd.mayStartWith(c0, text.charCodeAt(at + 1))) return fwd.isSingle(c0) ? 1 : 0;
    fwd.prepare(c0);
    let n = 0;
    let best = 0;
    for (let i = at; i < text.length; i++) {
      if ((n = fwd.step(n, text.charCodeAt(i))) === 0) break;
      if (fwd.word[n]) best = i - at + 1;
    }
    return best;
  }

  /** Lengths of all words starting at `at`, shortest first. */
  allAt(text: string, at: number): number[] {
    const out: number[] = [];
    if (at < 0) return out;
    this.fwd.prepare(text.charCodeAt(at));
    let n = 0;
    for (let i = at; i < text.length; i++) {
      if ((n = this.fwd.step(n, text.charCodeAt(i))) === 0) break;
      if (this.fwd.word[n]) out.push(i - at + 1);
    }
    return out;
  }

  /** Length of the longest word ending just before `end` (0 when none). */
  longestEndingAt(text: string, end: number, floor = 0): number {
    if (end > text.length) return 0;
    const bwd = this.bwd;
    const lo = floor > 0 ? floor : 0;
    if (end - 1 < lo) return 0;
    // The last one or two units decide most positions without the table (see CodeTrie#pairs).
    const c0 = text.charCodeAt(end - 1);
    if (!bwd.starts(c0)) return 0;
    if (end - 2 < lo || !bwd.mayStartWith(c0, text.charCodeAt(end - 2))) return bwd.isSingle(c0) ? 1 : 0;
    bwd.prepare(c0);
    let n = 0;
    let best = 0;
    for (let i = end - 1; i >= lo; i--) {
      if ((n = bwd.step(n, text.charCodeAt(i))) === 0) break;
      if (bwd.word[n]) best = end - i;
    }
    return best;
  }

  /** Lengths of all words ending just before `end`, shortest first. */
  allEndingAt(text: string, end: number, floor = 0): number[] {
    const out: number[] = [];
    if (end > text.length) return out;
    const lo = floor > 0 ? floor : 0;
    this.bwd.prepare(text.charCodeAt(end - 1));
    let n = 0;
    for (let i = end - 1; i >= lo; i--) {
      if ((n = this.bwd.step(n, text.charCodeAt(i))) === 0) break;
      if (this.bwd.word[n]) out.push(end - i);
    }
    return out;
  }
}
