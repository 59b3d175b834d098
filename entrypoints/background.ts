import { DossierDb, openKb } from '@/utils/kb/db';
import { addAlias, deleteEntity, ignoreName, mergeEntities, renameEntity, setIgnored } from '@/utils/kb/entity-ops';
import { addNote, deleteNote, describeTargets, listNotes, restoreNote, updateNote } from '@/utils/kb/notes';
import { canonicalUrl } from '@/utils/kb/canonical';
import { findEntityForMention, findFigureForMention, getEntityCard, getFigureCard, getKnownNames, getStats, listEntities, recentArticles, search } from '@/utils/kb/queries';
import { KB_CHANGED } from '@/utils/messages';
import { exportBackup, importBackup, parseBackup, previewImport } from '@/utils/kb/backup';
import { figuresToCsv, notesToMarkdown, notesToWebAnnotations } from '@/utils/kb/export-formats';
import { explainStorageError } from '@/utils/kb/storage-errors';
import { onMessages, type Handlers } from '@/utils/message-schemas';
import { prepareKnown } from '@/utils/recognize';
import { ensurePackagedModel } from '@/utils/extension-models';
import { PageTextStore } from '@/utils/page-texts/text-store';
import { pageTextHandlers } from '@/utils/page-texts/text-handlers';
import type { PreparedKnown } from '@/utils/recognize/types';
import { t } from '@/utils/i18n';
import { forgetNewsHosts, rememberNewsHost } from '@/utils/news-hosts';

/**
 * The background owns the knowledge base (the only code that opens IndexedDB) and runs the
 * recogniser, so the page's own thread never carries the model or the known-name matcher.
 */
