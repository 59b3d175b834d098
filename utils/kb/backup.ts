/**
 * Export and import of the whole knowledge base as one versioned JSON file, so a reader can move
 * to another browser or keep a copy of years of reading. A file is checked whole (types, limits,
 * references) before anything is written, and an import is one transaction: it lands whole or not.
 */
import Dexie from 'dexie';
import { z } from 'zod';
import type { DossierDb } from './db';
import { KbError } from './entity-ops';
import { CURRENT_VERSION } from './schema';
import { gramsOf } from './search-grams';
import type { ArticleRecord, CooccurrenceRecord, EntityRecord, FigureRecord, MentionRecord, NoteRecord, NoteTarget, TitleHeld } from './types';

/** The name in every backup file: tells a Dossier backup from any other JSON. */
export const BACKUP_FORMAT = 'dossier-backup';
/** Version of the file layout (not of the database): bumped when an older Dossier could not read a newer file. */
export const BACKUP_FORMAT_VERSION = 1;
/** Largest file read, in UTF-16 code units: a hostile file is refused before JSON.parse allocates it all. */
export const MAX_BACKUP_CHARS = 256 * 1024 * 1024;
/** Most records per table a file may hold: far above a reading life, low enough to bound memory. */
export const MAX_ROWS = {
  articles: 200_000,
  entities: 500_000,
  mentions: 5_000_000,
  figures: 2_000_000,
  cooccurrences: 5_000_000,
  notes: 200_000,
} as const;
/** Ids above this are refused, so remapped ids (file id + highest id in use) stay exact integers. */
const MAX_ID = 2 ** 40;

/** The tables of the knowledge base, in the order a file lists them and an import writes them. */
export const TABLES = ['articles', 'entities', 'mentions', 'figures', 'cooccurrences', 'notes'] as const;
export type TableName = (typeof TABLES)[number];
export type ImportMode = 'merge' | 'replace';

// ---------------------------------------------------------------------------------------------
// The file's schema

const id = z.number().int().min(1).max(MAX_ID);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** Milliseconds since the epoch, within what a Date can hold. */
const time = z.number().int().min(0).max(8.64e15);
const text = (max: number) => z.string().max(max);
const day = text(64);

const articleSchema = z.strictObject({
  id,
  // Only web addresses: an article URL becomes a link on cards and in the popup.
  url: text(4096).regex(/^https?:\/\//i, 'must be an http(s) address'),
  site: text(300),
  title: text(2000),
  publishedAt: text(64).nullable(),
  firstReadAt: time,
  readAt: time,
  lang: z.enum(['zh', 'en']),
  hash: text(128),
  textLength: count,
  mentionCount: count,
});

const titleHeldSchema = z.strictObject({
  title: text(200),
  org: text(500).nullable(),
  firstSeen: day,
  lastSeen: day,
  articleIds: z.array(id).max(MAX_ROWS.articles),
});

const entitySchema = z.strictObject({
  id,
  key: text(520).min(1),
  type: z.enum(['person', 'org']),
  name: text(500).min(1),
  aliases: z.array(text(500)).max(1000),
  kind: z.enum(['gov', 'other']).optional(),
  official: z.boolean().optional(),
  titles: z.array(titleHeldSchema).max(10_000),
  articleCount: count,
  mentionCount: count,
  firstSeen: day,
  lastSeen: day,
  ignored: z.boolean(),
});

const mentionSchema = z.strictObject({
  id,
  entityId: id,
  articleId: id,
  start: count,
  end: count,
  exact: text(2000),
  prefix: text(1000),
  suffix: text(1000),
  titles: z.array(text(200)).max(100),
  org: text(500).nullable(),
});

const figureSchema = z.strictObject({
  id,
  articleId: id,
  start: count,
  end: count,
  value: z.number(),
  unit: text(64),
  modifier: text(64).optional(),
  label: text(2000),
  exact: text(2000),
  sentence: text(20_000),
  date: text(64).nullable(),
});

const cooccurrenceSchema = z.strictObject({ a: id, b: id, count: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

const noteTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('entity'), id }),
  z.strictObject({ kind: z.literal('article'), id }),
  z.strictObject({ kind: z.literal('figure'), id }),
  z.strictObject({ kind: z.literal('quote'), id, exact: text(5000), prefix: text(1000), suffix: text(1000) }),
]);

