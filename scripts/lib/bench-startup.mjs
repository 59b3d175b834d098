// Child process for start-up timing: load one recogniser, run it once on a short sentence, print ms.
// Usage: node bench-startup.mjs dossier|jieba|compromise [bundle path]
import { performance } from 'node:perf_hooks';

const [which, bundle] = process.argv.slice(2);
const t0 = performance.now();
if (which === 'dossier') {
  const { recognize } = await import(bundle);
  recognize('该局党组书记、局长刘晓军出席活动，线下线上1000余名干部职工参加。', { lang: 'zh' });
} else if (which === 'dossier-en') {
  const { recognize } = await import(bundle);
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
