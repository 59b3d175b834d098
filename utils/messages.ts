/**
 * The one message protocol between content scripts, extension pages and the background. Every
 * request is checked against its schema in the background before any handler sees it.
 */
import type { Lang, Mention } from '@/utils/recognize/types';
import type { EntityRecord, KbStats, NoteRecord, NoteTarget } from '@/utils/kb/types';
import type { ArticleRef, EntityCard, EntityRow, FigureCard, SearchResults } from '@/utils/kb/queries';
import type { NoteQuery, NoteTargetInfo } from '@/utils/kb/notes';
import type { ImportMode, ImportSummary } from '@/utils/kb/backup';

/** The article as the content script found it. */
export interface ArticleInput {
  url: string;
  canonicalUrl: string | null;
  /** og:site_name or the like: tells which city a local paper's 市… agencies belong to. */
  siteName?: string | null;
  title: string;
  publishedAt: string | null;
  lang: Lang;
  text: string;
}

/** What each message answers. */
export interface ProtocolMap {
  ping: { req: undefined; res: { ok: true; version: string } };
  recognize: { req: { text: string; lang?: Lang; refDate?: string }; res: Mention[] };
  recordReading: { req: { article: ArticleInput; mentions: Mention[] }; res: { articleId: number; isNew: boolean } };
  stats: { req: undefined; res: KbStats };
  /** Card for a highlight: found by its position in the recorded article, else by name. */
  entityCard: { req: { type: 'person' | 'org'; name: string; url: string; canonicalUrl?: string | null; start?: number }; res: EntityCard | null };
  entityCardById: { req: { id: number }; res: EntityCard | null };
  figureCard: { req: { url: string; canonicalUrl?: string | null; start: number } | { id: number }; res: FigureCard | null };
  search: { req: { query: string; limit?: number }; res: SearchResults };
  recentArticles: { req: { offset?: number; limit?: number }; res: Array<ArticleRef & { mentionCount: number; noteCount: number }> };
  listNotes: { req: NoteQuery; res: { notes: NoteRecord[]; total: number; targets: Record<string, NoteTargetInfo> } };
  addNote: { req: { target: NoteTarget; text: string }; res: NoteRecord };
  updateNote: { req: { id: number; text: string }; res: NoteRecord };
  deleteNote: { req: { id: number }; res: NoteRecord };
  restoreNote: { req: { note: NoteRecord }; res: NoteRecord };
  mergeEntities: { req: { keepId: number; dropId: number }; res: EntityRecord };
  renameEntity: { req: { id: number; name: string }; res: EntityRecord };
  addAlias: { req: { id: number; alias: string }; res: EntityRecord };
  setIgnored: { req: { id: number; ignored: boolean }; res: EntityRecord };
  /** "Not an entity" from a card, for a name Dossier may not have stored yet. */
  ignoreName: { req: { type: 'person' | 'org'; name: string }; res: EntityRecord };
  deleteEntity: { req: { id: number }; res: null };
  storage: { req: undefined; res: { usage: number | null; quota: number | null; persisted: boolean | null } };
  /** A note on a passage the reader selected on a page; the article must have been recorded. */
  addPassageNote: { req: { url: string; canonicalUrl?: string | null; exact: string; prefix: string; suffix: string; text: string }; res: NoteRecord };
  /**
   * Notes on passages of the article at this URL, found again in `text` (the page's text now) by
   * the background, so the fuzzy matcher never loads into the page. `at` is null when a passage is gone.
   */
  passageNotes: { req: { url: string; canonicalUrl?: string | null; text: string }; res: Array<{ exact: string; prefix: string; suffix: string; notes: NoteRecord[]; at: { start: number; end: number } | null }> };
  listEntities: { req: { type?: 'person' | 'org'; offset?: number; limit?: number }; res: { rows: EntityRow[]; more: boolean } };
  /** A file's text to download: the JSON backup, notes as Markdown or Web Annotations, figures as CSV. */
  exportData: { req: { format: 'backup' | 'notes-markdown' | 'notes-jsonld' | 'figures-csv' }; res: { fileName: string; mime: string; text: string } };
  /** What importing a backup would do; nothing is written. The file goes as text so its size cap applies. */
  previewImport: { req: { text: string; mode: ImportMode }; res: { ok: true; summary: ImportSummary } | { ok: false; error: string } };
  importBackup: { req: { text: string; mode: ImportMode }; res: { ok: true; summary: ImportSummary } | { ok: false; error: string } };
  /** Deletes every article, entity, figure and note. */
  deleteAllData: { req: { confirm: 'delete everything' }; res: null };
}

/** What the popup asks the content script of the active tab (through tabs.sendMessage). */
export interface TabProtocolMap {
  pageStatus: { req: undefined; res: PageStatus };
  /** Annotate this page even though it was not taken for an article. */
  annotateAnyway: { req: undefined; res: PageStatus };
  /** The context menu's "note on this passage": open the note composer for the selection. */
  notePassage: { req: undefined; res: PageStatus };
}

/** What Dossier made of a page: shown in the popup's "This page". */
export interface PageStatus {
  state: 'article' | 'skipped' | 'error' | 'pending';
  host: string;
  counts: Record<'person' | 'org' | 'number' | 'date', number>;
}

/** Broadcast by the background after every change, so open extension pages refresh (no Dexie outside it). */
export const KB_CHANGED = { dossier: 1, event: 'kbChanged' } as const;

/** Sends a typed request to the content script of a tab and unwraps its reply. */
export async function sendTabMessage<K extends keyof TabProtocolMap>(tabId: number, type: K): Promise<TabProtocolMap[K]['res']> {
  const reply = (await browser.tabs.sendMessage(tabId, { dossier: 1, tab: type })) as Reply<TabProtocolMap[K]['res']> | undefined;
  if (!reply) throw new Error('Dossier is not running on this page.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
export type MessageType = keyof ProtocolMap;

export type Envelope = { dossier: 1; type: MessageType; data: unknown };
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Sends a typed request to the background and unwraps its reply (throws with the background's message). */
export async function sendMessage<K extends MessageType>(type: K, data: ProtocolMap[K]['req']): Promise<ProtocolMap[K]['res']> {
  const envelope: Envelope = { dossier: 1, type, data };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<ProtocolMap[K]['res']> | undefined;
  if (!reply) throw new Error(`Dossier: no answer to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

