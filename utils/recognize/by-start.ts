/**
 * Ordering spans by start without `Array#sort` where it can be avoided: the recogniser's lists are
 * short and usually sorted already, and a builtin sort with a comparator costs more than the check.
 */

interface Spanned { start: number }

/** Lists at most this long are insertion-sorted (quadratic, so only short ones). */
const INSERTION_MAX = 24;

/**
 * Sorts `list` in place by `order`, stably, and returns it: by insertion for the usual short list
 * (from `from`, the first item out of order), Array#sort (also stable) past INSERTION_MAX.
 */
export function sortSmall<T>(list: T[], order: (a: T, b: T) => number, from = 1): T[] {
  const n = list.length;
  if (n > INSERTION_MAX) return list.sort(order);
  for (let k = Math.max(1, from); k < n; k++) {
    const item = list[k];
    let j = k - 1;
    while (j >= 0 && order(list[j], item) > 0) {
      list[j + 1] = list[j];
      j--;
    }
    list[j + 1] = item;
  }
  return list;
}

const byStart = (a: Spanned, b: Spanned) => a.start - b.start;

/** Sorts `list` by start in place, stably (equal starts keep their order), and returns it. */
export function sortByStart<T extends Spanned>(list: T[]): T[] {
  const n = list.length;
  let k = 1;
  while (k < n && list[k - 1].start <= list[k].start) k++;
  return k >= n ? list : sortSmall(list, byStart, k);
}

/**
 * Two lists sorted by start as one list, the first list's item first at equal starts: what a stable
 * sort of `[...a, ...b]` gives, in one pass. When either is empty the other is returned as it is (most
 * texts leave one side empty, and a copy per merge was a good part of the merging); callers hand in
 * lists they no longer change.
 */
export function mergeByStart<T extends Spanned>(a: T[], b: T[]): T[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: T[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = b[j].start < a[i].start ? b[j++] : a[i++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/**
 * How many of `list` have `key` at or before `at`, where `list` is sorted by that key (spans sorted
 * and apart are sorted by both): a binary search, for the recogniser's questions about huge texts.
 */
export function countUpTo<T extends Spanned & { end: number }>(list: readonly T[], at: number, key: 'start' | 'end'): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid][key] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
