import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../utils/recognize/zh/lexicon';

// The tries are filled one first unit at a time on demand: every query must answer as a plain word list would.
const words = ['公司', '公司法', '公', '大学', '大学生', '北京大学', '学', '司法', '法院', '院长', '长', '', '公司'];
const text = '北京大学生公司法院长在公司学习司法，大学';
const list = new Set(words.filter((w) => w));
const lengthsAt = (at: number) => [...list].filter((w) => text.startsWith(w, at)).map((w) => w.length).sort((a, b) => a - b);
const lengthsEndingAt = (end: number) => [...list].filter((w) => end - w.length >= 0 && text.slice(end - w.length, end) === w).map((w) => w.length).sort((a, b) => a - b);

describe('Lexicon', () => {
  it('answers every query like the word list, whichever unit is asked first', () => {
    for (const order of [1, -1]) {
      const lex = new Lexicon(words);
      const positions = [...Array(text.length + 1).keys()];
      if (order < 0) positions.reverse();
      for (const i of positions) {
        const at = lengthsAt(i);
        expect(lex.allAt(text, i)).toEqual(at);
        expect(lex.longestAt(text, i)).toBe(at.length ? at[at.length - 1] : 0);
        const ending = lengthsEndingAt(i);
        expect(lex.allEndingAt(text, i)).toEqual(ending);
        expect(lex.longestEndingAt(text, i)).toBe(ending.length ? ending[ending.length - 1] : 0);
        for (let e = i; e <= Math.min(text.length, i + 5); e++) expect(lex.hasSlice(text, i, e)).toBe(list.has(text.slice(i, e)));
      }
      for (const w of [...list, '公司法院', '北京', 'x', '']) expect(lex.has(w)).toBe(list.has(w));
      expect(lex.maxLen).toBe(4);
    }
  });

  it('gives the first and last units of its words', () => {
    const lex = new Lexicon(words);
    for (const c of '公大北学司法院长') expect(lex.firstChars.has(c)).toBe([...list].some((w) => w[0] === c));
    for (const c of '司法学生公院长') expect(lex.lastChars.has(c)).toBe([...list].some((w) => w[w.length - 1] === c));
  });
});
