/** The reader's notes: on an entity, an article, a figure or a quoted passage; searchable. */
import type { Table } from 'dexie';
import type { DossierDb } from './db';
import { KbError } from './entity-ops';
import { gramsOf, queryGrams, searchForm } from './search-grams';
import type { NoteRecord, NoteTarget } from './types';

const MAX_NOTE = 20_000;

function checkText(text: string): string {
  const t = text.trim();
  if (!t) throw new KbError('A note cannot be empty.');
  if (t.length > MAX_NOTE) throw new KbError(`A note can hold at most ${MAX_NOTE} characters.`);
  return t;
}

/** Adds a note; the target must exist. */
export async function addNote(db: DossierDb, target: NoteTarget, text: string, now = Date.now()): Promise<NoteRecord> {
  const body = checkText(text);
  return db.transaction('rw', [db.notes, db.entities, db.articles, db.figures], async () => {
    const table = target.kind === 'entity' ? db.entities : target.kind === 'figure' ? db.figures : db.articles;
    if (!(await table.get(target.id))) throw new KbError(`The ${target.kind === 'quote' ? 'article' : target.kind} this note is for is not in the knowledge base.`);
    const note: NoteRecord = { target, text: body, createdAt: now, updatedAt: now, grams: gramsOf(body) };
    note.id = (await db.notes.add(note)) as number;
    return note;
  });
}

/** Changes a note's text. */
export async function updateNote(db: DossierDb, id: number, text: string, now = Date.now()): Promise<NoteRecord> {
  const body = checkText(text);
  return db.transaction('rw', db.notes, async () => {
    const note = await db.notes.get(id);
    if (!note) throw new KbError(`No note with id ${id}.`);
    const updated = { ...note, text: body, updatedAt: now, grams: gramsOf(body) };
    await db.notes.put(updated);
    return updated;
  });
}

/** Deletes a note and returns it, so the UI can offer undo (`restoreNote`). */
export async function deleteNote(db: DossierDb, id: number): Promise<NoteRecord> {
  return db.transaction('rw', db.notes, async () => {
    const note = await db.notes.get(id);
    if (!note) throw new KbError(`No note with id ${id}.`);
    await db.notes.delete(id);
    return note;
  });
}

/** Puts a deleted note back with its id and dates. */
export async function restoreNote(db: DossierDb, note: NoteRecord): Promise<NoteRecord> {
  await db.notes.put(note);
  return note;
}

/** Candidates read per table for a search: a bound, so search costs the same at any size. */
const SEARCH_CANDIDATES = 300;
/** Keys read per bigram when several must be intersected. */
const GRAM_KEYS = 2000;

/**
 * Ids of records (newest first) whose bigram index holds the query's bigrams: candidates to check
 * for the real substring. Every read is bounded, so the cost does not grow with the knowledge base;
 * with very many matches the newest ones are returned.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function candidatesByGrams(index: Table<any, any>, query: string, limit = SEARCH_CANDIDATES): Promise<number[] | null> {
  const { exact, prefix } = queryGrams(query);
  if (prefix !== null) return (await index.where('grams').startsWith(prefix).reverse().limit(limit).primaryKeys()) as number[];
  if (exact.length === 0) return null;
  if (exact.length === 1) return (await index.where('grams').equals(exact[0]).reverse().limit(limit).primaryKeys()) as number[];
  const lists = (await Promise.all(exact.slice(0, 8).map((g) => index.where('grams').equals(g).reverse().limit(GRAM_KEYS).primaryKeys()))) as number[][];
  lists.sort((x, y) => x.length - y.length);
  let keys = lists[0];
  // Only complete lists can rule a key out.
  for (const other of lists.slice(1)) {
    if (other.length >= GRAM_KEYS) break;
    const set = new Set(other);
    keys = keys.filter((k) => set.has(k));
  }
  return keys.slice(0, limit);
}

/** What a note is attached to, as the notes list shows it, with where to open it. */
export interface NoteTargetInfo {
  label: string;
  /** The article to open (for a quote, scrolled to the passage with a text fragment). */
  url: string | null;
  articleTitle: string | null;
}