const noteSchema = z.strictObject({ id, target: noteTargetSchema, text: text(20_000).min(1), createdAt: time, updatedAt: time });

/** The whole backup file: strict (unknown keys are refused, `__proto__` included) and bounded. */
export const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  /** The database version that wrote it; informative: `formatVersion` decides what can be read. */
  schemaVersion: z.number().int().min(1).max(10_000),
  exportedAt: text(64),
  counts: z.strictObject({ articles: count, entities: count, mentions: count, figures: count, cooccurrences: count, notes: count }),
  tables: z.strictObject({
    articles: z.array(articleSchema).max(MAX_ROWS.articles),
    entities: z.array(entitySchema).max(MAX_ROWS.entities),
    mentions: z.array(mentionSchema).max(MAX_ROWS.mentions),
    figures: z.array(figureSchema).max(MAX_ROWS.figures),
    cooccurrences: z.array(cooccurrenceSchema).max(MAX_ROWS.cooccurrences),
    notes: z.array(noteSchema).max(MAX_ROWS.notes),
  }),
});

/** A checked backup file. */
export type Backup = z.output<typeof backupSchema>;
export type BackupArticle = Backup['tables']['articles'][number];
export type BackupEntity = Backup['tables']['entities'][number];
export type BackupMention = Backup['tables']['mentions'][number];
export type BackupFigure = Backup['tables']['figures'][number];
export type BackupNote = Backup['tables']['notes'][number];

// ---------------------------------------------------------------------------------------------
// Export

const allTables = (db: DossierDb) => [db.articles, db.entities, db.mentions, db.figures, db.cooccurrences, db.notes];

function articleOut(a: Omit<ArticleRecord, 'grams'>): BackupArticle {
  return {
    id: a.id!,
    url: a.url,
    site: a.site,
    title: a.title,
    publishedAt: a.publishedAt ?? null,
    firstReadAt: a.firstReadAt,
    readAt: a.readAt,
    lang: a.lang,
    hash: a.hash,
    textLength: a.textLength,
    mentionCount: a.mentionCount,
  };
}

function titleOut(t: TitleHeld): TitleHeld {
  return { title: t.title, org: t.org ?? null, firstSeen: t.firstSeen, lastSeen: t.lastSeen, articleIds: [...t.articleIds] };
}

function entityOut(e: Omit<EntityRecord, 'grams'>): BackupEntity {
  return {
    id: e.id!,
    key: e.key,
    type: e.type,
    name: e.name,
    aliases: [...e.aliases],
    ...(e.kind !== undefined ? { kind: e.kind } : {}),
    ...(e.official !== undefined ? { official: e.official } : {}),
    titles: e.titles.map(titleOut),
    articleCount: e.articleCount,
    mentionCount: e.mentionCount,
    firstSeen: e.firstSeen,
    lastSeen: e.lastSeen,
    ignored: e.ignored,
  };
}

function mentionOut(m: MentionRecord): BackupMention {
  return { id: m.id!, entityId: m.entityId, articleId: m.articleId, start: m.start, end: m.end, exact: m.exact, prefix: m.prefix, suffix: m.suffix, titles: [...m.titles], org: m.org ?? null };
}

function figureOut(f: FigureRecord): BackupFigure {
  return {
    id: f.id!,
    articleId: f.articleId,
    start: f.start,
    end: f.end,
    value: f.value,
    unit: f.unit,
    ...(f.modifier !== undefined ? { modifier: f.modifier } : {}),
    label: f.label,
    exact: f.exact,
    sentence: f.sentence,
    date: f.date ?? null,
  };
}

function targetOut(t: NoteTarget): NoteTarget {
  return t.kind === 'quote' ? { kind: 'quote', id: t.id, exact: t.exact, prefix: t.prefix, suffix: t.suffix } : { kind: t.kind, id: t.id };
}

function noteOut(n: NoteRecord): BackupNote {
  return { id: n.id!, target: targetOut(n.target), text: n.text, createdAt: n.createdAt, updatedAt: n.updatedAt };
}

function countsOf(tables: Backup['tables']): Backup['counts'] {
  return {
    articles: tables.articles.length,
    entities: tables.entities.length,
    mentions: tables.mentions.length,
    figures: tables.figures.length,
    cooccurrences: tables.cooccurrences.length,
    notes: tables.notes.length,
  };
}

