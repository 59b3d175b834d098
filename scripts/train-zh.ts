/**
 * Trains the Chinese person/org character tagger (averaged structured perceptron, BIOES, Viterbi) over
 * exact char n-gram features (the keys the runtime looks up, no hashing) on ../shared/data/train
 * (override with DOSSIER_DATA), excluding every record whose id is in a *-dev.jsonl file so dev scores
 * stay honest, then writes the pruned int8 weights to public/models/zh-tagger.bin and prints dev scores.
 *   npx tsx scripts/train-zh.ts [--epochs 12] [--margin 2] [--min-q 1] [--zero-q 0] [--budget 1000000] [--o-bias -6]
 *     [--pd 6] [--no-fill] [--dry] [--drop uni0,skip,misc4…] [--cache FILE | --from-cache FILE]
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeModel, encodeModel, G_BI, G_MISC, G_SKIP, G_TRI, G_UNI, triKey, WIDTH, type Group } from '../utils/recognize/zh/model/codec.ts';
import { ALLOWED, CAN_END, Decoder } from '../utils/recognize/zh/model/decode.ts';
import { Featurizer, lexTables, NF as NF_, NMISC, NT as NT_, PAD, type Lexicon } from '../utils/recognize/zh/model/features.ts';

const NF: number = NF_;
const NT: number = NT_;
import { dataDir, readJsonl, report, throughput, type GoldRecord } from './eval-zh-tagger.ts';

const args = process.argv.slice(2);
const opt = (name: string, d: number) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : d; };
const EPOCHS = opt('--epochs', 12);
const MIN_Q = opt('--min-q', 1);
const ZERO_Q = opt('--zero-q', 0);
// cost-augmented decoding while training (Hamming loss): pushes for a margin, which generalises better
const MARGIN = opt('--margin', 2);
const BUDGET = opt('--budget', 750_000); // bytes of the model with int8 weights (encodeModel's budgetBytes)
const DRY = args.includes('--dry');
// --drop uni0,skip,misc4 … trains without those templates (ablation; their rows come out empty)
const DROP = new Set((args.includes('--drop') ? args[args.indexOf('--drop') + 1] : '').split(',').filter(Boolean));
// People's Daily NER is small but its conventions (县委, 北大, 邓小平 in 邓小平理论) differ from PKU's: oversample it
const WEIGHT: Record<string, number> = { 'pku1998-train.jsonl': 1, 'peoples-daily-train.jsonl': opt('--pd', 6), 'cluener-train.jsonl': opt('--cluener', 1) };
const FILL = !args.includes('--no-fill');
const TRAIN_FILES = ['pku1998-train.jsonl', 'peoples-daily-train.jsonl', 'cluener-train.jsonl'];
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'public', 'models', 'zh-tagger.bin');

interface Sample { n: number; feats: Int32Array; gold: Uint8Array; weight: number }
type Rec = GoldRecord & { file: string };

function loadTraining(): Rec[] {
  const dir = dataDir();
  const devIds = new Set<string>();
  for (const f of readdirSync(dir)) if (f.endsWith('-dev.jsonl')) for (const r of readJsonl(join(dir, f))) devIds.add(r.id);
  const out: Rec[] = [];
  for (const f of TRAIN_FILES) {
    const path = join(dir, 'train', f);
    if (!existsSync(path)) throw new Error(`missing ${path}`);
    const recs = readJsonl(path);
    const kept = recs.filter((r) => !devIds.has(r.id));
    console.log(`${f}: ${kept.length} of ${recs.length} records (dev removed)`);
    for (const r of kept) out.push({ ...r, file: f });
  }
  return out;
}

/** Learns the surname and org-ending lists from entity statistics (count and precision floors). */
function learnLexicon(recs: GoldRecord[]): Lexicon {
  const occ1 = new Map<string, number>(), occ2 = new Map<string, number>();
  const sur = new Map<string, number>(), end1 = new Map<string, number>(), end2 = new Map<string, number>();
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const r of recs) {
    const t = r.text;
    for (let i = 0; i < t.length; i++) { inc(occ1, t[i]); if (i + 1 < t.length) inc(occ2, t.slice(i, i + 2)); }
    for (const e of r.entities) {
      const s = t.slice(e.start, e.end);
      if (e.type === 'person' && s.length >= 2 && s.length <= 4 && !/[·•]/.test(s)) inc(sur, s[0]);
      if (e.type === 'org' && s.length >= 2) { inc(end1, s[s.length - 1]); if (s.length >= 3) inc(end2, s.slice(-2)); }
    }
  }
  const pick = (m: Map<string, number>, occ: Map<string, number>, minC: number, minR: number) =>
    [...m].filter(([k, c]) => c >= minC && c / (occ.get(k) ?? 1) >= minR && /^[\u3400-\u9fff]+$/.test(k)).map(([k]) => k).sort();
  return {
    surnames: pick(sur, occ1, 3, 0.05).join(''),
    orgEnd1: pick(end1, occ1, 5, 0.15).join(''),
    orgEnd2: pick(end2, occ2, 3, 0.3).join(''),
  };
}

