import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DossierDb } from '@/utils/kb/db';
import { CURRENT_VERSION, SCHEMA_VERSIONS } from '@/utils/kb/schema';
import { search } from '@/utils/kb/queries';
import { listNotes } from '@/utils/kb/notes';

interface Fixture { version: number; tables: Record<string, unknown[]> }
const dir = 'test/fixtures/kb';
const fixtures: Fixture[] = readdirSync(dir).filter((f) => /^v\d+\.json$/.test(f)).map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')));

/** Writes a fixture into a database that knows only the versions up to the fixture's. */
async function databaseAt(fixture: Fixture, name: string) {
  const old = new DossierDb(name, SCHEMA_VERSIONS.filter((v) => v.version <= fixture.version));
  await old.open();
  expect(old.verno).toBe(fixture.version);
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();
}

describe('schema migrations', () => {
  it('has a fixture database for every version before the newest', () => {
    const have = new Set(fixtures.map((f) => f.version));
    for (const v of SCHEMA_VERSIONS) if (v.version < CURRENT_VERSION) expect(have, `fixture for version ${v.version}`).toContain(v.version);
  });

  it.each(fixtures.map((f) => [f.version, f] as const))('a database written by version %i upgrades to the newest and keeps every record', async (_v, fixture) => {
    const name = `migrate-${fixture.version}-${Math.random()}`;
    await databaseAt(fixture, name);
    const db = new DossierDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    for (const [table, rows] of Object.entries(fixture.tables)) {
      const now = await db.table(table).toArray();
      expect(now, table).toHaveLength(rows.length);
      // Every field the old version wrote is still there, unchanged.
      for (const row of rows as Array<Record<string, unknown>>) expect(now).toContainEqual(expect.objectContaining(row));
    }
    // What the new version adds works on the old data: substring search over names, notes and titles.
    const found = await search(db, '晓军');
    expect(found.entities.map((e) => e.name)).toEqual(['刘晓军']);
    expect((await search(db, '规划局')).entities.map((e) => e.name)).toEqual(['焦作市自然资源和规划局']);
    expect((await listNotes(db, { query: '讲座' })).notes.map((n) => n.id)).toEqual([2]);
    expect((await search(db, '千人')).articles).toHaveLength(1);
    db.close();
    await db.delete();
  });
});
