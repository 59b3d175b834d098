// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectArticle } from '@/utils/page/detect-article';
import { buildTextMap } from '@/utils/page/text-map';

const fixture = 'test/fixtures/jiaozuo-2024-02';
const gold = readFileSync(`${fixture}/gold.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; text: string });

function load(html: string) {
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
  return document;
}

describe('a bare paragraph of one text node (handled in place by the walks)', () => {
  it.each(['a01-leaders-lecture', 'a20-mental-health-education'])('%s: detection and text map are what the general walk gives', (id) => {
    const html = readFileSync(`${fixture}/html/${id}.html`, 'utf8');
    // An empty comment in each paragraph gives it a second child: the walks then enter it as any element.
    const general = html.replace(/(<p>[^<]*)(<\/p>)/g, '$1<!---->$2');
    expect(general).not.toBe(html);
    const outcome = (page: string) => {
      const doc = load(page);
      const d = detectArticle(doc, 'http://127.0.0.1/2024-02/07/content_01.html');
      const map = buildTextMap(d.body!, { isVisible: () => true });
      return { isArticle: d.isArticle, score: d.score, reasons: d.reasons, body: d.body ? `${d.body.tagName}.${d.body.className}` : null, text: map.text, nodes: map.segments.map((s) => s.node.data) };
    };
    expect(outcome(html)).toEqual(outcome(general));
  });
});

describe('article detection on the bundled newspaper pages', () => {
  it.each(gold.map((g) => [g.id, g.text]))('%s is an article whose body text is exactly the gold text', (id, text) => {
    const doc = load(readFileSync(`${fixture}/html/${id}.html`, 'utf8'));
    const detection = detectArticle(doc, `http://127.0.0.1/2024-02/07/content_${id.slice(1, 3)}.html`);
    expect(detection.isArticle).toBe(true);
    expect(detection.publishedAt).toBe('2024-02-07');
    const map = buildTextMap(detection.body!, { isVisible: () => true });
    expect(map.text).toBe(text);
  });

  it('does not take the section front page for an article', () => {
    const doc = load(readFileSync(`${fixture}/html/index.html`, 'utf8'));
    const detection = detectArticle(doc, 'http://127.0.0.1/');
    expect(detection.isArticle).toBe(false);
    expect(detection.reasons.join(' ')).toMatch(/CollectionPage/);
  });
});

describe('text map', () => {
  it('maps a name split across elements back to one range', () => {
    document.body.innerHTML = '<article><p>局长<b>刘晓</b>军出席活动。</p><p>第二段</p></article>';
    const map = buildTextMap(document.querySelector('article')!, { isVisible: () => true });
    expect(map.text).toBe('局长刘晓军出席活动。\n第二段');
    const range = map.toRange(2, 5)!;
    expect(range.toString()).toBe('刘晓军');
  });

  it('collapses source whitespace like the browser and maps offsets through it', () => {
    document.body.innerHTML = '<div><p>\n   Antony   Blinken\n said</p></div>';
    const map = buildTextMap(document.querySelector('div')!, { isVisible: () => true });
    expect(map.text).toBe('Antony Blinken said');
    expect(map.toRange(7, 14)!.toString()).toBe('Blinken');
  });

  it('leaves out scripts, form fields, editors, hidden blocks, furniture and our own UI', () => {
    document.body.innerHTML = `<article><p>正文。</p><script>var x = '脚本';</script><textarea>输入</textarea>
      <div contenteditable="true">编辑器</div><p hidden>隐藏</p><nav>导航</nav><aside class="related">相关新闻</aside>
      <dossier-card>卡片</dossier-card><p>结尾。</p></article>`;
    const map = buildTextMap(document.querySelector('article')!, { isVisible: (el) => !(el as HTMLElement).hidden });
    expect(map.text).toBe('正文。\n结尾。');
  });

  it('reads nothing of an editor it starts inside, bare paragraphs included', () => {
    document.body.innerHTML = '<div contenteditable="true"><article><p>编辑中的正文</p><p><b>加粗</b></p></article></div><article id="plain"><p>正文</p></article>';
    expect(buildTextMap(document.querySelector('article')!, { isVisible: () => true }).text).toBe('');
    expect(buildTextMap(document.getElementById('plain')!, { isVisible: () => true }).text).toBe('正文');
  });

  it('walks open shadow roots', () => {
    document.body.innerHTML = '<article><p>开头</p><x-box></x-box></article>';
    const host = document.querySelector('x-box')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>影子里的正文</p>';
    const map = buildTextMap(document.querySelector('article')!, { isVisible: () => true });
    expect(map.text).toBe('开头\n影子里的正文');
    expect(map.toRange(3, 5)!.toString()).toBe('影子');
  });

  it('finds the text offset of a DOM position, for hit-testing', () => {
    document.body.innerHTML = '<p>ab<b>cd</b>ef</p>';
    const map = buildTextMap(document.querySelector('p')!, { isVisible: () => true });
    const b = document.querySelector('b')!.firstChild!;
    expect(map.offsetOf(b, 1)).toBe(3);
  });
});
