import { describe, expect, it } from 'vitest';
import { decodeSpans, encodeSpans, SPAN_WIDTH, type PageMention } from '@/utils/page-texts/mention-spans';
import { installModel, recognize } from '@/utils/recognize';
import { readFileSync } from 'node:fs';
import type { Mention } from '@/utils/recognize/types';

installModel('zh', new Uint8Array(readFileSync('public/models/zh-tagger.bin')));

const TEXT = '1月29日，市自然资源和规划局党组书记、局长刘晓军主持召开会议，全市完成投资21229万元，增长98.6%。';

const decoded = (spans: number[], text: string) => {
  const out: PageMention[] = [];
  decodeSpans(spans, text, out);
  return out;
};

describe('mention spans (the mentions reply)', () => {
  it('gives the page each mention\'s kind, place, text and known flag, three numbers each', () => {
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

  it('appends to what the page fetched before', () => {
    const out: PageMention[] = [];
    decodeSpans([0, 0, 2], '刘军讲话', out);
    decodeSpans([2, 2, 4], '刘军讲话', out);
    expect(out.map((m) => [m.type, m.text])).toEqual([['person', '刘军'], ['org', '讲话']]);
  });

  it('refuses a malformed reply rather than paint wrong places', () => {
    const text = '刘军讲话';
    expect(() => decoded([0, 0], text)).toThrow(/whole number of mentions/);
    expect(() => decoded([8, 0, 2], text)).toThrow(/bad mention/);
    expect(() => decoded([-1, 0, 2], text)).toThrow(/bad mention/);
    expect(() => decoded([0.5, 0, 2], text)).toThrow(/bad mention/);
    expect(() => decoded([0, 3, 2], text)).toThrow(/bad mention/);
    expect(() => decoded([0, 0, 5], text)).toThrow(/bad mention/);
    expect(() => decoded([0, -1, 2], text)).toThrow(/bad mention/);
    expect(decoded([], text)).toEqual([]);
  });
});
