import { describe, expect, it } from 'vitest';
import { findNumbers } from '../../utils/recognize/numbers';
import { parseCnNumeral } from '../../utils/recognize/cn-numerals';
import { recognize } from '../../utils/recognize/index';
import type { NumberMention } from '../../utils/recognize/types';

const zh = (text: string) => findNumbers(text, 'zh');
const en = (text: string) => findNumbers(text, 'en');
const texts = (list: NumberMention[]) => list.map((m) => m.text);
const one = (list: NumberMention[]) => {
  expect(list).toHaveLength(1);
  const { text, value, unit, modifier } = list[0];
  return { text, value, unit, modifier };
};

describe('Chinese numbers: span and value', () => {
  it('takes the numeral and its unit, leaving the counted noun out', () => {
    expect(one(zh('其中136个村通过规划评审'))).toEqual({ text: '136个', value: 136, unit: '个', modifier: undefined });
    expect(one(zh('贯彻教育部等17部门印发的'))).toMatchObject({ text: '17部门', unit: '部门' });
  });

  it('gives the start of a range the unit of its end, and its 万 when it has none', () => {
    const pick = (t: string) => zh(t).map(({ text, value, unit }) => [text, value, unit]);
    expect(pick('每亩增收300—500元')).toEqual([['300', 300, '元'], ['500元', 500, '元']]);
    expect(pick('气温将下降8至10℃')).toEqual([['8', 8, '℃'], ['10℃', 10, '℃']]);
    expect(pick('投资300至500万元')).toEqual([['300', 3000000, '元'], ['500万元', 5000000, '元']]);
    expect(pick('工期3至5年')).toEqual([['3', 3, '年'], ['5年', 5, '年']]);
    // a range of years is a date, and a range of grades no number
    expect(pick('2021—2035年规划')).toEqual([]);
    expect(pick('4至6年级学生')).toEqual([]);
  });

  it('multiplies 万 and 亿 out', () => {
    expect(one(zh('划拨价款4163万元；'))).toMatchObject({ text: '4163万元', value: 41630000, unit: '元' });
    expect(one(zh('参与学生12.2万人次。'))).toMatchObject({ value: 122000, unit: '人次' });
    expect(one(zh('为1.1万名重点学生'))).toMatchObject({ value: 11000, unit: '名' });
    expect(one(zh('总额达1.2亿元'))).toMatchObject({ value: 120000000, unit: '元' });
  });

  it('includes a leading 近/约/超 and a trailing 余/多 as the modifier', () => {
    expect(one(zh('对近35万名学生'))).toMatchObject({ text: '近35万名', value: 350000, modifier: '近' });
    expect(one(zh('辅导超1万次，'))).toMatchObject({ text: '超1万次', modifier: '超' });
    expect(one(zh('共计20页，约7600字。'.slice(6)))).toMatchObject({ text: '约7600字', modifier: '约' });
    expect(one(zh('共巡查排查5500余点次。'))).toMatchObject({ text: '5500余点次', value: 5500, unit: '点次', modifier: '余' });
    expect(one(zh('共计10万余字。'))).toMatchObject({ text: '10万余字', value: 100000, modifier: '余' });
    expect(one(zh('驻扎有２０多万军队'))).toMatchObject({ text: '２０多万', value: 200000, modifier: '多' });
  });

  it('does not take 近 from a word such as 最近', () => {
    expect(one(zh('最近3天'))).toMatchObject({ text: '3天', modifier: undefined });
  });

  it('reads rates, durations and full-width digits', () => {
    expect(one(zh('编制率达98.6%，'))).toMatchObject({ value: 98.6, unit: '%' });
    expect(one(zh('用了5天时间'))).toMatchObject({ text: '5天', unit: '天' });
    expect(one(zh('总产量逾８５．２亿公斤'))).toMatchObject({ text: '８５．２亿公斤', value: 8520000000, unit: '公斤' });
    expect(one(zh('增长１３·４亿美元'))).toMatchObject({ value: 1340000000, unit: '美元' });
    expect(one(zh('跌了１／３以上'))).toMatchObject({ text: '１／３', unit: '' });
  });

  it('reads a unit divided by another as one unit (元/斤, 微克/立方米, 元每亩)', () => {
    expect(one(zh('平均浓度为48微克/立方米，'))).toMatchObject({ text: '48微克/立方米', value: 48, unit: '微克/立方米' });
    expect(one(zh('收购价为1.2元/斤。'))).toMatchObject({ text: '1.2元/斤', unit: '元/斤' });
    expect(one(zh('地价为20万元每亩。'))).toMatchObject({ text: '20万元每亩', value: 200000, unit: '元每亩' });
    // after a count, 每 opens the next phrase
    expect(one(zh('发放3个每周一次的补贴'))).toMatchObject({ text: '3个', unit: '个' });
  });

  it('counts with Chinese numerals', () => {
    expect(texts(zh('这两项工作、四个方面、三名教师、提前两年实现'))).toEqual(['两项', '四个', '三名', '两年']);
    expect(one(zh('领导讲业务 千人大培训'))).toMatchObject({ text: '千人', value: 1000 });
    expect(one(zh('百分之三十的学生'))).toMatchObject({ value: 30, unit: '%' });
  });

  it('reads Chinese numeral values', () => {
    expect(parseCnNumeral('二十一')).toBe(21);
    expect(parseCnNumeral('三万五千')).toBe(35000);
    expect(parseCnNumeral('一亿二千万')).toBe(120000000);
    expect(parseCnNumeral('十')).toBe(10);
    expect(parseCnNumeral('两三')).toBe(2);
  });
});

