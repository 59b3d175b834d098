import { createCardUi, hasCard, type CardMention, type CardUi } from './card-ui';
import { Session } from './session';
import { followLivePage } from './live-page';
import { loadSettings, settingsItem, normalizeSettings, siteDecision } from '@/utils/settings';
import { sendMessage, type PageStatus } from '@/utils/messages';
import { liveRange } from '@/utils/page/text-map';

const HOVER_DELAY_MS = 250;
const LEAVE_DELAY_MS = 400;

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
    // Live pages: the article's changes and the document's are followed between readings (live-page.ts).
    const live = followLivePage(document, { read: () => void run(), ended: () => ctx.isInvalid });
    const session = new Session(document, settings, sendMessage, (change) => live.quiet(change));
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
              void live.followed({ kind: 'not-read' });
              continue;
            }
            const state = await session.annotate(mode);
            root.dataset.dossierCount = String(session.paintedCount);
            // Tests and tools: on a very large page only mentions near the viewport are registered;
            // without the Highlight API the mentions are wrapped in marks.
            if (session.painting !== 'all') root.dataset.dossierPainting = session.painting;
            else delete root.dataset.dossierPainting;
            root.dataset.dossier = state;
            void live.followed(state === 'article' ? { kind: 'article', body: session.current?.detection.body ?? null } : { kind: 'no-article' });
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

    ctx.onInvalidated(() => {
      // First: the fallback's marks come out while the observers still look away from our changes.
      session.clear();
      live.stop();
      // Whatever ends this script (an update, the extension switched off) ends its claims on the page.
      delete root.dataset.dossier;
      delete root.dataset.dossierCount;
      delete root.dataset.dossierPainting;
    });

    // Single-page apps: a new location may be a new article.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      cards.close();
      session.clear();
      live.navigated();
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
