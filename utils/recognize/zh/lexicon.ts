/**
 * Word lists compiled to tries, so every lookup is bounded by the longest word: scanning a text is
 * linear whatever it contains.
 */
interface Node { next: Map<string, Node>; word?: string }

/** A word list that finds the longest word starting (or ending) at a position. */
export class Lexicon {
  private readonly fwd: Node = { next: new Map() };
  private readonly bwd: Node = { next: new Map() };
  readonly maxLen: number;
  private readonly words: Set<string>;

  constructor(words: Iterable<string>) {
    this.words = new Set([...words].filter((w) => w.length > 0));
    let max = 0;
    for (const w of this.words) {
      max = Math.max(max, w.length);
      let n = this.fwd;
      for (const ch of w) n = getOrAdd(n, ch);
      n.word = w;
      let b = this.bwd;
      for (let i = w.length - 1; i >= 0; i--) b = getOrAdd(b, w[i]);
      b.word = w;
    }
    this.maxLen = max;
  }

  /** Whether the list holds exactly this word. */
  has(w: string): boolean {
    return this.words.has(w);
  }

  /** Length of the longest word starting at `at` (0 when none). */
  longestAt(text: string, at: number): number {
    let n: Node | undefined = this.fwd;
    let best = 0;
    for (let i = at; i < text.length && n; i++) {
      n = n.next.get(text[i]);
      if (n?.word) best = i - at + 1;
    }
    return best;
  }

  /** Lengths of all words starting at `at`, shortest first. */
  allAt(text: string, at: number): number[] {
    let n: Node | undefined = this.fwd;
    const out: number[] = [];
    for (let i = at; i < text.length && n; i++) {
      n = n.next.get(text[i]);
      if (n?.word) out.push(i - at + 1);
    }
    return out;
  }

  /** Length of the longest word ending just before `end` (0 when none). */
  longestEndingAt(text: string, end: number, floor = 0): number {
    let n: Node | undefined = this.bwd;
    let best = 0;
    for (let i = end - 1; i >= floor && n; i--) {
      n = n.next.get(text[i]);
      if (n?.word) best = end - i;
    }
    return best;
  }

  /** Lengths of all words ending just before `end`, shortest first. */
  allEndingAt(text: string, end: number, floor = 0): number[] {
    let n: Node | undefined = this.bwd;
    const out: number[] = [];
    for (let i = end - 1; i >= floor && n; i--) {
      n = n.next.get(text[i]);
      if (n?.word) out.push(end - i);
    }
    return out;
  }
}

function getOrAdd(n: Node, ch: string): Node {
  let m = n.next.get(ch);
  if (!m) n.next.set(ch, (m = { next: new Map() }));
  return m;
}
