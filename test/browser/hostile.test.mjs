// Hostile pages in real Chromium and Firefox (test/fixtures/hostile/pages.mjs): 5 MB of text,
// 200,000 nodes, 2,000 levels of nesting, text that changes every 16 ms, a body replaced during
// annotation, shadow roots, iframes, editors, a page that replaces DOM and platform functions in
// its own world, a page that pretends to be Dossier, a strict CSP, XHTML, pages that never finish
// loading, a PDF. On each: the page stays responsive, nothing of ours throws, data-dossier tells
// the truth, the knowledge base gets the page's genuine entities and nothing else and loses
// nothing, and the page's scripts see no DOM change from us inside the article.
//
// How "long tasks caused by us" are attributed: the page is opened with Dossier paused (settings
// `enabled: false`, so the content script only says "skipped"), left to settle, and the longest
// task of the page's own in that quiet window is taken as its baseline. Then Dossier is switched
// on (storage change → the content script annotates) and every long task from that moment until
// a second after data-dossier is written is ours unless the page's baseline shows tasks as long.
// Chromium reports tasks through PerformanceObserver('longtask'); Firefox has no such API, so a
// 10 ms heartbeat in the page measures how late the main thread answers instead.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitUntil } from '../../scripts/lib/browsers.mjs';
import { serve } from '../../scripts/lib/serve.mjs';
import { CANARIES, CONTENTS_NAME, LONG_TAIL_NAME, OPEN_SHADOW_NAME, neverEndsHead, writeHostilePages } from '../fixtures/hostile/pages.mjs';
import { launch } from './drivers.mjs';
import { STEP_TIMEOUT, requireBrowser } from './helpers.mjs';

/** The longest task of ours a page may see, in ms. */
const BUDGET_MS = 50;
/** How long the page is left alone, paused, before Dossier is switched on. */
const SETTLE_MS = 800;
/** How long after data-dossier is written the window of ours stays open (painting, records). */
const QUIET_MS = 1000;

const PATH = '/news/2024-02/07/';
const ALL_CANARIES = Object.values(CANARIES);

/**
 * Each page, what the truth about it is, and what else to check there. `truth` is what
 * data-dossier must say (or the list of what it may say); null: our content script does not run
 * there at all (no attribute).
 * `fresh`: opened with Dossier on from the start instead of paused and switched on, for pages
 * whose trouble is in how they load.
 * `windowed`: so many mentions that only those near the viewport are painted (paint-window.ts);
 * every other article page has all of its mentions registered.
 */
const PAGES = [
  { file: 'big-text.html', truth: 'article', what: '5 MB of text', windowed: true },
  { file: 'many-nodes.html', truth: 'article', what: '200,000 nodes', windowed: true },
  { file: 'deep-nesting.html', truth: 'article', what: '2,000 levels deep' },
  { file: 'long-styled.html', truth: 'article', what: '1,500 bare paragraphs, text its style sheets hide', windowed: true, expectNames: [LONG_TAIL_NAME] },
  { file: 'ticker.html', truth: 'article', what: 'text changing every 16 ms' },
  { file: 'body-replaced.html', truth: 'article', what: 'body replaced during annotation' },
  { file: 'shadow-roots.html', truth: 'article', what: 'open and closed shadow roots', expectNames: [OPEN_SHADOW_NAME] },
  { file: 'iframes.html', truth: 'article', what: 'same-origin and srcdoc iframes' },
  { file: 'editors.html', truth: 'article', what: 'contenteditable, textarea, text the style sheet hides and text in a display:contents box', expectNames: [CONTENTS_NAME] },
  { file: 'overrides.html', truth: 'article', what: 'Node.prototype, getSelection, MutationObserver, CSS replaced' },
  { file: 'forged-messages.html', truth: 'article', what: 'messages pretending to be Dossier' },
  { file: 'csp.html', truth: 'article', what: "CSP default-src 'none'; style-src 'none'" },
  { file: 'article.xhtml', truth: 'article', what: 'XHTML (application/xhtml+xml)' },
  { file: 'never-loads.html', truth: 'article', what: 'load event never fires' },
  // Still loading: a browser that runs document_idle scripts only after parsing never runs ours (nothing to say); one that does must find the article.
  { file: 'never-ends.html', truth: [null, 'article'], fresh: true, what: 'HTML response never ends' },
  // Chromium's viewer is an HTML document at the PDF's URL, where ours runs and finds no article; Firefox's pdf.js takes no content scripts.
  { file: 'doc.pdf', truth: [null, 'skipped'], fresh: true, what: 'a PDF' },
];

