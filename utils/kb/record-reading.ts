/**
 * Recording a reading: the article, its people and agencies, their titles, who appears beside whom
 * and its figures, in one transaction. Idempotent: the same article (same canonical URL or same
 * text) is counted once; a changed text replaces that article's mentions.
 */
import { normalizeName } from '@/utils/recognize/known';
import type { Mention, NumberMention, OrgMention, PersonMention } from '@/utils/recognize/types';
import type { ArticleInput } from '@/utils/messages';
import { canonicalUrl, siteOf } from './canonical';
import type { DossierDb } from './db';
import { figureLabel, sentenceAround } from './figure-label';
import { articlePlaces, resolveAgencyName, type ArticlePlaces } from './resolve-agency';
import { gramsOf } from './search-grams';
import { textHash } from './text-hash';
import type { ArticleRecord, EntityRecord, FigureRecord, MentionRecord } from './types';

/** Characters of context kept on each side of a mention: enough for its sentence on a card. */
const QUOTE_CONTEXT = 80;
/** Pairs are counted among at most this many entities of one article (the most mentioned). */
const MAX_COOCCURRING = 60;

/** The key that makes one record per person or organization. */
export function entityKey(type: 'person' | 'org', name: string): string {
  return `${type}:${normalizeName(name)}`;
}

const isNamed = (m: Mention): m is PersonMention | OrgMention => m.type === 'person' || m.type === 'org';

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Stores one reading; returns the article id and whether it was new (or its text changed). */
export async function recordReading(
  db: DossierDb,
  article: ArticleInput,
  mentions: Mention[],
  now = Date.now(),
): Promise<{ articleId: number; isNew: boolean }> {
  const url = canonicalUrl(article.url, article.canonicalUrl);
  const hash = textHash(article.text);
  const seenOn = article.publishedAt?.slice(0, 10) || isoDay(now);
  const valid = mentions.filter((m) => m.start >= 0 && m.end <= article.text.length && m.start < m.end);

  return db.transaction('rw', [db.articles, db.entities, db.mentions, db.figures, db.cooccurrences], async () => {
    const existing = (await db.articles.where('url').equals(url).first()) ?? (await db.articles.where('hash').equals(hash).first());
    if (existing && existing.hash === hash) {
      await db.articles.update(existing.id!, { readAt: now });
      return { articleId: existing.id!, isNew: false };
    }
    if (existing) await forgetArticleContent(db, existing.id!);

    const record: ArticleRecord = {
      url,
      site: siteOf(url),
      title: article.title,
      publishedAt: article.publishedAt,
      firstReadAt: existing?.firstReadAt ?? now,
      readAt: now,
      lang: article.lang,
      hash,
      textLength: article.text.length,
      mentionCount: valid.length,
      grams: gramsOf(article.title, siteOf(url)),
    };
    const articleId = existing ? existing.id! : ((await db.articles.add(record)) as number);
    if (existing) await db.articles.put({ ...record, id: articleId });

    // People and organizations: one entity each, their mentions, titles per agency.
    const { places, byKey } = namedByEntity(article.text, article.siteName, valid);
    const entityIds: Array<{ id: number; n: number }> = [];
    for (const [key, { name, list }] of byKey) {
      const entity = (await db.entities.where('key').equals(key).first()) ?? newEntity(key, list[0], name, seenOn);
      addToEntity(entity, list, seenOn, articleId, places);
      const id = entity.id ?? ((await db.entities.add(entity)) as number);
      if (entity.id) await db.entities.put(entity);
      entityIds.push({ id, n: list.length });
      await db.mentions.bulkAdd(mentionRows(article.text, list, id, articleId, places));
    }
    await countCooccurrences(db, entityIds, +1);
    await db.figures.bulkAdd(figureRows(article.text, valid, articleId, article.publishedAt));
    return { articleId, isNew: true };
  });
}

/**
 * An article's people and agencies grouped by entity key, each with the name it is recorded
 * under: agencies written without their place take it from the article (市教育局 → 焦作市教育局).
 */
export function namedByEntity(text: string, siteName: string | null | undefined, mentions: readonly Mention[]) {
  const places = articlePlaces(text, siteName);
  const byKey = new Map<string, { name: string; list: Array<PersonMention | OrgMention> }>();
  for (const m of mentions) {
    if (!isNamed(m)) continue;
    const name = m.type === 'org' ? resolveAgencyName(normalizeName(m.text), places) : normalizeName(m.text);
    const key = entityKey(m.type, name);
    const group = byKey.get(key);
    if (group) group.list.push(m);
    else byKey.set(key, { name, list: [m] });
  }
  return { places, byKey };
}

/** The record of an entity met for the first time, before this article's mentions are counted in. */
export function newEntity(key: string, first: PersonMention | OrgMention, name: string, day: string): EntityRecord {
  return { key, type: first.type, name, aliases: [], grams: gramsOf(name), titles: [], articleCount: 0, mentionCount: 0, firstSeen: day, lastSeen: day, ignored: false };
}

