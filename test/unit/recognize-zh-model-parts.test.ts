import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelPath } from '../../scripts/lib/node-models';
import { decodeModel, lookup, triKey } from '../../utils/recognize/zh/model/codec';
import { Decoder } from '../../utils/recognize/zh/model/decode';
import { CharMisc, SUR_AT, T_CHAR_DIST, T_CHAR_SUR } from '../../utils/recognize/zh/model/char-misc';
import { contextKey, ContextMemo, memoSlot } from '../../utils/recognize/zh/model/context-memo';
import { FoldedRows, MID_WIDTH } from '../../utils/recognize/zh/model/folded-rows';
import { PairSet } from '../../utils/recognize/zh/model/pair-set';
import { slotOf } from '../../utils/recognize/zh/model/key-table';
import { PW } from '../../utils/recognize/zh/model/packed-rows';
import { grownFor } from '../../utils/recognize/zh/model/grow';
import { CHAR_SLOTS, MISC_AT, newCharSlots } from '../../utils/recognize/zh/model/char-slots';

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
    const slots = newCharSlots();
    const cm = new CharMisc(m.misc, slots);
    for (const ch of '局李的，A') {
      const c = ch.charCodeAt(0);
      const at = cm.block(c);
      expect(slots[CHAR_SLOTS * c + MISC_AT]).toBe(at); // where the decoder finds it
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
  it('holds the middle of a char row (sub-rows 1 .. 4) with the row of the pair it starts added', () => {
    const m = model();
    const folded = new FoldedRows(m.w, m.uni, m.bi);
    let pairs = 0;
    for (const [a, b] of ['李鹏', '北京', '银行', '国务', '见了']) {
      const ca = a.charCodeAt(0), e = lookup(m.bi, (ca << 16) | b.charCodeAt(0)), u = m.uni[ca];
      if (e === 0) continue;
      pairs++;
      const slot = slotOf(folded.pairs, (ca << 16) | b.charCodeAt(0));
      const o = folded.pair(ca, slot);
      expect(folded.pair(ca, slot)).toBe(o); // built once
      expect(folded.pairs.slots[slot + 1]).toBe(-o); // and found by the pair lookup from then on
      for (let k = 0; k < MID_WIDTH; k++) {
        for (let q = 0; q < PW; q++) {
          const want = (u ? m.w[u + PW * (k + 1) + q] : 0) + m.w[e + PW * k + q];
          expect(folded.rows[o + PW * k + q]).toBe(want);
        }
      }
      const alone = folded.char(ca);
      expect([...folded.rows.subarray(alone, alone + 4 * PW)]).toEqual([...m.w.subarray(u + PW, u + 5 * PW)]);
    }
    expect(pairs).toBeGreaterThan(2);
    expect(folded.char(0xe000)).toBe(0); // a char without a row reads the zero row
    expect([...folded.rows.subarray(0, 4 * PW)].every((v) => v === 0)).toBe(true);
  });

  it('folds a triple in at positions 0 .. +2 (char sub-rows 1 .. 3), with the pair it starts with or without one', () => {
    const m = model();
    const folded = new FoldedRows(m.w, m.uni, m.bi);
    const want = (c: number, e: number, t: number) => {
      const u = m.uni[c], out: number[] = [];
      for (let k = 0; k < MID_WIDTH; k++) {
        for (let q = 0; q < PW; q++) {
          out.push((u ? m.w[u + PW * (k + 1) + q] : 0) + (e ? m.w[e + PW * k + q] : 0) + (k < 3 ? m.w[t + PW * k + q] : 0));
        }
      }
      return out;
    };
    const row = (o: number) => [...folded.rows.subarray(o, o + MID_WIDTH * PW)];
    // any triple row will do: the cache is keyed by the triple's entry and checks the pair it was built with
    let t = 0;
    for (let s = 1; s < m.tri.slots.length && t === 0; s += 2) t = m.tri.slots[s];
    const c1 = '李'.charCodeAt(0), e1 = lookup(m.bi, (c1 << 16) | '鹏'.charCodeAt(0)), c2 = '北'.charCodeAt(0);
    expect(e1).not.toBe(0);
    const p1 = folded.pair(c1, slotOf(folded.pairs, (c1 << 16) | '鹏'.charCodeAt(0)));
    const o1 = folded.triple(c1, p1, t);
    expect(row(o1)).toEqual(want(c1, e1, t));
    expect(folded.triple(c1, p1, t)).toBe(o1); // built once
    // the same triple entry after another first pair (a hash collision) or none: not folded (the caller
    // adds the triple), so a crafted text cannot grow the cache; the first row is kept
    expect(folded.triple(c2, 0, t)).toBe(0);
    expect(folded.triple(c1, 0, t)).toBe(0);
    expect(folded.triple(c1, p1, t)).toBe(o1);
    expect(row(o1)).toEqual(want(c1, e1, t));
  });

  it('tags a triple the same whether it was folded or its entry was taken by a colliding triple', () => {
    const m = model();
    // two Han triples whose 32-bit keys equal one triple key of the model (found by solving for the third
    // char); in this context that triple's row alone makes the person span
    const [A, B] = ['万皹岪', '上莔馋'];
    const key = (f: string) => triKey(f.charCodeAt(0), f.charCodeAt(1), f.charCodeAt(2));
    expect(key(A)).toBe(key(B));
    expect(lookup(m.tri, key(B))).not.toBe(0);
    const fresh = (first?: string) => { const d = new Decoder(m); if (first) d.tag(first); return d; };
    const text = `记者${B}报道`, want = [{ type: 'person', start: 2, end: 5 }];
    expect(fresh().tag(text)).toEqual(want); // B's row folded
    expect(fresh(`记者${A}报道`).tag(text)).toEqual(want); // A's row folded first: B added per position
    expect(fresh().tag(`${A}。${text}`)).toEqual([want[0]].map((s) => ({ ...s, start: s.start + 4, end: s.end + 4 })));
  });
});

describe('grownFor', () => {
  it('keeps an array that holds what is needed, and doubles one that does not, keeping its words', () => {
    const a = Int32Array.from([1, 2, 3, 4]);
    expect(grownFor(a, 4)).toBe(a);
    const b = grownFor(a, 5);
    expect(b.length).toBe(8);
    expect([...b.subarray(0, 4)]).toEqual([1, 2, 3, 4]);
    expect(grownFor(a, 20).length).toBe(20);
  });
});
