/**
 * Trains the English person/organization tagger (averaged structured perceptron, BIOES, Viterbi)
 * on CoNLL-2003 eng.train and writes compact weights to public/models/en-tagger.txt.
 *   npx tsx scripts/train-en.ts [--epochs N] [--min W] [--no-write]
 * Data is read in place from DOSSIER_DATA (default ../shared/data); dev F1 is printed per epoch.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NT, PAD, TAGS, type Lexicon, pairFeatures, wordFeatures } from '../utils/recognize/en/features.ts';
import { sentenceStarts, tokenize } from '../utils/recognize/en/tokenize.ts';
import { viterbi } from '../utils/recognize/en/viterbi.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(process.env.DOSSIER_DATA ?? join(root, '..', 'shared', 'data'));
const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const EPOCHS = opt('--epochs', 12);
const MIN_W = opt('--min', 0.5); // prune features whose largest |averaged weight| is below this
const FOLDS = 5;
const QUANT = opt('--quant', 4); // stored ints = round(weight * QUANT)

interface Ent { type: string; start: number; end: number }
interface Sent { words: string[]; gold: Uint8Array; fold: number }

function readJsonl(file: string): Array<{ text: string; entities: Ent[] }> {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

let misaligned = 0;
/** Tokenises a record and turns its gold spans into BIOES tags per sentence. */
function toSentences(rec: { text: string; entities: Ent[] }, fold: number): Sent[] {
  const toks = tokenize(rec.text);
  const tags = new Uint8Array(toks.length);
  for (const e of rec.entities) {
    if (e.type !== 'person' && e.type !== 'org') continue;
    const ty = e.type === 'person' ? 'PER' : 'ORG';
    const idx: number[] = [];
    for (let i = 0; i < toks.length; i++) if (toks[i].start >= e.start && toks[i].end <= e.end) idx.push(i);
    if (!idx.length || toks[idx[0]].start !== e.start || toks[idx[idx.length - 1]].end !== e.end) { misaligned++; continue; }
    const tag = (p: string) => TAGS.indexOf(`${p}-${ty}` as (typeof TAGS)[number]);
    if (idx.length === 1) tags[idx[0]] = tag('S');
    else idx.forEach((t, j) => (tags[t] = tag(j === 0 ? 'B' : j === idx.length - 1 ? 'E' : 'I')));
  }
  const starts = sentenceStarts(toks);
  const out: Sent[] = [];
  for (let s = 0; s < starts.length; s++) {
    const a = starts[s], b = s + 1 < starts.length ? starts[s + 1] : toks.length;
    out.push({ words: toks.slice(a, b).map((t) => t.text), gold: tags.slice(a, b), fold });
  }
  return out;
}

/** Word lists from training sentences (optionally leaving one fold out, so lexicon features are honest). */
function buildLexicon(sents: Sent[], skipFold: number): Lexicon {
  const lex: Lexicon = { first: new Set(), last: new Set(), org: new Set(), orgEnd: new Set(), lower: new Set() };
  const lowerCount = new Map<string, number>();
  for (const s of sents) {
    if (s.fold === skipFold) continue;
    s.words.forEach((w, i) => {
      const t = TAGS[s.gold[i]];
      if (t === 'B-PER') lex.first.add(w);
      if (t === 'E-PER' || t === 'S-PER') lex.last.add(w);
      if (t.endsWith('ORG') && /^[A-Z]/.test(w)) lex.org.add(w);
      if ((t === 'E-ORG' || t === 'S-ORG') && /^[A-Z]/.test(w)) lex.orgEnd.add(w);
      if (/^[a-z]+$/.test(w) && i > 0) lowerCount.set(w, (lowerCount.get(w) ?? 0) + 1);
    });
  }
  for (const [w, c] of lowerCount) if (c >= 2) lex.lower.add(w);
  return lex;
}

// ---- features → ids
const featId = new Map<string, number>();
const featNames: string[] = [];
function fid(f: string, grow: boolean): number {
  let id = featId.get(f);
  if (id === undefined) {
    if (!grow) return -1;
    id = featNames.length;
    featId.set(f, id);
    featNames.push(f);
  }
  return id;
}
function sentFeatures(words: string[], lex: Lexicon, grow: boolean): Int32Array[] {
  const n = words.length;
  const res: Int32Array[] = [];
  for (let i = 0; i < n; i++) {
    const fs: number[] = [];
    for (let k = -2; k <= 2; k++) {
      const j = i + k;
      for (const f of wordFeatures(j >= 0 && j < n ? words[j] : PAD, k, lex)) {
        const id = fid(f, grow);
        if (id >= 0) fs.push(id);
      }
    }
    for (const f of pairFeatures(words, i)) {
      const id = fid(f, grow);
      if (id >= 0) fs.push(id);
    }
    res.push(Int32Array.from(fs));
  }
  return res;
}

