/**
 * The runtime layout of the tagger weights: each int8 sub-row of NT weights becomes PW int32 words holding
 * the weights of tags 1..8 minus the weight of tag O, two signed 16-bit lanes per word. Summing a char's
 * sub-rows then costs PW int32 adds instead of NT int8 adds, and no lane can overflow: a char sums at most
 * 21 sub-rows of differences in [-255, 255] (|sum| ≤ 5355 < 2^15).
 * Dropping O is exact for Viterbi: subtracting the same amount from every tag's score at a char shifts
 * every path through it alike, so every comparison (and tie) comes out as before.
 * The model file stores the words as they are (./codec.ts), so loading them is a view, not a pass.
 */
import { NT } from './features';

/** Int32 words per packed sub-row: tags (1, 2), (3, 4), (5, 6), (7, 8), low lane first. */
export const PW = 4;

/** Appends the PW packed words of the int8 sub-row w[r .. r + NT) to out (the model writer's side). */
export function pushPacked(out: number[], w: ArrayLike<number>, r: number): void {
  if (NT !== 2 * PW + 1) throw new Error('packed rows hold 2 × PW tags besides O');
  const z = w[r];
  for (let t = 1; t < NT; t += 2) out.push((w[r + t] - z) + (w[r + t + 1] - z) * 65536);
}

/** Whether Int32Array views read little-endian words (every browser the extension runs in). */
export const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The low lane of a sum of packed words (sign-extended). */
export const lowLane = (x: number) => (x << 16) >> 16;
/** The high lane of a sum of packed words. */
export const highLane = (x: number) => (x - ((x << 16) >> 16)) >> 16;
