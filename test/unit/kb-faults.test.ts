import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DossierDb, openKb, UpgradeBlockedError } from '@/utils/kb/db';
import { recordReading } from '@/utils/kb/record-reading';
import { exportBackup, importBackup, parseBackup } from '@/utils/kb/backup';
import { addNote } from '@/utils/kb/notes';
import { explainStorageError } from '@/utils/kb/storage-errors';
import { SCHEMA_VERSIONS } from '@/utils/kb/schema';
import { getStats } from '@/utils/kb/queries';
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

/** Ends a fault: the profile must be exactly as before it; the fault's row goes into the summary. */
async function expectNothingLost(fault: string, failure: unknown, before: Awaited<ReturnType<typeof snapshot>>) {
  vi.restoreAllMocks();
  const after = await snapshot();
  noteFault(fault, explainStorageError(failure).message, recordCount(before), recordCount(after));
  expect(after).toEqual(before);
}

/** Three readings in the profile, and a backup of five others (from number `first` on) to import into it. */
async function profileAndBackup(first: number) {
  for (let n = 1; n <= 3; n++) await recordReading(db, article(n).input, article(n).mentions);
  const other = new DossierDb(`faults-other-${Math.random()}`);
  for (let n = first; n < first + 5; n++) await recordReading(other, article(n).input, article(n).mentions);
  const parsed = parseBackup(JSON.stringify(await exportBackup(other)));
  await other.delete();
  if (!parsed.ok) throw new Error(`the other profile's backup was refused: ${parsed.error}`);
  return parsed.backup;
}

/** Records in every table of a snapshot: what a fault must not lower. */
const recordCount = (snap: Awaited<ReturnType<typeof snapshot>>) => Object.values(snap.tables).reduce((n, rows) => n + (rows as unknown[]).length, 0);

/** One row per fault injected, printed as the summary `npm test` shows (the hostile-page table is the browsers'). */
const faults: Array<{ fault: string; message: string; lost: number }> = [];
const noteFault = (fault: string, message: string, before: number, after: number) => faults.push({ fault, message, lost: Math.max(0, before - after) });
afterAll(() => {
  const rows = faults.map((f) => `| ${f.fault} | ${f.message || '(none due)'} | ${f.lost} |`);
  console.log(['Database faults injected (records lost must be 0):', '| fault | message shown | records lost |', '| --- | --- | --- |', ...rows].join('\n'));
});

describe('a full disk', () => {
  it('during recording: a clear message, and everything stored before is still there, exactly', async () => {
    for (let n = 1; n <= 3; n++) await recordReading(db, article(n).input, article(n).mentions);
    await addNote(db, { kind: 'article', id: 1 }, '不能丢的笔记');
    const before = await snapshot();
    fillDiskAfter(2);
    const failure = await recordReading(db, article(4).input, article(4).mentions).catch((e: unknown) => e);
    expect(failure).toBeTruthy();
    expect(explainStorageError(failure).message).toMatch(/disk is full.*Nothing saved before was lost/);
    await expectNothingLost('full disk while recording', failure, before);
  });

  it('during an import: a clear message, and nothing half-imported', async () => {
    const backup = await profileAndBackup(10);
    const before = await snapshot();
    fillDiskAfter(6);
    const failure = await importBackup(db, backup, 'merge').catch((e: unknown) => e);
    expect(explainStorageError(failure).message).toMatch(/disk is full/);
    await expectNothingLost('full disk during an import', failure, before);
  });
});

describe('a crash in the middle of an import', () => {
  it('aborts its transaction: nothing half-imported, nothing stored before lost', async () => {
    const backup = await profileAndBackup(20);
    const before = await snapshot();
    // The worker dies after the articles went in: IndexedDB aborts the open transaction.
    const original = db.entities.bulkAdd.bind(db.entities);
    vi.spyOn(db.entities, 'bulkAdd').mockImplementation(((...args: Parameters<typeof original>) => {
      Dexie.currentTransaction?.abort();
      return original(...args);
    }) as never);
    const failure = await importBackup(db, backup, 'merge').catch((e: unknown) => e);
    expect(failure).toBeTruthy();
    expect(explainStorageError(failure).message).toMatch(/interrupted.*nothing saved before was lost/i);
    await expectNothingLost('crash in the middle of an import', failure, before);
  });
});

describe('ten tabs recording at once', () => {
  it('every reading is stored once, with exact counts', async () => {
    await recordReading(db, article(1).input, article(1).mentions);
    const before = await snapshot();
    const tabs = Array.from({ length: 10 }, (_, i) => article(30 + i));
    await Promise.all(tabs.map((a) => recordReading(db, a.input, a.mentions)));
    const after = await snapshot();
    noteFault('ten tabs recording at once', '', recordCount(before), recordCount(after));
    expect(await getStats(db)).toEqual({ articles: 11, people: 1, orgs: 1, figures: 11, notes: 0 });
    const liu = await db.entities.where('type').equals('person').first();
    expect(liu).toMatchObject({ articleCount: 11, mentionCount: 11 });
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
    const titles = (await newer.articles.toArray()).map((a) => a.title);
    noteFault('upgrade blocked by an older window', explainStorageError(new UpgradeBlockedError()).message, 1, titles.length);
    expect(titles).toEqual(['旧文章']);
    newer.close();
    await newer.delete();
  });
});