// ---- data
const trainFile = join(dataDir, 'train', 'conll-en-train.jsonl');
const devFile = join(dataDir, 'conll-en-dev.jsonl');
if (!existsSync(trainFile)) throw new Error(`training data not found: ${trainFile} (set DOSSIER_DATA)`);
// --holdout K: leave every 5th training record (offset K) out and score on it instead of dev (model not written)
const HOLDOUT = opt('--holdout', -1);
const allTrain = readJsonl(trainFile);
const train = allTrain.filter((_, i) => HOLDOUT < 0 || i % 5 !== HOLDOUT).flatMap((r, i) => toSentences(r, i % FOLDS));
const dev = HOLDOUT >= 0
  ? allTrain.filter((_, i) => i % 5 === HOLDOUT).flatMap((r) => toSentences(r, -1))
  : existsSync(devFile) ? readJsonl(devFile).flatMap((r) => toSentences(r, -1)) : [];
if (HOLDOUT >= 0) args.push('--no-write');
console.log(`train ${train.length} sentences, dev ${dev.length}, misaligned spans ${misaligned}`);

const NO_LEX = args.includes('--no-lex');
const emptyLex = (): Lexicon => ({ first: new Set(), last: new Set(), org: new Set(), orgEnd: new Set(), lower: new Set() });
const foldLex = Array.from({ length: FOLDS }, (_, f) => (NO_LEX ? emptyLex() : buildLexicon(train, f)));
const fullLex = NO_LEX ? emptyLex() : buildLexicon(train, -1);
const ext = args.includes('--no-ext') ? new Map<string, string>() : await outsideLists();
for (const l of [...foldLex, fullLex]) l.ext = ext;
console.log(`outside word lists: ${ext.size} words`);

/**
 * Single-word names, places and demonyms from the lexicon of compromise (MIT licence, a devDependency
 * used at training time only): they tell the tagger about names eng.train never saw.
 */
