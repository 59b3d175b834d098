/**
 * Title words that stand before (or after) a name: 局长, 党组书记, 记者, 英语教师 … A title chain
 * (`该局党组书记、局长`) gives a person its titles, its org and whether it holds public office.
 */
import { Lexicon } from './lexicon';

/** Titles of public office: holding one makes a person an official. */
const OFFICIAL = [
  '总书记', '书记', '副书记', '党组书记', '党委书记', '党工委书记', '党总支书记', '党支部书记', '第一书记', '纪委书记',
  '党组成员', '党委委员', '党组副书记', '党委副书记', '成员', '委员', '常委', '常务委员', '副主任委员', '主任委员',
  '局长', '副局长', '厅长', '副厅长', '部长', '副部长', '处长', '副处长', '科长', '副科长', '司长', '副司长', '署长',
  '主任', '副主任', '调研员', '一级调研员', '二级调研员', '三级调研员', '四级调研员', '巡视员', '副巡视员', '督察',
  '总督察', '督察专员', '专员', '市长', '副市长', '县长', '副县长', '区长', '副区长', '省长', '副省长', '镇长', '副镇长',
  '乡长', '州长', '主席', '副主席', '总理', '副总理', '总统', '副总统', '首相', '外长', '外交部长', '议长', '大使',
  '秘书长', '副秘书长', '负责人', '主要负责人', '发言人', '新闻发言人', '委员长', '副委员长', '部长助理', '干部',
  '离休干部', '退休干部', '老干部', '参谋长', '司令员', '副司令员', '政委', '副政委', '军长', '师长', '团长', '上将',
  '中将', '少将', '首长', '领导', '领导人', '国务委员', '总检察长', '检察长', '副检察长', '院长', '副院长', '庭长',
  '审判长', '法官', '检察官', '民警', '警官', '所长', '副所长', '站长', '支队长', '大队长', '队长', '政治委员',
  '主任科员', '科员', '国王', '女王', '王储', '亲王', '大臣', '国务卿', '代表', '人大代表', '政协委员',
  '特使', '公使', '参赞', '领事', '总领事', '总干事', '秘书', '助理', '村支书', '支书', '村主任', '行政长官', '特首',
  '总书记兼国家主席', '组长', '副组长', '督导员', '巡察员', '主委', '副主委', '局长助理', '院长助理',
];

/** Titles that are not public offices: journalists, teachers, professions. */
const OTHER = [
  '记者', '特约记者', '见习记者', '首席记者', '通讯员', '特约通讯员', '编辑', '主编', '总编辑', '作者',
  '教师', '老师', '班主任', '教授', '副教授', '讲师', '校长', '副校长', '园长', '副园长', '研究员', '副研究员', '专家',
  '博士', '硕士', '院士', '学者', '董事长', '副董事长', '董事', '总经理', '副总经理', '经理', '总裁', '副总裁', '总监',
  '行长', '副行长', '行长助理', '总经理助理',
  '首席执行官', '创始人', '合伙人', '主教练', '教练', '助理教练', '选手', '运动员', '球员', '队员', '名将', '律师',
  '外援', '前锋', '后卫', '中锋', '主帅', '球星', '棋手', '领袖',
  '医生', '医师', '主任医师', '护士', '护士长', '主持人', '作家', '画家', '诗人', '导演', '演员', '歌手', '艺术家',
  '书法家', '工程师', '总工程师', '高级工程师', '农艺师', '高级农艺师', '畜牧师', '兽医师', '会计师', '经济师', '规划师',
  '会长', '副会长', '社长', '行长', '副行长', '馆长', '厂长', '村民', '农民', '职工',
  '工人', '店主', '老板', '市民', '居民', '志愿者', '分析师', '经济学家', '科学家', '大师', '先生', '女士',
  '学生', '小朋友', '党员', '战士', '司机', '飞行员', '摄影师', '评论员', '制片人', '收藏家', '主唱', '嘉宾', '夫人',
  '妻子', '丈夫', '女儿', '儿子', '母亲', '父亲', '老人', '队长', '领队', '裁判', '冠军', '亚军', '网友',
];

