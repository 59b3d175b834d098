/**
 * Painting mentions with the CSS Custom Highlight API: one Highlight per kind and state, registered
 * as `dossier-<kind>[-known]`. No node of the page is added, removed or changed. Where the API is
 * missing, wrap-paint.ts wraps the pieces in elements instead; the sheet here styles both.
 */
import type { MentionType } from '@/utils/recognize/types';
import type { PageMention } from '@/utils/page-texts/mention-spans';

/** The element a piece is wrapped in where the Highlight API is missing (a custom-element name, never defined). */
export const MARK_TAG = 'dossier-mark';
/** The attribute naming the highlight a mark stands for (`dossier-person-known`, `dossier-note`): tests read marks by the same names. */
export const MARK_ATTR = 'data-dossier-highlight';
/** Set on the mark of the mention keyboard navigation is on. */
export const FOCUS_ATTR = 'data-dossier-focus';

/** The highlight registry name for a mention: `dossier-person`, `dossier-org-known` … */
export function highlightName(type: MentionType, known: boolean): string {
  return `dossier-${type}${known ? '-known' : ''}`;
}

export type Palette = 'classic' | 'soft' | 'high-contrast';

/**
 * Tints chosen to stay readable on white and on dark pages: translucent backgrounds keep the
 * page's own text colour, and the underline of known mentions carries the kind in both.
 */
export const PALETTES: Record<Palette, Record<MentionType, { bg: string; line: string }>> = {
  classic: {
    person: { bg: 'rgba(255, 196, 0, 0.38)', line: '#b58100' },
    org: { bg: 'rgba(64, 156, 255, 0.30)', line: '#1f6fd1' },
    number: { bg: 'rgba(46, 204, 113, 0.32)', line: '#1e8e4f' },
    date: { bg: 'rgba(160, 160, 160, 0.25)', line: '#808080' },
  },
  soft: {
    person: { bg: 'rgba(255, 196, 0, 0.18)', line: '#c99400' },
    org: { bg: 'rgba(64, 156, 255, 0.15)', line: '#3b82d6' },
    number: { bg: 'rgba(46, 204, 113, 0.16)', line: '#2a9d5c' },
    date: { bg: 'rgba(160, 160, 160, 0.12)', line: '#8a8a8a' },
  },
  'high-contrast': {
    person: { bg: 'rgba(255, 214, 0, 0.75)', line: '#000000' },
    org: { bg: 'rgba(0, 200, 255, 0.60)', line: '#000000' },
    number: { bg: 'rgba(0, 230, 118, 0.65)', line: '#000000' },
    date: { bg: 'rgba(200, 200, 200, 0.60)', line: '#000000' },
  },
};

/**
 * A rule for the highlight `name` and one for the marks standing in for it (important: the page's
 * own rules must not restyle them). Separate rules: a browser without ::highlight() drops that
 * one and keeps the other.
 */
const rules = (name: string, declarations: string) =>
  `::highlight(${name}) { ${declarations} }\n${MARK_TAG}[${MARK_ATTR}="${name}"] { ${declarations.replace(/;/g, ' !important;')} }`;

/** The ::highlight() rules: new mentions get a tint, known ones also a solid underline; the focused one an outline colour. Marks get the same. */
export function highlightCss(palette: Palette = 'classic'): string {
  const colours = PALETTES[palette];
  return [`${MARK_TAG} { display: inline !important; margin: 0 !important; padding: 0 !important; border: none !important; }`]
    .concat((Object.keys(colours) as MentionType[]).map((t) => {
      const c = colours[t];
      return rules(highlightName(t, false), `background-color: ${c.bg};`) + '\n' + rules(highlightName(t, true), `background-color: ${c.bg}; text-decoration: underline 2px ${c.line};`);
    }))
    .concat([
      rules('dossier-note', 'background-color: rgba(214, 51, 190, 0.16); text-decoration: underline wavy 1px #b0279a;'),
      '::highlight(dossier-focus) { background-color: rgba(255, 120, 0, 0.55); color: inherit; }',
      // After the kinds' rules, which it overrides (same specificity).
      `${MARK_TAG}[${FOCUS_ATTR}] { background-color: rgba(255, 120, 0, 0.55) !important; }`,
    ])
    .join('\n');
}

/** True where the browser can paint without touching the DOM. */
export function canPaintHighlights(win: Window & typeof globalThis): boolean {
  return typeof win.Highlight === 'function' && !!win.CSS && 'highlights' in win.CSS;
}

