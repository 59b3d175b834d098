/**
 * The page texts the background holds, so a page's article text crosses the message boundary once:
 * recognising, recording and finding notes again all name a held text by id. Memory only (the MV3
 * service worker may lose it at any time: callers then answer "unknown text"), bounded, and scoped
 * to the sending tab and frame, so no page can name another tab's text.
 */
import type { Lang, Mention, PreparedKnown } from '@/utils/recognize/types';

/** Where a text came from: the sender's tab and frame (never chosen by the page). */
export interface TextScope {
  tabId: number;
  frameId: number;
}

/** What recognising a held text found, and with what, so a grown text can be recognised alike. */
export interface Recognition {
  mentions: Mention[];
  lang: Lang | undefined;
  refDate: string | undefined;
  /** The known names used: a text grown from this one reuses them while the reader changed nothing. */
  known: PreparedKnown;
  /** The background's write generation when `known` was taken. */
  generation: number;
}

/** One held text. Drafts (texts still arriving in pieces) have no recognition yet. */
export interface HeldText {
  readonly id: string;
  readonly text: string;
  /** The recognised text this one was appended to, if any: its mentions tell what is new. */
  readonly grewFrom: string | null;
  recognition: Recognition | null;
}

export interface TextStoreLimits {
  /** Texts kept per tab and frame (the newest). */
  perScope: number;
  /** Characters kept over all tabs; the least recently used texts go first. */
  totalChars: number;
  /** Longest text held. */
  maxChars: number;
}

const DEFAULT_LIMITS: TextStoreLimits = { perScope: 4, totalChars: 64_000_000, maxChars: 20_000_000 };

const scopeKey = (s: TextScope) => `${s.tabId}:${s.frameId}`;

/** Held texts by scope, with a least-recently-used order over all of them. */
export class PageTextStore {
  /** Every held text under `${scope}|${id}`, least recently used first (a Map keeps insertion order). */
  private readonly all = new Map<string, { scope: string; held: HeldText }>();
  private chars = 0;

  constructor(
    private readonly limits: TextStoreLimits = DEFAULT_LIMITS,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  /**
   * A new text: `piece` alone (`base` null: the frame starts over, its older texts are dropped),
   * or `piece` appended to the held text `base`, which must have the length the page expects.
   * Null when `base` is not held in this scope.
   */
  put(scope: TextScope, base: { textId: string; length: number } | null, piece: string): HeldText | null {
    const key = scopeKey(scope);
    let text = piece;
    let grewFrom: string | null = null;
    if (base) {
      const prev = this.get(scope, base.textId);
      if (!prev || prev.text.length !== base.length) return null;
      text = prev.text + piece;
      // A draft is only a step towards its text: the next piece replaces it.
      if (prev.recognition) grewFrom = prev.id;
      else {
        grewFrom = prev.grewFrom;
        this.remove(key, prev.id);
      }
    } else this.dropScope(key);
    if (text.length > this.limits.maxChars) throw new Error(`Dossier reads at most ${this.limits.maxChars} characters of a page.`);
    const held: HeldText = { id: this.newId(), text, grewFrom, recognition: null };
    this.all.set(`${key}|${held.id}`, { scope: key, held });
    this.chars += text.length;
    this.evict(key, held.id);
    return held;
  }

  /** The held text `id` of this scope (and marks it recently used), or null. */
  get(scope: TextScope, id: string): HeldText | null {
    const k = `${scopeKey(scope)}|${id}`;
    const entry = this.all.get(k);
    if (!entry) return null;
    this.all.delete(k);
    this.all.set(k, entry);
    return entry.held;
  }

  /** Forgets every text of a tab: it was closed or navigated. */
  dropTab(tabId: number): void {
    for (const [k, e] of this.all) if (e.scope.startsWith(`${tabId}:`)) this.removeKey(k);
  }

  /** How many texts and characters are held (for tests and diagnostics). */
  get size(): { texts: number; chars: number } {
    return { texts: this.all.size, chars: this.chars };
  }

  private dropScope(scope: string) {
    for (const [k, e] of this.all) if (e.scope === scope) this.removeKey(k);
  }

  private remove(scope: string, id: string) {
    this.removeKey(`${scope}|${id}`);
  }

  private removeKey(k: string) {
    const e = this.all.get(k);
    if (!e) return;
    this.all.delete(k);
    this.chars -= e.held.text.length;
  }

  /** Keeps the limits, never dropping the text just added. */
  private evict(scope: string, keepId: string) {
    const keep = `${scope}|${keepId}`;
    const mine = [...this.all].filter(([, e]) => e.scope === scope);
    for (let i = 0; i < mine.length - this.limits.perScope; i++) if (mine[i][0] !== keep) this.removeKey(mine[i][0]);
    for (const [k] of this.all) {
      if (this.chars <= this.limits.totalChars) break;
      if (k !== keep) this.removeKey(k);
    }
  }
}
