/**
 * Run-time English tagger: tokens in, BIOES tags out, using the averaged-perceptron weights that
 * scripts/train-en.ts writes to model/weights.ts. Weights are indexed lazily (one scan of the
 * string on first use) and score vectors are cached per (offset, word), so long pages stay fast.
 */
import { NT, PAD, type Lexicon, pairFeatures, wordFeatures } from './features';
import { WEIGHTS } from './model/weights';
import { viterbi } from './viterbi';

/** A decoded model: feature → offset of its weights in the source string, plus transitions and lexicon. */
export interface Model {
  src: string;
  index: Map<string, number>;
  trans: Float64Array;
  lex: Lexicon;
  cache: Array<Map<string, Float64Array>>;
}

const ZERO = new Float64Array(NT);

/** Parses the compact weight string (format: see scripts/train-en.ts `encode`). */
export function loadModel(src: string): Model {
  const sections = src.split('\n', 3);
  const header = sections[0];
  const trans = new Float64Array((NT + 1) * (NT + 1));
  if (!header.startsWith('en1')) return emptyModel(src);
  const tv = (sections[1] ?? '').split(',');
  for (let i = 0; i < trans.length && i < tv.length; i++) trans[i] = Number(tv[i]) || 0;
  const lists = (sections[2] ?? '').split('\t').map((l) => new Set(l ? l.split(' ') : []));
  const lex: Lexicon = { first: lists[0] ?? new Set(), last: lists[1] ?? new Set(), org: lists[2] ?? new Set(), orgEnd: lists[3] ?? new Set(), lower: lists[4] ?? new Set() };
  const index = new Map<string, number>();
  let pos = sections[0].length + 1 + (sections[1]?.length ?? 0) + 1 + (sections[2]?.length ?? 0) + 1;
  const n = src.length;
  while (pos < n) {
    let end = src.indexOf(' ', pos);
    if (end < 0) end = n;
    const colon = src.indexOf(':', pos);
    if (colon > pos && colon < end) index.set(src.slice(colon + 1, end), pos);
    pos = end + 1;
  }
  return { src, index, trans, lex, cache: [0, 1, 2, 3, 4].map(() => new Map()) };
}

function emptyModel(src: string): Model {
  const lex: Lexicon = { first: new Set(), last: new Set(), org: new Set(), orgEnd: new Set(), lower: new Set() };
  return { src, index: new Map(), trans: new Float64Array((NT + 1) * (NT + 1)), lex, cache: [0, 1, 2, 3, 4].map(() => new Map()) };
}

/** Adds the weights of feature `f` (if the model has it) into `acc`. */
function addFeature(m: Model, f: string, acc: Float64Array): void {
  const at = m.index.get(f);
  if (at === undefined) return;
  const src = m.src;
  let t = 0, v = 0, neg = false, any = false;
  for (let p = at; ; p++) {
    const c = src.charCodeAt(p);
    if (c === 44 || c === 58) {
      if (any) acc[t] += neg ? -v : v;
      t++; v = 0; neg = false; any = false;
      if (c === 58 || t >= NT) return;
    } else if (c === 45) neg = true;
    else { v = v * 10 + (c - 48); any = true; }
  }
}

function wordVector(m: Model, w: string, k: number): Float64Array {
  const cache = m.cache[k + 2];
  let v = cache.get(w);
  if (v) return v;
  v = new Float64Array(NT);
  for (const f of wordFeatures(w, k, m.lex)) addFeature(m, f, v);
  if (cache.size > 50_000) cache.clear();
  cache.set(w, v);
  return v;
}

let model: Model | null = null;
/** The shipped model, decoded on first use so importing the recogniser costs nothing. */
export function getModel(): Model {
  if (!model) {
    try { model = loadModel(WEIGHTS); } catch { model = emptyModel(''); }
  }
  return model;
}

/** BIOES tag indexes (see TAGS) for one sentence of words. */
export function tagWords(words: string[], m: Model = getModel()): Uint8Array {
  const n = words.length;
  const emit = new Float64Array(n * NT);
  const acc = new Float64Array(NT);
  for (let i = 0; i < n; i++) {
    acc.set(ZERO);
    for (let k = -2; k <= 2; k++) {
      const j = i + k;
      const v = wordVector(m, j >= 0 && j < n ? words[j] : PAD, k);
      for (let t = 0; t < NT; t++) acc[t] += v[t];
    }
    for (const f of pairFeatures(words, i)) addFeature(m, f, acc);
    emit.set(acc, i * NT);
  }
  return viterbi(emit, n, m.trans);
}
