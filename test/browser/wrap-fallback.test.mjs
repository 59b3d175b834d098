// Where the CSS Custom Highlight API is missing (Firefox 128–139, which the manifest admits),
// Dossier wraps the mentions in <dossier-mark> elements instead. In Chromium the API is taken out
// of the extension's isolated world through the DevTools protocol before the content script
// paints; Firefox ESR here (153) has it built in with no switch left to turn it off, so there the
// test loads the build made to paint by wrapping (npm run build:firefox:fallback). Either way the
// page's own world keeps the API, so the test can see that nothing was registered there.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { waitUntil } from '../../scripts/lib/browsers.mjs';
import { newsPathFor } from '../../scripts/lib/serve.mjs';
import { servedExtension } from './drivers.mjs';
import { GOLD, STEP_TIMEOUT, goldTally, requireBrowser } from './helpers.mjs';

/** Installed before any page script: the article's text and HTML as parsed, before Dossier runs. */
function keepParsedArticle() {
  document.addEventListener('DOMContentLoaded', () => {
    const article = document.querySelector('article');
    window.__parsed = { text: article?.textContent, html: article?.innerHTML };
  });
}

/** From the page's main world: every mark's kind and text (a name across elements is one mark per element: joined), and where it is. */
function readMarks() {
  const article = document.querySelector('article');
  const out = [];
  for (const m of document.querySelectorAll('dossier-mark')) {
    const name = m.getAttribute('data-dossier-highlight');
    if (name === 'dossier-note') continue;
    const prev = out.at(-1);
    // Pieces of one mention lie in marks in different elements with nothing but markup between them
    // (刘晓 and 军 of <b>刘晓</b>军); two mentions in a row (4宗509亩) are marks side by side.
    const adjacent = prev && prev.name === name && prev.el.parentNode !== m.parentNode && (() => {
      const r = document.createRange();
      r.setStartAfter(prev.el);
      r.setEndBefore(m);
      return r.toString() === '';
    })();
    if (adjacent) {
      prev.text += m.textContent;
      prev.el = m;
    } else out.push({ name, text: m.textContent, el: m, inArticle: !!article?.contains(m), styled: getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)' });
  }
  return out.map(({ el, ...m }) => ({ ...m, type: m.name.replace(/^dossier-/, '').replace(/-known$/, '') }));
}

for (const kind of ['chromium', 'firefox']) {
  const browser = requireBrowser(kind);
  if (browser.skip) test(`${kind}: painting without the Highlight API`, { skip: browser.skip }, () => {});

  describe(`painting without the Highlight API, in ${kind}`, { skip: Boolean(browser.skip), timeout: 8 * STEP_TIMEOUT }, () => {
    const env = servedExtension(kind, browser.path, { fallback: kind === 'firefox' });

    /**
     * Opens an article where Dossier has no Highlight API; resolves once annotated. In Chromium the
     * API is taken out by a DevTools call sent when the extension's world is created: on a busy
     * machine it can land after the content script looked. Such a load is painted with the API and
     * tells nothing about the fallback, so it is made again (at most twice), and said.
     */
    async function readWithoutApi(id) {
      for (let attempt = 1; ; attempt++) {
        const page = await openWithoutApi(id);
        const painting = await page.evaluate(() => document.documentElement.dataset.dossierPainting);
        if (painting === 'wrapped' || kind !== 'chromium' || attempt === 3) return page;
        console.log(`ℹ ${id}: the API was taken out after the content script looked (painting: ${painting ?? 'all'}); loading again`);
        await page.close();
      }
    }

    /** One load of `id` with the API taken out of the extension's world (see readWithoutApi). */
    async function openWithoutApi(id) {
      const page = await env.driver.newPage({ init: keepParsedArticle });
      const removed = [];
      if (kind === 'chromium') {
        const cdp = await page.context().newCDPSession(page);
        cdp.on('Runtime.executionContextCreated', ({ context }) => {
          if (context.auxData?.type !== 'isolated' || !context.origin.startsWith('chrome-extension://')) return;
          removed.push(cdp.send('Runtime.evaluate', { contextId: context.id, expression: 'delete globalThis.Highlight; delete CSS.highlights; typeof Highlight + typeof CSS.highlights' }).then((r) => r.result.value));
        });
        await cdp.send('Runtime.enable');
      }
      await page.goto(env.server.url + newsPathFor(`${id}.html`), { timeout: STEP_TIMEOUT });
      await waitUntil(() => page.evaluate(() => document.documentElement.dataset.dossier), { timeout: STEP_TIMEOUT, what: `data-dossier on ${id}` });
      if (kind === 'chromium') assert.deepEqual(await Promise.all(removed), ['undefinedundefined'], 'the API was taken out of the extension world once');
      return page;
    }

    test('mentions are wrapped in styled marks matching the gold, inside the article, on the same text', { timeout: 4 * STEP_TIMEOUT }, async () => {
      const tally = goldTally();
      for (const article of GOLD) {
        const page = await readWithoutApi(article.id);
        const state = await page.evaluate(() => ({ ...document.documentElement.dataset, painted: [...CSS.highlights.keys()].filter((k) => k.startsWith('dossier-')) }));
        assert.equal(state.dossier, 'article', article.id);
        assert.equal(state.dossierPainting, 'wrapped', `${article.id}: painted by wrapping`);
        assert.deepEqual(state.painted, [], `${article.id}: nothing registered as a highlight`);
        const marks = await page.evaluate(readMarks);
        assert.equal(marks.length, Number(state.dossierCount), `${article.id}: a mark for each mention`);
        assert.deepEqual(marks.filter((m) => !m.inArticle), [], `${article.id}: marks outside the article`);
        assert.deepEqual(marks.filter((m) => !m.styled), [], `${article.id}: marks the sheet does not style`);
        const parsed = await page.evaluate(() => ({ now: document.querySelector('article').textContent, then: window.__parsed.text }));
        assert.equal(parsed.now, parsed.then, `${article.id}: the article reads as before`);
        tally.add(article, marks);
        await page.close();
      }
      tally.check(`${kind} without the Highlight API: mark`, GOLD.length);
    });

    test('hovering a marked name opens its card, Alt+J focuses a mark, pausing gives the page its DOM back', { timeout: 4 * STEP_TIMEOUT }, async () => {
      const page = await readWithoutApi('a01-leaders-lecture');
      const point = await page.evaluate(() => {
        const mark = [...document.querySelectorAll('dossier-mark[data-dossier-highlight^="dossier-person"]')].find((m) => m.textContent === '刘晓军');
        if (!mark) return null;
        mark.scrollIntoView({ block: 'center' });
        const b = mark.getBoundingClientRect();
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      });
      assert.ok(point, '刘晓军 is marked');
      await page.mouse.move(point.x - 30, point.y);
      await page.mouse.move(point.x, point.y, { steps: 3 });
      const card = await waitUntil(() => page.evaluate(() => document.querySelector('dossier-card')?.shadowRoot?.querySelector('[data-testid="entity-card"]')?.textContent), { timeout: STEP_TIMEOUT, what: "刘晓军's card" });
      assert.match(card, /刘晓军/);

      await page.keyboard.press('Escape');
      await page.keyboard.down('Alt');
      await page.keyboard.press('KeyJ');
      await page.keyboard.up('Alt');
      const focused = await waitUntil(() => page.evaluate(() => document.querySelectorAll('dossier-mark[data-dossier-focus]').length), { timeout: STEP_TIMEOUT, what: 'a focused mark' });
      assert.equal(focused, 1);

      const control = await env.driver.newPage();
      await env.driver.openExtensionPage(control, 'options.html', () => document.readyState === 'complete');
      const setEnabled = (on) => control.evaluate((on) => (globalThis.browser ?? chrome).storage.local.set({ settings: { kinds: { person: true, org: true, number: true, date: true }, enabled: on, skipSites: [], alwaysSites: [], palette: 'classic' } }), on);
      await setEnabled(false);
      await waitUntil(() => page.evaluate(() => document.documentElement.dataset.dossier === 'skipped'), { timeout: STEP_TIMEOUT, what: 'paused' });
      const after = await page.evaluate(() => ({ marks: document.querySelectorAll('dossier-mark').length, same: document.querySelector('article').innerHTML === window.__parsed.html }));
      assert.deepEqual(after, { marks: 0, same: true }, 'no mark left, the article HTML as parsed');
      await setEnabled(true);
      await control.close();
      await page.close();
    });
  });
}
