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
function page(title, paragraphs, { lang = 'zh-CN', site = '焦作新闻网' } = {}) {
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: title, datePublished: '2024-03-01T08:00:00+08:00' });
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="${site}">
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

// English names are stored without their spaces ("MariaLopez"): the next article must still find "Maria Lopez".
const en = { lang: 'en', site: 'The Springfield Herald' };
const FIRST_EN = page('Rural lending to grow', [
  'Agriculture Secretary Maria Lopez said on Tuesday that the department would expand rural lending next year.',
  'The program will fund roads, water systems and broadband in more than 300 counties, officials said.',
], en);
const SECOND_EN = page('Farm visits continue', [
  'Maria Lopez visited farms in Iowa on Friday and met growers about the new lending program.',
  'Growers told Maria Lopez that rising costs for feed and fuel had squeezed their margins this year.',
], en);

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
      writeFileSync(join(dir, 'first-en.html'), FIRST_EN);
      writeFileSync(join(dir, 'second-en.html'), SECOND_EN);
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

    /** Reads `first` (its titled person painted as new) and waits until the background has recorded `people` people in all. */
    async function readFirst(file, name, people) {
      const first = await driver.newPage();
      await first.goto(`${server.url}/${file}`);
      await waitUntil(() => first.evaluate(() => document.documentElement.dataset.dossier === 'article'), { timeout: STEP_TIMEOUT, what: `${file} annotated` });
      assert.deepEqual((await personHighlights(first))['dossier-person'], [name]);
      // Recording happens after painting: wait until the background has it.
      await waitUntil(async () => {
        const probe = await driver.newPage();
        await driver.openExtensionPage(probe, 'popup.html', () => !!document.querySelector('main[data-ready="true"]'));
        const n = await probe.evaluate(() => document.querySelector('[data-testid="people-count"]')?.textContent);
        await probe.close();
        return Number(n) >= people;
      }, { timeout: STEP_TIMEOUT, what: `${file} recorded` });
    }

    /** The person highlights of the annotated article `file`. */
    async function readSecond(file) {
      const second = await driver.newPage();
      await second.goto(`${server.url}/${file}`);
      await waitUntil(() => second.evaluate(() => document.documentElement.dataset.dossier === 'article'), { timeout: STEP_TIMEOUT, what: `${file} annotated` });
      return personHighlights(second);
    }

    test('a person read once with a title is known, without one, on the next article', { timeout: 4 * STEP_TIMEOUT }, async () => {
      await readFirst('first.html', '王卫东', 1);
      const highlights = await readSecond('second.html');
      assert.deepEqual(highlights['dossier-person-known'], ['王卫东', '王卫东'], JSON.stringify(highlights));
    });

    test('so is an English name of two words', { timeout: 4 * STEP_TIMEOUT }, async () => {
      await readFirst('first-en.html', 'Maria Lopez', 2);
      const highlights = await readSecond('second-en.html');
      assert.deepEqual(highlights['dossier-person-known'], ['Maria Lopez', 'Maria Lopez'], JSON.stringify(highlights));
    });
  });
}
