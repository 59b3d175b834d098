import { describe, expect, it } from 'vitest';
import { decodeSpans, encodeSpans, SPAN_WIDTH, type PageMention } from '@/utils/page-texts/mention-spans';
import { installModel, recognize } from '@/utils/recognize';
import { readFileSync } from 'node:fs';
import type { Mention } from '@/utils/recognize/types';

installModel('zh', new Uint8Array(readFileSync('public/models/zh-tagger.bin')));

const TEXT = '1月29日，市自然资源和规划局党组书记、局长刘晓军主持召开会议，全市完成投资21229万元，增长98.6%。';

const decoded = (spans: string, text: string) => {
  const out: PageMention[] = [];
  decodeSpans(spans, text, out);
  return out;
};

describe('mention spans (the mentions reply)', () => {
  it('gives the page each mention\'s kind, place, text and known flag, five characters each', () => {
    const mentions = recognize(TEXT, { lang: 'zh', refDate: '2024-02-07' });
    expect(new Set(mentions.map((m) => m.type))).toEqual(new Set(['person', 'org', 'number', 'date']));
    const marked = mentions.map((m, i) => ({ ...m, known: i % 2 === 0 })) as Mention[];
    const spans = encodeSpans(marked);
    expect(spans).toHaveLength(marked.length * SPAN_WIDTH);
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

  it('appends to what the page fetched before', () => {
    const out: PageMention[] = [];
    const text = '刘军讲话';
    decodeSpans(encodeSpans([{ type: 'person', start: 0, end: 2 }] as Mention[]), text, out);
    decodeSpans(encodeSpans([{ type: 'org', start: 2, end: 4 }] as Mention[]), text, out);
    expect(out.map((m) => [m.type, m.text])).toEqual([['person', '刘军'], ['org', '讲话']]);
  });

  it('refuses a malformed reply rather than paint wrong places', () => {
    const text = '刘军讲话';
    /** A reply of one mention with these units (bias included), as a broken background might send. */
    const raw = (...units: number[]) => String.fromCharCode(...units);
    const good = encodeSpans([{ type: 'person', start: 0, end: 2 }] as Mention[]);
    expect(decoded(good, text).map((m) => m.text)).toEqual(['刘军']);
    expect(() => decoded(good.slice(0, 4), text)).toThrow(/whole number of mentions/);
    expect(() => decoded([0, 0, 2] as never, text)).toThrow(/not a whole number of mentions/);
    expect(() => decoded(raw(0x20 + 8, 0x20, 0x20, 0x20, 0x22), text)).toThrow(/bad mention/);
    expect(() => decoded(raw(0x1f, 0x20, 0x20, 0x20, 0x22), text)).toThrow(/bad mention/);
    expect(() => decoded(raw(0x20, 0x20, 0x23, 0x20, 0x22), text)).toThrow(/bad mention/);
    expect(() => decoded(raw(0x20, 0x20, 0x20, 0x20, 0x25), text)).toThrow(/bad mention/);
    expect(() => decoded(raw(0x20, 0x20, 0x20, 0x20 + 0x8000, 0x22), text)).toThrow(/bad mention/);
    expect(() => decoded(raw(0x20, 0x20, 0x1f, 0x20, 0x22), text)).toThrow(/bad mention/);
    expect(() => encodeSpans([{ type: 'person', start: 0, end: 2 ** 30 }] as Mention[])).toThrow(/does not fit/);
    expect(decoded('', text)).toEqual([]);
  });
});
