// Dossier loaded unpacked in real Chromium (or Google Chrome): annotates an article page,
// leaves a section front alone, and the popup counts the article that was read.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launchChromium } from '../../scripts/lib/browsers.mjs';
import { FIRST_ARTICLE_PATH, serve } from '../../scripts/lib/serve.mjs';
import { ARTIFACTS, KERNEL_BASE64, STEP_TIMEOUT, compileKernel, extensionDir, headless, parseCount, readDossierState, requireBrowser } from './helpers.mjs';

const browser = requireBrowser('chromium');

// A skipped browser shows up in the summary as one skipped test, with the reason.
if (browser.skip) test(`Chromium: all tests`, { skip: browser.skip }, () => {});

describe('Chromium', { skip: Boolean(browser.skip), timeout: 10 * STEP_TIMEOUT }, () => {
  let server;
  let chrome;
  /** Console lines of the pages, printed when a check fails so the failure says why. */
  const logs = [];
  let articlePage;
  /** Every URL a page or the popup asked for that is not the local server or the extension. */
  const offMachine = [];

  before(async () => {
    server = await serve();
    chrome = await launchChromium(extensionDir('chrome'), { headless, executablePath: browser.path, timeout: STEP_TIMEOUT });
    console.log(`# ${chrome.info.version || chrome.executablePath} · extension ${chrome.extensionId}`);
    chrome.context.on('request', (req) => {
      const url = req.url();
      if (!/^(https?:\/\/(127\.0\.0\.1|localhost)[:/]|chrome-extension:|data:|blob:|about:)/.test(url)) offMachine.push(url);
    });
    chrome.context.on('page', (page) => {
      page.on('console', (m) => logs.push(`[${m.type()}] ${page.url()}: ${m.text()}`));
      page.on('pageerror', (e) => logs.push(`[pageerror] ${page.url()}: ${e.message}`));
    });
  }, { timeout: STEP_TIMEOUT });

  after(async () => {
    await chrome?.close();
    await server?.close();
  });

  /** Opens a served page and waits until the content script has said what it made of it. */
  async function openAndWait(path) {
    const page = await chrome.context.newPage();
    await page.goto(server.url + path, { timeout: STEP_TIMEOUT });
    try {
      await page.waitForFunction(() => document.documentElement.dataset.dossier, null, { timeout: STEP_TIMEOUT });
    } catch (err) {
      throw new Error(`no data-dossier on ${path}: the content script did not run or did not finish.\n${logs.join('\n')}`, { cause: err });
    }
    return { page, result: await page.evaluate(readDossierState) };
  }

  test('an article page is annotated with dossier highlights', { timeout: 2 * STEP_TIMEOUT }, async () => {
    const { page, result } = await openAndWait(FIRST_ARTICLE_PATH);
    // Left open: the reading may be recorded after the page is marked, and the popup test counts it.
    articlePage = page;
    await page.screenshot({ path: join(ARTIFACTS, 'article-chromium.png') });
    console.log(`# article: ${JSON.stringify(result)}`);
    assert.equal(result.state, 'article', `data-dossier should be "article"\n${logs.join('\n')}`);
    assert.ok(Number(result.count) > 0, `data-dossier-count should be > 0, got ${result.count}`);
    assert.ok(result.highlightApi, 'CSS.highlights should exist in Chromium');
    const names = Object.keys(result.highlights);
    assert.ok(names.length > 0, 'CSS.highlights should have a dossier-* entry visible to the page');
    assert.ok(Object.values(result.highlights).some((n) => n > 0), `a dossier-* highlight should have ranges: ${JSON.stringify(result.highlights)}`);
  });

  test('a section front page is skipped', { timeout: 2 * STEP_TIMEOUT }, async () => {
    const { page, result } = await openAndWait('/');
    assert.equal(result.state, 'skipped', `index.html is not an article\n${logs.join('\n')}`);
    assert.deepEqual(Object.keys(result.highlights), [], 'nothing highlighted on a skipped page');
    await page.close();
  });

  test('the popup is ready and counts the article read', { timeout: 2 * STEP_TIMEOUT }, async () => {
    const page = await chrome.context.newPage();
    await page.setViewportSize({ width: 420, height: 640 });
    // The reading is recorded through the background after the page is marked; reopen the
    // popup until it shows it rather than guessing how long that takes.
    let count = NaN;
    const end = Date.now() + STEP_TIMEOUT;
    do {
      await page.goto(chrome.popupUrl, { timeout: STEP_TIMEOUT });
      await page.waitForSelector('main[data-ready="true"]', { timeout: STEP_TIMEOUT });
      count = parseCount(await page.textContent('[data-testid="articles-count"]', { timeout: STEP_TIMEOUT }));
      if (count >= 1) break;
      await page.waitForTimeout(500);
    } while (Date.now() < end);
    await page.screenshot({ path: join(ARTIFACTS, 'popup-chromium.png'), fullPage: true });
    assert.ok(count >= 1, `articles count should be >= 1 after reading an article, got ${count}\n${logs.join('\n')}`);
    // The extension pages' policy (the background's too) lets the tagger's WebAssembly kernel compile.
    assert.equal(await page.evaluate(compileKernel, KERNEL_BASE64), 'compiled');
    await page.close();
  });

  test('the background is woken to get ready as a page that may be an article starts loading, and not otherwise', { timeout: 2 * STEP_TIMEOUT }, async () => {
    const worker = chrome.context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    assert.ok(worker, 'the extension has a service worker');
    // What the background is asked from now on, in order (a listener beside Dossier's own).
    await worker.evaluate(() => {
      globalThis.__asked = [];
      chrome.runtime.onMessage.addListener((m) => void globalThis.__asked.push(`${m?.type}:${JSON.stringify(m?.data?.lang ?? null)}`));
    });
    const asked = () => worker.evaluate(() => globalThis.__asked.splice(0));
    /** Opens `url` until the content script says what it made of it; returns what the background was asked meanwhile. */
    const visit = async (url) => {
      const page = await chrome.context.newPage();
      await page.goto(url, { timeout: STEP_TIMEOUT });
      await page.waitForFunction(() => document.documentElement.dataset.dossier, null, { timeout: STEP_TIMEOUT });
      await page.close();
      return asked();
    };
    // The same server under a name this browser never read an article on: a front page's address says nothing of news.
    const elsewhere = server.url.replace('127.0.0.1', 'localhost');
    assert.deepEqual((await visit(`${elsewhere}/`)).filter((a) => a.startsWith('warmUp')), [], 'no warm-up on a front page of a site never read');
    // A news-shaped address: warmed up (the bundled pages declare lang="zh-CN": the Chinese model only) before the article's text comes.
    const types = (await visit(elsewhere + FIRST_ARTICLE_PATH)).map((a) => a.replace(/:.*/, ''));
    assert.ok(types.includes('warmUp') && types.indexOf('warmUp') < types.indexOf('putText'), `warmUp before putText: ${types}`);
    // The article read earlier made 127.0.0.1 a site of news: its front page wakes the background too.
    assert.ok((await worker.evaluate(() => chrome.storage.local.get('newsHosts'))).newsHosts.includes('127.0.0.1'));
    assert.deepEqual((await visit(`${server.url}/`)).filter((a) => a.startsWith('warmUp')), ['warmUp:"zh"']);
  });

  test('messages cross by structured clone, not JSON (the manifest asks it; Chromium 148+)', { timeout: STEP_TIMEOUT }, async (t) => {
    const { major } = chrome.info;
    if (major && major < 148) return t.skip(`Chromium ${major} carries extension messages as JSON whatever the manifest says`);
    const worker = chrome.context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    assert.ok(worker, 'the extension has a service worker');
    // A listener beside Dossier's own says what arrived: JSON would have made the Map a plain {}.
    await worker.evaluate(() => chrome.runtime.onMessage.addListener((m, _sender, reply) => {
      if (!m?.cloneProbe) return undefined;
      reply(Object.prototype.toString.call(m.cloneProbe));
      return true;
    }));
    const page = await chrome.context.newPage();
    try {
      await page.goto(chrome.popupUrl);
      assert.equal(await page.evaluate(() => chrome.runtime.sendMessage({ cloneProbe: new Map([['刘晓军', 1]]) })), '[object Map]');
    } finally {
      await page.close();
    }
  });

  test('nothing was fetched beyond the local server', () => {
    // Dossier promises no network call: reading the fixture pages must stay on this machine.
    assert.deepEqual(offMachine, []);
  });
});
