/** Questions the UI and the recogniser ask the knowledge base. */
import Dexie from 'dexie';
import type { KnownNames } from '@/utils/recognize/types';
import { canonicalUrl } from './canonical';
import type { DossierDb } from './db';
import { candidatesByGrams } from './notes';
import { searchForm } from './search-grams';
import type { ArticleRecord, EntityRecord, FigureRecord, KbStats, MentionRecord, NoteRecord, TitleHeld } from './types';

/** Counts for the popup's header. */
export async function getStats(db: DossierDb): Promise<KbStats> {
  const [articles, people, orgs, figures, notes] = await Promise.all([
    db.articles.count(),
    db.entities.where('type').equals('person').count(),
    db.entities.where('type').equals('org').count(),
    db.figures.count(),
    db.notes.count(),
  ]);
  return { articles, people, orgs, figures, notes };
}

/** The names and aliases the recogniser should know, and the ones it must never return. */
export async function getKnownNames(db: DossierDb): Promise<KnownNames> {
  const entries: Array<KnownNames['entries'][number]> = [];
  const ignored: string[] = [];
  await db.entities.each((e) => {
    const names = [e.name, ...e.aliases];
    if (e.ignored) {
      ignored.push(...names);
      return;
    }
    // A bare name is only worth recognising once it was seen with a title, or as an organization.
    if (e.type === 'person' && e.titles.length === 0 && e.articleCount < 2) return;
    for (const name of names) entries.push({ name, type: e.type, kind: e.kind, official: e.official });
  });
  return { entries, ignored };
}

/** The sentence a mention stood in, cut from its stored context at sentence ends. */
export function mentionSentence(m: Pick<MentionRecord, 'prefix' | 'exact' | 'suffix'>): string {
  const stop = /[。！？!?\n]/;
  let prefix = m.prefix;
  for (let i = prefix.length - 1; i >= 0; i--) if (stop.test(prefix[i])) { prefix = prefix.slice(i + 1); break; }
  let suffix = m.suffix;
  for (let i = 0; i < suffix.length; i++) if (stop.test(suffix[i])) { suffix = suffix.slice(0, i + 1); break; }
  return (prefix + m.exact + suffix).trim();
}

export interface ArticleRef {
  id: number;
  title: string;
  url: string;
  site: string;
  publishedAt: string | null;
  readAt: number;
}

const ref = (a: ArticleRecord): ArticleRef => ({ id: a.id!, title: a.title, url: a.url, site: a.site, publishedAt: a.publishedAt, readAt: a.readAt });

export interface EntityCard {
  entity: Omit<EntityRecord, 'grams' | 'key'>;
  /** Titles grouped by the agency they belong to (null: no agency stated). */
  titlesByOrg: Array<{ org: string | null; titles: TitleHeld[] }>;
  /** Articles it appeared in, newest first, each with the sentence. */
  articles: Array<ArticleRef & { sentence: string }>;
  related: Array<{ id: number; type: 'person' | 'org'; name: string; count: number }>;
  /** For an agency: the people seen holding titles there. */
  people: Array<{ id: number; name: string; titles: string[] }>;
  notes: NoteRecord[];
}

const CARD_ARTICLES = 20;
const CARD_RELATED = 10;
/** Recent mentions read to list who holds titles at an agency. */
const CARD_HOLDER_MENTIONS = 60;
/** People listed on an agency's card. */
const CARD_PEOPLE = 20;
/** Notes shown on a card (newest first). */
const CARD_NOTES = 100;

/** The newest notes on one entity, figure or article, through the [kind+id] index. */
async function notesOn(db: DossierDb, kind: NoteRecord['target']['kind'], id: number): Promise<NoteRecord[]> {
  const notes = await db.notes.where('[target.kind+target.id]').equals([kind, id]).reverse().limit(CARD_NOTES).toArray();
  return notes.sort((a, b) => b.updatedAt - a.updatedAt);
}

