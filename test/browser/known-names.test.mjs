// What the knowledge base knows feeds recognition back, in real Chromium and Firefox: a person
// read once with a title is highlighted as known on the next article, where he has no title.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitUntil } from '../../scripts/lib/browsers.mjs';
import { serve } from '../../scripts/lib/serve.mjs';
import { launch } from './drivers.mjs';
import { STEP_TIMEOUT, requireBrowser } from './helpers.mjs';

/** A minimal news article page: declared as one, with the given paragraphs. */
function page(title, paragraphs) {
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: title, datePublished: '2024-03-01T08:00:00+08:00' });
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="焦作新闻网">
<script type="application/ld+json">${ld}</script></head><body><article><h1>${title}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;
}

const FIRST = page('市教育局部署新学期工作', [
  '3月1日，市教育局召开新学期工作部署会。市教育局党组书记、局长王卫东出席会议并讲话，要求各学校扎实做好开学各项准备工作。',
  '会议总结了上学期全市教育系统的工作，安排部署了新学期重点任务，全市共有120所学校参加。',
]);
const SECOND = page('全市中小学开学工作检查', [
  '3月4日，王卫东带队检查全市中小学开学工作，实地查看校园安全和食堂管理情况。',
  '王卫东强调，要把安全放在首位，确保师生平安开学，让家长放心。',
]);

for (const kind of ['chromium', 'firefox']) {
  const browser = requireBrowser(kind);
  if (browser.skip) test(`${kind}: known names`, { skip: browser.skip }, () => {});

  describe(`known names in ${kind}`, { skip: Boolean(browser.skip), timeout: 6 * STEP_TIMEOUT }, () => {
    let dir;
    let server;
    let driver;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'dossier-known-'));
      writeFileSync(join(dir, 'first.html'), FIRST);
      writeFileSync(join(dir, 'second.html'), SECOND);
      writeFileSync(join(dir, 'index.html'), '<!doctype html><title>index</title>');
      server = await serve({ dir });
      driver = await launch(kind, browser.path);
    }, { timeout: STEP_TIMEOUT });
    after(async () => {
      await driver?.close();
      await server?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const personHighlights = (page) =>
      page.evaluate(() => {
        const out = {};
        for (const name of ['dossier-person', 'dossier-person-known']) out[name] = [...(CSS.highlights.get(name) ?? [])].map((r) => r.startContainer.data.slice(r.startOffset, r.endOffset));
        return out;
      });

    test('a person read once with a title is known, without one, on the next article', { timeout: 4 * STEP_TIMEOUT }, async () => {
      const first = await driver.newPage();
      await first.goto(`${server.url}/first.html`);
      await waitUntil(() => first.evaluate(() => document.documentElement.dataset.dossier === 'article'), { timeout: STEP_TIMEOUT, what: 'first article annotated' });
      assert.deepEqual((await personHighlights(first))['dossier-person'], ['王卫东']);
      // Recording happens after painting: wait until the background has it.
      await waitUntil(async () => {
        const probe = await driver.newPage();
        await driver.openExtensionPage(probe, 'popup.html', () => !!document.querySelector('main[data-ready="true"]'));
        const n = await probe.evaluate(() => document.querySelector('[data-testid="people-count"]')?.textContent);
        await probe.close();
        return Number(n) >= 1;
      }, { timeout: STEP_TIMEOUT, what: 'the first reading recorded' });

      const second = await driver.newPage();
      await second.goto(`${server.url}/second.html`);
      await waitUntil(() => second.evaluate(() => document.documentElement.dataset.dossier === 'article'), { timeout: STEP_TIMEOUT, what: 'second article annotated' });
      const highlights = await personHighlights(second);
      assert.deepEqual(highlights['dossier-person-known'], ['王卫东', '王卫东'], JSON.stringify(highlights));
    });
  });
}
