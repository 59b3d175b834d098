import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelPath } from '../../scripts/lib/node-models';
import { decodeModel, lookup } from '../../utils/recognize/zh/model/codec';
import { CharMisc, SUR_AT, T_CHAR_DIST, T_CHAR_SUR } from '../../utils/recognize/zh/model/char-misc';
import { contextKey, ContextMemo, memoSlot } from '../../utils/recognize/zh/model/context-memo';
import { FoldedRows } from '../../utils/recognize/zh/model/folded-rows';
import { PairSet } from '../../utils/recognize/zh/model/pair-set';
import { PW } from '../../utils/recognize/zh/model/packed-rows';

const model = () => decodeModel(new Uint8Array(readFileSync(modelPath('zh'))));

describe('PairSet', () => {
  it('answers like a Set of the same pairs', () => {
    const pairs = [...'公司大学医院银行'].map((c, i, a) => (c.charCodeAt(0) << 16) | a[(i + 1) % a.length].charCodeAt(0));
    const set = new PairSet(pairs);
    for (const p of pairs) expect(set.has(p)).toBe(true);
    for (const p of [1, (0x516c << 16) | 0x5b66, 0x7fffffff, -1]) expect(set.has(p)).toBe(pairs.includes(p));
    expect(new PairSet([]).has(5)).toBe(false);
  });

  it('never holds the pair of two NULs (key 0), which an empty slot would otherwise match', () => {
    const set = new PairSet([(0x516c << 16) | 0x53f8]);
    expect(set.has(0)).toBe(false);
  });
});

describe('CharMisc', () => {
  it('holds for each char exactly the entries of its two per-char misc templates', () => {
    const m = model();
    const cm = new CharMisc(m.misc);
    for (const ch of '局李的，A') {
      const c = ch.charCodeAt(0);
      const at = cm.block(c);
      expect(cm.index[c]).toBe(at);
      for (let payload = 0; payload < 16; payload++) {
        expect(cm.entries[at + payload]).toBe(lookup(m.misc, (T_CHAR_DIST << 24) | (payload << 16) | c));
        expect(cm.entries[at + SUR_AT + payload]).toBe(lookup(m.misc, (T_CHAR_SUR << 24) | (payload << 16) | c));
      }
    }
  });
});

describe('ContextMemo', () => {
  it('keeps the sum of the four context templates’ sub-rows', () => {
    const m = model();
    const memo = new ContextMemo(m.misc, m.w);
    // classes: Han around, surname flags 0b0010, org ending 3 chars ahead (and 4 at -1)
    const tail = (1 << 4) | (1 << 8) | (1 << 12) | (1 << 16);
    const ctx = contextKey(1, tail, 2, 3, 4), slot = memoSlot(ctx);
    const at = memo.fill(slot, ctx);
    expect(memo.keys[slot]).toBe(ctx);
    const want = new Array(PW).fill(0);
    for (const key of [(1 << 24) | 1 | tail, (2 << 24) | 2 | tail, (3 << 24) | 3 | (1 << 8), (5 << 24) | 3 | (4 << 8) | (1 << 16)]) {
      const e = lookup(m.misc, key);
      for (let q = 0; q < PW; q++) want[q] += e ? m.w[e + q] : 0;
    }
    expect([...memo.sums.subarray(at, at + PW)]).toEqual(want);
  });
});

describe('FoldedRows', () => {
  it('holds a char row with the row of the pair it starts added at positions -1 .. +2 (sub-rows 1 .. 4)', () => {
    const m = model();
    const folded = new FoldedRows(m.w, m.uni);
    let pairs = 0;
    for (const [a, b] of ['李鹏', '北京', '银行', '国务', '见了']) {
      const ca = a.charCodeAt(0), e = lookup(m.bi, (ca << 16) | b.charCodeAt(0)), u = m.uni[ca];
      if (e === 0) continue;
      pairs++;
      const o = folded.pair(ca, e);
      expect(folded.pair(ca, e)).toBe(o); // built once
      for (let k = 0; k < 7; k++) {
        for (let q = 0; q < PW; q++) {
          const want = (u ? m.w[u + PW * k + q] : 0) + (k >= 1 && k <= 4 ? m.w[e + PW * (k - 1) + q] : 0);
          expect(folded.rows[o + PW * k + q]).toBe(want);
        }
      }
      const alone = folded.char(ca);
      expect([...folded.rows.subarray(alone, alone + 7 * PW)]).toEqual([...m.w.subarray(u, u + 7 * PW)]);
    }
    expect(pairs).toBeGreaterThan(2);
    expect(folded.char(0xe000)).toBe(0); // a char without a row reads the zero row
    expect([...folded.rows.subarray(0, 7 * PW)].every((v) => v === 0)).toBe(true);
  });
});
