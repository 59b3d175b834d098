// Child process for start-up timing: load one recogniser with its model, run it once on a short sentence, print ms.
// Ours counts importing the bundle, reading the language's model file from disk and its first result,
// as jieba-wasm's counts importing the package (which reads its .wasm and dictionary) and its first result.
// Usage: node bench-startup.mjs dossier|dossier-en|jieba|compromise [bundle URL] [model file]
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const [which, bundle, modelFile] = process.argv.slice(2);
const t0 = performance.now();
if (which === 'dossier') {
  const { recognize, installModel } = await import(bundle);
  installModel('zh', readFileSync(modelFile));
  recognize('该局党组书记、局长刘晓军出席活动，线下线上1000余名干部职工参加。', { lang: 'zh' });
} else if (which === 'dossier-en') {
  const { recognize, installModel } = await import(bundle);
  installModel('en', readFileSync(modelFile, 'utf8'));
  recognize('Secretary of State Antony Blinken told Reuters on Monday that 1,200 people left.', { lang: 'en' });
} else if (which === 'jieba') {
  const { tag } = await import('jieba-wasm');
  tag('该局党组书记、局长刘晓军出席活动，线下线上1000余名干部职工参加。', true);
} else if (which === 'compromise') {
  const { default: nlp } = await import('compromise');
  const doc = nlp('Secretary of State Antony Blinken told Reuters on Monday that 1,200 people left.');
  doc.people().out('array');
  doc.organizations().out('array');
} else {
  throw new Error(`unknown recogniser ${which}`);
}
process.stdout.write(String(performance.now() - t0));
