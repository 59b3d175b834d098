/**
 * The article body's visible text as one string (blocks separated by `\n`) with a map back to
 * the DOM, so a mention's offsets become a Range even when a name crosses elements (`<b>刘晓</b>军`).
 */
import { isChrome, SKIP_TAGS, tagOf } from './detect-article';

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

/** A range over one text node that does not follow later DOM changes (a Range where StaticRange is missing). */
function staticRange(node: Text, start: number, end: number): AbstractRange {
  const Static = node.ownerDocument!.defaultView?.StaticRange;
  if (typeof Static === 'function') return new Static({ startContainer: node, startOffset: start, endContainer: node, endOffset: end });
  const range = node.ownerDocument!.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  return range;
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
  /** Elements to leave out besides the usual (our own UI, for example). */
  exclude?: (el: Element) => boolean;
  /** Whether an element is rendered; the browser's checkVisibility by default. */
  isVisible?: (el: Element) => boolean;
}

function defaultVisible(el: Element): boolean {
  if ((el as HTMLElement).hidden || el.getAttribute('aria-hidden') === 'true') return false;
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return false;
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  return typeof check === 'function' ? check.call(el, { visibilityProperty: true }) !== false || el.getClientRects().length > 0 : true;
}

/** Builds the text map of `root`, skipping hidden elements, form fields, editors, furniture and our UI. */
export function buildTextMap(root: Element, options: TextMapOptions = {}): TextMap {
  const builder = mapBuilder(root, options);
  for (const _ of builder.steps) {
    /* run to the end */
  }
  return builder.finish();
}

/**
 * The same map built in slices of about `budgetMs`, yielding to the page between them, so mapping
 * a huge article never blocks the page for long.
 */
export async function buildTextMapInSlices(root: Element, options: TextMapOptions = {}, budgetMs = 12): Promise<TextMap> {
  const builder = mapBuilder(root, options);
  let sliceStart = performance.now();
  for (const _ of builder.steps) {
    if (performance.now() - sliceStart > budgetMs) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
  return builder.finish();
}

/** The walk as steps (a generator: it yields every few hundred nodes) and the map it finishes with. */
function mapBuilder(root: Element, options: TextMapOptions): { steps: Generator<void>; finish: () => TextMap } {
  const isVisible = options.isVisible ?? defaultVisible;
  /** Text pieces not yet joined, and the joined chunks: joining as the walk goes spreads its cost. */
  const parts: string[] = [];
  const chunks: string[] = [];
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

  const addText = (node: Text) => {
    const value = node.nodeValue ?? '';
    if (!value) return;
    let out = '';
    let offsets: number[] | null = null;
    let firstOffset = -1;
    for (let i = 0; i < value.length; i++) {
      let c = value[i];
      if (c === '\n' || c === '\t' || c === '\r' || c === ' ' || c === '\f') {
        // Collapse whitespace like the browser does; none at the start of a block.
        if (lastChar === ' ' || lastChar === '\n') {
          if (!offsets) offsets = Array.from({ length: out.length }, (_, k) => firstOffset + k);
          continue;
        }
        c = ' ';
      }
      if (firstOffset === -1) firstOffset = i;
      if (offsets) offsets.push(i);
      else if (i !== firstOffset + out.length) {
        offsets = Array.from({ length: out.length }, (_, k) => firstOffset + k);
        offsets.push(i);
      }
      out += c;
      lastChar = c;
    }
    if (!out) return;
    segments.push({ node, start: length, end: length + out.length, offsets: offsets ? Int32Array.from(offsets) : null, nodeStart: firstOffset });
    parts.push(out);
    length += out.length;
  };

  const childrenOf = (parent: Node): Node[] => {
    const el = parent as Element;
    return el.shadowRoot ? Array.from(el.shadowRoot.childNodes) : tagOf(el) === 'SLOT' ? Array.from((el as HTMLSlotElement).assignedNodes?.() ?? []) : Array.from(parent.childNodes);
  };
  // Depth-first with an explicit stack: no recursion limit on deeply nested pages, and a place to pause.
  function* walk(): Generator<void> {
    const stack: Array<{ children: Node[]; i: number; block: boolean }> = [{ children: childrenOf(root), i: 0, block: false }];
    let visited = 0;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.i >= top.children.length) {
        stack.pop();
        if (top.block) breakLine();
        continue;
      }
      const child = top.children[top.i++];
      if ((++visited & 255) === 0) {
        if (parts.length > 512) chunks.push(parts.splice(0).join(''));
        yield;
      }
      if (child.nodeType === 3) addText(child as Text);
      else if (child.nodeType === 1) {
        const c = child as Element;
        const tag = tagOf(c);
        if (SKIP_TAGS.has(tag) || tag.startsWith('DOSSIER-') || c.hasAttribute('data-dossier-ui')) continue;
        if ((c as HTMLElement).isContentEditable || c.getAttribute('contenteditable') === 'true' || c.getAttribute('contenteditable') === '') continue;
        if (isChrome(c) || options.exclude?.(c) || !isVisible(c)) continue;
        const block = BLOCK_TAGS.has(tag);
        if (block) breakLine();
        stack.push({ children: childrenOf(c), i: 0, block });
      }
    }
  }

  const finish = (): TextMap => {
    // Drop a trailing break or space.
    chunks.push(parts.splice(0).join(''));
    let text = chunks.join('');
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
