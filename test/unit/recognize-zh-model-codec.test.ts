import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelPath } from '../../scripts/lib/node-models';
import { decodeModel, encodeModel, type Group } from '../../utils/recognize/zh/model/codec';
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
});