/** Counts one article's mentions of an entity into its record: counts, days, kind, office, titles per agency. */
export function addToEntity(entity: EntityRecord, list: ReadonlyArray<PersonMention | OrgMention>, day: string, articleId: number, places: ArticlePlaces): void {
  entity.articleCount += 1;
  entity.mentionCount += list.length;
  if (day < entity.firstSeen) entity.firstSeen = day;
  if (day > entity.lastSeen) entity.lastSeen = day;
  if (list[0].type === 'org') entity.kind = entity.kind ?? list[0].kind;
  for (const m of list) {
    if (m.type !== 'person') continue;
    if (m.official) entity.official = true;
    const org = m.org ? resolveAgencyName(normalizeName(m.org), places) : null;
    for (const title of m.titles) addTitle(entity, title, org, day, articleId);
  }
}

/** The mention rows of one entity in one article, with the context a card shows around each. */
export function mentionRows(text: string, list: ReadonlyArray<PersonMention | OrgMention>, entityId: number, articleId: number, places: ArticlePlaces): MentionRecord[] {
  return list.map((m) => ({
    entityId,
    articleId,
    start: m.start,
    end: m.end,
    exact: text.slice(m.start, m.end),
    prefix: text.slice(Math.max(0, m.start - QUOTE_CONTEXT), m.start),
    suffix: text.slice(m.end, m.end + QUOTE_CONTEXT),
    titles: m.type === 'person' ? m.titles : [],
    org: m.type === 'person' && m.org ? resolveAgencyName(normalizeName(m.org), places) : null,
  }));
}

/** The figure rows of an article: each number with what it measures and its sentence. */
export function figureRows(text: string, mentions: readonly Mention[], articleId: number, date: string | null): FigureRecord[] {
  return mentions
    .filter((m): m is NumberMention => m.type === 'number')
    .map((m): FigureRecord => ({
      articleId,
      start: m.start,
      end: m.end,
      value: m.value,
      unit: m.unit,
      ...(m.modifier ? { modifier: m.modifier } : {}),
      label: figureLabel(text, m.start, m.end),
      exact: text.slice(m.start, m.end),
      sentence: sentenceAround(text, m.start, m.end),
      date,
    }));
}

/** The entity pairs an article counts a co-occurrence for: among its most mentioned entities, ascending ids. */
export function cooccurringPairs(entities: ReadonlyArray<{ id: number; n: number }>): Array<[number, number]> {
  const top = [...entities].sort((x, y) => y.n - x.n).slice(0, MAX_COOCCURRING).map((e) => e.id).sort((x, y) => x - y);
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < top.length; i++) for (let j = i + 1; j < top.length; j++) pairs.push([top[i], top[j]]);
  return pairs;
}

function addTitle(entity: EntityRecord, title: string, org: string | null, day: string, articleId: number) {
  const held = entity.titles.find((t) => t.title === title && t.org === org);
  if (!held) {
    entity.titles.push({ title, org, firstSeen: day, lastSeen: day, articleIds: [articleId] });
    return;
  }
  if (day < held.firstSeen) held.firstSeen = day;
  if (day > held.lastSeen) held.lastSeen = day;
  if (!held.articleIds.includes(articleId)) held.articleIds.push(articleId);
  // The latest articles are enough to show where a title was seen; the record must not grow without end.
  if (held.articleIds.length > TITLE_ARTICLES) held.articleIds.splice(0, held.articleIds.length - TITLE_ARTICLES);
}

/** Articles remembered per title held (the latest). */
const TITLE_ARTICLES = 50;

/** Adds (or with -1 removes) one co-occurrence per pair of entities in one article. */
async function countCooccurrences(db: DossierDb, entities: Array<{ id: number; n: number }>, delta: 1 | -1) {
  const keys = cooccurringPairs(entities);
  if (keys.length === 0) return;
  const rows = await db.cooccurrences.bulkGet(keys);
  const puts = [];
  const deletes: Array<[number, number]> = [];
  for (let i = 0; i < keys.length; i++) {
    const count = (rows[i]?.count ?? 0) + delta;
    if (count > 0) puts.push({ a: keys[i][0], b: keys[i][1], count });
    else deletes.push(keys[i]);
  }
  await db.cooccurrences.bulkPut(puts);
  if (deletes.length) await db.cooccurrences.bulkDelete(deletes);
}

/** Undoes what an earlier version of an article's text added, before its new text is recorded. */
async function forgetArticleContent(db: DossierDb, articleId: number) {
  const old = await db.mentions.where('articleId').equals(articleId).toArray();
  const perEntity = new Map<number, number>();
  for (const m of old) perEntity.set(m.entityId, (perEntity.get(m.entityId) ?? 0) + 1);
  for (const [entityId, n] of perEntity) {
    const entity = await db.entities.get(entityId);
    if (!entity) continue;
    entity.articleCount = Math.max(0, entity.articleCount - 1);
    entity.mentionCount = Math.max(0, entity.mentionCount - n);
    for (const t of entity.titles) t.articleIds = t.articleIds.filter((id) => id !== articleId);
    entity.titles = entity.titles.filter((t) => t.articleIds.length > 0);
    if (entity.articleCount === 0 && !entity.ignored && entity.aliases.length === 0) await db.entities.delete(entityId);
    else await db.entities.put(entity);
  }
  await countCooccurrences(db, [...perEntity].map(([id, n]) => ({ id, n })), -1);
  await db.mentions.where('articleId').equals(articleId).delete();
  await db.figures.where('articleId').equals(articleId).delete();
}
