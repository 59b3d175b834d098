/**
 * Viterbi decoding of the character tagger: hashed features → int8 emission scores → best BIOES path
 * under hard transition constraints. Linear in the text, a few typed arrays per call.
 */
import type { RuntimeModel } from './codec';
import { Featurizer, lexTables, NF, NT } from './features';

/** A tagged name span: UTF-16 offsets, end exclusive. */
export interface TagSpan { type: 'person' | 'org'; start: number; end: number }

/** allowed[prev * NT + next]: BIOES well-formedness, shared with the trainer's decoder. */
export const ALLOWED = (() => {
  const a = new Uint8Array((NT + 1) * NT);
  const closed = (t: number) => t === 0 || t === 3 || t === 4 || t === 7 || t === 8; // O, E-*, S-*
  const opens = (t: number) => t === 0 || t === 1 || t === 4 || t === 5 || t === 8; // O, B-*, S-*
  for (let p = 0; p <= NT; p++) {
    for (let n = 0; n < NT; n++) {
      if (p === NT || closed(p)) a[p * NT + n] = opens(n) ? 1 : 0;
      else {
        const base = p < 5 ? 1 : 5; // B/I of that type may continue with I or E of the same type
        a[p * NT + n] = n === base + 1 || n === base + 2 ? 1 : 0;
      }
    }
  }
  return a;
})();
/** Tags a path may end on (O, E-*, S-*). */
export const CAN_END = new Uint8Array([1, 0, 0, 1, 1, 0, 0, 1, 1]);

/** A reusable tagger over one decoded model; keeps its buffers between calls. */
export class Decoder {
  private feat: Featurizer;
  private fbuf = new Int32Array(NF);
  private bp = new Uint8Array(0);
  private tags = new Uint8Array(0);
  constructor(private m: RuntimeModel) {
    this.feat = new Featurizer(lexTables(m.lex));
  }

  /** Tags text and returns sorted, non-overlapping person/org spans. */
  tag(text: string): TagSpan[] {
    const n = text.length;
    if (n === 0) return [];
    const m = this.m, keys = m.keys, vals = m.vals, tmask = m.tmask, mask = (1 << m.bits) - 1, trans = m.trans;
    if (this.bp.length < n * NT) { this.bp = new Uint8Array(Math.max(n * NT, this.bp.length * 2)); this.tags = new Uint8Array(this.bp.length / NT); }
    const bp = this.bp, fbuf = this.fbuf, feat = this.feat;
    feat.load(text, 0, n);
    const em = new Float64Array(NT), prev = new Float64Array(NT), cur = new Float64Array(NT);
    for (let i = 0; i < n; i++) {
      feat.features(i, fbuf, 0, mask);
      em.fill(0);
      for (let f = 0; f < NF; f++) {
        const key = fbuf[f];
        let s = key & tmask;
        let kk = keys[s];
        while (kk !== key && kk !== -1) { s = (s + 1) & tmask; kk = keys[s]; }
        if (kk === -1) continue;
        const o = s * NT;
        for (let t = 0; t < NT; t++) em[t] += vals[o + t];
      }
      const bo = i * NT;
      if (i === 0) {
        for (let t = 0; t < NT; t++) cur[t] = ALLOWED[NT * NT + t] ? em[t] + trans[NT * NT + t] : -1e18;
      } else {
        let best = -Infinity;
        for (let t = 0; t < NT; t++) {
          let bs = -Infinity, bj = 0;
          for (let p = 0; p < NT; p++) {
            if (!ALLOWED[p * NT + t]) continue;
            const v = prev[p] + trans[p * NT + t];
            if (v > bs) { bs = v; bj = p; }
          }
          cur[t] = bs + em[t];
          bp[bo + t] = bj;
          if (cur[t] > best) best = cur[t];
        }
        for (let t = 0; t < NT; t++) cur[t] -= best; // keep magnitudes small over long texts
      }
      prev.set(cur);
    }
    let bt = 0, bs = -Infinity;
    for (let t = 0; t < NT; t++) {
      if (!CAN_END[t]) continue;
      const v = prev[t] + m.end[t];
      if (v > bs) { bs = v; bt = t; }
    }
    const tags = this.tags;
    for (let i = n - 1; i >= 0; i--) { tags[i] = bt; if (i > 0) bt = bp[i * NT + bt]; }
    return spansFromTags(text, tags, n);
  }
}

/** Turns a BIOES tag row into spans, never splitting a surrogate pair. */
export function spansFromTags(text: string, tags: Uint8Array, n: number): TagSpan[] {
  const out: TagSpan[] = [];
  let start = -1;
  for (let i = 0; i < n; i++) {
    const t = tags[i];
    if (t === 1 || t === 5) start = i;
    else if (t === 4 || t === 8) push(out, text, t === 4 ? 'person' : 'org', i, i + 1);
    else if ((t === 3 || t === 7) && start >= 0) { push(out, text, t === 3 ? 'person' : 'org', start, i + 1); start = -1; }
    else if (t === 0) start = -1;
  }
  return out;
}

function push(out: TagSpan[], text: string, type: 'person' | 'org', s: number, e: number): void {
  if (s > 0 && isLow(text.charCodeAt(s)) && isHigh(text.charCodeAt(s - 1))) s--;
  if (e < text.length && isLow(text.charCodeAt(e)) && isHigh(text.charCodeAt(e - 1))) e++;
  const last = out[out.length - 1];
  if (last && last.end > s) return;
  out.push({ type, start: s, end: e });
}
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
