#!/usr/bin/env node
// `npm start`: the quickest way to see Dossier work. Builds the extension, serves the fixture
// news pages on 127.0.0.1 and opens the first article in a real browser with it loaded.
//   npm start                    Chromium (or Google Chrome)
//   npm start -- --firefox       Firefox
//   npm start -- --headless      no window: wait for the annotation, save a screenshot, print a line, exit
//                                (also the default when there is no DISPLAY)
//   npm start -- --no-build      use the existing .output
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, launchFirefox, waitUntil } from './lib/browsers.mjs';
import { FIRST_ARTICLE_PATH, serve } from './lib/serve.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const firefox = args.has('--firefox');
const headless = args.has('--headless') || !process.env.DISPLAY;
const target = firefox
  ? { name: 'Firefox', script: 'build:firefox', out: '.output/firefox-mv2' }
  : { name: 'Chromium', script: 'build', out: '.output/chrome-mv3' };
const SCREENSHOT = join(root, '.output/start-screenshot.png');
const WAIT_MS = 90_000;

/** One line about what Dossier made of the page, from the page's own view of CSS.highlights. */
function describeState(s) {
  if (s.state !== 'article') return `${s.state ?? 'no data-dossier'} · ${s.state === 'skipped' ? 'not taken for an article' : 'see the browser console'}`;
  const kinds = {};
  for (const [name, size] of Object.entries(s.highlights)) {
    const kind = name.replace(/^dossier-/, '').replace(/-known$/, '');
    kinds[kind] = (kinds[kind] ?? 0) + size;
  }
  const order = ['person', 'org', 'number', 'date'];
  const rank = (k) => order.indexOf(k) + 1 || order.length + 1;
  const names = Object.keys(kinds).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const total = Object.values(kinds).reduce((a, b) => a + b, 0);
  const detail = names.map((k) => `${k} ${kinds[k]}`).join(', ');
  return `article · ${total} highlights${detail ? ` (${detail})` : ''}${s.count != null ? ` · data-dossier-count ${s.count}` : ''}`;
}

function pageState() {
  const el = document.documentElement;
  const highlights = {};
  if (globalThis.CSS && CSS.highlights) for (const [n, h] of CSS.highlights) if (n.startsWith('dossier-')) highlights[n] = h.size;
  return { state: el.dataset.dossier ?? null, count: el.dataset.dossierCount ?? null, highlights };
}

async function main() {
  if (!args.has('--no-build')) {
    console.log(`building for ${target.name} (npm run ${target.script}) …`);
    const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', target.script], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (r.status !== 0) throw new Error(`npm run ${target.script} failed`);
  }
  const server = await serve();
  const url = server.url + FIRST_ARTICLE_PATH;
  let session;
  let page;
  const cleanup = async () => {
    await session?.close().catch(() => {});
    await server.close().catch(() => {});
  };
  try {
    if (firefox) {
      session = await launchFirefox(join(root, target.out), { headless, handleSignals: headless });
      page = (await session.browser.pages())[0] ?? (await session.browser.newPage());
    } else {
      session = await launchChromium(join(root, target.out), { headless, viewport: headless ? undefined : null, handleSignals: headless });
      page = session.context.pages()[0] ?? (await session.context.newPage());
      if (session.info.branded) target.name = 'Google Chrome';
    }
    await page.goto(url);
  } catch (err) {
    await cleanup();
    throw err;
  }

  if (headless) {
    try {
      await waitUntil(() => page.evaluate(() => document.documentElement.dataset.dossier), { timeout: WAIT_MS, what: 'data-dossier on the page' });
      const state = await page.evaluate(pageState);
      mkdirSync(dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT });
      console.log(`${target.name} headless · ${url}`);
      console.log(describeState(state));
      console.log(`screenshot: ${SCREENSHOT}`);
      process.exitCode = state.state === 'article' ? 0 : 1;
    } finally {
      await cleanup();
    }
    return;
  }

  console.log(`${target.name} is open with Dossier loaded on ${url}`);
  console.log(`other pages: ${server.url}/ (section front) and ${server.url}/2024-02/07/content_a02.html … content_a22.html`);
  if (session.popupUrl) console.log(`popup as a page: ${session.popupUrl}`);
  console.log('press Ctrl+C to stop');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping …');
    await cleanup();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Closing the browser window ends the session too.
  if (firefox) session.browser.on('disconnected', stop);
  else session.context.on('close', stop);
}

main().catch((err) => {
  console.error(`npm start failed: ${err.message}`);
  process.exit(1);
});