export default defineBackground(() => {
  const db = new DossierDb();
  // Known names: rebuilt after each recorded reading, so a person met once is known on the next
  // page. While a rebuild is cheap, recognition waits for it; once it is slow (it reads every
  // entity: ~0.7 s at 20,000) recognition uses the last list and the rebuild runs beside it.
  let known: Promise<PreparedKnown> | null = null;
  let stale = false;
  let rebuilding = false;
  /** Bumped by the reader's writes, so a background rebuild started before one never lands after it. */
  let generation = 0;
  let lastRebuildMs = 0;
  const SLOW_REBUILD_MS = 150;
  const rebuildKnown = () => {
    const t0 = performance.now();
    return getKnownNames(db).then(
      (names) => {
        const prepared = prepareKnown(names);
        lastRebuildMs = performance.now() - t0;
        return prepared;
      },
      (err) => {
        known = null;
        throw err;
      },
    );
  };
  const knownNames = (): Promise<PreparedKnown> => {
    if (!known || (stale && lastRebuildMs < SLOW_REBUILD_MS)) {
      stale = false;
      return (known = rebuildKnown());
    }
    if (stale && !rebuilding) {
      stale = false;
      rebuilding = true;
      const started = generation;
      rebuildKnown()
        .then((fresh) => void (generation === started && (known = Promise.resolve(fresh))), () => undefined)
        .finally(() => (rebuilding = false));
    }
    return known;
  };
  /** A reading was recorded: the next recognition triggers a rebuild of the known names. */
  const forgetKnown = () => {
    stale = true;
  };
  /** Runs one of the reader's writes and drops the cached known names, which it may have changed. */
  const write = async <T>(op: () => Promise<T>): Promise<T> => {
    try {
      return await op();
    } catch (err) {
      throw explainStorageError(err);
    } finally {
      // The reader's own changes (not an entity, merge, rename…) must hold on the very next page.
      generation++;
      known = null;
      announceChange();
    }
  };
  /** Tells open popups and options pages that the data changed (nobody listening is fine). */
  const announceChange = () => void browser.runtime.sendMessage(KB_CHANGED).catch(() => undefined);

  // "Add a note on this passage" on any selection; the page's content script opens the composer.
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: 'dossier-note', title: t('addNoteOnPassage'), contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === 'dossier-note' && tab?.id !== undefined) void browser.tabs.sendMessage(tab.id, { dossier: 1, tab: 'notePassage' }).catch(() => undefined);
  });

  // The pages' article texts, held so each crosses once (see utils/page-texts); a tab's go with it.
  const texts = new PageTextStore();
  browser.tabs.onRemoved.addListener((tabId) => texts.dropTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') texts.dropTab(tabId);
  });
  const pageTexts = pageTextHandlers({
    db,
    store: texts,
    knownNames,
    ensureModel: ensurePackagedModel,
    generation: () => generation,
    onRecorded: (isNew, url) => {
      if (isNew) forgetKnown();
      announceChange();
      // Its site's next pages get the background ready as they load, whatever their address.
      void rememberNewsHost(url).catch(() => undefined);
    },
  });

  const handlers: Handlers = {
    ping: () => ({ ok: true, version: browser.runtime.getManifest().version }),
    ...pageTexts,
    recordReading: async (req, sender) => {
      try {
        return await pageTexts.recordReading(req, sender);
      } catch (err) {
        throw explainStorageError(err);
      }
    },
    stats: () => getStats(db),
    entityCard: async (q) => {
      const id = await findEntityForMention(db, q);
      return id === null ? null : getEntityCard(db, id);
    },
    entityCardById: ({ id }) => getEntityCard(db, id),
    figureCard: async (q) => {
      const id = 'id' in q ? q.id : await findFigureForMention(db, q);
      return id === null ? null : getFigureCard(db, id);
    },
    search: ({ query, limit }) => search(db, query, limit),
    recentArticles: ({ offset, limit }) => recentArticles(db, offset, limit),
    listNotes: async (q) => {
      const page = await listNotes(db, q);
      return { ...page, targets: await describeTargets(db, page.notes) };
    },
    addNote: ({ target, text }) => write(() => addNote(db, target, text)),
    updateNote: ({ id, text }) => write(() => updateNote(db, id, text)),
    deleteNote: ({ id }) => write(() => deleteNote(db, id)),
    restoreNote: ({ note }) => write(() => restoreNote(db, note)),
    mergeEntities: ({ keepId, dropId }) => write(() => mergeEntities(db, keepId, dropId)),
    renameEntity: ({ id, name }) => write(() => renameEntity(db, id, name)),
    addAlias: ({ id, alias }) => write(() => addAlias(db, id, alias)),
    setIgnored: ({ id, ignored }) => write(() => setIgnored(db, id, ignored)),
    ignoreName: ({ type, name }) => write(() => ignoreName(db, type, name)),
    deleteEntity: ({ id }) => write(async () => { await deleteEntity(db, id); return null; }),
    addPassageNote: ({ url, canonicalUrl: declared, exact, prefix, suffix, text }) =>
      write(async () => {
        const article = await db.articles.where('url').equals(canonicalUrl(url, declared)).first();
        if (!article) throw new Error('Dossier has not recorded this article, so a note cannot be attached to it yet.');
        return addNote(db, { kind: 'quote', id: article.id!, exact, prefix, suffix }, text);
      }),
    listEntities: (q) => listEntities(db, q),
    exportData: async ({ format }) => {
      const day = new Date().toISOString().slice(0, 10);
      if (format === 'backup') return { fileName: `dossier-backup-${day}.json`, mime: 'application/json', text: JSON.stringify(await exportBackup(db), null, 1) };
      if (format === 'notes-markdown') return { fileName: `dossier-notes-${day}.md`, mime: 'text/markdown', text: await notesToMarkdown(db) };
      if (format === 'notes-jsonld') return { fileName: `dossier-notes-${day}.jsonld`, mime: 'application/ld+json', text: JSON.stringify(await notesToWebAnnotations(db), null, 1) };
      return { fileName: `dossier-figures-${day}.csv`, mime: 'text/csv', text: await figuresToCsv(db) };
    },
    previewImport: async ({ text, mode }) => {
      const parsed = parseBackup(text);
      return parsed.ok ? { ok: true, summary: await previewImport(db, parsed.backup, mode) } : parsed;
    },
    importBackup: async ({ text, mode }) => {
      const parsed = parseBackup(text);
      if (!parsed.ok) return parsed;
      const summary = await write(() => importBackup(db, parsed.backup, mode));
      // The sites read were those of the knowledge base now replaced.
      if (mode === 'replace') await forgetNewsHosts().catch(() => undefined);
      return { ok: true, summary };
    },
    deleteAllData: () => write(async () => {
      await db.transaction('rw', db.tables, async () => {
        for (const table of db.tables) await table.clear();
      });
      await forgetNewsHosts();
      return null;
    }),
    storage: async () => {
      const estimate = await navigator.storage?.estimate?.().catch(() => null);
      const persisted = await navigator.storage?.persisted?.().catch(() => null);
      return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted: persisted ?? null };
    },
  };
  // Every request first makes sure the database is open: a blocked upgrade gets its own message.
  const guarded = Object.fromEntries(
    Object.entries(handlers).map(([type, handler]) => [type, async (data: never, sender: never) => {
      if (type !== 'ping') await openKb(db).catch((err: unknown) => Promise.reject(explainStorageError(err)));
      return (handler as (d: never, s: never) => unknown)(data, sender);
    }]),
  ) as Handlers;
  onMessages(guarded);
});
