/**
 * Run-time English tagger: tokens in, BIOES tags out, using the averaged-perceptron weights that
 * scripts/train-en.ts writes to public/models/en-tagger.txt (installed through ../models.ts). Weights
 * are indexed lazily (one scan of the string on first use) and score vectors are cached per
 * (offset, word), so long pages stay fast.
 */
import {
  NT as NTAGS, PAD as PADW, type Lexicon, leftPair, rightPair, shortShape, triFeature, wordFeatures,
} from './features';
import { modelContents } from '../models';
import { viterbi } from './viterbi';

/** A decoded model: feature → offset of its weights in the source string, plus transitions and lexicon. */
export interface Model {
  src: string;
  /** Feature → offset of its weights in `src`, replaced by the parsed vector on first use. */
  index: Map<string, number | Float64Array>;
  trans: Float64Array;
  lex: Lexicon;
}

// local copies: imported bindings can compile to getters, which are slow in the inner loops
const NT = NTAGS;
const PAD = PADW;

/** Parses the compact weight string (format: see scripts/train-en.ts `encode`). */
export function loadModel(src: string): Model {
  const sections = src.split('\n', 3);
  const header = sections[0];
  const trans = new Float64Array((NT + 1) * (NT + 1));
  if (!header.startsWith('en1')) return emptyModel(src);
  const tv = (sections[1] ?? '').split(',');
  for (let i = 0; i < trans.length && i < tv.length; i++) trans[i] = Number(tv[i]) || 0;
  const lists = (sections[2] ?? '').split('\t').map((l) => new Set(l ? l.split(' ') : []));
  const lex: Lexicon = { first: lists[0] ?? new Set(), last: lists[1] ?? new Set(), org: lists[2] ?? new Set(), orgEnd: lists[3] ?? new Set(), lower: lists[4] ?? new Set(), ext: new Map() };
  for (const pair of lists[5] ?? []) {
    const eq = pair.lastIndexOf('=');
    if (eq > 0) lex.ext!.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  const index = new Map<string, number | Float64Array>();
  let pos = sections[0].length + 1 + (sections[1]?.length ?? 0) + 1 + (sections[2]?.length ?? 0) + 1;
  const n = src.length;
  while (pos < n) {
    let end = src.indexOf(' ', pos);
    if (end < 0) end = n;
    const colon = src.indexOf(':', pos);
    if (colon > pos && colon < end) index.set(src.slice(colon + 1, end), pos);
    pos = end + 1;
  }
  return { src, index, trans, lex };
}

function emptyModel(src: string): Model {
  const lex: Lexicon = { first: new Set(), last: new Set(), org: new Set(), orgEnd: new Set(), lower: new Set() };
  return { src, index: new Map(), trans: new Float64Array((NT + 1) * (NT + 1)), lex };
}

/** Adds the weights of feature `f` (if the model has it) into `acc`; false when the model lacks it. */
function addFeature(m: Model, f: string, acc: Float64Array): boolean {
  let v = m.index.get(f);
  if (v === undefined) return false;
  if (typeof v === 'number') m.index.set(f, (v = parseWeights(m.src, v)));
  for (let t = 0; t < NT; t++) acc[t] += v[t];
  return true;
}

/** Reads `w,w,…,w:` (empty = 0) starting at `at`. */
function parseWeights(src: string, at: number): Float64Array {
  const out = new Float64Array(NT);
  let t = 0, v = 0, neg = false, any = false;
  for (let p = at; p < src.length; p++) {
    const c = src.charCodeAt(p);
    if (c === 44 || c === 58) {
      if (any) out[t] = neg ? -v : v;
      t++; v = 0; neg = false; any = false;
      if (c === 58 || t >= NT) break;
    } else if (c === 45) neg = true;
    else if (c >= 48 && c <= 57) { v = v * 10 + (c - 48); any = true; }
  }
  return out;
}

/** One distinct word: its id (for pair caches), coarse shape and score vectors at offsets −2…2. */
interface Rec { id: number; w: string; lw: string; sh: string; ss: number; v: Float64Array; left: Map<number, Float64Array>; right: Map<number, Float64Array> }

const SHAPES = new Map<string, number>();
function shapeId(s: string): number {
  let id = SHAPES.get(s);
  if (id === undefined) SHAPES.set(s, (id = SHAPES.size));
  return id;
}

interface Caches { words: Map<string, Rec>; pairs: number; tri: Map<number, Float64Array>; resets: number }
const caches = new WeakMap<Model, Caches>();
const MAX_WORDS = 100_000;

function cachesOf(m: Model): Caches {
  let c = caches.get(m);
  if (!c) caches.set(m, (c = { words: new Map(), pairs: 0, tri: new Map(), resets: 0 }));
  return c;
}

function record(m: Model, c: Caches, w: string): Rec {
  let r = c.words.get(w);
  if (r) return r;
  if (c.words.size >= MAX_WORDS || c.pairs >= 4 * MAX_WORDS) { c.words.clear(); c.tri.clear(); c.pairs = 0; c.resets++; }
  const v = new Float64Array(5 * NT);
  for (let k = -2; k <= 2; k++) {
    const acc = v.subarray((k + 2) * NT, (k + 3) * NT);
    for (const f of wordFeatures(w, k, m.lex)) addFeature(m, f, acc);
  }
  const sh = shortShape(w);
  r = { id: c.words.size + 1, w, lw: w === PAD ? PAD : w.toLowerCase(), sh, ss: shapeId(sh), v, left: new Map(), right: new Map() };
  c.words.set(w, r);
  return r;
}

const ZERO = new Float64Array(NT);

/** Score of the pair features of (a, b), cached on `b` (left pairs) or on `a` (right pairs). */
function pairVector(m: Model, c: Caches, a: Rec, b: Rec, left: boolean): Float64Array {
  const cache = left ? b.left : a.right;
  const key = left ? a.id : b.id;
  let v = cache.get(key);
  if (v) return v;
  v = new Float64Array(NT);
  let hit = false;
  for (const f of left ? leftPair(a.lw, a.sh, b.lw, b.sh) : rightPair(a.lw, a.sh, b.lw, b.sh)) hit = addFeature(m, f, v) || hit;
  if (!hit) v = ZERO;
  c.pairs++;
  cache.set(key, v);
  return v;
}

let model: Model | null = null;
let loadedVersion = -1;
/** The installed model, indexed on first use after each install; throws ModelNotLoadedError when none is. */
export function getModel(): Model {
  const { contents, version } = modelContents('en');
  if (!model || version !== loadedVersion) {
    loadedVersion = version;
    try {
      model = loadModel(contents);
    } catch (err) {
      console.error('Dossier: the en model could not be read; English names are found by rules only.', err);
      model = emptyModel('');
    }
  }
  return model;
}

/** BIOES tag indexes (see TAGS) for one sentence of words. */
export function tagWords(words: string[], m: Model = getModel()): Uint8Array {
  const n = words.length;
  const c = cachesOf(m);
  const pad = record(m, c, PAD);
  const recs: Rec[] = new Array(n + 4);
  recs[0] = recs[1] = recs[n + 2] = recs[n + 3] = pad;
  const resets = c.resets;
  for (let i = 0; i < n; i++) recs[i + 2] = record(m, c, words[i]);
  // a cache reset inside the loop above would mix ids of two generations: read again (sentences are ≤ 200 words)
  if (c.resets !== resets) return tagWords(words, m);
  const emit = new Float64Array(n * NT);
  for (let i = 0; i < n; i++) {
    const o = i * NT;
    for (let k = 0; k < 5; k++) {
      const v = recs[i + k].v, base = k * NT; // the word at offset k-2 from i, its vector for that offset
      for (let t = 0; t < NT; t++) emit[o + t] += v[base + t];
    }
    const p = recs[i + 1], w = recs[i + 2], nx = recs[i + 3];
    const l = pairVector(m, c, p, w, true), r = pairVector(m, c, w, nx, false);
    const tkey = (p.ss * 64 + w.ss) * 64 + nx.ss;
    let tv = c.tri.get(tkey);
    if (!tv) {
      tv = new Float64Array(NT);
      addFeature(m, triFeature(p.w, w.w, nx.w), tv);
      c.tri.set(tkey, tv);
    }
    for (let t = 0; t < NT; t++) emit[o + t] += l[t] + r[t] + tv[t];
  }
  return viterbi(emit, n, m.trans);
}
