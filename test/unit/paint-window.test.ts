// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Painter, PaintPass } from '@/utils/page/paint';
import { blockOf, createPaintWindow, type ObserverFactory, type PaintItem } from '@/utils/page/paint-window';
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

/** An IntersectionObserver stand-in the test drives: `report` says which targets are near. */
function fakeObserver() {
  const observed: Element[] = [];
  let callback: Parameters<ObserverFactory>[0] = () => {};
  let margin = '';
  const factory: ObserverFactory = (cb, options) => {
    callback = cb;
    margin = options.rootMargin;
    return { observe: (el: Element) => void observed.push(el), disconnect: () => void (observed.length = 0) };
  };
  const box = (size: number) => ({ width: size, height: size }) as DOMRectReadOnly;
  return {
    factory,
    observed,
    margin: () => margin,
    report: (near: Element[], far: Element[] = [], boxless: Element[] = []) =>
      callback([
        ...near.map((target) => ({ target, isIntersecting: true, boundingClientRect: box(10) })),
        ...far.map((target) => ({ target, isIntersecting: false, boundingClientRect: box(10) })),
        ...boxless.map((target) => ({ target, isIntersecting: false, boundingClientRect: box(0) })),
      ]),
  };
}

const mention = (text: string): Mention => ({ text, type: 'person', start: 0, end: text.length }) as Mention;

/** A page of paragraphs, each with a name in a <span>; one piece per name. */
function page(paragraphs: number) {
  document.body.innerHTML = `<article>${Array.from({ length: paragraphs }, (_, i) => `<p>第${i}段 <span>张${i}</span> 讲话。</p>`).join('')}</article>`;
  const ps = Array.from(document.querySelectorAll('p'));
  const items: PaintItem[] = ps.map((p, i) => {
    const node = p.querySelector('span')!.firstChild!;
    return { mention: mention(`张${i}`), range: { startContainer: node, startOffset: 0, endContainer: node, endOffset: 2, collapsed: false } as AbstractRange };
  });
  return { ps, items };
}

describe('painting near the viewport', () => {
  it('files each piece under its nearest block, not the inline element around it', () => {
    const { ps, items } = page(2);
    expect(blockOf(items[1].range.startContainer)).toBe(ps[1]);
  });

  it('watches each block once, a viewport beyond the visible area', () => {
    const { painter } = recordingPainter();
    const io = fakeObserver();
    const { ps, items } = page(5);
    const w = createPaintWindow(painter, io.factory);
    w.add(items);
    w.add([{ ...items[0], mention: mention('张0 again') }]);
    w.start();
    expect(io.observed).toEqual(ps);
    expect(io.margin()).toBe('100% 0px');
  });

  it('shows exactly the pieces of the blocks reported near, and follows as they change', () => {
    const { painter, state } = recordingPainter();
    const io = fakeObserver();
    const { ps, items } = page(6);
    const w = createPaintWindow(painter, io.factory);
    w.add(items);
    w.start();
    expect(state.commits).toBe(0);

    io.report([ps[0], ps[1]], ps.slice(2));
    expect(state.shown.map((x) => x.mention.text).sort()).toEqual(['张0', '张1']);
    expect(w.shown).toBe(2);

    // Scrolling down: the first block leaves, the third and fourth come in.
    io.report([ps[2], ps[3]], [ps[0]]);
    expect(state.shown.map((x) => x.mention.text).sort()).toEqual(['张1', '张2', '张3']);

    // A report that changes nothing does not touch the registry.
    const commits = state.commits;
    io.report([ps[2]], [ps[5]]);
    expect(state.commits).toBe(commits);
  });

  it('paints a block with no box (display: contents) rather than losing it', () => {
    const { painter, state } = recordingPainter();
    const io = fakeObserver();
    const { ps, items } = page(3);
    const w = createPaintWindow(painter, io.factory);
    w.add(items);
    w.start();
    io.report([], [ps[0], ps[1]], [ps[2]]);
    expect(state.shown.map((x) => x.mention.text)).toEqual(['张2']);
  });

  it('stops following once stopped', () => {
    const { painter } = recordingPainter();
    const io = fakeObserver();
    const { items } = page(2);
    const w = createPaintWindow(painter, io.factory);
    w.add(items);
    w.start();
    w.stop();
    expect(io.observed).toEqual([]);
  });
});
