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
import { articlePlaces, resolveAgencyName } from './resolve-agency';
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
    // Agencies written without their place take it from the article (市教育局 → 焦作市教育局).
    const places = articlePlaces(article.text, article.siteName);
    const nameOf = (m: PersonMention | OrgMention) => (m.type === 'org' ? resolveAgencyName(normalizeName(m.text), places) : normalizeName(m.text));
    const byKey = new Map<string, Array<PersonMention | OrgMention>>();
    for (const m of valid.filter(isNamed)) {
      const key = entityKey(m.type, nameOf(m));
      if (!byKey.has(key)) byKey.set(key, []);
      byKey.get(key)!.push(m);
    }
    const entityIds: Array<{ id: number; n: number }> = [];
    for (const [key, list] of byKey) {
      const first = list[0];
      let entity: EntityRecord | undefined = await db.entities.where('key').equals(key).first();
      if (!entity) {
        entity = {
          key,
          type: first.type,
          name: nameOf(first),
          aliases: [],
          grams: gramsOf(nameOf(first)),
          titles: [],
          articleCount: 0,
          mentionCount: 0,
          firstSeen: seenOn,
          lastSeen: seenOn,
          ignored: false,
        };
      }
      entity.articleCount += 1;
      entity.mentionCount += list.length;
      if (seenOn < entity.firstSeen) entity.firstSeen = seenOn;
      if (seenOn > entity.lastSeen) entity.lastSeen = seenOn;
      if (first.type === 'org') entity.kind = entity.kind ?? first.kind;
      for (const m of list) {
        if (m.type !== 'person') continue;
        if (m.official) entity.official = true;
        const org = m.org ? resolveAgencyName(normalizeName(m.org), places) : null;
        for (const title of m.titles) addTitle(entity, title, org, seenOn, articleId);
      }
      const id = entity.id ?? ((await db.entities.add(entity)) as number);
      if (entity.id) await db.entities.put(entity);
      entityIds.push({ id, n: list.length });
      await db.mentions.bulkAdd(
        list.map(
          (m): MentionRecord => ({
            entityId: id,
            articleId,
            start: m.start,
            end: m.end,
            exact: article.text.slice(m.start, m.end),
            prefix: article.text.slice(Math.max(0, m.start - QUOTE_CONTEXT), m.start),
            suffix: article.text.slice(m.end, m.end + QUOTE_CONTEXT),
            titles: m.type === 'person' ? m.titles : [],
            org: m.type === 'person' && m.org ? resolveAgencyName(normalizeName(m.org), places) : null,
          }),
        ),
      );
    }
    await countCooccurrences(db, entityIds, +1);

    const figures = valid
      .filter((m): m is NumberMention => m.type === 'number')
      .map(
        (m): FigureRecord => ({
          articleId,
          start: m.start,
          end: m.end,
          value: m.value,
          unit: m.unit,
          ...(m.modifier ? { modifier: m.modifier } : {}),
          label: figureLabel(article.text, m.start, m.end),
          exact: article.text.slice(m.start, m.end),
          sentence: sentenceAround(article.text, m.start, m.end),
          date: article.publishedAt,
        }),
      );
    await db.figures.bulkAdd(figures);
    return { articleId, isNew: true };
  });
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
  const top = [...entities].sort((x, y) => y.n - x.n).slice(0, MAX_COOCCURRING).map((e) => e.id).sort((x, y) => x - y);
  const keys: Array<[number, number]> = [];
  for (let i = 0; i < top.length; i++) for (let j = i + 1; j < top.length; j++) keys.push([top[i], top[j]]);
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
