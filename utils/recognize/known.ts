/**
 * Known names from earlier reading, matched anywhere in one linear pass (Aho-Corasick), so a
 * knowledge base of tens of thousands of names costs the same per character as an empty one.
 */
import type { KnownNames, PreparedKnown } from './types';

type Entry = KnownNames['entries'][number];

/** Normal form for comparing names: NFKC (full-width → half-width) with whitespace removed. */
export function normalizeName(name: string): string {
  // Printable ASCII and CJK unified ideographs are already in NFKC and hold no whitespace: most
  // names are only these, and they skip the normalizer and the regex.
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (!((c >= 0x4e00 && c <= 0x9fff) || (c > 0x20 && c < 0x7f))) return name.normalize('NFKC').replace(/\s+/g, '');
  }
  return name;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);

/** Builds the automaton once; reuse the result across texts until the knowledge base changes. */
export function prepareKnown(known: KnownNames): PreparedKnown {
  const ignored = new Set((known.ignored ?? []).map(normalizeName));
  // Trie as parallel arrays: goto edges in a Map per node, failure links, output entry index.
  const edges: Array<Map<string, number>> = [new Map()];
  const fail: number[] = [0];
  const out: number[] = [-1];
  const dictLink: number[] = [-1];
  const entries: Entry[] = [];
  for (const entry of known.entries) {
    const name = normalizeName(entry.name);
    if (name.length < 2 || ignored.has(name)) continue;
    let node = 0;
    for (const ch of name) {
      let next = edges[node].get(ch);
      if (next === undefined) {
        next = edges.length;
        edges.push(new Map());
        fail.push(0);
        out.push(-1);
        dictLink.push(-1);
        edges[node].set(ch, next);
      }
      node = next;
    }
    if (out[node] === -1) {
      out[node] = entries.length;
      entries.push({ ...entry, name });
    }
  }
  // Breadth-first failure links.
  const queue: number[] = [];
  for (const child of edges[0].values()) queue.push(child);
  for (let qi = 0; qi < queue.length; qi++) {
    const node = queue[qi];
    for (const [ch, child] of edges[node]) {
      let f = fail[node];
      while (f !== 0 && !edges[f].has(ch)) f = fail[f];
      const target = edges[f].get(ch);
      fail[child] = target !== undefined && target !== child ? target : 0;
      dictLink[child] = out[fail[child]] !== -1 ? fail[child] : dictLink[fail[child]];
      queue.push(child);
    }
  }
  const depth = (e: Entry) => [...e.name].length;

  return {
    prepared: true,
    isIgnored: (name) => ignored.has(normalizeName(name)),
    find(text) {
      const found: Array<{ start: number; end: number; entry: Entry }> = [];
      let node = 0;
      // Offsets are UTF-16; iterate by code point and track the unit offset of each.
      const starts: number[] = [];
      let pos = 0;
      for (const raw of text) {
        const ch = raw.normalize('NFKC');
        pos += raw.length;
        // Names are stored without whitespace (normalizeName), so spaces and tabs within a line
        // are skipped here too: "Maria Lopez" and "王  军" match "MariaLopez" and "王军". A line
        // break is not skipped: no name runs on into the next block.
        if (ch === ' ' || ch === '\t') continue;
        starts.push(pos - raw.length);
        while (node !== 0 && !edges[node].has(ch)) node = fail[node];
        node = edges[node].get(ch) ?? 0;
        for (let hit = out[node] !== -1 ? node : dictLink[node]; hit > 0; hit = dictLink[hit]) {
          const entry = entries[out[hit]];
          const n = depth(entry);
          const start = starts[starts.length - n];
          const end = pos;
          if (/^[A-Za-z]/.test(entry.name) && (isWordChar(text[start - 1]) || isWordChar(text[end]))) continue;
          found.push({ start, end, entry });
        }
      }
      // Longest leftmost, non-overlapping.
      found.sort((a, b) => a.start - b.start || b.end - a.end);
      const kept: typeof found = [];
      let lastEnd = -1;
      for (const f of found) if (f.start >= lastEnd) { kept.push(f); lastEnd = f.end; }
      return kept;
    },
  };
}

/** Accepts either raw known names or an already prepared matcher. */
export function asPrepared(known: KnownNames | PreparedKnown | undefined): PreparedKnown | undefined {
  if (!known) return undefined;
  return 'prepared' in known ? known : prepareKnown(known);
}
