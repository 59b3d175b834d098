/**
 * Learned character tagger for Chinese person and organization names: the fill-in for names the
 * rules in ./index.ts do not catch. Weights are decoded lazily on the first call (a few ms).
 */
import { decodeModel } from './model/codec';
import { Decoder, type TagSpan } from './model/decode';
import { ZH_TAGGER_WEIGHTS } from './model/weights';

let decoder: Decoder | null | undefined;

/**
 * Person and org spans in `text` (UTF-16 offsets, end exclusive, sorted, non-overlapping).
 * Never throws: a broken model or an unexpected input yields no spans rather than breaking a page.
 */
export function tagZh(text: string): TagSpan[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  try {
    if (decoder === undefined) decoder = new Decoder(decodeModel(ZH_TAGGER_WEIGHTS));
    return decoder ? decoder.tag(text) : [];
  } catch {
    decoder ??= null;
    return [];
  }
}
