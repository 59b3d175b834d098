/**
 * Accuracy report: the bundled specification page always, the development sets of ../shared/data
 * when present (override with DOSSIER_DATA). Prints one table per set with the issue's thresholds.
 *   npm run eval [-- --set NAME] [--json] [--errors TYPE]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recognize, type Lang } from '../utils/recognize/index.ts';
import { installShippedModels } from './lib/node-models.ts';
import { scoreAttributes, scoreType, type GoldEntity, type TypeScore } from './lib/score.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(process.env.DOSSIER_DATA ?? join(root, '..', 'shared', 'data'));
const fixtures = join(root, 'test', 'fixtures', 'jiaozuo-2024-02');

type Metric = 'exact' | 'overlap' | 'precision' | 'gov-recall';
interface Check { type: string; metric: Metric; min: number; numberKinds?: string[] }
interface EvalSet { name: string; file: string; lang: Lang; refDate?: string; checks: Check[]; attributes?: boolean }

const SETS: EvalSet[] = [
  { name: 'spec-clean', file: join(fixtures, 'gold.jsonl'), lang: 'zh', refDate: '2024-02-07', attributes: true, checks: [
    { type: 'person', metric: 'exact', min: 0.95 }, { type: 'org', metric: 'exact', min: 0.9 },
    { type: 'number', metric: 'exact', min: 0.95 }, { type: 'date', metric: 'exact', min: 0.95 }] },
  { name: 'spec-raw', file: join(fixtures, 'gold-raw.jsonl'), lang: 'zh', refDate: '2024-02-07', checks: [
    { type: 'person', metric: 'exact', min: 0.9 }, { type: 'org', metric: 'exact', min: 0.85 },
    { type: 'number', metric: 'exact', min: 0.9 }] },
  { name: 'peoples-daily', file: join(dataDir, 'peoples-daily-dev.jsonl'), lang: 'zh', checks: [
    { type: 'person', metric: 'exact', min: 0.8 }, { type: 'person', metric: 'precision', min: 0.85 },
    { type: 'org', metric: 'exact', min: 0.7 }] },
  { name: 'pku1998', file: join(dataDir, 'pku1998-dev.jsonl'), lang: 'zh', checks: [
    { type: 'person', metric: 'exact', min: 0.8 }, { type: 'org', metric: 'exact', min: 0.65 },
    { type: 'number', metric: 'overlap', min: 0.9, numberKinds: ['digit'] }] },
  { name: 'cluener', file: join(dataDir, 'cluener-dev.jsonl'), lang: 'zh', checks: [
    { type: 'person', metric: 'exact', min: 0.65 }, { type: 'org', metric: 'gov-recall', min: 0.7 }] },
  { name: 'conll-en', file: join(dataDir, 'conll-en-dev.jsonl'), lang: 'en', checks: [
    { type: 'person', metric: 'exact', min: 0.75 }, { type: 'org', metric: 'exact', min: 0.55 }] },
];

const args = process.argv.slice(2);
installShippedModels();
const only = args.includes('--set') ? args[args.indexOf('--set') + 1] : undefined;
const errorsOf = args.includes('--errors') ? args[args.indexOf('--errors') + 1] : undefined;
const asJson = args.includes('--json');

const pct = (x: number) => (x * 100).toFixed(1).padStart(5);
const readJsonl = (file: string) =>
  readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

function value(score: TypeScore, metric: Metric): number {
  if (metric === 'exact') return score.exact.f1;
  if (metric === 'overlap') return score.overlap.f1;
  if (metric === 'precision') return score.exact.p;
  const gov = score.kindRecall.gov;
  return gov ? gov.found / gov.gold : 0;
}

let failed = 0;
const report: Record<string, unknown> = {};
for (const set of SETS) {
  if (only && set.name !== only) continue;
  if (!existsSync(set.file)) {
    console.log(`\n## ${set.name}: skipped, ${set.file} is absent (set DOSSIER_DATA to the folder of the development sets)`);
    continue;
  }
  const records = readJsonl(set.file).map((r: { id: string; text: string; entities: GoldEntity[] }) => ({
    id: r.id,
    text: r.text,
    gold: r.entities,
    pred: recognize(r.text, { lang: set.lang, refDate: set.refDate }),
  }));
  const types = [...new Set(set.checks.map((c) => c.type).concat(set.attributes ? ['person', 'org', 'number', 'date'] : []))];
  if (!asJson) {
    console.log(`\n## ${set.name} (${records.length} texts)`);
    console.log('type    |  gold |  pred | exact P   R    F1  | overlap P   R    F1 | checks');
  }
  const setReport: Record<string, unknown> = {};
  for (const type of types) {
    const checks = set.checks.filter((c) => c.type === type);
    const base = scoreType(records, type);
    const marks = checks.map((c) => {
      const s = c.numberKinds ? scoreType(records, type, c.numberKinds) : base;
      const v = value(s, c.metric);
      const ok = v >= c.min;
      if (!ok) failed++;
      return `${ok ? 'ok' : 'FAIL'} ${c.metric}${c.numberKinds ? `(${c.numberKinds})` : ''} ${pct(v)} ≥ ${pct(c.min)}`;
    });
    setReport[type] = { ...base, checks: marks };
    if (!asJson) {
      const e = base.exact, o = base.overlap;
      const kinds = Object.entries(base.kindRecall).map(([k, v]) => `${k} recall ${pct(v.found / v.gold)}`).join(' ');
      console.log(`${type.padEnd(7)} | ${String(e.gold).padStart(5)} | ${String(e.pred).padStart(5)} | ${pct(e.p)} ${pct(e.r)} ${pct(e.f1)} | ${pct(o.p)} ${pct(o.r)} ${pct(o.f1)} | ${marks.join('; ')} ${kinds}`);
    }
  }
  if (set.attributes) {
    const a = scoreAttributes(records);
    const checks = [['titles', a.titles.rate, 0.9], ['org', a.org.rate, 0.8], ['value', a.value.rate, 0.95]] as const;
    for (const [, v, min] of checks) if (v < min) failed++;
    setReport.attributes = a;
    if (!asJson)
      console.log(checks.map(([k, v, min]) => `${k} right ${pct(v)}% (≥ ${pct(min)}) ${v >= min ? 'ok' : 'FAIL'}`).join(' · '));
  }
  report[set.name] = setReport;
  if (errorsOf) {
    for (const r of records) {
      const gold = r.gold.filter((g: GoldEntity) => g.type === errorsOf);
      const pred = r.pred.filter((p) => p.type === errorsOf);
      const key = (e: { start: number; end: number }) => `${e.start}:${e.end}`;
      const pk = new Set(pred.map(key)), gk = new Set(gold.map(key));
      const missed = gold.filter((g: GoldEntity) => !pk.has(key(g))).map((g: GoldEntity) => g.text);
      const wrong = pred.filter((p) => !gk.has(key(p))).map((p) => p.text);
      if (missed.length || wrong.length) console.log(`${r.id}\tmissed ${JSON.stringify(missed)}\tspurious ${JSON.stringify(wrong)}`);
    }
  }
}
if (asJson) console.log(JSON.stringify(report, null, 1));
console.log(`\n${failed === 0 ? 'all accuracy goals met' : `${failed} accuracy goal(s) not met`}`);
process.exitCode = process.env.EVAL_STRICT && failed ? 1 : 0;
