import { describe, expect, it } from 'vitest';
import { looksLikeLayout, squeeze, squeezeIfNeeded, unsqueezeSpan } from '@/utils/recognize/squeeze';
import { readFileSync } from 'node:fs';

describe('squeeze', () => {
  it('joins a word broken by a layout line break and maps the span back', () => {
    const raw = '同时也是市自然\n资源和规划局积极回应';
    const sq = squeeze(raw, true);
    expect(sq.text).toBe('同时也是市自然资源和规划局积极回应');
    const at = sq.text.indexOf('市自然资源和规划局');
    const span = unsqueezeSpan(sq, at, at + 9);
    expect(raw.slice(span.start, span.end)).toBe('市自然\n资源和规划局');
  });

  it('removes spaces between Chinese characters and digits but not between two numbers', () => {
    expect(squeeze('划拨土地4 宗 509\n亩', true).text).toBe('划拨土地4宗509亩');
    expect(squeeze('分别为 7 8 个', false).text).toBe('分别为7 8个');
  });

  it('keeps a blank line after a short line (a byline) in print layout, and joins one after a full line', () => {
    expect(squeeze('本报记者 张 苗\n\n南太行山水林田湖草生态保护修复', true).text).toBe('本报记者张苗\n\n南太行山水林田湖草生态保护修复');
    expect(squeeze('有效途径，同时也是市自然\n\n资源和规划局积极回应', true).text).toBe('有效途径，同时也是市自然资源和规划局积极回应');
  });

  it('keeps line breaks of clean text, which separate headline and paragraphs', () => {
    expect(squeeze('领导讲业务\n本报讯（记者张苗）', false).text).toBe('领导讲业务\n本报讯（记者张苗）');
  });

  it('leaves English spacing alone', () => {
    expect(squeeze('Secretary of State Antony Blinken', false).text).toBe('Secretary of State Antony Blinken');
  });

  it('tells the print layout of the specification page from clean article text', () => {
    const page = readFileSync('test/fixtures/jiaozuo-2024-02/page.txt', 'utf8');
    expect(looksLikeLayout(page)).toBe(true);
    const article = JSON.parse(readFileSync('test/fixtures/jiaozuo-2024-02/gold.jsonl', 'utf8').split('\n')[0]).text;
    expect(looksLikeLayout(article)).toBe(false);
  });

  it('maps every squeezed unit to the same character in the original', () => {
    const raw = ' 本报讯（记者张 苗） 2月1日\n至 5 日，市 委';
    const sq = squeeze(raw, true);
    for (let i = 0; i < sq.text.length; i++) expect(raw[sq.map[i]]).toBe(sq.text[i]);
  });

  it('gives no map when nothing is removed, and the same text and map as squeeze otherwise', () => {
    expect(squeezeIfNeeded('领导讲业务\n本报讯', false)).toEqual({ text: '领导讲业务\n本报讯', map: null });
    expect(Array.from(squeeze('领导讲业务', false).map)).toEqual([0, 1, 2, 3, 4, 5]);
    const raw = '划拨土地4 宗 509\n亩';
    const lazy = squeezeIfNeeded(raw, true);
    const full = squeeze(raw, true);
    expect(lazy.text).toBe(full.text);
    expect(Array.from(lazy.map!)).toEqual(Array.from(full.map));
  });
});
