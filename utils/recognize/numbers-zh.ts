/**
 * Chinese quantities: `近35万名`, `4163万元`, `98.6%`, `5500余点次`, `两项`, `三名`. One forward scan; every
 * numeral run is read once, so the cost is linear in the text whatever it holds.
 */
import { digitRunEnd, digitValue, isDigit, isDigitCode, readArabic } from './arabic-numerals';
import { cnDigit, cnNumeralEnd, isCnNumeralStart, isCnNumeralStartCode, multiplierOfCode, nextNumeralAt, parseCnNumeral } from './cn-numerals';
import type { NumberMention } from './types';
import { charSet } from './zh/chars';
import { latinUnitAt, zhOrdinalTailAt, zhUnitAt } from './units';
import { yearIsDuration } from './date-parts';

type Modifier = '近' | '约' | '超' | '余' | '多';

/** Cn numerals longer than this are not read as quantities (runs of 万 and the like). */
const MAX_CN_RUN = 12;

const LEADING_MODIFIERS = charSet('近约超');
/** Words in which 近/约/超 are not an approximator (`最近3天`, `附近`, `制约`). */
const NOT_MODIFIER_BEFORE = charSet('最附靠邻制节签契赶高');
const OPEN_QUOTES = charSet('“‘「『"《');
const CLOSE_QUOTES = charSet('”’」』"》');
/** After these a numeral is a position in a series, not a count (`第五届`, `初三`, `周五`, `星期三`). */
const ORDINAL_PREFIXES = charSet('第初周拜届月个');
/** After these a Chinese numeral is vague, not a count (`数十个`, `几百名`). */
const VAGUE_PREFIXES = charSet('数几若');
/** Tails after a bare numeral that make it a version or a label (`2.0升级版`, `5G`). */
const LABEL_TAILS = ['升级', '代', '型', '式', '号线'];
/** Tails after a bare number that make it a unit's designation (`102医院`, `110报警台`). */
const DESIGNATION_TAILS = ['医院', '部队', '报警', '巡警', '钻井队', '地质队', '工厂', '热线', '专线', '服务热线'];
/** Brackets a document or case number prints its year in (`〔2024〕`, `（2023）`). */
const YEAR_OPENS = charSet('〔［[【（(');
const YEAR_CLOSES = charSet('〕］]】）)');
/** What a bracketed number names (`（2）班`). */
const GROUP_TAILS = charSet('班组排连队');
/** Characters after a bare numeral that make it part of a date or a clock time. */
const DATE_TAILS = charSet('年月日号时点分秒');
const RANGE_CONNECTORS = charSet('至到-~～—－–、');

/**
 * Set phrases in which a numeral and a measure word are not a count. Kept short: general rules
 * (quotes, 第, indefinite 一) handle the rest.
 */
const IDIOMS = [
  '三番五次', '三天两头', '三年五载', '千家万户', '千方百计', '百家争鸣', '三五成群', '五湖四海', '四面八方',
  '七上八下', '九牛一毛', '三心二意', '一五一十', '两面三刀', '三令五申', '千千万万', '千万工程', '百年大计',
  '百年未有', '千人计划', '万人计划', '十年九旱', '三位一体', '四位一体', '五位一体', '四周', '百分之百',
  '四处', '四座', '四伏', '举一反三', '判若两人', '十年一剑', '一日三餐', '三轮车', '小三轮', '三头六臂', '五体投地',
  '八方', '十足', '百倍', '千里', '万里', '九天', '三天打鱼',
];

/** `/[A-Za-zＡ-Ｚａ-ｚ]/` on the code unit at `i` (false outside the text), without a one-character string. */
const isLatinAt = (text: string, i: number) => {
  const x = text.charCodeAt(i);
  return (x >= 0x41 && x <= 0x5a) || (x >= 0x61 && x <= 0x7a) || (x >= 0xff21 && x <= 0xff3a) || (x >= 0xff41 && x <= 0xff5a);
};

