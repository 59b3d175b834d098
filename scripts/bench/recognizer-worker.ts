/**
 * The page benchmark's background: the recogniser in a worker beside the page, so its work and its
 * garbage stay off the page's thread and out of the page's heap, as in the extension (where it
 * runs in the background). Holds the text the page sends in pieces, answers a request to recognise
 * it with its mention count and distinct strings (for mark.js), then each page of mentions
 * (MENTION_PAGE_MAX each) as the page's `mentions` requests get it.
 */
import { installModel, recognize } from '@/utils/recognize/index';
import { warmUpRecognizer } from '@/utils/recognize/warm-up';
import { encodeSpans } from '@/utils/page-texts/mention-spans';
import { MENTION_PAGE_MAX } from '@/utils/messages';
import type { Lang } from '@/utils/recognize/types';
import zhModel from '../../public/models/zh-tagger.bin';
import enModel from '../../public/models/en-tagger.txt';

installModel('zh', zhModel);
installModel('en', enModel);
// As the extension's background does once a page that may be an article starts loading (the
// warmUp request, sent at document_start): the same warm-up, in each language. `?cold` skips it: a
// background woken by the article's own request.
const cold = new URL(self.location.href).searchParams.has('cold');
const w0 = performance.now();
if (!cold) for (const lang of ['zh', 'en'] as const) warmUpRecognizer(lang);
// Ready: the page waits for this before any contender runs, so no one shares the CPU with our start-up.
postMessage({ ready: true, warmUpMs: performance.now() - w0 } satisfies WorkerReady);

/** The worker's first message: models installed, and how long its warm-up took (0 when cold). */
export interface WorkerReady {
  ready: true;
  warmUpMs: number;
}

/**
 * What the page asks: hold a piece of a text, as the background's `putText` does (`base`: it goes
 * on the text held so far; else it starts a new one); recognise the text held, as the background's
 * `recognize` does; or send page `page` of the mentions found last.
 */
export type WorkerRequest = { piece: string; base: boolean } | { lang: Lang; refDate: string } | { page: number };

/** The answer to a piece: the length of the text held now. */
export interface WorkerHeld {
  length: number;
}

/** What the worker answers a text: its recognition time (ms), the mention count, the number of reply pages and the strings. */
export interface WorkerReply {
  ms: number;
  count: number;
  pages: number;
  strings: string[];
}

/** One page of the last text's mentions, as the background's `mentions` reply carries it. */
export interface MentionsPage {
  status: 'mentions';
  spans: string;
}

/** The replies to the last text, kept until the page asks for them one at a time, as the content script does. */
let pages: MentionsPage[] = [];
/** The text put so far, joined as the background's text store joins its pieces. */
let held = '';

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  if ('page' in e.data) {
    postMessage(pages[e.data.page] satisfies MentionsPage);
    return;
  }
  if ('piece' in e.data) {
    held = e.data.base ? held + e.data.piece : e.data.piece;
    postMessage({ length: held.length } satisfies WorkerHeld);
    return;
  }
  const { lang, refDate } = e.data;
  const t0 = performance.now();
  const found = recognize(held, { lang, refDate }).sort((a, b) => a.start - b.start);
  const ms = performance.now() - t0;
  pages = [];
  for (let i = 0; i < found.length; i += MENTION_PAGE_MAX) pages.push({ status: 'mentions', spans: encodeSpans(found.slice(i, i + MENTION_PAGE_MAX)) });
  const reply: WorkerReply = { ms, count: found.length, pages: pages.length, strings: [...new Set(found.map((m) => m.text))] };
  postMessage(reply);
};