/** Everything the entity card shows, in one read transaction. */
export async function getEntityCard(db: DossierDb, id: number): Promise<EntityCard | null> {
  return db.transaction('r', [db.entities, db.mentions, db.articles, db.cooccurrences, db.notes], async () => {
    const e = await db.entities.get(id);
    if (!e) return null;
    const { grams: _g, key: _k, ...entity } = e;
    const byOrg = new Map<string | null, TitleHeld[]>();
    for (const t of e.titles) byOrg.set(t.org, [...(byOrg.get(t.org) ?? []), t]);

    // Newest articles first: one mention (the first) per article.
    const mentions = await db.mentions.where('entityId').equals(id).reverse().limit(CARD_ARTICLES * 3).toArray();
    const firstPerArticle = new Map<number, MentionRecord>();
    for (const m of mentions) {
      const seen = firstPerArticle.get(m.articleId);
      if (!seen || m.start < seen.start) firstPerArticle.set(m.articleId, m);
    }
    const articleIds = [...firstPerArticle.keys()].slice(0, CARD_ARTICLES);
    const articles = (await db.articles.bulkGet(articleIds))
      .filter((a): a is ArticleRecord => !!a)
      .map((a) => ({ ...ref(a), sentence: mentionSentence(firstPerArticle.get(a.id!)!) }))
      .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || b.readAt - a.readAt);

    // The strongest pairs on either side, read from the count-ordered indexes: cost independent of how many pairs exist.
    const strongest = (side: 'a' | 'b') =>
      db.cooccurrences.where(`[${side}+count]`).between([id, Dexie.minKey], [id, Dexie.maxKey]).reverse().limit(CARD_RELATED * 2).toArray();
    const pairs = [...(await strongest('a')), ...(await strongest('b'))].sort((x, y) => y.count - x.count).slice(0, CARD_RELATED * 2);
    const others = await db.entities.bulkGet(pairs.map((p) => (p.a === id ? p.b : p.a)));
    const related = pairs
      .map((p, i) => ({ p, o: others[i] }))
      .filter(({ o }) => o && !o.ignored)
      .slice(0, CARD_RELATED)
      .map(({ p, o }) => ({ id: o!.id!, type: o!.type, name: o!.name, count: p.count }));

    let people: EntityCard['people'] = [];
    if (e.type === 'org') {
      const holders = new Map<number, Set<string>>();
      for (const name of [e.name, ...e.aliases]) {
        const ms = await db.mentions.where('org').equals(name).reverse().limit(CARD_HOLDER_MENTIONS).toArray();
        for (const m of ms) {
          const set = holders.get(m.entityId) ?? new Set<string>();
          for (const t of m.titles) set.add(t);
          holders.set(m.entityId, set);
        }
      }
      const persons = await db.entities.bulkGet([...holders.keys()].slice(0, CARD_PEOPLE));
      people = persons.filter((p): p is EntityRecord => !!p && !p.ignored).map((p) => ({ id: p.id!, name: p.name, titles: [...holders.get(p.id!)!] }));
    }
    const notes = await notesOn(db, 'entity', id);
    return { entity, titlesByOrg: [...byOrg].map(([org, titles]) => ({ org, titles })), articles, related, people, notes };
  });
}

/** Finds the entity behind a highlight: by its recorded position in the article, else by name. */
export async function findEntityForMention(
  db: DossierDb,
  q: { type: 'person' | 'org'; name: string; url: string; canonicalUrl?: string | null; start?: number },
): Promise<number | null> {
  const article = await db.articles.where('url').equals(canonicalUrl(q.url, q.canonicalUrl)).first();
  if (article && q.start !== undefined) {
    const m = await db.mentions.where('[articleId+start]').equals([article.id!, q.start]).first();
    if (m) return m.entityId;
  }
  const byKey = await db.entities.where('key').equals(`${q.type}:${q.name.normalize('NFKC').replace(/\s+/g, '')}`).first();
  if (byKey) return byKey.id!;
  const byAlias = await db.entities.where('aliases').equals(q.name).first();
  return byAlias && byAlias.type === q.type ? byAlias.id! : null;
}

export interface FigureCard {
  figure: FigureRecord;
  article: ArticleRef | null;
  /** The same measure (label and unit) in other articles, newest first. */
  earlier: Array<FigureRecord & { article: ArticleRef | null }>;
  notes: NoteRecord[];
}

/** A figure with the same measure in earlier articles. */
export async function getFigureCard(db: DossierDb, id: number): Promise<FigureCard | null> {
  return db.transaction('r', [db.figures, db.articles, db.notes], async () => {
    const figure = await db.figures.get(id);
    if (!figure) return null;
    const same = figure.label
      ? (await db.figures.where('[label+unit]').equals([figure.label, figure.unit]).limit(200).toArray()).filter((f) => f.articleId !== figure.articleId)
      : [];
    const articles = await db.articles.bulkGet([figure.articleId, ...same.map((f) => f.articleId)]);
    const byId = new Map(articles.filter((a): a is ArticleRecord => !!a).map((a) => [a.id!, ref(a)]));
    const earlier = same
      .map((f) => ({ ...f, article: byId.get(f.articleId) ?? null }))
      .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || (b.article?.readAt ?? 0) - (a.article?.readAt ?? 0))
      .slice(0, 20);
    const notes = await notesOn(db, 'figure', id);
    return { figure, article: byId.get(figure.articleId) ?? null, earlier, notes };
  });
}

