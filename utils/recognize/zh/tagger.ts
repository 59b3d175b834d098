/**
 * Learned character tagger for Chinese person and organization names: the fill-in for names the
 * rules in ./index.ts do not catch. The weights come from the installed model file (../models.ts)
 * and are decoded on the first text after each install (a few ms).
 */
import { decodeModel } from './model/codec';
import { Decoder, type TagSpan } from './model/decode';
import { modelContents } from '../models';

let decoder: Decoder | null = null;
let decodedVersion = -1;

/**
 * Person and org spans in `text` (UTF-16 offsets, end exclusive, sorted, non-overlapping).
 * Throws ModelNotLoadedError when no zh model was installed (a setup mistake); otherwise never throws:
 * a broken model or an unexpected input yields no spans rather than breaking a page.
 */
export function tagZh(text: string): TagSpan[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const { contents, version } = modelContents('zh');
  if (version !== decodedVersion) {
    decodedVersion = version;
    try {
      decoder = new Decoder(decodeModel(contents));
    } catch (err) {
      // Said once per install: recognition goes on with the rules rather than failing every page.
      console.error('Dossier: the zh model could not be decoded; names are found by rules only.', err);
      decoder = null;
    }
  }
  try {
    return decoder ? decoder.tag(text) : [];
  } catch {
    return [];
  }
}
