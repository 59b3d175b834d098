/**
 * In-page side of the knowledge-base scale benchmark (bundled, injected as an init script) over
 * real IndexedDB. `grow` writes a KB of a given scale in bulk — records shaped exactly as
 * recordReading writes them, ids assigned up front — because 10,000 one-by-one readings would take
 * longer than the whole bench may. `measure` then times the project's own functions on it.
 */
import { DossierDb } from '@/utils/kb/db';
import { addToEntity, cooccurringPairs, figureRows, mentionRows, namedByEntity, newEntity, recordReading } from '@/utils/kb/record-reading';
import { getEntityCard, getKnownNames, search } from '@/utils/kb/queries';
import { canonicalUrl, siteOf } from '@/utils/kb/canonical';
import { gramsOf } from '@/utils/kb/search-grams';
import { textHash } from '@/utils/kb/text-hash';
import type { ArticleRecord, EntityRecord, FigureRecord, MentionRecord, NoteRecord } from '@/utils/kb/types';
import { FULL, noteTexts, replicaArticles, replicator, type BaseArticle } from './kb-gen';

const CHUNK = 20_000;
/** Co-occurrence rows written: all pairs of the PAIR_HEAD most frequent entities, a sample of the others up to about PAIR_CAP. */
const PAIR_HEAD = 20;
const PAIR_CAP = 100_000;

