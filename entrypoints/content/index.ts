import { createCardUi, hasCard, type CardMention, type CardUi } from './card-ui';
import { Session } from './session';
import { loadSettings, settingsItem, normalizeSettings, siteDecision } from '@/utils/settings';
import { sendMessage, type PageStatus } from '@/utils/messages';
import { liveRange } from '@/utils/page/text-map';
import { changeKindOf, rereadSchedule, type ChangeKind } from '@/utils/page/reread-schedule';
import { urlLooksLikeNews } from '@/utils/page/news-url';
import { newsHostsItem, readsNewsOn } from '@/utils/news-hosts';

const HOVER_DELAY_MS = 250;
const LEAVE_DELAY_MS = 400;
/** What the article's observer watches. */
const OBSERVED_CHANGES: MutationObserverInit = { childList: true, subtree: true, characterData: true };
/** What the document's observer watches: elements coming and going (a replaced article, new blocks). */
const PAGE_CHANGES: MutationObserverInit = { childList: true, subtree: true };
/**
 * For how long after it loads (or a single-page app navigates) a page found to be no article is
 * looked at again when it grows: an article its script writes after load was never annotated.
 */
const LOOK_AGAIN_MS = 30_000;

/**
 * Whether a page found to be no article is worth looking at again as it grows (see LOOK_AGAIN_MS):
 * a news-shaped address, or a site where the reader has read articles. Elsewhere (web apps that
 * add blocks without end) a page is decided once, as it stands when it has loaded.
 */
async function addressMayBeNews(url: string): Promise<boolean> {
  if (urlLooksLikeNews(url)) return true;
  return readsNewsOn(await newsHostsItem.getValue().catch(() => []), new URL(url).hostname);
}

/** A change the page made to its article (not to our card or other UI in it). */
const isPageChange = (r: MutationRecord) => {
  const el = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
  return !el || !el.closest('[data-dossier-ui], dossier-card');
};

