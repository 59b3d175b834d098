// @vitest-environment happy-dom
// The content script's session where the Highlight API is missing (this DOM has none, as Firefox
// before 140 has none): mentions are wrapped in marks, hit-testing and notes work on the text as
// mapped again, and every change of ours runs where the page's observers look away.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Session } from '@/entrypoints/content/session';
import { DossierDb } from '@/utils/kb/db';
import { addNote } from '@/utils/kb/notes';
import { dispatch, type Handlers } from '@/utils/message-schemas';
import type { MessageType, ProtocolMap } from '@/utils/messages';
import { MARK_ATTR, MARK_TAG } from '@/utils/page/paint';
import { buildTextMap } from '@/utils/page/text-map';
import { pageTextHandlers } from '@/utils/page-texts/text-handlers';
import { PageTextStore } from '@/utils/page-texts/text-store';
import { prepareKnown } from '@/utils/recognize';
import { normalizeSettings } from '@/utils/settings';

const sender = { id: fakeBrowser.runtime.id, tab: { id: 1 } as Browser.tabs.Tab, frameId: 0 };

const PAGE = `<header class="site-nav"><a href="/">焦作新闻网</a></header>
<article>
  <h1>市自然资源和规划局召开全市自然资源工作会议</h1>
  <p>2月7日，焦作市自然资源和规划局党组书记、局长<b>刘晓</b>军出席会议并讲话。</p>
  <p>会议指出，2023年全市共完成土地收储509亩，完成投资21229万元，同比增长98.6%。</p>
  <p>会上，焦作市自然资源和规划局副局长崔峰通报了全年工作情况。</p>
</article>
<aside class="related"><a href="/2">刘晓军调研</a></aside>`;

let db: DossierDb;
let handlers: Handlers;
/** DOM changes made outside `quiet` (the page's observers would see them as the page's). */
let unquiet: MutationRecord[];
let observer: MutationObserver;
let quietCalls: number;

/** Requests go through the background's real dispatch, as the content script's would. */
const send = async <K extends MessageType>(type: K, data: ProtocolMap[K]['req']): Promise<ProtocolMap[K]['res']> => {
  const reply = await dispatch(handlers, { dossier: 1, type, data }, sender);
  if (!reply?.ok) throw new Error(reply ? reply.error : 'no reply');
  return reply.value as ProtocolMap[K]['res'];
};

/** What index.ts does: the page's changes before ours are kept, ours are dropped. */
const quiet = (change: () => void) => {
  quietCalls++;
  unquiet.push(...observer.takeRecords());
  change();
  observer.takeRecords();
};

const article = () => document.querySelector('article')!;
/** Each mark's highlight name and text, in document order. */
const marks = () => Array.from(article().querySelectorAll(MARK_TAG)).map((m) => `${m.getAttribute(MARK_ATTR)}:${m.textContent}`);

beforeEach(() => {
  db = new DossierDb(`session-wrap-${Math.random()}`);
  handlers = { ...pageTextHandlers({ db, store: new PageTextStore(), knownNames: async () => prepareKnown({ entries: [] }), ensureModel: async () => {}, generation: () => 0, onRecorded: () => {} }) } as Handlers;
  document.documentElement.lang = 'zh-CN';
  document.body.innerHTML = PAGE;
  unquiet = [];
  quietCalls = 0;
  observer = new MutationObserver(() => {});
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
});
afterEach(async () => {
  observer.disconnect();
  await db.delete();
});

describe('a session without the Highlight API', () => {
  it('wraps every mention in marks, on the same text, with its ranges on the text nodes the marks hold', async () => {
    const text = buildTextMap(article()).text;
    const session = new Session(document, normalizeSettings(null), send, quiet);
    expect(await session.annotate('always')).toBe('article');
    expect(session.painting).toBe('wrapped');
    const a = session.current!;
    expect(a.map.text).toBe(text);
    expect(marks()).toEqual(expect.arrayContaining(['dossier-person:刘晓', 'dossier-person:军', 'dossier-person:崔峰', 'dossier-number:509亩', 'dossier-number:21229万元', 'dossier-number:98.6%']));
    expect(marks().some((m) => m.startsWith('dossier-org:') && m.includes('自然资源和规划局'))).toBe(true);
    // Each mention's pieces are exactly the marks' text nodes: what hit-testing and cards use.
    [...a.mentions].forEach((m, i) => {
      const pieces = a.pieces.of(i);
      expect(pieces.map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset)).join('')).toBe(m.text);
      for (const r of pieces) {
        expect(r.startContainer.parentElement?.localName).toBe(MARK_TAG);
        expect(r.startOffset).toBe(0);
        expect(r.endOffset).toBe((r.startContainer as Text).length);
      }
    });
    // Nothing outside the article, nothing changed behind the page's observers' back.
    expect(document.querySelectorAll(`header ${MARK_TAG}, aside ${MARK_TAG}`)).toHaveLength(0);
    expect(unquiet).toEqual([]);
    expect(quietCalls).toBeGreaterThan(0);
  });

  it('takes out the marks of a name the reader says is no entity, and all of them on clear', async () => {
    const before = document.body.innerHTML;
    const session = new Session(document, normalizeSettings(null), send, quiet);
    await session.annotate('always');
    session.forget('崔峰', 'person');
    await vi.waitFor(() => expect(marks()).not.toContain('dossier-person:崔峰'));
    expect(marks()).toContain('dossier-person:刘晓');
    await vi.waitFor(() => expect(session.current!.pieces.of(0)[0].startContainer.parentElement?.localName).toBe(MARK_TAG));
    session.clear();
    expect(document.body.innerHTML).toBe(before);
    expect(unquiet).toEqual([]);
  });

  it('keeps up with an article that grows: the new part is wrapped, the old marks are not wrapped twice', async () => {
    const session = new Session(document, normalizeSettings(null), send, quiet);
    await session.annotate('always');
    const first = marks();
    const p = document.createElement('p');
    p.textContent = '焦作市教育局局长王军参加会议。';
    article().append(p);
    await session.annotate('always');
    expect(marks().slice(0, first.length)).toEqual(first);
    expect(marks()).toContain('dossier-person:王军');
    expect(article().querySelector(`${MARK_TAG}[${MARK_ATTR}^="dossier-person"] ${MARK_TAG}[${MARK_ATTR}^="dossier-person"]`)).toBeNull();
    expect(session.current!.map.text).toBe(buildTextMap(article()).text);
  });

  it('wraps a passage with notes and finds it under the marks again', async () => {
    const session = new Session(document, normalizeSettings(null), send, quiet);
    await session.annotate('always');
    const [stored] = await db.articles.toArray();
    await addNote(db, { kind: 'quote', id: stored.id!, exact: '完成投资21229万元', prefix: '509亩，', suffix: '，同比' }, '记下');
    await session.loadPassages();
    const noted = Array.from(article().querySelectorAll(`[${MARK_ATTR}="dossier-note"]`)).map((m) => m.textContent).join('');
    expect(noted).toBe('完成投资21229万元');
    expect(marks()).toContain('dossier-number:21229万元');
    const [passage] = session.current!.passages;
    expect(passage.range.toString()).toBe('完成投资21229万元');
    expect(unquiet).toEqual([]);
  });
});