/** Calls f for each leftmost-longest occurrence in text of a string of `names` (lengths 2..maxLen). */
function scan(text: string, names: Set<string>, maxLen: number, f: (name: string, at: number) => void): void {
  for (let i = 0; i < text.length; i++) {
    for (let len = maxLen; len >= 2; len--) {
      const s = text.slice(i, i + len);
      if (s.length === len && names.has(s)) { f(s, i); i += len - 1; break; }
    }
  }
}

/**
 * Labels unlabelled occurrences in `targets` of strings that `sources` label as `type` in at least
 * minRatio of their occurrences there. PKU leaves names unlabelled inside compounds it tags nz
 * (邓小平 in 邓小平理论) and calls 县委, 北大, 国会 plain nouns; People's Daily NER labels them, and so
 * does the held-out test of that source, so PKU is brought to the majority convention.
 */
function fill(sources: Rec[], targets: Rec[], type: 'person' | 'org', minCount: number, minRatio: number, maxLen: number): void {
  const labelled = new Map<string, number>();
  for (const r of sources) for (const e of r.entities) if (e.type === type && e.end - e.start >= 2 && e.end - e.start <= maxLen) {
    const s = r.text.slice(e.start, e.end);
    labelled.set(s, (labelled.get(s) ?? 0) + 1);
  }
  const names = new Set([...labelled].filter(([, c]) => c >= minCount).map(([s]) => s));
  const occ = new Map<string, number>();
  for (const r of sources) scan(r.text, names, maxLen, (s) => occ.set(s, (occ.get(s) ?? 0) + 1));
  const ok = new Set([...names].filter((s) => (labelled.get(s) ?? 0) / (occ.get(s) ?? 1) >= minRatio));
  let added = 0;
  for (const r of targets) {
    scan(r.text, ok, maxLen, (name, s) => {
      const e = s + name.length;
      if (r.entities.some((x) => (x.type === 'person' || x.type === 'org') && x.start < e && s < x.end)) return;
      r.entities.push({ type, start: s, end: e });
      added++;
    });
  }
  console.log(`filled ${added} unlabelled ${type} occurrences of ${ok.size} names`);
}

function fillNames(recs: Rec[]): void {
  const pku = recs.filter((r) => r.file.startsWith('pku'));
  const pd = recs.filter((r) => r.file.startsWith('peoples'));
  fill(pku, pku, 'person', 3, 0.4, 4);
  fill(pd, pku, 'org', opt('--org-min', 1), 0.5, 10);
  extendOrgPrefixes(pd, pku);
}

/**
 * People's Daily NER keeps a country or place in the org (英国内政部, 伊朗议会) where PKU tags 英国/ns 内政部/nt.
 * Learn the prefixes PD glues onto orgs that also occur bare, and glue them onto PKU orgs the same way.
 */
