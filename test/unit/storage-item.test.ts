import { describe, expect, it } from 'vitest';
import { localItem } from '@/utils/storage-item';
import { settingsItem } from '@/utils/settings';

describe('a value in the extension’s local storage', () => {
  it('reads the fallback until a value is stored, and again once it is removed', async () => {
    const item = localItem('colour', 'blue');
    expect(await item.getValue()).toBe('blue');
    await item.setValue('red');
    expect(await item.getValue()).toBe('red');
    await item.removeValue();
    expect(await item.getValue()).toBe('blue');
  });

  it('reads what was stored under its key before (the settings WXT storage wrote as local:settings)', async () => {
    await browser.storage.local.set({ settings: { palette: 'soft' } });
    expect(await settingsItem.getValue()).toEqual({ palette: 'soft' });
  });

  it('tells a watcher of each change of its own key, not of writes that change nothing, of other keys or of other storage areas', async () => {
    const item = localItem<{ n: number } | null>('counter', null);
    const seen: Array<{ n: number } | null> = [];
    const unwatch = item.watch((v) => seen.push(v));
    await item.setValue({ n: 1 });
    await item.setValue({ n: 1 });
    await browser.storage.local.set({ other: 5 });
    await browser.storage.sync.set({ counter: { n: 9 } });
    await item.setValue({ n: 2 });
    await item.removeValue();
    unwatch();
    await item.setValue({ n: 3 });
    expect(seen).toEqual([{ n: 1 }, { n: 2 }, null]);
  });
});