/** The figure behind a number highlight, by its position in the recorded article. */
export async function findFigureForMention(db: DossierDb, q: { url: string; canonicalUrl?: string | null; start: number }): Promise<number | null> {
  const article = await db.articles.where('url').equals(canonicalUrl(q.url, q.canonicalUrl)).first();
  if (!article) return null;
  const f = (await db.figures.where('articleId').equals(article.id!).toArray()).find((x) => x.start === q.start);
  return f?.id ?? null;
}

export interface SearchResults {
  entities: Array<Pick<EntityRecord, 'id' | 'type' | 'name' | 'aliases' | 'kind' | 'articleCount' | 'ignored'>>;
  articles: ArticleRef[];
  notes: NoteRecord[];
}

/** Substring search over names, aliases, article titles and note text (Chinese included). */
export async function search(db: DossierDb, query: string, limit = 20): Promise<SearchResults> {
  const needle = searchForm(query);
  if (!needle) return { entities: [], articles: [], notes: [] };
  return db.transaction('r', [db.entities, db.articles, db.notes], async () => {
    // Twice what is shown: enough to rank, and a bound, so search costs the same at any size.
    const take = limit * 2;
    const [eIds, aIds, nIds] = await Promise.all([candidatesByGrams(db.entities, query, take), candidatesByGrams(db.articles, query, take), candidatesByGrams(db.notes, query, take)]);
    const entities = (await db.entities.bulkGet(eIds ?? []))
      .filter((e): e is EntityRecord => !!e && [e.name, ...e.aliases].some((n) => searchForm(n).includes(needle)))
      .sort((a, b) => b.articleCount - a.articleCount || a.name.length - b.name.length)
      .slice(0, limit)
      .map(({ id, type, name, aliases, kind, articleCount, ignored }) => ({ id, type, name, aliases, kind, articleCount, ignored }));
    const articles = (await db.articles.bulkGet(aIds ?? []))
      .filter((a): a is ArticleRecord => !!a && searchForm(`${a.title}${a.site}`).includes(needle))
      .sort((a, b) => b.readAt - a.readAt)
      .slice(0, limit)
      .map(ref);
    const notes = (await db.notes.bulkGet(nIds ?? []))
      .filter((n): n is NoteRecord => !!n && searchForm(n.text).includes(needle))
      .sort((a, b) => b.updatedAt - a.updatedAt)
      .slice(0, limit);
    return { entities, articles, notes };
  });
}

export type EntityRow = SearchResults['entities'][number];

/**
 * People or agencies, most read first, a page at a time: the popup's knowledge list. `more` says
 * whether another page follows (an exact total would cost a scan of the whole kind).
 */
export async function listEntities(db: DossierDb, q: { type?: 'person' | 'org'; offset?: number; limit?: number }): Promise<{ rows: EntityRow[]; more: boolean }> {
  const limit = Math.min(q.limit ?? 50, 200);
  const range = q.type
    ? db.entities.where('[type+articleCount]').between([q.type, Dexie.minKey], [q.type, Dexie.maxKey])
    : db.entities.orderBy('articleCount');
  const rows = await range.reverse().offset(q.offset ?? 0).limit(limit + 1).toArray();
  return {
    rows: rows.slice(0, limit).map(({ id, type, name, aliases, kind, articleCount, ignored }) => ({ id, type, name, aliases, kind, articleCount, ignored })),
    more: rows.length > limit,
  };
}

/** Recently read articles, newest first, with how many notes each has. */
export async function recentArticles(db: DossierDb, offset = 0, limit = 30): Promise<Array<ArticleRef & { mentionCount: number; noteCount: number }>> {
  return db.transaction('r', [db.articles, db.notes], async () => {
    const rows = await db.articles.orderBy('readAt').reverse().offset(offset).limit(Math.min(limit, 200)).toArray();
    return Promise.all(
      rows.map(async (a) => ({
        ...ref(a),
        mentionCount: a.mentionCount,
        noteCount: (await db.notes.where('target.id').equals(a.id!).toArray()).filter((n) => n.target.kind === 'article' || n.target.kind === 'quote').length,
      })),
    );
  });
}
