// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectArticle, scanPageInSlices } from '@/utils/page/detect-article';
import { buildTextMap, buildTextMapInSlices } from '@/utils/page/text-map';
import { inChunks, runInSlices, yieldToPage, YIELD_WAIT_MS } from '@/utils/page/pacing';

/** A pause that counts the page's turns instead of waiting for a task. */
function countingPause() {
  const p = { turns: 0, pause: async () => void p.turns++ };
  return p;
}

describe('yieldToPage', () => {
  /** A stand-in for the browser's task scheduler: it keeps what is posted, and runs it when told. */
  function fakeScheduler() {
    const posted: Array<{ callback: () => void; priority: string; signal: AbortSignal }> = [];
    const scheduler = {
      posted,
      postTask(callback: () => void, options: { priority: string; signal: AbortSignal }) {
        posted.push({ callback, ...options });
        return new Promise<void>((resolve, reject) => {
          options.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          scheduler.run = () => (callback(), resolve());
        });
      },
      run: () => {},
    };
    vi.stubGlobal('scheduler', scheduler);
    return scheduler;
  }
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });
  const settled = (p: Promise<void>) => {
    const state = { done: false };
    void p.then(() => (state.done = true));
    return state;
  };

  it("goes on in a background task, behind the page's own tasks, where the browser schedules by priority", async () => {
    vi.useFakeTimers();
    const scheduler = fakeScheduler();
    const state = settled(yieldToPage());
    expect(scheduler.posted.map((p) => p.priority)).toEqual(['background']);
    await Promise.resolve();
    expect(state.done).toBe(false);
    scheduler.run();
    await vi.advanceTimersByTimeAsync(0);
    expect(state.done).toBe(true);
    // The deadline's timer is gone once the task ran.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('goes on after YIELD_WAIT_MS when the page never leaves room, withdrawing the task', async () => {
    vi.useFakeTimers();
    const scheduler = fakeScheduler();
    const state = settled(yieldToPage());
    await vi.advanceTimersByTimeAsync(YIELD_WAIT_MS - 1);
    expect(state.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.done).toBe(true);
    expect(scheduler.posted[0].signal.aborted).toBe(true);
  });

  it('goes on in a timer task where the browser has no task scheduler', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('scheduler', undefined);
    const state = settled(yieldToPage());
    await Promise.resolve();
    expect(state.done).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(state.done).toBe(true);
  });
});

describe('runInSlices', () => {
  function* steps(n: number): Generator<void, string> {
    for (let i = 0; i < n; i++) yield;
    return `done after ${n}`;
  }

  it("resolves with what the generator returns, giving the page a turn whenever a slice ran over its budget", async () => {
    const over = countingPause();
    // A budget already spent: every step is a slice of its own, a turn after each.
    await expect(runInSlices(steps(5), -1, over.pause)).resolves.toBe('done after 5');
    expect(over.turns).toBe(5);
    const within = countingPause();
    await expect(runInSlices(steps(5), 60_000, within.pause)).resolves.toBe('done after 5');
    expect(within.turns).toBe(0);
  });
});

describe('inChunks', () => {
  it('covers [0, count) in chunks of `size`, the last one short, with the same turns as runInSlices', async () => {
    const seen: Array<[number, number]> = [];
    const over = countingPause();
    await inChunks(10, 4, (from, to) => void seen.push([from, to]), -1, over.pause);
    expect(seen).toEqual([[0, 4], [4, 8], [8, 10]]);
    expect(over.turns).toBe(3);
    const within = countingPause();
    await inChunks(10, 4, () => {}, 60_000, within.pause);
    expect(within.turns).toBe(0);
  });
});

describe('the sliced scan and map (what the content script runs) give what the one-pass ones give', () => {
  const html = readFileSync('test/fixtures/jiaozuo-2024-02/html/a20-mental-health-education.html', 'utf8');
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
  // A long article: the walks pause every few hundred elements, and each pause is a slice's end.
  const article = document.querySelector('article')!;
  const paragraphs = [...article.querySelectorAll('p')].map((p) => p.outerHTML).join('');
  article.insertAdjacentHTML('beforeend', paragraphs.repeat(80));
  const url = 'http://127.0.0.1/2024-02/07/content_20.html';

  it('detection from a scan made a slice per step', async () => {
    const turns = countingPause();
    const sliced = detectArticle(document, url, await scanPageInSlices(document.documentElement, -1, turns.pause));
    const whole = detectArticle(document, url);
    expect(turns.turns).toBeGreaterThan(0);
    expect({ ...sliced, body: sliced.body?.outerHTML }).toEqual({ ...whole, body: whole.body?.outerHTML });
    expect(sliced.isArticle).toBe(true);
  });

  it('the text map', async () => {
    const body = detectArticle(document, url).body!;
    const turns = countingPause();
    const sliced = await buildTextMapInSlices(body, { isVisible: () => true }, -1, turns.pause);
    const whole = buildTextMap(body, { isVisible: () => true });
    expect(turns.turns).toBeGreaterThan(0);
    expect(sliced.text).toBe(whole.text);
    expect(sliced.segments).toEqual(whole.segments);
  });
});
