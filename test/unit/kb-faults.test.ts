import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DossierDb, openKb, UpgradeBlockedError } from '@/utils/kb/db';
import { recordReading } from '@/utils/kb/record-reading';
import { exportBackup, importBackup, parseBackup } from '@/utils/kb/backup';
import { addNote } from '@/utils/kb/notes';
import { explainStorageError } from '@/utils/kb/storage-errors';
import { SCHEMA_VERSIONS } from '@/utils/kb/schema';
import type { ArticleInput } from '@/utils/messages';
import type { Mention } from '@/utils/recognize/types';

function article(n: number): { input: ArticleInput; mentions: Mention[] } {
  const text = `第${n}篇：局长刘晓军到市气象局调研，统计${n}个项目。`;
  const at = (s: string) => text.indexOf(s);
  return {
    input: { url: `https://news.example.com/${n}.html`, canonicalUrl: null, siteName: '焦作新闻网', title: `第${n}篇`, publishedAt: '2024-02-07', lang: 'zh', text },
    mentions: [
      { type: 'person', start: at('刘晓军'), end: at('刘晓军') + 3, text: '刘晓军', titles: ['局长'], org: null, official: true },
      { type: 'org', start: at('市气象局'), end: at('市气象局') + 4, text: '市气象局', kind: 'gov' },
      { type: 'number', start: at(`${n}个`), end: at(`${n}个`) + String(n).length + 1, text: `${n}个`, value: n, unit: '个' },
    ],
  };
}

/** Makes IndexedDB writes fail like a full disk after `okWrites` successful ones. */
function fillDiskAfter(okWrites: number) {
  let writes = 0;
  const proto = IDBObjectStore.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const originals = { add: proto.add, put: proto.put };
  for (const method of ['add', 'put'] as const) {
    vi.spyOn(proto, method).mockImplementation(function (this: IDBObjectStore, ...args: unknown[]) {
      if (++writes > okWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return originals[method].apply(this, args);
    });
  }
}

let db: DossierDb;
beforeEach(() => {
  db = new DossierDb(`faults-${Math.random()}`);
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

const snapshot = async () => {
  const { exportedAt: _, ...rest } = await exportBackup(db);
  return rest;
};

describe('a full disk', () => {
  it('during recording: a clear message, and everything stored before is still there, exactly', async () => {
    for (let n = 1; n <= 3; n++) await recordReading(db, article(n).input, article(n).mentions);
    await addNote(db, { kind: 'article', id: 1 }, '不能丢的笔记');
    const before = await snapshot();
    fillDiskAfter(2);
    const failure = await recordReading(db, article(4).input, article(4).mentions).catch((e: unknown) => e);
    expect(failure).toBeTruthy();
    expect(explainStorageError(failure).message).toMatch(/disk is full.*Nothing saved before was lost/);
    vi.restoreAllMocks();
    expect(await snapshot()).toEqual(before);
  });

  it('during an import: a clear message, and nothing half-imported', async () => {
    for (let n = 1; n <= 3; n++) await recordReading(db, article(n).input, article(n).mentions);
    const other = new DossierDb(`faults-other-${Math.random()}`);
    for (let n = 10; n <= 14; n++) await recordReading(other, article(n).input, article(n).mentions);
    const parsed = parseBackup(JSON.stringify(await exportBackup(other)));
    await other.delete();
    expect(parsed.ok).toBe(true);
    const before = await snapshot();
    fillDiskAfter(6);
    const failure = await importBackup(db, (parsed as { ok: true; backup: never }).backup, 'merge').catch((e: unknown) => e);
    expect(explainStorageError(failure).message).toMatch(/disk is full/);
    vi.restoreAllMocks();
    expect(await snapshot()).toEqual(before);
  });
});

describe('an upgrade blocked by an older window', () => {
  it('says so clearly, then opens with every record once the old window lets go', async () => {
    const name = `blocked-${Math.random()}`;
    const v1 = SCHEMA_VERSIONS.filter((v) => v.version === 1);
    // The "old tab": a connection of the previous version that ignores requests to close.
    const old = new DossierDb(name, v1);
    old.on('versionchange', () => false);
    await old.open();
    await old.articles.add({ url: 'https://a/1', site: 'a', title: '旧文章', publishedAt: null, firstReadAt: 1, readAt: 1, lang: 'zh', hash: 'h', textLength: 1, mentionCount: 0 } as never);

    const newer = new DossierDb(name);
    await expect(openKb(newer, 200)).rejects.toBeInstanceOf(UpgradeBlockedError);
    expect(explainStorageError(new UpgradeBlockedError()).message).toMatch(/another window still uses the old version/);
    old.close();
    await openKb(newer, 2000);
    expect((await newer.articles.toArray()).map((a) => a.title)).toEqual(['旧文章']);
    newer.close();
    await newer.delete();
  });
});
