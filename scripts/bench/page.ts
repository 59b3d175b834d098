/**
 * Page annotation benchmark (issue "On the page"): in real Chromium, on one freshly loaded page per
 * run, our pipeline (detect, map, recognise, paint) against a floor (text-node walk + one regex
 * pass) and mark.js marking the same strings. Pages: the largest bundled article and a generated
 * ~1 MB article made of the bundled articles' paragraphs in the same page chrome.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
// @ts-expect-error: plain .mjs helper without types
import { newsPathFor, serve } from '../lib/serve.mjs';
// @ts-expect-error: plain .mjs helper without types
import { findBrowser, launchChromium } from '../lib/browsers.mjs';
import { bundleForPage } from './bundle.ts';
import { launchPlainChromium } from './chromium.ts';
import { fmt, header, median, ms, rounds, root, row } from './common.ts';

const FIXTURES = join(root, 'test', 'fixtures', 'jiaozuo-2024-02', 'html');
const BIG_NAME = 'a90-generated-1mb.html';
/** A mark.js run longer than this is not repeated: on the 1 MB page one takes about a minute, and five would be most of the bench's time. */
const MARK_GIVE_UP_MS = 10_000;

const ARTICLE_RE = /(<article\b[^>]*>)([\s\S]*?)(<\/article>)/;
const textOf = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, '');

/** The article files with their body HTML and the length of its text. */
function fixtures() {
  return readdirSync(FIXTURES)
    .filter((f) => /^a\d+-.*\.html$/.test(f))
    .map((file) => {
      const html = readFileSync(join(FIXTURES, file), 'utf8');
      const inner = ARTICLE_RE.exec(html)?.[2] ?? '';
      return { file, html, inner, textLength: textOf(inner).length };
    });
}

/** Writes the pages to serve into .tmp/bench/page: the largest article and the generated ~1 MB one. */
export function buildPages(targetChars = 1_000_000): { dir: string; pages: Array<{ file: string; label: string }> } {
  const all = fixtures();
  const largest = all.reduce((a, b) => (b.textLength > a.textLength ? b : a));
  const paragraphs = all.flatMap((f) => [...f.inner.matchAll(/<p\b(?![^>]*class="(?:byline|subheadline)")[^>]*>[\s\S]*?<\/p>/g)].map((m) => m[0]));
  const kept: string[] = [];
  let chars = 0;
  for (let i = 0; chars < targetChars; i++) {
    const p = paragraphs[i % paragraphs.length];
    kept.push(p);
    chars += textOf(p).length;
  }
  const head = /^[\s\S]*?(?=<p\b)/.exec(largest.inner)?.[0] ?? '';
  const big = largest.html.replace(ARTICLE_RE, (_m, open: string, _inner: string, close: string) => `${open}${head}${kept.join('\n')}\n${close}`);
  const dir = join(root, '.tmp', 'bench', 'page');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, largest.file), largest.html);
  writeFileSync(join(dir, BIG_NAME), big);
  return {
    dir,
    pages: [
      { file: largest.file, label: `${largest.file.replace('.html', '')} (largest bundled, ${fmt(largest.textLength)} chars)` },
      { file: BIG_NAME, label: `generated (${kept.length} <p>, ${fmt(chars)} chars)` },
    ],
  };
}

/**
 * V8 flags of the diagnostic run: no Maglev, no Turbofan. On the 2-core machine of 2026-11-30 the
 * 1 MB article's page side came out 7–49% faster so (its code never optimised, but no compile
 * job beside it): how much of our side a run's compile jobs cost is worth printing with it.
 */
const NO_OPTIMIZING_COMPILERS = '--no-maglev --no-turbofan';

/**
 * Page faults (minor and major) the main threads of Chromium's renderers took so far, from
 * /proc (Linux); null where it cannot be read. The bench's tab is the only busy renderer; the
 * diagnostic Chromium's renderers (their command line carries its V8 flags) are left out.
 */
function rendererMainFaults(): number | null {
  let total = 0;
  let found = false;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (!cmdline.includes('--type=renderer') || cmdline.includes(NO_OPTIMIZING_COMPILERS)) continue;
        const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
        // Fields after the command name in parentheses: state is 1st, minflt 8th, majflt 10th.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        total += Number(fields[7]) + Number(fields[9]);
        found = true;
      } catch {
        /* a process that ended meanwhile */
      }
    }
  } catch {
    return null;
  }
  return found ? total : null;
}

