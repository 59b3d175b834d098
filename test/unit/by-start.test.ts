import { describe, expect, it } from 'vitest';
import { countUpTo, mergeByStart, sortByStart } from '@/utils/recognize/by-start';
import { ScratchBytes } from '@/utils/recognize/scratch';

const spans = (starts: number[]) => starts.map((start, id) => ({ start, id }));

describe('sortByStart and mergeByStart', () => {
  it('sort like a stable Array#sort by start, short lists and long', () => {
    for (const n of [0, 1, 5, 24, 25, 200]) {
      const list = spans(Array.from({ length: n }, (_, k) => (k * 7919) % 13));
      const expected = [...list].sort((a, b) => a.start - b.start);
      expect(sortByStart(list)).toEqual(expected);
    }
  });

  it('merge two sorted lists as a stable sort of both would, the first list first at a tie', () => {
    const a = spans([1, 3, 3, 8]);
    const b = spans([0, 3, 9]).map((s) => ({ ...s, id: s.id + 10 }));
    expect(mergeByStart(a, b)).toEqual([...a, ...b].sort((x, y) => x.start - y.start));
  });
});

describe('ScratchBytes', () => {
  it('hands out zeroed bytes again after a caller has written to them', () => {
    const s = new ScratchBytes();
    s.zeroed(100).fill(1, 0, 100);
    expect(s.zeroed(50).subarray(0, 50).every((b) => b === 0)).toBe(true);
    expect(s.zeroed(5000).subarray(0, 5000).every((b) => b === 0)).toBe(true);
    expect(s.zeroed(1 << 20).length).toBe(1 << 20);
  });
});

describe('countUpTo', () => {
  const apart = [{ start: 0, end: 2 }, { start: 3, end: 5 }, { start: 5, end: 9 }, { start: 10, end: 12 }];
  it('counts the spans whose start or end is at or before a position', () => {
    expect([-1, 0, 3, 4, 5, 12].map((at) => countUpTo(apart, at, 'start'))).toEqual([0, 1, 2, 2, 3, 4]);
    expect([1, 2, 5, 8, 9, 20].map((at) => countUpTo(apart, at, 'end'))).toEqual([0, 1, 2, 2, 3, 4]);
    expect(countUpTo([], 5, 'end')).toBe(0);
  });
});