/** Words that modify a title without being a title (副, 原, 三级 …); they stay inside the title span. */
const MODIFIERS = [
  '副', '原', '前', '时任', '现任', '常务', '常务副', '代', '代理', '名誉', '执行', '第一', '一级', '二级', '三级', '四级',
  '高级', '首席', '专职', '兼职', '总', '党组', '党委', '特级', '资深', '著名', '知名', '优秀', '骨干', '青年', '老',
  '英语', '语文', '数学', '物理', '化学', '生物', '政治', '历史', '地理', '体育', '音乐', '美术', '信息技术', '科学',
  '心理', '心理健康', '心理健康教育', '幼儿', '小学', '初中', '高中', '中学', '大学', '班', '驻华', '驻', '新任',
  '常驻', '特命全权', '首任', '女', '男', '主管', '分管', '退休', '离休', '一线', '专兼职', '国家级', '省级', '市级',
];

/** Official titles. */
export const OFFICIAL_TITLES = new Lexicon(OFFICIAL);
/** All title words, official or not. */
export const TITLE_WORDS = new Lexicon([...OFFICIAL, ...OTHER]);
/** Title modifiers. */
export const TITLE_MODIFIERS = new Lexicon(MODIFIERS);

const OFFICIAL_HINT = ['书记', '局长', '厅长', '部长', '处长', '科长', '主任', '调研员', '巡视员', '督察', '市长', '县长',
  '区长', '省长', '主席', '总理', '总统', '首相', '外长', '议长', '大使', '秘书长', '负责人', '发言人', '干部', '委员',
  '成员', '常委', '司长', '署长', '镇长', '乡长', '参谋长', '司令', '政委', '检察长', '法官', '民警', '国王', '大臣',
  '国务卿', '专员', '首长', '领导', '代表'];
const NOT_OFFICIAL_HINT = ['记者', '通讯员', '教师', '老师', '教授', '经理', '董事', '教练', '律师', '医生', '医师',
  '校长', '园长', '专家', '研究员', '作家', '主持人', '总裁', '会长', '行长', '社长', '学生'];

/** Answers of isOfficialTitle so far, per `orgIsGov`: titles repeat (局长, 记者), the hint scan need not. */
const officialMemo = [new Map<string, boolean>(), new Map<string, boolean>()];

/** Whether a title (as printed, modifiers included) names a public office. */
export function isOfficialTitle(title: string, orgIsGov = false): boolean {
  const memo = officialMemo[orgIsGov ? 1 : 0];
  let answer = memo.get(title);
  if (answer === undefined) {
    // Bounded: adversarial pages with endless distinct titles start the memo over.
    if (memo.size >= 4096) memo.clear();
    memo.set(title, (answer = officialByHints(title, orgIsGov)));
  }
  return answer;
}

function officialByHints(title: string, orgIsGov: boolean): boolean {
  if (NOT_OFFICIAL_HINT.some((h) => title.endsWith(h))) return false;
  if (title.endsWith('负责人') || title.endsWith('主任') || title.endsWith('院长') || title.endsWith('所长'))
    return orgIsGov || OFFICIAL_HINT.some((h) => title.includes(h) && !title.endsWith(h));
  return OFFICIAL_HINT.some((h) => title.includes(h));
}

/** The role a list of titles implies, for the `role` attribute. */
export function roleOf(titles: string[], official: boolean): 'official' | 'retired_official' | 'reporter' | 'correspondent' | 'teacher' | undefined {
  const last = titles[titles.length - 1] ?? '';
  if (titles.some((t) => t.endsWith('记者'))) return 'reporter';
  if (titles.some((t) => t.endsWith('通讯员'))) return 'correspondent';
  if (/(?:教师|老师|班主任)$/.test(last)) return 'teacher';
  if (official) return titles.some((t) => t.startsWith('原') || t.startsWith('前') || t.includes('离休') || t.includes('退休')) ? 'retired_official' : 'official';
  return undefined;
}
