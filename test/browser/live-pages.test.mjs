// Live pages, in Chromium and Firefox from a fresh profile.
// - An article that grows after load, as live pages and "read more" do: its first paragraph is
//   served, the rest are appended one batch at a time once Dossier has annotated it. The knowledge
//   base ends with the article once and exactly the counts of reading it whole (opening the whole
//   article afterwards is the same reading), the highlights of the first part stay the same objects
//   (only the new part is painted), and in Chromium a service worker stopped halfway (its held
//   texts lost) changes none of that.
// - A page that writes its article only after load is annotated once it has; a section front that
//   grows is looked at again and stays skipped.
// - A single-page app: a list, then an article shown at a new address (history.pushState), then the
//   list again. The article is annotated and recorded at its address; back on the list, nothing is.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitUntil } from '../../scripts/lib/browsers.mjs';
import { serve } from '../../scripts/lib/serve.mjs';
import { newsPage } from '../fixtures/hostile/pages.mjs';
import { askBackground, launch } from './drivers.mjs';
import { STEP_TIMEOUT, requireBrowser } from './helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ARTICLES = JSON.parse(readFileSync(resolve(here, '../fixtures/jiaozuo-2024-02/articles.json'), 'utf8'));
const A01 = ARTICLES.find((a) => a.id.startsWith('a01'));
/** A second article (刘晓军 is in it too), for a page of its own: the first one's text is recorded once, whatever address it is read at. */
const A02 = ARTICLES.find((a) => a.id.startsWith('a02'));
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const PATH = '/news/2024-02/07/';

/** The article's paragraphs as HTML: headline, byline, then `paragraphs`. */
const articleHtml = (paragraphs, a = A01) => [`<h1>${esc(a.headline)}</h1>`, `<p class="byline">${esc(a.byline)}</p>`, ...paragraphs.map((p) => `<p>${esc(p)}</p>`)].join('\n');

/**
 * The first paragraph, and a script that appends the others in `batches` once Dossier has
 * annotated the page and each batch has been taken in (the page's data-dossier-count changed).
 * `window.grow()` appends the next batch; `window.__left` says how many are left.
 */
function growingPage(batches) {
  const [first, ...rest] = A01.paragraphs;
  const groups = batches.map((n, i) => rest.slice(batches.slice(0, i).reduce((s, k) => s + k, 0), batches.slice(0, i + 1).reduce((s, k) => s + k, 0)));
  return newsPage({
    title: A01.headline,
    body: articleHtml([first]),
    after: `<script>
window.__batches = ${JSON.stringify(groups)};
window.__left = window.__batches.length;
window.grow = function () {
  var article = document.querySelector('article');
  var batch = window.__batches.shift();
  if (!batch) return;
  batch.forEach(function (text) { var p = document.createElement('p'); p.textContent = text; article.appendChild(p); });
  window.__left = window.__batches.length;
};
</script>`,
  });
}

/** An article page whose script writes the article only when asked (`window.render()`), as pages rendered in the browser do after load. */
const latePage = () => newsPage({
  title: A02.headline,
  body: '<div id="app">加载中…</div>',
  after: `<script>window.render = function () { document.getElementById('app').innerHTML = ${JSON.stringify(articleHtml(A02.paragraphs, A02)).replace(/</g, '\\u003c')}; };</script>`,
});

/** A section front that lists more headlines when asked (`window.more()`): it grows, and is no article. */
const growingFront = () => `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>时政 - 焦作新闻网</title></head>
<body><header class="site-header"><a href="/">焦作新闻网</a></header>
<main><h2>时政</h2><ul id="list">${A01.paragraphs.slice(0, 3).map((p, i) => `<li><a href="/news/${i}.html">${esc(p.slice(0, 24))}</a></li>`).join('')}</ul></main>
<script>window.more = function () { var ul = document.createElement('ul'); for (var i = 0; i < 30; i++) { var li = document.createElement('li'); li.innerHTML = '<a href="/news/x' + i + '.html">' + document.title + ' 第' + i + '条</a>'; ul.appendChild(li); } document.querySelector('main').appendChild(ul); };</script>
</body></html>`;

/**
 * A single-page app at a news-shaped address: a list of headlines, and `window.go(to)`, which moves
 * to another address as apps do (history.pushState) and draws that view 1.5 s later, as after
 * fetching it: later than the content script hears of the new address (at once where the browser
 * has the Navigation API, within a second where WXT polls), so the view is drawn after Dossier
 * has looked at the page at its new address. `window.VIEWS`: the list and A03's article.
 */
