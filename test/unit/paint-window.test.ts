// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Painter, PaintPass } from '@/utils/page/paint';
import { blockOf, createPaintWindow, type ObserverFactory, type PaintItem, type WindowMentions, type WindowObserverEntry } from '@/utils/page/paint-window';
import type { Mention } from '@/utils/recognize/types';

/** A painter that remembers what the last committed pass showed. */
function recordingPainter() {
  const state = { shown: [] as PaintItem[], commits: 0 };
  const painter = {
    begin(): PaintPass {
      const next: PaintItem[] = [];
      return {
        add(items) {
          next.push(...items);
          return items.length;
        },
        commit() {
          state.shown = next;
          state.commits++;
        },
      };
    },
  } as Painter;
  return { painter, state };
}

/**
 * IntersectionObservers the test drives: `report` moves elements near, below, above or to no box;
 * like the real one, each observer hears of its targets that changed and of targets it has just
 * started to observe.
 */
function fakeObserver() {
  interface Fake { callback: Parameters<ObserverFactory>[0]; observed: Element[]; fresh: Set<Element>; ever: Set<Element> }
  const observers: Fake[] = [];
  const where = new Map<Element, WindowObserverEntry>();
  let margin = '';
  const factory: ObserverFactory = (callback, options) => {
    const o: Fake = { callback, observed: [], fresh: new Set(), ever: new Set() };
    observers.push(o);
    margin = options.rootMargin;
    return {
      observe: (el: Element) => void (o.observed.push(el), o.fresh.add(el), o.ever.add(el)),
      unobserve: (el: Element) => void (o.observed = o.observed.filter((x) => x !== el)),
      disconnect: () => void (o.observed = []),
    };
  };
  const root = { top: 0, bottom: 1000 } as DOMRectReadOnly;
  const box = (top: number, size = 10) => ({ width: size, height: size, top, bottom: top + size }) as DOMRectReadOnly;
  const entry = (target: Element, isIntersecting: boolean, boundingClientRect: DOMRectReadOnly): WindowObserverEntry => ({ target, isIntersecting, boundingClientRect, rootBounds: root });
  /** Moves an element: its box says where (read in a callback), and observers hear of it on the next report. */
  const place = (t: Element, e: WindowObserverEntry) => {
    where.set(t, e);
    t.getBoundingClientRect = () => e.boundingClientRect as DOMRect;
  };
  return {
    factory,
    /** Everything observed now, by any observer, in the order observed. */
    observed: () => [...new Set(observers.flatMap((o) => o.observed))],
    margin: () => margin,
    /** Delivers a report queued while `target` was near, to every observer that ever watched it (also after letting it go). */
    late: (target: Element) => {
      for (const o of observers) if (o.ever.has(target)) o.callback([entry(target, true, box(500))]);
    },
    /** `far` are below the extended viewport, `above` above it. */
    report: (near: Element[], far: Element[] = [], boxless: Element[] = [], above: Element[] = []) => {
      const changed = new Set<Element>([...near, ...far, ...boxless, ...above]);
      for (const t of near) place(t, entry(t, true, box(500)));
      for (const t of far) place(t, entry(t, false, box(2000)));
      for (const t of boxless) place(t, entry(t, false, box(0, 0)));
      for (const t of above) place(t, entry(t, false, box(-2000)));
      for (let again = true; again; ) {
        again = false;
        for (const o of observers) {
          const due = o.observed.filter((t) => where.has(t) && (changed.has(t) || o.fresh.has(t)));
          o.fresh.clear();
          if (due.length) o.callback(due.map((t) => where.get(t)!));
        }
        changed.clear();
        again = observers.some((o) => o.observed.some((t) => o.fresh.has(t) && where.has(t)));
      }
    },
  };
}

const mention = (text: string): Mention => ({ text, type: 'person', start: 0, end: text.length }) as Mention;

/** One mention of a test page: the text nodes it starts and ends in, and its ranges. */
interface WindowEntry { mention: Mention; nodes: Node[]; pieces(): readonly AbstractRange[] }

/** The entries as the window reads mentions: by index. */
const byIndex = (entries: WindowEntry[]): WindowMentions => ({
  mention: (i) => entries[i].mention,
  // Runs of one mention each: runs need not be the longest.
  eachRun: (from, to, visit) => {
    for (let i = from; i < to; i++) visit(i, i, entries[i].nodes[0] ?? null, entries[i].nodes[entries[i].nodes.length - 1] ?? null);
  },
  of: (i) => entries[i].pieces(),
});

/** A page of paragraphs, each with a name in a <span>: one mention per name, counting the ranges made. */
function page(paragraphs: number) {
  document.body.innerHTML = `<article>${Array.from({ length: paragraphs }, (_, i) => `<p>第${i}段 <span>张${i}</span> 讲话。</p>`).join('')}</article>`;
  const ps = Array.from(document.querySelectorAll('p'));
  // Until a test moves them, every paragraph is far below the viewport.
  for (const p of ps) p.getBoundingClientRect = () => ({ width: 10, height: 10, top: 5000, bottom: 5010 }) as DOMRect;
  const made: string[] = [];
  const entries: WindowEntry[] = ps.map((p, i) => {
    const node = p.querySelector('span')!.firstChild!;
    const m = mention(`张${i}`);
    return { mention: m, nodes: [node], pieces: () => (made.push(m.text), [{ startContainer: node, startOffset: 0, endContainer: node, endOffset: 2, collapsed: false } as AbstractRange]) };
  });
  return { ps, entries, made };
}

