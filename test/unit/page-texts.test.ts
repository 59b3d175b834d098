import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DossierDb } from '@/utils/kb/db';
import { getStats } from '@/utils/kb/queries';
import { recordReading } from '@/utils/kb/record-reading';
import { addNote } from '@/utils/kb/notes';
import { dispatch, type Handlers } from '@/utils/message-schemas';
import type { ArticleMeta, MessageType, ProtocolMap } from '@/utils/messages';
import { SpanMentions, type PageMention } from '@/utils/page-texts/mention-spans';
import { pageTextHandlers, scopeOf } from '@/utils/page-texts/text-handlers';
import { PageTextStore } from '@/utils/page-texts/text-store';
import { prepareKnown, recognize } from '@/utils/recognize';

/** A content script in tab `tab` (frame `frame`) of this extension. */
const inTab = (tab: number, frame = 0) => ({ id: fakeBrowser.runtime.id, tab: { id: tab } as Browser.tabs.Tab, frameId: frame });

const TITLED = '焦作市自然资源和规划局党组书记、局长万里出席会议并讲话。';
/** 万里 alone is no name: only the titled 万里 earlier in the article makes it one. */
const LATER = '\n会上，万里指出，要做好土地供应工作。焦作市教育局局长王军参加会议。';
const article: ArticleMeta = { url: 'https://news.example.com/2024-02/07/content_1.html', canonicalUrl: null, siteName: '焦作新闻网', title: '会议', publishedAt: '2024-02-07', lang: 'zh' };

let db: DossierDb;
let store: PageTextStore;
let handlers: Handlers;
let recorded: boolean[];

/** One request through the background's real dispatch (schema, sender, handler). */
async function ask<K extends MessageType>(type: K, data: ProtocolMap[K]['req'], sender = inTab(1)): Promise<ProtocolMap[K]['res']> {
  const reply = await dispatch(handlers, { dossier: 1, type, data }, sender);
  if (!reply?.ok) throw new Error(reply ? reply.error : 'no reply');
  return reply.value as ProtocolMap[K]['res'];
}

/** Puts a whole text; returns its id. */
async function put(text: string, sender = inTab(1)): Promise<string> {
  const r = await ask('putText', { base: null, piece: text }, sender);
  if (r.status !== 'held') throw new Error('not held');
  return r.textId;
}

/** What the page learns of a mention: kind, place, text, known. */
const asPage = (m: PageMention) => ({ type: m.type, start: m.start, end: m.end, text: m.text, known: !!m.known });

/** Every mention of a recognised held text `text`, fetched in pages and read as the page reads them. */
async function allMentions(textId: string, count: number, text: string, sender = inTab(1)) {
  let spans = '';
  for (let i = 0; i < count; i += 3) {
    const page = await ask('mentions', { textId, from: i, to: Math.min(count, i + 3) }, sender);
    if (page.status !== 'mentions') throw new Error('lost');
    spans += page.spans;
  }
  return [...SpanMentions.decode(spans, text)].map(asPage);
}

/** A background with nothing in memory: what a stopped and restarted MV3 service worker is. */
function restartBackground() {
  store = new PageTextStore();
  handlers = { ...pageTextHandlers({ db, store, knownNames: async () => prepareKnown({ entries: [] }), ensureModel: async () => {}, generation: () => 0, onRecorded: (n) => recorded.push(n) }) } as Handlers;
}

beforeEach(() => {
  db = new DossierDb(`page-texts-${Math.random()}`);
  recorded = [];
  restartBackground();
});
afterEach(async () => {
  await db.delete();
});

