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

  constructor(name = 'dossier', versions: SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name);
    for (const v of versions) {
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
  }
}
