/**
 * The page's side of held texts: the article text crosses to the background once, in pieces; when
 * the article grows by an appended part only that part crosses; requests then name the text by id.
 * When the background has lost it (its service worker was stopped) the text is sent again.
 */
import { sendMessage, type MessageType, type ProtocolMap, type UnknownText } from '@/utils/messages';

/** Sends one protocol request (sendMessage, or a fake in tests). */
export type Send = <K extends MessageType>(type: K, data: ProtocolMap[K]['req']) => Promise<ProtocolMap[K]['res']>;

/** Characters per putText piece: small enough that no single message stalls the page. */
export const PIECE_CHARS = 256 * 1024;

/** The background lost the text again right after it was sent: give up on this run. */
export class TextLostError extends Error {
  constructor() {
    super('Dossier: the background lost the page text twice in a row.');
  }
}

const isUnknown = (r: unknown): r is UnknownText => (r as UnknownText | null)?.status === 'unknown-text';

/** Where `text` may be cut: never between the halves of a surrogate pair. */
function cutAt(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const c = text.charCodeAt(at - 1);
  return c >= 0xd800 && c <= 0xdbff ? at - 1 : at;
}

/** The text the background holds for this page, and how to talk about it. */
export class HeldTextClient {
  private held: { textId: string; text: string } | null = null;

  constructor(
    private readonly send: Send = sendMessage,
    private readonly pieceChars = PIECE_CHARS,
  ) {}

  /** The id of the text the background holds for this page (null before the first send). */
  get textId(): string | null {
    return this.held?.textId ?? null;
  }

  /** Makes the background hold `text`, sending nothing, the appended part, or all of it; returns its id. */
  async hold(text: string): Promise<string> {
    const prev = this.held;
    if (prev && prev.text === text) return prev.textId;
    if (prev && text.length > prev.text.length && text.startsWith(prev.text)) {
      const id = await this.upload(text, prev);
      if (id) return id;
    }
    // A whole text starts over in the background; if it is lost while arriving, once more.
    const id = (await this.upload(text, null)) ?? (await this.upload(text, null));
    if (!id) throw new TextLostError();
    return id;
  }

  /**
   * Runs a request about the held `text`; if the background no longer knows it, sends the text
   * again (all of it) and asks once more.
   */
  async withText<R>(text: string, ask: (textId: string) => Promise<R | UnknownText>): Promise<Exclude<R, UnknownText>> {
    const first = await ask(await this.hold(text));
    if (!isUnknown(first)) return first as Exclude<R, UnknownText>;
    this.held = null;
    const again = await ask(await this.hold(text));
    if (isUnknown(again)) throw new TextLostError();
    return again as Exclude<R, UnknownText>;
  }

  /** Forgets what the background was thought to hold: the next request sends the whole text. */
  forget(): void {
    this.held = null;
  }

  /** Sends `text` from the end of `base` (or from its start) in pieces; null when `base` is unknown there. */
  private async upload(text: string, base: { textId: string; text: string } | null): Promise<string | null> {
    let ref = base ? { textId: base.textId, length: base.text.length } : null;
    let at = base ? base.text.length : 0;
    do {
      const end = cutAt(text, at + this.pieceChars);
      const reply = await this.send('putText', { base: ref, piece: text.slice(at, end) });
      if (reply.status !== 'held') {
        this.held = null;
        return null;
      }
      ref = { textId: reply.textId, length: reply.length };
      at = end;
    } while (at < text.length);
    this.held = { textId: ref.textId, text };
    return ref.textId;
  }
}
