import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DossierDb } from '@/utils/kb/db';
import { entityKey, recordReading } from '@/utils/kb/record-reading';
import { addAlias, deleteEntity, ignoreName, KbError, mergeEntities, renameEntity, setIgnored } from '@/utils/kb/entity-ops';
import { addNote, deleteNote, listNotes, restoreNote, updateNote } from '@/utils/kb/notes';
import { findEntityForMention, findFigureForMention, getEntityCard, getFigureCard, getKnownNames, getStats, listEntities, recentArticles, search } from '@/utils/kb/queries';
import { article } from './kb-test-articles';

const a1 = article('https://news.example.com/a01.html', '[[o:市自然资源和规划局]]党组书记、局长[[p:刘晓军|党组书记,局长|市自然资源和规划局]]出席活动。全年办理建设工程规划许可证[[n:55个|55|个]]。', '2024-02-07');
const a2 = article('https://news.example.com/a02.html', '[[p:刘晓军|局长|市自然资源和规划局]]主持会议，[[p:崔峰|副局长|市自然资源和规划局]]参加。全年办理建设工程规划许可证[[n:48个|48|个]]。', '2023-02-01');

let db: DossierDb;
beforeEach(() => { db = new DossierDb(`kb-${Math.random()}`); });
afterEach(async () => { await db.delete(); });

const idOf = async (type: 'person' | 'org', name: string) => (await db.entities.where('key').equals(entityKey(type, name)).first())!.id!;

describe('recording', () => {
  it('resolves an agency written without its city from the site, for the agency and for the titles', async () => {
    await recordReading(db, a1.input, a1.mentions);
    const card = (await getEntityCard(db, await idOf('person', '刘晓军')))!;
    expect(card.titlesByOrg).toEqual([{ org: '焦作市自然资源和规划局', titles: expect.arrayContaining([expect.objectContaining({ title: '局长' })]) }]);
    expect(await db.entities.where('key').equals(entityKey('org', '焦作市自然资源和规划局')).count()).toBe(1);
  });

  it('ten recordings racing give exact counts', async () => {
    const articles = Array.from({ length: 10 }, (_, i) => article(`https://news.example.com/r${i}.html`, `第${i}篇：[[p:刘晓军|局长|市自然资源和规划局]]与[[p:崔峰|副局长|市自然资源和规划局]]到[[o:市气象局]]调研，统计[[n:${i + 1}个|${i + 1}|个]]。`));
    await Promise.all([...articles, ...articles].map((a) => recordReading(db, a.input, a.mentions)));
    expect(await getStats(db)).toEqual({ articles: 10, people: 2, orgs: 1, figures: 10, notes: 0 });
    const liu = (await db.entities.get(await idOf('person', '刘晓军')))!;
    expect(liu).toMatchObject({ articleCount: 10, mentionCount: 10 });
    expect(liu.titles[0].articleIds).toHaveLength(10);
    expect((await db.cooccurrences.toArray()).map((c) => c.count)).toEqual([10, 10, 10]);
  });
});

describe('cards', () => {
  it("an official's card: titles per agency, both articles with the sentence, who he appears with", async () => {
    await recordReading(db, a1.input, a1.mentions);
    await recordReading(db, a2.input, a2.mentions);
    const card = (await getEntityCard(db, await idOf('person', '刘晓军')))!;
    expect(card.entity).toMatchObject({ name: '刘晓军', articleCount: 2, official: true, firstSeen: '2023-02-01', lastSeen: '2024-02-07' });
    expect(card.articles.map((a) => a.url)).toEqual(['https://news.example.com/a01.html', 'https://news.example.com/a02.html']);
    expect(card.articles[1].sentence).toBe('刘晓军主持会议，崔峰参加。');
    const juzhang = card.titlesByOrg[0].titles.find((t) => t.title === '局长')!;
    expect(juzhang).toMatchObject({ firstSeen: '2023-02-01', lastSeen: '2024-02-07' });
    expect(card.related.map((r) => r.name).sort()).toEqual(['崔峰', '焦作市自然资源和规划局']);
  });

  it("an agency's card lists the people holding titles there", async () => {
    await recordReading(db, a2.input, a2.mentions);
    await recordReading(db, a1.input, a1.mentions);
    const card = (await getEntityCard(db, await idOf('org', '焦作市自然资源和规划局')))!;
    expect(card.people.map((p) => p.name).sort()).toEqual(['刘晓军', '崔峰']);
  });

  it("a figure's card shows the same measure in earlier articles", async () => {
    await recordReading(db, a2.input, a2.mentions);
    await recordReading(db, a1.input, a1.mentions);
    const start = a1.input.text.indexOf('55个');
    const figureId = (await findFigureForMention(db, { url: a1.input.url, start }))!;
    const card = (await getFigureCard(db, figureId))!;
    expect(card.figure).toMatchObject({ value: 55, unit: '个', label: '建设工程规划许可证' });
    expect(card.earlier.map((f) => [f.value, f.article?.publishedAt])).toEqual([[48, '2023-02-01']]);
  });

  it('finds the entity behind a highlight by its position, or by its name', async () => {
    await recordReading(db, a1.input, a1.mentions);
    const liu = await idOf('person', '刘晓军');
    const start = a1.input.text.indexOf('刘晓军');
    expect(await findEntityForMention(db, { type: 'person', name: '刘晓军', url: a1.input.url, start })).toBe(liu);
    expect(await findEntityForMention(db, { type: 'person', name: '刘晓军', url: 'https://elsewhere.example/x' })).toBe(liu);
    const org = await findEntityForMention(db, { type: 'org', name: '市自然资源和规划局', url: a1.input.url, start: 0 });
    expect(org).toBe(await idOf('org', '焦作市自然资源和规划局'));
  });
});

