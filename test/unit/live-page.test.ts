// @vitest-environment happy-dom
// What the content script follows between readings of a page: the article's changes, an article
// replaced, a page that may still grow an article a while after it loads, and nothing on a page
// decided for good.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followLivePage, LOOK_AGAIN_MS, type LivePage } from '@/entrypoints/content/live-page';

let reads = 0;
let live: LivePage;
const follow = (mayBeNews = true) => (live = followLivePage(document, { read: () => void reads++, ended: () => false, mayBeNews: async () => mayBeNews }));
const paragraph = (text: string) => Object.assign(document.createElement('p'), { textContent: text });
/** Lets observers report and the schedule read (it reads once the page is quiet for 500 ms). */
const settle = (ms = 1000) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
  reads = 0;
  document.body.innerHTML = '<article id="a"><p>刘晓军出席会议。</p></article><div data-dossier-ui=""><span>卡片</span></div>';
});
afterEach(() => {
  live?.stop();
  vi.useRealTimers();
});
const article = () => document.getElementById('a')!;

describe('followLivePage', () => {
  it('reads the article again when the page adds to it, not when our own UI changes', async () => {
    await follow().followed({ kind: 'article', body: article() });
    article().append(paragraph('崔峰通报了工作。'));
    await settle();
    expect(reads).toBe(1);
    document.querySelector('[data-dossier-ui] span')!.textContent = '卡片二';
    await settle(5000);
    expect(reads).toBe(1);
  });

  it('reads again when the page replaces its article', async () => {
    await follow().followed({ kind: 'article', body: article() });
    const fresh = document.createElement('article');
    fresh.append(paragraph('新的文章。'));
    article().replaceWith(fresh);
    await settle();
    expect(reads).toBe(1);
  });

  it('looks again at a page found to be no article as it grows, for a while after it loads', async () => {
    document.body.innerHTML = '<div id="app">加载中…</div>';
    await follow().followed({ kind: 'no-article' });
    document.getElementById('app')!.innerHTML = '<h1>标题</h1><p>正文。</p>';
    await settle();
    expect(reads).toBe(1);
    await settle(LOOK_AGAIN_MS);
    document.body.append(paragraph('更多。'));
    await settle(5000);
    expect(reads).toBe(1);
  });

  it('does not look again where the address is no news, nor once the reader switched it off', async () => {
    await follow(false).followed({ kind: 'no-article' });
    document.body.append(paragraph('更多。'));
    await settle(5000);
    expect(reads).toBe(0);
    live.stop();
    await follow(true).followed({ kind: 'not-read' });
    document.body.append(paragraph('更多。'));
    await settle(5000);
    expect(reads).toBe(0);
  });

  it('gives a page a new while when an app moves to another address', async () => {
    await follow().followed({ kind: 'no-article' });
    await settle(LOOK_AGAIN_MS + 1000);
    live.navigated();
    await live.followed({ kind: 'no-article' });
    document.body.append(paragraph('新的视图。'));
    await settle();
    expect(reads).toBe(1);
  });

  it('does not see its own changes to the page, but the page\'s before them', async () => {
    await follow().followed({ kind: 'article', body: article() });
    live.quiet(() => article().append(paragraph('我们的改动。')));
    await settle(5000);
    expect(reads).toBe(0);
    article().append(paragraph('页面的改动。'));
    live.quiet(() => article().append(paragraph('我们的改动。')));
    await settle();
    expect(reads).toBe(1);
  });

  it('follows nothing once stopped', async () => {
    await follow().followed({ kind: 'article', body: article() });
    live.stop();
    article().append(paragraph('更多。'));
    await settle(5000);
    expect(reads).toBe(0);
  });
});