describe('Chinese numbers: what is not a number', () => {
  it('skips ordinals, prizes and grades', () => {
    expect(zh('第五届、第78届、第二批、一等奖30个、4至6年级')).toEqual([expect.objectContaining({ text: '30个' })]);
  });

  it('skips tiers and levels', () => {
    expect(zh('三级调研员、四级“田长”、三级管理')).toEqual([]);
  });

  it('skips names, slogans and quoted pillars', () => {
    expect(zh('党的二十大、“十四五”、紧扣“1234”工作主线、“企业纾困360”平台、“一网两长”、“四位一体”')).toEqual([]);
    expect(zh('‘两个重点’、“四个举措”、“五项机制”、统一登记2.0升级版')).toEqual([]);
    expect(zh('（即一年学徒，二年出师，三年成骨干）')).toEqual([]);
  });

  it('skips indefinite 一 and relative time', () => {
    expect(zh('一个务实举措、一批项目、一份份答卷、未发生一起、一支队伍、过去一年、新的一年')).toEqual([]);
  });

  it('leaves years, months, days and clock times to the dates', () => {
    expect(zh('2024年2月1日至5日，10时30分，晚上11点多钟')).toEqual([]);
  });

  it('keeps the digits of a decade', () => {
    expect(texts(zh('本世纪７０年代'))).toEqual(['７０']);
  });

  it('skips document and case numbers, addresses and numbered classes (〔2024〕5号, 人民路128号, （2）班)', () => {
    expect(zh('印发《焦政〔2024〕5号》文件')).toEqual([]);
    expect(zh('（2023）豫08民终1234号判决书')).toEqual([]);
    expect(zh('家住人民路128号')).toEqual([]);
    expect(zh('高三（2）班学生李思雨')).toEqual([]);
  });

  it('skips phone numbers, codes and designations', () => {
    expect(zh('热线电话0391-3568890，12345热线，解放军102医院，中央1号文件')).toEqual([]);
  });

  it('skips vague counts and formats', () => {
    expect(zh('数十个项目、几百名、七人制比赛、零件')).toEqual([]);
  });

  it('leaves the bare start of a date range to the dates', () => {
    expect(zh('今年1至2月，1—11月份')).toEqual([]);
    expect(texts(zh('缩短到了3—5分钟'))).toEqual(['3', '5分钟']);
  });

  it('reads Latin unit symbols after digits', () => {
    expect(one(zh('直径为１．３ｎｍ'))).toMatchObject({ value: 1.3, unit: 'ｎｍ' });
    expect(zh('5G网络、3D打印')).toEqual([]);
  });

  it('skips idioms that happen to hold a numeral and a measure word', () => {
    expect(zh('三番五次、千家万户、三天两头')).toEqual([]);
  });
});

