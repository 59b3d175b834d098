// The pictures in the README, taken in real Chromium in English and in Chinese: the card on an
// article, the popup's notes and entity page, the options page. Each run writes them to
// test/artifacts/; `UPDATE_SCREENSHOTS=1` also refreshes the committed copies in test/screenshots/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, waitUntil } from '../../scripts/lib/browsers.mjs';
import { newsPathFor, serve } from '../../scripts/lib/serve.mjs';
import { ARTIFACTS, STEP_TIMEOUT, extensionDir, headless, requireBrowser, hoverPerson, writeCardNote } from './helpers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const COMMITTED = join(root, 'test/screenshots');
const browser = requireBrowser('chromium');
if (browser.skip) test('screenshots', { skip: browser.skip }, () => {});

for (const [lang, locale, notesTab] of [['en', 'en-US', 'Notes'], ['zh', 'zh-CN', '笔记']]) {
  describe(`screenshots in ${lang}`, { skip: Boolean(browser.skip), timeout: 8 * STEP_TIMEOUT }, () => {
    let server;
    let chrome;
    before(async () => {
      server = await serve();
      chrome = await launchChromium(extensionDir('chrome'), { headless, executablePath: browser.path, timeout: STEP_TIMEOUT, locale });
    }, { timeout: STEP_TIMEOUT });
    after(async () => {
      await chrome?.close();
      await server?.close();
    });

    const shoot = async (page, name) => {
      const file = join(ARTIFACTS, `${name}-${lang}.png`);
      await page.screenshot({ path: file });
      if (process.env.UPDATE_SCREENSHOTS === '1') {
        mkdirSync(COMMITTED, { recursive: true });
        copyFileSync(file, join(COMMITTED, `${name}-${lang}.png`));
      }
    };

    test('card, popup and options in the reader\'s language', { timeout: 6 * STEP_TIMEOUT }, async () => {
      for (const id of ['a02-party-group-meeting', 'a04-wuzhi-land-supply', 'a01-leaders-lecture']) {
        const page = await chrome.context.newPage();
        await page.goto(server.url + newsPathFor(`${id}.html`));
        await page.waitForFunction(() => document.documentElement.dataset.dossier === 'article', null, { timeout: STEP_TIMEOUT });
        if (id !== 'a01-leaders-lecture') {
          await page.close();
          continue;
        }
        assert.ok(await hoverPerson(page, '刘晓军'));
        await writeCardNote(page, lang === 'zh' ? '一月起主持局党组工作' : 'Chairs the bureau’s Party group since January');
        await shoot(page, 'card');
        await page.close();
      }

      const popup = await chrome.context.newPage();
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.goto(chrome.popupUrl);
      await popup.waitForSelector('main[data-ready="true"]', { timeout: STEP_TIMEOUT });
      assert.equal(await popup.textContent('[data-testid="tab-notes"]'), notesTab, 'the popup speaks the browser\'s language');
      await popup.click('[data-testid="tab-notes"]');
      await popup.waitForSelector('[data-testid="notes-list"] li', { timeout: STEP_TIMEOUT });
      await shoot(popup, 'popup-notes');
      await popup.click('[data-testid="tab-knowledge"]');
      await popup.waitForSelector('[data-testid="entity-list"] li button', { timeout: STEP_TIMEOUT });
      await popup.click('[data-testid="entity-list"] li button >> text=刘晓军');
      await popup.waitForSelector('[data-testid="entity-page"]', { timeout: STEP_TIMEOUT });
      await shoot(popup, 'popup-entity');

      const options = await chrome.context.newPage();
      await options.setViewportSize({ width: 1000, height: 900 });
      await options.goto(chrome.popupUrl.replace('popup.html', 'options.html'));
      await options.waitForSelector('main[data-ready]', { timeout: STEP_TIMEOUT });
      await options.waitForTimeout(300);
      await shoot(options, 'options');
    });
  });
}
