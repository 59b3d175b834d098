import { describe, expect, it } from 'vitest';
import { CharSet } from '../../utils/recognize/zh/chars';
import { SCAN_CLASS, PERSON_NAME_START, PERSON_PLAIN_HAN } from '../../utils/recognize/zh/scan-class';
import '../../utils/recognize/zh';

describe('CharSet', () => {
  it('visits exactly the codes of the set inside a range, in order', () => {
    const set = new CharSet('a王李张\u4e00\u9fff');
    const seen: number[] = [];
    set.forEachCode(0x4e00, 0x9fff, (c) => seen.push(c));
    expect(seen.map((c) => String.fromCharCode(c))).toEqual(['\u4e00', '张', '李', '王', '\u9fff']);
    const none: number[] = [];
    set.forEachCode(0x4e01, 0x5000, (c) => none.push(c));
    expect(none).toEqual([]);
  });
});

describe('the shared scan table', () => {
  it('marks surnames as name starts and title endings as no plain Han', () => {
    expect(SCAN_CLASS['王'.charCodeAt(0)] & PERSON_NAME_START).toBe(PERSON_NAME_START);
    // 长 ends 局长: a name may follow it, so it is a cue, not plain Han
    expect(SCAN_CLASS['长'.charCodeAt(0)] & PERSON_PLAIN_HAN).toBe(0);
    expect(SCAN_CLASS['的'.charCodeAt(0)] & PERSON_PLAIN_HAN).toBe(PERSON_PLAIN_HAN);
    // nothing outside the Han blocks
    expect(SCAN_CLASS['a'.charCodeAt(0)] & (PERSON_NAME_START | PERSON_PLAIN_HAN)).toBe(0);
  });
});
