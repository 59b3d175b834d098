import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { modelPath } from '../../scripts/lib/node-models';

/** A fresh copy of the recogniser, with no model installed (the setup file installs them in the shared one). */
async function freshRecognizer() {
  vi.resetModules();
  return import('../../utils/recognize/index');
}

const zhBytes = () => new Uint8Array(readFileSync(modelPath('zh')));
const SENTENCE = '市教育局党组书记、局长杨建路出席会议，王小明参加。';

describe('recogniser models', () => {
  beforeEach(() => vi.resetModules());

  it('says which model is missing instead of quietly recognising less', async () => {
    const r = await freshRecognizer();
    expect(() => r.recognize(SENTENCE, { lang: 'zh' })).toThrow(r.ModelNotLoadedError);
    expect(() => r.recognize(SENTENCE, { lang: 'zh' })).toThrow(/zh recogniser model is not loaded.*models\/zh-tagger\.bin/);
    r.installModel('zh', zhBytes());
    expect(r.recognize(SENTENCE, { lang: 'zh' }).map((m) => m.text)).toContain('杨建路');
    expect(() => r.recognize('The Federal Reserve hired 1,200 people.', { lang: 'en' })).toThrow(r.ModelNotLoadedError);
  });

  it('finds the tagger-only name with the model and not with a broken one, where the rules still work', async () => {
    const r = await freshRecognizer();
    r.installModel('zh', zhBytes());
    const withModel = r.recognize(SENTENCE, { lang: 'zh' }).map((m) => m.text);
    expect(withModel).toContain('王小明'); // no title: only the learned tagger finds it
    const broken = zhBytes().slice(0, 5000);
    r.installModel('zh', broken);
    const said = vi.spyOn(console, 'error').mockImplementation(() => {});
    const without = r.recognize(SENTENCE, { lang: 'zh' }).map((m) => m.text);
    r.recognize(SENTENCE, { lang: 'zh' });
    expect(said).toHaveBeenCalledTimes(1); // the broken model is reported once, not on every text
    said.mockRestore();
    expect(without).toContain('杨建路');
    expect(without).toContain('市教育局');
    expect(without).not.toContain('王小明');
  });

  it('reads each model file once for concurrent texts, and again after a failed read', async () => {
    const r = await freshRecognizer();
    let reads = 0;
    let fail = true;
    const read: import('../../utils/recognize/index').ModelReader = async (lang) => {
      reads++;
      if (fail) throw new Error('disk on fire');
      return (lang === 'zh' ? zhBytes() : readFileSync(modelPath('en'), 'utf8')) as never;
    };
    await expect(r.ensureModels(['zh'], read)).rejects.toThrow('disk on fire');
    expect(r.hasModel('zh')).toBe(false);
    fail = false;
    await Promise.all([r.ensureModels(['zh'], read), r.ensureModels(['zh', 'en'], read), r.ensureModels(['zh'], read)]);
    expect(reads).toBe(3); // the failed one, then zh and en once each
    expect(r.hasModel('zh') && r.hasModel('en')).toBe(true);
    await r.ensureModels(['zh', 'en'], read);
    expect(reads).toBe(3);
  });
});
