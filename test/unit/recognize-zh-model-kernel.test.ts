import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelPath } from '../../scripts/lib/node-models';
import { assembleKernel } from '../../scripts/lib/assemble-kernel';
import { decodeModel } from '../../utils/recognize/zh/model/codec';
import { Decoder } from '../../utils/recognize/zh/model/decode';
import { kernelBytes } from '../../utils/recognize/zh/model/decode-kernel.wasm';
import { H, KernelArena, kernelModule } from '../../utils/recognize/zh/model/kernel';

const model = () => decodeModel(new Uint8Array(readFileSync(modelPath('zh'))));
const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', 'jiaozuo-2024-02', name), 'utf8');

/** Texts that reach every path of the loops: names, layout breaks, non-Han classes, a triple-key collision (extra rows), long runs. */
const texts = [
  ...fixture('gold.jsonl').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).text as string),
  fixture('page.txt'),
  '国务院总理李鹏今天在北京会见了世界银行行长沃尔芬森，外交部发言人沈国放介绍了情况。',
  '记者上莔馋报道', '记者万皹岪报道。记者上莔馋报道', // two triples sharing one 32-bit key: the second is added per position
  '\ud800李\udc00鹏\ud83d', '\u0000\u0001\u001f张\u007f三\u200b\ufeff', '𠀀𠀁王𠀂𠀃说', '·'.repeat(50), '1'.repeat(3000), 'a',
  '市教育局党组书记、局长杨建路'.repeat(700), // longer than the first arrays: the kernel's memory is built again, larger
];

describe('the WebAssembly kernel', () => {
  it('runs here (Node has WebAssembly with SIMD, as every browser the extension supports)', () => {
    expect(kernelModule()).not.toBeNull();
    const d = new Decoder(model(), 0);
    d.tag('刘晓军');
    expect(d.runsKernel).toBe(true);
  });

  it('scans and tags every text exactly as the JS loops do, with its caches cold and warm', () => {
    const m = model();
    const kernel = new Decoder(m, 0), js = new Decoder(m, Infinity);
    for (const round of [1, 2]) {
      for (const text of texts) expect(kernel.tag(text), `round ${round}: ${text.slice(0, 20)}`).toEqual(js.tag(text));
    }
    expect(kernel.runsKernel).toBe(true);
    expect(js.runsKernel).toBe(false);
  });

  it('takes over from the JS loop after kernelAfter chars, with the same answers before and after', () => {
    const m = model();
    const text = JSON.parse(fixture('gold.jsonl').split('\n')[0]).text as string;
    const d = new Decoder(m, 2 * text.length), js = new Decoder(m, Infinity);
    const seen: boolean[] = [];
    for (let i = 0; i < 3; i++) {
      expect(d.tag(text)).toEqual(js.tag(text));
      seen.push(d.runsKernel);
    }
    expect(seen).toEqual([false, true, true]);
  });

  it('gives the memory of a huge text back on the next short one, and tags both as the JS loops do', () => {
    const m = model();
    const kernel = new Decoder(m, 0), js = new Decoder(m, Infinity);
    const huge = '新华社北京电 国家主席江泽民会见了美国国务卿奥尔布赖特。'.repeat(45000), short = '市教育局局长杨建路出席。';
    expect(kernel.tag(huge)).toEqual(js.tag(huge));
    expect(kernel.capacity).toBeGreaterThan(huge.length);
    expect(kernel.tag(short)).toEqual(js.tag(short));
    expect(kernel.capacity).toBeLessThan(1 << 13);
    expect(kernel.runsKernel).toBe(true);
  });

  it('is built from decode-kernel.wat: the committed bytes are what `npm run build:wasm` assembles', async () => {
    expect(Buffer.from(kernelBytes()).equals(Buffer.from(await assembleKernel()))).toBe(true);
  });

  it('stays under the 4 KiB Chrome allows a main thread (a page, the popup) to compile synchronously', () => {
    expect(kernelBytes().length).toBeLessThan(4096);
  });

  it('lays its header out with no two entries on one word, inside the 1 KiB at address 0, vectors 16-byte aligned', () => {
    const widths: Partial<Record<keyof typeof H, number>> = { BIAS_LOW: 4, BIAS_HIGH: 4, TRANS: 90, OUT: 9, VITERBI: 52, BP_TABLES: 27 };
    const used = new Map<number, string>();
    for (const [name, at] of Object.entries(H) as Array<[keyof typeof H, number]>) {
      for (let k = 0; k < (widths[name] ?? 1); k++) {
        expect(used.get(at + k), `${name} meets ${used.get(at + k)}`).toBeUndefined();
        used.set(at + k, name);
      }
    }
    expect(Math.max(...used.keys())).toBeLessThan(1024 / 4);
    for (const at of [H.BIAS_LOW, H.BIAS_HIGH, H.VITERBI]) expect(at % 4).toBe(0);
  });

  it('has an arena that refuses to hand out more than it was sized for', () => {
    const arena = new KernelArena(4096);
    arena.i32(512);
    expect(() => arena.u8(4096)).toThrow(/beyond/);
  });
});