/**
 * One repaint of the mentions: ranges go into fresh, unregistered highlights (cheap, and can be
 * spread over many tasks), and `commit` swaps them in for the old ones at once. Chromium checks
 * every range of every registered highlight again after any change to the registry, so adding to
 * registered highlights slice by slice would cost the whole set once per slice.
 */
export interface PaintPass {
  /** Adds ranges for mentions; returns how many. */
  add(items: Array<{ mention: PageMention; range: AbstractRange }>): number;
  /** Shows what was added, in place of everything painted before. */
  commit(): void;
}

export interface Painter {
  /** Starts a repaint (see PaintPass). */
  begin(): PaintPass;
  /** Paints exactly these, in place of what was painted (one pass, committed); returns how many. */
  paint(items: Array<{ mention: PageMention; range: AbstractRange }>): number;
  /** Shows the passages that carry the reader's notes. */
  paintNotes(ranges: AbstractRange[]): void;
  /** Marks one range as the focused mention (keyboard navigation), or none. */
  focus(range: AbstractRange | null): void;
  /** Switches the colour preset. */
  setPalette(palette: Palette): void;
  /** Removes every highlight of ours. */
  clear(): void;
}

export interface PainterOptions {
  /**
   * Register a pass's highlights as soon as it starts instead of at commit. Gecko paints each
   * added range on its own, so one commit of tens of thousands of ranges is one long frame there
   * (about 0.5 s for a 5 MB article) while adding slice by slice spreads it; Blink re-checks every
   * registered range after any change, so there the one commit is the cheap way.
   */
  live?: boolean;
}

/** Where the frame's one highlight sheet is kept: shared by our content scripts (one isolated world). */
const SHEET = Symbol.for('dossier.highlightSheet');
type SheetHolder = { [SHEET]?: { sheet: CSSStyleSheet; palette: Palette } };

/**
 * The frame's ::highlight() rules as one adopted sheet (no <style> node in the page), adopted once
 * and re-filled for another palette. Adopting a sheet makes the browser restyle the whole document
 * (0.5 s on a 200,000-node page in Blink), so the document_start script adopts it while the
 * document is still empty, and the painter finds it here.
 */
export function highlightSheet(doc: Document, palette: Palette): CSSStyleSheet {
  const win = doc.defaultView as Window & typeof globalThis & SheetHolder;
  const held = win[SHEET];
  if (held) {
    if (held.palette !== palette) {
      held.sheet.replaceSync(highlightCss(palette));
      held.palette = palette;
    }
    return held.sheet;
  }
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(highlightCss(palette));
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  win[SHEET] = { sheet, palette };
  return sheet;
}

/** Finds (or installs) the highlight sheet and returns a painter. */
export function createPainter(doc: Document, palette: Palette = 'classic', { live = false }: PainterOptions = {}): Painter {
  const win = doc.defaultView as Window & typeof globalThis;
  highlightSheet(doc, palette);
  const registry = win.CSS.highlights;
  /** The mention highlights registered now, by name. */
  let shown = new Map<string, Highlight>();
  const begin = (): PaintPass => {
    const next = new Map<string, Highlight>();
    return {
      add(items) {
        for (const { mention, range } of items) {
          const name = highlightName(mention.type, !!mention.known);
          let group = next.get(name);
          if (!group) {
            next.set(name, (group = new win.Highlight()));
            if (live) registry.set(name, group);
          }
          group.add(range);
        }
        return items.length;
      },
      commit() {
        for (const name of shown.keys()) if (!next.has(name)) registry.delete(name);
        // Setting a highlight again costs Gecko all its ranges once more: live ones are in already.
        if (!live) for (const [name, group] of next) registry.set(name, group);
        shown = next;
      },
    };
  };
  return {
    begin,
    paint(items) {
      const pass = begin();
      const n = pass.add(items);
      pass.commit();
      return n;
    },
    paintNotes(ranges) {
      if (ranges.length) registry.set('dossier-note', new win.Highlight(...ranges));
      else registry.delete('dossier-note');
    },
    focus(range) {
      if (range) registry.set('dossier-focus', new win.Highlight(range));
      else registry.delete('dossier-focus');
    },
    setPalette(p) {
      highlightSheet(doc, p);
    },
    clear() {
      for (const name of shown.keys()) registry.delete(name);
      registry.delete('dossier-focus');
      registry.delete('dossier-note');
      shown = new Map();
    },
  };
}
