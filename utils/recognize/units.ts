/**
 * Units and measure words that close a number span (`元`, `亩`, `人次`, `%`, `people`), and the tails that
 * make a numeral an ordinal or a rank instead (`年级`, `等奖`). Lists, not regexes, so lookups stay linear.
 */

const list = (s: string) => s.split(/\s+/).filter(Boolean);

/** Chinese units and measure words after any numeral, Arabic or Chinese. */
const ZH_COMMON = list(`
  元 美元 欧元 日元 英镑 港元 港币 澳元 加元 韩元 卢布 法郎 马克 卢比 新台币 台币 美金 人民币 铢 比索 里拉
  米 厘米 毫米 千米 公里 平方米 平方公里 平方千米 立方米 平米 亩 公顷 吨 千克 公斤 克 毫克 微克 斤 升 毫升 桶 英尺 英里 海里 英亩 磅 盎司
  千瓦 千瓦时 兆瓦 瓦 伏 千伏 摄氏度 度 ℃ 马力 标准箱
  % ％ ‰ 个百分点 百分点 倍 成
  年 个月 周 个星期 星期 天 小时 个小时 分钟 秒 秒钟 周年 周岁 岁 个季度 昼夜 学时 课时 年次
  个 名 位 人 人次 户 家 所 座 处 件 项 条 份 套 期 次 场 宗 支 只 头 匹 张 本 部 篇 页 字 台 辆 架 架次 艘 枚 颗 株 棵 根 片
  间 栋 幢 层 批 起 例 组 对 双 道 节 册 卷 幅 尾 种 类 集 班 床 票 点次 人日 轮 餐 瓶 袋 箱 盒 包 粒 笔 款 部门
`);

/**
 * Units read only after Arabic digits: after Chinese numerals they make idioms, tiers or names (`三级`,
 * `十分`, `三门峡`). Not 号: `5号`, `人民路128号` and `1234号` are designations, never counts.
 */
const ZH_DIGIT_ONLY = list(`级 分 点 国 方 里 门 口 线 路 块 角 楼 届 版`);

/** Units that a Chinese numeral must not take, although digits may (`八字方针`, `两头`, `三天两头`). */
const ZH_NOT_AFTER_CN = new Set(list(`字 头 节`).concat(ZH_DIGIT_ONLY));

/** Tails that make the numeral an ordinal or a rank (`4至6年级`, `一等奖`, `第78届`): no number at all. */
export const ZH_ORDINAL_TAILS = new Set(list(`年级 等奖 等 升级 号文件`));

const ZH_UNITS = new Set(ZH_COMMON.concat(ZH_DIGIT_ONLY));
const ZH_CN_UNITS = new Set(ZH_COMMON.filter((u) => !ZH_NOT_AFTER_CN.has(u)));
const ZH_MAX = Math.max(...[...ZH_UNITS, ...ZH_ORDINAL_TAILS].map((u) => u.length));

/** Per set: its entries grouped by first code unit, longest first, so a lookup compares in place. */
const byFirst = new WeakMap<ReadonlySet<string>, Map<number, string[]>>();

function groupByFirst(set: ReadonlySet<string>): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const u of set) {
    if (!u) continue;
    const g = groups.get(u.charCodeAt(0));
    if (g) g.push(u);
    else groups.set(u.charCodeAt(0), [u]);
  }
  for (const g of groups.values()) g.sort((a, b) => b.length - a.length);
  byFirst.set(set, groups);
  return groups;
}

/** Longest entry of `set` that starts at `i`, or ''; no substring is made, most positions cost one lookup. */
export function longestAt(text: string, i: number, set: ReadonlySet<string>, maxLen: number): string {
  if (i < 0 || i >= text.length) return '';
  const group = (byFirst.get(set) ?? groupByFirst(set)).get(text.charCodeAt(i));
  if (group === undefined) return '';
  for (const u of group) if (u.length <= maxLen && text.startsWith(u, i)) return u;
  return '';
}

/** Units a rate divides by (`48微克/立方米`, `3.2元/斤`, `60公里/小时`, `5000元每亩`). */
const ZH_PER = groupByFirst(new Set(list(`立方米 平方米 升 毫升 秒 分钟 小时 天 日 月 年 吨 千克 公斤 斤 克 亩 公顷 人 人次 户 次 个 台 千瓦时 度 公里 平方公里`)));

