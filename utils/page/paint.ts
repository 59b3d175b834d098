/**
 * Painting mentions with the CSS Custom Highlight API: one Highlight per kind and state, registered
 * as `dossier-<kind>[-known]`. No node of the page is added, removed or changed.
 */
import type { Mention, MentionType } from '@/utils/recognize/types';

/** The highlight registry name for a mention: `dossier-person`, `dossier-org-known` … */
export function highlightName(type: MentionType, known: boolean): string {
  return `dossier-${type}${known ? '-known' : ''}`;
}

const COLOURS: Record<MentionType, { bg: string; line: string }> = {
  person: { bg: 'rgba(255, 196, 0, 0.35)', line: '#b58100' },
  org: { bg: 'rgba(64, 156, 255, 0.28)', line: '#1f6fd1' },
  number: { bg: 'rgba(46, 204, 113, 0.30)', line: '#1e8e4f' },
  date: { bg: 'rgba(160, 160, 160, 0.22)', line: '#808080' },
};

/** The ::highlight() rules: new mentions get a tint, known ones also a solid underline. */
export function highlightCss(): string {
  return (Object.keys(COLOURS) as MentionType[])
    .map((t) => {
      const c = COLOURS[t];
      return (
        `::highlight(${highlightName(t, false)}) { background-color: ${c.bg}; }\n` +
        `::highlight(${highlightName(t, true)}) { background-color: ${c.bg}; text-decoration: underline 2px ${c.line}; }`
      );
    })
    .join('\n');
}

/** True where the browser can paint without touching the DOM. */
export function canPaintHighlights(win: Window & typeof globalThis): boolean {
  return typeof win.Highlight === 'function' && !!win.CSS && 'highlights' in win.CSS;
}

export interface Painter {
  /** Adds ranges for mentions; returns how many were painted. */
  paint(items: Array<{ mention: Mention; range: Range }>): number;
  /** Removes every highlight of ours. */
  clear(): void;
}

/** Installs the style once (as an adopted sheet: no <style> node in the page) and returns a painter. */
export function createPainter(doc: Document): Painter {
  const win = doc.defaultView as Window & typeof globalThis;
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(highlightCss());
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  const registry = win.CSS.highlights;
  const groups = new Map<string, Highlight>();
  return {
    paint(items) {
      let n = 0;
      for (const { mention, range } of items) {
        const name = highlightName(mention.type, !!mention.known);
        let group = groups.get(name);
        if (!group) {
          group = new win.Highlight();
          groups.set(name, group);
          registry.set(name, group);
        }
        group.add(range);
        n++;
      }
      return n;
    },
    clear() {
      for (const name of groups.keys()) registry.delete(name);
      groups.clear();
    },
  };
}
