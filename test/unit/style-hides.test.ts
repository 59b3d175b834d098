// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { bareTagOf, subjectsOf, tagsSheetsMayHide } from '@/utils/page/style-hides';

/** A document whose only style sheet is `css`. */
function styled(css: string): Document {
  document.head.innerHTML = `<style>${css}</style>`;
  return document;
}

afterEach(() => {
  document.head.innerHTML = '';
});

describe('reading which bare elements a page\'s style sheets may hide', () => {
  it('finds the subject of each selector of a list, past brackets, parentheses and quotes', () => {
    expect(subjectsOf('div > p.x, li')).toEqual(['p.x', 'li']);
    expect(subjectsOf('a:not(.b, .c) span')).toEqual(['span']);
    expect(subjectsOf('[data-x="a, b > c"] > p')).toEqual(['p']);
    expect(subjectsOf('p ,  li ')).toEqual(['p', 'li']);
    expect(subjectsOf('ul li:nth-child(2n + 1)')).toEqual(['li:nth-child(2n + 1)']);
    expect(subjectsOf('h1~p+div\n>\tspan')).toEqual(['span']);
    // Not followed: escapes, and nesting (the subject of `&` is another rule's).
    expect(subjectsOf('.a\\:b p')).toBeNull();
    expect(subjectsOf('& p')).toBeNull();
  });

  it('tells the tag a subject can match on an element with no attribute', () => {
    expect(bareTagOf('p')).toBe('P');
    expect(bareTagOf('p:not(.x)')).toBe('P');
    expect(bareTagOf('li:is(.a)')).toBe('LI');
    expect(bareTagOf('p:nth-child(2n+1 of .x)')).toBe('P');
    // Needs a class, an id or an attribute: no bare element matches.
    for (const subject of ['p.x', '#folded', 'p[hidden]', '.a:not(p)', 'div#main']) expect(bareTagOf(subject)).toBe('');
    // A pseudo-element's box is not the element's.
    expect(bareTagOf('p::before')).toBe('');
    // Any element.
    for (const subject of ['*', ':first-child', ':not(.x)', 'svg|a']) expect(bareTagOf(subject)).toBe('*');
  });

  it('names the tags of rules that set display: none on a subject a bare element can be', () => {
    const hides = tagsSheetsMayHide(styled('.gone { display: none } #folded > p { display: none } @media print { ul li { display: none } } .x span { color: red } article { display: block }'));
    expect(hides).toEqual(new Set(['P', 'LI']));
    expect(tagsSheetsMayHide(styled('.gone { display: none }'))).toEqual(new Set());
    expect(tagsSheetsMayHide(styled('div p { display: var(--shown) }'))).toEqual(new Set(['P']));
  });

  it('gives up on rules that could hide any element', () => {
    for (const css of [':first-child { display: none }', '.x > * { display: none }', '.shut { content-visibility: hidden }', '.a\\:b p { display: none }']) {
      expect(tagsSheetsMayHide(styled(css)), css).toBe('any');
    }
  });

  it('reads imported and adopted sheets, and gives up on one it cannot read', () => {
    const rule = (selectorText: string, display: string) => ({ selectorText, style: { getPropertyValue: (p: string) => (p === 'display' ? display : '') } });
    const sheet = (...cssRules: unknown[]) => ({ disabled: false, cssRules });
    const doc = (styleSheets: unknown[], adoptedStyleSheets: unknown[] = []) => ({ styleSheets, adoptedStyleSheets }) as unknown as Document;
    const imported = { styleSheet: sheet(rule('td', 'none')) };
    expect(tagsSheetsMayHide(doc([sheet(imported, rule('.a', 'none'))], [sheet(rule('dd', 'none'))]))).toEqual(new Set(['TD', 'DD']));
    const foreign = { disabled: false, get cssRules(): never { throw new DOMException('cross-origin', 'SecurityError'); } };
    expect(tagsSheetsMayHide(doc([sheet(rule('p', 'block')), foreign]))).toBe('any');
    expect(tagsSheetsMayHide(doc([{ disabled: true, cssRules: [rule('p', 'none')] }]))).toEqual(new Set());
  });
});