const TIME_OF_DAY = ['上午', '下午', '晚上', '凌晨', '早上', '中午', '傍晚', '夜里', '清晨', '早晨', '晚', '早'];
const AFTER_HOUR = ['钟', '多钟', '半', '整', '左右', '上班', '下班', '开始', '结束', '起床', '出发', '到'];

/** `晚上11点多钟`, `下午3点`: a clock hour, not index points (`97.47点`). */
function isClockHour(text: string, start: number, after: number): boolean {
  return TIME_OF_DAY.some((w) => text.startsWith(w, start - w.length)) || AFTER_HOUR.some((w) => text.startsWith(w, after));
}

/** Rounds away float noise from multiplying (`1.1 * 10000` → 11000). */
const clean = (v: number) =>
  // A nonzero integer below 1e15 has at most 15 digits, so the string round trip would give it back.
  Number.isInteger(v) && v !== 0 && v < 1e15 && v > -1e15 ? v : Number.isFinite(v) ? Number(v.toPrecision(15)) : v;

function leadingModifier(text: string, start: number): Modifier | undefined {
  if (!LEADING_MODIFIERS.hasAt(text, start - 1) || NOT_MODIFIER_BEFORE.hasAt(text, start - 2)) return undefined;
  return text[start - 1] as Modifier;
}

/** For each code unit, the idioms holding it with its offsets there, so a lookup visits only those. */
const IDIOMS_BY_CODE = (() => {
  const map = new Map<number, Array<{ idiom: string; at: number }>>();
  for (const idiom of IDIOMS) {
    for (let at = 0; at < idiom.length; at++) {
      const code = idiom.charCodeAt(at);
      const list = map.get(code);
      if (list) list.push({ idiom, at });
      else map.set(code, [{ idiom, at }]);
    }
  }
  return map;
})();

/** True when the numeral at `i` (its span ending at `end`) sits inside a set phrase (`三番五次`). */
function inIdiom(text: string, i: number, end: number): boolean {
  const list = IDIOMS_BY_CODE.get(text.charCodeAt(i));
  if (list === undefined) return false;
  for (const { idiom, at } of list) {
    const from = i - at;
    if (from >= 0 && from + idiom.length >= end && text.startsWith(idiom, from)) return true;
  }
  return false;
}

/** Reads 余/多 and further 万/亿 after a numeral: `1000余`, `20多万`, `10万余`. */
function readTail(text: string, j: number, maxMultipliers: number) {
  let mult = 1;
  let modifier: Modifier | undefined;
  let count = 0;
  for (;;) {
    // By code: every numeral's tail is read here, and `text[j]` makes a string per Han character.
    const c = text.charCodeAt(j);
    if ((c === YU || c === DUO) && !modifier) {
      // `多` before a unit or multiplier only (`300多名`, `20多万`), not `多方`.
      if (!multiplierOfCode(text.charCodeAt(j + 1)) && !zhUnitAt(text, j + 1, false)) break;
      modifier = c === YU ? '余' : '多';
      j++;
      continue;
    }
    const m = multiplierOfCode(c);
    if (m !== undefined && count < maxMultipliers) {
      // A unit that starts with a multiplier character wins (`3千米`, `5千克`, `百分点`).
      const unit = zhUnitAt(text, j, false);
      if (unit.length > 1) break;
      if ((c === QIAN || c === BAI) && mult > 1) break;
      mult *= m;
      count++;
      j++;
      continue;
    }
    break;
  }
  return { end: j, mult, modifier };
}

const digitValueAt = (text: string, i: number) => digitValue(text[i]);

/** Offset past digits joined by `-`, `－` or `/` (`0391-1234567`), so no part of a code is read alone. */
function skipJoined(text: string, j: number): number {
  let k = j;
  while ((text[k] === '-' || text[k] === '－' || text[k] === '/') && isDigit(text[k + 1])) k = digitRunEnd(text, k + 1);
  return k;
}

