/**
 * In-page side of the page annotation benchmark (bundled by esbuild, injected as an init script).
 * Exposes `window.__bench` with one function per contender, each run on a freshly loaded page:
 * - `ours`: detect → map → text sent → recognise → mentions received → ranges → paint, with phase times and long tasks,
 *   paced as the extension paces them (Session.annotate): the scan and the map in slices of
 *   SLICE_MS, the text sent in HeldTextClient's pieces (to the worker, which holds them as the
 *   background's putText does, then recognises them when asked) and the mentions received a page per
 *   message, each a task of its own (their work is timed, the page's turns between them are not);
 *   messages cost what structured clone costs the page (Chrome 148+ with the extension's manifest,
 *   Firefox), and what JSON would (older Chrome) is timed after the run.
 *   The recogniser runs in a worker (recognizer-worker.ts; in the extension, in the background), so
 *   its work and garbage stay off the page's thread and heap. The worker warmed up when the page
 *   started, as the background does; a second, cold worker times the same recognition without.
 *   What is measured besides (a second, warm recognition; detection and map again) runs after the
 *   paint: a recognition leaves the worker compiling and collecting on the machine's cores for a
 *   while (traced), and the extension recognises once, after the text arrived and before the
 *   mentions go back;
 * - `oursPageSide`: the same, its timed phases only (no second recognition, no detection again);
 * - `oursWrapped`: the same, painted as where the Highlight API is missing: every mention wrapped in
 *   marks (wrap-paint.ts) a few ms a frame as the extension does (the slices timed, not the waits
 *   for frames; the browser's layouts between them show as long tasks only if 50 ms or more), the
 *   text mapped again in slices, one forced layout (as the DOM contenders have);
 * - `floor`: a TreeWalker over the article body's text nodes and one regex pass over their joined text;
 * - `mark`: mark.js marking the strings our recogniser found (it rewrites the DOM).
 * The floor and mark.js are handed the body by a selector (`bodyPath`, from an earlier load), so,
 * as ours, they start on a page no script has walked.
 */
import Mark from 'mark.js';
import { detectArticle, scanPageInSlices } from '@/utils/page/detect-article';
import { buildTextMapInSlices } from '@/utils/page/text-map';
import { HeldTextClient, type Send } from '@/utils/page/held-text';
import { SLICE_MS, yieldToPage } from '@/utils/page/pacing';
import { createPainter, highlightSheet } from '@/utils/page/paint';
import { createPaintWindow, WINDOW_ABOVE_MENTIONS, type PaintWindow } from '@/utils/page/paint-window';
import { MentionPieces } from '@/utils/page/mention-pieces';
import { createWrapPainter, wrapInFrames } from '@/utils/page/wrap-paint';
import { detectLang } from '@/utils/recognize/lang';
import { SpanMentions } from '@/utils/page-texts/mention-spans';
import type { MentionsPage, WorkerHeld, WorkerReady, WorkerReply, WorkerRequest } from './recognizer-worker';
import type { Lang } from '@/utils/recognize/types';

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

/** Sends a worker one request; settles with its answer's event, whose `data` is deserialised when first read. */
const ask = <T>(request: WorkerRequest, worker = recognizer) =>
  new Promise<MessageEvent<T>>((resolve, reject) => {
    worker.onmessage = resolve;
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage(request);
  });

/** Has a worker recognise a text. */
const recognizeInWorker = async (request: WorkerRequest, worker = recognizer) => (await ask<WorkerReply>(request, worker)).data;

/**
 * Gives a worker the text in the pieces the page sent, as the background gets them (putText), each
 * answered before the next goes; then has it recognise the text held, as `recognize` asks.
 */
async function putThenRecognize(worker: Worker, pieces: Array<{ base: unknown; piece: string }>, recognize: { lang: Lang; refDate: string }) {
  for (const { base, piece } of pieces) await ask({ piece, base: base !== null }, worker);
  return recognizeInWorker(recognize, worker);
}