/** The phases of ours whose faults are reported, as page-entry.ts names their ends. */
const FAULT_PHASES = ['detect', 'map', 'send', 'receive', 'paint'] as const;

/** Page faults of the page's main thread in each phase of one run of ours. */
type PhaseFaults = Partial<Record<string, number>>;

/**
 * Counts the page thread's faults over one contender's call (`total`) and, for ours, between the
 * phase ends the page reports (`phaseEnd`, exposed to it as `__phaseEnd`).
 */
function phaseFaults() {
  const supported = rendererMainFaults() !== null;
  let last = 0;
  let start = 0;
  let counted: PhaseFaults = {};
  return {
    supported,
    begin(): void {
      counted = {};
      last = start = rendererMainFaults() ?? 0;
    },
    phaseEnd: (phase: string): void => {
      const now = rendererMainFaults() ?? last;
      counted[phase] = now - last;
      last = now;
    },
    end(): PhaseFaults | null {
      if (!supported) return null;
      const now = rendererMainFaults() ?? last;
      return { ...counted, total: now - start };
    },
  };
}

interface OursRun { faults?: PhaseFaults; isArticle: boolean; remapped: boolean; textLength: number; mentions: number; painted: number; strings: string[]; detectMap: number; detectMapWarm: number; recognize: number; recognizeCold: number; warmUp: number; messages: number; messagesJson: number; paint: number; total: number; longest: number; heap: number }
/** The timed phases of ours alone (`oursPageSide`). */
interface PageSide { detectMap: number; messages: number; paint: number }
interface SimpleRun { faults?: PhaseFaults; total: number; longest: number; heap: number; matches?: number; marked?: number }

const mb = (bytes: number) => (Number.isNaN(bytes) ? 'n/a' : `${(bytes / 1048576).toFixed(1)} MB`);
const lt = (x: number) => (x > 0 ? ms(x) : '< 50');

/** The built Chrome extension (building it first when missing), or null when the build failed. */
function builtExtension(): string | null {
  const dir = join(root, '.output', 'chrome-mv3');
  if (!existsSync(join(dir, 'manifest.json'))) {
    try {
      execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'ignore' });
    } catch {
      return null;
    }
  }
  return existsSync(join(dir, 'manifest.json')) ? dir : null;
}

/** Gzip and raw size of each of the built extension's content scripts. */
function contentScriptSizes(ext: string | null): string {
  if (!ext) return 'n/a (npm run build failed)';
  const sized = (name: string) => {
    const file = join(ext, 'content-scripts', `${name}.js`);
    return existsSync(file) ? `${name}.js ${fmt(gzipSync(readFileSync(file)).length)}B gzip (${fmt(readFileSync(file).length)}B raw)` : `${name}.js missing`;
  };
  return `${sized('content')}; the document_start script ${sized('highlight-style')}`;
}

/**
 * What the content scripts cost a page just by being loaded in it: the page thread's time running
 * and compiling script (CDP Performance metrics ScriptDuration, V8CompileDuration) for a fresh tab with the
 * built extension, until `data-dossier` says the page was decided. On the section front (no
 * article: what every page the reader opens pays) and on an article (annotated as well). The
 * fixture pages run no script of their own, so the time is ours; Chromium keeps no code cache for
 * content scripts, so each page compiles them again.
 */
async function contentScriptCost(ext: string, article: string, n: number): Promise<void> {
  const exe = findBrowser().chromium as string | null;
  if (!exe) return;
  const server = await serve();
  const c = await launchChromium(ext, { headless: true, executablePath: exe });
  try {
    const cells: string[] = [];
    for (const [label, path] of [['section front (no article)', '/'], ['largest bundled article', newsPathFor(article)]] as const) {
      const script: number[] = [];
      const compile: number[] = [];
      // One load first, untimed: the browser's first tab also starts the extension's background.
      for (let i = -1; i < n; i++) {
        const page = await c.context.newPage();
        const cdp = await c.context.newCDPSession(page);
        await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
        await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
        await page.waitForFunction(() => !!document.documentElement.dataset.dossier && document.documentElement.dataset.dossier !== 'pending', null, { timeout: 60_000 });
        const { metrics } = await cdp.send('Performance.getMetrics');
        const metric = (name: string) => 1000 * (metrics.find((m: { name: string }) => m.name === name)?.value ?? NaN);
        if (i >= 0) script.push(metric('ScriptDuration'));
        if (i >= 0) compile.push(metric('V8CompileDuration'));
        await cdp.detach();
        await page.close();
      }
      cells.push(`${label}: running ${ms(median(script))} ms, compiling ${ms(median(compile))} ms`);
    }
    console.log(`content scripts' cost to a page (the built extension, a fresh tab per load, ${n} loads, medians): ${cells.join('; ')}`);
  } finally {
    await c.close();
    await server.close();
  }
}

