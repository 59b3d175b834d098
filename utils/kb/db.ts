/**
 * The knowledge base schema. Only the background opens it: a content script's IndexedDB would
 * belong to the news site's origin. Each schema version stays listed so old databases upgrade.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { ArticleRecord, CooccurrenceRecord, EntityRecord, FigureRecord, MentionRecord } from './types';

export interface NoteRecord {
  id?: number;
  target: { kind: 'entity' | 'article' | 'figure'; id: number } | { kind: 'quote'; articleId: number; exact: string; prefix: string; suffix: string };
  text: string;
  createdAt: number;
  updatedAt: number;
}

/** The Dexie database with its typed tables. */
export class DossierDb extends Dexie {
  articles!: EntityTable<ArticleRecord, 'id'>;
  entities!: EntityTable<EntityRecord, 'id'>;
  mentions!: EntityTable<MentionRecord, 'id'>;
  figures!: EntityTable<FigureRecord, 'id'>;
  cooccurrences!: Table<CooccurrenceRecord, [number, number]>;
  notes!: EntityTable<NoteRecord, 'id'>;

  constructor(name = 'dossier') {
    super(name);
    this.version(1).stores({
      articles: '++id, &url, hash, site, readAt',
      entities: '++id, &key, type, name, *aliases, articleCount, lastSeen, ignored',
      mentions: '++id, entityId, articleId',
      figures: '++id, articleId, label, unit',
      cooccurrences: '[a+b], a, b',
      notes: '++id, target.kind, target.id, updatedAt',
    });
  }
}
