// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { buildTextMap, type TextMap } from '@/utils/page/text-map';
import { FOCUS_ATTR, MARK_ATTR, MARK_TAG } from '@/utils/page/paint';
import { createWrapPainter, type WrapPainter } from '@/utils/page/wrap-paint';
import type { MentionType } from '@/utils/recognize/types';

const ARTICLE = `<article>
  <h1>市自然资源和规划局召开会议</h1>
  <p>2月7日，市自然资源和规划局党组书记、局长<b>刘晓</b>军出席会议并讲话。</p>
  <p>全年完成投资21229万元，   增长98.6%，刘晓军要求  继续推进。</p>
  <p>会上，<a href="/x">崔峰</a>介绍了509亩土地的收储情况。</p>
</article>`;

/** A mention the painter wraps: where it is in the map's text, and its kind. */
interface Span { text: string; type: MentionType; known?: boolean; nth?: number }

/** The span's place in `map.text` (its `nth` occurrence, the first by default). */
function place(map: TextMap, s: Span) {
  let at = -1;
  for (let i = 0; i <= (s.nth ?? 0); i++) at = map.text.indexOf(s.text, at + 1);
  if (at < 0) throw new Error(`${s.text} is not in the text`);
  return { start: at, end: at + s.text.length };
}

const SPANS: Span[] = [
  { text: '市自然资源和规划局', type: 'org', nth: 1 },
  { text: '刘晓军', type: 'person', known: true },
  { text: '21229万元', type: 'number' },
  { text: '98.6%', type: 'number' },
  { text: '刘晓军', type: 'person', known: true, nth: 1 },
  { text: '崔峰', type: 'person' },
  { text: '509亩', type: 'number' },
];

/** Each span's pieces, all made before any is wrapped (as the content script makes them). */
const piecesOf = (map: TextMap, spans: Span[]) => spans.map((s) => map.toRanges(place(map, s).start, place(map, s).end));

/** Wraps `spans` (in text order) with a new pass; returns how many pieces were wrapped. */
function wrapAll(painter: WrapPainter, map: TextMap, spans: Span[]) {
  const pieces = piecesOf(map, spans);
  const pass = painter.begin();
  let n = 0;
  spans.forEach((s, i) => (n += pass.wrap({ type: s.type, known: s.known }, pieces[i])));
  return n;
}

/** Each mark's highlight name and text, in document order. */
const marks = (root: Element) => Array.from(root.querySelectorAll(MARK_TAG)).map((m) => [m.getAttribute(MARK_ATTR), m.textContent]);

let article: Element;
let before: string;
let textNodes: Array<[Text, string]>;

beforeEach(() => {
  document.body.innerHTML = ARTICLE;
  article = document.querySelector('article')!;
  before = article.innerHTML;
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  textNodes = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) textNodes.push([n as Text, (n as Text).data]);
});

