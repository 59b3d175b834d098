import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Backup, exportBackup, importBackup, parseBackup, previewImport, TABLES, type TableName } from '@/utils/kb/backup';
import { DossierDb } from '@/utils/kb/db';
import { CURRENT_VERSION } from '@/utils/kb/schema';
import { ignoreName, KbError, mergeEntities, setIgnored } from '@/utils/kb/entity-ops';
import { addNote, listNotes } from '@/utils/kb/notes';
import { search } from '@/utils/kb/queries';
import { entityKey, recordReading } from '@/utils/kb/record-reading';
import type { FigureRecord } from '@/utils/kb/types';
import { article } from './kb-test-articles';

const a1 = article('https://news.example.com/a01.html', '[[o:市自然资源和规划局]]党组书记、局长[[p:刘晓军|党组书记,局长|市自然资源和规划局]]出席活动。全年办理建设工程规划许可证[[n:55个|55|个]]。', '2024-02-07');
const a2 = article('https://news.example.com/a02.html', '[[p:刘晓军|局长|市自然资源和规划局]]主持会议，[[p:崔峰|副局长|市自然资源和规划局]]参加。全年办理建设工程规划许可证[[n:48个|48|个]]。', '2023-02-01');
const a3 = article('https://news.example.com/a03.html', '[[p:刘局长]]与[[p:崔峰|副局长|市自然资源和规划局]]到[[o:市气象局]]调研，发放资金[[n:-3.5万元|-3.5|万元]]。', '2024-03-01');
const a4 = article('https://news.example.com/a04.html', '[[p:刘晓军|局长|市自然资源和规划局]]会见[[p:王芳|主任|市发展改革委]]，签约项目[[n:12个|12|个]]。', '2024-05-01');

