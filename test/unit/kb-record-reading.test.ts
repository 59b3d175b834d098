import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DossierDb } from '@/utils/kb/db';
import { entityKey, recordReading } from '@/utils/kb/record-reading';
import { getKnownNames, getStats } from '@/utils/kb/queries';
import { canonicalUrl } from '@/utils/kb/canonical';
import { figureLabel } from '@/utils/kb/figure-label';
import type { ArticleInput } from '@/utils/messages';
import type { Mention } from '@/utils/recognize/types';

const text = '该局党组书记、局长刘晓军出席活动。市自然资源和规划局办理建设工程规划许可证55个。刘晓军指出，要做好工作。';
const article: ArticleInput = {
  url: 'https://news.example.com/2024-02/07/content_1.html?utm_source=wechat#top',
  canonicalUrl: null,
  title: '领导讲业务',
  publishedAt: '2024-02-07',
  lang: 'zh',
  text,
};
const at = (s: string, from = 0) => text.indexOf(s, from);
const mentions: Mention[] = [
  { type: 'person', start: at('刘晓军'), end: at('刘晓军') + 3, text: '刘晓军', titles: ['党组书记', '局长'], org: '市自然资源和规划局', official: true },
  { type: 'org', start: at('市自然资源和规划局'), end: at('市自然资源和规划局') + 9, text: '市自然资源和规划局', kind: 'gov' },
  { type: 'number', start: at('55个'), end: at('55个') + 3, text: '55个', value: 55, unit: '个' },
  { type: 'person', start: at('刘晓军', 20), end: at('刘晓军', 20) + 3, text: '刘晓军', titles: [], org: null, official: true },
];

let db: DossierDb;
beforeEach(() => {
  db = new DossierDb(`test-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('recordReading', () => {
  it('stores the article, one entity per name with its titles per agency, the figure and its label', async () => {
    const { isNew } = await recordReading(db, article, mentions, Date.UTC(2024, 1, 7));
    expect(isNew).toBe(true);
    expect(await getStats(db)).toEqual({ articles: 1, people: 1, orgs: 1, figures: 1, notes: 0 });
    const person = (await db.entities.where('key').equals(entityKey('person', '刘晓军')).first())!;
    expect(person).toMatchObject({ articleCount: 1, mentionCount: 2, official: true, firstSeen: '2024-02-07' });
    expect(person.titles.map((t) => [t.title, t.org])).toEqual([['党组书记', '市自然资源和规划局'], ['局长', '市自然资源和规划局']]);
    const [figure] = await db.figures.toArray();
    expect(figure).toMatchObject({ value: 55, unit: '个', label: '建设工程规划许可证' });
    expect(await db.cooccurrences.count()).toBe(1);
    const [stored] = await db.articles.toArray();
    expect(stored.url).toBe('https://news.example.com/2024-02/07/content_1.html');
  });

  it('counts nothing twice when the same article is opened again, only when it was read', async () => {
    await recordReading(db, article, mentions, 1000);
    const again = await recordReading(db, { ...article, url: 'https://news.example.com/2024-02/07/content_1.html' }, mentions, 2000);
    expect(again.isNew).toBe(false);
    expect(await db.mentions.count()).toBe(3);
    expect(await db.figures.count()).toBe(1);
    const person = (await db.entities.where('key').equals(entityKey('person', '刘晓军')).first())!;
    expect(person.articleCount).toBe(1);
    expect((await db.articles.toArray())[0]).toMatchObject({ firstReadAt: 1000, readAt: 2000 });
  });

  it('treats the same text at another URL as the same reading', async () => {
    await recordReading(db, article, mentions);
    const other = await recordReading(db, { ...article, url: 'https://m.example.com/a/1' }, mentions);
    expect(other.isNew).toBe(false);
    expect(await db.articles.count()).toBe(1);
  });

  it('replaces the mentions of an article whose text changed', async () => {
    await recordReading(db, article, mentions);
    const shorter = text.slice(0, at('。') + 1);
    await recordReading(db, { ...article, text: shorter }, mentions.slice(0, 1));
    expect(await db.articles.count()).toBe(1);
    expect(await db.mentions.count()).toBe(1);
    expect(await db.figures.count()).toBe(0);
    expect(await db.entities.where('key').equals(entityKey('org', '市自然资源和规划局')).count()).toBe(0);
    const person = (await db.entities.where('key').equals(entityKey('person', '刘晓军')).first())!;
    expect(person).toMatchObject({ articleCount: 1, mentionCount: 1 });
    expect(await db.cooccurrences.count()).toBe(0);
  });

  it('writes nothing when the transaction fails half-way', async () => {
    const broken = [...mentions, { type: 'person', start: 0, end: 2, text: '该局', titles: null } as unknown as Mention];
    await expect(recordReading(db, article, broken)).rejects.toThrow();
    expect(await getStats(db)).toEqual({ articles: 0, people: 0, orgs: 0, figures: 0, notes: 0 });
  });
});

describe('known names for the recogniser', () => {
  it('lists people seen with a title and organizations, and what the reader ignored', async () => {
    await recordReading(db, article, mentions);
    await db.entities.where('key').equals(entityKey('org', '市自然资源和规划局')).modify({ ignored: true });
    const known = await getKnownNames(db);
    expect(known.entries.map((e) => e.name)).toEqual(['刘晓军']);
    expect(known.ignored).toEqual(['市自然资源和规划局']);
  });
});

describe('helpers', () => {
  it('canonical URL: the declared canonical, without tracking parameters or fragment', () => {
    expect(canonicalUrl('https://a.cn/x.html?utm_medium=1&id=3#p', null)).toBe('https://a.cn/x.html?id=3');
    expect(canonicalUrl('https://a.cn/x.html', '/y.html')).toBe('https://a.cn/y.html');
    expect(canonicalUrl('https://a.cn/x.html', 'javascript:alert(1)')).toBe('https://a.cn/x.html');
  });

  it('figure label: the phrase a figure counts', () => {
    const t = '全年共排查隐患点136个村，出让土地9宗344亩。';
    expect(figureLabel(t, t.indexOf('136个'), t.indexOf('136个') + 4)).toBe('隐患点');
    const e = 'The agency hired 1,200 people last year.';
    expect(figureLabel(e, e.indexOf('1,200'), e.indexOf('1,200') + 5)).toBe('people');
  });
});