describe('page texts held by the background', () => {
  it('joins a text sent in pieces and recognises it as the whole text', async () => {
    const text = TITLED + LATER;
    let ref: { textId: string; length: number } | null = null;
    for (let at = 0; at < text.length; at += 10) {
      const r: ProtocolMap['putText']['res'] = await ask('putText', { base: ref, piece: text.slice(at, at + 10) });
      if (r.status !== 'held') throw new Error('not held');
      ref = { textId: r.textId, length: r.length };
    }
    expect(ref!.length).toBe(text.length);
    // Pieces on their way are not kept beside the text they became.
    expect(store.size).toEqual({ texts: 1, chars: text.length });
    const rec = await ask('recognize', { textId: ref!.textId, lang: 'zh', refDate: '2024-02-07' });
    expect(rec).toMatchObject({ status: 'recognized', base: null, since: 0, kept: 0 });
    if (rec.status !== 'recognized') return;
    const whole = recognize(text, { lang: 'zh', refDate: '2024-02-07', known: prepareKnown({ entries: [] }) }).sort((a, b) => a.start - b.start);
    expect(await allMentions(rec.textId, rec.count, text)).toEqual(whole.map(asPage));
  });

  it('answers "unknown text" for an id it does not hold, as after its worker was stopped', async () => {
    const textId = await put(TITLED);
    await ask('recognize', { textId, lang: 'zh' });
    restartBackground();
    const unknown = { status: 'unknown-text' };
    expect(await ask('recognize', { textId, lang: 'zh' })).toEqual(unknown);
    expect(await ask('mentions', { textId, from: 0, to: 1 })).toEqual(unknown);
    expect(await ask('recordReading', { article, textId })).toEqual(unknown);
    expect(await ask('passageNotes', { url: article.url, textId })).toEqual(unknown);
    expect(await ask('putText', { base: { textId, length: TITLED.length }, piece: LATER })).toEqual(unknown);
    expect(await getStats(db)).toMatchObject({ articles: 0 });
  });

  it("never lets one tab or frame name another's text", async () => {
    const textId = await put(TITLED, inTab(1));
    const unknown = { status: 'unknown-text' };
    for (const other of [inTab(2), inTab(1, 3)]) {
      expect(await ask('recognize', { textId, lang: 'zh' }, other)).toEqual(unknown);
      expect(await ask('recordReading', { article, textId }, other)).toEqual(unknown);
      expect(await ask('passageNotes', { url: article.url, textId }, other)).toEqual(unknown);
      expect(await ask('putText', { base: { textId, length: TITLED.length }, piece: LATER }, other)).toEqual(unknown);
    }
    // Tab 2 starting over leaves tab 1's text alone.
    await put('另一个页面的文字。', inTab(2));
    expect(await ask('recognize', { textId, lang: 'zh' }, inTab(1))).toMatchObject({ status: 'recognized' });
  });

  it('refuses page-text requests from senders outside a tab, and malformed ones, before any handler runs', async () => {
    const popup = { id: fakeBrowser.runtime.id };
    expect(await dispatch(handlers, { dossier: 1, type: 'putText', data: { base: null, piece: 'x' } }, popup)).toEqual({ ok: false, error: 'refused: page texts belong to a tab' });
    const bad = [
      { type: 'putText', data: { base: null, piece: 'x'.repeat(1_000_001) } },
      { type: 'putText', data: { base: { textId: '../x', length: 1 }, piece: 'x' } },
      { type: 'mentions', data: { textId: 'abc', from: 0, to: 10_000 } },
      { type: 'mentions', data: { textId: 'abc', from: 5, to: 4 } },
      { type: 'recordReading', data: { article: { ...article, text: 'the text rides along' }, textId: 'abc', mentions: [] } },
      { type: 'recognize', data: { text: TITLED } },
    ];
    for (const m of bad) expect(await dispatch(handlers, { dossier: 1, ...m }, inTab(1))).toMatchObject({ ok: false, error: expect.stringMatching(/^refused: invalid/) });
  });

  it('refuses to append to a text whose length is not what the page thinks', async () => {
    const textId = await put(TITLED);
    expect(await ask('putText', { base: { textId, length: TITLED.length - 1 }, piece: LATER })).toEqual({ status: 'unknown-text' });
  });

  it('keeps a few texts per frame, drops a closed tab, and stays under its character budget', async () => {
    store = new PageTextStore({ perScope: 2, totalChars: 30, maxChars: 100 });
    const s = { tabId: 1, frameId: 0 };
    const a = store.put(s, null, 'aaaa')!;
    const b = store.put(s, { textId: a.id, length: 4 }, 'bb')!;
    b.recognition = { mentions: [], lang: 'zh', refDate: undefined, known: prepareKnown({ entries: [] }), generation: 0 };
    const c = store.put(s, { textId: b.id, length: 6 }, 'cc')!;
    c.recognition = b.recognition;
    const d = store.put(s, { textId: c.id, length: 8 }, 'dd')!;
    expect([a, b, c, d].map((t) => !!store.get(s, t.id))).toEqual([false, false, true, true]);
    store.put({ tabId: 2, frameId: 0 }, null, 'x'.repeat(20));
    expect(store.size.chars).toBeLessThanOrEqual(30);
    store.dropTab(2);
    store.dropTab(1);
    expect(store.size).toEqual({ texts: 0, chars: 0 });
    expect(() => store.put(s, null, 'y'.repeat(101))).toThrow(/at most 100 characters/);
  });
});