/**
 * Every record of the knowledge base, by primary key, without the derived search bigrams: the
 * same database always gives the same file (but for `exportedAt`), with fields in a fixed order.
 */
export async function exportBackup(db: DossierDb, now = Date.now()): Promise<Backup> {
  return db.transaction('r', allTables(db), async () => {
    const tables: Backup['tables'] = {
      articles: (await db.articles.toArray()).map(articleOut),
      entities: (await db.entities.toArray()).map(entityOut),
      mentions: (await db.mentions.toArray()).map(mentionOut),
      figures: (await db.figures.toArray()).map(figureOut),
      cooccurrences: (await db.cooccurrences.toArray()).map((c) => ({ a: c.a, b: c.b, count: c.count })),
      notes: (await db.notes.toArray()).map(noteOut),
    };
    return {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      schemaVersion: CURRENT_VERSION,
      exportedAt: new Date(now).toISOString(),
      counts: countsOf(tables),
      tables,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Parsing and checking a file

/** A reason to refuse a file, raised deep in the checks and turned into `{ ok: false }`. */
class Refusal extends Error {}

/** `tables.mentions[12].entityId` from a zod path. */
function pathText(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

function issueText(issue: z.core.$ZodIssue): string {
  const where = pathText(issue.path);
  let message = issue.message;
  if (issue.code === 'invalid_type' && /received undefined$/.test(message)) message = 'missing';
  return where ? `${where}: ${message}` : message;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The checks a schema cannot express: counts, unique ids and keys, and that every reference resolves. */
function checkIntegrity(b: Backup): void {
  for (const t of TABLES) {
    if (b.counts[t] !== b.tables[t].length) throw new Refusal(`counts.${t}: says ${b.counts[t]} but tables.${t} holds ${b.tables[t].length} records`);
  }
  const idsOf = (table: 'articles' | 'entities' | 'mentions' | 'figures' | 'notes'): Set<number> => {
    const ids = new Set<number>();
    b.tables[table].forEach((r, i) => {
      if (ids.has(r.id)) throw new Refusal(`tables.${table}[${i}].id: id ${r.id} appears twice`);
      ids.add(r.id);
    });
    return ids;
  };
  const articles = idsOf('articles');
  const entities = idsOf('entities');
  idsOf('mentions');
  const figures = idsOf('figures');
  idsOf('notes');

  const unique = <T>(table: TableName, field: string, values: T[]) => {
    const seen = new Set<T>();
    values.forEach((v, i) => {
      if (seen.has(v)) throw new Refusal(`tables.${table}[${i}].${field}: ${JSON.stringify(v)} appears twice`);
      seen.add(v);
    });
  };
  unique('articles', 'url', b.tables.articles.map((a) => a.url));
  unique('entities', 'key', b.tables.entities.map((e) => e.key));

  const need = (set: Set<number>, value: number, where: string, what: string) => {
    if (!set.has(value)) throw new Refusal(`${where}: no ${what} ${value} in the file`);
  };
  b.tables.entities.forEach((e, i) =>
    e.titles.forEach((t, j) => t.articleIds.forEach((a, k) => need(articles, a, `tables.entities[${i}].titles[${j}].articleIds[${k}]`, 'article'))),
  );
  b.tables.mentions.forEach((m, i) => {
    need(entities, m.entityId, `tables.mentions[${i}].entityId`, 'entity');
    need(articles, m.articleId, `tables.mentions[${i}].articleId`, 'article');
    if (m.end < m.start) throw new Refusal(`tables.mentions[${i}].end: ends before it starts`);
  });
  b.tables.figures.forEach((f, i) => {
    need(articles, f.articleId, `tables.figures[${i}].articleId`, 'article');
    if (f.end < f.start) throw new Refusal(`tables.figures[${i}].end: ends before it starts`);
  });
  const pairs = new Set<string>();
  b.tables.cooccurrences.forEach((c, i) => {
    need(entities, c.a, `tables.cooccurrences[${i}].a`, 'entity');
    need(entities, c.b, `tables.cooccurrences[${i}].b`, 'entity');
    if (c.a >= c.b) throw new Refusal(`tables.cooccurrences[${i}]: a (${c.a}) must be below b (${c.b})`);
    const key = `${c.a},${c.b}`;
    if (pairs.has(key)) throw new Refusal(`tables.cooccurrences[${i}]: the pair ${c.a}, ${c.b} appears twice`);
    pairs.add(key);
  });
  b.tables.notes.forEach((n, i) => {
    const where = `tables.notes[${i}].target.id`;
    if (n.target.kind === 'entity') need(entities, n.target.id, where, 'entity');
    else if (n.target.kind === 'figure') need(figures, n.target.id, where, 'figure');
    else need(articles, n.target.id, where, 'article');
  });
}

/** Outcome of reading a file: the checked backup, or why it was refused (for the reader). */
export type ParseResult = { ok: true; backup: Backup } | { ok: false; error: string };

/**
 * Reads a backup file (its text, or an already parsed value) and checks it whole. Never throws:
 * anything wrong (bad JSON, another format, a newer Dossier, a wrong type, a dangling reference)
 * comes back as `{ ok: false, error }` naming what and where.
 */
export function parseBackup(json: string | unknown): ParseResult {
  try {
    let value: unknown = json;
    if (typeof json === 'string') {
      if (json.length > MAX_BACKUP_CHARS) return { ok: false, error: `The file is too large (over ${MAX_BACKUP_CHARS / 1024 / 1024} MB of text) to be a Dossier backup.` };
      try {
        value = JSON.parse(json);
      } catch (e) {
        return { ok: false, error: `The file is not valid JSON (is it truncated?): ${e instanceof Error ? e.message : String(e)}` };
      }
    }
    if (!isPlainObject(value)) return { ok: false, error: 'This is not a Dossier backup: the file does not hold a JSON object.' };
    if (value.format !== BACKUP_FORMAT) {
      const found = typeof value.format === 'string' ? `“${value.format.slice(0, 60)}”` : 'missing';
      return { ok: false, error: `This is not a Dossier backup: format is ${found}, expected “${BACKUP_FORMAT}”.` };
    }
    const version = value.formatVersion;
    if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_FORMAT_VERSION) {
      return { ok: false, error: `This backup was made by a newer Dossier (backup format ${version}; this one reads format ${BACKUP_FORMAT_VERSION}). Update Dossier to import it.` };
    }
    const parsed = backupSchema.safeParse(value);
    if (!parsed.success) {
      const issues = parsed.error.issues;
      const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
      return { ok: false, error: `The backup is damaged: ${issueText(issues[0])}${more}.` };
    }
    checkIntegrity(parsed.data);
    return { ok: true, backup: parsed.data };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, error: `The backup is damaged: ${e.message}.` };
    return { ok: false, error: `The backup could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
}

// ---------------------------------------------------------------------------------------------
// Import: a plan (read only, shared by preview and import), then its writes

/** What an import does to one table. */
export interface TableChange {
  added: number;
  updated: number;
  removed: number;
}

/** What an import would do (preview) or did (import), per table and for the records matched by identity. */
export interface ImportSummary {
  mode: ImportMode;
  tables: Record<TableName, TableChange>;
  /** Articles of the file that are new, and those that are already here (same URL or same text). */
  articles: { new: number; matched: number };
  /** Entities of the file that are new, and those merged into one already here with the same key. */
  entities: { new: number; merged: number };
  /** Mentions and figures of matched articles: the copy already here is kept. */
  skipped: { mentions: number; figures: number };
  /** Notes already here (same target, text and creation time); figure notes kept as quotes (see below). */
  notes: { duplicates: number; figureNotesAsQuotes: number };
}

interface Writes {
  articles: { add: ArticleRecord[]; put: ArticleRecord[] };
  entities: { add: EntityRecord[]; put: EntityRecord[] };
  mentions: MentionRecord[];
  figures: FigureRecord[];
  cooccurrences: CooccurrenceRecord[];
  notes: NoteRecord[];
}

interface Plan {
  summary: ImportSummary;
  writes: Writes;
}

const withArticleGrams = (a: BackupArticle): ArticleRecord => ({ ...a, grams: gramsOf(a.title, a.site) });
const withEntityGrams = (e: Omit<EntityRecord, 'grams'>): EntityRecord => ({ ...e, grams: gramsOf(e.name, ...e.aliases) });
const withNoteGrams = (n: Omit<NoteRecord, 'grams'>): NoteRecord => ({ ...n, grams: gramsOf(n.text) });

function emptySummary(mode: ImportMode): ImportSummary {
  const tables = Object.fromEntries(TABLES.map((t) => [t, { added: 0, updated: 0, removed: 0 }])) as Record<TableName, TableChange>;
  return { mode, tables, articles: { new: 0, matched: 0 }, entities: { new: 0, merged: 0 }, skipped: { mentions: 0, figures: 0 }, notes: { duplicates: 0, figureNotesAsQuotes: 0 } };
}

/** `replace`: everything here goes, the file's records come in with their ids. */
async function planReplace(db: DossierDb, b: Backup): Promise<Plan> {
  const summary = emptySummary('replace');
  const here = [await db.articles.count(), await db.entities.count(), await db.mentions.count(), await db.figures.count(), await db.cooccurrences.count(), await db.notes.count()];
  TABLES.forEach((t, i) => {
    summary.tables[t] = { added: b.tables[t].length, updated: 0, removed: here[i] };
  });
  summary.articles.new = b.tables.articles.length;
  summary.entities.new = b.tables.entities.length;
  const writes: Writes = {
    articles: { add: b.tables.articles.map(withArticleGrams), put: [] },
    entities: { add: b.tables.entities.map(withEntityGrams), put: [] },
    mentions: b.tables.mentions,
    figures: b.tables.figures,
    cooccurrences: b.tables.cooccurrences,
    notes: b.tables.notes.map(withNoteGrams),
  };
  return { summary, writes };
}

/** Highest primary key in use: new ids of a merge are the file's ids shifted past it (gaps and order kept). */
async function highestId(table: { orderBy(index: string): { lastKey(): PromiseLike<unknown> } }): Promise<number> {
  const last = await table.orderBy(':id').lastKey();
  return typeof last === 'number' ? last : 0;
}

const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
const pairKey = (a: number, b: number) => (a < b ? `${a},${b}` : `${b},${a}`);

/** Maps every article of the file to one here (same URL, else same text) or to a new id. */
async function planArticles(db: DossierDb, b: Backup, summary: ImportSummary, writes: Writes) {
  const offset = await highestId(db.articles);
  const byUrl = new Map<string, ArticleRecord>();
  for (const a of await db.articles.where('url').anyOf(b.tables.articles.map((x) => x.url)).toArray()) byUrl.set(a.url, a);
  const byHash = new Map<string, ArticleRecord>();
  const sameText = await db.articles.where('hash').anyOf(b.tables.articles.map((x) => x.hash)).toArray();
  for (const a of sameText.sort((x, y) => x.id! - y.id!)) if (!byHash.has(a.hash)) byHash.set(a.hash, a);

  const map = new Map<number, number>();
  const matched = new Set<number>();
  const updated = new Map<number, { before: ArticleRecord; after: ArticleRecord }>();
  for (const a of b.tables.articles) {
    const here = byUrl.get(a.url) ?? byHash.get(a.hash);
    if (!here) {
      map.set(a.id, a.id + offset);
      writes.articles.add.push(withArticleGrams({ ...a, id: a.id + offset }));
      continue;
    }
    map.set(a.id, here.id!);
    matched.add(a.id);
    const entry = updated.get(here.id!) ?? { before: here, after: { ...here } };
    entry.after.firstReadAt = Math.min(entry.after.firstReadAt, a.firstReadAt);
    entry.after.readAt = Math.max(entry.after.readAt, a.readAt);
    updated.set(here.id!, entry);
  }
  for (const { before, after } of updated.values()) if (!same(articleOut(before), articleOut(after))) writes.articles.put.push(after);
  summary.articles = { new: writes.articles.add.length, matched: matched.size };
  summary.tables.articles.added = writes.articles.add.length;
  summary.tables.articles.updated = writes.articles.put.length;
  return { map, matched };
}

function remapTitles(titles: TitleHeld[], articleMap: Map<number, number>): TitleHeld[] {
  return titles.map((t) => ({ ...titleOut(t), articleIds: [...new Set(t.articleIds.map((a) => articleMap.get(a)!))] }));
}

/** Titles per (title, org) of two records of one entity, first and last seen widened, articles united. */
function mergeTitles(into: TitleHeld[], from: TitleHeld[]): TitleHeld[] {
  const out = into.map(titleOut);
  for (const t of from) {
    const held = out.find((o) => o.title === t.title && o.org === t.org);
    if (!held) out.push(titleOut(t));
    else {
      if (t.firstSeen < held.firstSeen) held.firstSeen = t.firstSeen;
      if (t.lastSeen > held.lastSeen) held.lastSeen = t.lastSeen;
      for (const a of t.articleIds) if (!held.articleIds.includes(a)) held.articleIds.push(a);
    }
  }
  return out;
}

/** One entity record from the one here and the file's with the same key; counts are set later. */
function mergeEntity(here: EntityRecord, file: BackupEntity, articleMap: Map<number, number>): EntityRecord {
  const aliases = [...new Set([...here.aliases, file.name, ...file.aliases])].filter((a) => a !== here.name);
  const kind = here.kind ?? file.kind;
  const official = here.official || file.official;
  return withEntityGrams({
    ...entityOut(here),
    aliases,
    ...(kind !== undefined ? { kind } : {}),
    ...(official !== undefined ? { official } : {}),
    titles: mergeTitles(here.titles, remapTitles(file.titles, articleMap)),
    firstSeen: file.firstSeen < here.firstSeen ? file.firstSeen : here.firstSeen,
    lastSeen: file.lastSeen > here.lastSeen ? file.lastSeen : here.lastSeen,
    ignored: here.ignored || file.ignored,
  });
}

/**
 * `merge`: the file's records get new ids; an entity with a key already here, or an article with
 * its URL or text already here, is that record. Everything is read and decided here, nothing written.
 */
async function planMerge(db: DossierDb, b: Backup): Promise<Plan> {
  const summary = emptySummary('merge');
  const writes: Writes = { articles: { add: [], put: [] }, entities: { add: [], put: [] }, mentions: [], figures: [], cooccurrences: [], notes: [] };
  const offsets = { entities: await highestId(db.entities), mentions: await highestId(db.mentions), figures: await highestId(db.figures), notes: await highestId(db.notes) };
  const articles = await planArticles(db, b, summary, writes);
  const highest = Math.max(...TABLES.filter((t) => t !== 'cooccurrences').map((t) => b.tables[t].reduce((m, r) => Math.max(m, 'id' in r ? r.id : 0), 0)));
  if (Math.max(...Object.values(offsets), ...writes.articles.add.map((a) => a.id!)) + highest > Number.MAX_SAFE_INTEGER) {
    throw new KbError('The knowledge base has used too many ids to merge this backup; import it with “replace” instead.');
  }

  // Entities: merged by key into the one here, else new.
  const byKey = new Map<string, EntityRecord>();
  for (const e of await db.entities.where('key').anyOf(b.tables.entities.map((x) => x.key)).toArray()) byKey.set(e.key, e);
  const entityMap = new Map<number, number>();
  const entities = new Map<number, { record: EntityRecord; before?: EntityRecord }>();
  for (const e of b.tables.entities) {
    const here = byKey.get(e.key);
    if (here) {
      entityMap.set(e.id, here.id!);
      entities.set(here.id!, { record: mergeEntity(here, e, articles.map), before: here });
    } else {
      const newId = e.id + offsets.entities;
      entityMap.set(e.id, newId);
      entities.set(newId, { record: withEntityGrams({ ...entityOut(e), id: newId, titles: remapTitles(e.titles, articles.map), articleCount: 0, mentionCount: 0 }) });
    }
  }

  // Mentions and figures of new articles; a matched article keeps its own.
  const added = new Map<number, { mentions: number; articles: Set<number> }>();
  for (const m of b.tables.mentions) {
    if (articles.matched.has(m.articleId)) {
      summary.skipped.mentions++;
      continue;
    }
    const mention: MentionRecord = { ...m, id: m.id + offsets.mentions, entityId: entityMap.get(m.entityId)!, articleId: articles.map.get(m.articleId)! };
    writes.mentions.push(mention);
    const tally = added.get(mention.entityId) ?? { mentions: 0, articles: new Set<number>() };
    tally.mentions++;
    tally.articles.add(mention.articleId);
    added.set(mention.entityId, tally);
  }
  const figureMap = new Map<number, number>();
  for (const f of b.tables.figures) {
    if (articles.matched.has(f.articleId)) {
      summary.skipped.figures++;
      continue;
    }
    figureMap.set(f.id, f.id + offsets.figures);
    writes.figures.push({ ...f, id: f.id + offsets.figures, articleId: articles.map.get(f.articleId)! });
  }

  // Counts from the mentions as they will be: those here plus those added (in new articles only).
  for (const [entityId, { record, before }] of entities) {
    const tally = added.get(entityId);
    let mentions = tally?.mentions ?? 0;
    let inArticles = tally?.articles.size ?? 0;
    if (before) {
      mentions += await db.mentions.where('entityId').equals(entityId).count();
      inArticles += (await db.mentions.where('[entityId+articleId]').between([entityId, Dexie.minKey], [entityId, Dexie.maxKey]).uniqueKeys()).length;
    }
    record.articleCount = inArticles;
    record.mentionCount = mentions;
    if (!before) writes.entities.add.push(record);
    else if (!same(entityOut(before), entityOut(record))) writes.entities.put.push(record);
  }
  summary.entities = { new: writes.entities.add.length, merged: entities.size - writes.entities.add.length };
  summary.tables.entities.added = writes.entities.add.length;
  summary.tables.entities.updated = writes.entities.put.length;
  summary.tables.mentions.added = writes.mentions.length;
  summary.tables.figures.added = writes.figures.length;

  await planCooccurrences(db, b, articles.matched, entityMap, summary, writes);
  await planNotes(db, b, articles.map, entityMap, figureMap, offsets.notes, summary, writes);
  return { summary, writes };
}

/**
 * A pair's count in the file covers articles that may already be here. Pairs seen only in articles
 * already here add nothing; pairs seen only in new articles add their count; pairs seen in both add
 * their count less the articles already here. A pair no article of the file shows together (left
 * by a merge of entities) ends at the larger of the two counts. So importing a file twice adds nothing.
 */
async function planCooccurrences(db: DossierDb, b: Backup, matched: Set<number>, entityMap: Map<number, number>, summary: ImportSummary, writes: Writes) {
  if (b.tables.cooccurrences.length === 0) return;
  const articlesOf = new Map<number, Set<number>>();
  for (const m of b.tables.mentions) {
    if (!articlesOf.has(m.entityId)) articlesOf.set(m.entityId, new Set());
    articlesOf.get(m.entityId)!.add(m.articleId);
  }
  const keys = b.tables.cooccurrences.map((c): [number, number] => {
    const [x, y] = [entityMap.get(c.a)!, entityMap.get(c.b)!];
    return x < y ? [x, y] : [y, x];
  });
  const here = await db.cooccurrences.bulkGet(keys);
  const seen = new Set<string>();
  b.tables.cooccurrences.forEach((c, i) => {
    const A = articlesOf.get(c.a) ?? new Set<number>();
    const B = articlesOf.get(c.b) ?? new Set<number>();
    const [small, large] = A.size <= B.size ? [A, B] : [B, A];
    let inNew = 0;
    let inMatched = 0;
    for (const a of small) if (large.has(a)) matched.has(a) ? inMatched++ : inNew++;
    const existing = here[i]?.count ?? 0;
    const add = inNew === 0 && inMatched === 0 ? Math.max(0, c.count - existing) : inMatched === 0 ? c.count : inNew === 0 ? 0 : Math.max(0, c.count - inMatched);
    const key = pairKey(keys[i][0], keys[i][1]);
    if (add === 0 || seen.has(key)) return;
    seen.add(key);
    writes.cooccurrences.push({ a: keys[i][0], b: keys[i][1], count: existing + add });
    if (here[i]) summary.tables.cooccurrences.updated++;
    else summary.tables.cooccurrences.added++;
  });
}

const noteSignature = (target: NoteTarget, text: string, createdAt: number) => JSON.stringify([targetOut(target), text, createdAt]);

/**
 * Notes come in with their targets remapped, except one identical (target, text, creation time) to
 * a note already here. A note on a figure of an article already here goes to that article's same
 * figure (same position and text); if its text changed and the figure is gone, the note is kept
 * as a quote of the figure's passage rather than lost.
 */
async function planNotes(
  db: DossierDb,
  b: Backup,
  articleMap: Map<number, number>,
  entityMap: Map<number, number>,
  figureMap: Map<number, number>,
  offset: number,
  summary: ImportSummary,
  writes: Writes,
) {
  if (b.tables.notes.length === 0) return;
  const figures = new Map(b.tables.figures.map((f) => [f.id, f]));
  // The figures here that the file's figure notes may point at, read in one query before the loop:
  // an async helper that awaits only now and then, awaited per note inside the transaction, ran
  // Dexie out of its budget of native awaits and the transaction committed under it
  // (PrematureCommitError, seen importing notes into a fresh profile; dexie#1186).
  const articlesHere = new Set<number>();
  for (const n of b.tables.notes) {
    if (n.target.kind !== 'figure' || figureMap.has(n.target.id)) continue;
    const f = figures.get(n.target.id);
    if (f) articlesHere.add(articleMap.get(f.articleId)!);
  }
  const figuresHere = new Map<number, FigureRecord[]>();
  if (articlesHere.size) {
    for (const h of await db.figures.where('articleId').anyOf([...articlesHere]).toArray()) {
      const list = figuresHere.get(h.articleId) ?? [];
      list.push(h);
      figuresHere.set(h.articleId, list);
    }
  }
  const targetOf = (t: BackupNote['target']): NoteTarget => {
    if (t.kind === 'entity') return { kind: 'entity', id: entityMap.get(t.id)! };
    if (t.kind === 'article') return { kind: 'article', id: articleMap.get(t.id)! };
    if (t.kind === 'quote') return { ...targetOut(t), id: articleMap.get(t.id)! } as NoteTarget;
    const added = figureMap.get(t.id);
    if (added !== undefined) return { kind: 'figure', id: added };
    const f = figures.get(t.id)!;
    const articleId = articleMap.get(f.articleId)!;
    const twin = (figuresHere.get(articleId) ?? []).find((h) => h.start === f.start && h.end === f.end && h.exact === f.exact);
    if (twin) return { kind: 'figure', id: twin.id! };
    summary.notes.figureNotesAsQuotes++;
    const at = f.sentence.indexOf(f.exact);
    return at < 0
      ? { kind: 'quote', id: articleId, exact: f.exact, prefix: '', suffix: '' }
      : { kind: 'quote', id: articleId, exact: f.exact, prefix: f.sentence.slice(0, at), suffix: f.sentence.slice(at + f.exact.length) };
  };
  const planned: NoteRecord[] = [];
  for (const n of b.tables.notes) planned.push(withNoteGrams({ id: n.id + offset, target: targetOf(n.target), text: n.text, createdAt: n.createdAt, updatedAt: n.updatedAt }));
  const existing = await db.notes.where('target.id').anyOf([...new Set(planned.map((n) => n.target.id))]).toArray();
  const signatures = new Set(existing.map((n) => noteSignature(n.target, n.text, n.createdAt)));
  for (const n of planned) {
    if (signatures.has(noteSignature(n.target, n.text, n.createdAt))) summary.notes.duplicates++;
    else writes.notes.push(n);
  }
  summary.tables.notes.added = writes.notes.length;
}

async function plan(db: DossierDb, b: Backup, mode: ImportMode): Promise<Plan> {
  if (mode === 'replace') return planReplace(db, b);
  if (mode === 'merge') return planMerge(db, b);
  throw new KbError(`Unknown import mode “${String(mode)}”: choose merge or replace.`);
}

function checked(backup: Backup): Backup {
  const result = parseBackup(backup);
  if (!result.ok) throw new KbError(result.error);
  return result.backup;
}

/**
 * What importing would add, update and remove per table, and how many entities and articles of
 * the file are already here: to show the reader before they confirm. Reads only.
 */
export async function previewImport(db: DossierDb, backup: Backup, mode: ImportMode): Promise<ImportSummary> {
  const b = checked(backup);
  return db.transaction('r', allTables(db), () => plan(db, b, mode).then((p) => p.summary));
}

/**
 * Imports a backup in one read-write transaction over every table: `replace` empties the
 * knowledge base and restores the file; `merge` adds the file to what is here (see planMerge).
 * Search bigrams are recomputed. Any failure throws and leaves the database as it was.
 */
export async function importBackup(db: DossierDb, backup: Backup, mode: ImportMode): Promise<ImportSummary> {
  const b = checked(backup);
  return db.transaction('rw', allTables(db), async () => {
    const { summary, writes } = await plan(db, b, mode);
    if (mode === 'replace') await Promise.all(allTables(db).map((t) => t.clear()));
    await db.articles.bulkAdd(writes.articles.add);
    await db.articles.bulkPut(writes.articles.put);
    await db.entities.bulkAdd(writes.entities.add);
    await db.entities.bulkPut(writes.entities.put);
    await db.mentions.bulkAdd(writes.mentions);
    await db.figures.bulkAdd(writes.figures);
    await db.cooccurrences.bulkPut(writes.cooccurrences);
    await db.notes.bulkAdd(writes.notes);
    return summary;
  });
}
