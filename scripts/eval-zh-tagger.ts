/**
 * Exact-span P/R/F1 of the learned Chinese tagger alone (tagZh, no rules) on the zh dev sets, plus
 * CLUENER gov-org recall and throughput. Data: ../shared/data (override with DOSSIER_DATA).
 *   npx tsx scripts/eval-zh-tagger.ts [--json] [--errors person|org] [--set pku1998] [--jieba]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TagSpan } from '../utils/recognize/zh/model/decode.ts';

/** One gold record of the shared data sets (only the fields the scorer reads). */
export interface GoldRecord {
  id: string;
  text: string;
  entities: Array<{ type: string; start: number; end: number; text?: string; kind?: string }>;
}
/** Counts for one type on one set; P/R/F1 derive from these. */
export interface Counts { gold: number; pred: number; tp: number; govGold: number; govHit: number }

/** Dev sets scored by default, with the thresholds of the brief. */
export const DEV_SETS = ['peoples-daily-dev.jsonl', 'pku1998-dev.jsonl', 'cluener-dev.jsonl'];

/** Where the shared data lives, so the trainer and the evaluator read the same files. */
export function dataDir(): string {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  return resolve(process.env.DOSSIER_DATA ?? join(root, '..', 'shared', 'data'));
}

/** Reads a JSONL file of records. */
export function readJsonl(path: string): GoldRecord[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as GoldRecord);
}

/** Scores exact spans per type (duplicates count once, as tools/score.mjs does). */
export function scoreRecords(gold: GoldRecord[], tag: (text: string) => TagSpan[], errors?: string): Record<string, Counts> {
  const acc: Record<string, Counts> = {};
  for (const t of ['person', 'org']) acc[t] = { gold: 0, pred: 0, tp: 0, govGold: 0, govHit: 0 };
  for (const g of gold) {
    const pred = tag(g.text);
    for (const t of ['person', 'org'] as const) {
      const G = g.entities.filter((e) => e.type === t);
      const gset = new Set(G.map((e) => `${e.start}:${e.end}`));
      const pset = new Set(pred.filter((e) => e.type === t).map((e) => `${e.start}:${e.end}`));
      const a = acc[t];
      a.gold += gset.size;
      a.pred += pset.size;
      for (const k of pset) if (gset.has(k)) a.tp++;
      for (const e of G) if (e.kind === 'gov') { a.govGold++; if (pset.has(`${e.start}:${e.end}`)) a.govHit++; }
      if (errors === t) {
        const miss = G.filter((e) => !pset.has(`${e.start}:${e.end}`)).map((e) => g.text.slice(e.start, e.end));
        const fp = [...pset].filter((k) => !gset.has(k)).map((k) => { const [s, e] = k.split(':').map(Number); return g.text.slice(s, e); });
        if (miss.length || fp.length) console.log(`${g.id}\tmiss: ${miss.join(' | ')}\tfalse: ${fp.join(' | ')}`);
      }
    }
  }
  return acc;
}

/** Precision, recall, F1 from counts. */
export function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.pred ? c.tp / c.pred : 0, r = c.gold ? c.tp / c.gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Prints one line per set and type; returns the numbers for --json. */
export function report(tag: (text: string) => TagSpan[], opts: { set?: string; errors?: string } = {}) {
  const out: Record<string, unknown> = {};
  for (const file of DEV_SETS) {
    if (opts.set && !file.startsWith(opts.set)) continue;
    const path = join(dataDir(), file);
    if (!existsSync(path)) continue;
    const gold = readJsonl(path);
    const acc = scoreRecords(gold, tag, opts.errors);
    const name = file.replace('-dev.jsonl', '');
    const row: Record<string, unknown> = {};
    for (const t of ['person', 'org']) {
      const s = prf(acc[t]);
      row[t] = { ...s, gold: acc[t].gold, pred: acc[t].pred };
      let line = `${name.padEnd(14)} ${t.padEnd(6)} P ${s.p.toFixed(3)}  R ${s.r.toFixed(3)}  F1 ${s.f1.toFixed(3)}  (gold ${acc[t].gold}, pred ${acc[t].pred})`;
      if (acc[t].govGold) {
        const gr = acc[t].govHit / acc[t].govGold;
        row.govRecall = gr;
        line += `  gov recall ${gr.toFixed(3)} (${acc[t].govGold})`;
      }
      console.log(line);
    }
    out[name] = row;
  }
  return out;
}

/** Characters per CPU second (process time, so other processes on the machine do not skew it) of tag() over the dev texts, repeated to about 2 MB. */
export function throughput(tag: (text: string) => TagSpan[]): number {
  const texts: string[] = [];
  for (const file of DEV_SETS) {
    const path = join(dataDir(), file);
    if (existsSync(path)) for (const r of readJsonl(path)) texts.push(r.text);
  }
  let total = 0;
  for (const t of texts) total += t.length;
  for (const t of texts) tag(t); // warm up
  const reps = Math.max(1, Math.round(2e6 / Math.max(1, total)));
  const t0 = process.cpuUsage();
  for (let k = 0; k < reps; k++) for (const t of texts) tag(t);
  const u = process.cpuUsage(t0);
  return (total * reps) / ((u.user + u.system) / 1e6);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const t0 = performance.now();
  const { tagZh } = await import('../utils/recognize/zh/tagger.ts');
  const { installShippedModels, modelPath } = await import('./lib/node-models.ts');
  const tImport = performance.now() - t0;
  const t1 = performance.now(), c1 = process.cpuUsage();
  installShippedModels();
  tagZh('新华社北京电');
  const tFirst = performance.now() - t1, c2 = process.cpuUsage(c1), cFirst = (c2.user + c2.system) / 1000;
  const res = report(tagZh, { set: opt('--set'), errors: opt('--errors') });
  const cps = throughput(tagZh);
  const size = existsSync(modelPath('zh')) ? readFileSync(modelPath('zh')).length : 0;
  console.log(`speed ${(cps / 1e6).toFixed(2)} M chars/CPU-s; model file ${(size / 1024).toFixed(0)} KB; import ${tImport.toFixed(0)} ms; first call (read + decode) ${tFirst.toFixed(1)} ms wall, ${cFirst.toFixed(1)} ms CPU`);
  if (args.includes('--jieba')) {
    // the product budget is "3x faster than jieba-wasm's tag"; measure that baseline on the same texts
    const jieba = (await import('jieba-wasm')) as unknown as { tag: (s: string, hmm: boolean) => unknown };
    const jcps = throughput((text) => { jieba.tag(text, true); return []; });
    console.log(`jieba-wasm tag ${(jcps / 1e6).toFixed(2)} M chars/CPU-s; tagZh is ${(cps / jcps).toFixed(1)}x faster`);
  }
  if (args.includes('--json')) console.log(JSON.stringify({ ...res, charsPerSecond: cps, weightsBytes: size, decodeMs: tFirst }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
