/**
 * The one message protocol between content scripts, extension pages and the background. Every
 * request is checked against its schema in the background before any handler sees it. Messages
 * cross by structured clone in Firefox and in Chrome 148+ (the manifest's message_serialization),
 * as JSON in older Chrome: so they hold plain data only, since a Map, a Date, a class instance or an
 * undefined field would arrive differently in one or the other.
 */
import type { Lang } from '@/utils/recognize/types';
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

/** The article as the content script sends it: its text already lies in the background (see putText). */
export type ArticleMeta = Omit<ArticleInput, 'text'>;

/**
 * The background's answer when it no longer holds a text the page named (the MV3 service worker
 * was stopped, the text was evicted, or it was another tab's): the page sends the text again.
 */
export interface UnknownText {
  status: 'unknown-text';
}

/** A text held by the background, as named in a request: its id and how long the page thinks it is. */
export interface HeldTextRef {
  textId: string;
  length: number;
}

/** What recognising a held text found; its mentions are fetched in pages with `mentions`. */
export interface Recognized {
  status: 'recognized';
  textId: string;
  /** The recognised text this one grew from (the page's previous text), or null. */
  base: string | null;
  /** Mentions that start before this offset are exactly the base's: the page keeps them painted. */
  since: number;
  /** How many mentions start before `since` (the index to fetch new mentions from). */
  kept: number;
  /** How many mentions the text has in all. */
  count: number;
}

/** Most characters one putText piece carries, so no single message is a huge clone on the page's thread. */
export const TEXT_PIECE_MAX = 1_000_000;
/** Most mentions one `mentions` request returns. */
export const MENTION_PAGE_MAX = 5000;

/** What each message answers. */
export interface ProtocolMap {
  ping: { req: undefined; res: { ok: true; version: string } };
  /**
   * A page that may be annotated started loading (sent at document_start): the background reads the
   * known names, installs the model of `lang` (null: not declared Chinese, so both) and runs the
   * recogniser once on a sample, so the article's own recognition later is at the warm speed.
   */
  warmUp: { req: { lang: Lang | null }; res: { warmed: Lang[] } };
  /**
   * Hands the background a text, or the next piece of one: `base` null starts a new text (and
   * drops the frame's older ones), else `piece` is appended to the held text `base`.
   */
  putText: { req: { base: HeldTextRef | null; piece: string }; res: { status: 'held'; textId: string; length: number } | UnknownText };
  /** Recognises a held text; for a text grown from an earlier one, says which mentions are unchanged. */
  recognize: { req: { textId: string; lang?: Lang; refDate?: string }; res: Recognized | UnknownText };
  /**
   * The recognised mentions [from, to) of a held text, sorted by start, five characters each of
   * `spans` (see utils/page-texts/mention-spans.ts: the page reads their text from its own copy).
   */
  mentions: { req: { textId: string; from: number; to: number }; res: { status: 'mentions'; spans: string } | UnknownText };
  /** Records the held text as read, with the mentions found in it. */
  recordReading: { req: { article: ArticleMeta; textId: string; refDate?: string }; res: { status: 'recorded'; articleId: number; isNew: boolean } | UnknownText };
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
   * Notes on passages of the article at this URL, found again in the held text (the page's text
   * now) by the background, so the fuzzy matcher never loads into the page. `at` is null when a
   * passage is gone.
   */
  passageNotes: { req: { url: string; canonicalUrl?: string | null; textId: string }; res: { status: 'found'; passages: PassageNotes[] } | UnknownText };
  listEntities: { req: { type?: 'person' | 'org'; offset?: number; limit?: number }; res: { rows: EntityRow[]; more: boolean } };
  /** A file's text to download: the JSON backup, notes as Markdown or Web Annotations, figures as CSV. */
  exportData: { req: { format: 'backup' | 'notes-markdown' | 'notes-jsonld' | 'figures-csv' }; res: { fileName: string; mime: string; text: string } };
  /** What importing a backup would do; nothing is written. The file goes as text so its size cap applies. */
  previewImport: { req: { text: string; mode: ImportMode }; res: { ok: true; summary: ImportSummary } | { ok: false; error: string } };
  importBackup: { req: { text: string; mode: ImportMode }; res: { ok: true; summary: ImportSummary } | { ok: false; error: string } };
  /** Deletes every article, entity, figure and note. */
  deleteAllData: { req: { confirm: 'delete everything' }; res: null };
}

/** The reader's notes on one quoted passage, and where it is in the page's text now (null: gone). */
export interface PassageNotes {
  exact: string;
  prefix: string;
  suffix: string;
  notes: NoteRecord[];
  at: { start: number; end: number } | null;
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

