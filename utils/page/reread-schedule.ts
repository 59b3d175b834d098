/**
 * When to read a changing article again. Each reading maps the article anew, has the background
 * recognise all of it and records it again, so a page that never stops changing would have it
 * done without end: a view counter or a clock inside the article (a page rewriting a text every
 * 16 ms was read again every 3 s for as long as it stayed open). Changes that add or remove
 * blocks (lazy paragraphs, a live blog's new post) are read as soon as the page is quiet for a
 * moment, at the latest after a few seconds; changes of text alone are read as promptly the
 * first time, then less and less often while they go on (from every second to once a minute).
 */
import { tagOf } from './detect-article';
import { BLOCK_TAGS } from './text-map';

/** What a batch of the page's changes did: edited or replaced text (inline elements of text included), or added or removed blocks. */
export type ChangeKind = 'text' | 'blocks';

/** Whether a node added or removed carries blocks: a block element, or any element holding elements. */
const carriesBlocks = (node: Node) => node.nodeType === 1 && (BLOCK_TAGS.has(tagOf(node as Element)) || (node as Element).firstElementChild !== null);

/**
 * What `records` changed, or null for none. Text edits (`characterData`), text nodes swapped
 * (`el.textContent = …`) and inline elements of text only (`<b>12:01</b>`) are text; a node that
 * carries blocks, added or removed, is blocks.
 */
export function changeKindOf(records: readonly MutationRecord[]): ChangeKind | null {
  let kind: ChangeKind | null = null;
  for (const r of records) {
    if (r.type === 'characterData') kind = 'text';
    else if (r.type === 'childList') {
      for (const list of [r.addedNodes, r.removedNodes]) for (let i = 0; i < list.length; i++) if (carriesBlocks(list[i])) return 'blocks';
      if (r.addedNodes.length || r.removedNodes.length) kind = 'text';
    }
  }
  return kind;
}

/** How a schedule paces its readings (ms). */
export interface RereadTimings {
  /** Read once the page has made no change for this long. */
  quietMs: number;
  /** …or at the latest this long after the first change not read yet. */
  maxWaitMs: number;
  /** After n readings in a row for text alone, the next waits 2^(n-1) times this since the last one… */
  textStepMs: number;
  /** …but never longer than this. */
  textMaxMs: number;
  /** A text change after the page has been still this long is read as promptly as a first one. */
  stillMs: number;
}

/** The content script's pacing: quiet for half a second, at most 3 s; text alone backing off from 1 s to a minute. */
export const REREAD_TIMINGS: RereadTimings = { quietMs: 500, maxWaitMs: 3000, textStepMs: 1000, textMaxMs: 60_000, stillMs: 60_000 };

/** A schedule of readings: told of each batch of changes, it calls `read` when the article is to be read again. */
export interface RereadSchedule {
  changed(kind: ChangeKind): void;
  /** Drops a reading not made yet (the script is ending). */
  cancel(): void;
}

/** A schedule that calls `read` as REREAD_TIMINGS (or `timings`) says; see the file's comment. */
export function rereadSchedule(read: () => void, timings: RereadTimings = REREAD_TIMINGS): RereadSchedule {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the first change not read yet came (0: none pending). */
  let firstPending = 0;
  /** Whether a change not read yet added or removed blocks. */
  let blocksPending = false;
  /** Readings in a row made for text changes alone. */
  let textStreak = 0;
  let lastRead = -Infinity;
  let lastChange = -Infinity;

  const fire = () => {
    timer = undefined;
    textStreak = blocksPending ? 0 : textStreak + 1;
    firstPending = 0;
    blocksPending = false;
    lastRead = Date.now();
    read();
  };

  return {
    changed(kind) {
      const now = Date.now();
      if (now - lastChange >= timings.stillMs) textStreak = 0;
      lastChange = now;
      if (!firstPending) firstPending = now;
      if (kind === 'blocks') blocksPending = true;
      let at = Math.min(now + timings.quietMs, firstPending + timings.maxWaitMs);
      if (!blocksPending && textStreak > 0) at = Math.max(at, lastRead + Math.min(timings.textMaxMs, timings.textStepMs * 2 ** (textStreak - 1)));
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(fire, Math.max(0, at - now));
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      firstPending = 0;
      blocksPending = false;
    },
  };
}
