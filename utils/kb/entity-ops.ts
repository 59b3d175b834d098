/**
 * What the reader can do to the knowledge base's people and agencies: merge two that are one,
 * rename, add an alias, mark "not an entity", delete. Each is one transaction.
 */
import { normalizeName } from '@/utils/recognize/known';
import type { DossierDb } from './db';
import { entityKey } from './record-reading';
import { gramsOf } from './search-grams';
import type { EntityRecord, TitleHeld } from './types';

/** Thrown for a request the data cannot satisfy (unknown id, name taken …); its message is for the reader. */
export class KbError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KbError';
  }
}

async function mustGet(db: DossierDb, id: number): Promise<EntityRecord> {
  const e = await db.entities.get(id);
  if (!e) throw new KbError(`No entity with id ${id}.`);
  return e;
}

function withGrams(e: EntityRecord): EntityRecord {
  return { ...e, grams: gramsOf(e.name, ...e.aliases) };
}

function mergeTitles(into: TitleHeld[], from: TitleHeld[]): TitleHeld[] {
  const out = into.map((t) => ({ ...t, articleIds: [...t.articleIds] }));
  for (const t of from) {
    const same = out.find((o) => o.title === t.title && o.org === t.org);
    if (!same) out.push({ ...t, articleIds: [...t.articleIds] });
    else {
      if (t.firstSeen < same.firstSeen) same.firstSeen = t.firstSeen;
      if (t.lastSeen > same.lastSeen) same.lastSeen = t.lastSeen;
      for (const a of t.articleIds) if (!same.articleIds.includes(a)) same.articleIds.push(a);
    }
  }
  return out;
}

/**
 * Folds `dropId` into `keepId`: every mention, note, title and co-occurrence moves over, the
 * dropped name becomes an alias. Counts are recomputed from the mentions, so nothing is counted twice.
 */
export async function mergeEntities(db: DossierDb, keepId: number, dropId: number): Promise<EntityRecord> {
  if (keepId === dropId) throw new KbError('An entity cannot be merged with itself.');
  return db.transaction('rw', [db.entities, db.mentions, db.cooccurrences, db.notes], async () => {
    const keep = await mustGet(db, keepId);
    const drop = await mustGet(db, dropId);
    if (keep.type !== drop.type) throw new KbError('Only two people or two organizations can be merged.');
    await db.mentions.where('entityId').equals(dropId).modify({ entityId: keepId });
    const mentions = await db.mentions.where('entityId').equals(keepId).toArray();
    const articles = new Set(mentions.map((m) => m.articleId));
    const merged: EntityRecord = withGrams({
      ...keep,
      aliases: [...new Set([...keep.aliases, drop.name, ...drop.aliases])].filter((a) => a !== keep.name),
      titles: mergeTitles(keep.titles, drop.titles),
      articleCount: articles.size,
      mentionCount: mentions.length,
      firstSeen: keep.firstSeen < drop.firstSeen ? keep.firstSeen : drop.firstSeen,
      lastSeen: keep.lastSeen > drop.lastSeen ? keep.lastSeen : drop.lastSeen,
      official: keep.official || drop.official,
      ignored: keep.ignored && drop.ignored,
    });
    await db.entities.put(merged);
    await db.entities.delete(dropId);
    // Co-occurrences of the dropped entity move to the kept one (adding up where both had a pair).
    const pairs = [...(await db.cooccurrences.where('a').equals(dropId).toArray()), ...(await db.cooccurrences.where('b').equals(dropId).toArray())];
    for (const p of pairs) {
      await db.cooccurrences.delete([p.a, p.b]);
      const other = p.a === dropId ? p.b : p.a;
      if (other === keepId) continue;
      const key: [number, number] = keepId < other ? [keepId, other] : [other, keepId];
      const existing = await db.cooccurrences.get(key);
      await db.cooccurrences.put({ a: key[0], b: key[1], count: (existing?.count ?? 0) + p.count });
    }
    await db.notes.where('target.id').equals(dropId).modify((n) => {
      if (n.target.kind === 'entity') n.target = { kind: 'entity', id: keepId };
    });
    return merged;
  });
}

/** Renames an entity; the old name stays as an alias so it is still recognised. */
export async function renameEntity(db: DossierDb, id: number, newName: string): Promise<EntityRecord> {
  const name = normalizeName(newName);
  if (!name) throw new KbError('A name cannot be empty.');
  return db.transaction('rw', db.entities, async () => {
    const e = await mustGet(db, id);
    const key = entityKey(e.type, name);
    const clash = await db.entities.where('key').equals(key).first();
    if (clash && clash.id !== id) throw new KbError(`“${name}” already exists: merge the two instead.`);
    const renamed = withGrams({ ...e, key, name, aliases: [...new Set([...e.aliases, e.name])].filter((a) => a !== name) });
    await db.entities.put(renamed);
    return renamed;
  });
}

/** Adds another name the same entity goes by. */
export async function addAlias(db: DossierDb, id: number, alias: string): Promise<EntityRecord> {
  const a = normalizeName(alias);
  if (!a) throw new KbError('An alias cannot be empty.');
  return db.transaction('rw', db.entities, async () => {
    const e = await mustGet(db, id);
    if (a === e.name || e.aliases.includes(a)) return e;
    const updated = withGrams({ ...e, aliases: [...e.aliases, a] });
    await db.entities.put(updated);
    return updated;
  });
}

/** Marks (or unmarks) an entity as "not an entity": it is then never highlighted again. */
export async function setIgnored(db: DossierDb, id: number, ignored: boolean): Promise<EntityRecord> {
  return db.transaction('rw', db.entities, async () => {
    const e = await mustGet(db, id);
    await db.entities.update(id, { ignored });
    return { ...e, ignored };
  });
}

/** Marks a name as "not an entity" even before Dossier stored it (from a card on a fresh page). */
export async function ignoreName(db: DossierDb, type: 'person' | 'org', name: string): Promise<EntityRecord> {
  return db.transaction('rw', db.entities, async () => {
    const key = entityKey(type, name);
    const existing = await db.entities.where('key').equals(key).first();
    if (existing) {
      await db.entities.update(existing.id!, { ignored: true });
      return { ...existing, ignored: true };
    }
    const today = new Date().toISOString().slice(0, 10);
    const record: EntityRecord = withGrams({ key, type, name: normalizeName(name), aliases: [], titles: [], articleCount: 0, mentionCount: 0, firstSeen: today, lastSeen: today, ignored: true, grams: [] });
    record.id = (await db.entities.add(record)) as number;
    return record;
  });
}

/** Deletes an entity with its mentions, co-occurrences and the notes attached to it. */
export async function deleteEntity(db: DossierDb, id: number): Promise<void> {
  await db.transaction('rw', [db.entities, db.mentions, db.cooccurrences, db.notes], async () => {
    await mustGet(db, id);
    await db.mentions.where('entityId').equals(id).delete();
    await db.cooccurrences.where('a').equals(id).delete();
    await db.cooccurrences.where('b').equals(id).delete();
    await db.notes.filter((n) => n.target.kind === 'entity' && n.target.id === id).delete();
    await db.entities.delete(id);
  });
}
