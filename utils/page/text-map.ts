/**
 * The article body's visible text as one string (blocks separated by `\n`) with a map back to
 * the DOM, so a mention's offsets become a Range even when a name crosses elements (`<b>刘晓</b>军`).
 */
import { isChrome, SKIP_TAGS, tagOf } from './detect-article';
import { MARK_TAG } from './paint';
import { runInSlices, SLICE_MS, yieldToPage } from './pacing';
import { tagsSheetsMayHide, type SheetHides } from './style-hides';

/** The fallback painting's marks hold article text (see wrap-paint.ts); our other elements are UI. */
const MARK = MARK_TAG.toUpperCase();

/** Elements that start a new line of text: a break in the mapped text, and the unit painting near the viewport watches. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'SECTION', 'ARTICLE', 'FIGURE', 'FIGCAPTION', 'TR', 'TD', 'TH', 'TABLE', 'PRE', 'HEADER', 'DT', 'DD', 'DL', 'ADDRESS', 'HR', 'BR', 'MAIN', 'CENTER']);

interface Segment {
  node: Text;
  /** Offset of the segment's first character in the mapped text. */
  start: number;
  end: number;
  /** Node offset of each mapped character, or null when they coincide with `nodeStart + i`. */
  offsets: Int32Array | null;
  nodeStart: number;
}

/** The mapped text and how to turn its offsets back into DOM ranges. */
export interface TextMap {
  text: string;
  segments: Segment[];
  /** The Range for [start, end) of `text`, or null when it maps to no text node. */
  toRange(start: number, end: number): Range | null;
  /**
   * One range per text node that [start, end) covers: exact where a single Range would also take
   * in text the map leaves out between them (a script, a hidden or furniture element). The pieces
   * are StaticRanges (what gets painted and hit-tested): a page with live Ranges pays for every one
   * of them on each change it makes to its own DOM (Blink: 200 insertions took 0.9 s with 50,000
   * live ranges, 0.4 ms with static ones); `liveRange` turns one into a Range where a box is needed.
   */
  toRanges(start: number, end: number): AbstractRange[];
  /** The text offset of a DOM position inside a mapped text node, or -1. */
  offsetOf(node: Node, offset: number): number;
}

/**
 * A range over one text node that does not follow later DOM changes: a StaticRange, or where that
 * is missing (no browser that paints highlights; test DOMs) an object with the same fields. A live
 * Range would not do: the fallback painting splits text nodes, which moves live ranges' ends.
 */
function staticRange(node: Text, start: number, end: number): AbstractRange {
  const Static = node.ownerDocument!.defaultView?.StaticRange;
  if (typeof Static === 'function') return new Static({ startContainer: node, startOffset: start, endContainer: node, endOffset: end });
  return { startContainer: node, startOffset: start, endContainer: node, endOffset: end, collapsed: start === end };
}

/**
 * A live Range over the same text as `r`, for its boxes (hit-testing, placing a card), or null once
 * the page has changed so much that its offsets no longer fit.
 */
export function liveRange(r: AbstractRange): Range | null {
  if ('getClientRects' in r) return r as Range;
  try {
    const range = r.startContainer.ownerDocument!.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range;
  } catch {
    return null;
  }
}

export interface TextMapOptions {
  /**
   * Whether an element is rendered; by default the browser's checkVisibility, and for the bare
   * elements of a long article what the page's style sheets say (see PLAIN_TAGS).
   */
  isVisible?: (el: Element) => boolean;
}

/**
 * Elements whose children show whenever they do, as far as the browser's own styles go: a bare
 * one (no attribute: no class, id, style or hidden) inside another is hidden only by a rule of
 * the page's style sheets on its tag (`#folded > p`). A long article's walk reads the sheets
 * (style-hides.ts) and checks none of those the sheets cannot hide: a long article is thousands
 * of bare <p>s, and checking each was 8–14 ms of mapping a 1 MB article on a 2-core machine. Not
 * inside a shadow tree (its own sheets) nor in any element of another tag (a closed <details>, a
 * <dialog>, fallback content).
 */
const PLAIN_TAGS: ReadonlySet<string> = new Set(['P', 'DIV', 'SPAN', 'FONT', 'B', 'STRONG', 'I', 'EM', 'U', 'S', 'A', 'SMALL', 'BIG', 'SUB', 'SUP', 'CITE', 'Q', 'CODE', 'ABBR', 'TIME', 'BR', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'SECTION', 'ARTICLE', 'MAIN', 'FIGURE', 'FIGCAPTION', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'TD', 'TH', 'CENTER', 'PRE', 'ADDRESS']);