function extendOrgPrefixes(pd: Rec[], pku: Rec[]): void {
  const orgs = new Set<string>();
  for (const r of [...pd, ...pku]) for (const e of r.entities) if (e.type === 'org') orgs.add(r.text.slice(e.start, e.end));
  const count = new Map<string, number>();
  for (const r of pd) for (const e of r.entities) if (e.type === 'org') {
    const s = r.text.slice(e.start, e.end);
    for (let k = 2; k <= 4 && k <= s.length - 2; k++) if (orgs.has(s.slice(k))) count.set(s.slice(0, k), (count.get(s.slice(0, k)) ?? 0) + 1);
  }
  const prefixes = [...count].filter(([p, c]) => c >= 2 && /^[\u4e00-\u9fff]+$/.test(p)).map(([p]) => p).sort((a, b) => b.length - a.length);
  let n = 0;
  for (const r of pku) for (const e of r.entities) {
    if (e.type !== 'org') continue;
    for (const p of prefixes) {
      const s = e.start - p.length;
      if (s < 0 || r.text.slice(s, e.start) !== p) continue;
      if (r.entities.some((x) => x !== e && (x.type === 'person' || x.type === 'org') && x.start < e.start && s < x.end)) break;
      e.start = s; n++;
      break;
    }
  }
  console.log(`glued ${n} place prefixes onto PKU orgs (${prefixes.length} prefixes: ${prefixes.slice(0, 12).join(' ')} …)`);
}

function goldTags(r: GoldRecord): Uint8Array {
  const tags = new Uint8Array(r.text.length);
  const ents = r.entities.filter((e) => e.type === 'person' || e.type === 'org')
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let last = 0;
  for (const e of ents) {
    if (e.start < last || e.end <= e.start) continue;
    const base = e.type === 'person' ? 1 : 5;
    if (e.end - e.start === 1) tags[e.start] = base + 3;
    else {
      tags[e.start] = base;
      for (let i = e.start + 1; i < e.end - 1; i++) tags[i] = base + 1;
      tags[e.end - 1] = base + 2;
    }
    last = e.end;
  }
  return tags;
}

function viterbi(s: Sample, W: Float64Array, T: Float64Array, E: Float64Array, out: Uint8Array, margin = 0): void {
  const n = s.n, f = s.feats;
  const bp = new Uint8Array(n * NT);
  let prev = new Float64Array(NT), cur = new Float64Array(NT);
  const em = new Float64Array(NT);
  for (let i = 0; i < n; i++) {
    em.fill(0);
    for (let k = 0; k < NF; k++) { const o = f[i * NF + k] * NT; for (let t = 0; t < NT; t++) em[t] += W[o + t]; }
    if (margin) { const g = s.gold[i]; for (let t = 0; t < NT; t++) if (t !== g) em[t] += margin; }
    if (i === 0) for (let t = 0; t < NT; t++) cur[t] = ALLOWED[NT * NT + t] ? em[t] + T[NT * NT + t] : -1e18;
    else {
      for (let t = 0; t < NT; t++) {
        let bs = -Infinity, bj = 0;
        for (let p = 0; p < NT; p++) {
          if (!ALLOWED[p * NT + t]) continue;
          const v = prev[p] + T[p * NT + t];
          if (v > bs) { bs = v; bj = p; }
        }
        cur[t] = bs + em[t];
        bp[i * NT + t] = bj;
      }
    }
    const tmp = prev; prev = cur; cur = tmp;
  }
  let bt = 0, bs = -Infinity;
  for (let t = 0; t < NT; t++) if (CAN_END[t] && prev[t] + E[t] > bs) { bs = prev[t] + E[t]; bt = t; }
  for (let i = n - 1; i >= 0; i--) { out[i] = bt; if (i > 0) bt = bp[i * NT + bt]; }
}

/** Every n-gram of a group seen in training: keys, how often, and its quantised row (WIDTH[g] × NT). */
interface Rows { keys: Float64Array; freq: Float64Array; rows: Int8Array }

