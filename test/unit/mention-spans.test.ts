import { describe, expect, it } from 'vitest';
import { encodeSpans, SpanMentions, SPAN_WIDTH } from '@/utils/page-texts/mention-spans';
import { installModel, recognize } from '@/utils/recognize';
import { readFileSync } from 'node:fs';
import type { Mention } from '@/utils/recognize/types';

installModel('zh', new Uint8Array(readFileSync('public/models/zh-tagger.bin')));

const TEXT = '1月29日，市自然资源和规划局党组书记、局长刘晓军主持召开会议，全市完成投资21229万元，增长98.6%。';

const decoded = (spans: string, text: string) => [...SpanMentions.decode(spans, text)];

/** A list over `text` of these mentions (kind, start, end), as a reply would carry them. */
const listOf = (text: string, ...mentions: Array<[Mention['type'], number, number]>) =>
  SpanMentions.decode(encodeSpans(mentions.map(([type, start, end]) => ({ type, start, end }) as Mention)), text);

/** Each mention of a list as kind and text. */
const read = (list: SpanMentions) => [...list].map((m) => `${m.type}:${m.text}`);

describe('mention spans (the mentions reply)', () => {
  it('gives the page each mention\'s kind, place, text and known flag, five characters each', () => {
    const mentions = recognize(TEXT, { lang: 'zh', refDate: '2024-02-07' });
    expect(new Set(mentions.map((m) => m.type))).toEqual(new Set(['person', 'org', 'number', 'date']));
    const marked = mentions.map((m, i) => ({ ...m, known: i % 2 === 0 })) as Mention[];
    const spans = encodeSpans(marked);
    expect(spans).toHaveLength(marked.length * SPAN_WIDTH);
    expect(SpanMentions.decode(spans, TEXT)).toHaveLength(marked.length);
    const page = decoded(spans, TEXT);
    expect(page.map((m) => ({ type: m.type, start: m.start, end: m.end, text: m.text, known: m.known }))).toEqual(
      marked.map((m) => ({ type: m.type, start: m.start, end: m.end, text: m.text, known: m.known })),
    );
  });

  it('is far smaller on the wire than the mentions themselves', () => {
    const mentions = recognize(TEXT.repeat(50), { lang: 'zh', refDate: '2024-02-07' });
    expect(JSON.stringify(encodeSpans(mentions)).length * 4).toBeLessThan(JSON.stringify(mentions).length);
  });

  it('comes through JSON and structured clone unchanged, at offsets far into a long text', () => {
    const text = 'x'.repeat(3_000_000);
    const mentions = [
      { type: 'person', start: 0, end: 0 },
      { type: 'org', start: 32_767, end: 32_768, known: true },
      { type: 'number', start: 65_535, end: 1_048_577 },
      { type: 'date', start: 2_999_990, end: 3_000_000, known: true },
    ] as Mention[];
    const wire = encodeSpans(mentions);
    // Nothing a transport rewrites: no control character, no surrogate.
    expect(/[\u0000-\u001f\ud800-\udfff]/.test(wire)).toBe(false);
    for (const carried of [JSON.parse(JSON.stringify(wire)) as string, structuredClone(wire)]) {
      expect(decoded(carried, text).map((m) => [m.type, m.start, m.end, m.known])).toEqual(mentions.map((m) => [m.type, m.start, m.end, m.known ?? false]));
    }
  });

  it('reads replies fetched one after another as one list', () => {
    const text = '刘军讲话';
    const first = encodeSpans([{ type: 'person', start: 0, end: 2 }] as Mention[]);
    const second = encodeSpans([{ type: 'org', start: 2, end: 4 }] as Mention[]);
    expect(read(SpanMentions.decode(first + second, text))).toEqual(['person:刘军', 'org:讲话']);
  });

  it('makes a mention when first read, and the same one after, also in lists made from its list', () => {
    const text = '刘军在焦作市政府讲话，刘军说';
    const list = listOf(text, ['person', 0, 2], ['org', 3, 8], ['person', 11, 13]);
    const m = list.at(1)!;
    expect(m).toMatchObject({ type: 'org', start: 3, end: 8, text: '焦作市政府', known: false });
    expect(list.at(1)).toBe(m);
    expect(list.at(-1)).toBeUndefined();
    expect(list.at(3)).toBeUndefined();
    expect(list.slice(1).at(0)).toBe(m);
    expect(list.slice(0, 2).concat(listOf(text, ['person', 11, 13])).at(1)).toBe(m);
    expect(list.filter((x) => x.type === 'org').at(0)).toBe(m);
    expect(list.ofKinds((type) => type === 'org').at(0)).toBe(m);
  });

  it('answers a list\'s questions without making its mentions', () => {
    const text = '刘军在焦作市政府讲话，刘军说509亩';
    const list = listOf(text, ['person', 0, 2], ['org', 3, 8], ['person', 11, 13], ['number', 14, 18]);
    expect(list.countKinds()).toEqual({ person: 2, org: 1, number: 1, date: 0 });
    expect([0, 1, 3, 4, 11, 12, 14, 99].map((at) => list.indexFrom(at))).toEqual([0, 1, 1, 2, 2, 3, 3, 4]);
    expect(list.startOf(2)).toBe(11);
    expect(read(list.ofKinds((type) => type !== 'person'))).toEqual(['org:焦作市政府', 'number:509亩']);
    expect(list.ofKinds(() => true)).toBe(list);
    expect(read(list.filter((_, i) => i % 2 === 1))).toEqual(['org:焦作市政府', 'number:509亩']);
    expect(read(list.slice(1, 3))).toEqual(['org:焦作市政府', 'person:刘军']);
    expect(read(SpanMentions.none(text))).toEqual([]);
  });

  it('reads kept mentions over the grown text they were kept into', () => {
    const before = '刘军讲话。';
    const grown = '刘军讲话。崔峰主持';
    const kept = listOf(before, ['person', 0, 2]);
    const both = kept.concat(listOf(grown, ['person', 5, 7]));
    expect(both.text).toBe(grown);
    expect(read(both)).toEqual(['person:刘军', 'person:崔峰']);
  });

  it('refuses a malformed reply rather than paint wrong places', () => {
    const text = '刘军讲话';
    /** A reply of one mention with these units (bias included), as a broken background might send. */
    const raw = (...units: number[]) => String.fromCharCode(...units);
    const good = encodeSpans([{ type: 'person', start: 0, end: 2 }] as Mention[]);
    expect(decoded(good, text).map((m) => m.text)).toEqual(['刘军']);
    expect(() => decoded(good.slice(0, 4), text)).toThrow(/whole number of mentions/);
    expect(() => decoded([0, 0, 2] as never, text)).toThrow(/not a whole number of mentions/);
    // A mention that is wrong throws when it is made: the page paints none of a reply it cannot read.
    expect(() => decoded(raw(0x20 + 8, 0x20, 0x20, 0x20, 0x22), text)).toThrow(/bad mention 0 \(kind code 8/);
    expect(() => decoded(raw(0x20, 0x20, 0x23, 0x20, 0x22), text)).toThrow(/bad mention 0 .*\[3, 2\)/);
    expect(() => decoded(raw(0x20, 0x20, 0x20, 0x20, 0x25), text)).toThrow(/bad mention 0 .*\[0, 5\)\) for a text of 4/);
    expect(() => SpanMentions.decode(good + raw(0x20, 0x20, 0x20, 0x20, 0x25), text).at(1)).toThrow(/bad mention 1/);
    expect(SpanMentions.decode(good + raw(0x20, 0x20, 0x20, 0x20, 0x25), text).at(0)?.text).toBe('刘军');
    // A character no unit is (a reply garbled on its way) throws at once.
    expect(() => SpanMentions.decode(raw(0x1f, 0x20, 0x20, 0x20, 0x22), text)).toThrow(/unit 0 \(U\+001f\) is no unit/);
    expect(() => SpanMentions.decode(raw(0x20, 0x20, 0x20, 0x20 + 0x8000, 0x22), text)).toThrow(/unit 3 \(U\+8020\)/);
    expect(() => SpanMentions.decode(good + raw(0x20, 0x20, 0xd800, 0x20, 0x22), text)).toThrow(/unit 7 /);
    expect(() => encodeSpans([{ type: 'person', start: 0, end: 2 ** 30 }] as Mention[])).toThrow(/does not fit/);
    expect(decoded('', text)).toEqual([]);
  });
});
