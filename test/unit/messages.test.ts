import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch, onMessages, type Handlers } from '@/utils/message-schemas';

const ownSender = () => ({ id: fakeBrowser.runtime.id });

function handlers(): Handlers {
  const unexpected = () => {
    throw new Error('not in this test');
  };
  return new Proxy({} as Handlers, {
    get: (_t, key) => (key === 'stats' ? vi.fn(async () => ({ articles: 1, people: 2, orgs: 3, figures: 4, notes: 5 })) : key === 'addNote' ? vi.fn(async () => { throw new Error('The entity this note is for is not in the knowledge base.'); }) : unexpected),
  });
}

describe('the message protocol in the background', () => {
  it('answers a valid request from the extension itself', async () => {
    const reply = await dispatch(handlers(), { dossier: 1, type: 'stats' }, ownSender());
    expect(reply).toEqual({ ok: true, value: { articles: 1, people: 2, orgs: 3, figures: 4, notes: 5 } });
  });

  it('refuses a sender that is not this extension', async () => {
    const reply = await dispatch(handlers(), { dossier: 1, type: 'stats' }, { id: 'some-other-extension' });
    expect(reply).toEqual({ ok: false, error: 'refused: unknown sender' });
  });

  it('refuses a request that does not match its schema, before any handler runs', async () => {
    const h = handlers();
    const bad = [
      { dossier: 1, type: 'addNote', data: { target: { kind: 'entity', id: -1 }, text: 'x' } },
      { dossier: 1, type: 'addNote', data: { target: { kind: 'script', id: 1 }, text: 'x' } },
      { dossier: 1, type: 'recordReading', data: { article: { url: 1 }, mentions: [] } },
      { dossier: 1, type: 'search', data: { query: 'x'.repeat(10_000) } },
    ];
    for (const message of bad) expect(await dispatch(h, message, ownSender())).toMatchObject({ ok: false, error: expect.stringMatching(/^refused: invalid/) });
  });

  it('ignores messages that are not ours, and unknown or inherited types', async () => {
    expect(await dispatch(handlers(), { type: 'stats' }, ownSender())).toBeUndefined();
    expect(await dispatch(handlers(), { dossier: 1, type: 'toString' }, ownSender())).toBeUndefined();
    expect(await dispatch(handlers(), { dossier: 1, type: '__proto__' }, ownSender())).toBeUndefined();
    expect(await dispatch(handlers(), 'stats', ownSender())).toBeUndefined();
  });

  it("passes a handler's error back as a message", async () => {
    const reply = await dispatch(handlers(), { dossier: 1, type: 'addNote', data: { target: { kind: 'entity', id: 9 }, text: 'x' } }, ownSender());
    expect(reply).toEqual({ ok: false, error: 'The entity this note is for is not in the knowledge base.' });
  });

  it('replies through sendResponse, which every browser honours', async () => {
    onMessages(handlers());
    const sendResponse = vi.fn();
    const results = await fakeBrowser.runtime.onMessage.trigger({ dossier: 1, type: 'stats' }, ownSender(), sendResponse);
    expect(results).toEqual([true]);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: true, value: expect.objectContaining({ articles: 1 }) }));
  });
});
