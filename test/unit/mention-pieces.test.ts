// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MentionPieces } from '@/utils/page/mention-pieces';
import { buildTextMap, type TextMap } from '@/utils/page/text-map';
import type { Mention } from '@/utils/recognize/types';

/** A map over `html` that counts the ranges it makes. */
function mapOf(html: string) {
  document.body.innerHTML = html;
  const map = buildTextMap(document.body, { isVisible: () => true });
  const calls: string[] = [];
  const counting: TextMap = { ...map, toRanges: (s, e) => (calls.push(map.text.slice(s, e)), map.toRanges(s, e)) };
  return { map: counting, calls };
}

const at = (text: string, name: string, from = 0): Mention => {
  const start = text.indexOf(name, from);
  return { type: 'person', start, end: start + name.length, text: name } as Mention;
};

describe('mention pieces', () => {
  it('makes a mention\'s ranges on first use only, and gives the same objects after', () => {
    const { map, calls } = mapOf('<p>局长<b>刘晓</b>军指出，崔峰出席。</p>');
    const mentions = [at(map.text, '刘晓军'), at(map.text, '崔峰')];
    const pieces = new MentionPieces(map, mentions);
    expect(calls).toEqual([]);
    const first = pieces.of(0);
    expect(first.map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset))).toEqual(['刘晓', '军']);
    expect(pieces.of(0)).toBe(first);
    expect(pieces.first(0)).toBe(first[0]);
    expect(calls).toEqual(['刘晓军']);
  });

  it('names the text nodes a mention starts and ends in without making ranges', () => {
    const { map, calls } = mapOf('<p>局长<b>刘晓</b>军指出。</p>');
    const pieces = new MentionPieces(map, [at(map.text, '刘晓军')]);
    const seen: Array<[number, number, string | undefined, string | undefined]> = [];
    pieces.eachRun(0, 1, (first, last, start, end) => seen.push([first, last, start?.data, end?.data]));
    expect(seen).toEqual([[0, 0, '刘晓', '军指出。']]);
    expect(pieces.mention(0).text).toBe('刘晓军');
    expect(calls).toEqual([]);
  });

  it('steps through the text nodes as the map would look each mention up, sorted or not', () => {
    const { map } = mapOf('<p>甲乙<b>丙</b>丁</p><p>戊<i>己庚</i></p><div>辛壬<span>癸</span></div><p>子丑寅</p>');
    const n = map.text.length;
    const node = (offset: number) => (offset >= 0 && offset < n ? map.toRange(offset, offset + 1)?.startContainer ?? null : null);
    // Every span of the text (some starting or ending on a line break, some empty), first in order, then shuffled.
    const spans: Mention[] = [];
    for (let s = 0; s < n; s++) for (let e = s; e <= n; e++) spans.push({ type: 'person', start: s, end: e, text: map.text.slice(s, e) } as Mention);
    let seed = 7;
    const shuffled = [...spans].sort(() => ((seed = (seed * 48271) % 2147483647) & 1 ? 1 : -1));
    for (const mentions of [spans, shuffled]) {
      const pieces = new MentionPieces(map, mentions);
      const got: Array<[number, Node | null, Node | null]> = [];
      let runs = 0;
      let next = 3;
      pieces.eachRun(3, mentions.length, (first, last, start, end) => {
        expect(first).toBe(next);
        next = last + 1;
        runs++;
        for (let i = first; i <= last; i++) got.push([i, start, end]);
      });
      const want = mentions.slice(3).map((m, k): [number, Node | null, Node | null] => (m.end > m.start ? [k + 3, node(m.start), node(m.end - 1)] : [k + 3, null, null]));
      expect(got).toEqual(want);
      expect(runs).toBeLessThanOrEqual(want.length);
      // Asked for one mention at a time, anywhere in the list (as a paint window reads a run's ends).
      for (let i = mentions.length - 1; i >= 0; i -= 5) {
        const m = mentions[i];
        const alone: Array<[Node | null, Node | null]> = [];
        pieces.eachRun(i, i + 1, (_first, _last, start, end) => alone.push([start, end]));
        expect(alone).toEqual([m.end > m.start ? [node(m.start), node(m.end - 1)] : [null, null]]);
      }
    }
  });

  it('gives the mentions of one text node in a row as one run', () => {
    const { map } = mapOf('<p>刘晓军、崔峰出席，张苗主持。</p><p>王军<b>讲话</b>。</p>');
    const mentions = [at(map.text, '刘晓军'), at(map.text, '崔峰'), at(map.text, '张苗'), at(map.text, '王军'), at(map.text, '讲话')];
    const runs: Array<[number, number, string | undefined]> = [];
    new MentionPieces(map, mentions).eachRun(0, mentions.length, (first, last, start) => runs.push([first, last, start?.data]));
    expect(runs).toEqual([[0, 2, '刘晓军、崔峰出席，张苗主持。'], [3, 3, '王军'], [4, 4, '讲话']]);
  });

  it('carries made ranges into a continued list and into a list without some mentions', () => {
    const { map } = mapOf('<p>刘晓军、崔峰、张苗出席。</p>');
    const mentions = [at(map.text, '刘晓军'), at(map.text, '崔峰'), at(map.text, '张苗')];
    const pieces = new MentionPieces(map, mentions);
    const a = pieces.of(0);
    const c = pieces.of(2);
    const grown = new MentionPieces(map, mentions, pieces.madeBefore(1));
    expect(grown.of(0)).toBe(a);
    expect(grown.of(2)).not.toBe(c);
    const without = new MentionPieces(map, [mentions[0], mentions[2]], pieces.madeFor([true, false, true]));
    expect(without.of(0)).toBe(a);
    expect(without.of(1)).toBe(c);
  });
});
