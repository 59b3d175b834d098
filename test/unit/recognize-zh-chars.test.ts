import { describe, expect, it } from 'vitest';
import { sortedPairsHave } from '../../utils/recognize/zh/chars';
import { MINED_NOT_NAME_PAIRS } from '../../utils/recognize/zh/mined-lists';
import { notNamePairAt } from '../../utils/recognize/zh/names';

const pairsOf = (s: string) => Array.from({ length: s.length >> 1 }, (_, i) => s.slice(2 * i, 2 * i + 2));

describe('sortedPairsHave', () => {
  it('answers like a Set of the pairs, ends and misses included', () => {
    const pairs = ['公司', '大学', '医院', '银行', '集团'].sort();
    const list = pairs.join('');
    for (const p of pairs) expect(sortedPairsHave(list, p.charCodeAt(0), p.charCodeAt(1))).toBe(true);
    for (const p of ['公安', '大家', '银子', '一二', '龟龟', '司公']) expect(sortedPairsHave(list, p.charCodeAt(0), p.charCodeAt(1))).toBe(false);
    expect(sortedPairsHave('', 0x516c, 0x53f8)).toBe(false);
    expect(sortedPairsHave(list, NaN, NaN)).toBe(false);
  });

  it('has the mined not-name pairs in code-unit order, as the binary search needs', () => {
    const pairs = pairsOf(MINED_NOT_NAME_PAIRS);
    expect(pairs.length).toBeGreaterThan(1000);
    expect(pairs).toEqual([...pairs].sort());
    for (const p of pairs.filter((_, i) => i % 97 === 0)) expect(notNamePairAt(p, 0)).toBe(true);
    expect(notNamePairAt('班子', 1)).toBe(false);
    expect(notNamePairAt('班子', -1)).toBe(false);
  });
});
