/**
 * In-page side of the page annotation benchmark (bundled by esbuild, injected as an init script).
 * Exposes `window.__bench` with one function per contender, each run on a freshly loaded page:
 * - `ours`: detect → map → recognise → messages → ranges → paint, with phase times and long tasks,
 *   paced as the extension paces them (Session.annotate): the scan and the map in slices of
 *   SLICE_MS, the text sent in HeldTextClient's pieces and the mentions received a page per
 *   message, each a task of its own (their work is timed, the page's turns between them are not).
 *   The recogniser runs in a worker (recognizer-worker.ts; in the extension, in the background), so
 *   its work and garbage stay off the page's thread and heap. The worker warmed up when the page
 *   started, as the background does; a second, cold worker times the same recognition without;
 * - `oursWrapped`: the same, painted as where the Highlight API is missing: every mention wrapped in
 *   marks (wrap-paint.ts) a few ms a frame as the extension does (the slices timed, not the waits
 *   for frames; the browser's layouts between them show as long tasks only if 50 ms or more), the
 *   text mapped again in slices, one forced layout (as the DOM contenders have);
 * - `floor`: a TreeWalker over the article body's text nodes and one regex pass over their joined text;
 * - `mark`: mark.js marking the strings our recogniser found (it rewrites the DOM).
 */
import Mark from 'mark.js';
import { detectArticle, scanPageInSlices } from '@/utils/page/detect-article';
import { buildTextMapInSlices } from '@/utils/page/text-map';
import { HeldTextClient, type Send } from '@/utils/page/held-text';
import { SLICE_MS } from '@/utils/page/pacing';
import { createPainter, highlightSheet } from '@/utils/page/paint';
import { createPaintWindow, WINDOW_ABOVE_MENTIONS, type PaintWindow } from '@/utils/page/paint-window';
import { MentionPieces } from '@/utils/page/mention-pieces';
import { createWrapPainter, wrapInFrames } from '@/utils/page/wrap-paint';
import { detectLang } from '@/utils/recognize/lang';
import { decodeSpans, type PageMention } from '@/utils/page-texts/mention-spans';
import type { WorkerReady, WorkerReply, WorkerRequest } from './recognizer-worker';

// As the extension's document_start script does: the highlight sheet is adopted while the document is
// empty, so painting later restyles nothing (adopting it then restyles every element).
highlightSheet(document, 'classic');

/** Settles with the worker's ready message, once it has loaded its models (and warmed up, unless cold). */
const whenReady = (worker: Worker) =>
  new Promise<WorkerReady>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<WorkerReady>) => resolve(e.data);
    worker.onerror = (e) => reject(new Error(`recognizer worker: ${e.message}`));
  });

/**
 * The recogniser's worker, served beside the pages; started with the page, as the extension's
 * background is woken by the page's document_start script and gets ready while the page loads.
 */
const recognizer = new Worker('/recognizer-worker.js');
/** Every contender's page waits for it. */
const ready = whenReady(recognizer);

/** Has a worker recognise a text. */
const recognizeInWorker = (request: WorkerRequest, worker = recognizer) =>
  new Promise<WorkerReply>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<WorkerReply>) => resolve(e.data);
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage(request);
  });

/** First recognition in a worker that did not warm up: a background woken by the article's own request. */
async function recognizeCold(request: WorkerRequest): Promise<number> {
  const worker = new Worker('/recognizer-worker.js?cold');
  try {
    await whenReady(worker);
    return (await recognizeInWorker(request, worker)).ms;
  } finally {
    worker.terminate();
  }
}

type Window_ = Window & { gc?: () => void; __bench?: unknown };
const w = window as Window_;

const longTasks: Array<{ start: number; end: number }> = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {
  /* no longtask support: reported as n/a */
}

/** Resolves in a new task (no timer clamping), so each phase is a task of its own. */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(0);
  });

/** Longest long task (ms) overlapping any of the windows; 0 when none reached 50 ms. */
function longestIn(windows: Array<[number, number]>): number {
  let max = 0;
  for (const t of longTasks) if (windows.some(([a, b]) => t.start < b && t.end > a)) max = Math.max(max, t.end - t.start);
  return max;
}

/** Used JS heap after a full collection (bytes), or NaN where the browser does not say. */
function heapAfterGc(): number {
  w.gc?.();
  w.gc?.();
  const mem = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return mem ? mem.usedJSHeapSize : NaN;
}

/** Waits for long-task entries of the run to be delivered (they arrive after the task ends). */
const settle = () => new Promise((r) => setTimeout(r, 120));

