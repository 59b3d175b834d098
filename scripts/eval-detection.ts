/**
 * News-article detection on real pages: our `detectArticle` beside Mozilla Readability's
 * `isProbablyReaderable`, both judged against the hand-read `news` flag of each page, plus the
 * bundled newspaper fixture (22 articles and a front page). A report: always exits 0.
 *   npx tsx scripts/eval-detection.ts [--set readability-pages-dev] [--reasons]
 * Data: ../shared/data (override with DOSSIER_DATA).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isProbablyReaderable } from '@mozilla/readability';
import { Window } from 'happy-dom';
import { detectArticle, type ArticleDetection } from '../utils/page/detect-article.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The fields of a page's meta.json the evaluation reads. */
export interface PageMeta { name: string; url: string | null; lang: string; news: boolean | null; genre?: string }

/** One page's verdicts: ours and Readability's. */
export interface PageResult { name: string; lang: string; news: boolean | null; ours: ArticleDetection; readerable: boolean; ms: number }

/** Confusion counts of one detector against the news flag (null pages left out). */
export interface Confusion { tp: number; fp: number; tn: number; fn: number }

/** Parses HTML with scripts, style sheets and navigation off, as the page annotator does. */
export async function withDocument<T>(html: string, url: string, use: (doc: Document) => T): Promise<T> {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true } } });
  try {
    const doc = window.document as unknown as Document;
    doc.write(html);
    return use(doc);
  } finally {
    await window.happyDOM.close();
  }
}

/** Runs both detectors on one page folder (source.html + meta.json). */
export async function evalPage(dir: string): Promise<PageResult> {
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as PageMeta;
  const html = readFileSync(join(dir, 'source.html'), 'utf8');
  const url = meta.url ?? pathToFileURL(join(dir, 'source.html')).href;
  return withDocument(html, url, (doc) => {
    const t0 = performance.now();
    const ours = detectArticle(doc, url);
    const ms = performance.now() - t0;
    // isProbablyReaderable reads the DOM only; run it second so it cannot change what we see.
    const readerable = isProbablyReaderable(doc);
    return { name: meta.name, lang: meta.lang, news: meta.news, ours, readerable, ms };
  });
}

/** Counts one detector's answers against the news flag. */
export function confusion(results: PageResult[], pick: (r: PageResult) => boolean): Confusion {
  const c: Confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (const r of results) {
    if (r.news === null) continue;
    const yes = pick(r);
    if (r.news) yes ? c.tp++ : c.fn++;
    else yes ? c.fp++ : c.tn++;
  }
  return c;
}

const accuracy = (c: Confusion) => (c.tp + c.tn) / Math.max(1, c.tp + c.tn + c.fp + c.fn);
const pad = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s.padEnd(n));
const mark = (yes: boolean, news: boolean | null) => `${yes ? 'news' : '-'}${news === null ? ' ' : yes === news ? ' ' : '✗'}`;

function topReasons(d: ArticleDetection, all: boolean): string {
  return (all ? d.reasons : d.reasons.slice(0, 4)).join(', ');
}

/** Bundled newspaper pages: every a*.html is an article, index.html is not. */
async function evalFixture(): Promise<{ right: number; total: number; wrong: string[] }> {
  const dir = join(root, 'test/fixtures/jiaozuo-2024-02/html');
  let right = 0, total = 0;
  const wrong: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) {
    const isIndex = file === 'index.html';
    const url = isIndex ? 'http://127.0.0.1/' : `http://127.0.0.1/2024-02/07/content_${file.slice(1, 3)}.html`;
    const d = await withDocument(readFileSync(join(dir, file), 'utf8'), url, (doc) => detectArticle(doc, url));
    total++;
    if (d.isArticle === !isIndex) right++;
    else wrong.push(`${file} (score ${d.score}: ${d.reasons.join(', ')})`);
  }
  return { right, total, wrong };
}

async function main() {
  const args = process.argv.slice(2);
  const set = args.includes('--set') ? args[args.indexOf('--set') + 1] : 'readability-pages-dev';
  const allReasons = args.includes('--reasons');
  const dataDir = resolve(process.env.DOSSIER_DATA ?? join(root, '..', 'shared', 'data'));
  const pagesDir = join(dataDir, set);
  if (!existsSync(pagesDir)) {
    console.log(`eval-detection: no page set at ${pagesDir} (set DOSSIER_DATA to the shared data folder); skipped.`);
    return;
  }
  const names = readdirSync(pagesDir, { withFileTypes: true }).filter((e) => e.isDirectory() && existsSync(join(pagesDir, e.name, 'meta.json'))).map((e) => e.name).sort();
  const results: PageResult[] = [];
  for (const name of names) results.push(await evalPage(join(pagesDir, name)));

  console.log(`${pad('page', 26)} ${pad('lang', 4)} ${pad('news', 5)} ${pad('ours', 6)} ${pad('score', 5)} ${pad('readab.', 7)} reasons`);
  for (const r of results) {
    const news = r.news === null ? '?' : r.news ? 'yes' : 'no';
    console.log(`${pad(r.name, 26)} ${pad(r.lang, 4)} ${pad(news, 5)} ${pad(mark(r.ours.isArticle, r.news), 6)} ${pad(String(r.ours.score), 5)} ${pad(mark(r.readerable, r.news), 7)} ${topReasons(r.ours, allReasons)}`);
  }
  const unclear = results.filter((r) => r.news === null).map((r) => `${r.name} (ours ${r.ours.isArticle ? 'news' : '-'}, readability ${r.readerable ? 'readerable' : '-'})`);
  const ours = confusion(results, (r) => r.ours.isArticle);
  const theirs = confusion(results, (r) => r.readerable);
  const n = ours.tp + ours.fp + ours.tn + ours.fn;
  const line = (label: string, c: Confusion) => `${pad(label, 22)} accuracy ${(100 * accuracy(c)).toFixed(1).padStart(5)}% (${c.tp + c.tn}/${n})  tp ${c.tp}  fn ${c.fn}  tn ${c.tn}  fp ${c.fp}`;
  console.log(`\n${set}: ${n} pages with news true/false, ${unclear.length} unclear (not scored)`);
  console.log(line('ours (detectArticle)', ours));
  console.log(line('isProbablyReaderable', theirs));
  if (unclear.length) console.log(`unclear: ${unclear.join('; ')}`);
  const slowest = results.reduce((a, b) => (b.ms > a.ms ? b : a));
  console.log(`detectArticle time: median ${median(results.map((r) => r.ms)).toFixed(1)} ms, max ${slowest.ms.toFixed(1)} ms (${slowest.name}) in happy-dom`);

  const fixture = await evalFixture();
  console.log(`bundled pages (22 articles + index.html): ${fixture.right}/${fixture.total} right${fixture.wrong.length ? ` — wrong: ${fixture.wrong.join('; ')}` : ''}`);

  const met = accuracy(ours) >= 0.9 && accuracy(ours) > accuracy(theirs) && fixture.right === fixture.total;
  console.log(met ? 'goal met (≥ 90% on news true/false, better than isProbablyReaderable, bundled pages right)' : 'goal not met');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
}

main().catch((e) => {
  console.error(e);
}).finally(() => process.exit(0));
