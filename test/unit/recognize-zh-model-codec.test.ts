import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelPath } from '../../scripts/lib/node-models';
import { decodeModel, encodeModel, lookup, type Group } from '../../utils/recognize/zh/model/codec';
import { Decoder } from '../../utils/recognize/zh/model/decode';
import { highLane, lowLane, pushPacked } from '../../utils/recognize/zh/model/packed-rows';

const TEXT = '国务院总理李鹏今天在北京会见了世界银行行长沃尔芬森，外交部发言人沈国放介绍了情况。';

describe('zh tagger model codec', () => {
  it('sums packed sub-rows lane by lane, relative to O, for the most extreme 21 sub-rows', () => {
    const rows = [[-128, 127, -128, 127, -128, 127, -128, 127, -128], [127, -128, 127, -128, 127, -128, 127, -128, 127]];
    for (const row of rows) {
      const words: number[] = [];
      pushPacked(words, row, 0);
      const sums = words.map((v) => v * 21);
      const got = sums.flatMap((s) => [lowLane(s), highLane(s)]);
      expect(got).toEqual(row.slice(1).map((v) => (v - row[0]) * 21));
    }
  });

  it('tags the same from bytes that are not 4-aligned in memory (copied once)', () => {
    const file = new Uint8Array(readFileSync(modelPath('zh')));
    const shifted = new Uint8Array(file.length + 1).subarray(1);
    shifted.set(file);
    expect(new Decoder(decodeModel(shifted)).tag(TEXT)).toEqual(new Decoder(decodeModel(file)).tag(TEXT));
  });

  it('rejects a truncated file', () => {
    const file = new Uint8Array(readFileSync(modelPath('zh')));
    expect(() => decodeModel(file.subarray(0, file.length - 4))).toThrow(/bad length/);
  });

  it('round-trips a tiny model: the writer packs what the decoder sums', () => {
    const NT = 9;
    const row = (...w: number[]) => w.concat(Array(NT - w.length).fill(0));
    // one uni row: sub-row 3 (the tagged char itself) votes S-P for 李; O gets a bias of 1
    const uni = new Int8Array(7 * NT);
    uni.set(row(0, 0, 0, 0, 5), 3 * NT);
    const empty = { keys: [], rows: new Int8Array(0) };
    const groups: Group[] = [{ keys: ['李'.charCodeAt(0)], rows: uni }, empty, empty, empty, empty];
    const m = encodeModel({ trans: new Int16Array(10 * NT), end: new Int16Array(NT), bias: Int16Array.from(row(1)), lex: { surnames: '', orgEnd1: '', orgEnd2: '' }, groups });
    expect(m.bytes.length % 4).toBe(0);
    expect(new Decoder(decodeModel(m.bytes)).tag('我见李')).toEqual([{ type: 'person', start: 2, end: 3 }]);
  });

  it('stores the n-gram tables as laid out: every key finds its row, absent keys read none', () => {
    const NT = 9;
    const rows = (n: number, width: number) => new Int8Array(n * width * NT).fill(1);
    const keys = [3, 0x10002, 0x7fffffff, 0x80000000, 0xffffffff];
    const groups: Group[] = [{ keys: [], rows: rows(0, 7) }, { keys, rows: rows(keys.length, 4) }, { keys: [], rows: rows(0, 1) }, { keys: [9], rows: rows(1, 3) }, { keys: [], rows: rows(0, 1) }];
    const m = decodeModel(encodeModel({ trans: new Int16Array(10 * NT), end: new Int16Array(NT), bias: new Int16Array(NT), lex: { surnames: '', orgEnd1: '', orgEnd2: '' }, groups }).bytes);
    // rows follow the zero row (7 × 4 words), 4 sub-rows of 4 words each
    keys.forEach((k, j) => expect(lookup(m.bi, k | 0)).toBe(28 + 16 * j));
    expect(lookup(m.tri, 9)).toBe(28 + 16 * keys.length);
    for (const k of [0, 4, 9, -2]) expect(lookup(m.bi, k)).toBe(0);
    expect(lookup(m.skip, 3)).toBe(0);
  });
});
