/**
 * Chinese family names and given-name characters: a person name is a surname plus one or two
 * given-name characters, and these lists say how likely a character is to play each part.
 */
import { CharSet } from './chars';
import { MINED_GIVEN, MINED_NOT_GIVEN } from './mined-lists';

/** Common single-character surnames (the usual frequency list, roughly the top 300). */
const COMMON =
  '习王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由'

/** Two-character surnames. */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '夏侯', '长孙', '宇文', '司徒',
  '轩辕', '端木', '澹台', '西门', '南宫', '呼延', '独孤', '万俟', '闻人', '赫连', '申屠', '太史', '钟离', '完颜',
]);

/** Single-character surnames. */
export const SURNAMES: ReadonlySet<string> = new Set(Array.from(COMMON));

/** Surnames that are also very common words, so a bare match needs stronger evidence. */
export const AMBIGUOUS_SURNAMES = new CharSet('于向高时文成方白万安全常康明平云国都海南原华来从关金石花龙强江黄马路乐连宁能上包解席童林田党展车门和干');

const COMMA = 0x2c;
const DIGIT_0 = 0x30;
/** Per code unit: how often (0–100) it is used inside names; unseen characters score 25, see givenScore. */
const GIVEN_SCORE = new Uint8Array(65536).fill(25);
/** Per code unit: 1 when the training lists saw it inside names. */
const SEEN_GIVEN = new Uint8Array(65536);
for (let i = 0; i < MINED_NOT_GIVEN.length; i++) GIVEN_SCORE[MINED_NOT_GIVEN.charCodeAt(i)] = 0;
// "字:%" items ("泽73,民7,…") read in one pass over code units: a split and a Number per item cost a
// millisecond of start-up (a thousand short strings, and a young-generation collection sooner).
for (let i = 0; i < MINED_GIVEN.length; i++) {
  const c = MINED_GIVEN.charCodeAt(i);
  if (c === COMMA) continue;
  let pct = 0;
  for (let d = 0; i + 1 < MINED_GIVEN.length && (d = MINED_GIVEN.charCodeAt(i + 1) - DIGIT_0) >= 0 && d <= 9; i++) pct = pct * 10 + d;
  GIVEN_SCORE[c] = pct;
  SEEN_GIVEN[c] = 1;
}
/** Per code unit: 1 for a single-character surname, 2 for the first character of a compound one. */
const SURNAME_CODES = new Uint8Array(65536);
for (let i = 0; i < COMMON.length; i++) SURNAME_CODES[COMMON.charCodeAt(i)] |= 1;
for (const s of COMPOUND_SURNAMES) SURNAME_CODES[s.charCodeAt(0)] |= 2;

/** Characters a surname (single or compound) starts with: where `surnameAt` can be non-zero, as one bitmap. */
export const SURNAME_FIRST = new CharSet(COMMON + [...COMPOUND_SURNAMES].map((s) => s[0]).join(''));

/**
 * How often (0–100) a character is used inside names relative to all its uses. A rare character
 * the lists have not seen (苗, 垒) scores 25: rare characters are mostly name characters.
 */
export function givenScore(c: string | undefined): number {
  if (!c) return 0;
  return GIVEN_SCORE[c.charCodeAt(0)];
}

/** `givenScore` of the code unit at `i` (0 outside the text), without a one-character string. */
export function givenScoreAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? GIVEN_SCORE[text.charCodeAt(i)] : 0;
}

/** Whether the training lists saw this character inside names (unseen rare characters are not vouched for). */
export function seenGiven(c: string | undefined): boolean {
  return !!c && SEEN_GIVEN[c.charCodeAt(0)] === 1;
}

/** `seenGiven` of the code unit at `i` (false outside the text). */
export function seenGivenAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && SEEN_GIVEN[text.charCodeAt(i)] === 1;
}

/** Length of the surname starting at `at` (2 for a compound surname, 1, or 0 when none). */
export function surnameAt(text: string, at: number): number {
  if (at < 0 || at >= text.length) return 0;
  const f = SURNAME_CODES[text.charCodeAt(at)];
  if (f === 0) return 0;
  if (f & 2 && at + 1 < text.length && COMPOUND_SURNAMES.has(text.slice(at, at + 2))) return 2;
  return f & 1;
}
