import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DossierDb } from '@/utils/kb/db';
import { dispatch, type Handlers } from '@/utils/message-schemas';
import type { MessageType, ProtocolMap } from '@/utils/messages';
import { HeldTextClient, type Send } from '@/utils/page/held-text';
import { pageTextHandlers } from '@/utils/page-texts/text-handlers';
import { PageTextStore } from '@/utils/page-texts/text-store';
import { prepareKnown } from '@/utils/recognize';

const TEXT = '焦作市自然资源和规划局党组书记、局长刘晓军出席会议并讲话。';
const MORE = '\n会上，刘晓军指出，要做好土地供应工作。';
const article = { url: 'https://news.example.com/2024-02/07/content_1.html', canonicalUrl: null, title: '会议', publishedAt: '2024-02-07', lang: 'zh' as const };

let db: DossierDb;
let handlers: Handlers;
/** Every request the page sent, in order. */
let sent: Array<{ type: MessageType; data: unknown }>;

/** The background as it starts: nothing held (also what a stopped MV3 worker comes back as). */
function startBackground() {
  handlers = pageTextHandlers({ db, store: new PageTextStore(), knownNames: async () => prepareKnown({ entries: [] }), ensureModel: async () => {}, generation: () => 0, onRecorded: () => {} }) as Handlers;
}

/** The page's sendMessage, through the background's real dispatch, from tab 7. */
const send: Send = async <K extends MessageType>(type: K, data: ProtocolMap[K]['req']) => {
  sent.push({ type, data });
  const reply = await dispatch(handlers, { dossier: 1, type, data }, { id: fakeBrowser.runtime.id, tab: { id: 7 } as Browser.tabs.Tab, frameId: 0 });
  if (!reply?.ok) throw new Error(reply ? reply.error : 'no reply');
  return reply.value as ProtocolMap[K]['res'];
};

const pieces = () => sent.filter((m) => m.type === 'putText').map((m) => (m.data as { piece: string }).piece);

beforeEach(() => {
  db = new DossierDb(`held-text-${Math.random()}`);
  sent = [];
  startBackground();
});
afterEach(async () => {
  await db.delete();
});

describe("the page's held text", () => {
  it('crosses once, in pieces; recognising, recording and finding notes then name it by id', async () => {
    const client = new HeldTextClient(send, 8);
    await client.withText(TEXT, (textId) => send('recognize', { textId, lang: 'zh' }));
    await client.withText(TEXT, (textId) => send('recordReading', { article, textId }));
    await client.withText(TEXT, (textId) => send('passageNotes', { url: article.url, textId }));
    expect(pieces().join('')).toBe(TEXT);
    expect(pieces().every((p) => p.length <= 8)).toBe(true);
    const others = sent.filter((m) => m.type !== 'putText');
    expect(others.map((m) => m.type)).toEqual(['recognize', 'recordReading', 'passageNotes']);
    expect(others.every((m) => !JSON.stringify(m.data).includes('刘晓军'))).toBe(true);
  });

  it('sends only the appended part when the article grows', async () => {
    const client = new HeldTextClient(send);
    const first = await client.hold(TEXT);
    sent = [];
    const grown = await client.hold(TEXT + MORE);
    expect(sent).toEqual([{ type: 'putText', data: { base: { textId: first, length: TEXT.length }, piece: MORE } }]);
    expect(grown).not.toBe(first);
    sent = [];
    expect(await client.hold(TEXT + MORE)).toBe(grown);
    expect(sent).toEqual([]);
  });

  it('sends the whole text again when it changed other than at its end', async () => {
    const client = new HeldTextClient(send);
    await client.hold(TEXT + MORE);
    sent = [];
    const edited = TEXT.replace('出席', '参加') + MORE;
    await client.hold(edited);
    expect(sent).toEqual([{ type: 'putText', data: { base: null, piece: edited } }]);
  });

  it('sends the text again when the background lost it, and the request then succeeds', async () => {
    const client = new HeldTextClient(send);
    await client.withText(TEXT, (textId) => send('recognize', { textId, lang: 'zh' }));
    startBackground(); // the service worker was stopped
    sent = [];
    const recorded = await client.withText(TEXT, (textId) => send('recordReading', { article, textId }));
    expect(recorded).toMatchObject({ status: 'recorded', isNew: true });
    expect(sent.map((m) => m.type)).toEqual(['recordReading', 'putText', 'recordReading']);
    expect(pieces()).toEqual([TEXT]);
    expect(await db.articles.count()).toBe(1);
  });

  it('sends a grown text whole when the background lost the part the page had sent', async () => {
    const client = new HeldTextClient(send);
    await client.hold(TEXT);
    startBackground();
    sent = [];
    const id = await client.hold(TEXT + MORE);
    expect(pieces()).toEqual([MORE, TEXT + MORE]);
    expect(await send('recognize', { textId: id, lang: 'zh' })).toMatchObject({ status: 'recognized' });
  });

  it('never cuts a piece between the halves of a surrogate pair', async () => {
    const text = 'ab😀cd😀ef';
    await new HeldTextClient(send, 3).hold(text);
    expect(pieces().join('')).toBe(text);
    for (const p of pieces()) expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(p)).toBe(false);
  });
});