describe('an article that grows', () => {
  it('joins the appended part, recognises the grown text with its earlier context, and says which mentions stay', async () => {
    const first = await put(TITLED);
    const r1 = await ask('recognize', { textId: first, lang: 'zh', refDate: '2024-02-07' });
    if (r1.status !== 'recognized') throw new Error('lost');
    const before = await allMentions(first, r1.count, TITLED);

    const grown = await ask('putText', { base: { textId: first, length: TITLED.length }, piece: LATER });
    if (grown.status !== 'held') throw new Error('lost');
    expect(grown.length).toBe(TITLED.length + LATER.length);
    const r2 = await ask('recognize', { textId: grown.textId, lang: 'zh', refDate: '2024-02-07' });
    if (r2.status !== 'recognized') throw new Error('lost');
    expect(r2).toMatchObject({ base: first, kept: before.length });
    expect(r2.since).toBeGreaterThan(before[before.length - 1].start);
    const added = (await allMentions(grown.textId, r2.count, TITLED + LATER)).slice(r2.kept);
    // The bare 万里 in the new part is a person (an official, as the background holds it) only thanks to the title earlier.
    const at = TITLED.length + LATER.indexOf('万里');
    expect(added.find((m) => m.text === '万里')).toMatchObject({ type: 'person', start: at });
    expect(store.get(scopeOf(inTab(1)), grown.textId)?.recognition?.mentions.find((m) => m.start === at)).toMatchObject({ type: 'person', official: true });
    expect(added.every((m) => m.start >= r2.since)).toBe(true);
  });

  it('records the grown article once, with exactly the counts of reading it whole', async () => {
    const first = await put(TITLED);
    await ask('recognize', { textId: first, lang: 'zh', refDate: '2024-02-07' });
    expect(await ask('recordReading', { article, textId: first, refDate: '2024-02-07' })).toMatchObject({ status: 'recorded', isNew: true });
    const grown = await ask('putText', { base: { textId: first, length: TITLED.length }, piece: LATER });
    if (grown.status !== 'held') throw new Error('lost');
    await ask('recognize', { textId: grown.textId, lang: 'zh', refDate: '2024-02-07' });
    expect(await ask('recordReading', { article, textId: grown.textId, refDate: '2024-02-07' })).toMatchObject({ status: 'recorded', isNew: true });
    expect(await ask('recordReading', { article, textId: grown.textId, refDate: '2024-02-07' })).toMatchObject({ status: 'recorded', isNew: false });

    const whole = new DossierDb(`page-texts-whole-${Math.random()}`);
    const text = TITLED + LATER;
    await recordReading(whole, { ...article, text }, recognize(text, { lang: 'zh', refDate: '2024-02-07', known: prepareKnown({ entries: [] }) }));
    const counts = async (d: DossierDb) => ({
      stats: await getStats(d),
      mentions: await d.mentions.count(),
      entities: (await d.entities.toArray()).map((e) => [e.key, e.articleCount, e.mentionCount]).sort(),
    });
    expect(await counts(db)).toEqual(await counts(whole));
    expect((await counts(db)).entities).toContainEqual(['person:万里', 1, 2]);
    await whole.delete();
  });

  it('finds notes on passages again in the held text', async () => {
    const textId = await put(TITLED + LATER);
    await ask('recordReading', { article, textId, refDate: '2024-02-07' });
    const [stored] = await db.articles.toArray();
    await addNote(db, { kind: 'quote', id: stored.id!, exact: '要做好土地供应工作', prefix: '万里指出，', suffix: '。' }, '记下');
    const r = await ask('passageNotes', { url: article.url, textId });
    expect(r).toMatchObject({ status: 'found', passages: [{ exact: '要做好土地供应工作', at: { start: (TITLED + LATER).indexOf('要做好') } }] });
  });
});

describe('getting ready while a page loads', () => {
  /** A background whose model reads and known-name reads are counted; `failModel` makes the first read of that model fail. */
  function countingBackground(failModel?: 'zh' | 'en') {
    const calls = { known: 0, models: [] as string[] };
    let failed = false;
    handlers = {
      ...pageTextHandlers({
        db,
        store,
        knownNames: async () => {
          calls.known++;
          return prepareKnown({ entries: [] });
        },
        ensureModel: async (lang) => {
          calls.models.push(lang);
          if (lang === failModel && !failed) {
            failed = true;
            throw new Error(`could not read the ${lang} model`);
          }
        },
        generation: () => 0,
        onRecorded: () => undefined,
      }),
    } as Handlers;
    return calls;
  }

  it('reads the known names and loads and warms the declared language once, however many pages ask', async () => {
    const calls = countingBackground();
    const replies = await Promise.all([ask('warmUp', { lang: 'zh' }), ask('warmUp', { lang: 'zh' }, inTab(2))]);
    expect(replies).toEqual([{ warmed: ['zh'] }, { warmed: ['zh'] }]);
    await ask('warmUp', { lang: 'zh' });
    expect(calls.models).toEqual(['zh']);
    expect(calls.known).toBe(3);
  });

  it('warms both languages for a page that does not declare Chinese', async () => {
    const calls = countingBackground();
    expect(await ask('warmUp', { lang: null })).toEqual({ warmed: ['zh', 'en'] });
    expect(calls.models).toEqual(['zh', 'en']);
  });

  it('reports a model that could not be read, and tries it again for the next page', async () => {
    const calls = countingBackground('zh');
    await expect(ask('warmUp', { lang: 'zh' })).rejects.toThrow('could not read the zh model');
    expect(await ask('warmUp', { lang: 'zh' })).toEqual({ warmed: ['zh'] });
    expect(calls.models).toEqual(['zh', 'zh']);
  });

  it('refuses a language the recogniser does not have', async () => {
    const reply = await dispatch(handlers, { dossier: 1, type: 'warmUp', data: { lang: 'fr' } }, inTab(1));
    expect(reply).toEqual({ ok: false, error: 'refused: invalid warmUp request' });
  });
});
