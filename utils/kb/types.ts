/** Records of the knowledge base, as stored in IndexedDB and as sent to the UI. */
import type { Lang } from '@/utils/recognize/types';

export interface ArticleRecord {
  id?: number;
  /** Canonical URL: `<link rel=canonical>`/`og:url`, else the URL without tracking parameters. */
  url: string;
  site: string;
  title: string;
  publishedAt: string | null;
  /** First and last time the reader opened it (ms since epoch). */
  firstReadAt: number;
  readAt: number;
  lang: Lang;
  /** Hash of the article text: the same text at another URL is the same reading. */
  hash: string;
  textLength: number;
  mentionCount: number;
  /** Search bigrams of the title and site (see search-grams.ts). */
  grams: string[];
}

/** One title a person held at one agency, with when and where Dossier saw it. */
export interface TitleHeld {
  title: string;
  org: string | null;
  firstSeen: string;
  lastSeen: string;
  articleIds: number[];
}

export interface EntityRecord {
  id?: number;
  /** `type:normalised name`, unique: one record per person or organization. */
  key: string;
  type: 'person' | 'org';
  name: string;
  aliases: string[];
  kind?: 'gov' | 'other';
  official?: boolean;
  titles: TitleHeld[];
  /** Number of distinct articles it appears in. */
  articleCount: number;
  mentionCount: number;
  firstSeen: string;
  lastSeen: string;
  /** Marked "not an entity" by the reader: never highlighted again. */
  ignored: boolean;
  /** Search bigrams of the name and aliases. */
  grams: string[];
}

export interface MentionRecord {
  id?: number;
  entityId: number;
  articleId: number;
  start: number;
  end: number;
  /** Text-quote selector: the exact text with some context, so it can be found again. */
  exact: string;
  prefix: string;
  suffix: string;
  titles: string[];
  org: string | null;
}

export interface FigureRecord {
  id?: number;
  articleId: number;
  start: number;
  end: number;
  value: number;
  unit: string;
  modifier?: string;
  /** What it measures: the phrase it counts (建设工程规划许可证 for 55个). */
  label: string;
  exact: string;
  sentence: string;
  date: string | null;
}

export interface CooccurrenceRecord {
  /** Lower entity id first. */
  a: number;
  b: number;
  count: number;
}

export interface KbStats {
  articles: number;
  people: number;
  orgs: number;
  figures: number;
  notes: number;
}

/** What a note is attached to: an entity, an article, a figure, or a quoted passage of an article. */
export type NoteTarget =
  | { kind: 'entity'; id: number }
  | { kind: 'article'; id: number }
  | { kind: 'figure'; id: number }
  | { kind: 'quote'; id: number; exact: string; prefix: string; suffix: string };

export interface NoteRecord {
  id?: number;
  /** For a quote, `id` is the article's id. */
  target: NoteTarget;
  text: string;
  createdAt: number;
  updatedAt: number;
  grams: string[];
}