/** Writes a KB at `scale` into database `name` (kept for the rest of the run); returns its counts. */
async function grow(name: string, base: BaseArticle[], scale: number) {
  const t0 = performance.now();
  const db = new DossierDb(name);
  await db.open();
  let truePairs = 0;
  if ((await db.articles.count()) === 0) {
    const entities = new Map<string, EntityRecord>();
    const pairs = new Map<number, number>();
    let articles: ArticleRecord[] = [];
    let mentions: MentionRecord[] = [];
    let figures: FigureRecord[] = [];
    const flush = async () => {
      await db.articles.bulkAdd(articles);
      await db.mentions.bulkAdd(mentions);
      await db.figures.bulkAdd(figures);
      articles = [];
      mentions = [];
      figures = [];
    };
    let articleId = 0;
    for (const { article, mentions: found } of replicaArticles(base, scale)) {
      articleId++;
      const url = canonicalUrl(article.url, article.canonicalUrl);
      const now = Date.parse(article.publishedAt!) + 3_600_000;
      const seenOn = article.publishedAt!.slice(0, 10);
      articles.push({ id: articleId, url, site: siteOf(url), title: article.title, publishedAt: article.publishedAt, firstReadAt: now, readAt: now, lang: article.lang, hash: textHash(article.text), textLength: article.text.length, mentionCount: found.length, grams: gramsOf(article.title, siteOf(url)) });
      // The same records recordReading writes, from its own pieces; only the ids are assigned here.
      const { places, byKey } = namedByEntity(article.text, article.siteName, found);
      const ids: Array<{ id: number; n: number }> = [];
      for (const [key, { name, list }] of byKey) {
        let e = entities.get(key);
        if (!e) {
          e = { ...newEntity(key, list[0], name, seenOn), id: entities.size + 1 };
          entities.set(key, e);
        }
        addToEntity(e, list, seenOn, articleId, places);
        ids.push({ id: e.id!, n: list.length });
        for (const row of mentionRows(article.text, list, e.id!, articleId, places)) mentions.push(row);
      }
      for (const [a, b] of cooccurringPairs(ids)) pairs.set(a * 65536 + b, (pairs.get(a * 65536 + b) ?? 0) + 1);
      for (const row of figureRows(article.text, found, articleId, article.publishedAt)) figures.push(row);
      if (mentions.length >= CHUNK) {
        await flush();
        console.log(`[kb] ${name}: ${articleId} articles, ${entities.size} entities, ${pairs.size} pairs at ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
    }
    await flush();
    const all = [...entities.values()];
    for (let i = 0; i < all.length; i += CHUNK) await db.entities.bulkAdd(all.slice(i, i + CHUNK));
    // A faithful table has millions of rows at full size and IndexedDB takes ~10k rows/s here, so
    // only the pairs of the most frequent entities (the ones measured: their card reads them all)
    // and an even sample of the rest are written. The true row count is reported beside it.
    const frequent = new Set(all.filter((e) => e.articleCount > 0).sort((x, y) => y.articleCount - x.articleCount).slice(0, PAIR_HEAD).map((e) => e.id!));
    const every = Math.max(1, Math.ceil(pairs.size / PAIR_CAP));
    let rows: Array<{ a: number; b: number; count: number }> = [];
    let i = 0;
    for (const [k, count] of pairs) {
      const a = Math.floor(k / 65536);
      const b = k % 65536;
      if (!(frequent.has(a) || frequent.has(b) || i++ % every === 0)) continue;
      rows.push({ a, b, count });
      if (rows.length >= 50_000) {
        await db.cooccurrences.bulkAdd(rows);
        rows = [];
      }
    }
    truePairs = pairs.size;
    await db.cooccurrences.bulkAdd(rows);
    pairs.clear();
    console.log(`[kb] ${name}: entities and co-occurrences written at ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // Notes: real sentences, on entities (some on the most frequent ones) and on articles.
    const nNotes = Math.round(FULL.notes * scale);
    const texts = noteTexts(base, nNotes);
    const notes: NoteRecord[] = texts.map((text, i) => {
      const target = i % 3 === 2 ? { kind: 'article' as const, id: 1 + ((i * 7919) % articleId) } : { kind: 'entity' as const, id: i % 10 === 0 ? 1 + (i % 5) : 1 + ((i * 7919) % all.length) };
      return { target, text, createdAt: i, updatedAt: i, grams: gramsOf(text) };
    });
    await db.notes.bulkAdd(notes);
  }
  const counts = { articles: await db.articles.count(), entities: await db.entities.count(), mentions: await db.mentions.count(), figures: await db.figures.count(), cooccurrences: await db.cooccurrences.count(), truePairs, notes: await db.notes.count(), ms: performance.now() - t0 };
  db.close();
  return counts;
}

/** Times `fn` `runs` times after one warm-up call; returns the ms of each run. */
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function time(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  await fn(-1);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

/** Times recordReading (50 mentions), getEntityCard (most frequent org and person), search and getKnownNames on database `name`. */
async function measure(name: string, base: BaseArticle[], scale: number, runs: number, query: string) {
  const db = new DossierDb(name);
  await db.open();
  const make = replicator(base, scale);
  const fresh = (i: number) => {
    // A new reading (new URL and text) of names already in the KB: replica numbers beyond the grown ones.
    const { article, mentions } = make(i + 1, 1_000_000 + i);
    return { article: { ...article, url: `https://news.example.com/bench-new/${scale}/${i + 1}.html` }, mentions: mentions.slice(0, 50) };
  };
  const log = (what: string) => console.log(`[kb] ${name}: ${what} measured`);
  const record = await time(runs, (i) => {
    const { article, mentions } = fresh(i);
    return recordReading(db, article, mentions);
  });
  log('recordReading');
  const topOrg = (await db.entities.orderBy('articleCount').reverse().filter((e) => e.type === 'org').first())!;
  const topPerson = (await db.entities.orderBy('articleCount').reverse().filter((e) => e.type === 'person').first())!;
  const cardOrg = await time(runs, () => getEntityCard(db, topOrg.id!));
  const cardPerson = await time(runs, () => getEntityCard(db, topPerson.id!));
  log('getEntityCard');
  let hits = 0;
  const found = await time(runs, async () => {
    const r = await search(db, query);
    hits = r.entities.length + r.articles.length + r.notes.length;
  });
  log('search');
  let known = 0;
  const names = await time(runs, async () => {
    known = (await getKnownNames(db)).entries.length;
  });
  const pairsMs = median(await time(3, async () => [...(await db.cooccurrences.where('a').equals(topOrg.id!).toArray()), ...(await db.cooccurrences.where('b').equals(topOrg.id!).toArray())]));
  const { candidatesByGrams } = await import('@/utils/kb/notes');
  const candidates = { entities: (await candidatesByGrams(db.entities, query))?.length, articles: (await candidatesByGrams(db.articles, query))?.length, notes: (await candidatesByGrams(db.notes, query))?.length };
  const facts = {
    diagnosis: { topOrgPairsLoadMs: pairsMs, searchCandidates: candidates },
    topOrg: { name: topOrg.name, articles: topOrg.articleCount, mentions: topOrg.mentionCount, pairs: (await db.cooccurrences.where('a').equals(topOrg.id!).count()) + (await db.cooccurrences.where('b').equals(topOrg.id!).count()), asOrgOfMentions: await db.mentions.where('org').equals(topOrg.name).count() },
    topPerson: { name: topPerson.name, articles: topPerson.articleCount, mentions: topPerson.mentionCount, titleArticleIds: topPerson.titles.reduce((n, t) => n + t.articleIds.length, 0), pairs: (await db.cooccurrences.where('a').equals(topPerson.id!).count()) + (await db.cooccurrences.where('b').equals(topPerson.id!).count()) },
    searchHits: hits,
    known,
  };
  db.close();
  return { record, cardOrg, cardPerson, search: found, known: names, facts };
}

(window as unknown as { __kb: unknown }).__kb = { grow, measure };
