// Shared bits of the browser tests: where the build is, where screenshots go, and what a
// missing browser means (a skip on a laptop, a failure on CI).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser, waitUntil } from '../../scripts/lib/browsers.mjs';
import { writeStubExtension } from './stub-extension/stub.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Generous per-step limit: slow CI machines must not fail on time, only on behaviour. */
export const STEP_TIMEOUT = 90_000;

/**
 * The tagger's WebAssembly kernel (base64, from its generated module). The background compiles it; an
 * extension page lives under the same policy (extension_pages), so a test compiles it there.
 */
export const KERNEL_BASE64 = readFileSync(resolve(root, 'utils/recognize/zh/model/decode-kernel.wasm.ts'), 'utf8').match(/atob\('([^']+)'\)/)[1];

/** Runs in a page: 'compiled' when the kernel compiles there (the CSP allows WebAssembly, SIMD is supported), else why not. */
export function compileKernel(base64) {
  try {
    new WebAssembly.Module(Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0)));
    return 'compiled';
  } catch (err) {
    return String(err?.message ?? err);
  }
}

/** The bundled articles' gold: one record a page (`id`, `text`, `entities` with `type` and `text`). */
export const GOLD = readFileSync(resolve(root, 'test/fixtures/jiaozuo-2024-02/gold.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));

/** Multiset F1 of highlighted (or marked) texts against gold texts of one type. */
export function f1(pred, goldTexts) {
  const bag = new Map();
  for (const g of goldTexts) bag.set(g, (bag.get(g) ?? 0) + 1);
  let tp = 0;
  for (const p of pred) if (bag.get(p) > 0) { tp++; bag.set(p, bag.get(p) - 1); }
  const p = pred.length ? tp / pred.length : 0;
  const r = goldTexts.length ? tp / goldTexts.length : 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
}

/**
 * Pools what a test read on each bundled article (items of `{type, text}`: highlights or marks)
 * with that article's gold, then scores person and org F1 over all of them against the 0.9 goal.
 */
export function goldTally() {
  const pred = { person: [], org: [] };
  const expected = { person: [], org: [] };
  return {
    /** Adds one article: what was read on it and its gold entities. */
    add(article, items) {
      for (const type of ['person', 'org']) {
        pred[type].push(...items.filter((m) => m.type === type).map((m) => m.text));
        expected[type].push(...article.entities.filter((e) => e.type === type).map((e) => e.text));
      }
    },
    /** Logs `# {label} F1 against gold.json over {pages} pages: …` and asserts both scores reach 0.9. */
    check(label, pages) {
      const scores = { person: f1(pred.person, expected.person), org: f1(pred.org, expected.org) };
      console.log(`# ${label} F1 against gold.json over ${pages} pages: person ${scores.person.toFixed(3)}, org ${scores.org.toFixed(3)}`);
      assert.ok(scores.person >= 0.9, `person F1 ${scores.person}`);
      assert.ok(scores.org >= 0.9, `org F1 ${scores.org}`);
    },
  };
}

/** Screenshots land here (gitignored) so a failing run can be looked at afterwards. */
export const ARTIFACTS = resolve(root, 'test/artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

/**
 * Where the unpacked build for a browser is: the WXT output, or the stub with DOSSIER_STUB=1.
 * `fallback`: Firefox's build that paints by wrapping (npm run build:firefox:fallback).
 */
export function extensionDir(browser, { fallback = false } = {}) {
  if (process.env.DOSSIER_STUB === '1') return writeStubExtension(browser);
  if (fallback) return resolve(root, '.output/firefox-mv2-fallback');
  return resolve(root, browser === 'firefox' ? '.output/firefox-mv2' : '.output/chrome-mv3');
}

/** Headed only when asked (DOSSIER_HEADED=1) and a display exists. */
export const headless = !(process.env.DOSSIER_HEADED === '1' && process.env.DISPLAY);

/**
 * The browser's path, or the `skip` reason for node:test. On CI (CI=true) a missing browser
 * throws: a green CI run must mean the extension really ran in both browsers. DOSSIER_ONLY
 * (set by `browser-tests.mjs --chromium|--firefox`) skips the other browser on purpose.
 */
export function requireBrowser(kind) {
  const only = process.env.DOSSIER_ONLY;
  if (only && only !== kind) return { path: null, skip: `not selected (--${only} only)` };
  const path = findBrowser()[kind];
  if (path) return { path, skip: false };
  const env = kind === 'firefox' ? 'FIREFOX_PATH' : 'CHROMIUM_PATH';
  const msg = `${kind} not found (install it, e.g. apt-get install ${kind === 'firefox' ? 'firefox-esr' : 'chromium'}, or set ${env})`;
  if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(`CI: ${msg}`);
  console.log(`# SKIP ${msg}`);
  return { path: null, skip: msg };
}

/** Parses the articles count the popup shows ("3", "3 articles", "1,204"). */
export function parseCount(text) {
  const m = /\d[\d,]*/.exec(text ?? '');
  return m ? Number(m[0].replace(/,/g, '')) : NaN;
}

/** Reads the page-level contract from the main world: dataset and dossier-* highlight sizes. */
export function readDossierState() {
  const el = document.documentElement;
  const highlights = {};
  if (globalThis.CSS && CSS.highlights) {
    for (const [name, h] of CSS.highlights) if (name.startsWith('dossier-')) highlights[name] = h.size;
  }
  return {
    state: el.dataset.dossier ?? null,
    count: el.dataset.dossierCount ?? null,
    highlightApi: Boolean(globalThis.CSS && CSS.highlights),
    highlights,
  };
}

/**
 * Moves the pointer onto the person highlight with this text (scrolled into view) and waits for
 * its card. Returns false when no such highlight exists. Works with Playwright and Puppeteer pages.
 */
export async function hoverPerson(page, name) {
  const point = await page.evaluate((name) => {
    for (const kind of ['dossier-person-known', 'dossier-person']) {
      for (const r of CSS.highlights.get(kind) ?? []) {
        // Painted pieces are StaticRanges in one text node: read the text, box a live copy.
        if (r.startContainer.data.slice(r.startOffset, r.endOffset) !== name) continue;
        r.startContainer.parentElement.scrollIntoView({ block: 'center' });
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        const b = live.getBoundingClientRect();
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
    }
    return null;
  }, name);
  if (!point) return false;
  await page.mouse.move(point.x - 30, point.y);
  await page.mouse.move(point.x, point.y, { steps: 3 });
  await waitUntil(() => page.evaluate(() => !!document.querySelector('dossier-card')?.shadowRoot?.querySelector('[data-testid="entity-card"]')), { timeout: STEP_TIMEOUT, what: `${name}'s card` });
  return true;
}

/** Types a note into the open card, saves it, and waits until the card shows it. */
export async function writeCardNote(page, text) {
  await page.evaluate((text) => {
    const input = document.querySelector('dossier-card').shadowRoot.querySelector('[data-testid="note-input"]');
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await waitUntil(() => page.evaluate(() => !document.querySelector('dossier-card').shadowRoot.querySelector('[data-testid="note-save"]').disabled), { what: 'the save button' });
  await page.evaluate(() => document.querySelector('dossier-card').shadowRoot.querySelector('[data-testid="note-save"]').click());
  await waitUntil(() => page.evaluate((text) => document.querySelector('dossier-card').shadowRoot.textContent.includes(text), text), { timeout: STEP_TIMEOUT, what: `the note "${text}" on the card` });
}