/** Server hooks: the CSP header, an image and a document whose responses never end. */
function hooks(dir, hanging) {
  return async (req, res, pathname) => {
    const base = pathname.split('/').pop();
    if (base === 'csp.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'none'", 'cache-control': 'no-store' });
      res.end(await readFile(join(dir, 'csp.html')));
      return true;
    }
    if (base === 'hang.png' || base === 'never-ends.html') {
      hanging.add(res);
      res.writeHead(200, { 'content-type': base === 'hang.png' ? 'image/png' : 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      if (base === 'never-ends.html') res.write(neverEndsHead());
      else res.write(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      res.on('close', () => hanging.delete(res));
      return true;
    }
    return false;
  };
}

/**
 * Installed before any page script: long tasks, a heartbeat, DOM changes inside the article
 * (the page's own live parts, marked data-page-owned, left out), every write of data-dossier,
 * and the real highlight registry, kept before a page can replace `CSS`.
 */
function installProbe() {
  // The page may replace any of these (overrides.html does): keep the originals.
  const MO = MutationObserver;
  const closest = Element.prototype.closest;
  const getAttribute = Element.prototype.getAttribute;
  const tagName = Object.getOwnPropertyDescriptor(Element.prototype, 'tagName').get;
  const getRootNode = Node.prototype.getRootNode;
  const registry = globalThis.CSS && CSS.highlights;
  const now = () => performance.now();
  const probe = (window.__probe = { tasks: [], gaps: [], mutations: 0, seen: [], dossierSets: [], pageErrors: [], parsed: false });
  const add = (list, item) => { list[list.length] = item; };
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) add(probe.tasks, { start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });
  } catch { /* Firefox: no longtask */ }
  let last = now();
  setInterval(() => {
    const t = now();
    const late = t - last - 10;
    if (late > 15) add(probe.gaps, { start: last, duration: late });
    last = t;
  }, 10);
  const observer = new MO((records) => count(records));
  // Records still queued at DOMContentLoaded are the parser's: count them as such, then start.
  document.addEventListener('DOMContentLoaded', () => { count(observer.takeRecords()); probe.parsed = true; });
  const count = (records) => {
    for (const r of records) {
      if (r.type === 'attributes' && r.target === document.documentElement) {
        if (r.attributeName === 'data-dossier') add(probe.dossierSets, { t: now(), value: getAttribute.call(document.documentElement, 'data-dossier') });
        continue;
      }
      if (!probe.parsed) continue; // the parser's own insertions
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (!el || !closest.call(el, 'article') || closest.call(el, '[data-page-owned]')) continue;
      // A page script replacing the body moves whole subtrees in: not a change inside the article.
      if (r.type === 'childList' && tagName.call(el) === 'BODY') continue;
      probe.mutations++;
      if (probe.seen.length < 5) add(probe.seen, `${r.type} ${tagName.call(el)} ${r.attributeName ?? ''}`);
    }
  };
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  addEventListener('error', (e) => add(probe.pageErrors, `${e.message} @ ${e.filename}`));
  addEventListener('unhandledrejection', (e) => add(probe.pageErrors, `unhandled rejection: ${e.reason}`));

  /** Long tasks (or heartbeat gaps) starting in [from, to]. */
  probe.longest = (from, to) => {
    let max = 0;
    for (const list of [probe.tasks, probe.gaps]) for (const e of list) if (e.start >= from && e.start <= to && e.duration > max) max = e.duration;
    return max;
  };
  /**
   * Scrolls through the page three viewports at a time (what is painted reaches a viewport above
   * and below, so the stops leave nothing out) and, at each stop, counts the registered ranges far
   * from the viewport (more than two viewports away) and those in it. A 5 MB page is a thousand
   * stops and can take minutes: each call sweeps on for at most `budgetMs` from where the last one
   * stopped (one protocol call that long timed out in Firefox), and says whether the end was reached.
   * `sweepResult` then gives the stops and how many distinct ranges were painted over the sweep.
   */
  let sweep = null;
  probe.sweep = async (budgetMs) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    sweep ??= { ids: new WeakMap(), nextId: 0, seen: new Set(), stops: [], y: 0, done: false };
    const s = sweep;
    const article = document.querySelector('article');
    const step = innerHeight * 3 - 40;
    const until = performance.now() + budgetMs;
    while (!s.done && performance.now() < until) {
      scrollTo(0, s.y);
      await frame();
      await frame();
      await frame();
      const view = { top: 0, bottom: innerHeight };
      const a = article.getBoundingClientRect();
      const stop = { y: scrollY, ranges: 0, far: 0, inView: 0, articleInView: a.top < view.bottom - 50 && a.bottom > view.top + 50 };
      for (const [name, h] of registry) {
        if (!name.startsWith('dossier-') || name === 'dossier-note' || name === 'dossier-focus') continue;
        for (const r of h) {
          stop.ranges++;
          if (!s.ids.has(r.startContainer)) s.ids.set(r.startContainer, s.nextId++);
          s.seen.add(`${s.ids.get(r.startContainer)}:${r.startOffset}-${r.endOffset}`);
          const live = document.createRange();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          const box = live.getBoundingClientRect();
          if (box.bottom < view.top - 2 * innerHeight || box.top > view.bottom + 2 * innerHeight) stop.far++;
          if (box.bottom > view.top && box.top < view.bottom) stop.inView++;
        }
      }
      s.stops.push(stop);
      s.y += step;
      if (scrollY + innerHeight >= document.documentElement.scrollHeight - 2 || s.stops.length > 2000) s.done = true;
    }
    if (s.done) {
      scrollTo(0, 0);
      await frame();
    }
    return s.done;
  };
  probe.sweepResult = () => ({ stops: sweep?.stops ?? [], painted: sweep?.seen.size ?? 0 });
  /** Every dossier-* highlight: how many ranges, whether all are in the live document, inside the article, outside editors. */
  probe.highlights = () => {
    const out = { names: {}, ranges: 0, detached: 0, outside: 0, inEditors: 0, outsideTexts: [] };
    if (!registry) return out;
    /** The node's element, or its shadow host's, climbing out of shadow roots. */
    const lightElement = (node) => {
      let el = node.nodeType === 1 ? node : node.parentElement;
      for (let root = el && getRootNode.call(el); root && root !== document && root.host; root = getRootNode.call(root.host)) el = root.host;
      return el;
    };
    for (const [name, h] of registry) {
      if (!name.startsWith('dossier-')) continue;
      out.names[name] = h.size;
      for (const r of h) {
        out.ranges++;
        const node = r.startContainer;
        const light = lightElement(node);
        // A range on nodes the page removed collapses onto their old parent: stale as well.
        if (!node.isConnected || r.collapsed) out.detached++;
        else if (!light || !closest.call(light, 'article')) {
          out.outside++;
          if (out.outsideTexts.length < 5) add(out.outsideTexts, `${String(node.data).slice(r.startOffset, r.endOffset)} in ${tagName.call(light)}.${getAttribute.call(light, 'class')}`);
        }
        const el = node.nodeType === 1 ? node : node.parentElement;
        if (el && closest.call(el, '[contenteditable], textarea, input')) out.inEditors++;
      }
    }
    return out;
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Rows of the summary table printed at the end. */
const rows = [];

for (const kind of ['chromium', 'firefox']) {
  const browser = requireBrowser(kind);
  if (browser.skip) test(`${kind}: hostile pages`, { skip: browser.skip }, () => {});

  describe(`hostile pages in ${kind}`, { skip: Boolean(browser.skip), timeout: 40 * STEP_TIMEOUT }, () => {
    let dir;
    let server;
    let driver;
    let control;
    let extensionId;
    const hanging = new Set();

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'dossier-hostile-'));
      writeHostilePages(dir);
      server = await serve({ dir, handle: hooks(dir, hanging) });
      driver = await launch(kind, browser.path);
      control = await driver.newPage();
      await driver.openExtensionPage(control, 'options.html', () => document.readyState === 'complete');
      extensionId = await control.evaluate(() => (globalThis.browser ?? chrome).runtime.id);
    }, { timeout: STEP_TIMEOUT });
    after(async () => {
      for (const res of hanging) res.destroy();
      await driver?.close();
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    /** Asks the background from the options page, as the popup would. */
    const ask = (type, data) => control.evaluate(async ([t, d]) => {
      const r = await (globalThis.browser ?? chrome).runtime.sendMessage({ dossier: 1, type: t, data: d });
      if (!r?.ok) throw new Error(`${t}: ${r?.error}`);
      return r.value;
    }, [type, data]);
    const setEnabled = (enabled) => control.evaluate((on) => (globalThis.browser ?? chrome).storage.local.set({
      settings: { kinds: { person: true, org: true, number: true, date: true }, enabled: on, skipSites: [], alwaysSites: [], palette: 'classic' },
    }), enabled);
    const knows = async (name) => {
      const r = await ask('search', { query: name });
      return r.entities.some((e) => e.name === name || e.aliases.includes(name)) || r.notes.some((n) => n.text.includes(name));
    };

    /** Opens a page with the probe, collecting errors of ours; returns the page and the errors. */
    async function open(url, { settle = true } = {}) {
      const page = await driver.newPage({ init: installProbe });
      const errors = [];
      const ours = (text) => /dossier|chrome-extension:|moz-extension:/i.test(text);
      page.on('console', (m) => {
        const where = (typeof m.location === 'function' ? m.location()?.url : '') ?? '';
        if (m.type() === 'error' && (ours(m.text()) || ours(where))) errors.push(`console: ${m.text()} @ ${where}`);
      });
      page.on('pageerror', (e) => { if (ours(`${e?.message} ${e?.stack}`)) errors.push(`pageerror: ${e?.message}`); });
      page.goto(url, { timeout: STEP_TIMEOUT, waitUntil: 'domcontentloaded' }).catch(() => {});
      if (settle) await waitUntil(() => page.evaluate(() => window.__probe?.parsed && document.documentElement.dataset.dossier), { timeout: STEP_TIMEOUT, what: `Dossier's first word on ${url}` });
      await page.bringToFront?.();
      return { page, errors };
    }

    // HOSTILE_ONLY=big-text.html,csp.html runs just those pages (when looking into one).
    const only = process.env.HOSTILE_ONLY?.split(',');
    for (const spec of PAGES.filter((p) => !only || only.includes(p.file))) {
      test(`${spec.file}: ${spec.what}`, { timeout: 4 * STEP_TIMEOUT }, async (t) => {
        const url = `${server.url}${PATH}${spec.file}${spec.file === 'forged-messages.html' ? `#id=${encodeURIComponent(extensionId)}` : ''}`;
        const statsBefore = await ask('stats');
        const row = { page: spec.file, browser: kind, survived: 'no', ours: '-', baseline: '-', state: '-', lost: '-', refused: '-' };
        rows.push(row);

        let page;
        let errors;
        let measured = null;
        if (spec.fresh) {
          // Dossier on from the start; give the browser time to run (or not run) the content script.
          await setEnabled(true);
          ({ page, errors } = await open(url, { settle: false }));
          await sleep(4000);
        } else {
          await setEnabled(false);
          ({ page, errors } = await open(url));
          assert.equal(await page.evaluate(() => document.documentElement.dataset.dossier), 'skipped', 'paused Dossier says skipped');
          await sleep(SETTLE_MS);
          const mark = await page.evaluate(() => performance.now());
          if (spec.file === 'body-replaced.html') await page.evaluate(() => window.replaceBody(25, 40));
          if (spec.file === 'forged-messages.html') await page.evaluate(() => window.forge());
          await setEnabled(true);
          const done = await waitUntil(() => page.evaluate((m) => window.__probe.dossierSets.find((s) => s.t > m && s.value !== 'skipped'), mark), { timeout: 3 * STEP_TIMEOUT, what: `data-dossier on ${spec.file}` });
          await sleep(QUIET_MS);
          measured = await page.evaluate(([m, d, settle]) => ({ ours: window.__probe.longest(m, d + 1000), baseline: window.__probe.longest(m - settle, m) }), [mark, done.t, SETTLE_MS]);
          row.ours = Math.round(measured.ours);
          row.baseline = Math.round(measured.baseline);
        }

        if (spec.file === 'body-replaced.html') {
          // The replacing stops after a second; the annotation must end up on the live body.
          await waitUntil(() => page.evaluate(() => {
            const h = window.__probe.highlights();
            return window.__replacements >= 50 && h.ranges > 0 && h.detached === 0;
          }), { timeout: STEP_TIMEOUT, what: 'highlights on the final body' });
        }

        const state = await page.evaluate(() => document.documentElement.dataset.dossier ?? null).catch(() => null);
        row.state = state ?? '(none)';
        assert.ok([].concat(spec.truth).includes(state), `data-dossier on ${spec.file}: ${state}, the truth is ${spec.truth}`);

        const h = state ? await page.evaluate(() => window.__probe.highlights()) : null;
        if (state === 'article') {
          const count = Number(await page.evaluate(() => document.documentElement.dataset.dossierCount));
          assert.ok(h.ranges > 0, `highlights on ${spec.file}: ${JSON.stringify(h.names)}`);
          // A page rewriting its text every frame can add or drop a mention between the count and
          // our look at the registry (seen once as 24 vs 25 on ticker.html): reported, not failed.
          if (spec.file === 'ticker.html' && count !== h.ranges) t.diagnostic(`data-dossier-count ${count}, ${h.ranges} ranges registered: ${JSON.stringify(h.names)}`);
          else if (!spec.windowed) assert.equal(count, h.ranges, 'data-dossier-count is the number of highlighted mentions');
          // ticker.html replaces its counter's text node every 16 ms: the highlight on the number in
          // it goes stale within a frame of each reading, and the readings of a text that never stops
          // changing come less and less often (utils/page/reread-schedule.ts). Reported, not failed.
          if (spec.file === 'ticker.html' && h.detached) t.diagnostic(`${h.detached} stale highlight(s) on text the page keeps replacing`);
          else assert.equal(h.detached, 0, 'no highlight on a node the page threw away');
          assert.equal(h.outside, 0, `no highlight outside the article: ${h.outsideTexts.join('; ')}`);
          assert.equal(h.inEditors, 0, 'no highlight in editors or form fields');
          const painting = await page.evaluate(() => document.documentElement.dataset.dossierPainting ?? 'all');
          assert.equal(painting, spec.windowed ? 'near-viewport' : 'all', 'only pages with very many mentions are painted near the viewport');
          if (spec.windowed) {
            // Only what is near the viewport is registered; scrolling paints the rest, and over a
            // sweep of the whole page every mention is painted (pieces ≥ mentions).
            assert.ok(h.ranges < count, `fewer ranges registered (${h.ranges}) than mentions (${count})`);
            // In calls of at most 20 s each, well under the protocol's timeout.
            const sweepStart = Date.now();
            while (!(await page.evaluate(() => window.__probe.sweep(20_000)))) assert.ok(Date.now() - sweepStart < 3 * STEP_TIMEOUT, 'the sweep of the page ends');
            const sweep = await page.evaluate(() => window.__probe.sweepResult());
            t.diagnostic(`sweep: ${((Date.now() - sweepStart) / 1000).toFixed(1)} s`);
            if (kind === 'firefox') {
              // Firefox paints whole runs of paragraphs near the viewport (at most 128 runs; see
              // PaintWindowOptions): what is registered reaches further, and stays a small part of the article.
              const most = Math.max(...sweep.stops.map((s) => s.ranges));
              assert.ok(most <= count / 16, `at most a sixteenth of the mentions registered at any stop: ${most} of ${count}`);
            } else {
              const far = sweep.stops.filter((s) => s.far > 0);
              assert.deepEqual(far, [], 'no registered range more than two viewports from the viewport');
            }
            const bare = sweep.stops.filter((s) => s.articleInView && s.inView === 0);
            assert.deepEqual(bare, [], 'wherever the article is in view, its mentions there are painted');
            assert.ok(sweep.painted >= count, `every mention painted over a sweep of the page: ${sweep.painted} ranges for ${count} mentions`);
            t.diagnostic(`windowed: ${h.ranges} of ${sweep.painted} ranges registered at the top; ${sweep.stops.length} stops, at most ${Math.max(...sweep.stops.map((s) => s.ranges))} registered`);
          }
        }
        if (state) {
          const probe = await page.evaluate(() => ({ mutations: window.__probe.mutations, seen: window.__probe.seen }));
          assert.equal(probe.mutations, 0, `no DOM change inside the article: ${probe.seen.join('; ')}`);
        }

        // Page-specific behaviour: the page's own scripts still work as before.
        if (spec.file === 'ticker.html') {
          const ticks = await page.evaluate(() => window.__ticks);
          await sleep(300);
          assert.ok((await page.evaluate(() => window.__ticks)) > ticks + 5, 'the ticker keeps ticking');
        }
        if (spec.file === 'editors.html') {
          await page.focus('#comment');
          await page.keyboard.type('好');
          await page.focus('#editor');
          await page.keyboard.type('好');
          const v = await page.evaluate(() => ({ inputs: window.__inputs, comment: document.querySelector('#comment').value, editor: document.querySelector('#editor').textContent }));
          assert.equal(v.inputs, 2, "the page's input handler saw both keystrokes");
          assert.match(v.comment, /好/);
          assert.match(v.editor, /好/);
        }
        if (spec.file === 'iframes.html') {
          for (const frame of page.frames().filter((f) => f !== page.mainFrame())) {
            assert.equal(await frame.evaluate(() => document.documentElement.dataset.dossier ?? null), null, 'no annotation inside frames');
          }
        }
        if (spec.file === 'overrides.html') {
          const calls = await page.evaluate(() => window.__trapCalls);
          const called = Object.entries(calls).filter(([, n]) => n > 0);
          assert.deepEqual(called, [], "Dossier called none of the page's replaced functions");
        }
        if (spec.file === 'forged-messages.html') {
          const forged = await page.evaluate(() => window.__forged);
          assert.ok(forged.sent >= 20, `the page sent its forgeries (${forged.sent})`);
          assert.ok(forged.runtime.every((r) => r === 'no reply' || r.startsWith('threw')), `chrome.runtime from the page got nowhere: ${forged.runtime.join(', ')}`);
          row.refused = forged.sent;
        }

        row.survived = await page.evaluate(() => 1 + 1).then((v) => (v === 2 ? 'yes' : 'no'), () => 'no');
        assert.deepEqual(errors, [], 'no error of ours');
        await page.close();

        // The knowledge base: this page's article, nothing planted, nothing lost.
        const statsAfter = await waitUntil(async () => {
          const s = await ask('stats');
          return state !== 'article' || s.articles > statsBefore.articles || (await ask('recentArticles', { limit: 200 })).some((a) => a.url.startsWith(`${server.url}${PATH}${spec.file}`)) ? s : null;
        }, { timeout: STEP_TIMEOUT, what: `${spec.file} recorded` });
        const lost = Object.keys(statsBefore).reduce((sum, k) => sum + Math.max(0, statsBefore[k] - statsAfter[k]), 0);
        row.lost = lost;
        assert.equal(lost, 0, `records lost: ${JSON.stringify({ statsBefore, statsAfter })}`);
        const recorded = (await ask('recentArticles', { limit: 200 })).filter((a) => a.url.startsWith(`${server.url}${PATH}${spec.file}`));
        if (state === 'article') {
          assert.equal(recorded.length, 1, `${spec.file} recorded once`);
          assert.ok(recorded[0].mentionCount > 0, 'with its mentions');
        } else assert.equal(recorded.length, 0, `${spec.file} not recorded`);
        assert.equal(statsAfter.notes, statsBefore.notes, 'no note appeared');
        for (const name of ALL_CANARIES) assert.equal(await knows(name), false, `${name} (planted where Dossier must not read) is not in the knowledge base`);
        for (const name of spec.expectNames ?? []) assert.equal(await knows(name), true, `${name} is in the knowledge base`);

        // Wall-clock tasks on a busy 2-core machine are noisy (the baseline shows how noisy), so
        // going over budget is reported, and fails the run only with HOSTILE_STRICT_TIMING=1.
        if (measured && measured.ours > Math.max(BUDGET_MS, measured.baseline)) {
          const msg = `longest task of ours ${measured.ours.toFixed(0)} ms > ${BUDGET_MS} ms (page's own: ${measured.baseline.toFixed(0)} ms)`;
          if (process.env.HOSTILE_STRICT_TIMING === '1') assert.fail(msg);
          t.diagnostic(`over budget: ${msg}`);
        }
      });
    }
  });
}

after(() => {
  if (!rows.length) return;
  const cols = [['page', 'page'], ['browser', 'browser'], ['survived', 'survived'], ['ours', 'longest task ours (ms)'], ['baseline', "page's own (ms)"], ['state', 'data-dossier'], ['lost', 'records lost'], ['refused', 'messages refused']];
  const width = cols.map(([k, title]) => Math.max(title.length, ...rows.map((r) => String(r[k]).length)));
  const line = (cells) => `# ${cells.map((c, i) => String(c).padEnd(width[i])).join(' | ')}`;
  console.log(line(cols.map(([, t]) => t)));
  console.log(line(width.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(cols.map(([k]) => r[k])));
});