/** The exact n-gram keys of the training texts (what the runtime looks up), one feature id block per group. */
class Vocab {
  maps = WIDTH.map(() => new Map<number, number>()); // unsigned key → entry index
  freq: number[][] = WIDTH.map(() => []);
  base: number[] = [];
  total = 0;
  private mk = new Int32Array(NMISC);
  private add(g: number, key: number): void {
    const m = this.maps[g], j = m.get(key);
    if (j === undefined) { m.set(key, this.freq[g].length); this.freq[g].push(1); } else this.freq[g][j]++;
  }
  /** Counts the n-grams of the text loaded in feat (n chars). */
  count(feat: Featurizer, n: number): void {
    const c = feat.c, N = n + 2 * PAD;
    for (let p = 0; p < N; p++) this.add(G_UNI, c[p]);
    for (let p = 0; p + 1 < N; p++) this.add(G_BI, ((c[p] << 16) | c[p + 1]) >>> 0);
    for (let p = 0; p + 2 < N; p++) this.add(G_TRI, triKey(c[p], c[p + 1], c[p + 2]) >>> 0);
    for (let i = 0; i < n; i++) {
      this.add(G_SKIP, ((c[i + PAD - 1] << 16) | c[i + PAD + 1]) >>> 0);
      feat.misc(i, this.mk, 0);
      for (let j = 0; j < NMISC; j++) this.add(G_MISC, this.mk[j] >>> 0);
    }
  }
  /** Fixes the id blocks: id 0 is the bias, then group g's entry j, sub-row k is base[g] + j * WIDTH[g] + k. */
  freeze(): void {
    let b = 1;
    for (let g = 0; g < WIDTH.length; g++) { this.base.push(b); b += this.freq[g].length * WIDTH[g]; }
    this.total = b;
  }
  private id(g: number, key: number, k: number): number {
    return this.base[g] + this.maps[g].get(key)! * WIDTH[g] + k;
  }
  /** The NF feature ids of position i of the text loaded in feat (every n-gram is in the vocabulary). */
  features(feat: Featurizer, i: number, out: Int32Array, o: number): void {
    const c = feat.c, p = i + PAD, off = 0; // ablated templates fold into the bias
    let f = o;
    out[f++] = 0;
    for (let k = 0; k < 7; k++) out[f++] = DROP.has(`uni${k}`) ? off : this.id(G_UNI, c[p - 3 + k], k);
    for (let k = 0; k < 4; k++) out[f++] = DROP.has(`bi${k}`) ? off : this.id(G_BI, ((c[p - 2 + k] << 16) | c[p - 1 + k]) >>> 0, k);
    for (let k = 0; k < 3; k++) out[f++] = DROP.has(`tri${k}`) ? off : this.id(G_TRI, triKey(c[p - 2 + k], c[p - 1 + k], c[p + k]) >>> 0, k);
    out[f++] = DROP.has('skip') ? off : this.id(G_SKIP, ((c[p - 1] << 16) | c[p + 1]) >>> 0, 0);
    feat.misc(i, this.mk, 0);
    for (let j = 0; j < NMISC; j++) out[f++] = DROP.has(`misc${j + 1}`) ? off : this.id(G_MISC, this.mk[j] >>> 0, 0);
  }
  /** Quantised rows per group, in ascending key order (the file order). */
  rows(Wa: Float64Array, q: (v: number, lim: number) => number): Rows[] {
    return WIDTH.map((width, g) => {
      const entries = [...this.maps[g]].sort((x, y) => x[0] - y[0]);
      const keys = new Float64Array(entries.length), freq = new Float64Array(entries.length);
      const rows = new Int8Array(entries.length * width * NT);
      entries.forEach(([key, j], e) => {
        keys[e] = key; freq[e] = this.freq[g][j];
        for (let k = 0; k < width * NT; k++) {
          let v = q(Wa[(this.base[g] + j * width) * NT + k], 127);
          if (Math.abs(v) <= ZERO_Q) v = 0; // small weights in a kept row are noise at this resolution
          rows[e * width * NT + k] = v;
        }
      });
      return { keys, freq, rows };
    });
  }
}

/**
 * Prunes sub-rows by |weight| × log(1 + training frequency of the n-gram), so rare memorised n-grams go
 * first, keeping the best that fit `bytes` (estimated encoded size), and returns the kept rows per group.
 */
