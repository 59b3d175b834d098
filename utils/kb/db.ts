/**
 * The knowledge base. Only the background opens it: a content script's IndexedDB would belong to
 * the news site's origin. Every schema version stays declared (schema.ts) so old databases upgrade.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import { SCHEMA_VERSIONS, type SchemaVersion } from './schema';
import type { ArticleRecord, CooccurrenceRecord, EntityRecord, FigureRecord, MentionRecord, NoteRecord } from './types';

/** The Dexie database with its typed tables, declared up to `upTo` (all versions by default; tests pass less). */
export class DossierDb extends Dexie {
  articles!: EntityTable<ArticleRecord, 'id'>;
  entities!: EntityTable<EntityRecord, 'id'>;
  mentions!: EntityTable<MentionRecord, 'id'>;
  figures!: EntityTable<FigureRecord, 'id'>;
  cooccurrences!: Table<CooccurrenceRecord, [number, number]>;
  notes!: EntityTable<NoteRecord, 'id'>;

  /** Set while an upgrade waits for an older connection (another window of an older build) to close. */
  blocked = false;

  constructor(name = 'dossier', versions: SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name);
    for (const v of versions) {
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
    this.on('blocked', () => {
      this.blocked = true;
    });
    this.on('ready', () => {
      this.blocked = false;
    });
    // A newer build wants to upgrade: step aside instead of blocking it.
    this.on('versionchange', () => {
      this.close();
      return false;
    });
  }
}

/** Thrown when the database cannot be opened in time because an older connection holds it. */
export class UpgradeBlockedError extends Error {
  constructor() {
    super('Dossier is updating its database and another window still uses the old version. Close other Dossier windows and try again; nothing was lost.');
    this.name = 'UpgradeBlockedError';
  }
}

/**
 * Opens the database, or fails with a clear message when an upgrade stays blocked longer than
 * `timeoutMs`; the open goes on in the background and later calls succeed once it is unblocked.
 */
export async function openKb(db: DossierDb, timeoutMs = 5000): Promise<DossierDb> {
  if (db.isOpen()) return db;
  const opening = db.open();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const blocked = new Promise<never>((_, reject) => {
    const check = () => (db.blocked ? reject(new UpgradeBlockedError()) : (timer = setTimeout(check, 50)));
    timer = setTimeout(check, timeoutMs);
  });
  try {
    await Promise.race([opening, blocked]);
    return db;
  } finally {
    clearTimeout(timer);
  }
}