const appPage = () => {
  const A03 = ARTICLES.find((a) => a.id.startsWith('a03'));
  const views = {
    list: { url: `${PATH}app.html`, html: `<h2>自然资源</h2><ul>${ARTICLES.slice(0, 6).map((a, i) => `<li><a href="#${i}">${esc(a.headline)}</a></li>`).join('')}</ul>` },
    article: { url: `${PATH}app-a03.html`, html: `<article>${articleHtml(A03.paragraphs, A03)}</article>` },
  };
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>焦作新闻网</title></head>
<body><header class="site-header"><a href="/">焦作新闻网</a><nav class="main-nav"><a href="/">首页</a><a href="/">时政</a></nav></header>
<main id="view">${views.list.html}</main>
<script>
window.VIEWS = ${JSON.stringify(views).replace(/</g, '\\u003c')};
window.go = function (to) {
  history.pushState({}, '', to.url);
  setTimeout(function () { document.getElementById('view').innerHTML = to.html; }, 1500);
};
</script>
</body></html>`;
};

/** Before any page script: counts how often data-dossier is set (each run of Dossier sets it). */
function countDossierSets() {
  window.__dossierSets = [];
  new MutationObserver((records) => {
    for (const r of records) window.__dossierSets.push(document.documentElement.getAttribute('data-dossier'));
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-dossier'] });
}

for (const kind of ['chromium', 'firefox']) {
  const browser = requireBrowser(kind);
  if (browser.skip) test(`${kind}: live pages`, { skip: browser.skip }, () => {});

  describe(`live pages in ${kind}`, { skip: Boolean(browser.skip), timeout: 8 * STEP_TIMEOUT }, () => {
    let dir;
    let server;
    let driver;
    let control;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'dossier-growing-'));
      writeFileSync(join(dir, 'growing.html'), growingPage([1, 1, 2]));
      writeFileSync(join(dir, 'whole.html'), newsPage({ title: A01.headline, body: articleHtml(A01.paragraphs) }));
      writeFileSync(join(dir, 'late.html'), latePage());
      writeFileSync(join(dir, 'front.html'), growingFront());
      writeFileSync(join(dir, 'app.html'), appPage());
      server = await serve({ dir });
      driver = await launch(kind, browser.path);
      control = await driver.newPage();
      await driver.openExtensionPage(control, 'options.html', () => document.readyState === 'complete');
    }, { timeout: STEP_TIMEOUT });
    after(async () => {
      await driver?.close();
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const ask = async (type, data) => {
      const r = await askBackground(control, type, data);
      if (!r?.ok) throw new Error(`${type}: ${r?.error}`);
      return r.value;
    };
    /** The recorded article at this page's URL, once its mention count is `count`. */
    const recordedWith = (file, count) => waitUntil(async () => {
      const a = (await ask('recentArticles', { limit: 50 })).find((x) => x.url.endsWith(file));
      return a && a.mentionCount === count ? a : null;
    }, { timeout: STEP_TIMEOUT, what: `${file} recorded with ${count} mentions` });
    /** What the page shows: the painted count, and the ranges of each highlighted name. */
    const shown = (page) => page.evaluate(() => {
      const names = {};
      for (const [name, h] of CSS.highlights) {
        if (!name.startsWith('dossier-person')) continue;
        for (const r of h) {
          const text = r.startContainer.data.slice(r.startOffset, r.endOffset); // a StaticRange in one text node
          names[text] = (names[text] ?? 0) + 1;
        }
      }
      return { state: document.documentElement.dataset.dossier, count: Number(document.documentElement.dataset.dossierCount), names };
    });
    /** Waits until Dossier has said the page is no article (or was not read). */
    const skipped = (page, what) => waitUntil(async () => (await shown(page)).state === 'skipped', { timeout: STEP_TIMEOUT, what });
    /** What the page shows once it is annotated with at least one mention. */
    const annotated = (page, what) => waitUntil(async () => {
      const s = await shown(page);
      return s.state === 'article' && s.count > 0 ? s : null;
    }, { timeout: STEP_TIMEOUT, what });

    test('the knowledge base ends with the article once and the counts of reading it whole; the first part is painted once', { timeout: 6 * STEP_TIMEOUT }, async () => {
      const page = await driver.newPage();
      await page.goto(`${server.url}${PATH}growing.html`, { timeout: STEP_TIMEOUT });
      let seen = await annotated(page, 'the first paragraph annotated');
      await recordedWith('growing.html', seen.count);
      // A highlight of the first part, kept in the page's world to see whether it is ever replaced.
      await page.evaluate(() => {
        window.__firstRange = [...(CSS.highlights.get('dossier-person') ?? CSS.highlights.get('dossier-person-known'))][0];
      });

      const firstPartKept = () => page.evaluate(() => [...CSS.highlights].some(([name, h]) => name.startsWith('dossier-person') && h.has(window.__firstRange)));
      for (let batch = 0; await page.evaluate(() => window.__left > 0); batch++) {
        // Chromium stops an idle service worker, and with it what it held: the page sends its text again.
        if (batch === 1 && driver.stopBackground) assert.equal(await driver.stopBackground(), true, 'the service worker was stopped');
        const before = seen.count;
        await page.evaluate(() => window.grow());
        seen = await waitUntil(async () => {
          const s = await shown(page);
          return s.count > before ? s : null;
        }, { timeout: STEP_TIMEOUT, what: `batch ${batch + 1} annotated` });
        await recordedWith('growing.html', seen.count);
        if (batch === 0) assert.equal(await firstPartKept(), true, 'only the new part was painted');
      }
      const grown = await shown(page);
      const stats = await ask('stats');
      assert.equal(stats.articles, 1);
      const liuCard = async () => {
        const { id } = (await ask('search', { query: '刘晓军' })).entities.find((e) => e.type === 'person' && e.name === '刘晓军');
        const { entity } = await ask('entityCardById', { id });
        return { articles: entity.articleCount, mentions: entity.mentionCount };
      };
      const liu = await liuCard();
      assert.deepEqual(liu, { articles: 1, mentions: grown.names['刘晓军'] }, '刘晓军 once per mention on the page');

      // The whole article, served at once, is the same reading: nothing is added or counted again.
      const whole = await driver.newPage();
      await whole.goto(`${server.url}${PATH}whole.html`, { timeout: STEP_TIMEOUT });
      const wholeShown = await annotated(whole, 'the whole article annotated');
      assert.equal(wholeShown.count, grown.count, 'the grown page shows what the whole page shows');
      assert.deepEqual(wholeShown.names, grown.names);
      await new Promise((r) => setTimeout(r, 1000));
      assert.deepEqual(await ask('stats'), stats, 'reading the whole article adds nothing');
      assert.deepEqual(await liuCard(), liu);
      await page.close();
      await whole.close();
    });

    test('an article the page writes after load is annotated; a section front that grows stays skipped', { timeout: 4 * STEP_TIMEOUT }, async () => {
      const late = await driver.newPage();
      await late.goto(`${server.url}${PATH}late.html`, { timeout: STEP_TIMEOUT });
      await skipped(late, 'late.html skipped while it has no article');
      await late.evaluate(() => window.render());
      const lateShown = await annotated(late, 'the article written after load annotated');
      assert.ok(lateShown.names['刘晓军'] > 0, `刘晓军 highlighted: ${JSON.stringify(lateShown.names)}`);
      await recordedWith('late.html', lateShown.count);

      const front = await driver.newPage({ init: countDossierSets });
      await front.goto(`${server.url}${PATH}front.html`, { timeout: STEP_TIMEOUT });
      await skipped(front, 'front.html skipped');
      await front.evaluate(() => window.more());
      // Looked at again once it has grown (within 3 s), and still no article.
      await waitUntil(() => front.evaluate(() => window.__dossierSets.length >= 2), { timeout: STEP_TIMEOUT, what: 'front.html looked at again after it grew' });
      assert.deepEqual(await front.evaluate(() => window.__dossierSets), ['skipped', 'skipped']);
      assert.equal((await ask('recentArticles', { limit: 50 })).some((a) => a.url.endsWith('front.html')), false, 'the section front is not recorded');
      await late.close();
      await front.close();
    });

    test('a single-page app: the article it shows at a new address is annotated and recorded there; back on its list, nothing is', { timeout: 4 * STEP_TIMEOUT }, async () => {
      const page = await driver.newPage();
      await page.goto(`${server.url}${PATH}app.html`, { timeout: STEP_TIMEOUT });
      await skipped(page, 'the list skipped');
      await page.evaluate(() => window.go(window.VIEWS.article));
      const article = await annotated(page, 'the article view annotated');
      await recordedWith('app-a03.html', article.count);
      await page.evaluate(() => window.go(window.VIEWS.list));
      await waitUntil(async () => {
        const s = await shown(page);
        return s.state === 'skipped' && (await page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('dossier-')).length)) === 0;
      }, { timeout: STEP_TIMEOUT, what: 'back on the list: skipped, nothing highlighted' });
      assert.equal((await ask('recentArticles', { limit: 50 })).some((a) => a.url.endsWith('/app.html')), false, 'the list is not recorded');
      await page.close();
    });
  });
}
