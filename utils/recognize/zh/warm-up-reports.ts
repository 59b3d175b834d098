/**
 * Made-up Chinese reports for the start-up warm-up (../warm-up.ts), put together from the word lists
 * the recogniser already ships (./mined-lists.ts): names, agencies and titles, numbers, dates and
 * quotes, joined by runs of frequent two-character words chained on their shared characters
 * (大会 → 会议 → 议题), so the text reads, character by character, much like news. A hand-written
 * sample run over and over warmed the code for that sample only: after it, the largest bundled
 * article's first recognition took 10.4 ms in Node (median of 8 runs), after these 4.6 ms; more
 * hand-written reports did little (9.3 ms), real news text of the same length about as much (2.7–4 ms).
 * The reports say nothing; only their shape matters.
 */
import { MINED_NOT_NAME_PAIRS, MINED_ORGS, MINED_PERSONS, MINED_TITLES } from './mined-lists';

/** Reports made, and about how long each is: one is recognised per task of the warm-up. */
export const WARM_UP_REPORTS = 5;
const REPORT_CHARS = 1000;

const UNITS = ['万元', '亿元', '元', '亩', '个', '名', '所', '家', '人次', '公里', '户', '吨', '平方米'];
const CN_COUNTS = ['两', '三', '五', '十', '二十三', '三十二', '一百'];

/**
 * The reports, the same on every start (a fixed-seed generator): `count` of about `chars`
 * characters each. Each sentence takes one of the shapes local news is made of: an official's
 * title chain at an agency, a dated event, figures with their units and shares, a quote, a byline.
 */
export function warmUpReports(count = WARM_UP_REPORTS, chars = REPORT_CHARS): string[] {
  const words = MINED_NOT_NAME_PAIRS.match(/../g) ?? [];
  const persons = MINED_PERSONS.split(',');
  const orgs = MINED_ORGS.split(',').map((o) => o.replace(/\|g$/, ''));
  const titles = MINED_TITLES.split(',');
  const byFirst = new Map<string, string[]>();
  for (const w of words) {
    const list = byFirst.get(w[0]);
    if (list) list.push(w);
    else byFirst.set(w[0], [w]);
  }
  let seed = 0x2f6b1d;
  /** A pseudo-random integer in [0, n): a linear congruential step. */
  const rnd = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const pick = <T>(list: readonly T[]): T => list[rnd(list.length)];
  /** A run of 3–8 characters: a frequent word, then words that begin with the character the run ends on. */
  const run = () => {
    let out = pick(words);
    for (let n = 1 + rnd(6); n > 0; n--) {
      const next = byFirst.get(out[out.length - 1]);
      if (!next) break;
      out += pick(next)[1];
    }
    return out;
  };
  const date = () => `${rnd(3) === 0 ? `${2020 + rnd(6)}年` : ''}${1 + rnd(12)}月${1 + rnd(28)}日`;
  const figure = () => (rnd(2) === 0 ? `${1 + rnd(9999)}` : `${rnd(1000)}.${1 + rnd(9)}`) + pick(UNITS);
  const sentences = [
    () => `${pick(orgs)}${pick(titles)}、${pick(titles)}${pick(persons)}${run()}，${run()}${figure()}。`,
    () => `${date()}，${pick(persons)}${run()}${pick(orgs)}${run()}。`,
    () => `${run()}${figure()}，${run()}${rnd(100)}.${rnd(10)}%，${run()}${1 + rnd(20)}至${21 + rnd(80)}${pick(UNITS)}。`,
    () => `${pick(persons)}${run()}：“${run()}${pick(orgs)}${run()}。”`,
    () => `（记者 ${pick(persons)}）${date()}，${pick(orgs)}${run()}${pick(CN_COUNTS)}${pick(UNITS)}${run()}，约${1 + rnd(99)}${pick(['万', '亿'])}元${run()}。`,
  ];
  const reports: string[] = [];
  for (let k = 0; k < count; k++) {
    let text = '';
    while (text.length < chars) text += pick(sentences)();
    reports.push(text);
  }
  return reports;
}
