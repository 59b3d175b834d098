// Reading with Dossier in real Chromium and Firefox: highlights match the gold of the bundled
// newspaper page and stay inside the article, the page's own DOM is left alone, the knowledge
// base remembers an official across two articles, and his card opens on hover and takes a note.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { waitUntil } from '../../scripts/lib/browsers.mjs';
import { servedExtension } from './drivers.mjs';
import { newsPathFor } from '../../scripts/lib/serve.mjs';
import { ARTIFACTS, GOLD, STEP_TIMEOUT, goldTally, parseCount, requireBrowser, hoverPerson, writeCardNote } from './helpers.mjs';

/** Installed before any page script: counts every DOM change inside the article. */
function installProbe() {
  const probe = (window.__dossierProbe = { mutations: 0, seen: [] });
  const count = (records) => {
    for (const r of records) {
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (el && el.closest && el.closest('article')) {
        probe.mutations++;
        if (probe.seen.length < 5) probe.seen.push(`${r.type} ${el.tagName} ${r.attributeName ?? ''}`);
      }
    }
  };
  const observer = new MutationObserver(count);
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  // The parser's own insertions are not ours: records still queued when the document is parsed are
  // its (their delivery may come after this event), so drop them and count from here.
  document.addEventListener('DOMContentLoaded', () => { observer.takeRecords(); probe.mutations = 0; probe.seen = []; });
}

/** From the page's main world: every dossier-* highlight with its kind, text and whether it is in the article. */
function readHighlights() {
  const out = [];
  const article = document.querySelector('article');
  for (const [name, h] of CSS.highlights) {
    if (!name.startsWith('dossier-') || name === 'dossier-focus') continue;
    const type = name.replace(/^dossier-/, '').replace(/-known$/, '');
    // Each painted piece is a StaticRange inside one text node.
    for (const r of h) out.push({ type, text: r.startContainer.data.slice(r.startOffset, r.endOffset), inArticle: !!article && article.contains(r.startContainer) });
  }
  return out;
}


for (const kind of ['chromium', 'firefox']) {
  const browser = requireBrowser(kind);
  if (browser.skip) test(`${kind}: reading tests`, { skip: browser.skip }, () => {});

  describe(`reading in ${kind}`, { skip: Boolean(browser.skip), timeout: 20 * STEP_TIMEOUT }, () => {
    const env = servedExtension(kind, browser.path);

    /** Opens one bundled article and waits until Dossier annotated it. */
    async function read(id, { probe = false } = {}) {
      const page = await env.driver.newPage(probe ? { init: installProbe } : {});
      await page.goto(env.server.url + newsPathFor(`${id}.html`), { timeout: STEP_TIMEOUT });
      await waitUntil(() => page.evaluate(() => document.documentElement.dataset.dossier), { timeout: STEP_TIMEOUT, what: `data-dossier on ${id}` });
      assert.equal(await page.evaluate(() => document.documentElement.dataset.dossier), 'article', id);
      return page;
    }

    async function popupCounts() {
      const page = await env.driver.newPage();
      await env.driver.openExtensionPage(page, 'popup.html', () => !!document.querySelector('main[data-ready="true"]'));
      const counts = {};
      for (const key of ['articles', 'people', 'orgs', 'notes']) counts[key] = parseCount(await page.evaluate((k) => document.querySelector(`[data-testid="${k}-count"]`)?.textContent, key));
      await page.close();
      return counts;
    }

    test('on every bundled article, the highlights match the gold and stay inside the article', { timeout: 10 * STEP_TIMEOUT }, async () => {
      const tally = goldTally();
      for (const article of GOLD) {
        const page = await read(article.id);
        const highlights = await page.evaluate(readHighlights);
        const outside = highlights.filter((h) => !h.inArticle);
        assert.deepEqual(outside, [], `${article.id}: highlights outside the article`);
        tally.add(article, highlights);
        await page.close();
      }
      tally.check(`${kind}: highlight`, GOLD.length);
    });

    test('the knowledge base holds an official once, with both articles and his titles at his agency', { timeout: 4 * STEP_TIMEOUT }, async () => {
      for (const id of ['a01-leaders-lecture', 'a02-party-group-meeting', 'a01-leaders-lecture']) await (await read(id)).close();
      // Reading is recorded after painting: wait until the popup shows it.
      const counts = await waitUntil(async () => {
        const c = await popupCounts();
        return c.articles >= 22 ? c : null;
      }, { timeout: STEP_TIMEOUT, what: 'the popup to count the articles' });
      assert.equal(counts.articles, 22, 'the 22 pages read above, each once, a01 and a02 not twice');
    });

    test('hovering 刘晓军 opens his card with both articles, the page sees no DOM change, a note is stored', { timeout: 4 * STEP_TIMEOUT }, async () => {
      const page = await read('a01-leaders-lecture', { probe: true });
      assert.ok(await hoverPerson(page, '刘晓军'), '刘晓军 is highlighted');
      const card = await waitUntil(() => page.evaluate(() => {
        const root = document.querySelector('dossier-card')?.shadowRoot;
        const el = root?.querySelector('[data-testid="entity-card"]');
        return el ? { text: el.textContent, articles: [...root.querySelectorAll('[data-testid="card-articles"] li a')].map((a) => a.textContent) } : null;
      }), { timeout: STEP_TIMEOUT, what: "刘晓军's card" });
      await page.screenshot({ path: join(ARTIFACTS, `card-${kind}.png`) });
      assert.match(card.text, /刘晓军/);
      assert.match(card.text, /焦作市自然资源和规划局/);
      assert.match(card.text, /党组书记/);
      assert.equal(card.articles.length, 2, `both articles on the card: ${JSON.stringify(card.articles)}`);

      await writeCardNote(page, '市自然资源和规划局的一把手');

      const probe = await page.evaluate(() => window.__dossierProbe);
      assert.equal(probe.mutations, 0, `no DOM change inside the article: ${probe.seen.join('; ')}`);
      await page.close();
      const counts = await popupCounts();
      assert.equal(counts.notes, 1);
    });
  });
}