/** Runs the page section and prints its tables. */
export async function run(): Promise<void> {
  const n = rounds(5);
  console.log(`\n# Page annotation benchmark (real Chromium, fresh page per run, ${n} runs, median ms)\n`);
  const browser = await launchPlainChromium();
  if (!browser) {
    console.log('skipped: no Chromium found (set CHROMIUM_PATH)');
    return;
  }
  const { dir, pages } = buildPages();
  const code = await bundleForPage('page-entry.ts', 'page-entry');
  // The recogniser's worker is served beside the pages (same origin as they are).
  writeFileSync(join(dir, 'recognizer-worker.js'), await bundleForPage('recognizer-worker.ts', 'recognizer-worker'));
  await browser.context.addInitScript({ content: code });
  // Cross-origin isolated pages: performance.now() in 5 µs steps, not 100 µs (the small page's floor is a few steps of 100 µs).
  const server = await serve({ dir, headers: { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' } });
  const tab = await browser.context.newPage();
  // A diagnostic beside it: the same page side in a Chromium whose V8 runs no optimizing compiler, so
  // no compile job shares the machine's cores with the page's thread (see scripts/bench/NOTES.md).
  let plain: Awaited<ReturnType<typeof launchPlainChromium>> = null;
  try {
    plain = await launchPlainChromium(NO_OPTIMIZING_COMPILERS);
    await plain?.context.addInitScript({ content: code });
    const plainTab = await plain?.context.newPage();
    console.log(`Chromium ${browser.version}; ours = detect + map + recognise (in a worker here, off the page's thread as in the extension's background, which a page that may be an article (news-shaped address, or a site read before) wakes at document_start to warm up: the worker warms up when the page starts) + messages (what the extension's cost the page: the text sent in 256 k-char pieces, the mentions received as spans a page at a time, by structured clone as Chrome 148+ carries them for the extension's manifest and Firefox always has; as JSON for older Chrome, in its own row) + ranges + paint (CSS highlights); paced as the extension paces them: scan and map in slices of about 12 ms, each message a task of its own; the work is timed, not the page's turns between slices.`);
    console.log('floor = TreeWalker over the article body\'s text nodes + one regex pass over their joined text, with (a) an alternation of the distinct mention strings ours found, longest first, (b) /[\\u4e00-\\u9fff]{2,4}(局|厅|委)/g. The floor and mark.js are handed the body by a selector found on an earlier load, so they start, as ours does, on a page no script has walked (the first script to reach a node pays for it); (a) is also timed after our detection walked the page untimed, as this bench did before 2026-11-30.');
    console.log('wrapped = our fallback where the Highlight API is missing: every mention wrapped in <dossier-mark> elements about 3 ms a frame, as the extension wraps (the slices are timed, not the waits for frames; layouts the browser makes between them count only as long tasks), the text mapped again in slices as the extension does (wall time), one forced layout.');
    console.log('mark.js 8.11.1 = mark(strings ours found, {separateWordSearch:false, acrossElements:true}) on the article body (handed to it by a selector, as the floor is). Every run loads the page afresh, cross-origin isolated (timers in 5 µs steps); DOM contenders include one forced layout.\n');
    const faults = phaseFaults();
    if (faults.supported) await tab.exposeFunction('__phaseEnd', faults.phaseEnd);
    for (const { file, label } of pages) {
      const url = `${server.url}${newsPathFor(file)}`;
      const load = async (on = tab) => {
        await on.goto(url, { waitUntil: 'load' });
        await on.evaluate(() => (window as unknown as { __bench: { ready(): Promise<void> } }).__bench.ready());
        await on.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 30))));
      };
      /** The page side in the browser without optimizing compilers (null without that browser). */
      const pageSidePlain = async (): Promise<PageSide | null> => {
        if (!plainTab) return null;
        await load(plainTab);
        return plainTab.evaluate(() => (window as unknown as { __bench: { oursPageSide(): Promise<PageSide> } }).__bench.oursPageSide());
      };
      const call = async <T>(fn: string, ...args: unknown[]): Promise<T> => {
        await load();
        faults.begin();
        const result = await (tab.evaluate(([f, a]) => (window as unknown as Record<string, Record<string, (...x: unknown[]) => unknown>>).__bench[f as string](...(a as unknown[])), [fn, args] as const) as Promise<T>);
        const counted = faults.end();
        if (counted && typeof result === 'object' && result) Object.assign(result, { faults: counted });
        return result;
      };
      const first = await call<OursRun>('ours'); // warm-up run: also yields the strings for the others
      const strings = first.strings;
      const path = await call<string>('bodyPath');
      await pageSidePlain(); // its first load left out, as ours' first is
      const ours: OursRun[] = [];
      const wrapped: OursRun[] = [];
      const floorS: SimpleRun[] = [];
      const floorC: SimpleRun[] = [];
      const floorWalked: SimpleRun[] = [];
      const marks: SimpleRun[] = [];
      const plainSides: PageSide[] = [];
      let markGaveUp = false;
      for (let i = 0; i < n; i++) {
        ours.push(await call<OursRun>('ours'));
        const p = await pageSidePlain();
        if (p) plainSides.push(p);
        wrapped.push(await call<OursRun>('oursWrapped'));
        floorS.push(await call<SimpleRun>('floor', strings, 'strings', path));
        floorC.push(await call<SimpleRun>('floor', strings, 'cjk', path));
        floorWalked.push(await call<SimpleRun>('floor', strings, 'strings'));
        if (!markGaveUp) {
          const m = await call<SimpleRun>('mark', strings, path);
          marks.push(m);
          if (m.total > MARK_GIVE_UP_MS) markGaveUp = true;
        }
      }
      const med = (runs: Array<Record<string, unknown>>, k: string) => median(runs.map((r) => r[k] as number));
      const o = med(ours as never, 'total');
      const fS = med(floorS as never, 'total');
      const fC = med(floorC as never, 'total');
      const mk = med(marks as never, 'total');
      console.log(`## ${label}: ${first.textLength} chars mapped, article=${first.isArticle}, ${first.mentions} mentions (${strings.length} distinct strings), ${first.painted} pieces painted${first.mentions > 2000 ? ' (near the viewport only, as the extension paints above 2,000 mentions)' : ''}\n`);
      const side = med(ours as never, 'detectMap') + med(ours as never, 'messages') + med(ours as never, 'paint');
      const pr = (a: number, b: number, d = 2) => `${(a / b).toFixed(d)}×`;
      header(['contender', 'median ms', 'longest task ms', 'JS heap after (gc)', 'ours/floor (a)', 'ours/mark.js']);
      row(['ours: detect+map+recognise+messages+paint', ms(o), lt(median(ours.map((r) => r.longest))), mb(med(ours as never, 'heap')), pr(o, fS), pr(o, mk, 3)]);
      row(['ours page-side only: detect+map, messages, paint', ms(side), lt(median(ours.map((r) => r.longest))), '', pr(side, fS), pr(side, mk, 3)]);
      row(['  detect / map / recognise (worker, first use after its start-up warm-up) / messages / paint', `${ms(med(ours as never, 'detect'))} / ${ms(med(ours as never, 'map'))} / ${ms(med(ours as never, 'recognize'))} / ${ms(med(ours as never, 'messages'))} / ${ms(med(ours as never, 'paint'))}`, '', '', '', '']);
      const sideJson = side - med(ours as never, 'messages') + med(ours as never, 'messagesJson');
      row(['  page side with messages as JSON (Chrome before 148): messages / page side', `${ms(med(ours as never, 'messagesJson'))} / ${ms(sideJson)}`, '', '', pr(sideJson, fS), pr(sideJson, mk, 3)]);
      row(['  recognise again, warm (as in the background)', ms(med(ours as never, 'recognizeWarm')), '', '', '', '']);
      row(["  the background's start-up warm-up (once per start, while the page loads, off the page's thread)", ms(med(ours as never, 'warmUp')), '', '', '', '']);
      const cold = med(ours as never, 'recognizeCold');
      const oCold = o - med(ours as never, 'recognize') + cold;
      row(['ours, in a background that did not warm up (woken by the article itself): recognise / full annotation', `${ms(cold)} / ${ms(oCold)}`, '', '', pr(oCold, fS), pr(oCold, mk, 3)]);
      const warmSide = med(ours as never, 'detectMapWarm') + med(ours as never, 'messages') + med(ours as never, 'paint');
      row(['  page side with detect+map run again, code warm', ms(warmSide), '', '', pr(warmSide, fS), pr(warmSide, mk, 3)]);
      if (plainSides.length) {
        const plainSide = median(plainSides.map((r) => r.detectMap + r.messages + r.paint));
        row([`  page side in a Chromium without V8's optimizing compilers (diagnostic: ${NO_OPTIMIZING_COMPILERS}, so no compile job runs beside the page's thread): detect+map / messages / paint`, `${ms(plainSide)} (${ms(median(plainSides.map((r) => r.detectMap)))} / ${ms(median(plainSides.map((r) => r.messages)))} / ${ms(median(plainSides.map((r) => r.paint)))})`, '', '', pr(plainSide, fS), pr(plainSide, mk, 3)]);
      }
      const wrapSide = med(wrapped as never, 'detectMap') + med(wrapped as never, 'messages') + med(wrapped as never, 'paint');
      const unmapped = wrapped.some((r) => !r.remapped) ? ' (TEXT MAPPED AGAIN DIFFERS)' : '';
      row([`ours page side, wrapped in marks as without the Highlight API (${wrapped[0]?.painted ?? 0} marks)${unmapped}`, ms(wrapSide), lt(median(wrapped.map((r) => r.longest))), mb(med(wrapped as never, 'heap')), pr(wrapSide, fS), pr(wrapSide, mk, 3)]);
      row(['  of which wrap + map again + layout', ms(med(wrapped as never, 'paint')), '', '', '', '']);
      row(['floor (a): walk + alternation regex', ms(fS), lt(median(floorS.map((r) => r.longest))), mb(med(floorS as never, 'heap')), '', '']);
      row(['  floor (a) after our detection walked the page, untimed', ms(med(floorWalked as never, 'total')), '', '', '', '']);
      row(['floor (b): walk + CJK agency regex', ms(fC), lt(median(floorC.map((r) => r.longest))), mb(med(floorC as never, 'heap')), pr(o, fC), '']);
      row([`mark.js (${marks[0]?.marked ?? 0} marks${markGaveUp ? `; only ${marks.length} run(s): stopped once one took > ${MARK_GIVE_UP_MS / 1000} s` : ''})`, ms(mk), lt(median(marks.map((r) => r.longest))), mb(med(marks as never, 'heap')), '', '']);
      // Each round's ratio, its page side against the floor (a) run right after it on the same machine:
      // a slow spell of the machine weighs on both sides of a round, not on one median.
      const rounds_ = ours.map((r, i) => (r.detectMap + r.messages + r.paint) / floorS[i].total);
      console.log(`\npage side / floor (a), round by round: median ${pr(median(rounds_), 1)} (range ${Math.min(...rounds_).toFixed(2)}–${pr(Math.max(...rounds_), 1)}; ${rounds_.map((x) => x.toFixed(2)).join(', ')})`);
      if (faults.supported) {
        const of = (r: OursRun, p: string) => r.faults?.[p] ?? NaN;
        console.log(`page faults of the page's thread, round by round (median): ${FAULT_PHASES.map((p) => `${p} ${ours.map((r) => of(r, p)).join(', ')} (${median(ours.map((r) => of(r, p)))})`).join('; ')}; floor (a) ${floorS.map((r) => r.faults?.floor ?? NaN).join(', ')} (${median(floorS.map((r) => r.faults?.floor ?? NaN))})`);
      }
      console.log('goals: ours/floor ≤ 3×, ours/mark.js < 1');
      console.log('');
    }
    console.log('Long tasks: PerformanceObserver "longtask" on the page\'s thread (only tasks ≥ 50 ms are reported, hence "< 50"; the worker\'s are not the page\'s). JS heap: performance.memory.usedJSHeapSize (precise) after two gc() once the run is over: the page plus what the contender keeps.');
    const ext = builtExtension();
    console.log(`content scripts (.output/chrome-mv3/content-scripts): ${contentScriptSizes(ext)}`);
    if (ext) await contentScriptCost(ext, pages[0].file, n);
  } finally {
    await server.close();
    await browser.close();
    await plain?.close();
  }
}
