/**
 * Turns the tagger's BIOES tags into entity spans over tokens, so rules can look at the words
 * around each name before it becomes a mention.
 */
import { TAGS } from './features';

/** A tagged entity: token range [a, b] inclusive. */
export interface TokenSpan {
  type: 'person' | 'org';
  a: number;
  b: number;
}

/** Spans of a BIOES tag sequence whose tokens start at `offset` in the text's token list. */
export function tagsToSpans(tags: Uint8Array, offset: number, out: TokenSpan[] = []): TokenSpan[] {
  let start = -1;
  for (let i = 0; i < tags.length; i++) {
    const t = TAGS[tags[i]];
    const type = t.endsWith('PER') ? 'person' : 'org';
    if (t[0] === 'S') out.push({ type, a: offset + i, b: offset + i });
    else if (t[0] === 'B') start = i;
    else if (t[0] === 'E' && start >= 0) { out.push({ type, a: offset + start, b: offset + i }); start = -1; }
    else if (t[0] === 'O') start = -1;
  }
  return out;
}
