/**
 * Start-up warm-up: the recogniser's first call in a fresh JavaScript context costs several times a
 * later one (its functions and regular expressions are compiled on first use). The background runs
 * this once, as soon as a page that may be annotated starts loading, so the reader's first article
 * after the background (re)starts is recognised nearer the warm speed.
 */
import { prepareKnown } from './known';
import { recognize } from './index';
import type { Lang, Mention } from './types';

/**
 * Made-up text in each language that takes every finder down its usual paths: a title chain at an
 * agency, bare repeats, agencies, a byline, known names, amounts with units, percentages, counts,
 * ranges and dates (full, month-day, relative). Not drawn from any test or evaluation record.
 */
export const WARM_UP_TEXTS: Readonly<Record<Lang, string>> = {
  zh:
    '本报讯（记者 王海燕 通讯员 李明）2025年3月12日上午，省发展和改革委员会党组成员、副主任张建国带队到' +
    '东平县农业农村局调研高标准农田建设。张建国指出，全县今年计划投资12850万元，新建农田6200亩，' +
    '完成率已达87.5%，较去年同期提高3.2个百分点，带动1500余名群众就业。县委副书记、县长陈立华，' +
    '市教育局、市财政局有关负责同志参加。3月15日至4月20日，县人民政府将组织第二批验收，' +
    '涉及约3.6亿元资金和二十三个行政村。近日，东平县卫生健康委员会发布通知，明年1月起执行新标准。',
  en:
    'WASHINGTON, March 12, 2025 — Secretary of Agriculture Maria Lopez said on Tuesday that the ' +
    'Department of Agriculture will spend $3.5 billion on rural roads, up 12% from last year. ' +
    'Lopez told the National Farmers Union that about 1,500 projects in 23 states were approved. ' +
    'Senator John Carter of the Senate Appropriations Committee said the money would arrive by June 30, ' +
    'and that 4.2 million acres, or 8.5 percent of farmland, qualify. The World Bank estimated 150,000 jobs.',
};

/** A matcher with names from the texts above, so the known-name path is compiled too. */
const WARM_UP_KNOWN = prepareKnown({
  entries: [
    { name: '陈立华', type: 'person', official: true },
    { name: '东平县农业农村局', type: 'org', kind: 'gov' },
    { name: 'Maria Lopez', type: 'person', official: true },
    { name: 'National Farmers Union', type: 'org', kind: 'other' },
  ],
});

/** Runs of the sample (steps): the first compiles the code, the later ones let its hot loops be optimised. */
const SAMPLE_RUNS = 3;

/** One step of the warm-up: the sample recognised without and with known names; gives what the second found. */
function warmUpStep(lang: Lang): Mention[] {
  const text = WARM_UP_TEXTS[lang];
  const refDate = '2025-03-12';
  recognize(text, { lang, refDate });
  return recognize(text, { lang, refDate, known: WARM_UP_KNOWN });
}

/**
 * Recognises the warm-up text of `lang` a few times, with and without known names; the model for
 * `lang` must be installed. Returns what it found on the last run, so callers and tests can tell
 * the paths were really taken.
 */
export function warmUpRecognizer(lang: Lang): Mention[] {
  let found: Mention[] = [];
  for (let i = 0; i < SAMPLE_RUNS; i++) found = warmUpStep(lang);
  return found;
}

/**
 * The same warm-up a step per task, waiting on `pause` (a new task) between steps, so a page's
 * request that comes while it runs (the article itself) waits for one step at most, not for the
 * whole warm-up.
 */
export async function warmUpRecognizerInSteps(lang: Lang, pause: () => Promise<void>): Promise<Mention[]> {
  let found: Mention[] = [];
  for (let i = 0; i < SAMPLE_RUNS; i++) {
    if (i > 0) await pause();
    found = warmUpStep(lang);
  }
  return found;
}
