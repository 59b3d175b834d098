import { describe, expect, it } from 'vitest';
import { anchorQuote, quoteAt } from '@/utils/page/anchor-quote';

const text = '1月份完成划拨土地4宗509亩，划拨价款4163万元；挂牌出让土地9宗344亩，出让价款21229万元。今年年初以来，武陟县自然资源局重点推进“五抓五着力”。';

describe('finding a quoted passage again', () => {
  it('finds it where it was', () => {
    const start = text.indexOf('挂牌出让土地9宗344亩');
    const quote = quoteAt(text, start, start + 12);
    expect(anchorQuote(text, quote)).toEqual({ start, end: start + 12 });
  });

  it('picks the occurrence whose context matches when the passage appears twice', () => {
    const doubled = '出让价款很高。' + text;
    const start = doubled.lastIndexOf('出让价款');
    const quote = quoteAt(doubled, start, start + 4);
    expect(anchorQuote(doubled, quote)).toEqual({ start, end: start + 4 });
  });

  it('finds it after text was added before it', () => {
    const start = text.indexOf('武陟县自然资源局');
    const quote = quoteAt(text, start, start + 8);
    const edited = '【编者按】本文有更新。' + text;
    expect(anchorQuote(edited, quote)).toEqual({ start: start + 11, end: start + 19 });
  });

  it('finds it after a small edit inside the passage', () => {
    const start = text.indexOf('挂牌出让土地9宗344亩，出让价款21229万元');
    const quote = quoteAt(text, start, start + 24);
    const edited = text.replace('21229万元', '21230万元');
    const found = anchorQuote(edited, quote)!;
    expect(edited.slice(found.start, found.end)).toMatch(/^挂牌出让土地9宗344亩，出让价款2123\d万元/);
  });

  it('gives up when the passage is gone', () => {
    const quote = { exact: '这段话已经被删除了很久很久', prefix: '', suffix: '' };
    expect(anchorQuote(text, quote)).toBeNull();
  });
});