const cnDigitValue = (c: string) => cnDigit(c) ?? NaN;
// Codes of the characters the scan compares with: `text[j] === '时'` would make a string per Han character.
const BAI = '百'.charCodeAt(0);
const QIAN = '千'.charCodeAt(0);
const YU = '余'.charCodeAt(0);
const DUO = '多'.charCodeAt(0);
const SHI = '时'.charCodeAt(0);
const DIAN = '点'.charCodeAt(0);
const FEN = '分'.charCodeAt(0);
const ZHI = '制'.charCodeAt(0);
const DAI = '代'.charCodeAt(0);
const COLON = 0x3a; // :
const FW_COLON = 0xff1a; // ：
const SLASH = 0x2f; // /
const FW_SLASH = 0xff0f; // ／

/**
 * Finds Chinese-text quantities in squeezed text (see GUIDELINES.md, "number"). The scan starts at
 * `from`, which must be at or before the first digit or numeral start (the recogniser finds it once
 * for this scan and the date scan).
 */
export function findZhNumbers(text: string, from = 0): NumberMention[] {
  const out: NumberMention[] = [];
  const n = text.length;
  // A text with no numeral needs none of the closures below.
  if (from >= n) return out;
  // The last Chinese numeral rejected as a position in a list (`一年学徒，二年出师，三年…`).
  let lastListItem: { value: number; unit: string; end: number } | null = null;

  const emit = (start: number, end: number, value: number, unit: string, modifier?: Modifier) => {
    const m: NumberMention = { type: 'number', start, end, text: text.slice(start, end), value: clean(value), unit };
    if (modifier) m.modifier = modifier;
    out.push(m);
  };

  /** Handles the Arabic numeral at `i`; returns where scanning resumes. */
  const digits = (i: number): number => {
    const num = readArabic(text, i)!;
    let j = num.end;
    if (num.absurd) return j;
    // Characters around the numeral are tested by code: `text[k]` makes a string per Han character.
    const prev = text.charCodeAt(i - 1);
    if (prev === 0x7b2c /* 第 */ || isLatinAt(text, i - 1) || prev === 0x2e || prev === 0xff0e) return j;
    // Latin unit symbols (`1.3nm`, `45Mbps`); any other letter makes a code or a label (`5G`, `3D`).
    if (isLatinAt(text, j)) {
      const sym = latinUnitAt(text, j);
      if (!sym) return j;
      const lead = leadingModifier(text, i);
      emit(lead ? i - 1 : i, j + sym.length, num.value, sym, lead);
      return j + sym.length;
    }
    // Model and part numbers: `波音B—777`, `F-16`.
    if (RANGE_CONNECTORS.hasAt(text, i - 1) && isLatinAt(text, i - 2)) return j;
    // The year of a document or case number in brackets: `焦政〔2024〕5号`, `（2023）豫08民终1234号`.
    if (num.intDigits === 4 && !num.decimal && YEAR_OPENS.hasCode(prev) && YEAR_CLOSES.hasAt(text, j)) return j + 1;
    // A class or group named by its number in brackets: `高三（2）班`, `(3)组`.
    if (YEAR_OPENS.hasCode(prev) && YEAR_CLOSES.hasAt(text, j) && GROUP_TAILS.hasAt(text, j + 1)) return j + 1;
    // Clock times: `10时30分`, `8点30分`, `10:30`.
    const after = text.charCodeAt(j);
    if ((after === SHI || after === DIAN) && isDigitCode(text.charCodeAt(j + 1))) {
      const min = readArabic(text, j + 1)!;
      if (text.charCodeAt(min.end) === FEN) return min.end + 1;
    }
    if ((after === COLON || after === FW_COLON) && num.intDigits <= 2 && isDigitCode(text.charCodeAt(j + 1)) && isDigitCode(text.charCodeAt(j + 2)) && !isDigitCode(text.charCodeAt(j + 3)))
      return j + 3;
    let value = num.value;
    // Fractions: `1/3`, `１／３`.
    if ((after === SLASH || after === FW_SLASH) && isDigitCode(text.charCodeAt(j + 1))) {
      const den = readArabic(text, j + 1)!;
      if (den.absurd) return den.end;
      if (isDigit(text[den.end]) || text[den.end] === '/' || text[den.end] === '／') return den.end; // a date like 2024/2/7
      value = den.value ? value / den.value : NaN;
      j = den.end;
      const mod = leadingModifier(text, i);
      emit(mod ? i - 1 : i, j, value, '', mod);
      return j;
    }
    const tail = readTail(text, j, 3);
    const ordinal = zhOrdinalTailAt(text, tail.end);
    if (ordinal) return tail.end;
    const unit = zhUnitAt(text, tail.end, false);
    const lead = leadingModifier(text, i);
    const modifier = lead ?? tail.modifier;
    const start = lead ? i - 1 : i;
    if (unit === '点' && isClockHour(text, start, tail.end + 1)) return tail.end + 1;
    if (unit) {
      // A four-digit year belongs to the date recogniser (`2024年`, `2023年度`).
      if (unit === '年' && num.intDigits === 4 && num.value >= 1000 && num.value <= 2200 && !num.decimal && !num.grouped && tail.end === j && !lead && !yearIsDuration(text, j + 1, num.value))
        return tail.end + 1;
      // A version is no quantity (`2.0版`); a format or a system neither (`七人制`, `3年制`).
      if (unit === '版' && num.decimal) return tail.end + 1;
      if (text.charCodeAt(tail.end + unit.length) === ZHI) return tail.end + unit.length + 1;
      // `70年代` is a decade: the number is the digits alone.
      if (unit === '年' && text.charCodeAt(tail.end + 1) === DAI) {
        if (num.intDigits <= 2) emit(i, j, value, '');
        return tail.end + 2;
      }
      emit(start, tail.end + unit.length, value * tail.mult, unit, modifier);
      return tail.end + unit.length;
    }
    // No unit: a bare number, unless the context says it is a label, a date part or a rank.
    const next = tail.end;
    if (tail.end === j) {
      if (DATE_TAILS.hasAt(text, next)) return j;
      if (LABEL_TAILS.some((t) => text.startsWith(t, j))) return j;
      if (CLOSE_QUOTES.hasAt(text, next) || OPEN_QUOTES.hasAt(text, i - 1)) return j;
      if (DESIGNATION_TAILS.some((t) => text.startsWith(t, j))) return j;
      // Phone numbers, codes and identifiers: a leading zero or seven digits and more.
      if (!num.decimal && !num.grouped && (num.intDigits >= 7 || (num.intDigits >= 2 && digitValueAt(text, i) === 0))) return skipJoined(text, j);
      // The start of a date range (`1至2月`, `26—29日`) belongs to the dates.
      if (text.charCodeAt(next) !== 0x3001 /* 、 */ && RANGE_CONNECTORS.hasAt(text, next) && isDigit(text[j + 1])) {
        const other = readArabic(text, j + 1)!;
        const unit = text[other.end];
        // 2021—2035年 is a date range; 3至5年 a span of years (the range below gives it its unit).
        if ((unit === '年' && other.intDigits === 4) || unit === '月' || unit === '日' || unit === '号') return j;
      }
      if (RANGE_CONNECTORS.hasAt(text, next) && isDigit(text[j + 1])) {
        const other = readArabic(text, j + 1)!;
        if (zhOrdinalTailAt(text, other.end)) return j; // `4至6年级`
      }
    }
    // The start of a range takes the unit of its end, and its multiplier when it has none of its
    // own: 300—500元 is 300 元, 8至10℃ 8 ℃, 300至500万元 300万 元.
    if (text.charCodeAt(next) !== 0x3001 /* 、 */ && RANGE_CONNECTORS.hasAt(text, next) && isDigit(text[next + 1])) {
      const other = readArabic(text, next + 1)!;
      const otherTail = readTail(text, other.end, 3);
      const otherUnit = other.absurd ? '' : zhUnitAt(text, otherTail.end, false);
      if (otherUnit && !zhOrdinalTailAt(text, otherTail.end) && !(otherUnit === '年' && other.intDigits === 4)) {
        emit(start, tail.end, value * (tail.mult === 1 ? otherTail.mult : tail.mult), otherUnit, modifier);
        return tail.end;
      }
    }
    emit(start, tail.end, value * tail.mult, '', modifier);
    return tail.end;
  };

  /** Handles the Chinese numeral run at `i`; returns where scanning resumes. */
  const chinese = (i: number): number => {
    const runEnd = cnNumeralEnd(text, i);
    if (runEnd - i > MAX_CN_RUN) return runEnd;
    // A run may end in multipliers that belong to it (`三十万`); 余/多 and more 万 may follow.
    const tail = readTail(text, runEnd, 0);
    let end = tail.end;
    let mult = 1;
    if (tail.modifier) {
      const more = readTail(text, end, 2);
      end = more.end;
      mult = more.mult;
    }
    const unit = zhUnitAt(text, end, true);
    if (!unit || zhOrdinalTailAt(text, end)) return Math.max(runEnd, i + 1);
    const s = text.slice(i, runEnd);
    const value = parseCnNumeral(s) * mult;
    const lead = leadingModifier(text, i);
    const listItem = () => {
      lastListItem = { value, unit, end: end + unit.length };
      return end + unit.length;
    };
    if (ORDINAL_PREFIXES.hasAt(text, i - 1) || OPEN_QUOTES.hasAt(text, i - 1) || VAGUE_PREFIXES.hasAt(text, i - 1)) return end + unit.length;
    // Indefinite 一 (`一批`, `一个务实举措`, `过去一年`) and list-position 二 (`二年出师`).
    if (s === '一' || s === '二') return listItem();
    // 零 alone is a word (`零件`); numeral digits in a row are a code or a year (`九七年`) unless an estimate (`三四个`).
    if (s === '零' || s === '〇') return end + unit.length;
    if (s.length >= 2 && !/[十百千万亿]/.test(s) && parseCnNumeral(s) !== cnDigitValue(s[0])) return end + unit.length;
    if (text.charCodeAt(end + unit.length) === ZHI) return end + unit.length + 1;
    if (
      lastListItem &&
      lastListItem.unit === unit &&
      lastListItem.value === value - 1 &&
      i - lastListItem.end <= 12
    )
      return listItem();
    // 百/千 alone count people or follow an approximator (`千人`, `近百个`); elsewhere they are idiom (`百年`).
    if ((s === '百' || s === '千') && !lead && unit !== '人' && unit !== '名' && unit !== '人次') return end + unit.length;
    // Four numeral digits before 年 are a year (`一九九八年`), left to the date recogniser.
    if (unit === '年' && s.length === 4 && !/[十百千万亿]/.test(s)) return end + unit.length;
    if (inIdiom(text, i, end + unit.length)) return end + unit.length;
    emit(lead ? i - 1 : i, end + unit.length, value, unit, lead ?? tail.modifier);
    return end + unit.length;
  };

  let i = from;
  while (i < n) {
    // Straight to the next digit or numeral: every other character would only be stepped over.
    i = nextNumeralAt(text, i);
    if (i >= n) break;
    const code = text.charCodeAt(i);
    if (isDigitCode(code)) {
      i = Math.max(digits(i), i + 1);
    } else if (!isCnNumeralStartCode(code)) {
      i++;
    } else if (code === BAI && text.startsWith('百分之', i) && (isDigit(text[i + 3]) || isCnNumeralStart(text[i + 3])) && !inIdiom(text, i, i + 4)) {
      i = percentWords(text, i, emit);
    } else {
      i = Math.max(chinese(i), i + 1);
    }
  }
  return out;
}

/** `百分之三十`, `百分之98.6`: a percentage written in words. */
function percentWords(
  text: string,
  i: number,
  emit: (start: number, end: number, value: number, unit: string) => void,
): number {
  const at = i + 3;
  if (isDigit(text[at])) {
    const num = readArabic(text, at)!;
    if (!num.absurd) emit(i, num.end, num.value, '%');
    return num.end;
  }
  const end = cnNumeralEnd(text, at);
  if (end - at <= MAX_CN_RUN) emit(i, end, parseCnNumeral(text.slice(at, end)), '%');
  return end;
}
