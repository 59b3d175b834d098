/**
 * Best BIOES tag sequence for one sentence under hard transition constraints; shared by the
 * trainer and the run-time tagger so both decode identically.
 */
import { NT as NTAGS, allowed, canEnd, canStart } from './features';

// a local copy: imported bindings can compile to getters, which are slow in the inner loops
const NT = NTAGS;

const OK: boolean[] = [];
for (let f = 0; f < NT; f++) for (let t = 0; t < NT; t++) OK[f * NT + t] = allowed(f, t);

/**
 * `emit[i*NT+t]` is the score of tag t at token i; `trans` is (NT+1)² with index NT standing for
 * the sentence boundary (row NT = start, column NT = end). Returns one tag index per token.
 */
export function viterbi(emit: Float64Array | Float32Array, n: number, trans: ArrayLike<number>): Uint8Array {
  const tags = new Uint8Array(n);
  if (n === 0) return tags;
  const W = NT + 1;
  const score = new Float64Array(n * NT);
  const back = new Uint8Array(n * NT);
  for (let t = 0; t < NT; t++) score[t] = canStart(t) ? emit[t] + trans[NT * W + t] : -Infinity;
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < NT; t++) {
      let best = -Infinity, arg = 0;
      for (let f = 0; f < NT; f++) {
        if (!OK[f * NT + t]) continue;
        const s = score[(i - 1) * NT + f] + trans[f * W + t];
        if (s > best) { best = s; arg = f; }
      }
      score[i * NT + t] = best + emit[i * NT + t];
      back[i * NT + t] = arg;
    }
  }
  let best = -Infinity, arg = 0;
  for (let t = 0; t < NT; t++) {
    if (!canEnd(t)) continue;
    const s = score[(n - 1) * NT + t] + trans[t * W + NT];
    if (s > best) { best = s; arg = t; }
  }
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = arg;
    arg = back[i * NT + arg];
  }
  return tags;
}