describe('entity operations', () => {
  it('merge keeps every mention and note, adds the name as an alias and counts articles once', async () => {
    await recordReading(db, a1.input, a1.mentions);
    await recordReading(db, a2.input, a2.mentions);
    const liu = await idOf('person', '刘晓军');
    const cui = await idOf('person', '崔峰');
    await addNote(db, { kind: 'entity', id: cui }, '崔峰的笔记');
    const mentionsBefore = await db.mentions.count();
    const merged = await mergeEntities(db, liu, cui);
    expect(merged).toMatchObject({ aliases: ['崔峰'], articleCount: 2, mentionCount: 3 });
    expect(await db.mentions.count()).toBe(mentionsBefore);
    expect(await db.entities.get(cui)).toBeUndefined();
    expect((await listNotes(db, { entityId: liu })).notes.map((n) => n.text)).toEqual(['崔峰的笔记']);
    expect((await search(db, '崔')).entities.map((e) => e.name)).toEqual(['刘晓军']);
    const related = (await getEntityCard(db, liu))!.related.map((r) => r.name);
    expect(related).toEqual(['焦作市自然资源和规划局']);
  });

  it('rename keeps the old name as an alias and refuses a name that is taken', async () => {
    await recordReading(db, a2.input, a2.mentions);
    const liu = await idOf('person', '刘晓军');
    await expect(renameEntity(db, liu, '崔峰')).rejects.toThrow(KbError);
    const renamed = await renameEntity(db, liu, '刘 晓军同志');
    expect(renamed).toMatchObject({ name: '刘晓军同志', aliases: ['刘晓军'] });
    const alias = await addAlias(db, liu, '老刘');
    expect(alias.aliases).toEqual(['刘晓军', '老刘']);
  });

  it('"not an entity" removes a name from what the recogniser knows, and lists it as ignored', async () => {
    await recordReading(db, a1.input, a1.mentions);
    await setIgnored(db, await idOf('person', '刘晓军'), true);
    await ignoreName(db, 'org', '规划许可证');
    const known = await getKnownNames(db);
    expect(known.entries.map((e) => e.name)).not.toContain('刘晓军');
    expect(known.ignored).toEqual(expect.arrayContaining(['刘晓军', '规划许可证']));
  });

  it('delete removes the entity with its mentions and notes, and nothing else', async () => {
    await recordReading(db, a1.input, a1.mentions);
    const liu = await idOf('person', '刘晓军');
    await addNote(db, { kind: 'entity', id: liu }, '将删除');
    await deleteEntity(db, liu);
    expect(await db.mentions.where('entityId').equals(liu).count()).toBe(0);
    expect(await getStats(db)).toMatchObject({ people: 0, orgs: 1, notes: 0, articles: 1 });
  });
});

describe('notes', () => {
  it('create, edit, delete with undo, search by Chinese substring, newest first', async () => {
    await recordReading(db, a1.input, a1.mentions);
    const art = (await db.articles.toArray())[0].id!;
    const first = await addNote(db, { kind: 'article', id: art }, '关于土地供应的笔记', 1000);
    await addNote(db, { kind: 'quote', id: art, exact: '55个', prefix: '许可证', suffix: '。' }, '许可证数量比去年多', 2000);
    expect((await listNotes(db)).notes.map((n) => n.createdAt)).toEqual([2000, 1000]);
    expect((await listNotes(db, { query: '土地' })).notes.map((n) => n.id)).toEqual([first.id]);
    expect((await listNotes(db, { query: '许' })).total).toBe(1);
    await updateNote(db, first.id!, '改过的笔记', 3000);
    expect((await listNotes(db)).notes[0].text).toBe('改过的笔记');
    const gone = await deleteNote(db, first.id!);
    expect((await listNotes(db)).total).toBe(1);
    await restoreNote(db, gone);
    expect((await listNotes(db, { articleId: art })).total).toBe(2);
  });

  it('refuses an empty note or one for something that does not exist', async () => {
    await expect(addNote(db, { kind: 'entity', id: 99 }, '孤儿')).rejects.toThrow(/not in the knowledge base/);
    await recordReading(db, a1.input, a1.mentions);
    await expect(addNote(db, { kind: 'entity', id: await idOf('person', '刘晓军') }, '   ')).rejects.toThrow(/empty/);
  });
});

describe('lists', () => {
  it('lists one kind most read first, a page at a time, saying whether more follow', async () => {
    await recordReading(db, a1.input, a1.mentions);
    await recordReading(db, a2.input, a2.mentions);
    const first = await listEntities(db, { type: 'person', limit: 1 });
    expect(first).toEqual({ rows: [expect.objectContaining({ name: '刘晓军', articleCount: 2 })], more: true });
    const second = await listEntities(db, { type: 'person', offset: 1, limit: 1 });
    expect(second).toEqual({ rows: [expect.objectContaining({ name: '崔峰' })], more: false });
    expect((await listEntities(db, { type: 'org' })).rows.map((e) => e.type)).toEqual(['org']);
  });
});

describe('search and recent reading', () => {
  it('searches names, aliases, titles and notes; lists recent articles with their notes', async () => {
    await recordReading(db, a1.input, a1.mentions, 1000);
    await recordReading(db, a2.input, a2.mentions, 2000);
    const results = await search(db, '资源和规划');
    expect(results.entities.map((e) => e.name)).toEqual(['焦作市自然资源和规划局']);
    const recent = await recentArticles(db);
    expect(recent.map((a) => a.url)).toEqual(['https://news.example.com/a02.html', 'https://news.example.com/a01.html']);
    expect(recent[0]).toMatchObject({ noteCount: 0, mentionCount: 3 });
  });
});
