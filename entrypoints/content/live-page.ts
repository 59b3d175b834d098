/**
 * Following a page after each reading of it: the article's own changes (read again, paced by
 * reread-schedule.ts), the whole document's (an article replaced, or a page found to be no article
 * growing one a while after it loads), and nothing at all once a page is decided for good.
 */
import { changeKindOf, rereadSchedule, type ChangeKind } from '@/utils/page/reread-schedule';
import { mayBeNewsAt, newsHostsItem } from '@/utils/news-hosts';

/** What the article's observer watches. */
const ARTICLE_CHANGES: MutationObserverInit = { childList: true, subtree: true, characterData: true };
/** What the document's observer watches: elements coming and going (a replaced article, new blocks). */
const PAGE_CHANGES: MutationObserverInit = { childList: true, subtree: true };

/**
 * For how long after it loads (or a single-page app navigates) a page found to be no article is
 * looked at again when it grows: a page that draws its article after load was never annotated.
 */
export const LOOK_AGAIN_MS = 30_000;

/**
 * Whether a page found to be no article is worth looking at again as it grows: it may be news
 * (mayBeNewsAt, as the document_start script asks). Elsewhere (web apps that add blocks without
 * end) a page is decided once, as it stands when it has loaded.
 */
export async function addressMayBeNews(url: string): Promise<boolean> {
  return mayBeNewsAt(url, await newsHostsItem.getValue().catch(() => []));
}

/** A change the page made (not to our card or other UI in it). */
const isPageChange = (r: MutationRecord) => {
  const el = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
  return !el || !el.closest('[data-dossier-ui], dossier-card');
};

/** What a reading found, and so what to follow until the next: its article's body, a page that may grow one, or nothing. */
export type Outcome = { kind: 'article'; body: Element | null } | { kind: 'no-article' } | { kind: 'not-read' };

export interface LivePageOptions {
  /** Reads the page again (the content script's run). */
  read: () => void;
  /** True once the content script has ended: nothing is watched again. */
  ended: () => boolean;
  /** Whether the page at `url` is looked at again as it grows (see addressMayBeNews, the default). */
  mayBeNews?: (url: string) => Promise<boolean>;
}

/** The observers of a page between its readings (see the file's comment). */
export interface LivePage {
  /** After a reading: follows what it found until the next one. */
  followed(outcome: Outcome): Promise<void>;
  /** The page moved to another address (a single-page app): it may grow an article a while again. */
  navigated(): void;
  /** Runs `change` (ours to the page: the fallback's marks) unseen by the observers; the page's own changes before it still count. */
  quiet(change: () => void): void;
  /** Stops following: the content script has ended. */
  stop(): void;
}

/** Follows `doc` between readings (see the file's comment): a factory, so that the minifier can shorten its state's names in every page's script. */
export function followLivePage(doc: Document, { read, ended, mayBeNews = addressMayBeNews }: LivePageOptions): LivePage {
  const rereads = rereadSchedule(read);
  const changed = (kind: ChangeKind) => rereads.changed(kind);
  /** The article body watched, and its observer. */
  let observed: Element | null = null;
  let observer: MutationObserver | null = null;
  let pageWatched = false;
  /** Until when new blocks on a page found to be no article have it read again (0: not at all). */
  let lookAgainUntil = 0;
  /** When the page loaded or an app last navigated; whether its address may be news, asked once a reading found no article. */
  let freshAt = Date.now();
  let addressIsNews: Promise<boolean> | null = null;
  let unwatchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Each `followed` call's number: an earlier one still asking about the address has no say. */
  let turn = 0;

  const pageObserver = new MutationObserver((records) => {
    if (observed) {
      // The page replaced its whole article element, or its whole <body> (an observer on the old body sees nothing once it is gone).
      if (!observed.isConnected) changed('blocks');
    } else if (Date.now() < lookAgainUntil && changeKindOf(records.filter(isPageChange)) === 'blocks') {
      // Paced as a text that keeps changing, promptly and then less and less often: a web app adds blocks without end.
      changed('text');
    }
  });

  /** Watches the article's body for the page's changes (none when `body` is null). */
  const watchArticle = (body: Element | null) => {
    if (body && !body.isConnected) {
      // The page replaced the article while we were reading it: read the new one.
      changed('blocks');
      return;
    }
    if (body === observed) return;
    observer?.disconnect();
    observer = null;
    observed = body;
    if (!body) return;
    observer = new MutationObserver((records) => {
      const kind = changeKindOf(records.filter(isPageChange));
      if (kind) changed(kind);
    });
    observer.observe(body, ARTICLE_CHANGES);
  };

  const followed = async (outcome: Outcome): Promise<void> => {
    const mine = ++turn;
    clearTimeout(unwatchTimer);
    watchArticle(outcome.kind === 'article' ? outcome.body : null);
    lookAgainUntil = 0;
    if (outcome.kind === 'no-article') {
      const until = freshAt + LOOK_AGAIN_MS;
      const news = Date.now() < until && (await (addressIsNews ??= mayBeNews(doc.location.href)));
      if (mine !== turn || ended()) return;
      if (news) lookAgainUntil = until;
    }
    const left = lookAgainUntil - Date.now();
    if (outcome.kind === 'not-read' || (outcome.kind === 'no-article' && left <= 0)) {
      // Decided for good (or switched off): a page watched for nothing pays for every change it makes.
      pageObserver.disconnect();
      pageWatched = false;
      return;
    }
    if (!pageWatched) pageObserver.observe(doc.documentElement, PAGE_CHANGES);
    pageWatched = true;
    if (outcome.kind === 'no-article') unwatchTimer = setTimeout(() => void followed(outcome), left);
  };

  return {
    followed,
    navigated() {
      freshAt = Date.now();
      addressIsNews = null;
    },
    quiet(change) {
      const pending = changeKindOf((observer?.takeRecords() ?? []).filter(isPageChange));
      const replaced = pageObserver.takeRecords().length > 0 && !!observed && !observed.isConnected;
      observer?.disconnect();
      pageObserver.disconnect();
      try {
        change();
      } finally {
        if (!ended()) {
          if (observer && observed) observer.observe(observed, ARTICLE_CHANGES);
          if (pageWatched) pageObserver.observe(doc.documentElement, PAGE_CHANGES);
          if (replaced) changed('blocks');
          else if (pending) changed(pending);
        }
      }
    },
    stop() {
      observer?.disconnect();
      observer = null;
      observed = null;
      pageObserver.disconnect();
      pageWatched = false;
      clearTimeout(unwatchTimer);
      rereads.cancel();
    },
  };
}
