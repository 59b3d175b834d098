// One small API over both browsers for the tests that do the same things in each: open pages
// (optionally with a probe installed before the page's scripts), open extension pages, close.
import { after, before } from 'node:test';
import { launchChromium, launchFirefox, openFirefoxExtensionPage } from '../../scripts/lib/browsers.mjs';
import { serve } from '../../scripts/lib/serve.mjs';
import { STEP_TIMEOUT, extensionDir, headless } from './helpers.mjs';

/**
 * For the enclosing describe block: serves the bundled news pages and launches `kind` with the built
 * extension before its tests, closes both after them. Read `server` and `driver` off the result.
 */
export function servedExtension(kind, executablePath, options = {}) {
  const env = { server: null, driver: null };
  before(async () => {
    env.server = await serve();
    env.driver = await launch(kind, executablePath, options);
  }, { timeout: STEP_TIMEOUT });
  after(async () => {
    await env.driver?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * Launches the built extension in `kind` ('chromium' | 'firefox') with a fresh profile; `fallback`:
 * Firefox's build that paints by wrapping (see extensionDir).
 */
export async function launch(kind, executablePath, { fallback = false } = {}) {
  if (kind === 'chromium') {
    const c = await launchChromium(extensionDir('chrome'), { headless, executablePath, timeout: STEP_TIMEOUT });
    const base = c.popupUrl.replace(/popup\.html$/, '');
    return {
      kind,
      newPage: async ({ init } = {}) => {
        const page = await c.context.newPage();
        if (init) await page.addInitScript(init);
        return page;
      },
      /** Opens an extension page (popup.html, options.html) and waits until `ready` holds in it. */
      openExtensionPage: async (page, path, ready) => {
        await page.goto(base + path);
        await page.waitForFunction(ready, null, { timeout: STEP_TIMEOUT });
        return page;
      },
      /**
       * Stops the extension's service worker, as Chromium does to an idle MV3 worker: whatever it
       * held in memory is gone, and the next message starts it afresh. True once a fresh worker
       * answers (a mark set in the old one is gone).
       */
      stopBackground: async () => {
        const worker = () => c.context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
        await worker()?.evaluate(() => (globalThis.__dossierTestMark = 1));
        const page = await c.context.newPage();
        await page.goto(base + 'options.html');
        const cdp = await c.context.newCDPSession(page);
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        await cdp.detach().catch(() => {});
        await page.evaluate(() => chrome.runtime.sendMessage({ dossier: 1, type: 'ping' }));
        await page.close();
        return (await worker()?.evaluate(() => globalThis.__dossierTestMark)) === undefined;
      },
      close: () => c.close(),
    };
  }
  const f = await launchFirefox(extensionDir('firefox', { fallback }), { headless, executablePath, timeout: STEP_TIMEOUT });
  const base = f.popupUrl.replace(/popup\.html$/, '');
  return {
    kind,
    newPage: async ({ init } = {}) => {
      const page = await f.browser.newPage();
      if (init) await page.evaluateOnNewDocument(init);
      return page;
    },
    openExtensionPage: (page, path, ready) => openFirefoxExtensionPage(page, base + path, { ready, timeout: STEP_TIMEOUT }),
    close: () => f.close(),
  };
}

/**
 * One protocol request from an extension page, answered as the background replies ({ok, value} or
 * {ok:false, error}). The answer crosses as JSON: WebDriver BiDi (Firefox) cuts deep objects.
 */
export async function askBackground(page, type, data) {
  const json = await page.evaluate(
    async ([type, data]) => JSON.stringify(await (globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ dossier: 1, type, data })) ?? 'null',
    [type, data],
  );
  return JSON.parse(json);
}
