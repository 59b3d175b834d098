import { describe, expect, it } from 'vitest';
import { isDisjointByStart, isSortedByStart, isSortedDisjoint, ReachWalk, SpanWalk } from '../../utils/recognize/span-walk';

interface Span { start: number; end: number }

/** A small deterministic generator, so a failure names its seed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Sorted, disjoint, non-empty spans within [0, length). */
function disjoint(next: () => number, length: number): Span[] {
  const out: Span[] = [];
  for (let at = Math.floor(next() * 4); at < length - 1; ) {
    const end = Math.min(length, at + 1 + Math.floor(next() * 5));
    out.push({ start: at, end });
    at = end + Math.floor(next() * 6);
  }
  return out;
}

const overlaps = (t: Span, s: number, e: number) => t.end > t.start && t.start < e && t.end > s;

describe('span walks', () => {
  it('SpanWalk finds the first span overlapping each query asked in text order, as a search over the list does', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const next = rng(seed);
      const list = disjoint(next, 60);
      expect(isSortedDisjoint(list)).toBe(true);
      const walk = new SpanWalk(list);
      for (let s = 0; s < 60; s += 1 + Math.floor(next() * 3)) {
        const e = s + 1 + Math.floor(next() * 6);
        expect(walk.first(s, e), `seed ${seed} [${s}, ${e})`).toBe(list.find((t) => overlaps(t, s, e)));
      }
    }
  });

  it('ReachWalk says whether a query meets either list, overlaps within a list allowed, for ends that never decrease', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const next = rng(seed);
      const a = disjoint(next, 60);
      // the second list overlaps itself (a person extended over the next one), still sorted by start
      const b = disjoint(next, 60).map((t) => ({ start: t.start, end: t.end + Math.floor(next() * 8) }));
      expect(isSortedByStart(b)).toBe(true);
      const walk = new ReachWalk(a, b);
      for (const q of disjoint(next, 60)) {
        expect(walk.hits(q.start, q.end), `seed ${seed} [${q.start}, ${q.end})`).toBe([...a, ...b].some((t) => overlaps(t, q.start, q.end)));
      }
    }
  });

  it('tells lists the walks cannot answer: unsorted, overlapping or holding an empty span', () => {
    expect(isSortedDisjoint([{ start: 0, end: 2 }, { start: 1, end: 3 }])).toBe(false);
    expect(isSortedDisjoint([{ start: 2, end: 2 }])).toBe(false);
    expect(isSortedByStart([{ start: 3, end: 4 }, { start: 1, end: 2 }])).toBe(false);
  });

  it('isDisjointByStart lets empty spans pass anywhere, as overlap resolution skips them', () => {
    expect(isDisjointByStart([{ start: 0, end: 2 }, { start: 5, end: 5 }, { start: 2, end: 4 }])).toBe(true);
    expect(isDisjointByStart([{ start: 0, end: 2 }, { start: 1, end: 3 }])).toBe(false);
    expect(isDisjointByStart([{ start: 3, end: 4 }, { start: 1, end: 2 }])).toBe(false);
  });
});
