/**
 * Knowledge-base scale benchmark (issue "Knowledge base"): in real Chromium over real IndexedDB,
 * the project's Dexie code on a KB of 1 % and of 100 % of 20,000 entities / 500,000 mentions /
 * 5,000 notes, grown from the development texts with the mentions our recogniser finds in them.
 * Prints the median time of recording, a card, a search and the known-names list at both sizes,
 * and the ratio full/small (goal ≤ 2 for recording, card and search).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleRecognizer } from '../lib/bundle-recognizer.ts';
import { modelPath } from '../lib/node-models.ts';
// @ts-expect-error: plain .mjs helper without types
import { serve } from '../lib/serve.mjs';
import { bundleForPage } from './bundle.ts';
import { launchPlainChromium } from './chromium.ts';
import { dataDir, fmt, header, median, ms, readTexts, root, rounds, row } from './common.ts';
import type { BaseArticle } from './kb-gen.ts';

const FILES = ['pku1998-dev.jsonl', 'peoples-daily-dev.jsonl', 'cluener-dev.jsonl'];
/** Named mentions per base article: the development texts are short, so consecutive ones are joined. */
const PER_ARTICLE = 50;
/** The 2-character search: a bigram common in names and titles of the data. */
const QUERY = '中国';
/** BENCH_KB_SCALE < 1 grows a smaller "full" KB: for working on the bench itself, not for reporting. */
const FULL_SCALE = Number(process.env.BENCH_KB_SCALE ?? 1);

/** Real articles: development texts joined until each holds PER_ARTICLE person/org mentions, with our mentions. */
async function baseArticles(): Promise<BaseArticle[]> {
  const texts = FILES.flatMap((f) => readTexts(join(dataDir, f)));
  const { recognize, installModel } = (await import(pathToFileURL(await bundleRecognizer()).href)) as typeof import('../../utils/recognize/index.ts');
  installModel('zh', readFileSync(modelPath('zh')));
  const out: BaseArticle[] = [];
  let cur: BaseArticle = { title: '', text: '', mentions: [] };
  let named = 0;
  for (const t of texts) {
    const offset = cur.text ? cur.text.length + 1 : 0;
    cur.text += (cur.text ? '\n' : '') + t;
    if (!cur.title) cur.title = t.slice(0, 24);
    for (const m of recognize(t, { lang: 'zh', refDate: '1998-01-01' })) {
      cur.mentions.push({ ...m, start: m.start + offset, end: m.end + offset });
      if (m.type === 'person' || m.type === 'org') named++;
    }
    if (named >= PER_ARTICLE) {
      out.push(cur);
      cur = { title: '', text: '', mentions: [] };
      named = 0;
    }
  }
  return out;
}

/** Runs the KB section (skipped with a message when the development data is absent). */
export async function run(): Promise<void> {
  const n = rounds(7);
  console.log(`\n# Knowledge base scale benchmark (real Chromium, IndexedDB, Dexie; ${n} runs, median ms)\n`);
  if (!FILES.some((f) => existsSync(join(dataDir, f)))) {
    console.log(`skipped: no development data in ${dataDir} (set DOSSIER_DATA to the folder holding ${FILES.join(', ')})`);
    return;
  }
  const base = await baseArticles();
  const browser = await launchPlainChromium();
  if (!browser) {
    console.log('skipped: no Chromium found (set CHROMIUM_PATH)');
    return;
  }
  const dir = join(root, '.tmp', 'bench', 'kb');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>kb bench</title>');
  await browser.context.addInitScript({ content: await bundleForPage('kb-entry.ts', 'kb-entry') });
  const server = await serve({ dir });
  const tab = await browser.context.newPage();
  tab.on('console', (m) => {
    if (m.text().startsWith('[kb]') && process.env.BENCH_VERBOSE) console.error(m.text());
  });
  try {
    await tab.goto(`${server.url}/`);
    type Kb = { grow: (...a: unknown[]) => Promise<Record<string, number>>; measure: (...a: unknown[]) => Promise<Record<string, number[]> & { facts: Record<string, unknown> }> };
    const call = <K extends keyof Kb>(fn: K, ...args: unknown[]) =>
      tab.evaluate(([f, a]) => ((window as unknown as { __kb: Record<string, (...x: unknown[]) => unknown> }).__kb[f as string](...(a as unknown[]))), [fn, args] as const) as ReturnType<Kb[K]>;
    console.log(`Chromium ${browser.version}. Base: ${base.length} articles from ${FILES.join(' + ')} (${fmt(base.reduce((s, a) => s + a.text.length, 0))} chars, our mentions); replicas get distinct URLs/texts and names remapped onto real names (+ real surnames × real given names).`);
    const sizes = [
      { label: '1 %', db: 'bench-small', scale: 0.01 },
      { label: `${FULL_SCALE * 100} %`, db: 'bench-full', scale: FULL_SCALE },
    ];
    const results = [];
    for (const s of sizes) {
      const grown = await call('grow', s.db, base, s.scale);
      console.log(`${s.label}: ${grown.articles} articles, ${grown.entities} entities, ${grown.mentions} mentions, ${grown.figures} figures, ${grown.cooccurrences} co-occurrence rows written (recordReading would have made ${grown.truePairs}), ${grown.notes} notes — grown in bulk in ${(grown.ms / 1000).toFixed(1)} s`);
      results.push(await call('measure', s.db, base, s.scale, n, QUERY));
    }
    const [small, full] = results;
    console.log('');
    header(['operation', '1 % ms', '100 % ms', 'full/small', 'goal']);
    const line = (label: string, key: string, goal: string) => {
      const a = median(small[key]);
      const b = median(full[key]);
      row([label, ms(a), ms(b), `${(b / a).toFixed(2)}×${goal && b / a > 2 ? ' ✗' : ''}`, goal]);
    };
    line('recordReading, article of 50 mentions', 'record', '≤ 2');
    line(`getEntityCard, most frequent org (${(full.facts.topOrg as { name: string }).name})`, 'cardOrg', '≤ 2');
    line(`getEntityCard, most frequent person (${(full.facts.topPerson as { name: string }).name})`, 'cardPerson', '≤ 2');
    line(`search "${QUERY}"`, 'search', '≤ 2');
    line('getKnownNames', 'known', '');
    console.log('\nwhat the measured entities hold (1 % → 100 %):');
    for (const k of ['topOrg', 'topPerson', 'searchHits', 'known', 'diagnosis']) console.log(`- ${k}: ${JSON.stringify(small.facts[k])} → ${JSON.stringify(full.facts[k])}`);
  } finally {
    await server.close();
    await browser.close();
  }
}