async function outsideLists(): Promise<Map<string, string>> {
  const { default: nlp } = await import('compromise');
  const lex = (nlp as unknown as { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } }).world().model.one.lexicon;
  const letter: Record<string, string> = {
    FirstName: 'f', MaleName: 'f', FemaleName: 'f', LastName: 's', Organization: 'o', SportsTeam: 'o',
    City: 'p', Country: 'p', Region: 'p', Place: 'p', Demonym: 'd',
  };
  const out = new Map<string, string>();
  for (const [word, tags] of Object.entries(lex)) {
    if (!/^[a-z][a-z'&.-]*$/.test(word)) continue;
    for (const t of Array.isArray(tags) ? tags : [tags]) {
      const l = letter[t];
      if (l && !(out.get(word) ?? '').includes(l)) out.set(word, (out.get(word) ?? '') + l);
    }
  }
  return out;
}
const trainX = train.map((s) => sentFeatures(s.words, foldLex[s.fold], true));
const nF = featNames.length;
console.log(`${nF} features`);

// ---- averaged perceptron
const W1 = NT + 1;
const w = new Float64Array(nF * NT), u = new Float64Array(nF * NT);
const tr = new Float64Array(W1 * W1), tu = new Float64Array(W1 * W1);
let c = 1;

function emissions(x: Int32Array[], weights: Float64Array): Float64Array {
  const e = new Float64Array(x.length * NT);
  x.forEach((fs, i) => {
    for (const f of fs) for (let t = 0; t < NT; t++) e[i * NT + t] += weights[f * NT + t];
  });
  return e;
}
function update(x: Int32Array[], tags: Uint8Array, sign: number) {
  const n = tags.length;
  let prev: number = NT;
  for (let i = 0; i < n; i++) {
    const t = tags[i];
    for (const f of x[i]) { w[f * NT + t] += sign; u[f * NT + t] += sign * c; }
    tr[prev * W1 + t] += sign; tu[prev * W1 + t] += sign * c;
    prev = t;
  }
  tr[prev * W1 + NT] += sign; tu[prev * W1 + NT] += sign * c;
}

function spans(tags: Uint8Array): Set<string> {
  const out = new Set<string>();
  let start = -1;
  tags.forEach((t, i) => {
    const s = TAGS[t];
    if (s[0] === 'S') out.add(`${i}:${i}:${s.slice(2)}`);
    if (s[0] === 'B') start = i;
    if (s[0] === 'E' && start >= 0) { out.add(`${start}:${i}:${s.slice(2)}`); start = -1; }
  });
  return out;
}
function evalDev(weights: Float64Array, trans: Float64Array): string {
  const cnt: Record<string, { g: number; p: number; ok: number }> = { PER: { g: 0, p: 0, ok: 0 }, ORG: { g: 0, p: 0, ok: 0 } };
  for (const s of dev) {
    const x = sentFeatures(s.words, fullLex, false);
    const pred = viterbi(emissions(x, weights), s.words.length, trans);
    const g = spans(s.gold), p = spans(pred);
    for (const k of g) cnt[k.split(':')[2]].g++;
    for (const k of p) { cnt[k.split(':')[2]].p++; if (g.has(k)) cnt[k.split(':')[2]].ok++; }
  }
  return Object.entries(cnt).map(([k, v]) => `${k} F1 ${((2 * v.ok) / (v.g + v.p || 1)).toFixed(3)}`).join('  ');
}
function averaged(): { aw: Float64Array; at: Float64Array } {
  const aw = new Float64Array(w.length), at = new Float64Array(tr.length);
  for (let i = 0; i < w.length; i++) aw[i] = w[i] - u[i] / c;
  for (let i = 0; i < tr.length; i++) at[i] = tr[i] - tu[i] / c;
  return { aw, at };
}

let seed = 12345;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const order = train.map((_, i) => i);
for (let ep = 1; ep <= EPOCHS; ep++) {
  for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
  let errs = 0;
  for (const idx of order) {
    const s = train[idx], x = trainX[idx];
    const pred = viterbi(emissions(x, w), s.words.length, tr);
    let same = true;
    for (let i = 0; i < pred.length; i++) if (pred[i] !== s.gold[i]) { same = false; break; }
    if (!same) { errs++; update(x, s.gold, 1); update(x, pred, -1); }
    c++;
  }
  const { aw, at } = averaged();
  console.log(`epoch ${ep}: ${errs} wrong sentences; dev ${dev.length ? evalDev(aw, at) : '-'}`);
}

// ---- prune, quantise, encode
const { aw, at } = averaged();
const q = (x: number) => Math.round(x * QUANT);
const entries: string[] = [];
for (let f = 0; f < nF; f++) {
  let keep = false;
  for (let t = 0; t < NT; t++) if (Math.abs(aw[f * NT + t]) >= MIN_W && q(aw[f * NT + t]) !== 0) keep = true;
  if (!keep) continue;
  const vals: string[] = [];
  for (let t = 0; t < NT; t++) { const v = q(aw[f * NT + t]); vals.push(v ? String(v) : ''); }
  entries.push(`${vals.join(',')}:${featNames[f]}`);
}
const qt = new Float64Array(at.length);
at.forEach((v, i) => (qt[i] = q(v)));
const qw = new Float64Array(aw.length);
// dev score of the pruned, quantised model (as shipped)
{
  const kept = new Set(entries.map((e) => e.slice(e.indexOf(':') + 1)));
  for (let f = 0; f < nF; f++) if (kept.has(featNames[f])) for (let t = 0; t < NT; t++) qw[f * NT + t] = q(aw[f * NT + t]);
  console.log(`pruned: ${entries.length} of ${nF} features kept; dev ${dev.length ? evalDev(qw, qt) : '-'}`);
}
const lexLists = [fullLex.first, fullLex.last, fullLex.org, fullLex.orgEnd, fullLex.lower].map((s) => [...s].filter((x) => !/\s/.test(x)).sort().join(' '));
lexLists.push([...ext].map(([w, l]) => `${w}=${l}`).sort().join(' '));
const encoded = ['en1 perceptron bioes', Array.from(qt).join(','), lexLists.join('\t'), entries.join(' ')].join('\n');
if (!args.includes('--no-write')) {
  writeFileSync(join(root, 'public', 'models', 'en-tagger.txt'), encoded);
  console.log(`wrote public/models/en-tagger.txt: ${(encoded.length / 1024).toFixed(0)} KB`);
}