const dbs: DossierDb[] = [];
const freshDb = () => {
  const db = new DossierDb(`kb-backup-${Math.random()}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

const idOf = async (db: DossierDb, type: 'person' | 'org', name: string) => (await db.entities.where('key').equals(entityKey(type, name)).first())!.id!;

/** The export without its date: what "the same data" means. */
async function snapshot(db: DossierDb): Promise<Omit<Backup, 'exportedAt'>> {
  const { exportedAt: _ignored, ...rest } = await exportBackup(db);
  return rest;
}
const bytes = async (db: DossierDb) => JSON.stringify(await snapshot(db));
const counts = async (db: DossierDb) => (await snapshot(db)).counts;

/** Three articles, notes of every kind, an alias from a merge (which leaves a gap in the ids), an ignored name. */
async function populate(db: DossierDb) {
  await recordReading(db, a1.input, a1.mentions, 1_000);
  await recordReading(db, a2.input, a2.mentions, 2_000);
  await recordReading(db, a3.input, a3.mentions, 3_000);
  const liu = await idOf(db, 'person', '刘晓军');
  await mergeEntities(db, liu, await idOf(db, 'person', '刘局长'));
  await setIgnored(db, await idOf(db, 'org', '焦作市气象局'), true);
  await ignoreName(db, 'person', '全年办理');
  const art1 = (await db.articles.where('url').equals(a1.input.url).first())!.id!;
  const fig = (await db.figures.where('articleId').equals(art1).first())!.id!;
  await addNote(db, { kind: 'entity', id: liu }, '刘晓军 2023 年起任局长', 10_000);
  await addNote(db, { kind: 'article', id: art1 }, '关于规划许可证的报道', 11_000);
  await addNote(db, { kind: 'figure', id: fig }, '比去年多 7 个', 12_000);
  await addNote(db, { kind: 'quote', id: art1, exact: '出席活动', prefix: '刘晓军', suffix: '。' }, '哪一次活动？', 13_000);
}

async function populated(): Promise<{ db: DossierDb; backup: Backup; json: string }> {
  const db = freshDb();
  await populate(db);
  const backup = await exportBackup(db);
  return { db, backup, json: JSON.stringify(backup) };
}

function mustParse(json: string | unknown): Backup {
  const parsed = parseBackup(json);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.backup;
}

describe('export', () => {
  it('holds every record with its id, by primary key, without the search bigrams', async () => {
    const { backup, json } = await populated();
    expect(backup).toMatchObject({ format: 'dossier-backup', formatVersion: 1, schemaVersion: CURRENT_VERSION });
    expect(backup.counts).toEqual({ articles: 3, entities: 5, mentions: 7, figures: 3, cooccurrences: 4, notes: 4 });
    for (const t of TABLES) expect(backup.counts[t]).toBe(backup.tables[t].length);
    expect(json).not.toContain('"grams"');
    const entityIds = backup.tables.entities.map((e) => e.id);
    expect(entityIds).toEqual([...entityIds].sort((x, y) => x - y));
    expect(backup.tables.entities.find((e) => e.name === '刘晓军')).toMatchObject({ aliases: ['刘局长'], articleCount: 3, mentionCount: 3 });
  });
});

describe('round trip', () => {
  it.each(['replace', 'merge'] as const)('export → %s into an empty profile → export gives the same file (but for its date)', async (mode) => {
    const { db, json } = await populated();
    const target = freshDb();
    await importBackup(target, mustParse(json), mode);
    expect(await bytes(target)).toBe(await bytes(db));
    // The search index was rebuilt from the records, not taken from the file.
    expect((await search(target, '局长')).entities.map((e) => e.name)).toContain('刘晓军');
    expect((await listNotes(target, { query: '活动' })).total).toBe(1);
  });

  it('replace empties the profile first', async () => {
    const { db, backup } = await populated();
    const target = freshDb();
    await recordReading(target, a4.input, a4.mentions);
    const preview = await previewImport(target, backup, 'replace');
    expect(preview.tables.articles).toEqual({ added: 3, updated: 0, removed: 1 });
    await importBackup(target, backup, 'replace');
    expect(await bytes(target)).toBe(await bytes(db));
  });
});

describe('merge', () => {
  it('a backup with hundreds of notes previews and imports into a fresh profile in one transaction', async () => {
    const { db, backup } = await populated();
    const liu = await idOf(db, 'person', '刘晓军');
    for (let i = 0; i < 300; i++) await addNote(db, { kind: 'entity', id: liu }, `第 ${i} 条笔记`, 20_000 + i);
    const many = await exportBackup(db);
    const target = freshDb();
    const preview = await previewImport(target, many, 'merge');
    expect(preview.tables.notes.added).toBe(304);
    const done = await importBackup(target, many, 'merge');
    expect(done.tables.notes.added).toBe(304);
    expect((await counts(target)).notes).toBe(304);
  });

  it('importing the same backup twice adds nothing the second time', async () => {
    const { backup } = await populated();
    const target = freshDb();
    await recordReading(target, a4.input, a4.mentions, 500);
    const first = await importBackup(target, backup, 'merge');
    expect(first.tables.notes.added).toBe(4);
    const after = await bytes(target);
    const second = await importBackup(target, backup, 'merge');
    for (const t of TABLES) expect(second.tables[t]).toEqual({ added: 0, updated: 0, removed: 0 });
    expect(second.notes.duplicates).toBe(4);
    expect(await bytes(target)).toBe(after);
  });

  it('into a profile that shares an official and an article: exact counts, no mention twice', async () => {
    // The source read a1 and a2; the target read a1 and a4. Merged, it must be as if one profile read all three.
    const source = freshDb();
    await recordReading(source, a1.input, a1.mentions, 1_000);
    await recordReading(source, a2.input, a2.mentions, 2_000);
    const target = freshDb();
    await recordReading(target, a1.input, a1.mentions, 5_000);
    await recordReading(target, a4.input, a4.mentions, 6_000);
    const expected = freshDb();
    for (const [a, t] of [[a1, 1_000], [a4, 6_000], [a2, 2_000]] as const) await recordReading(expected, a.input, a.mentions, t);

    const backup = await exportBackup(source);
    const preview = await previewImport(target, backup, 'merge');
    expect(preview.articles).toEqual({ new: 1, matched: 1 });
    expect(preview.entities).toEqual({ new: 1, merged: 2 });
    expect(preview.skipped).toEqual({ mentions: 2, figures: 1 });
    const result = await importBackup(target, backup, 'merge');
    expect(result).toEqual(preview);

    const byKey = async (db: DossierDb) => {
      const entities = await db.entities.toArray();
      const keyOf = new Map(entities.map((e) => [e.id!, e.key]));
      return {
        entities: Object.fromEntries(entities.map((e) => [e.key, { articleCount: e.articleCount, mentionCount: e.mentionCount, titles: e.titles.map((t) => [t.title, t.org, t.firstSeen, t.lastSeen, t.articleIds.length]) }])),
        pairs: Object.fromEntries((await db.cooccurrences.toArray()).map((c) => [`${keyOf.get(c.a)}+${keyOf.get(c.b)}`, c.count])),
        mentions: await db.mentions.count(),
        figures: await db.figures.count(),
        articles: (await db.articles.toArray()).map((a) => [a.url, a.firstReadAt]).sort(),
      };
    };
    expect(await byKey(target)).toEqual(await byKey(expected));
    expect((await target.entities.where('key').equals(entityKey('person', '刘晓军')).first())!.articleCount).toBe(3);
  });

  it('an entity merged by key unites aliases and titles and is ignored if either says so', async () => {
    const source = freshDb();
    await recordReading(source, a2.input, a2.mentions, 1_000);
    const cui = await idOf(source, 'person', '崔峰');
    await setIgnored(source, cui, true);
    const target = freshDb();
    await recordReading(target, a3.input, a3.mentions, 2_000);
    const liu = await idOf(target, 'person', '刘局长');
    await mergeEntities(target, await idOf(target, 'person', '崔峰'), liu);
    await importBackup(target, await exportBackup(source), 'merge');
    const merged = (await target.entities.where('key').equals(entityKey('person', '崔峰')).first())!;
    expect(merged).toMatchObject({ aliases: ['刘局长'], ignored: true, articleCount: 2, mentionCount: 3, firstSeen: '2023-02-01', lastSeen: '2024-03-01' });
    expect(merged.titles).toEqual([
      expect.objectContaining({ title: '副局长', org: '焦作市自然资源和规划局', firstSeen: '2023-02-01', lastSeen: '2024-03-01', articleIds: expect.arrayContaining([expect.any(Number), expect.any(Number)]) }),
    ]);
    expect(merged.titles[0].articleIds).toHaveLength(2);
  });

  it('an article read at another address (same text) is the same article: its mentions are not added twice', async () => {
    const source = freshDb();
    await recordReading(source, a1.input, a1.mentions, 1_000);
    const target = freshDb();
    await recordReading(target, { ...a1.input, url: 'https://mirror.example.org/copy-of-a01' }, a1.mentions, 9_000);
    const before = await counts(target);
    const result = await importBackup(target, await exportBackup(source), 'merge');
    expect(result.articles).toEqual({ new: 0, matched: 1 });
    expect(result.tables.articles).toEqual({ added: 0, updated: 1, removed: 0 });
    expect(await counts(target)).toEqual(before);
    expect((await target.articles.toArray())[0]).toMatchObject({ url: 'https://mirror.example.org/copy-of-a01', firstReadAt: 1_000, readAt: 9_000 });
  });

  it('a note on a figure of an article already here goes to the figure here', async () => {
    const source = freshDb();
    await recordReading(source, a1.input, a1.mentions);
    const fig = (await source.figures.toArray())[0].id!;
    await addNote(source, { kind: 'figure', id: fig }, '数字待核实', 1);
    const target = freshDb();
    await recordReading(target, a4.input, a4.mentions);
    await recordReading(target, a1.input, a1.mentions);
    await importBackup(target, await exportBackup(source), 'merge');
    const [note] = (await listNotes(target)).notes;
    const figure = (await target.figures.get(note.target.id))!;
    expect(note.target.kind).toBe('figure');
    expect(figure.exact).toBe('55个');
  });
});

describe('a damaged file changes nothing', () => {
  const edit = (backup: Backup, change: (b: Record<string, any>) => void): unknown => {
    const copy = JSON.parse(JSON.stringify(backup));
    change(copy);
    return copy;
  };

  const cases: Array<[string, (b: Backup, json: string) => unknown, RegExp]> = [
    ['truncated JSON', (_b, json) => json.slice(0, Math.floor(json.length / 2)), /not valid JSON \(is it truncated\?\)/],
    ['not JSON at all', () => 'PK\u0003\u0004 a zip file', /not valid JSON/],
    ['another JSON file', () => '{"version":1,"tables":{}}', /not a Dossier backup: format is missing/],
    ['a wrong type', (b) => edit(b, (x) => { x.tables.mentions[0].start = '5'; }), /tables\.mentions\[0\]\.start: Invalid input: expected number, received string/],
    ['a fractional id', (b) => edit(b, (x) => { x.tables.articles[1].id = 1.5; }), /tables\.articles\[1\]\.id: .*int/i],
    ['a missing table', (b) => edit(b, (x) => { delete x.tables.notes; }), /tables\.notes: missing/],
    ['a dangling mention', (b) => edit(b, (x) => { x.tables.mentions[2].entityId = 99; }), /tables\.mentions\[2\]\.entityId: no entity 99 in the file/],
    ['a dangling note', (b) => edit(b, (x) => { x.tables.notes[2].target.id = 77; }), /tables\.notes\[2\]\.target\.id: no figure 77 in the file/],
    ['a dangling co-occurrence', (b) => edit(b, (x) => { x.tables.cooccurrences[0].b = 4242; }), /tables\.cooccurrences\[0\]\.b: no entity 4242/],
    ['a title in an unknown article', (b) => edit(b, (x) => { x.tables.entities[1].titles[0].articleIds.push(31); }), /tables\.entities\[1\]\.titles\[0\]\.articleIds\[\d\]: no article 31/],
    ['an id twice', (b) => edit(b, (x) => { x.tables.notes[1].id = x.tables.notes[0].id; }), /tables\.notes\[1\]\.id: id \d+ appears twice/],
    ['a URL twice', (b) => edit(b, (x) => { x.tables.articles[1].url = x.tables.articles[0].url; }), /tables\.articles\[1\]\.url: .* appears twice/],
    ['counts that disagree', (b) => edit(b, (x) => { x.counts.figures = 2; }), /counts\.figures: says 2 but tables\.figures holds 3/],
    ['a huge string', (b) => edit(b, (x) => { x.tables.notes[0].text = 'x'.repeat(1_000_000); }), /tables\.notes\[0\]\.text: Too big/],
    ['too many aliases', (b) => edit(b, (x) => { x.tables.entities[1].aliases = Array.from({ length: 1001 }, (_, i) => `别名${i}`); }), /tables\.entities\[1\]\.aliases: Too big: expected array to have <=1000 items/],
    ['an unknown note kind', (b) => edit(b, (x) => { x.tables.notes[0].target.kind = 'person'; }), /tables\.notes\[0\]\.target\.kind: Invalid discriminator/],
    ['an unknown field', (b) => edit(b, (x) => { x.tables.entities[0].admin = true; }), /tables\.entities\[0\]: Unrecognized key: "admin"/],
    ['a __proto__ key', (_b, json) => json.replace('"tables":{"articles":[{', '"tables":{"articles":[{"__proto__":{"polluted":true},'), /tables\.articles\[0\]: Unrecognized key: "__proto__"/],
    ['a constructor.prototype key', (_b, json) => json.replace('"counts":{', '"counts":{"constructor":{"prototype":{"polluted":true}},'), /counts: Unrecognized key: "constructor"/],
    ['a newer format', (b) => edit(b, (x) => { x.formatVersion = 2; x.tables.articles[0].extra = 1; }), /made by a newer Dossier \(backup format 2; this one reads format 1\)\. Update Dossier/],
    ['a wrong format name', (b) => edit(b, (x) => { x.format = 'dossier-notes'; }), /not a Dossier backup: format is “dossier-notes”/],
    ['a bare array', () => '[]', /not a Dossier backup/],
  ];

  it.each(cases)('%s is refused with a message that says what and where', async (_name, make, message) => {
    const { db, backup, json } = await populated();
    const before = await bytes(db);
    const bad = make(backup, json);
    const parsed = parseBackup(bad);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
    // Handing the raw value to import anyway is refused too, and touches nothing.
    const raw = typeof bad === 'string' ? (() => { try { return JSON.parse(bad); } catch { return bad; } })() : bad;
    for (const mode of ['merge', 'replace'] as const) await expect(importBackup(db, raw as Backup, mode)).rejects.toThrow(KbError);
    expect(await bytes(db)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an unknown mode is refused', async () => {
    const { db, backup } = await populated();
    await expect(importBackup(db, backup, 'append' as 'merge')).rejects.toThrow(/Unknown import mode/);
  });
});

describe('a failure in the middle of an import', () => {
  it.each(['merge', 'replace'] as const)('%s: writes already made are undone', async (mode) => {
    const { backup } = await populated();
    const target = freshDb();
    await recordReading(target, a4.input, a4.mentions);
    await addNote(target, { kind: 'entity', id: await idOf(target, 'person', '王芳') }, '已有的笔记');
    const before = await bytes(target);
    // Notes are written last: articles, entities, mentions, figures and pairs are already in.
    const spy = vi.spyOn(target.notes, 'bulkAdd').mockImplementation((async () => {
      expect(await target.articles.count()).toBeGreaterThan(1);
      throw new Error('disk full');
    }) as never);
    await expect(importBackup(target, backup, mode)).rejects.toThrow('disk full');
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
    expect(await bytes(target)).toBe(before);
  });

  it('a constraint error from IndexedDB undoes the import', async () => {
    const { backup } = await populated();
    const target = freshDb();
    await recordReading(target, a4.input, a4.mentions);
    const before = await bytes(target);
    // Passes every check of the file, then collides in the database: two figures with one id.
    const original = target.figures.bulkAdd.bind(target.figures);
    vi.spyOn(target.figures, 'bulkAdd').mockImplementation(((records: FigureRecord[]) => original([...records, { ...records[0] }])) as never);
    await expect(importBackup(target, backup, 'merge')).rejects.toThrow(/ConstraintError|Key already exists|BulkError/);
    vi.restoreAllMocks();
    expect(await bytes(target)).toBe(before);
  });
});

describe('any file: refused, or imported whole', () => {
  it('any JSON value is refused without throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed = parseBackup(value);
        const text = parseBackup(JSON.stringify(value));
        expect(parsed.ok).toBe(false);
        expect(text.ok).toBe(false);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 500) },
    );
  });

  it('a mutated backup is refused (nothing changes) or imported whole (every record counted)', async () => {
    const { backup } = await populated();
    const target = freshDb();
    await recordReading(target, a4.input, a4.mentions);
    const paths: Array<Array<string | number>> = [];
    const walk = (v: unknown, path: Array<string | number>) => {
      paths.push(path);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(backup, []);
    const mutation = fc.record({
      path: fc.constantFrom(...paths.filter((p) => p.length > 0)),
      op: fc.constantFrom('drop', 'rename', 'replace', 'replace'),
      value: fc.oneof(fc.jsonValue(), fc.integer(), fc.string(), fc.constant(null), fc.constant(99)),
      mode: fc.constantFrom('merge' as const, 'replace' as const),
    });
    let imported = 0;
    await fc.assert(
      fc.asyncProperty(mutation, async ({ path, op, value, mode }) => {
        const copy = JSON.parse(JSON.stringify(backup));
        let parent = copy;
        for (const key of path.slice(0, -1)) parent = parent[key];
        const last = path[path.length - 1];
        if (op === 'drop') Array.isArray(parent) ? parent.splice(last as number, 1) : delete parent[last];
        else if (op === 'rename' && !Array.isArray(parent)) { parent[`${last}_`] = parent[last]; delete parent[last]; }
        else parent[last] = value;

        const before = await snapshot(target);
        const parsed = parseBackup(JSON.stringify(copy));
        if (!parsed.ok) {
          expect(parsed.error).toMatch(/^The (file|backup)|^This /);
          expect(JSON.stringify(await snapshot(target))).toBe(JSON.stringify(before));
          return;
        }
        imported++;
        const result = await importBackup(target, parsed.backup, mode);
        const after = await snapshot(target);
        for (const t of TABLES as readonly TableName[]) {
          const expected = mode === 'replace' ? parsed.backup.counts[t] : before.counts[t] + result.tables[t].added;
          expect(after.counts[t]).toBe(expected);
        }
        // Back to the starting point for the next run.
        await importBackup(target, { ...before, exportedAt: '' }, 'replace');
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 150) },
    );
    expect(imported).toBeGreaterThan(0);
  });
});

describe('hostile backup files', () => {
  it('refuses an article address that is not http(s): it would become a link on cards', async () => {
    const db = new DossierDb(`hostile-${Math.random()}`);
    await recordReading(db, { url: 'https://news.example.com/1.html', canonicalUrl: null, title: 't', publishedAt: null, lang: 'zh', text: '局长刘晓军' }, []);
    const backup = JSON.parse(JSON.stringify(await exportBackup(db)));
    backup.tables.articles[0].url = 'javascript:alert(1)';
    const parsed = parseBackup(JSON.stringify(backup));
    expect(parsed).toMatchObject({ ok: false, error: expect.stringMatching(/tables\.articles\[0\]\.url: must be an http\(s\) address/) });
    await db.delete();
  });
});
