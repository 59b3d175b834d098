// @vitest-environment happy-dom
// When the content script reads a changing article again: soon after new blocks, and less and less
// often while only text keeps changing (a clock or a counter inside the article).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeKindOf, REREAD_TIMINGS, rereadSchedule, type ChangeKind } from '@/utils/page/reread-schedule';

/** Reads the schedule makes, by the time (ms since the start) each was made. */
function recorded() {
  const start = Date.now();
  const at: number[] = [];
  const schedule = rereadSchedule(() => void at.push(Date.now() - start));
  return { schedule, at };
}

/** Tells the schedule of a change of `kind` every `everyMs`, for `forMs`. */
async function changes(schedule: ReturnType<typeof rereadSchedule>, kind: ChangeKind, everyMs: number, forMs: number) {
  for (let t = 0; t < forMs; t += everyMs) {
    schedule.changed(kind);
    await vi.advanceTimersByTimeAsync(everyMs);
  }
}

describe('rereadSchedule', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('reads once the page has been quiet for half a second', async () => {
    const { schedule, at } = recorded();
    await changes(schedule, 'blocks', 100, 1000);
    await vi.advanceTimersByTimeAsync(2000);
    expect(at).toEqual([1400]);
  });

  it('reads a page adding blocks without a pause every 3 s, however long it goes on', async () => {
    const { schedule, at } = recorded();
    await changes(schedule, 'blocks', 100, 60_000);
    expect(at.length).toBe(20);
    expect(at.every((t, i) => t - (at[i - 1] ?? 0) <= REREAD_TIMINGS.maxWaitMs)).toBe(true);
  });

  it('reads a text that never stops changing less and less often, down to once a minute', async () => {
    const { schedule, at } = recorded();
    // A counter rewritten every 16 ms, for ten minutes.
    await changes(schedule, 'text', 16, 600_000);
    const gaps = at.map((t, i) => t - (at[i - 1] ?? 0));
    // At first as any change: 3 s after the first change not read yet (which comes one step after a reading).
    for (const gap of gaps.slice(0, 3)) {
      expect(gap).toBeGreaterThanOrEqual(REREAD_TIMINGS.maxWaitMs);
      expect(gap).toBeLessThanOrEqual(REREAD_TIMINGS.maxWaitMs + 16);
    }
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThanOrEqual(gaps[i - 1]);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(REREAD_TIMINGS.textMaxMs + 16);
    expect(gaps[gaps.length - 1]).toBeGreaterThanOrEqual(REREAD_TIMINGS.textMaxMs);
    // Every 3 s, that would have been 200 readings.
    expect(at.length).toBeLessThan(20);
  });

  it('reads a clock ticking once a second at once the first time, then backs off', async () => {
    const { schedule, at } = recorded();
    await changes(schedule, 'text', 1000, 120_000);
    expect(at[0]).toBe(500);
    const gaps = at.slice(1).map((t, i) => t - at[i]);
    expect(gaps.slice(0, 4)).toEqual([1000, 2000, 4000, 8000]);
    expect(at.length).toBeLessThan(12);
  });

  it('reads new blocks within 3 s while a text around them keeps it backing off', async () => {
    const { schedule, at } = recorded();
    await changes(schedule, 'text', 16, 120_000);
    const before = at.length;
    schedule.changed('blocks');
    await changes(schedule, 'text', 16, REREAD_TIMINGS.maxWaitMs);
    expect(at.length).toBe(before + 1);
    expect(at[before] - 120_000).toBeLessThanOrEqual(REREAD_TIMINGS.maxWaitMs);
  });

  it('reads a text change promptly again once the page has been still for a minute', async () => {
    const { schedule, at } = recorded();
    await changes(schedule, 'text', 16, 120_000);
    await vi.advanceTimersByTimeAsync(REREAD_TIMINGS.textMaxMs + REREAD_TIMINGS.stillMs);
    const before = at.length;
    const t0 = at[before - 1];
    schedule.changed('text');
    await vi.advanceTimersByTimeAsync(REREAD_TIMINGS.quietMs);
    expect(at.length).toBe(before + 1);
    expect(at[before] - t0).toBeGreaterThan(REREAD_TIMINGS.stillMs);
  });

  it('makes no reading once cancelled', async () => {
    const { schedule, at } = recorded();
    schedule.changed('blocks');
    schedule.cancel();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(at).toEqual([]);
  });
});

describe('changeKindOf', () => {
  /** The records a change to `root` makes. */
  function recordsOf(root: Element, change: (root: Element) => void) {
    const observer = new MutationObserver(() => {});
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    change(root);
    const records = observer.takeRecords();
    observer.disconnect();
    return records;
  }
  const article = () => {
    const root = document.createElement('article');
    root.innerHTML = '<p>本文已被阅读 <span id="n">41</span> 次。</p><p id="clock">实时：10:00</p>';
    return root;
  };

  it('calls edited and swapped text, and inline elements of text, text', () => {
    expect(changeKindOf(recordsOf(article(), (r) => void (r.querySelector('#clock')!.firstChild as Text).replaceData(3, 5, '10:01')))).toBe('text');
    expect(changeKindOf(recordsOf(article(), (r) => void (r.querySelector('#n')!.textContent = '42')))).toBe('text');
    expect(changeKindOf(recordsOf(article(), (r) => void (r.querySelector('#clock')!.innerHTML = '实时：<b>10:01</b>')))).toBe('text');
  });

  it('calls blocks added or removed, or elements holding elements, blocks', () => {
    expect(changeKindOf(recordsOf(article(), (r) => void r.insertAdjacentHTML('beforeend', '<p>新的段落。</p>')))).toBe('blocks');
    expect(changeKindOf(recordsOf(article(), (r) => void r.querySelector('#clock')!.remove()))).toBe('blocks');
    expect(changeKindOf(recordsOf(article(), (r) => void r.insertAdjacentHTML('beforeend', '<span><em>新的</em>一段</span>')))).toBe('blocks');
    // Text and blocks in one batch: blocks.
    expect(changeKindOf(recordsOf(article(), (r) => {
      r.querySelector('#n')!.textContent = '42';
      r.append(document.createElement('div'));
    }))).toBe('blocks');
  });

  it('says nothing of no change', () => {
    expect(changeKindOf([])).toBeNull();
  });
});