function prune(all: Rows[], bytes: number): Group[] {
  let total = 0;
  for (let g = 0; g < all.length; g++) total += all[g].keys.length * WIDTH[g];
  const score = new Float64Array(total), cost = new Float32Array(total), gi = new Uint8Array(total), idx = new Int32Array(total);
  let m = 0;
  for (let g = 0; g < all.length; g++) {
    const { freq, rows } = all[g], width = WIDTH[g];
    for (let j = 0; j < freq.length; j++) for (let k = 0; k < width; k++) {
      let mx = 0, nz = 0;
      for (let t = 0; t < NT; t++) { const v = rows[(j * width + k) * NT + t]; if (v) { nz++; mx = Math.max(mx, Math.abs(v)); } }
      if (mx < MIN_Q) continue;
      score[m] = mx * Math.log(1 + freq[j]); cost[m] = NT + 3 / width; gi[m] = g; idx[m] = j * width + k; m++;
    }
  }
  const order = Int32Array.from({ length: m }, (_, i) => i).sort((x, y) => score[y] - score[x]);
  const keep = all.map((r, g) => new Uint8Array(r.keys.length * WIDTH[g]));
  let used = 0, kept = 0;
  for (const i of order) { if (used + cost[i] > bytes) break; used += cost[i]; keep[gi[i]][idx[i]] = 1; kept++; }
  const groups: Group[] = [];
  for (let g = 0; g < all.length; g++) {
    const { keys, rows } = all[g], width = WIDTH[g], keys2: number[] = [], rows2: number[] = [];
    for (let j = 0; j < keys.length; j++) {
      let any = false;
      for (let k = 0; k < width; k++) if (keep[g][j * width + k]) any = true;
      if (!any) continue;
      keys2.push(keys[j]);
      for (let k = 0; k < width; k++) for (let t = 0; t < NT; t++) rows2.push(keep[g][j * width + k] ? rows[(j * width + k) * NT + t] : 0);
    }
    groups.push({ keys: keys2, rows: Int8Array.from(rows2) });
    console.log(`group ${g}: ${keys2.length} of ${keys.length} n-grams kept`);
  }
  console.log(`${kept} of ${m} sub-rows kept`);
  return groups;
}

