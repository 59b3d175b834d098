/**
 * Recogniser benchmark, ours and a peer side by side in one run, printed as ratios:
 * - throughput on Chinese text vs jieba-wasm `tag`, on English text vs compromise;
 * - start-up (fresh process: load + first result) of each;
 * - what the content script loads (gzip).
 * The development sets of ../shared/data are used when present (DOSSIER_DATA), else the bundled page.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { bundleRecognizer } from '../lib/bundle-recognizer.ts';
import { modelPath } from '../lib/node-models.ts';
import { dataDir, fmt, readTexts, root, row } from './common.ts';

function corpus(files: string[], fallback: string[]): { texts: string[]; source: string } {
  const present = files.filter((f) => existsSync(f));
  if (present.length === 0) return { texts: fallback, source: 'bundled specification page' };
  return { texts: present.flatMap(readTexts), source: present.map((f) => f.split('/').pop()).join(' + ') };
}

/** How long each peer runs over the texts before its rounds are timed. */
const WARM_UP_MS = 2000;

/** Runs the recogniser section: throughput and start-up against jieba-wasm and compromise. */
export async function run(): Promise<void> {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
  const specTexts = readTexts(join(root, 'test', 'fixtures', 'jiaozuo-2024-02', 'gold.jsonl'));
  const zh = corpus(['pku1998-dev.jsonl', 'peoples-daily-dev.jsonl', 'cluener-dev.jsonl'].map((f) => join(dataDir, f)), specTexts);
  zh.texts.push(...specTexts);
  const en = corpus([join(dataDir, 'conll-en-dev.jsonl')], [
    'Secretary of State Antony Blinken told Reuters on Monday that the Department of Justice had hired 1,200 people.',
  ]);

  /**
   * Median characters per second of `run` over the texts, after warming up for WARM_UP_MS and at
   * least three passes (the same for every peer: the steady state is what the extension's long-lived
   * background sees; V8 took 6-7 passes over the Chinese texts to reach it, so three left the
   * measured rounds mid-way).
   */
  function throughput(texts: string[], fn: (t: string) => unknown): number {
    const chars = texts.reduce((n, t) => n + t.length, 0);
    const warmUntil = performance.now() + WARM_UP_MS;
    for (let w = 0; w < 3 || performance.now() < warmUntil; w++) for (const t of texts) fn(t);
    const rates: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      for (const t of texts) fn(t);
      rates.push(chars / ((performance.now() - t0) / 1000));
    }
    return rates.sort((a, b) => a - b)[rates.length >> 1];
  }

  /** Median start-up in ms over fresh processes. */
  function startup(which: string, bundle: string): number {
    const runs: number[] = [];
    const model = modelPath(which === 'dossier-en' ? 'en' : 'zh');
    for (let i = 0; i < Math.max(3, rounds); i++) {
      const out = execFileSync(process.execPath, [join(root, 'scripts', 'lib', 'bench-startup.mjs'), which, pathToFileURL(bundle).href, model], { cwd: root, encoding: 'utf8' });
      runs.push(Number(out));
    }
    return runs.sort((a, b) => a - b)[runs.length >> 1];
  }

  const bundle = await bundleRecognizer();
  const { recognize, installModel } = (await import(pathToFileURL(bundle).href)) as typeof import('../../utils/recognize/index.ts');
  installModel('zh', readFileSync(modelPath('zh')));
  installModel('en', readFileSync(modelPath('en'), 'utf8'));
  const { tag } = await import('jieba-wasm');
  const { default: nlp } = await import('compromise');

  console.log(`# Recogniser benchmark (${rounds} rounds, median)\n`);
  console.log(`Chinese text: ${zh.source} + specification page, ${zh.texts.reduce((n, t) => n + t.length, 0)} chars`);
  console.log(`English text: ${en.source}, ${en.texts.reduce((n, t) => n + t.length, 0)} chars\n`);

  const oursZh = throughput(zh.texts, (t) => recognize(t, { lang: 'zh' }));
  const jieba = throughput(zh.texts, (t) => tag(t, true));
  const oursEn = throughput(en.texts, (t) => recognize(t, { lang: 'en' }));
  const comp = throughput(en.texts, (t) => {
    const d = nlp(t);
    d.people().out('offset');
    d.organizations().out('offset');
    d.numbers().out('offset');
  });
  const upOurs = startup('dossier', bundle);
  const upJieba = startup('jieba', bundle);
  const upOursEn = startup('dossier-en', bundle);
  const upComp = startup('compromise', bundle);

  row(['measure', 'Dossier', 'peer', 'ratio', 'goal']);
  row(['---', '---', '---', '---', '---']);
  row(['zh chars/s vs jieba-wasm tag', fmt(oursZh), fmt(jieba), `${(oursZh / jieba).toFixed(2)}×`, '≥ 3×']);
  row(['en chars/s vs compromise', fmt(oursEn), fmt(comp), `${(oursEn / comp).toFixed(2)}×`, '']);
  row(['zh start-up ms vs jieba-wasm', upOurs.toFixed(1), upJieba.toFixed(1), `${(upOurs / upJieba).toFixed(3)}`, '≤ 0.1']);
  row(['en start-up ms vs compromise', upOursEn.toFixed(1), upComp.toFixed(1), `${(upOursEn / upComp).toFixed(3)}`, '']);

  // What the page loads: the content script (recognition runs in the background, see DESIGN notes in README).
  const gz = (file: string) => gzipSync(readFileSync(file)).length;
  const recognizerGz = gz(bundle);
  console.log(`\nrecogniser bundle (runs in the background): ${fmt(statSync(bundle).size)}B, gzip ${fmt(recognizerGz)}B; ` +
    `model files read on the first text of their language: zh ${fmt(statSync(modelPath('zh')).size)}B, en ${fmt(statSync(modelPath('en')).size)}B`);
  const contentDir = join(root, '.output', 'chrome-mv3', 'content-scripts');
  if (existsSync(contentDir)) {
    for (const f of readdirSync(contentDir).filter((f) => f.endsWith('.js')))
      console.log(`content script ${f}: gzip ${fmt(gz(join(contentDir, f)))}B — recogniser code it loads: 0 B (it asks the background)`);
  } else console.log('content script: run `npm run build` first to measure it');
}