const names = (shown: PaintItem[]) => shown.map((x) => x.mention.text).sort();

/** A window over a page of `paragraphs` (plus `extra` mentions), started, with its painter's record and observers. */
function started(paragraphs: number, { runs, extra, wholeRuns }: { runs?: number; extra?: (entries: WindowEntry[]) => WindowEntry[]; wholeRuns?: boolean } = {}) {
  const { painter, state } = recordingPainter();
  const io = fakeObserver();
  const p = page(paragraphs);
  const all = [...p.entries, ...(extra?.(p.entries) ?? [])];
  const w = createPaintWindow(painter, byIndex(all), io.factory, { runs, wholeRuns });
  // Filed in two calls, as the extension files in chunks.
  const half = all.length >> 1;
  w.add(0, half);
  w.add(half, all.length);
  w.start();
  return { ...p, state, io, w };
}

describe('painting near the viewport', () => {
  it('files each mention under its nearest block, not the inline element around it', () => {
    const { ps, entries } = page(2);
    expect(blockOf(entries[1].nodes[0])).toBe(ps[1]);
  });

  it('watches each block once, a viewport beyond the visible area', () => {
    const { painter } = recordingPainter();
    const io = fakeObserver();
    const { ps, entries } = page(5);
    const all = [...entries, { ...entries[0], mention: mention('张0 again') }];
    const w = createPaintWindow(painter, byIndex(all), io.factory);
    w.add(0, all.length);
    w.start();
    expect(io.observed()).toEqual(ps);
    expect(io.margin()).toBe('100% 0px');
  });

  it('files runs of mentions in a row, also when a block\'s mentions come back after another block\'s', () => {
    const { painter, state } = recordingPainter();
    const io = fakeObserver();
    const { ps, entries } = page(3);
    const again = (e: WindowEntry, text: string): WindowEntry => ({ ...e, mention: mention(text) });
    const all = [entries[0], again(entries[0], '张0b'), again(entries[0], '张0c'), entries[1], again(entries[0], '张0d'), entries[2]];
    // As MentionPieces gives them: one call for each run of mentions in a row in the same nodes.
    const byRun: WindowMentions = {
      ...byIndex(all),
      eachRun: (from, to, visit) => {
        for (let first = from; first < to; ) {
          let last = first;
          while (last + 1 < to && all[last + 1].nodes[0] === all[first].nodes[0]) last++;
          visit(first, last, all[first].nodes[0], all[first].nodes[0]);
          first = last + 1;
        }
      },
    };
    const w = createPaintWindow(painter, byRun, io.factory);
    w.add(0, 2);
    w.add(2, all.length);
    w.start();
    io.report([ps[0]], ps.slice(1));
    expect(names(state.shown)).toEqual(['张0', '张0b', '张0c', '张0d']);
    io.report([ps[1]], [ps[2]], [], [ps[0]]);
    expect(names(state.shown)).toEqual(['张1']);
  });

  it('shows exactly the mentions of the blocks reported near, and follows as they change', () => {
    const { ps, state, io, w } = started(6);
    expect(state.commits).toBe(0);

    io.report([ps[0], ps[1]], ps.slice(2));
    expect(names(state.shown)).toEqual(['张0', '张1']);
    expect(w.shown).toBe(2);

    // Scrolling down: the first block leaves, the third and fourth come in.
    io.report([ps[2], ps[3]], [], [], [ps[0]]);
    expect(names(state.shown)).toEqual(['张1', '张2', '张3']);

    // A report that changes nothing does not touch the registry.
    const commits = state.commits;
    io.report([ps[2]], [ps[5]]);
    expect(state.commits).toBe(commits);
  });

  it('asks for a mention\'s ranges only when its block is near', () => {
    const { ps, made, io } = started(6);
    expect(made).toEqual([]);
    io.report([ps[0]], ps.slice(1));
    io.report([ps[1]], [], [], [ps[0]]);
    expect(made).toEqual(['张0', '张1']);
  });

  it('watches long runs of blocks by their two ends, and the blocks of a run near the viewport one by one', () => {
    const { ps, state, io } = started(9, { runs: 3 });
    expect(io.observed()).toEqual([ps[0], ps[2], ps[3], ps[5], ps[6], ps[8]]);
    // The middle run is taller than the viewport: its first block is above it and its last below.
    io.report([ps[4]], [ps[5], ps[6], ps[8]], [], [ps[0], ps[2], ps[3]]);
    expect(io.observed()).toEqual([ps[3], ps[4], ps[5], ps[0], ps[2], ps[6], ps[8]]);
    expect(names(state.shown)).toEqual(['张4']);
    // Scrolled on: the middle run is all above, the last run's first block comes near.
    io.report([ps[6]], [], [], [ps[4], ps[5]]);
    expect(io.observed()).toEqual([ps[6], ps[7], ps[8], ps[0], ps[2], ps[3], ps[5]]);
    expect(names(state.shown)).toEqual(['张6']);
  });

  it('with whole runs (Gecko), paints every block of the runs near the viewport and watches only the runs\' ends', () => {
    const { ps, state, io } = started(9, { runs: 3, wholeRuns: true });
    expect(io.observed()).toEqual([ps[0], ps[2], ps[3], ps[5], ps[6], ps[8]]);
    // The middle run spans the viewport (its first block above it, its last below): all of it is painted.
    io.report([], [ps[5], ps[6], ps[8]], [], [ps[0], ps[2], ps[3]]);
    expect(names(state.shown)).toEqual(['张3', '张4', '张5']);
    expect(io.observed()).toEqual([ps[0], ps[2], ps[3], ps[5], ps[6], ps[8]]);
    // Scrolled on: the last run comes near and the middle one leaves, each as a whole.
    io.report([ps[6]], [ps[8]], [], [ps[3], ps[5]]);
    expect(names(state.shown)).toEqual(['张6', '张7', '张8']);
  });

  it('paints the near blocks of a run coming near at once, from their boxes, before their own first report', () => {
    const { ps, state, io } = started(6, { runs: 2 });
    // The first run spans the viewport; its middle block is in view, as its box says, but no
    // observer has reported it yet.
    ps[1].getBoundingClientRect = () => ({ width: 10, height: 10, top: 400, bottom: 410 }) as DOMRect;
    io.report([], [ps[2], ps[3], ps[5]], [], [ps[0]]);
    expect(names(state.shown)).toEqual(['张1']);
  });

  it('paints a mention across two blocks when either is near, once', () => {
    const across = (entries: WindowEntry[]): WindowEntry[] => [
      { mention: mention('跨段'), nodes: [entries[1].nodes[0], entries[2].nodes[0]], pieces: () => [...entries[1].pieces(), ...entries[2].pieces()] },
    ];
    const { ps, state, io } = started(4, { extra: across });
    io.report([ps[2]], [ps[3]], [], [ps[0], ps[1]]);
    expect(state.shown.filter((x) => x.mention.text === '跨段')).toHaveLength(2);
    io.report([ps[1], ps[2]]);
    expect(state.shown.filter((x) => x.mention.text === '跨段')).toHaveLength(2);
  });

  it('ignores a late report on a block whose run has left the viewport', () => {
    const { ps, state, io } = started(6, { runs: 2 });
    io.report([ps[1]], [ps[2], ps[3], ps[5]], [], [ps[0]]);
    expect(names(state.shown)).toEqual(['张1']);
    // The reader jumped far down: the first run is above; then a report on ps[1] queued before
    // it was let go arrives, still saying near.
    io.report([ps[3]], [ps[5]], [], [ps[0], ps[2]]);
    io.late(ps[1]);
    expect(names(state.shown)).toEqual(['张3']);
  });

  it('paints a block with no box (display: contents) rather than losing it', () => {
    const { ps, state, io } = started(3);
    io.report([], [ps[0], ps[1]], [ps[2]]);
    expect(names(state.shown)).toEqual(['张2']);
  });

  it('settles firstPaint when the first highlights go in, not before', async () => {
    const { ps, io, w } = started(3);
    let settled = false;
    void w.firstPaint.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    io.report([ps[0]], ps.slice(1));
    await Promise.resolve();
    expect(settled).toBe(true);
  });

  it('files the mentions of a run only once it first comes near, reading only the ends of the others', () => {
    const { painter, state } = recordingPainter();
    const io = fakeObserver();
    const { ps, entries } = page(9);
    const asked: Array<[number, number]> = [];
    const counted: WindowMentions = { ...byIndex(entries), eachRun: (from, to, visit) => (asked.push([from, to]), byIndex(entries).eachRun(from, to, visit)) };
    const w = createPaintWindow(painter, counted, io.factory, { runs: 3 });
    w.add(0, 9);
    w.start();
    expect(asked.every(([from, to]) => to - from === 1)).toBe(true);
    asked.length = 0;
    io.report([ps[4]], [ps[5], ps[6], ps[8]], [], [ps[0], ps[2], ps[3]]);
    expect(asked).toEqual([[3, 6]]);
    expect(names(state.shown)).toEqual(['张4']);
    // Back up again: the middle run was filed already; the first is filed now.
    asked.length = 0;
    io.report([ps[2], ps[3]], [ps[4], ps[5]]);
    expect(asked).toEqual([[0, 3]]);
    expect(names(state.shown)).toEqual(['张2', '张3']);
  });

  it('paints mentions with no element to watch at once', () => {
    const loose = (entries: WindowEntry[]): WindowEntry[] => [{ mention: mention('游离'), nodes: [], pieces: () => entries[0].pieces() }];
    const { state } = started(3, { extra: loose });
    expect(names(state.shown)).toEqual(['游离']);
  });

  it('stops following once stopped', () => {
    const { io, w } = started(2);
    w.stop();
    expect(io.observed()).toEqual([]);
  });
});