/**
 * Per page: decide whether it is a news article, annotate it (see session.ts), open a card on
 * hover or from the keyboard (Alt+J / Alt+K, Escape closes), follow the page when its article
 * grows or the single-page app navigates, and respect the reader's settings.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const root = document.documentElement;
    const settings = await loadSettings().catch(() => normalizeSettings(null));
    // Live pages (see below): the article's observer, and one on the whole document.
    let observer: MutationObserver | null = null;
    let observed: Element | null = null;
    /** Until when new blocks on a page found to be no article have it looked at again (0: not at all). */
    let lookAgainUntil = 0;
    /** When the page loaded or an app last navigated, and whether its address may be news (asked once a page is found no article). */
    let freshAt = Date.now();
    let mayBeNews: Promise<boolean> | null = null;
    let followTurn = 0;
    const pageObserver = new MutationObserver((records) => {
      if (observed) {
        if (!observed.isConnected) later();
      } else if (Date.now() < lookAgainUntil && changeKindOf(records.filter(isPageChange)) === 'blocks') {
        // Paced as a text that keeps changing, promptly and then less and less often: a web app adds blocks without end.
        later('text');
      }
    });
    let pageWatched = false;
    let unwatchTimer = 0;
    /**
     * What the document's observer is for after a run: an article (noticing it replaced), a page
     * that may yet grow one (until lookAgainUntil), or nothing (skipped by the reader's settings,
     * or no article for good: a page watched for nothing pays for every change it makes).
     */
    const followPage = async (purpose: 'article' | 'growth' | 'nothing') => {
      const turn = ++followTurn;
      clearTimeout(unwatchTimer);
      if (purpose === 'growth') {
        const until = freshAt + LOOK_AGAIN_MS;
        const news = Date.now() < until && (await (mayBeNews ??= addressMayBeNews(location.href)));
        // A later run has its own say.
        if (turn !== followTurn || ctx.isInvalid) return;
        lookAgainUntil = news ? until : 0;
      } else lookAgainUntil = 0;
      const left = lookAgainUntil - Date.now();
      if (purpose === 'nothing' || (purpose === 'growth' && left <= 0)) {
        pageObserver.disconnect();
        pageWatched = false;
        return;
      }
      if (!pageWatched) pageObserver.observe(root, PAGE_CHANGES);
      pageWatched = true;
      if (purpose === 'growth') unwatchTimer = window.setTimeout(() => void followPage('growth'), left);
    };
    /** Changes of ours to the page (the fallback's marks) pass unseen: the page's own, before them, count. */
    const quiet = (change: () => void) => {
      const pending = changeKindOf((observer?.takeRecords() ?? []).filter(isPageChange));
      const replaced = pageObserver.takeRecords().length > 0 && !!observed && !observed.isConnected;
      observer?.disconnect();
      pageObserver.disconnect();
      try {
        change();
      } finally {
        // Once this script has ended (see onInvalidated), nothing is watched any more.
        if (!ctx.isInvalid) {
          if (observer && observed) observer.observe(observed, OBSERVED_CHANGES);
          if (pageWatched) pageObserver.observe(root, PAGE_CHANGES);
          if (replaced) later('blocks');
          else if (pending) later(pending);
        }
      }
    };
    const session = new Session(document, settings, sendMessage, quiet);
    let mode = siteDecision(settings, location.hostname);
    let running: Promise<void> | null = null;
    let again = false;

    /** Annotates now, or once more after the run in progress. */
    const run = (): Promise<void> => {
      if (running) {
        again = true;
        return running;
      }
      // `.finally` clears `running` only after it was assigned: a run with no await inside (a
      // skipped page) would otherwise clear it first and leave it set for good, and the page
      // would never be annotated again (not when the reader switches Dossier back on, not on
      // "annotate anyway").
      running = (async () => {
        try {
          do {
            again = false;
            if (mode === 'skip') {
              session.clear();
              delete root.dataset.dossierPainting;
              root.dataset.dossier = 'skipped';
              void followPage('nothing');
              continue;
            }
            const state = await session.annotate(mode);
            root.dataset.dossierCount = String(session.paintedCount);
            // Tests and tools: on a very large page only mentions near the viewport are registered;
            // without the Highlight API the mentions are wrapped in marks.
            if (session.painting !== 'all') root.dataset.dossierPainting = session.painting;
            else delete root.dataset.dossierPainting;
            root.dataset.dossier = state;
            watchBody();
            void followPage(state === 'article' ? 'article' : 'growth');
          } while (again);
        } catch (err) {
          root.dataset.dossier = 'error';
          console.error('Dossier:', err);
        }
      })().finally(() => {
        running = null;
      });
      return running;
    };

    // Cards: hover (throttled to frames, after a short delay) and keyboard.
    const onIgnored = (m: CardMention) => {
      session.forget(m.text, m.type);
      root.dataset.dossierCount = String(session.paintedCount);
    };
    const cards: CardUi = createCardUi(ctx, onIgnored, () => void session.loadPassages());
    let hoverTimer = 0;
    let leaveTimer = 0;
    let frame = 0;
    let lastPoint = { x: 0, y: 0 };
    let keyboardIndex = -1;

    /** How the open card came: hover cards close when the pointer leaves, the others stay. */
    let openedBy: 'hover' | 'keyboard' | 'selection' = 'hover';
    const openCard = (index: number, by: typeof openedBy = 'hover') => {
      const a = session.current;
      if (!a || index < 0) return;
      const m = a.mentions.at(index);
      const first = a.pieces.first(index);
      const range = first && liveRange(first);
      if (!range || !m || !hasCard(m)) return;
      if (cards.openFor === m) return;
      openedBy = by;
      cards.open({ kind: 'mention', mention: m, url: location.href, canonicalUrl: a.detection.canonicalUrl, anchor: range.getBoundingClientRect() });
    };
    const openPassage = (x: number, y: number) => {
      const a = session.current;
      const p = session.passageAt(x, y);
      if (!a || !p || cards.openFor === p.quote) return !!p;
      openedBy = 'hover';
      cards.open({ kind: 'passage', quote: p.quote, notes: p.notes, url: location.href, canonicalUrl: a.detection.canonicalUrl, anchor: p.range.getBoundingClientRect() });
      return true;
    };

    const onPointer = () => {
      frame = 0;
      const index = session.mentionAt(lastPoint.x, lastPoint.y);
      clearTimeout(hoverTimer);
      const { x, y } = lastPoint;
      if (index >= 0) {
        clearTimeout(leaveTimer);
        hoverTimer = window.setTimeout(() => openCard(index), HOVER_DELAY_MS);
      } else if (session.passageAt(x, y)) {
        clearTimeout(leaveTimer);
        hoverTimer = window.setTimeout(() => openPassage(x, y), HOVER_DELAY_MS);
      } else if (cards.openFor && openedBy === 'hover') {
        clearTimeout(leaveTimer);
        leaveTimer = window.setTimeout(() => cards.close(), LEAVE_DELAY_MS);
      }
    };
    ctx.addEventListener(document, 'pointermove', (e: PointerEvent) => {
      if (cards.contains(e.target)) {
        clearTimeout(leaveTimer);
        return;
      }
      // No hover cards while the reader drags a selection or works on a note.
      if (e.buttons !== 0 || (cards.openFor && openedBy === 'selection')) return;
      lastPoint = { x: e.clientX, y: e.clientY };
      if (!frame) frame = requestAnimationFrame(onPointer);
    }, { passive: true });

    ctx.addEventListener(document, 'keydown', (e: KeyboardEvent) => {
      if (e.key === 'Escape' && cards.openFor) {
        cards.close();
        session.focus(null);
        return;
      }
      if (!e.altKey || e.ctrlKey || e.metaKey || (e.key.toLowerCase() !== 'j' && e.key.toLowerCase() !== 'k')) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/i.test(target.tagName))) return;
      const a = session.current;
      if (!a || a.mentions.length === 0) return;
      e.preventDefault();
      const step = e.key.toLowerCase() === 'j' ? 1 : -1;
      keyboardIndex = (keyboardIndex + step + a.mentions.length) % a.mentions.length;
      const range = a.pieces.first(keyboardIndex);
      (range?.startContainer.parentElement ?? null)?.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
      session.focus(keyboardIndex);
      setTimeout(() => openCard(keyboardIndex, 'keyboard'), 50);
    });

    // Notes on passages: a small button near a selection in the article, or the context menu.
    const offerNote = (openComposer: boolean) => {
      const a = session.current;
      const selected = session.selectionQuote(window.getSelection());
      if (!a || !selected) return false;
      clearTimeout(hoverTimer);
      clearTimeout(leaveTimer);
      const rects = selected.range.getClientRects();
      const anchor = rects.length ? rects[rects.length - 1] : selected.range.getBoundingClientRect();
      openedBy = 'selection';
      cards.open(openComposer
        ? { kind: 'passage', quote: selected.quote, notes: [], url: location.href, canonicalUrl: a.detection.canonicalUrl, anchor }
        : { kind: 'note-button', quote: selected.quote, url: location.href, canonicalUrl: a.detection.canonicalUrl, anchor });
      return true;
    };
    ctx.addEventListener(document, 'mouseup', (e: MouseEvent) => {
      if (cards.contains(e.target)) return;
      // After the browser has updated the selection.
      setTimeout(() => {
        if (!offerNote(false) && cards.openFor && openedBy !== 'hover' && !session.passageAt(e.clientX, e.clientY)) cards.close();
      }, 0);
    });

    // Live pages: re-annotate when the article's text changes (our own UI excluded), paced by what
    // changed (see reread-schedule.ts): a clock ticking inside the article is read less and less often.
    const rereads = rereadSchedule(() => void run());
    /** Re-annotates once the page has been quiet for a moment (the article replaced: blocks). */
    const later = (kind: ChangeKind = 'blocks') => rereads.changed(kind);
    const watchBody = () => {
      const body = session.current?.detection.body ?? null;
      if (body && !body.isConnected) {
        // The page replaced the article while we were reading it: read the new one.
        later();
        return;
      }
      if (body === observed) return;
      observer?.disconnect();
      observed = body;
      if (!body) return;
      observer = new MutationObserver((records) => {
        const kind = changeKindOf(records.filter(isPageChange));
        if (kind) later(kind);
      });
      observer.observe(body, OBSERVED_CHANGES);
    };
    // A page that replaces its whole article element, or its whole <body>, is noticed through the
    // document element (an observer on the old body would see nothing once it is gone); so is a
    // page that writes its article after load, for a while (see followPage).
    ctx.onInvalidated(() => {
      // First: the fallback's marks come out while the observers still look away from our changes.
      session.clear();
      observer?.disconnect();
      observer = null;
      pageObserver.disconnect();
      clearTimeout(unwatchTimer);
      rereads.cancel();
      // Whatever ends this script (an update, the extension switched off) ends its claims on the page.
      delete root.dataset.dossier;
      delete root.dataset.dossierCount;
      delete root.dataset.dossierPainting;
    });

    // Single-page apps: a new location may be a new article.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      cards.close();
      session.clear();
      freshAt = Date.now();
      mayBeNews = null;
      void run();
    });

    // The popup asks what this page is, or to annotate it anyway.
    const status = (): PageStatus => {
      const counts = session.current?.mentions.countKinds() ?? { person: 0, org: 0, number: 0, date: 0 };
      const state = root.dataset.dossier;
      return { state: state === 'article' || state === 'skipped' || state === 'error' ? state : 'pending', host: location.hostname, counts };
    };
    const onTabMessage = (message: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
      const m = message as { dossier?: number; tab?: string } | null;
      if (!m || m.dossier !== 1 || typeof m.tab !== 'string') return undefined;
      if (m.tab === 'pageStatus') sendResponse({ ok: true, value: status() });
      else if (m.tab === 'notePassage') sendResponse({ ok: offerNote(true), value: status() });
      else if (m.tab === 'annotateAnyway') {
        mode = 'always';
        run().then(() => sendResponse({ ok: true, value: status() }), (err: unknown) => sendResponse({ ok: false, error: String(err) }));
        return true;
      } else return undefined;
      return undefined;
    };
    browser.runtime.onMessage.addListener(onTabMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onTabMessage));

    // Settings changed in the options page or the popup.
    const unwatch = settingsItem.watch((value) => {
      const next = normalizeSettings(value);
      session.updateSettings(next);
      mode = siteDecision(next, location.hostname);
      void run();
    });
    ctx.onInvalidated(unwatch);

    await run();
  },
});
