/**
 * The background's side of the message protocol: a schema per request, checked together with the
 * sender before any handler runs. Kept out of messages.ts so pages and content scripts don't load zod.
 */
import { z } from 'zod';
import type { Envelope, MessageType, ProtocolMap, Reply } from './messages';

const lang = z.enum(['zh', 'en']);

const articleInput = z.object({
  url: z.string().max(4096),
  canonicalUrl: z.string().max(4096).nullable(),
  siteName: z.string().max(200).nullable().optional(),
  title: z.string().max(2000),
  publishedAt: z.string().max(64).nullable(),
  lang,
  text: z.string().max(20_000_000),
});

const mention = z
  .object({
    type: z.enum(['person', 'org', 'number', 'date']),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    text: z.string().max(500),
  })
  .passthrough();

/** Request schemas, one per message type. */
export const requestSchemas = {
  ping: z.undefined(),
  recognize: z.object({ text: z.string().max(20_000_000), lang: lang.optional(), refDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }),
  recordReading: z.object({ article: articleInput, mentions: z.array(mention).max(200_000) }),
  stats: z.undefined(),
} satisfies Record<MessageType, z.ZodType>;

export type Handlers = {
  [K in MessageType]: (data: ProtocolMap[K]['req'], sender: Browser.runtime.MessageSender) => Promise<ProtocolMap[K]['res']> | ProtocolMap[K]['res'];
};

/** True when the sender is this extension itself: its pages or its content scripts. */
export function isOwnSender(sender: Browser.runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

/** Installs the background's handlers: validates envelope, sender and payload, then answers. */
export function onMessages(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const envelope = message as Partial<Envelope> | null;
    if (!envelope || envelope.dossier !== 1 || typeof envelope.type !== 'string' || !(envelope.type in requestSchemas)) return undefined;
    if (!isOwnSender(sender)) return Promise.resolve<Reply<never>>({ ok: false, error: 'refused: unknown sender' });
    const type = envelope.type as MessageType;
    const parsed = requestSchemas[type].safeParse(envelope.data);
    if (!parsed.success) return Promise.resolve<Reply<never>>({ ok: false, error: `refused: invalid ${type} request` });
    const handler = handlers[type] as (d: unknown, s: typeof sender) => unknown;
    return Promise.resolve()
      .then(() => handler(parsed.data, sender))
      .then(
        (value) => ({ ok: true, value }),
        (err: unknown) => ({ ok: false, error: err instanceof Error ? err.message : String(err) }),
      );
  });
}