describe('painting by wrapping, where the Highlight API is missing', () => {
  it('wraps each mention in marks named as its highlight, a name across elements in one mark per element', () => {
    const map = buildTextMap(article);
    const painter = createWrapPainter(document);
    expect(wrapAll(painter, map, SPANS)).toBe(8);
    expect(marks(article)).toEqual([
      ['dossier-org', '市自然资源和规划局'],
      ['dossier-person-known', '刘晓'],
      ['dossier-person-known', '军'],
      ['dossier-number', '21229万元'],
      ['dossier-number', '98.6%'],
      ['dossier-person-known', '刘晓军'],
      ['dossier-person', '崔峰'],
      ['dossier-number', '509亩'],
    ]);
    // The marks are inline and add no text: the page reads, and maps, exactly as before.
    expect(article.textContent).toBe(new DOMParser().parseFromString(ARTICLE, 'text/html').querySelector('article')!.textContent);
    expect(buildTextMap(article).text).toBe(map.text);
  });

  it('takes the page back to its own text nodes on clear: the same nodes, with their own text', () => {
    const map = buildTextMap(article);
    const painter = createWrapPainter(document);
    wrapAll(painter, map, SPANS);
    painter.paintNotes(map.toRanges(place(map, { text: '全年完成投资', type: 'org' }).start, place(map, { text: '98.6%', type: 'number' }).end));
    painter.clear();
    expect(article.innerHTML).toBe(before);
    expect(article.querySelectorAll(MARK_TAG)).toHaveLength(0);
    for (const [node, data] of textNodes) {
      expect(node.isConnected).toBe(true);
      expect(node.data).toBe(data);
    }
  });

  it('wraps again from a map made with the marks in place, without marks inside marks', () => {
    const painter = createWrapPainter(document);
    wrapAll(painter, buildTextMap(article), SPANS);
    const remapped = buildTextMap(article);
    wrapAll(painter, remapped, SPANS.slice(1));
    expect(marks(article)).toEqual(marks(article).filter(([name]) => name !== 'dossier-org'));
    expect(marks(article)).toHaveLength(7);
    expect(article.querySelector(`${MARK_TAG} ${MARK_TAG}`)).toBeNull();
    // Unwrapping leaves the split text nodes apart: the map made with the marks in still fits.
    const pass = painter.begin();
    expect(article.querySelectorAll(MARK_TAG)).toHaveLength(0);
    const at = place(remapped, SPANS[5]);
    expect(pass.wrap(SPANS[5], remapped.toRanges(at.start, at.end))).toBe(1);
    expect(marks(article)).toEqual([['dossier-person', '崔峰']]);
  });

  it('wraps what is left of a piece that overlaps the one before it', () => {
    const map = buildTextMap(article);
    const painter = createWrapPainter(document);
    const org = place(map, { text: '市自然资源和规划局党组书记', type: 'org', nth: 0 });
    const a = map.text.indexOf('市自然资源和规划局', org.start);
    const first = map.toRanges(a, a + 9);
    const second = map.toRanges(a + 6, org.end);
    const pass = painter.begin();
    pass.wrap({ type: 'org' }, first);
    pass.wrap({ type: 'person' }, second);
    expect(marks(article)).toEqual([
      ['dossier-org', '市自然资源和规划局'],
      ['dossier-person', '党组书记'],
    ]);
  });

  it('leaves a piece whose text node the page changed since it was mapped, and says so', () => {
    const map = buildTextMap(article);
    const at = place(map, SPANS[6]);
    const pieces = map.toRanges(at.start, at.end);
    (pieces[0].startContainer as Text).data = '短';
    const painter = createWrapPainter(document);
    expect(painter.begin().wrap(SPANS[6], pieces)).toBe(0);
    expect(article.querySelectorAll(MARK_TAG)).toHaveLength(0);
  });

  it('wraps noted passages around and inside mention marks, and replaces them on the next call', () => {
    const painter = createWrapPainter(document);
    wrapAll(painter, buildTextMap(article), SPANS);
    const map = buildTextMap(article);
    const passage = { start: map.text.indexOf('全年'), end: map.text.indexOf('，刘晓军要求') };
    expect(painter.paintNotes(map.toRanges(passage.start, passage.end))).toBeGreaterThan(1);
    const noted = () => Array.from(article.querySelectorAll(`[${MARK_ATTR}="dossier-note"]`)).map((m) => m.textContent).join('');
    expect(noted().replace(/\s+/g, ' ')).toBe(map.text.slice(passage.start, passage.end));
    expect(buildTextMap(article).text).toBe(map.text);
    painter.paintNotes([]);
    expect(noted()).toBe('');
    expect(marks(article)).toHaveLength(8);
  });

  it('marks the focused mention and moves the mark with the focus', () => {
    const painter = createWrapPainter(document);
    wrapAll(painter, buildTextMap(article), SPANS);
    const map = buildTextMap(article);
    const [[first], [second]] = piecesOf(map, [SPANS[2], SPANS[5]]);
    painter.focus(first);
    expect(Array.from(article.querySelectorAll(`[${FOCUS_ATTR}]`)).map((m) => m.textContent)).toEqual(['21229万元']);
    painter.focus(second);
    expect(Array.from(article.querySelectorAll(`[${FOCUS_ATTR}]`)).map((m) => m.textContent)).toEqual(['崔峰']);
    painter.focus(null);
    expect(article.querySelectorAll(`[${FOCUS_ATTR}]`)).toHaveLength(0);
    // A passage with notes wrapped inside the mention's mark: the focus still goes to the mention's.
    const noted = buildTextMap(article);
    const at = place(noted, SPANS[5]);
    painter.paintNotes(noted.toRanges(at.start + 1, at.end));
    const inNote = buildTextMap(article).toRanges(at.start + 1, at.end)[0];
    expect(inNote.startContainer.parentElement?.getAttribute(MARK_ATTR)).toBe('dossier-note');
    painter.focus(inNote);
    expect(Array.from(article.querySelectorAll(`[${FOCUS_ATTR}]`)).map((m) => m.getAttribute(MARK_ATTR))).toEqual(['dossier-person']);
  });

  it('styles marks inside an open shadow root with the same sheet, and takes it away on clear', () => {
    const host = document.createElement('div');
    article.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>记者崔峰报道。</p>';
    const map = buildTextMap(article);
    const painter = createWrapPainter(document);
    const at = place(map, { text: '崔峰', type: 'person', nth: 1 });
    painter.begin().wrap({ type: 'person' }, map.toRanges(at.start, at.end));
    expect(shadow.querySelector(MARK_TAG)?.textContent).toBe('崔峰');
    expect(shadow.adoptedStyleSheets).toHaveLength(1);
    expect(shadow.adoptedStyleSheets[0]).toBe(document.adoptedStyleSheets.at(-1));
    painter.clear();
    expect(shadow.adoptedStyleSheets).toHaveLength(0);
    expect(shadow.innerHTML).toBe('<p>记者崔峰报道。</p>');
  });
});
