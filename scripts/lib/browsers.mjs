// Launching the system's real browsers with an unpacked build of the extension loaded.
// Chromium/Chrome through playwright-core; stock Firefox through puppeteer-core over
// WebDriver BiDi (Playwright cannot drive stock Firefox). Facts: /work/shared/TOOLCHAIN.md.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

/** The gecko id in the Firefox manifest; the uuid pin below is keyed on it. */
export const GECKO_ID = 'dossier@dossier.invalid';

/** A fixed moz-extension uuid, so the Firefox popup URL is known before the add-on installs. */
export const FIREFOX_UUID = 'd0551e20-0000-4000-8000-00000000d055';

const CHROMIUM_CANDIDATES = ['chromium', 'chromium-browser'];
const CHROME_CANDIDATES = ['google-chrome', 'google-chrome-stable', '/opt/google/chrome/chrome'];
const FIREFOX_CANDIDATES = ['firefox-esr', 'firefox'];

function isExecutable(p) {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function which(name) {
  if (name.includes('/')) return isExecutable(name) ? name : null;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return null;
}

/** Major version and branding of a Chromium-family binary: decides how the extension gets loaded. */
export function chromiumInfo(executablePath) {
  let text = '';
  try {
    text = execFileSync(executablePath, ['--version'], { encoding: 'utf8', timeout: 15_000, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    /* unknown version: treat as plain Chromium */
  }
  const major = Number(/(\d+)\.\d+\.\d+/.exec(text)?.[1] ?? 0);
  const branded = /Google Chrome/i.test(text) && !/for Testing/i.test(text);
  return { version: text.trim(), major, branded };
}

/**
 * Where the browsers are on this machine (env CHROMIUM_PATH / FIREFOX_PATH win), so tests and
 * `npm start` use the system browsers and never download one. Missing ones are null.
 */
export function findBrowser() {
  // An env override is taken at its word: a wrong path means "missing", not "use another one".
  const envChromium = process.env.CHROMIUM_PATH || process.env.CHROME_PATH;
  const chromium = envChromium
    ? which(envChromium)
    : CHROMIUM_CANDIDATES.map(which).find(Boolean) || CHROME_CANDIDATES.map(which).find(Boolean) || null;
  const envFirefox = process.env.FIREFOX_PATH;
  const firefox = envFirefox ? which(envFirefox) : FIREFOX_CANDIDATES.map(which).find(Boolean) || null;
  return { chromium, firefox };
}

const liveProfiles = new Set();
let exitHookInstalled = false;

/** A throwaway profile dir, so no run sees another run's extension storage. */
function tmpProfile(prefix) {
  const dir = mkdtempSync(join(tmpdir(), `dossier-${prefix}-`));
  if (!exitHookInstalled) {
    // Last resort if a caller never gets to close(): a failed hook, a timeout, process.exit().
    process.once('exit', () => liveProfiles.forEach(removeProfile));
    exitHookInstalled = true;
  }
  liveProfiles.add(dir);
  return dir;
}

/** Removes a profile; a browser may still be flushing files into it, so retry and never throw. */
function removeProfile(dir) {
  liveProfiles.delete(dir);
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  } catch {
    /* a leftover temp dir is not worth failing a run for */
  }
}

/**
 * What would make a browser refuse the build: files the manifest names that are missing, or
 * `_locales` without `default_locale` (and the reverse). Chromium refuses such an extension
 * silently and a launcher would wait for a worker that never comes; checking first turns that
 * into an error that says what is wrong.
 */
export function manifestProblems(dir) {
  const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const files = new Set();
  const addIcons = (icons) => {
    if (typeof icons === 'string') files.add(icons);
    else for (const f of Object.values(icons ?? {})) files.add(f);
  };
  addIcons(m.icons);
  for (const key of ['action', 'browser_action', 'page_action']) {
    addIcons(m[key]?.default_icon);
    if (m[key]?.default_popup) files.add(m[key].default_popup);
  }
  if (m.background?.service_worker) files.add(m.background.service_worker);
  for (const f of m.background?.scripts ?? []) files.add(f);
  if (m.background?.page) files.add(m.background.page);
  for (const cs of m.content_scripts ?? []) for (const f of [...(cs.js ?? []), ...(cs.css ?? [])]) files.add(f);
  if (m.options_ui?.page) files.add(m.options_ui.page);
  if (m.options_page) files.add(m.options_page);
  const problems = [...files]
    .map((f) => f.replace(/^\//, ''))
    .filter((f) => !existsSync(join(dir, f)))
    .map((f) => `missing ${f}`);
  const hasLocales = existsSync(join(dir, '_locales'));
  if (hasLocales && !m.default_locale) problems.push('_locales/ exists but manifest has no default_locale');
  if (m.default_locale && !existsSync(join(dir, '_locales', m.default_locale, 'messages.json'))) {
    problems.push(`default_locale is "${m.default_locale}" but _locales/${m.default_locale}/messages.json is missing`);
  }
  return problems;
}

function assertExtensionDir(extDir) {
  const abs = resolve(extDir);
  if (!existsSync(join(abs, 'manifest.json'))) {
    throw new Error(`no manifest.json in ${abs}: build the extension first (npm run build / npm run build:firefox)`);
  }
  const problems = manifestProblems(abs);
  if (problems.length) throw new Error(`the build in ${abs} would be refused: ${problems.join('; ')}`);
  return abs;
}

/** Flags that keep Chromium quiet and offline: only the loopback server is ever contacted. */
export const QUIET_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--metrics-recording-only',
];

/**
 * Launches Chromium (or Google Chrome) with the unpacked extension at `extDir`.
 * Plain Chromium gets `--load-extension`; branded Chrome 137+ ignores that flag, so there the
 * extension goes in over CDP `Extensions.loadUnpacked` (`load: 'cdp'` forces that route).
 * Returns `{ context, extensionId, popupUrl, executablePath, info, close }`.
 */
export async function launchChromium(extDir, { headless = true, executablePath, load = 'auto', timeout = 60_000, viewport, handleSignals = true, locale } = {}) {
  const { chromium } = await import('playwright-core');
  const abs = assertExtensionDir(extDir);
  const exe = executablePath ?? findBrowser().chromium;
  if (!exe) throw new Error('no Chromium or Google Chrome found (set CHROMIUM_PATH)');
  const info = chromiumInfo(exe);
  const viaCdp = load === 'cdp' || (load === 'auto' && info.branded && info.major >= 137);
  const profile = tmpProfile('chromium');
  // navigator.language follows the profile's accept-languages (Debian's Chromium ships only the
  // en-US UI pack, so --lang alone does not change it).
  if (locale) {
    mkdirSync(join(profile, 'Default'), { recursive: true });
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ intl: { accept_languages: locale } }));
  }
  const args = viaCdp
    ? ['--enable-unsafe-extension-debugging', ...QUIET_CHROMIUM_ARGS]
    : [`--disable-extensions-except=${abs}`, `--load-extension=${abs}`, ...QUIET_CHROMIUM_ARGS];
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: exe,
      headless,
      args,
      ignoreDefaultArgs: viaCdp ? ['--disable-extensions'] : undefined,
      viewport: viewport === undefined ? { width: 1280, height: 900 } : viewport,
      timeout,
      // false: the caller's own Ctrl+C handler closes the browser and removes the profile.
      handleSIGINT: handleSignals,
      handleSIGTERM: handleSignals,
      handleSIGHUP: handleSignals,
    });
    let extensionId;
    if (viaCdp) {
      const browser = context.browser();
      if (!browser) throw new Error('no browser handle for the CDP loadUnpacked route');
      const cdp = await browser.newBrowserCDPSession();
      const res = await cdp.send('Extensions.loadUnpacked', { path: abs });
      extensionId = res.id;
      await cdp.detach().catch(() => {});
    } else {
      const isExt = (w) => w.url().startsWith('chrome-extension://');
      const worker =
        context.serviceWorkers().find(isExt) ??
        (await context.waitForEvent('serviceworker', { predicate: isExt, timeout }).catch((err) => {
          throw new Error(`Chromium started no service worker for ${abs} (it refused the extension, or it has no background)`, { cause: err });
        }));
      extensionId = new URL(worker.url()).host;
    }
    const close = async () => {
      await context.close().catch(() => {});
      removeProfile(profile);
    };
    return { context, extensionId, popupUrl: `chrome-extension://${extensionId}/popup.html`, executablePath: exe, info, close };
  } catch (err) {
    await context?.close().catch(() => {});
    removeProfile(profile);
    throw err;
  }
}