/**
 * How many elements a root may hold before its walk reads the style sheets: a short article never
 * reads them and checks each element. A check cost about 1.4 µs on a 2-core machine; a big site's
 * sheets hold thousands of rules.
 */
export const SHEETS_READ_ABOVE = 1024;

/** No tag: every bare element is checked. */
const NO_TAGS: ReadonlySet<string> = new Set();

/**
 * The plain tags whose bare elements show whenever their parent does, as the sheets say: none
 * where a rule may hide any element, else PLAIN_TAGS but the tags a rule may hide.
 */
function tagsShownBy(hides: SheetHides): ReadonlySet<string> {
  return hides === 'any' ? NO_TAGS : new Set([...PLAIN_TAGS].filter((tag) => !hides.has(tag)));
}

/**
 * Whether `root` holds more than `n` elements, asked of the browser's own collection, which walks
 * no further than element `n` to answer (a count would walk them all).
 */
const holdsMoreThan = (root: Element, n: number) => root.getElementsByTagName('*')[n] !== undefined;

/** checkVisibility's options, made once: an article's thousands of elements each ask. */
const VISIBILITY_OPTIONS = { visibilityProperty: true };

/**
 * Whether the text of an element the walk reached shows. Not when `display: none` (or
 * content-visibility) hides it, nor `visibility: hidden`, which is asked only of elements with
 * attributes: asking doubles the check's cost (0.35 → 0.7 µs an element, and a long article is
 * thousands of bare <p>s), and a bare element could only have it from a rule on its tag alone (a
 * rule on a class or an id, how pages hide things, hides an element checked already, never entered).
 * A box without a layout box of its own is read still when its children have one (`display:
 * contents`), and so is a closed <details>'s or `hidden="until-found"` text: the reader can open it.
 */
function defaultVisible(el: Element): boolean {
  // hidden, aria-hidden and style are attributes: an element with none (most of an article) has none to read.
  const attributed = el.hasAttributes();
  if (attributed) {
    if ((el as HTMLElement).hidden || el.getAttribute('aria-hidden') === 'true') return false;
    const style = el.getAttribute('style');
    if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return false;
  }
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check !== 'function') return true;
  if (check.call(el, attributed ? VISIBILITY_OPTIONS : undefined)) return true;
  // Rendered, but visibility: hidden.
  if (attributed && check.call(el)) return false;
  return el.getClientRects().length > 0 || el.ownerDocument.defaultView?.getComputedStyle(el).display === 'contents';
}

/** Whether a character code is whitespace the map collapses: a space, tab, line break or form feed. */
const isCollapsible = (code: number) => code === 32 || code === 10 || code === 9 || code === 13 || code === 12;

/** Whether a text is only whitespace the map collapses. */
function isBlank(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (!isCollapsible(value.charCodeAt(i))) return false;
  return true;
}

/** Where whitespace collapsing first changes a text: a tab or line break, or a second space in a row. */
const COLLAPSES = /[\t\n\r\f]| {2}/;

/** Builds the text map of `root`, skipping hidden elements, form fields, editors, furniture and our UI. */
export function buildTextMap(root: Element, options: TextMapOptions = {}): TextMap {
  const builder = mapBuilder(root, options);
  for (const _ of builder.steps) {
    /* run to the end */
  }
  return builder.finish();
}

/**
 * The same map built in slices of about `budgetMs`, yielding to the page between them (`pause`),
 * so mapping a huge article never blocks the page for long.
 */
export async function buildTextMapInSlices(root: Element, options: TextMapOptions = {}, budgetMs = SLICE_MS, pause: () => Promise<void> = yieldToPage): Promise<TextMap> {
  const builder = mapBuilder(root, options);
  await runInSlices(builder.steps, budgetMs, pause);
  return builder.finish();
}

