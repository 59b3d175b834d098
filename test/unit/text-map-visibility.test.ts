// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTextMap, SHEETS_READ_ABOVE } from '@/utils/page/text-map';

/**
 * The browser's answers, as a real one would give them for the pages below: hidden by `#folded >
 * p`, by `.gone`, in a closed <details>, or by a shadow tree's own sheet.
 */
const HIDDEN = '#folded > p, .gone, details:not([open]) > p';
let asked: Element[] = [];
const real = { checkVisibility: Element.prototype.checkVisibility, getClientRects: Element.prototype.getClientRects };

beforeEach(() => {
  asked = [];
  Element.prototype.checkVisibility = function (this: Element) {
    asked.push(this);
    return !this.matches(HIDDEN) && !(this.getRootNode() as ShadowRoot).host?.matches('x-box');
  };
  Element.prototype.getClientRects = () => [] as unknown as DOMRectList;
});

afterEach(() => {
  Object.assign(Element.prototype, real);
  document.head.innerHTML = '';
});

/** An article of `n` bare paragraphs, then `tail`. */
function article(n: number, tail: string, css: string): Element {
  document.head.innerHTML = `<style>${css}</style>`;
  document.body.innerHTML = `<article>${Array.from({ length: n }, (_, i) => `<p>第${i}段。</p>`).join('')}${tail}</article>`;
  return document.querySelector('article')!;
}

const LONG = SHEETS_READ_ABOVE + 200;

describe('the text map of a long article of bare paragraphs', () => {
  it('asks nothing of bare paragraphs once the style sheets say none can be hidden', () => {
    const map = buildTextMap(article(LONG, '<div class="gone"><p>隐藏</p></div><p>结尾。</p>', '.gone { display: none } .lead { font-weight: bold }'));
    expect(map.text.endsWith(`第${LONG - 1}段。\n结尾。`)).toBe(true);
    expect(map.text).not.toContain('隐藏');
    // The classed box only (asked twice: with and without visibility: hidden).
    expect([...new Set(asked)]).toEqual([document.querySelector('.gone')]);
  });

  it('asks about every paragraph of a short article, whose sheets are not read', () => {
    const short = SHEETS_READ_ABOVE - 10;
    const map = buildTextMap(article(short, '<div class="gone"><p>隐藏</p></div>', '.gone { display: none }'));
    expect(map.text).not.toContain('隐藏');
    expect(asked.filter((el) => el.localName === 'p')).toHaveLength(short);
  });

  it('keeps asking about the tags a rule may hide, and hides what it hides', () => {
    const map = buildTextMap(article(LONG, '<div id="folded"><p>折叠</p></div><p>结尾。</p>', '#folded > p { display: none }'));
    expect(map.text).not.toContain('折叠');
    expect(map.text.endsWith('结尾。')).toBe(true);
    expect(asked.filter((el) => el.localName === 'p')).toHaveLength(LONG + 2);
  });

  it('asks inside boxes whose children may not show while they do', () => {
    // (A box whose own style attribute says content-visibility: hidden is never entered.)
    const map = buildTextMap(article(LONG, '<details><p>细节</p></details><p>结尾。</p>', '.lead { font-weight: bold }'));
    expect(map.text).not.toContain('细节');
    expect(map.text.endsWith('结尾。')).toBe(true);
  });

  it('asks inside shadow trees, which their own sheets style', () => {
    const root = article(LONG, '<x-box></x-box><p>结尾。</p>', '.lead { font-weight: bold }');
    // (The rule that hides its paragraph is the tree's own: here, the browser's answer above.)
    document.querySelector('x-box')!.attachShadow({ mode: 'open' }).innerHTML = '<style>.lead { color: red }</style><p>影子</p>';
    const map = buildTextMap(root);
    expect(map.text).not.toContain('影子');
    expect(map.text.endsWith('结尾。')).toBe(true);
  });

  it('asks about every element where a rule could hide any, or when told how to tell', () => {
    buildTextMap(article(LONG, '', ':first-child { display: none }'));
    expect(asked).toHaveLength(LONG);
    asked = [];
    const told: Element[] = [];
    buildTextMap(article(LONG, '', '.gone { display: none }'), { isVisible: (el) => told.push(el) > 0 });
    expect(told).toHaveLength(LONG);
  });
});