/** Averaged-perceptron training over the vocabulary's features; returns the averaged weights. */
function train(recs: Rec[], feat: Featurizer, vocab: Vocab, t0: number): { Wa: Float64Array; Ta: Float64Array; Ea: Float64Array } {
  const samples: Sample[] = [];
  let chars = 0;
  for (const r of recs) {
    const n = r.text.length;
    if (!n) continue;
    feat.load(r.text, 0, n);
    const feats = new Int32Array(n * NF);
    for (let i = 0; i < n; i++) vocab.features(feat, i, feats, i * NF);
    samples.push({ n, feats, gold: goldTags(r), weight: WEIGHT[r.file] ?? 1 });
    chars += n;
  }
  console.log(`${samples.length} samples, ${chars} chars, featurised in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const size = (vocab.total + 1) * NT;
  const W = new Float64Array(size), U = new Float64Array(size);
  const T = new Float64Array((NT + 1) * NT), TU = new Float64Array(T.length);
  const E = new Float64Array(NT), EU = new Float64Array(NT);
  let c = 1;
  let seed = 12345;
  const rand = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 4294967296; };
  const order: number[] = [];
  samples.forEach((s, i) => { for (let k = 0; k < s.weight; k++) order.push(i); });
  const pred = new Uint8Array(4096);
  for (let ep = 0; ep < EPOCHS; ep++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    let errs = 0, tot = 0;
    for (const idx of order) {
      const s = samples[idx];
      const p = s.n <= pred.length ? pred : new Uint8Array(s.n);
      viterbi(s, W, T, E, p, MARGIN);
      const g = s.gold;
      let wrong = false;
      for (let i = 0; i < s.n; i++) {
        tot++;
        const gp = i === 0 ? NT : g[i - 1], pp = i === 0 ? NT : p[i - 1];
        if (g[i] !== p[i]) {
          errs++;
          wrong = true;
          for (let k = 0; k < NF; k++) {
            const o = s.feats[i * NF + k] * NT;
            W[o + g[i]] += 1; U[o + g[i]] += c;
            W[o + p[i]] -= 1; U[o + p[i]] -= c;
          }
        }
        if (g[i] !== p[i] || gp !== pp) {
          T[gp * NT + g[i]] += 1; TU[gp * NT + g[i]] += c;
          T[pp * NT + p[i]] -= 1; TU[pp * NT + p[i]] -= c;
        }
      }
      if (wrong) {
        const gl = g[s.n - 1], pl = p[s.n - 1];
        if (gl !== pl) { E[gl] += 1; EU[gl] += c; E[pl] -= 1; EU[pl] -= c; }
      }
      c++;
    }
    console.log(`epoch ${ep + 1}: ${errs} tag errors (${((100 * errs) / tot).toFixed(2)}%), ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const avg = (w: Float64Array, u: Float64Array) => { const a = new Float64Array(w.length); for (let i = 0; i < w.length; i++) a[i] = w[i] - u[i] / c; return a; };
  return { Wa: avg(W, U), Ta: avg(T, TU), Ea: avg(E, EU) };
}

function main(): void {
  const t0 = performance.now();
  const recs = loadTraining();
  if (FILL) fillNames(recs);
  const lex = learnLexicon(recs);
  console.log(`lexicon: ${lex.surnames.length} surnames, ${lex.orgEnd1.length} org-final chars, ${lex.orgEnd2.length / 2} org endings`);
  const feat = new Featurizer(lexTables(lex));
  const vocab = new Vocab();
  for (const r of recs) if (r.text.length) { feat.load(r.text, 0, r.text.length); vocab.count(feat, r.text.length); }
  vocab.freeze();
  console.log(`${vocab.total} features: ${vocab.freq.map((f) => f.length).join(' / ')} chars / pairs / skip pairs / triples / misc`);
  // --cache FILE stores the averaged weights after training; --from-cache FILE re-exports them without training
  const cacheAt = args.indexOf('--from-cache');
  let Wa: Float64Array, Ta: Float64Array, Ea: Float64Array;
  if (cacheAt >= 0) {
    const all = new Float64Array(new Uint8Array(readFileSync(args[cacheAt + 1])).buffer);
    const size = (vocab.total + 1) * NT;
    Wa = all.subarray(0, size); Ta = all.subarray(size, size + (NT + 1) * NT); Ea = all.subarray(size + (NT + 1) * NT);
  } else {
    ({ Wa, Ta, Ea } = train(recs, feat, vocab, t0));
    const at = args.indexOf('--cache');
    if (at >= 0) {
      const all = new Float64Array(Wa.length + Ta.length + Ea.length);
      all.set(Wa); all.set(Ta, Wa.length); all.set(Ea, Wa.length + Ta.length);
      writeFileSync(args[at + 1], new Uint8Array(all.buffer));
    }
  }

  // quantise: scale so the 99.99th percentile of |w| maps to 127, clip the rest
  const abs: number[] = [];
  for (let i = 0; i < Wa.length; i++) if (Wa[i] !== 0) abs.push(Math.abs(Wa[i]));
  abs.sort((a, b) => a - b);
  const scale = abs[Math.floor(abs.length * 0.9999)] / 127;
  console.log(`${abs.length} nonzero weights; scale ${scale.toFixed(3)}`);
  const q = (v: number, lim: number) => Math.max(-lim, Math.min(lim, Math.round(v / scale)));
  const trans = Int16Array.from(Ta, (v) => q(v, 32767));
  const end = Int16Array.from(Ea, (v) => q(v, 32767));

  const rows = vocab.rows(Wa, q);
  // --o-bias trades recall for precision: a constant added to the O score of every char
  // ablated templates folded into the bias id while training (once per dropped template), so it counts that often
  const bias = Int16Array.from({ length: NT }, (_, t) => q(Wa[t] * (1 + DROP.size), 32767) + (t === 0 ? opt('--o-bias', -6) : 0));
  console.log(`bias ${bias.join(' ')}`);
  let bytes: Uint8Array = new Uint8Array(0);
  let budget = BUDGET;
  for (;;) {
    const encoded = encodeModel({ trans, end, bias, lex, groups: prune(rows, budget) });
    bytes = encoded.bytes;
    console.log(`${(encoded.budgetBytes / 1024).toFixed(0)} KB of keys and int8 weights, file ${(bytes.length / 1024).toFixed(0)} KB`);
    if (encoded.budgetBytes <= BUDGET) break;
    budget *= 0.97;
  }
  const dec = new Decoder(decodeModel(bytes));
  const tag = (text: string) => dec.tag(text);
  report(tag);
  console.log(`speed ${(throughput(tag) / 1e6).toFixed(2)} M chars/s; total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (DRY) return;
  writeFileSync(OUT, bytes);
  console.log(`wrote ${OUT} (${(bytes.length / 1024).toFixed(0)} KB)`);
}

main();