/** The Chinese unit at `i` for a numeral written in digits (`afterCn` false) or in Chinese characters, with what it is divided by. */
export function zhUnitAt(text: string, i: number, afterCn: boolean): string {
  const unit = firstAt(text, i, afterCn ? ZH_CN_GROUPS : ZH_GROUPS);
  if (!unit) return unit;
  const slash = text.charCodeAt(i + unit.length);
  // 元/吨, 元每吨: a rate; 2/3 and 每人 after a count (3个每人) are not.
  if (slash !== 0x2f /* / */ && slash !== 0xff0f /* ／ */ && !(slash === 0x6bcf /* 每 */ && !COUNT_WORDS.has(unit))) return unit;
  const per = firstAt(text, i + unit.length + 1, ZH_PER);
  return per ? text.slice(i, i + unit.length + 1 + per.length) : unit;
}

/** Measure words of counts: after them 每 opens a new phrase (3个每周), never a rate. */
const COUNT_WORDS = new Set(list(`个 名 位 人 人次 户 家 所 座 处 件 项 条 份 套 期 次 场`));

/** The ordinal tail at `i` (`年级`, `等奖`, `届`), or ''. */
export function zhOrdinalTailAt(text: string, i: number): string {
  return firstAt(text, i, ORDINAL_GROUPS);
}

const ZH_GROUPS = groupByFirst(ZH_UNITS);
const ZH_CN_GROUPS = groupByFirst(ZH_CN_UNITS);
const ORDINAL_GROUPS = groupByFirst(ZH_ORDINAL_TAILS);

/** The longest entry of `groups` starting at `i` (all entries are within ZH_MAX), or ''. */
function firstAt(text: string, i: number, groups: Map<number, string[]>): string {
  if (i < 0 || i >= text.length) return '';
  const group = groups.get(text.charCodeAt(i));
  if (group === undefined) return '';
  for (const u of group) if (text.startsWith(u, i)) return u;
  return '';
}

/** English scale words with their factors (`4.2 billion`, `$5m`, `3 mln`). */
export const EN_SCALES: Record<string, number> = {
  hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  mln: 1e6, bln: 1e9, bn: 1e9, tn: 1e12, m: 1e6, k: 1e3,
};

/** English words that read as the unit of a count or measure (`1,200 people`, `5 km`). */
export const EN_UNITS = new Set(list(`
  people persons person residents citizens civilians workers employees staff jobs students pupils children adults
  women men voters members troops soldiers officers police refugees migrants patients deaths victims casualties
  years year months month weeks week days day hours hour minutes minute seconds second decades decade centuries
  km kilometres kilometers kilometre kilometer miles mile metres meters metre meter feet foot inches inch
  kg kilograms kilogram tonnes tonne tons ton pounds lb lbs ounces barrels barrel litres liters gallons acres hectares
  square cubic degrees mph
  dollars dollar euros euro yen yuan francs marks pence cents rupees roubles rubles
  shares share points point votes vote seats seat cases case times percent
  companies firms banks countries states cities towns villages schools hospitals homes houses households families
  cars vehicles planes aircraft ships trucks buses units items products copies games matches goals runs wickets
  games wins losses tonnes laps
`));

/** English currency symbols and codes that lead an amount (`$4.2 billion`, `USD 300`). */
export const EN_CURRENCY_SYMBOLS = ['US$', 'HK$', 'A$', 'C$', '$', '€', '£', '¥'];
export const EN_CURRENCY_CODES = new Set(list(`USD EUR GBP JPY CNY RMB HKD CHF AUD CAD`));

/** Latin unit symbols printed after digits in Chinese text (`1.3nm`, `28.8kbps`), compared in ASCII. */
const LATIN_UNITS = new Set(list(`km m cm mm nm μm kg g mg t kW MW GW kWh Hz kHz MHz GHz bps kbps Mbps Gbps KB MB GB TB ml mL L`));

/** The Latin unit symbol at `i` (ASCII or full-width letters, ending before a non-letter), or ''. */
export function latinUnitAt(text: string, i: number): string {
  let ascii = '';
  let j = i;
  while (j < text.length && j - i < 5) {
    let code = text.charCodeAt(j);
    if (code >= 0xff21 && code <= 0xff5a) code -= 0xfee0; // full-width letter
    if (!((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 0x3bc)) break;
    ascii += String.fromCharCode(code);
    j++;
  }
  const next = text.charCodeAt(j);
  const letterNext = (next >= 65 && next <= 90) || (next >= 97 && next <= 122) || (next >= 0xff21 && next <= 0xff5a);
  return ascii && !letterNext && LATIN_UNITS.has(ascii) ? text.slice(i, j) : '';
}