/** The walk as steps (a generator: it yields every few hundred nodes) and the map it finishes with. */
function mapBuilder(root: Element, options: TextMapOptions): { steps: Generator<void>; finish: () => TextMap } {
  const isVisible = options.isVisible ?? defaultVisible;
  /**
   * The text's pieces, joined once at the end: joining them in chunks as the walk went made a
   * second copy of the whole text (2 MB of garbage on a 1 MB article) to spread a 1-2 ms join.
   */
  const parts: string[] = [];
  const segments: Segment[] = [];
  let length = 0;
  let lastChar = '\n';

  const breakLine = () => {
    if (length > 0 && lastChar !== '\n') {
      parts.push('\n');
      length++;
      lastChar = '\n';
    }
  };

  /**
   * Appends a text node's characters with whitespace collapsed as the browser shows it (none at the
   * start of a block, one space for a run). Text is copied in runs, not a character at a time: a
   * huge article is tens of thousands of nodes, and per-character strings were most of the garbage.
   */
  const addText = (node: Text) => {
    const value = node.nodeValue ?? '';
    const n = value.length;
    if (!n) return;
    // The line breaks and indents between blocks of pretty-printed HTML (as many nodes as the
    // blocks): after a space or a break they collapse away, told by their few characters.
    if (n <= 16 && (lastChar === ' ' || lastChar === '\n') && isBlank(value)) return;
    // Up to the first place collapsing changes anything (found by one native search; often none
    // at all), the text is copied as it is: the loop below starts there, with what it would have had.
    const from = value.charCodeAt(0) === 32 && (lastChar === ' ' || lastChar === '\n') ? 0 : value.search(COLLAPSES);
    const copied = from < 0 ? n : from;
    let out = '';
    let outLen = copied;
    /** Where in `value` the run of characters copied as they are began, or -1. */
    let runFrom = copied > 0 ? 0 : -1;
    let offsets: number[] | null = null;
    let firstOffset = copied > 0 ? 0 : -1;
    let last = copied > 0 ? (value.charCodeAt(copied - 1) === 32 ? ' ' : '') : lastChar;
    for (let i = copied; i < n; i++) {
      const code = value.charCodeAt(i);
      const space = isCollapsible(code);
      if (space && (last === ' ' || last === '\n')) {
        if (runFrom >= 0) { out += value.slice(runFrom, i); runFrom = -1; }
        if (firstOffset >= 0 && !offsets) offsets = Array.from({ length: outLen }, (_, k) => firstOffset + k);
        continue;
      }
      if (firstOffset === -1) firstOffset = i;
      if (offsets) offsets.push(i);
      if (space && code !== 32) {
        if (runFrom >= 0) { out += value.slice(runFrom, i); runFrom = -1; }
        out += ' ';
      } else if (runFrom < 0) runFrom = i;
      last = space ? ' ' : '';
      outLen++;
    }
    if (runFrom >= 0) out += runFrom === 0 ? value : value.slice(runFrom);
    if (!outLen) return;
    lastChar = out[outLen - 1];
    segments.push({ node, start: length, end: length + outLen, offsets: offsets ? Int32Array.from(offsets) : null, nodeStart: firstOffset });
    parts.push(out);
    length += outLen;
  };

  /**
   * A level of the walk: the nodes under `parent` (its shadow root's, a slot's assigned ones, or
   * its children). `checkBare`: its bare children are checked one by one, whatever the style
   * sheets say (see PLAIN_TAGS).
   */
  interface Frame { next: Node | null; list: Node[] | null; i: number; block: boolean; checkBare: boolean }
  const frameOf = (parent: Element, tag: string, block: boolean, checkBare: boolean): Frame => {
    if (parent.shadowRoot) return { next: parent.shadowRoot.firstChild, list: null, i: 0, block, checkBare: true };
    if (tag === 'SLOT') return { next: null, list: Array.from((parent as HTMLSlotElement).assignedNodes?.() ?? []), i: 0, block, checkBare: true };
    return { next: parent.firstChild, list: null, i: 0, block, checkBare };
  };
  // Depth-first with an explicit stack: no recursion limit on deeply nested pages, and a place to pause.
  function* walk(): Generator<void> {
    /**
     * The tags of bare elements the sheets say show (see PLAIN_TAGS), read before the walk of a
     * long root (in its first slice, which the reading counts in); none for a short one, or where
     * the caller decides visibility. Read up front, not once the walk had checked that many
     * elements: by then the browser had compiled the walk's code, which had never run past a
     * read, and it threw that code away and compiled it again (traced on the 1 MB bench article).
     */
    const shownByTag = options.isVisible || !holdsMoreThan(root, SHEETS_READ_ABOVE) ? NO_TAGS : tagsShownBy(tagsSheetsMayHide(root.ownerDocument));
    /** Whether bare element `el` (of `tag`, in `frame`) shows, as its page's style sheets or the browser say. */
    const bareVisible = (el: Element, tag: string, frame: Frame): boolean => (!frame.checkBare && shownByTag.has(tag)) || isVisible(el);
    const rootTag = tagOf(root);
    // A root inside a shadow tree is styled by that tree's sheets too.
    const stack: Frame[] = [frameOf(root, rootTag, false, !PLAIN_TAGS.has(rootTag) || root.getRootNode() !== root.ownerDocument)];
    const inEditor = (root as HTMLElement).isContentEditable === true;
    let visited = 0;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      let child: Node | null;
      if (top.list) child = top.i < top.list.length ? top.list[top.i++] : null;
      else if ((child = top.next)) top.next = child.nextSibling;
      if (!child) {
        stack.pop();
        if (top.block) breakLine();
        continue;
      }
      if ((++visited & 255) === 0) {
        yield;
      }
      if (child.nodeType === 3) addText(child as Text);
      else if (child.nodeType === 1) {
        const c = child as Element;
        const tag = tagOf(c);
        // Most of an article's elements have no attribute at all: then none is read.
        const bare = !c.hasAttributes();
        // Our own elements (the card's host, anything marked data-dossier-ui) are no article text; the fallback's marks are.
        if (SKIP_TAGS.has(tag) || (tag.startsWith('DOSSIER-') && tag !== MARK) || (!bare && c.hasAttribute('data-dossier-ui'))) continue;
        // An editor is marked by its attribute; inside one (never entered) or a designMode document,
        // every element is editable: a bare element is so only where the root already is.
        if (bare ? inEditor : (c as HTMLElement).isContentEditable || c.getAttribute('contenteditable') === 'true' || c.getAttribute('contenteditable') === '') continue;
        if (isChrome(c, tag) || !(bare ? bareVisible(c, tag, top) : isVisible(c))) continue;
        // Most of a long article: a bare <p> of one text node, mapped in place (no level of the walk).
        if (bare && tag === 'P' && !c.shadowRoot) {
          const only = c.firstChild;
          if (only && only.nodeType === 3 && !only.nextSibling) {
            breakLine();
            addText(only as Text);
            breakLine();
            continue;
          }
        }
        const block = BLOCK_TAGS.has(tag);
        if (block) breakLine();
        stack.push(frameOf(c, tag, block, top.checkBare || !PLAIN_TAGS.has(tag)));
      }
    }
  }

  const finish = (): TextMap => {
    // Drop a trailing break or space.
    let text = parts.join('');
    let end = text.length;
    while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === ' ')) end--;
    if (end < text.length) text = text.slice(0, end);

    const nodeOffset = (seg: Segment, at: number) => (seg.offsets ? seg.offsets[at - seg.start] : seg.nodeStart + (at - seg.start));
    const segmentAt = (offset: number) => {
      let lo = 0, hi = segments.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (segments[mid].end <= offset) lo = mid + 1;
        else if (segments[mid].start > offset) hi = mid - 1;
        else return segments[mid];
      }
      return null;
    };
    // Only selections ask for offsets of nodes: the index is built on the first ask.
    let bySegmentNode: Map<Node, Segment> | null = null;

    return {
      text,
      segments,
      toRange(start, end) {
        if (end <= start) return null;
        const a = segmentAt(start);
        const b = segmentAt(end - 1);
        if (!a || !b) return null;
        const range = a.node.ownerDocument!.createRange();
        range.setStart(a.node, nodeOffset(a, start));
        range.setEnd(b.node, nodeOffset(b, end - 1) + 1);
        return range;
      },
      toRanges(start, end) {
        const out: AbstractRange[] = [];
        if (end <= start) return out;
        let lo = 0;
        let hi = segments.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (segments[mid].end <= start) lo = mid + 1;
          else hi = mid;
        }
        for (let i = lo; i < segments.length && segments[i].start < end; i++) {
          const seg = segments[i];
          const from = Math.max(start, seg.start);
          const to = Math.min(end, seg.end);
          if (to <= from) continue;
          out.push(staticRange(seg.node, nodeOffset(seg, from), nodeOffset(seg, to - 1) + 1));
        }
        return out;
      },
      offsetOf(node, offset) {
        if (!bySegmentNode) {
          bySegmentNode = new Map();
          for (const s of segments) bySegmentNode.set(s.node, s);
        }
        const seg = bySegmentNode.get(node);
        if (!seg) return -1;
        if (!seg.offsets) {
          const at = seg.start + (offset - seg.nodeStart);
          return at >= seg.start && at <= seg.end ? at : -1;
        }
        for (let i = 0; i < seg.offsets.length; i++) if (seg.offsets[i] >= offset) return seg.start + i;
        return seg.end;
      },
    };
  };
  return { steps: walk(), finish };
}