/** The article body as our detection finds it: the element floor and mark.js work on, found untimed. */
function articleBody(): Element {
  const d = detectArticle(document, location.href);
  return d.body ?? document.body;
}

/**
 * Our work on the page's thread, paced as the extension paces it: each slice is a task of its own,
 * timed, and its window kept for the long-task count; the page's turns between slices are not timed.
 */
class Slices {
  readonly windows: Array<[number, number]> = [];
  private from = 0;
  private worked = 0;
  /** Starts timing a phase. */
  begin(): void {
    this.worked = 0;
    this.from = performance.now();
  }
  /** The `pause` the extension's slicing calls between slices: the page's turn, untimed. */
  readonly pause = async (): Promise<void> => {
    this.cut();
    await nextTask();
    this.from = performance.now();
  };
  /** Ends the phase: its work in ms, the waits between its slices left out. */
  end(): number {
    this.cut();
    return this.worked;
  }
  private cut(): void {
    const now = performance.now();
    this.windows.push([this.from, now]);
    this.worked += now - this.from;
  }
}

async function ours(painting: 'highlights' | 'wrapped' = 'highlights') {
  await nextTask();
  const slices = new Slices();
  // As Session.annotate: the page scanned in slices, decided, a turn for the page, the text mapped in slices.
  slices.begin();
  const scan = await scanPageInSlices(document.documentElement, SLICE_MS, slices.pause);
  const detection = detectArticle(document, location.href, scan);
  const body = detection.body ?? document.body;
  const detectMs = slices.end();
  await nextTask();
  slices.begin();
  const map = await buildTextMapInSlices(body, {}, SLICE_MS, slices.pause);
  const mapMs = slices.end();
  await nextTask();
  const lang = detection.htmlLang?.toLowerCase().startsWith('zh') ? 'zh' : detectLang(map.text);
  const refDate = detection.publishedAt ?? new Date().toISOString().slice(0, 10);
  // The worker's recognition, with the replies the page's `mentions` requests would get.
  const { ms: recognizeMs, replies, strings } = await recognizeInWorker({ text: map.text, lang, refDate });
  await nextTask();
  // What the extension's messages cost the page: the text goes out in pieces (HeldTextClient's
  // putText messages) and the mentions come back a page per message, as JSON, which is how Chromium
  // carries extension messages; each message is a task of its own, as each is awaited there.
  slices.begin();
  let sentChars = 0;
  const putText: Send = async (_type, data) => {
    sentChars += JSON.stringify(data).length;
    await slices.pause();
    const { base, piece } = data as { base: { length: number } | null; piece: string };
    return { status: 'held', textId: 'bench', length: (base?.length ?? 0) + piece.length } as never;
  };
  await new HeldTextClient(putText).hold(map.text);
  const mentions: PageMention[] = [];
  for (const reply of replies) {
    decodeSpans((JSON.parse(reply) as { spans: number[] }).spans, map.text, mentions);
    await slices.pause();
  }
  const messages = slices.end();
  await nextTask();
  // The extension's background recogniser stays warm: a second call shows the cost without first-use set-up.
  const recognizeWarm = (await recognizeInWorker({ text: map.text, lang, refDate })).ms;
  await nextTask();
  // The same detection and map again: what they cost once their code is compiled (every run here loads
  // a fresh page, so the timed pass above always runs our code for the first time). Collected first:
  // the messages' garbage would otherwise be collected inside this pass (untimed collection).
  w.gc?.();
  const warm = new Slices();
  warm.begin();
  const again = detectArticle(document, location.href, await scanPageInSlices(document.documentElement, SLICE_MS, warm.pause));
  await buildTextMapInSlices(again.body ?? document.body, {}, SLICE_MS, warm.pause);
  const detectMapWarm = warm.end();
  await nextTask();
  const t4 = performance.now();
  // What the extension paints (Session.paintInSlices): each mention's ranges made on first use; above
  // WINDOW_ABOVE_MENTIONS mentions only those near the viewport, registered from the observer's reports.
  const pieces = new MentionPieces(map, mentions);
  const painter = createPainter(document);
  let observerMs = 0;
  let near: PaintWindow | null = null;
  let allPieces = 0;
  let remapped = true;
  // The fallback's wrapping goes a few ms a frame: its slices' time counts, the waits between them do not.
  let wrapSlices = 0;
  let wrapWait = 0;
  if (painting === 'wrapped') {
    // The fallback: all mentions wrapped, paced as the extension paces them, then mapped again.
    const pass = createWrapPainter(document).begin();
    const w0 = performance.now();
    await wrapInFrames(window, mentions.length, (from, to) => {
      const s0 = performance.now();
      for (let i = from; i < to; i++) allPieces += pass.wrap(mentions[i], pieces.of(i));
      wrapSlices += performance.now() - s0;
    });
    wrapWait = performance.now() - w0 - wrapSlices;
    // Mapped again in slices, as the extension does (its wall time counted, waits between slices included).
    remapped = (await buildTextMapInSlices(body)).text === map.text;
  } else if (mentions.length > WINDOW_ABOVE_MENTIONS) {
    // The observer's reports run in tasks of their own: their time is added to the paint phase.
    near = createPaintWindow(painter, pieces, (callback, options) => new IntersectionObserver((entries) => {
      const c0 = performance.now();
      callback(entries);
      observerMs += performance.now() - c0;
    }, options));
    near.add(0, mentions.length);
    near.start();
  } else {
    const pass = painter.begin();
    for (let i = 0; i < mentions.length; i++) {
      const ranges = pieces.of(i);
      allPieces += ranges.length;
      pass.add(ranges.map((range) => ({ mention: mentions[i], range })));
    }
    pass.commit();
  }
  void document.documentElement.offsetHeight;
  let syncPaint = performance.now() - t4 - wrapWait;
  if (near) {
    await near.firstPaint;
    const l0 = performance.now();
    void document.documentElement.offsetHeight;
    syncPaint += performance.now() - l0;
  }
  const painted = near ? near.shown : allPieces;
  // Paint time is our work only (the wait for the observer's first report is idle); long tasks are
  // looked for over the whole span.
  const tPainted = performance.now();
  const t5 = t4 + syncPaint + observerMs;
  await settle();
  // Off the page's thread, after its phases: the same text in a background that did not warm up
  // (once per pair of runs: the wrapped run's recognition is the same).
  const recognizeCold_ = painting === 'highlights' ? await recognizeCold({ text: map.text, lang, refDate }) : NaN;
  const heap1 = heapAfterGc();
  // Keep what the extension keeps (map, ranges) alive until the heap was read.
  (w as { __keep?: unknown }).__keep = { map, pieces, near };
  return {
    isArticle: detection.isArticle,
    remapped,
    textLength: map.text.length,
    mentions: mentions.length,
    painted,
    strings,
    detect: detectMs,
    map: mapMs,
    recognizeWarm,
    recognizeCold: recognizeCold_,
    warmUp: (await ready).warmUpMs,
    detectMapWarm,
    detectMap: detectMs + mapMs,
    recognize: recognizeMs,
    messages,
    sentChars,
    paint: t5 - t4,
    total: detectMs + mapMs + recognizeMs + messages + (t5 - t4),
    // The page's thread only: the worker's tasks (the background's, in the extension) are not the page's.
    longest: longestIn([...slices.windows, [t4, tPainted]]),
    heap: heap1,
  };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Text-node walk + one regex pass: the alternation of `strings` (longest first), or the CJK agency pattern. */
async function floor(strings: string[], pattern: 'strings' | 'cjk' = 'strings') {
  const body = articleBody();
  await nextTask();
  const t0 = performance.now();
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push(n.nodeValue ?? '');
  const text = parts.join('');
  const re =
    pattern === 'cjk'
      ? /[\u4e00-\u9fff]{2,4}(局|厅|委)/g
      : new RegExp([...strings].sort((a, b) => b.length - a.length).map(escapeRe).join('|'), 'g');
  let matches = 0;
  while (re.exec(text)) matches++;
  const t1 = performance.now();
  await settle();
  return { total: t1 - t0, matches, nodes: parts.length, longest: longestIn([[t0, t1]]), heap: heapAfterGc() };
}

/** mark.js over the article body with our strings, across elements, as one phrase each. */
async function mark(strings: string[]) {
  const body = articleBody();
  await nextTask();
  const t0 = performance.now();
  let marked = 0;
  await new Promise<void>((resolve) =>
    new Mark(body).mark(strings, {
      separateWordSearch: false,
      acrossElements: true,
      done: (n: number) => {
        marked = n;
        resolve();
      },
    }),
  );
  void document.documentElement.offsetHeight;
  const t1 = performance.now();
  await settle();
  return { total: t1 - t0, marked, longest: longestIn([[t0, t1]]), heap: heapAfterGc() };
}

w.__bench = { ready: () => ready.then(() => undefined), ours, oursWrapped: () => ours('wrapped'), floor, mark, longTaskSupported: PerformanceObserver.supportedEntryTypes?.includes('longtask') ?? false };
