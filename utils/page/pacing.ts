/**
 * How the content script spreads its work over the page's tasks and frames, so the page stays
 * responsive however big the article. Shared by the session and the page benchmark, which must
 * pace its work as the extension does for its long-task counts to mean anything.
 */

/** The Prioritized Task Scheduling API, where the browser has it (Chromium 94+, Firefox 142+). */
interface TaskScheduler {
  postTask(callback: () => void, options: { priority: 'background'; signal: AbortSignal }): Promise<void>;
}

/** How long one yield waits at most for the page's own tasks to leave room for ours (ms). */
export const YIELD_WAIT_MS = 50;

/**
 * Lets the page run: the next piece of our work starts in a new task, once the page's own pending
 * tasks (its timers, its messages) have run. A zero-delay timer is not that in Chromium: ours
 * went before the page's due timers, so in a bare page a 10 ms interval ran 18–24 ms late while
 * 12 ms slices ran, and after five nested timers each yield idled 4 ms. A background-priority task
 * waits its turn behind the page's work (the interval 4–5 ms late) and idles for nothing; a page
 * whose own tasks never stop would starve it, so after YIELD_WAIT_MS a timer goes on regardless.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (typeof scheduler?.postTask !== 'function') return new Promise<void>((resolve) => setTimeout(resolve, 0));
  return new Promise<void>((resolve) => {
    const posted = new AbortController();
    const timer = setTimeout(() => {
      posted.abort();
      resolve();
    }, YIELD_WAIT_MS);
    scheduler.postTask(() => {
      clearTimeout(timer);
      resolve();
    }, { priority: 'background', signal: posted.signal }).catch(() => {
      // Aborted: the timer went first.
    });
  });
}

/** About how long one slice of our work may run before the page gets its turn (ms). */
export const SLICE_MS = 12;

/**
 * Runs a generator of work steps to its end, yielding to the page (`pause`) whenever a slice took
 * about `budgetMs`; resolves with what the generator returns. `pause` is a seam: the page benchmark
 * passes one that times the waits, so it counts our work and not the page's turns.
 */
export async function runInSlices<R>(steps: Generator<unknown, R>, budgetMs = SLICE_MS, pause: () => Promise<void> = yieldToPage): Promise<R> {
  let sliceStart = performance.now();
  for (let r = steps.next(); ; r = steps.next()) {
    if (r.done) return r.value;
    if (performance.now() - sliceStart > budgetMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}

/**
 * Resolves once `first` has settled and the page has rendered a frame after it, or after `waitMs`
 * in all, where frames are not rendered (a hidden tab).
 */
export const afterNextFrame = (win: Window, waitMs: number, first: Promise<unknown> = Promise.resolve()) =>
  new Promise<void>((resolve) => {
    const timer = win.setTimeout(resolve, waitMs);
    void first.then(() => win.requestAnimationFrame(() => win.setTimeout(() => (win.clearTimeout(timer), resolve()), 0)));
  });

/**
 * Runs `fn` over [0, count) in chunks of `size`, yielding to the page (`pause`, a new task by
 * default) whenever a slice took about `budgetMs`.
 */
export function inChunks(count: number, size: number, fn: (from: number, to: number) => void, budgetMs = SLICE_MS, pause: () => Promise<void> = yieldToPage): Promise<void> {
  function* chunks(): Generator<void, void> {
    for (let from = 0; from < count; from += size) {
      fn(from, Math.min(count, from + size));
      yield;
    }
  }
  return runInSlices(chunks(), budgetMs, pause);
}