/** First recognition in a worker that did not warm up: a background woken by the article's own messages. */
async function recognizeCold(pieces: Array<{ base: unknown; piece: string }>, request: { lang: Lang; refDate: string }): Promise<number> {
  const worker = new Worker('/recognizer-worker.js?cold');
  try {
    await whenReady(worker);
    return (await putThenRecognize(worker, pieces, request)).ms;
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

/**
 * Tells the bench's harness that a phase of ours ended, where it counts the page thread's page
 * faults (Linux; absent elsewhere). Awaited between phases, untimed: on the 2-core machines this
 * bench runs on, a first touch of fresh memory cost about 20 µs a page, and how many a run takes
 * tells a slow spell of the machine from slow code.
 */
const phaseEnd = async (name: string) => {
  await (w as { __phaseEnd?: (phase: string) => Promise<void> }).__phaseEnd?.(name);
};

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
  /** The `pause` the extension's slicing calls between slices (yieldToPage): the page's turn, untimed. */
  readonly pause = (): Promise<void> => this.during(yieldToPage());
  /** Waits for `promise` untimed (an answer from elsewhere), then goes on timing. */
  async during<T>(promise: Promise<T>): Promise<T> {
    this.cut();
    const value = await promise;
    this.from = performance.now();
    return value;
  }
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

async function ours(painting: 'highlights' | 'wrapped' = 'highlights', extras = true) {
  await nextTask();
  const slices = new Slices();
  // As Session.annotate: the page scanned in slices, decided, a turn for the page, the text mapped in slices.
  slices.begin();
  const scan = await scanPageInSlices(document.documentElement, SLICE_MS, slices.pause);
  await slices.pause();
  const detection = detectArticle(document, location.href, scan);
  const body = detection.body ?? document.body;
  const detectMs = slices.end();
  await phaseEnd('detect');
  await nextTask();
  slices.begin();
  const map = await buildTextMapInSlices(body, {}, SLICE_MS, slices.pause);
  const mapMs = slices.end();
  await phaseEnd('map');
  await nextTask();
  const lang = detection.htmlLang?.toLowerCase().startsWith('zh') ? 'zh' : detectLang(map.text);
  const refDate = detection.publishedAt ?? new Date().toISOString().slice(0, 10);
  // What the extension's messages cost the page, in its order (Session.recognizeNew): the text goes out
  // in pieces (HeldTextClient's putText messages) before the background recognises it, and the
  // mentions come back a page per message after, each message a task of its own as each is awaited
  // there. Chrome 148+ carries them by structured clone, as the extension's manifest asks
  // (message_serialization) and as Firefox always has: the page serialises what it sends (here,
  // posted to the worker, which holds the pieces as the background's putText does) and deserialises
  // what it gets (an answer's `data`). Each answer is awaited, as HeldTextClient awaits it, untimed.
  slices.begin();
  const sent: Array<{ base: unknown; piece: string }> = [];
  const putText: Send = async (_type, data) => {
    const { base, piece } = data as { base: { length: number } | null; piece: string };
    sent.push({ base, piece });
    const held = (await slices.during(ask<WorkerHeld>({ piece, base: base !== null }))).data;
    return { status: 'held', textId: 'bench', length: held.length } as never;
  };
  await new HeldTextClient(putText).hold(map.text);
  const sendMs = slices.end();
  await phaseEnd('send');
  // The worker's recognition of the text the pieces above carried, untimed: the background's work,
  // off the page's thread, asked for once the text is held, as the page's `recognize` request asks
  // for it. Its pages of mentions are asked for below, as the page's `mentions` requests get them.
  const { ms: recognizeMs, pages, strings } = await recognizeInWorker({ lang, refDate });
  await phaseEnd('recognize');
  slices.begin();
  const replies: MentionsPage[] = [];
  let spans = '';
  for (let page = 0; page < pages; page++) {
    const reply = (await slices.during(ask<MentionsPage>({ page }))).data;
    spans += reply.spans;
    replies.push(reply);
  }
  // As Session.recognizeNew: the replies read as one list, checked whole, each mention made when first read.
  const mentions = SpanMentions.decode(spans, map.text);
  const messages = sendMs + slices.end();
  await phaseEnd('receive');
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
      for (let i = from; i < to; i++) allPieces += pass.wrap(mentions.at(i)!, pieces.of(i));
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
      const mention = mentions.at(i)!;
      pass.add(ranges.map((range) => ({ mention, range })));
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
  await phaseEnd('paint');
  const t5 = t4 + syncPaint + observerMs;
  await settle();
  // Only the timed phases (the page side), none of the measures after them: see `oursPageSide`.
  if (!extras) return { detectMap: detectMs + mapMs, messages, paint: t5 - t4 };
  // After the timed phases, as the extension makes no second recognition between them (one leaves the
  // worker compiling and collecting on the machine's cores for a while): the background's recogniser
  // stays warm, so a second call shows the cost without first-use set-up.
  const recognizeWarm = (await recognizeInWorker({ lang, refDate })).ms;
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
  // Off the page's thread, after its phases: the same text in a background that did not warm up
  // (once per pair of runs: the wrapped run's recognition is the same).
  const recognizeCold_ = painting === 'highlights' ? await recognizeCold(sent, { lang, refDate }) : NaN;
  // For Chrome before 148, which ignores the manifest key and carries messages as JSON: the same
  // pieces stringified and the same replies parsed (their strings made untimed), each a task of its own.
  const jsonReplies = replies.map((r) => JSON.stringify(r));
  const json = new Slices();
  json.begin();
  for (const data of sent) {
    JSON.stringify(data);
    await json.pause();
  }
  let spansJson = '';
  for (const reply of jsonReplies) {
    spansJson += (JSON.parse(reply) as MentionsPage).spans;
    await json.pause();
  }
  SpanMentions.decode(spansJson, map.text);
  const messagesJson = json.end();
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
    messagesJson,
    paint: t5 - t4,
    total: detectMs + mapMs + recognizeMs + messages + (t5 - t4),
    // The page's thread only: the worker's tasks (the background's, in the extension) are not the page's.
    longest: longestIn([...slices.windows, [t4, tPainted]]),
    heap: heap1,
  };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A selector that names the article body by its place (`:nth-child` steps from <html>), so a later
 * load of the same page can be handed its body by the browser's selector matching, without a
 * script walking (and so first touching) the page's nodes.
 */
function bodyPath(): string {
  const steps: string[] = [];
  for (let el: Element | null = articleBody(); el && el !== document.documentElement; el = el.parentElement) {
    steps.unshift(`${el.localName}:nth-child(${[...el.parentElement!.children].indexOf(el) + 1})`);
  }
  return `html > ${steps.join(' > ')}`;
}

/** The element `path` names (bodyPath); throws when this load of the page has none there. */
function bodyAt(path: string): Element {
  const el = document.querySelector(path);
  if (!el) throw new Error(`page bench: no article body at ${path}`);
  return el;
}

/**
 * Text-node walk + one regex pass: the alternation of `strings` (longest first), or the CJK agency
 * pattern. With `path` (bodyPath of an earlier load) the body is found by the browser's selector
 * matching and the page's nodes are first touched by the walk itself, as ours first touches them;
 * without it, our detection finds the body untimed, touching every node of the page first.
 */
async function floor(strings: string[], pattern: 'strings' | 'cjk' = 'strings', path?: string) {
  const body = path ? bodyAt(path) : articleBody();
  // Faults are counted from here: finding the body is not the floor's work.
  await phaseEnd('before');
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
  await phaseEnd('floor');
  await settle();
  return { total: t1 - t0, matches, nodes: parts.length, longest: longestIn([[t0, t1]]), heap: heapAfterGc() };
}

/** mark.js over the article body (at `path`, see bodyPath) with our strings, across elements, as one phrase each. */
async function mark(strings: string[], path: string) {
  const body = bodyAt(path);
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

w.__bench = {
  ready: () => ready.then(() => undefined),
  ours,
  oursWrapped: () => ours('wrapped'),
  /** The page side alone (detect, map, messages, paint), for the bench's run in a browser without V8's optimizing compilers. */
  oursPageSide: () => ours('highlights', false),
  floor,
  bodyPath,
  mark,
  longTaskSupported: PerformanceObserver.supportedEntryTypes?.includes('longtask') ?? false,
};
