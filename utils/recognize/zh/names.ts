/**
 * Where a person name starting at a position ends: surname + one or two given-name characters,
 * or a transliterated foreign name (叶利钦, 卡洛斯·阿马特). Title context makes the call lenient.
 */
import { charSet, isHanAt, isNameDotCode, sortedPairsHave } from './chars';
import { Lexicon } from './lexicon';
import { AMBIGUOUS_SURNAMES, givenScoreAt, seenGivenAt, surnameAt } from './surnames';
import { MINED_NOT_NAME_PAIRS } from './mined-lists';

/**
 * Whether the two characters at `at` are a frequent word that never begins a name in the training
 * news (班子, 谈判, 宿舍, 伊朗): 领导班子 and 代表谈判 put a title before them, not a person.
 */
export function notNamePairAt(text: string, at: number): boolean {
  return at >= 0 && at + 1 < text.length && sortedPairsHave(MINED_NOT_NAME_PAIRS, text.charCodeAt(at), text.charCodeAt(at + 1));
}

/** Characters that cannot be given-name characters (function words, measure words). */
const NOT_GIVEN = charSet('的了在是和与及对向由被把将从等据并而或也都就又还已着过让给这那其该各每我你他她它们于到说称为以之所个年月日时分秒等一二三四五六七八九十百千万亿两');

/** Words that typically follow a name (说, 表示, 同志, 一行 …): a name ends before them. */
export const AFTER_NAME = new Lexicon([
  '说', '表示', '指出', '强调', '认为', '介绍', '告诉', '出席', '主持', '参加', '会见', '会晤', '同志', '先生', '女士',
  '小姐', '教授', '一行', '等', '等人', '的', '和', '与', '在', '是', '为', '对', '向', '将', '也', '还', '已', '曾', '又',
  '就', '都', '所作', '所', '率', '率领', '带领', '陪同', '提出', '要求', '希望', '走访', '来到', '称', '摄', '今天', '昨天',
  '日前', '近日', '讲话', '致辞', '获', '被', '从', '以', '当', '于', '回答', '谈', '发表', '作', '及', '同', '主张', '听取',
  '宣布', '看望', '慰问', '考察', '视察', '访问', '抵达', '前往', '一起', '代表', '签署', '致电', '透露', '坦言', '笑着',
  '问', '答', '写', '道', '讲', '看', '想', '把', '让', '给', '则', '却', '便', '才', '正', '并', '又', '即', '共', '拿', '获得',
  '荣获', '担任', '任', '兼', '提供', '总书记', '主席', '总理', '书记', '局长', '部长', '老师', '博士', '院士', '委员',
  '大使', '总统', '首相', '校长', '主任', '先后', '分别', '首先', '随后', '最后', '亲自', '不', '没', '没有', '很', '更',
  '最', '已经', '正在', '曾经', '个人', '家', '夫妇', '之', '后', '时', '年', '生前', '逝世', '去世', '出生', '当选',
]);

/** Characters used to write foreign names (a dotted or foreign name starts with one). */
export const TRANSLIT = charSet(
  '阿埃艾爱安奥巴拜班邦贝本比彼波伯博布查达戴丹德迪蒂杜多厄恩法菲费芬弗福盖冈戈格古哈海汉豪赫亨华霍基吉加贾杰金卡凯坎科克肯库拉莱赖兰朗劳勒雷里利莉林琳卢鲁伦罗洛马玛迈麦曼梅蒙米明莫姆穆纳娜奈尼涅纽努诺欧帕佩彭皮普齐奇乔切丘萨塞森莎沙舍什斯松苏索塔泰汤特提图托瓦万韦维温沃乌西希夏谢辛休雅亚扬耶伊因英尤约泽扎詹兹佐尔儿茨默柯娃琪蕾丝妮黛薇鲍宾策措茹热席顿夫',
);

