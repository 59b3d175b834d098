/**
 * The background's side of the message protocol: a schema per request, checked together with the
 * sender before any handler runs. Kept out of messages.ts so pages and content scripts don't load zod.
 */
import { z } from 'zod';
import { MENTION_PAGE_MAX, TEXT_PIECE_MAX, type Envelope, type MessageType, type ProtocolMap, type Reply } from './messages';

const lang = z.enum(['zh', 'en']);

/** Strict: an old page script still sending the text along is refused, not silently trimmed. */
const articleMeta = z.strictObject({
  url: z.string().max(4096),
  canonicalUrl: z.string().max(4096).nullable(),
  siteName: z.string().max(200).nullable().optional(),
  title: z.string().max(2000),
  publishedAt: z.string().max(64).nullable(),
  lang,
});
/** The background's name for a text it holds (see utils/page-texts). */
const textId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
const refDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const name = z.string().min(1).max(200);
const id = z.number().int().positive();
const pageRef = { url: z.string().max(4096), canonicalUrl: z.string().max(4096).nullable().optional() };
const noteTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['entity', 'article', 'figure']), id }),
  z.object({ kind: z.literal('quote'), id, exact: z.string().min(1).max(5000), prefix: z.string().max(500), suffix: z.string().max(500) }),
]);
const noteText = z.string().max(20_000);

/** Request schemas, one per message type. */
export const requestSchemas = {
  ping: z.undefined(),
  warmUp: z.strictObject({ lang: lang.nullable() }),
  putText: z.strictObject({ base: z.object({ textId, length: z.number().int().nonnegative() }).nullable(), piece: z.string().max(TEXT_PIECE_MAX) }),
  recognize: z.strictObject({ textId, lang: lang.optional(), refDate: refDate.optional() }),
  mentions: z.strictObject({ textId, from: z.number().int().nonnegative(), to: z.number().int().nonnegative() }).refine((r) => r.to >= r.from && r.to - r.from <= MENTION_PAGE_MAX),
  recordReading: z.strictObject({ article: articleMeta, textId, refDate: refDate.optional() }),
  stats: z.undefined(),
  entityCard: z.object({ type: z.enum(['person', 'org']), name, ...pageRef, start: z.number().int().nonnegative().optional() }),
  entityCardById: z.object({ id }),
  figureCard: z.union([z.object({ ...pageRef, start: z.number().int().nonnegative() }), z.object({ id })]),
  search: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(200).optional() }),
  recentArticles: z.object({ offset: z.number().int().nonnegative().optional(), limit: z.number().int().min(1).max(200).optional() }),
  listNotes: z.object({
    query: z.string().max(200).optional(),
    target: z.enum(['entity', 'article', 'figure', 'quote']).optional(),
    entityId: id.optional(),
    articleId: id.optional(),
    offset: z.number().int().nonnegative().optional(),
    limit: z.number().int().min(1).max(500).optional(),
  }),
  addNote: z.object({ target: noteTarget, text: noteText }),
  updateNote: z.object({ id, text: noteText }),
  deleteNote: z.object({ id }),
  restoreNote: z.object({ note: z.object({ id, target: noteTarget, text: noteText, createdAt: z.number(), updatedAt: z.number(), grams: z.array(z.string().max(2)).max(5000) }) }),
  mergeEntities: z.object({ keepId: id, dropId: id }),
  renameEntity: z.object({ id, name }),
  addAlias: z.object({ id, alias: name }),
  setIgnored: z.object({ id, ignored: z.boolean() }),
  ignoreName: z.object({ type: z.enum(['person', 'org']), name }),
  deleteEntity: z.object({ id }),
  storage: z.undefined(),
  exportData: z.object({ format: z.enum(['backup', 'notes-markdown', 'notes-jsonld', 'figures-csv']) }),
  previewImport: z.object({ text: z.string().max(256 * 1024 * 1024), mode: z.enum(['merge', 'replace']) }),
  importBackup: z.object({ text: z.string().max(256 * 1024 * 1024), mode: z.enum(['merge', 'replace']) }),
  deleteAllData: z.object({ confirm: z.literal('delete everything') }),
  addPassageNote: z.object({ ...pageRef, exact: z.string().min(1).max(5000), prefix: z.string().max(500), suffix: z.string().max(500), text: noteText }),
  passageNotes: z.strictObject({ ...pageRef, textId }),
  listEntities: z.object({ type: z.enum(['person', 'org']).optional(), offset: z.number().int().nonnegative().optional(), limit: z.number().int().min(1).max(200).optional() }),
} satisfies Record<MessageType, z.ZodType>;

export type Handlers = {
  [K in MessageType]: (data: ProtocolMap[K]['req'], sender: Browser.runtime.MessageSender) => Promise<ProtocolMap[K]['res']> | ProtocolMap[K]['res'];
};

/** True when the sender is this extension itself: its pages or its content scripts. */
export function isOwnSender(sender: Browser.runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

/** Checks one envelope against sender and schema and runs its handler; never throws, always replies. */
export async function dispatch(handlers: Handlers, message: unknown, sender: Browser.runtime.MessageSender): Promise<Reply<unknown> | undefined> {
  const envelope = message as Partial<Envelope> | null;
  if (!envelope || typeof envelope !== 'object' || envelope.dossier !== 1 || typeof envelope.type !== 'string' || !Object.hasOwn(requestSchemas, envelope.type)) return undefined;
  if (!isOwnSender(sender)) return { ok: false, error: 'refused: unknown sender' };
  const type = envelope.type as MessageType;
  const parsed = requestSchemas[type].safeParse(envelope.data);
  if (!parsed.success) return { ok: false, error: `refused: invalid ${type} request` };
  try {
    const handler = handlers[type] as (d: unknown, s: typeof sender) => unknown;
    return { ok: true, value: await handler(parsed.data, sender) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Installs the background's handlers. Replies go through `sendResponse` (and `return true`), which
 * every supported Chrome and Firefox honours; messages that are not ours get no reply at all.
 */
export function onMessages(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    const envelope = message as Partial<Envelope> | null;
    if (!envelope || typeof envelope !== 'object' || envelope.dossier !== 1) return undefined;
    void dispatch(handlers, message, sender).then(sendResponse);
    return true;
  });
}
