// The knowledge base in a real browser (real IndexedDB), from a fresh profile: two bundled
// articles that share an official, the first reopened. It then holds 2 articles and the official
// once, with both articles and his titles at his agency.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { waitUntil } from '../../scripts/lib/browsers.mjs';
import { newsPathFor } from '../../scripts/lib/serve.mjs';
import { askBackground as ask, servedExtension } from './drivers.mjs';
import { STEP_TIMEOUT, requireBrowser } from './helpers.mjs';

const popupReady = () => !!document.querySelector('main[data-ready="true"]');

for (const kind of ['chromium', 'firefox']) {
  const browser = requireBrowser(kind);
  if (browser.skip) test(`${kind}: knowledge base, two articles`, { skip: browser.skip }, () => {});

  describe(`knowledge base from two articles in ${kind}`, { skip: Boolean(browser.skip), timeout: 6 * STEP_TIMEOUT }, () => {
    const env = servedExtension(kind, browser.path);

    test('a01, a02, a01 again: 2 articles, 刘晓军 once with both and his titles at his agency', { timeout: 4 * STEP_TIMEOUT }, async () => {
      for (const id of ['a01-leaders-lecture', 'a02-party-group-meeting', 'a01-leaders-lecture']) {
        const page = await env.driver.newPage();
        await page.goto(env.server.url + newsPathFor(`${id}.html`), { timeout: STEP_TIMEOUT });
        await waitUntil(() => page.evaluate(() => document.documentElement.dataset.dossier === 'article'), { timeout: STEP_TIMEOUT, what: `${id} annotated` });
        // Keep the tab until the reading is recorded (it is sent after painting).
        await new Promise((resolve) => setTimeout(resolve, 500));
        await page.close();
      }
      const popup = await env.driver.newPage();
      await env.driver.openExtensionPage(popup, 'popup.html', popupReady);
      const stats = await waitUntil(async () => {
        const s = (await ask(popup, 'stats'))?.value;
        return s && s.articles >= 2 ? s : null;
      }, { timeout: STEP_TIMEOUT, what: 'two readings recorded' });
      assert.equal(stats.articles, 2, 'reopening a01 counts nothing twice');
      const found = (await ask(popup, 'search', { query: '刘晓军' })).value.entities.filter((e) => e.type === 'person' && e.name === '刘晓军');
      assert.equal(found.length, 1, 'the official once');
      assert.equal(found[0].articleCount, 2);
      const card = (await ask(popup, 'entityCardById', { id: found[0].id })).value;
      assert.deepEqual(card.articles.map((a) => a.url.split('/').pop()).sort(), ['a01-leaders-lecture.html', 'a02-party-group-meeting.html']);
      const bureau = card.titlesByOrg.find((g) => g.org === '焦作市自然资源和规划局');
      assert.ok(bureau, `titles at 焦作市自然资源和规划局: ${JSON.stringify(card.titlesByOrg)}`);
      assert.deepEqual(bureau.titles.map((t) => t.title).sort(), ['党组书记', '局长']);
      await popup.close();
    });
  });
}