/** Length of a Chinese name at `at` (0 when none); `lenient` after a title or in a byline. */
export function chineseNameAt(text: string, at: number, lenient: boolean): number {
  const sl = surnameAt(text, at);
  if (sl === 0) return 0;
  const i1 = at + sl;
  if (!isHanAt(text, i1) || NOT_GIVEN.hasAt(text, i1)) return 0;
  const s1 = givenScoreAt(text, i1);
  if (sl === 1 && AMBIGUOUS_SURNAMES.hasAt(text, at) && (s1 < (lenient ? 5 : 20) || !seenGivenAt(text, i1)) && !(lenient && isThreeCharNameAt(text, at))) return 0;
  if (s1 === 0 && givenScoreAt(text, i1 + 1) < (lenient ? 1 : 20)) return 0;
  const i2 = i1 + 1;
  const two = sl === 1 && notNamePairAt(text, at) ? 0 : sl + 1; // a two-character name, unless it is a word
  if (!isHanAt(text, i2) || NOT_GIVEN.hasAt(text, i2)) return two;
  const s2 = givenScoreAt(text, i2);
  if (s2 < 60 && AFTER_NAME.longestAt(text, i2) > 0) return two;
  const ends3 = !isHanAt(text, i2 + 1) || AFTER_NAME.longestAt(text, i2 + 1) > 0;
  if (ends3 && (s2 > 0 || lenient)) return sl + 2;
  if (s2 >= 20) return sl + 2;
  return two;
}

/** Surnames that are also function words. */
const FUNCTION_SURNAMES = charSet('和于向从都上来能时以在');

/**
 * Whether three characters at `at` read as a full name where a name is expected (after a title):
 * the first two are no word the list knows, the last is a given name's and a name's end follows
 * (包国富坦言: 国 is too common a character to vouch for 包 alone).
 */
function isThreeCharNameAt(text: string, at: number): boolean {
  // 和, 于, 向 …: after a title they are mostly the function word (领导人和车臣当局).
  if (FUNCTION_SURNAMES.hasAt(text, at)) return false;
  const i2 = at + 2;
  if (!isHanAt(text, at + 1) || !isHanAt(text, i2) || NOT_GIVEN.hasAt(text, at + 1) || NOT_GIVEN.hasAt(text, i2) || notNamePairAt(text, at)) return false;
  return givenScoreAt(text, i2) >= 5 && seenGivenAt(text, i2) && (!isHanAt(text, i2 + 1) || AFTER_NAME.longestAt(text, i2 + 1) > 0);
}

/** 夫 of 夫人 (克林顿夫人: his wife) after a name, not the 夫 that ends 戈尔巴乔夫. */
const isWifeAt = (text: string, at: number) => text.charCodeAt(at) === 0x592b && text.charCodeAt(at + 1) === 0x4eba;

/** Length of a transliterated foreign name at `at` (two or more name characters, dots allowed). */
export function foreignNameAt(text: string, at: number): number {
  let p = at;
  let run = 0;
  while (p < text.length && p - at < 16) {
    if (TRANSLIT.hasAt(text, p) && !isWifeAt(text, p)) { p++; run++; continue; }
    if (isNameDotCode(text.charCodeAt(p)) && run > 0 && TRANSLIT.hasAt(text, p + 1)) { p++; run = 0; continue; }
    break;
  }
  return p - at >= 2 ? p - at : 0;
}

/**
 * Whether the ? at `at` stands for a name's middle dot, as a page converted from GB2312 (which has
 * none) prints it (卡洛斯?阿马特): two transliteration characters on each side.
 */
export function isQuestionDotAt(text: string, at: number): boolean {
  return text.charCodeAt(at) === 0x3f && TRANSLIT.hasAt(text, at - 2) && TRANSLIT.hasAt(text, at - 1) && TRANSLIT.hasAt(text, at + 1) && TRANSLIT.hasAt(text, at + 2);
}

/** Length of a dotted name (卡洛斯·阿马特) at `at`: Han runs joined by middle dots; 0 when none. */
export function dottedNameAt(text: string, at: number): number {
  // Almost every position fails here: not a transliteration character.
  if (!TRANSLIT.hasAt(text, at)) return 0;
  let p = at;
  let dots = 0;
  while (p < text.length && p - at < 24) {
    let q = p;
    // Each part is written in transliteration characters; a verb after the name (将于, 在会上) ends it.
    while (q < text.length && TRANSLIT.hasAt(text, q) && !isWifeAt(text, q) && q - p < 8) q++;
    if (q === p) break;
    p = q;
    if ((isNameDotCode(text.charCodeAt(p)) && isHanAt(text, p + 1)) || isQuestionDotAt(text, p)) { dots++; p++; continue; }
    break;
  }
  return dots > 0 ? p - at : 0;
}

/** Whether a name could start at `at` given what precedes it (not inside another word). */
export function nameBoundaryBefore(text: string, at: number): boolean {
  return !isHanAt(text, at - 1);
}