describe('English numbers', () => {
  it('reads money with its scale', () => {
    expect(one(en('The deal was worth $4.2 billion.'))).toEqual({ text: '$4.2 billion', value: 4200000000, unit: '$', modifier: undefined });
    expect(one(en('a €3bn budget'))).toMatchObject({ value: 3000000000, unit: '€' });
    expect(one(en('USD 300 million'))).toMatchObject({ value: 300000000, unit: 'USD' });
  });

  it('reads percentages and counts with their unit', () => {
    expect(one(en('up 3.5% on the year'))).toMatchObject({ text: '3.5%', value: 3.5, unit: '%' });
    expect(one(en('rose 12 pct'))).toMatchObject({ value: 12, unit: '%' });
    expect(one(en('hired 1,200 people'))).toMatchObject({ text: '1,200 people', value: 1200, unit: 'people' });
  });

  it('includes approximators as the modifier', () => {
    expect(one(en('About 300 protesters'))).toMatchObject({ text: 'About 300', modifier: 'about' });
    expect(one(en('more than 40 percent'))).toMatchObject({ text: 'more than 40 percent', modifier: 'more than' });
    expect(one(en('nearly two million voters'))).toMatchObject({ value: 2000000, unit: 'voters', modifier: 'nearly' });
  });

  it('skips years, times, ordinals and codes', () => {
    expect(en('In 2023 at 10:30, his 5th win, COVID-19, 24/7, at 3 p.m.')).toEqual([]);
  });

  it('needs a unit or scale before a number word counts', () => {
    expect(en('one of the two')).toEqual([]);
    expect(texts(en('three people and two million'))).toEqual(['three people', 'two million']);
  });
});

describe('numbers through recognize()', () => {
  it('squeezes layout spaces before reading', () => {
    const out = recognize('完成划拨土地4 宗 509 亩', { lang: 'zh', types: ['number'] });
    expect(out.map((m) => m.text)).toEqual(['4 宗', '509 亩']);
  });
});

describe('adversarial input', () => {
  const valid = (text: string, list: NumberMention[]) => {
    const bad = list.filter((m) => m.start < 0 || m.end > text.length || m.start >= m.end || text.slice(m.start, m.end) !== m.text);
    expect(bad).toEqual([]);
  };

  it('does not emit 100,000 digits in a row as a number', () => {
    const text = `共${'9'.repeat(100_000)}元，另有5个`;
    const out = zh(text);
    valid(text, out);
    expect(texts(out)).toEqual(['5个']);
    expect(en('1'.repeat(100_000))).toEqual([]);
  });

  it('survives long runs of 万 and of numerals', () => {
    for (const text of ['万'.repeat(100_000), `一${'万'.repeat(100_000)}个`, '三'.repeat(100_000) + '个', '1.'.repeat(50_000), '1,'.repeat(50_000)]) {
      const out = zh(text);
      valid(text, out);
      expect(out.every((m) => typeof m.value === 'number')).toBe(true);
      valid(text, en(text));
    }
  });

  it('keeps offsets valid around lone surrogates and control characters', () => {
    const text = '\ud8003个\udc00\u0000约5万元\u0007$\ud83d 2.5%';
    valid(text, zh(text));
    valid(text, en(text));
    expect(texts(zh(text))).toEqual(['3个', '约5万元', '2.5%']);
  });

  it('reads a large text', () => {
    const text = '全市新建5所学校，投入约952万元。'.repeat(200_000);
    const out = zh(text);
    expect(out).toHaveLength(400_000);
    expect(out[out.length - 1].value).toBe(9520000);
  });
});