/** Prefs that stop Firefox phoning home, so only the loopback server is contacted. */
const QUIET_FIREFOX_PREFS = {
  'app.update.enabled': false,
  'app.normandy.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.search.update': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'toolkit.telemetry.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'xpinstall.signatures.required': false,
};

/**
 * Launches Firefox (ESR) through puppeteer-core over WebDriver BiDi and installs the
 * extension at `extDir` (a folder or a .zip) as a temporary add-on. The moz-extension uuid is
 * pinned so the popup URL is known. Returns `{ browser, addonId, uuid, popupUrl, close }`.
 */
export async function launchFirefox(extDir, { headless = true, executablePath, geckoId, uuid = FIREFOX_UUID, timeout = 60_000, handleSignals = true } = {}) {
  const puppeteer = (await import('puppeteer-core')).default;
  const abs = resolve(extDir);
  if (!abs.endsWith('.zip')) assertExtensionDir(abs);
  const id = geckoId ?? readGeckoId(abs) ?? GECKO_ID;
  const exe = executablePath ?? findBrowser().firefox;
  if (!exe) throw new Error('no Firefox found (set FIREFOX_PATH)');
  const profile = tmpProfile('firefox');
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: exe,
      headless,
      userDataDir: profile,
      args: ['--remote-allow-system-access'],
      defaultViewport: { width: 1280, height: 900 },
      protocolTimeout: timeout,
      timeout,
      handleSIGINT: handleSignals,
      handleSIGTERM: handleSignals,
      handleSIGHUP: handleSignals,
      extraPrefsFirefox: {
        ...QUIET_FIREFOX_PREFS,
        'extensions.webextensions.uuids': JSON.stringify({ [id]: uuid }),
      },
    });
    const addonId = await browser.installExtension(abs);
    const close = async () => {
      await browser.close().catch(() => {});
      removeProfile(profile);
    };
    return { browser, addonId, uuid, popupUrl: `moz-extension://${uuid}/popup.html`, executablePath: exe, close };
  } catch (err) {
    await browser?.close().catch(() => {});
    removeProfile(profile);
    throw err;
  }
}

function readGeckoId(dir) {
  try {
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    return m.browser_specific_settings?.gecko?.id ?? m.applications?.gecko?.id ?? null;
  } catch {
    return null;
  }
}

/**
 * Opens a moz-extension:// page in a Puppeteer Firefox tab. Puppeteer never reports that
 * navigation as finished, so this does not await `goto`; it polls until the page's URL is there
 * and `ready` (evaluated in the page) is truthy. Returns the page.
 */
export async function openFirefoxExtensionPage(page, url, { ready = () => document.readyState === 'complete', timeout = 60_000 } = {}) {
  page.goto(url).catch(() => {});
  return waitUntil(async () => (await page.evaluate(() => location.href)).startsWith(url) && (await page.evaluate(ready)), {
    timeout,
    what: `${url} to load`,
  }).then(() => page);
}

/**
 * Polls `check` (async, may throw while a tab changes process) until it returns a truthy value,
 * which is returned. Used instead of fixed sleeps: fast when the browser is fast, patient when not.
 */
export async function waitUntil(check, { timeout = 60_000, interval = 200, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let lastErr;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (err) {
      lastErr = err;
    }
    if (Date.now() > end) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${lastErr ? ` (last error: ${lastErr.message})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}
