// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { tagOf } from '@/utils/page/detect-article';
import { buildTextMap } from '@/utils/page/text-map';

/** Pages that are built to make Dossier trip: what the content script must still get right. */
describe('hostile pages, DOM side', () => {
  it('reads tag names the same in XHTML (lower case) as in HTML', () => {
    const doc = new DOMParser().parseFromString('<html xmlns="http://www.w3.org/1999/xhtml"><body><nav>x</nav><p>y</p></body></html>', 'application/xhtml+xml');
    const nav = doc.getElementsByTagName('nav')[0];
    expect(tagOf(nav)).toBe('NAV');
    // as a browser gives XHTML names (happy-dom's parser gives them in capitals): one ending in a digit too
    for (const name of ['h1', 'p', 'dossier-mark']) expect(tagOf({ tagName: name } as Element)).toBe(name.toUpperCase());
    expect(tagOf(document.createElement('nav'))).toBe('NAV');
    expect(tagOf(document.createElementNS('http://www.w3.org/2000/svg', 'foreignObject'))).toBe('FOREIGNOBJECT');
  });

  it('maps text 2,000 levels deep', () => {
    const root = document.createElement('article');
    let inner: Element = root;
    for (let i = 0; i < 2000; i++) inner = inner.appendChild(document.createElement('div'));
    inner.appendChild(document.createElement('p')).textContent = '市自然资源和规划局局长刘晓军出席活动。';
    document.body.appendChild(root);
    const map = buildTextMap(root, { isVisible: () => true });
    expect(map.text).toBe('市自然资源和规划局局长刘晓军出席活动。');
    expect(map.toRange(11, 14)?.toString()).toBe('刘晓军');
    root.remove();
  });

});
