/**
 * The one message protocol between content scripts, extension pages and the background. Every
 * request is checked against its schema in the background before any handler sees it.
 */
import type { Lang, Mention } from '@/utils/recognize/types';
import type { KbStats } from '@/utils/kb/types';

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

