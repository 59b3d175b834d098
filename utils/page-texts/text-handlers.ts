/**
 * The background's handlers for page texts: holding a text sent once (in pieces), recognising it,
 * handing its mentions out in pages, recording it and finding notes in it, all by id. Kept apart
 * from background.ts so unit tests run them with a real knowledge base and fake senders.
 */
import type { DossierDb } from '@/utils/kb/db';
import { canonicalUrl } from '@/utils/kb/canonical';
import { passageNotes } from '@/utils/kb/notes';
import { recordReading } from '@/utils/kb/record-reading';
import type { Handlers } from '@/utils/message-schemas';
import type { UnknownText } from '@/utils/messages';
import { anchorQuote } from '@/utils/page/anchor-quote';
import { yieldToPage } from '@/utils/page/pacing';
import { detectLang, recognize } from '@/utils/recognize';
import { warmUpRecognizerInSteps } from '@/utils/recognize/warm-up';
import type { Lang, Mention, PreparedKnown } from '@/utils/recognize/types';
import { encodeSpans } from './mention-spans';
import type { HeldText, PageTextStore, Recognition, TextScope } from './text-store';

/** What the handlers need from the rest of the background. */
export interface PageTextDeps {
  db: DossierDb;
  store: PageTextStore;
  /** The known names for recognition now. */
  knownNames(): Promise<PreparedKnown>;
  /** Installs the recogniser's model for a language before its first text (read from the package). */
  ensureModel(lang: Lang): Promise<void>;
  /** Bumped by every change the reader makes to the knowledge base. */
  generation(): number;
  /** A reading of the article at `url` was recorded (it may have added names). */
  onRecorded(isNew: boolean, url: string): void;
}

const UNKNOWN: UnknownText = { status: 'unknown-text' };

/** The tab and frame a request came from; texts belong to content scripts in tabs only. */
export function scopeOf(sender: Browser.runtime.MessageSender): TextScope {
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || tabId < 0) throw new Error('refused: page texts belong to a tab');
  return { tabId, frameId: sender.frameId ?? 0 };
}

/** Sorted by start, then end, then type: the order the page paints and the diff compares in. */
function sortMentions(mentions: Mention[]): Mention[] {
  return mentions.sort((a, b) => a.start - b.start || a.end - b.end || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}

/** Mentions compared by value (they are plain data from the recogniser). */
const sameMention = (a: Mention, b: Mention) => JSON.stringify(a) === JSON.stringify(b);

type Recognizing = Pick<Handlers, 'warmUp' | 'putText' | 'recognize' | 'mentions' | 'recordReading' | 'passageNotes'>;

/** The page-text half of the protocol. */
export function pageTextHandlers(deps: PageTextDeps): Recognizing {
  const { db, store } = deps;
  /** Each language's warm-up, run once in this background's life (concurrent pages share it). */
  const warming = new Map<Lang, Promise<void>>();
  const warmUp = (lang: Lang): Promise<void> => {
    let done = warming.get(lang);
    if (!done) {
      // A run per task: the article's own request, if it comes meanwhile, waits for one run at most.
      done = deps.ensureModel(lang).then(async () => {
        await warmUpRecognizerInSteps(lang, yieldToPage);
      });
      // A model that could not be read is tried again by the next page (and reported to this one).
      done.catch(() => warming.delete(lang));
      warming.set(lang, done);
    }
    return done;
  };

  /** The held text's recognition for this language and date, computed now if missing. */
  const recognitionOf = async (scope: TextScope, held: HeldText, lang: Lang | undefined, refDate: string | undefined): Promise<Recognition> => {
    const r = held.recognition;
    if (r && r.lang === lang && r.refDate === refDate) return r;
    // A grown text is recognised with the names its first part was, so that part comes out the
    // same (names the reader met in this very article do not turn "known" halfway through it).
    const parent = held.grewFrom ? store.get(scope, held.grewFrom)?.recognition : null;
    const generation = deps.generation();
    const known = parent && parent.generation === generation && parent.lang === lang && parent.refDate === refDate ? parent.known : await deps.knownNames();
    const textLang = lang ?? detectLang(held.text);
    await deps.ensureModel(textLang);
    const mentions = sortMentions(recognize(held.text, { lang: textLang, refDate, known }));
    held.recognition = { mentions, lang, refDate, known, generation };
    return held.recognition;
  };

  return {
    warmUp: async ({ lang }) => {
      const langs: Lang[] = lang ? [lang] : ['zh', 'en'];
      // The known names too: after a restart the first recognition waits for them (a read of every
      // entity), so that read is best made while the page is still loading as well. A knowledge
      // base that fails here fails again, and is reported, on the article's own request.
      await Promise.all([deps.knownNames().catch(() => undefined), ...langs.map(warmUp)]);
      return { warmed: langs };
    },

    putText: ({ base, piece }, sender) => {
      const held = store.put(scopeOf(sender), base, piece);
      return held ? { status: 'held', textId: held.id, length: held.text.length } : UNKNOWN;
    },

    recognize: async ({ textId, lang, refDate }, sender) => {
      const scope = scopeOf(sender);
      const held = store.get(scope, textId);
      if (!held) return UNKNOWN;
      const { mentions } = await recognitionOf(scope, held, lang, refDate);
      const parent = held.grewFrom ? store.get(scope, held.grewFrom) : null;
      const before = parent?.recognition?.mentions;
      if (!parent || !before) return { status: 'recognized', textId, base: null, since: 0, kept: 0, count: mentions.length };
      // The first mention that differs from the parent's: everything before it stays painted.
      let i = 0;
      while (i < before.length && i < mentions.length && sameMention(before[i], mentions[i])) i++;
      const since = Math.min(before[i]?.start ?? parent.text.length, mentions[i]?.start ?? held.text.length, parent.text.length);
      let kept = i;
      while (kept > 0 && mentions[kept - 1].start >= since) kept--;
      return { status: 'recognized', textId, base: parent.id, since, kept, count: mentions.length };
    },

    mentions: ({ textId, from, to }, sender) => {
      const held = store.get(scopeOf(sender), textId);
      if (!held?.recognition) return UNKNOWN;
      return { status: 'mentions', spans: encodeSpans(held.recognition.mentions.slice(from, to)) };
    },

    recordReading: async ({ article, textId, refDate }, sender) => {
      const scope = scopeOf(sender);
      const held = store.get(scope, textId);
      if (!held) return UNKNOWN;
      const { mentions } = held.recognition ?? (await recognitionOf(scope, held, article.lang, refDate));
      const result = await recordReading(db, { ...article, text: held.text }, mentions);
      deps.onRecorded(result.isNew, article.url);
      return { status: 'recorded', ...result };
    },

    passageNotes: async ({ url, canonicalUrl: declared, textId }, sender) => {
      const held = store.get(scopeOf(sender), textId);
      if (!held) return UNKNOWN;
      const article = await db.articles.where('url').equals(canonicalUrl(url, declared)).first();
      if (!article) return { status: 'found', passages: [] };
      const groups = await passageNotes(db, article.id!);
      return { status: 'found', passages: groups.map((g) => ({ ...g, at: anchorQuote(held.text, g) })) };
    },
  };
}
