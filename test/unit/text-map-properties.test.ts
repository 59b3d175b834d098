// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK_TAGS, buildTextMap, liveRange } from '@/utils/page/text-map';

/** A random piece of article DOM: text with odd whitespace, inline and block elements, nesting. */
const textArb = fc.constantFrom('刘晓军', '局长', ' ', '\n  ', '市自然资源和规划局', '21229万元', 'Blinken', '。', '\t', '😀', 'a b', '');
type Node = string | { tag: string; children: Node[] };
const nodeArb: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    textArb,
    fc.record({ tag: fc.constantFrom('b', 'span', 'p', 'div', 'em', 'li', 'br', 'script', 'nav'), children: fc.array(tie('node'), { maxLength: 4 }) }),
  ),
})).node;

function toHtml(n: Node): string {
  if (typeof n === 'string') return n.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  if (n.tag === 'br') return '<br>';
  if (n.tag === 'script') return '<script>var x = "不是正文";</script>';
  return `<${n.tag}>${n.children.map(toHtml).join('')}</${n.tag}>`;
}

describe('text map on any DOM', () => {
  it('every span of the mapped text maps to ranges holding exactly that text, nothing the map left out', () => {
    fc.assert(
      fc.property(fc.array(nodeArb, { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(), (nodes, a, b) => {
        document.body.innerHTML = `<article>${nodes.map(toHtml).join('')}</article>`;
        const map = buildTextMap(document.querySelector('article')!, { isVisible: () => true });
        expect(map.text).not.toContain('不是正文');
        if (map.text.length === 0) return;
        const start = a % map.text.length;
        const end = start + 1 + (b % (map.text.length - start));
        const ranges = map.toRanges(start, end);
        const want = map.text.slice(start, end);
        // Block breaks have no DOM character; whitespace is compared as the browser collapses it.
        const norm = (s: string) => s.replace(/\s+/g, '');
        expect(norm(ranges.map((r) => liveRange(r)!.toString()).join(''))).toBe(norm(want));
      }),
      { numRuns: 500 },
    );
  });

  it('offsetOf is the inverse of toRange for every mapped character', () => {
    fc.assert(
      fc.property(fc.array(nodeArb, { minLength: 1, maxLength: 6 }), (nodes) => {
        document.body.innerHTML = `<article>${nodes.map(toHtml).join('')}</article>`;
        const map = buildTextMap(document.querySelector('article')!, { isVisible: () => true });
        for (let i = 0; i < map.text.length; i++) {
          if (map.text[i] === '\n') continue;
          const r = map.toRange(i, i + 1)!;
          expect(map.offsetOf(r.startContainer, r.startOffset)).toBe(i);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is the DOM text with whitespace collapsed one character at a time, and maps each character back to itself', () => {
    // Text copied in runs (up to the first place collapsing changes anything) must read exactly as
    // the character-by-character rule: a space run becomes one space, none after a break.
    const runArb = fc.constantFrom('刘晓军', ' ', '  ', ' a', 'a ', 'a  b', 'x\ny', '\t', '\n', ' \n ', 'Blinken said', '。', '');
    const leafArb = fc.array(runArb, { minLength: 1, maxLength: 4 }).map((r) => r.join(''));
    const partArb = fc.record({ tag: fc.constantFrom('b', 'span', 'p', 'div'), text: leafArb, tail: leafArb });
    const collapse = (root: Element) => {
      let out = '';
      const walk = (el: Element) => {
        for (let n = el.firstChild; n; n = n.nextSibling) {
          if (n.nodeType === 3) {
            for (const ch of n.nodeValue ?? '') {
              const space = ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\f';
              const last = out ? out[out.length - 1] : '\n';
              if (space && (last === ' ' || last === '\n')) continue;
              out += space ? ' ' : ch;
            }
          } else if (n.nodeType === 1) {
            const block = BLOCK_TAGS.has((n as Element).tagName.toUpperCase());
            if (block && out && !out.endsWith('\n')) out += '\n';
            walk(n as Element);
            if (block && out && !out.endsWith('\n')) out += '\n';
          }
        }
      };
      walk(root);
      return out.replace(/[\n ]+$/, '');
    };
    fc.assert(
      fc.property(leafArb, fc.array(partArb, { maxLength: 5 }), (head, parts) => {
        const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
        document.body.innerHTML = `<article>${esc(head)}${parts.map((p) => `<${p.tag}>${esc(p.text)}</${p.tag}>${esc(p.tail)}`).join('')}</article>`;
        const article = document.querySelector('article')!;
        const map = buildTextMap(article, { isVisible: () => true });
        expect(map.text).toBe(collapse(article));
        for (let i = 0; i < map.text.length; i++) {
          if (map.text[i] === '\n') continue;
          const got = map.toRange(i, i + 1)!.toString();
          if (map.text[i] === ' ') expect(got).toMatch(/^[ \t\n\r\f]$/);
          else expect(got).toBe(map.text[i]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('toRange finds the text node of each mapped character (none for a line break), in any order of asking', () => {
    fc.assert(
      fc.property(fc.array(nodeArb, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 30 }), (nodes, asks) => {
        document.body.innerHTML = `<article>${nodes.map(toHtml).join('')}</article>`;
        const map = buildTextMap(document.querySelector('article')!, { isVisible: () => true });
        if (!map.text) return;
        // In text order, then jumping about.
        const order = [...map.text].map((_, i) => i).concat(asks.map((a) => a % map.text.length));
        for (const i of order) {
          const range = map.toRange(i, i + 1);
          if (map.text[i] === '\n') expect(range).toBeNull();
          else {
            expect(range!.startContainer.nodeType).toBe(3);
            // A mapped space may stand for a collapsed line break or tab of the node.
            if (map.text[i] !== ' ') expect(range!.toString()).toBe(map.text[i]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