/** Describes the targets of some notes, keyed `kind:id` (quotes by note id). */
export async function describeTargets(db: DossierDb, notes: NoteRecord[]): Promise<Record<string, NoteTargetInfo>> {
  const out: Record<string, NoteTargetInfo> = {};
  for (const n of notes) {
    const t = n.target;
    const key = t.kind === 'quote' ? `quote:${n.id}` : `${t.kind}:${t.id}`;
    if (out[key]) continue;
    if (t.kind === 'entity') {
      const e = await db.entities.get(t.id);
      out[key] = { label: e?.name ?? '?', url: null, articleTitle: null };
    } else if (t.kind === 'figure') {
      const f = await db.figures.get(t.id);
      const a = f ? await db.articles.get(f.articleId) : undefined;
      out[key] = { label: f ? `${f.exact}${f.label ? ` · ${f.label}` : ''}` : '?', url: a?.url ?? null, articleTitle: a?.title ?? null };
    } else {
      const a = await db.articles.get(t.id);
      const url = a ? (t.kind === 'quote' ? `${a.url.split('#')[0]}#:~:text=${encodeURIComponent(t.exact.slice(0, 300))}` : a.url) : null;
      out[key] = { label: t.kind === 'quote' ? t.exact : a?.title ?? '?', url, articleTitle: a?.title ?? null };
    }
  }
  return out;
}

/** The notes on quoted passages of one article, grouped by passage, for re-anchoring on the page. */
export async function passageNotes(db: DossierDb, articleId: number): Promise<Array<{ exact: string; prefix: string; suffix: string; notes: NoteRecord[] }>> {
  const notes = await db.notes.where('[target.kind+target.id]').equals(['quote', articleId]).toArray();
  const groups = new Map<string, { exact: string; prefix: string; suffix: string; notes: NoteRecord[] }>();
  for (const n of notes.sort((a, b) => a.createdAt - b.createdAt)) {
    if (n.target.kind !== 'quote') continue;
    const { exact, prefix, suffix } = n.target;
    const key = JSON.stringify([exact, prefix, suffix]);
    if (!groups.has(key)) groups.set(key, { exact, prefix, suffix, notes: [] });
    groups.get(key)!.notes.push(n);
  }
  return [...groups.values()];
}

export interface NoteQuery {
  /** Substring of the note text (Chinese substrings too). */
  query?: string;
  target?: NoteTarget['kind'];
  /** Notes on this entity, or on this article (including quotes in it). */
  entityId?: number;
  articleId?: number;
  offset?: number;
  limit?: number;
}

/** Notes newest first, filtered and paged. */
export async function listNotes(db: DossierDb, q: NoteQuery = {}): Promise<{ notes: NoteRecord[]; total: number }> {
  const limit = Math.min(q.limit ?? 50, 500);
  const offset = q.offset ?? 0;
  let ids: number[] | null = null;
  if (q.query && q.query.trim()) ids = await candidatesByGrams(db.notes, q.query);
  const needle = q.query ? searchForm(q.query) : '';
  const keep = (n: NoteRecord) =>
    (!needle || searchForm(n.text).includes(needle)) &&
    (!q.target || n.target.kind === q.target) &&
    (q.entityId === undefined || (n.target.kind === 'entity' && n.target.id === q.entityId)) &&
    (q.articleId === undefined || ((n.target.kind === 'article' || n.target.kind === 'quote') && n.target.id === q.articleId));
  if (ids) {
    const found = (await db.notes.bulkGet(ids)).filter((n): n is NoteRecord => !!n && keep(n));
    found.sort((a, b) => b.updatedAt - a.updatedAt);
    return { notes: found.slice(offset, offset + limit), total: found.length };
  }
  const filtered = db.notes.orderBy('updatedAt').reverse().filter(keep);
  const total = await filtered.clone().count();
  return { notes: await filtered.offset(offset).limit(limit).toArray(), total };
}
