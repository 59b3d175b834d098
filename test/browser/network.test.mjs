// No network, least privilege, in real Chromium: every request made while Dossier works (the
// service worker, the popup, the options page, the content script on two articles and a card)
// goes to the extension's own files or to the loopback fixture server for the pages the test
// itself opened, and nowhere else. The built manifest asks for only the permissions the README
// justifies and carries a CSP that forbids extension pages any connection.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, waitUntil } from '../../scripts/lib/browsers.mjs';
import { newsPathFor, serve } from '../../scripts/lib/serve.mjs';
import { STEP_TIMEOUT, extensionDir, headless, requireBrowser, hoverPerson } from './helpers.mjs';

/** What the manifest may ask for; README "Permissions" says why each is needed. */
const PERMISSIONS = ['contextMenus', 'storage', 'unlimitedStorage'];

const browser = requireBrowser('chromium');
if (browser.skip) test('chromium: network', { skip: browser.skip }, () => {});

describe('no network, least privilege (chromium)', { skip: Boolean(browser.skip), timeout: 10 * STEP_TIMEOUT }, () => {
  let server;
  let c;
  const requests = [];
  const opened = new Set(['/favicon.ico']);

  before(async () => {
    server = await serve();
    c = await launchChromium(extensionDir('chrome'), { headless, executablePath: browser.path, timeout: STEP_TIMEOUT });
    // Pages, frames and the extension's service worker all report here (playwright-core records
    // service-worker requests in Chromium).
    c.context.on('request', (r) => requests.push({ url: r.url(), from: r.serviceWorker() ? 'service worker' : r.frame()?.url() ?? '?' }));
  }, { timeout: STEP_TIMEOUT });
  after(async () => {
    await c?.close();
    await server?.close();
  });

  test('the manifest asks for storage, unlimitedStorage and contextMenus only, and forbids extension pages any connection', () => {
    for (const target of ['chrome', 'firefox']) {
      const m = JSON.parse(readFileSync(join(extensionDir(target), 'manifest.json'), 'utf8'));
      assert.deepEqual([...m.permissions].sort(), PERMISSIONS, `${target} permissions`);
      assert.equal(m.host_permissions, undefined, `${target}: no host permissions`);
      assert.equal(m.optional_permissions, undefined, `${target}: no optional permissions`);
      assert.equal(m.externally_connectable, undefined, `${target}: no web page may connect`);
      assert.equal(m.web_accessible_resources, undefined, `${target}: no file of ours is reachable from pages`);
      const csp = typeof m.content_security_policy === 'string' ? m.content_security_policy : m.content_security_policy?.extension_pages;
      // Our own files only; 'wasm-unsafe-eval' compiles the tagger's kernel, which ships inside them (no eval).
      assert.match(csp ?? '', /script-src 'self' 'wasm-unsafe-eval'(;|$)/, `${target} CSP: ${csp}`);
      assert.match(csp ?? '', /connect-src 'none'/, `${target} CSP: ${csp}`);
      assert.match(csp ?? '', /object-src 'none'/, `${target} CSP: ${csp}`);
    }
  });

  test('reading two articles, a card, the popup and the options page: only the extension and the pages the test opened', async () => {
    for (const id of ['a01-leaders-lecture', 'a02-party-group-meeting']) {
      const path = newsPathFor(`${id}.html`);
      opened.add(path);
      const page = await c.context.newPage();
      await page.goto(server.url + path, { timeout: STEP_TIMEOUT });
      await waitUntil(() => page.evaluate(() => document.documentElement.dataset.dossier === 'article'), { timeout: STEP_TIMEOUT, what: `${id} annotated` });
      // A card asks the background for the entity: the content script's own traffic.
      await hoverPerson(page, '刘晓军');
      await page.close();
    }
    for (const [path, ready] of [['popup.html', () => !!document.querySelector('main[data-ready="true"]')], ['options.html', () => document.readyState === 'complete']]) {
      const page = await c.context.newPage();
      await page.goto(c.popupUrl.replace('popup.html', path));
      await page.waitForFunction(ready, null, { timeout: STEP_TIMEOUT });
      await page.waitForTimeout(1000);
      if (path === 'options.html') {
        // The CSP holds even against our own code: a fetch from an extension page is refused.
        const fetched = await page.evaluate((u) => fetch(u).then(() => 'fetched', (e) => `refused: ${e.message}`), server.url + newsPathFor('a01-leaders-lecture.html'));
        assert.match(fetched, /^refused/, 'connect-src none');
      }
      await page.close();
    }

    const own = `chrome-extension://${c.extensionId}/`;
    const allowed = (u) => u.startsWith(own) || u.startsWith('data:') || u.startsWith('blob:') || (u.startsWith(`${server.url}/`) && opened.has(new URL(u).pathname));
    const others = requests.filter((r) => !allowed(r.url));
    console.log(`# ${requests.length} requests seen: ${requests.filter((r) => r.url.startsWith(own)).length} to the extension's own files, ${requests.filter((r) => r.url.startsWith(server.url)).length} to the fixture server`);
    assert.deepEqual(others, [], 'requests outside the extension and the pages the test opened');
    assert.ok(requests.some((r) => r.url.startsWith(own)), 'the recorder saw the extension pages load');
  });
});
