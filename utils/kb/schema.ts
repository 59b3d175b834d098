/**
 * Every schema version the knowledge base has had, oldest first, with the data migration that
 * brings a database of the version before up to it. Never edit a shipped version: add one.
 */
import type { Transaction } from 'dexie';
import { gramsOf } from './search-grams';

export interface SchemaVersion {
  version: number;
  /** Dexie store definitions (only the tables that change need to be listed). */
  stores: Record<string, string | null>;
  /** Rewrites the data of the version before, inside the upgrade transaction. */
  upgrade?: (tx: Transaction) => Promise<void>;
  /** What changed, for the people who read the history. */
  why: string;
}

export const SCHEMA_VERSIONS: SchemaVersion[] = [
  {
    version: 1,
    why: 'first schema: articles, entities, mentions, figures, co-occurrences, notes',
    stores: {
      articles: '++id, &url, hash, site, readAt',
      entities: '++id, &key, type, name, *aliases, articleCount, lastSeen, ignored',
      mentions: '++id, entityId, articleId',
      figures: '++id, articleId, label, unit',
      cooccurrences: '[a+b], a, b',
      notes: '++id, target.kind, target.id, updatedAt',
    },
  },
  {
    version: 2,
    why: 'substring search (Chinese included) through a bigram index on entities, articles and notes; figures by label across articles; mentions by entity and article, by position for cards, by agency for who holds titles there',
    stores: {
      articles: '++id, &url, hash, site, readAt, *grams',
      entities: '++id, &key, type, name, *aliases, articleCount, lastSeen, ignored, *grams',
      mentions: '++id, entityId, articleId, [entityId+articleId], [articleId+start], org',
      figures: '++id, articleId, label, unit, [label+unit]',
      notes: '++id, target.kind, target.id, updatedAt, createdAt, *grams',
    },
    async upgrade(tx) {
      await tx.table('entities').toCollection().modify((e: { name: string; aliases: string[]; grams?: string[] }) => {
        e.grams = gramsOf(e.name, ...e.aliases);
      });
      await tx.table('articles').toCollection().modify((a: { title: string; site: string; grams?: string[] }) => {
        a.grams = gramsOf(a.title, a.site);
      });
      await tx.table('notes').toCollection().modify((n: { text: string; grams?: string[] }) => {
        n.grams = gramsOf(n.text);
      });
    },
  },
  {
    version: 3,
    why: "queries whose cost must not grow with the knowledge base: one kind's entities most read first (the popup's list), an entity's strongest co-occurrences (the card's related entities), the notes on one thing",
    stores: {
      entities: '++id, &key, type, name, *aliases, articleCount, lastSeen, ignored, *grams, [type+articleCount]',
      cooccurrences: '[a+b], a, b, [a+count], [b+count]',
      notes: '++id, target.kind, target.id, updatedAt, createdAt, *grams, [target.kind+target.id]',
    },
  },
];

/** The version a database written by this build has. */
export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version;
