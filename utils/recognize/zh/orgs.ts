/**
 * Organizations: a name body that ends in an agency or institution suffix (局, 教育厅, 小学, 有限公司,
 * 日报 …), with its place prefix (市, 焦作市, 河南省) and, for `parent + unit` spans, its unit
 * (`市自然资源和规划局` + `党建办`). Also a short list of bodies known by name (党中央, 新华社 …).
 */
import { charSet, isHanAt, isHanCode } from './chars';
import { Cover } from './cover';
import { ORG_MEDIA_OPEN, ORG_NAMED_START, ORG_SUFFIX_END, SCAN_CLASS } from './scan-class';
import { Lexicon } from './lexicon';
import { MINED_ORGS } from './mined-lists';
import { PLACE_ABBREV, PLACE_NAME_SET, PLACE_NAMES } from './places';
import { isDigitCode } from '../arabic-numerals';
import { sortByStart, sortSmall } from '../by-start';

export interface OrgSpan {
  start: number;
  end: number;
  kind: 'gov' | 'other';
  parent?: string;
  unit?: string;
  /** Found by name (党中央, 新华社), as media in 《》 or opened by a place: sure enough to override the tagger. */
  strong?: boolean;
}

/** Suffixes of government and party bodies. */
const GOV_SUFFIXES = [
  '局', '分局', '厅', '部', '委', '委员会', '办', '办公室', '办公厅', '政府', '人民政府', '人大', '人大常委会', '常委会',
  '政协', '法院', '人民法院', '检察院', '人民检察院', '署', '总队', '支队', '派出所', '公安局', '党委', '纪委', '监委',
  '管委会', '指挥部', '人民代表大会', '代表大会', '军区', '议会', '国会', '内阁', '参议院', '众议院', '中央', '消防站',
  '边防站', '税务所', '工商所', '司法所', '财政所', '街道办事处', '办事处', '统计局', '海关', '总署', '联络处', '大使馆',
  '领事馆', '总领事馆', '使馆', '代表处', '工作组', '调查组', '人民银行', '国务院', '党组织', '团委', '妇联', '总工会',
  '委员会办公室', '管理处', '稽查队', '执法队', '大队', '中队', '检察署', '警察局', '警署', '特区政府', '部队',
  // Bodies whose name ends in a word that alone is no body (政局: the political situation) or holds
  // one that ends a name body elsewhere (组织, 宣传: verbs; 据 of 数据).
  '财政局', '民政局', '邮政局', '财政厅', '民政厅', '财政部', '民政部', '财政所', '民政所', '组织部', '宣传部', '统战部',
  '大数据局', '大数据中心', '政府军',
  // Committees and federations known by a short name, after their place (市国资委, 县残联).
  '国资委', '发改委', '发展改革委', '卫健委', '住建委', '政法委', '经信委', '工信委', '教委', '科委', '农委', '编委',
  '民委', '侨委', '纪委监委', '残联', '文联', '科协', '侨联', '工商联', '台联', '社科联', '档案局',
  // Service and regulatory bodies whose name holds a word that ends a body elsewhere (服务, 监督: verbs;
  // 和 before a long part) or ends in a word too common alone (中心, 站, 所).
  '政务服务中心', '党群服务中心', '便民服务中心', '退役军人服务中心', '退役军人服务站', '公共资源交易中心',
  '政务服务和大数据管理局', '监督管理局', '监督管理委员会', '监督管理所', '监督所', '社会保险中心', '医疗保险中心',
  '不动产登记中心', '新时代文明实践中心', '新时代文明实践所', '新时代文明实践站', '投资促进中心', '救助管理站', '党校',
  '居委会', '村委会', '储备中心',
  // Task forces set up for one job (防汛救灾领导小组, 创文工作专班).
  '领导小组', '工作专班',
];

/** Suffixes of schools, hospitals, companies, media and associations. */
const OTHER_SUFFIXES = [
  '小学', '中学', '初中', '高中', '学校', '大学', '学院', '幼儿园', '医院', '卫生院', '人民医院', '中医院', '公司',
  '有限公司', '有限责任公司', '股份有限公司', '集团', '银行', '分行', '支行', '日报', '晚报', '早报', '时报', '商报',
  '报社', '电视台', '广播电台', '电台', '出版社', '杂志社', '通讯社', '学会', '协会', '研究所', '研究院', '研究中心',
  '研究会', '基金会', '俱乐部', '联合会', '商会', '工会', '社', '厂', '博物馆', '图书馆', '纪念馆', '科技馆', '文化馆',
  '体育馆', '美术馆', '展览馆', '档案馆', '气象台', '天文台', '地震台', '水文站', '队', '代表团', '剧团', '乐团',
  '艺术团', '歌舞团', '事务所', '合作社', '联盟', '联合体',
  '研究中心', '保险公司', '证券', '交易所', '共产党', '工人党', '民主党', '委员会', '理事会',
  '董事会', '促进会', '联谊会', '办事处', '总部', '实验室', '科学院', '工程院', '社科院', '农科院', '医科院',
  '总公司', '分公司', '酒店', '饭店', '宾馆', '商场', '超市', '书店', '药店', '周刊', '杂志', '频道', '新闻网', '研究会',
  '医学院', '法学院', '学院', '技术学院', '职业学院', '师范学院', '师范大学', '中医院', '妇幼保健院', '疾控中心', '农科院',
  '服务中心', '融媒体中心', '职业教育中心', '福利院', '敬老院', '养老院', '血站', '慈善总会', '博物院', '考试院',
  '筹委会', '组委会', '田协', '篮协', '排协', '泳协',
  '设计院', '规划院', '测绘院', '勘查院', '勘察院', '监测院',
];

/** Units that follow a parent body to make one `parent + unit` span. */
const UNIT_SUFFIXES = ['科', '处', '室', '办', '办公室', '分局', '股', '中心', '站', '所', '大队', '支队', '中队', '总队',
  '党建办', '服务中心', '分院', '分行', '分公司', '支行', '营业部', '事业部', '研究室', '组',
  // A ministry's department (外交部新闻司, 科学技术部农村科技司).
  '司'];

/** Short bodies recognised by name, with no place prefix needed. */
const NAMED_GOV = ['党中央', '中共中央', '国务院', '全国人大', '全国人大常委会', '全国政协', '中央军委', '中纪委', '中央纪委',
  '教育部', '外交部', '国防部', '公安部', '财政部', '商务部', '民政部', '司法部', '文化部', '卫生部', '国家发改委', '发改委',
  '教委', '市委', '县委', '省委', '区委', '市政府', '县政府', '省政府', '区政府', '市人大', '市政协', '县人大', '县政协',
  '团中央', '团县委', '团市委', '团省委', '中宣部', '中组部', '统战部', '市纪委', '县纪委', '省纪委', '解放军', '人民解放军',
  '武警', '武警部队', '中国人民解放军', '中共', '国家统计局', '海关总署', '最高人民法院', '最高人民检察院', '全国妇联',
  '共青团', '共青团中央', '国台办', '国新办', '中央政治局', '中共中央政治局', '中央办公厅', '国务院办公厅', '国会',
  // The democratic parties, named in every consultative meeting's report.
  '民革', '民盟', '民建', '民进', '农工党', '致公党', '九三学社', '台盟',
  // Full names of the national bodies.
  '中国人民政治协商会议', '全国人民代表大会', '全国人民代表大会常务委员会', '中国共产党', '中国共产主义青年团'];
const NAMED_OTHER = ['新华社', '联合国', '联合国大会', '欧盟', '北约', '东盟', '世贸组织', '世界贸易组织', '世界银行',
  '国际货币基金组织', '人民日报', '光明日报', '经济日报', '中央电视台', '央视', '中新社', '新华网', '人民网', '奥委会',
  '国际奥委会', '红十字会', '安理会', '联合国安理会', '世卫组织', '世界卫生组织', '欧佩克', '亚太经合组织', '非统组织',
  '阿盟', '欧共体', '中国电子学会', '中国科学院', '中国社会科学院', '中国工程院', '中科院', '社科院', '足协', '中国足协',
  // Universities by their short names.
  '北大', '清华', '复旦'];

/** Characters that never sit inside an org name: function words and pronouns. */
const STOP_CHARS = charSet('的了在是与及对向由被把将从等据并而或也都就又还已着过让给这那其该各每我你他她它们于到请受除但若使经之即乃所称为暨原要以按凭有跟');

/** Words that end right before an org name begins (verbs, connectives, time words). */
const STOP_WORDS = new Lexicon([
  '包括', '以及', '通过', '根据', '来到', '来自', '加入', '成为', '担任', '接受', '获得', '作为', '按照', '要求', '召开',
  '举行', '举办', '主办', '承办', '发布', '印发', '公布', '组织', '配合', '会同', '联合', '协调', '加强', '参加', '出席',
  '会见', '访问', '率领', '带领', '关于', '目前', '日前', '近日', '此外', '同时', '其中', '全市', '全省', '全县', '全区',
  '随着', '今年', '去年', '明年', '今天', '昨天', '记者', '报道', '表示', '指出', '认为', '希望', '支持', '关心', '获评',
  '入选', '评为', '授予', '批准', '决定', '宣布', '经过', '为了', '为此', '对此', '如今', '近年来', '之后', '以后', '以来',
  '此次', '这次', '日电', '日讯', '报讯', '电讯', '消息', '委托', '邀请', '推荐', '认定', '命名', '确定', '确认', '向',
  '协助', '帮助', '指导', '督促', '监督', '检查', '视察', '考察', '调研', '走访', '慰问', '看望', '感谢', '致电', '致信',
  '致函', '发来', '转发', '下发', '上报', '报送', '提交', '申请', '聘请', '依托', '依靠', '联手', '携手', '牵头', '成立',
  '组建', '设立', '建立', '创建', '隶属', '属于', '位于', '离开', '进入', '回到', '前往', '抵达', '赴', '战胜', '击败',
  '输给', '负于', '败给', '迎战', '对阵', '面对', '力克', '逼平', '主场', '客场', '本场', '本轮', '上轮', '下轮',
  '不过', '因此', '所以', '但是', '然而', '而且', '并且', '另外', '另一方面', '分别', '一起', '共同', '先后', '相继',
  '是由', '正在', '已经', '曾经', '将要', '还有', '只有', '现在', '当时', '那时', '此前', '此后', '最近', '日前', '近期',
  '有关', '相关', '各级', '上级', '下级', '我国', '本市', '本省', '本县', '全国各地', '各地', '各级各类', '当地', '全体',
  '广大', '所有', '这些', '那些', '一些', '许多', '多家', '几家', '一家', '这家', '那家', '该', '曾任', '现任', '时任',
  '任', '兼任', '升任', '出任', '改任', '调任', '接任', '就任', '上午', '下午', '晚上', '凌晨', '中午', '期间', '以上',
  '以下', '以外', '之间', '之中', '之外', '之前', '开展', '充实', '解决', '提高', '提升', '完善', '加快', '推动', '促进',
  '鼓励', '引导', '新建', '改扩建', '扩建', '覆盖', '紧跟', '跟随', '紧扣', '围绕', '依据', '遵照', '参照', '比照', '对照',
  '针对', '面向', '服务', '统计', '收到', '得到', '受到', '听取', '汇报', '报告', '表彰', '奖励', '通报', '批评', '处罚',
  '起诉', '判决', '审理', '调查', '查处', '发现', '介绍', '透露', '获悉', '了解', '显示', '指导下', '领导下', '支持下',
  '帮助下', '资助', '赞助', '投资', '收购', '并购', '控股', '入股', '持有', '拥有', '没有', '只有', '所有', '负责',
  '代表', '率', '派出', '派遣', '选派', '召集', '邀集', '会晤', '接见', '拜会', '拜访', '看望', '慰问', '出访', '到访', '推进', '落实', '贯彻', '实施', '执行', '协同',
  // Adjectives and quantities before a body (著名电脑公司, 不少研究所) and verbs that take one as object.
  '著名', '知名', '有名', '闻名', '不少', '很多', '众多', '整个', '多个', '部分', '责令', '通知', '书面', '签署', '下设', '主持',
  '保证', '吸收', '逃避', '取消', '确立', '闯入', '考入', '考上', '考取', '荣获', '开办', '创办', '兴办', '合办', '申办', '筹办',
  '给予', '赋予', '予以', '依法', '判处', '判决', '陪同', '请示', '呈报', '转报', '报请', '送交', '返回', '经商',
  '告上', '上载', '当前', '当今', '眼下', '自己', '自家', '欢迎', '拨打', '双方', '各方', '多方',
  '允许', '同意', '准许', '禁止',
]);

/** Words that end in a suffix character but are not bodies (全部, 格局, 举办 …). */
const NOT_SUFFIX_WORDS = new Set([
  '全部', '内部', '外部', '东部', '西部', '南部', '北部', '中部', '局部', '干部', '底部', '头部', '胸部', '腹部', '顶部',
  '面部', '一部', '大部', '各部', '这部', '本部', '布局', '格局', '大局', '结局', '全局', '时局', '开局', '僵局', '骗局',
  '残局', '终局', '政局', '该局', '本局', '此局', '原委', '创办', '举办', '承办', '主办', '协办', '开办', '兴办', '督办',
  '交办', '转办', '代办', '帮办', '包办', '查办', '筹办', '合办', '试办', '照办', '经办', '停办', '民办', '公办', '官办',
  '好办', '难办', '庭院', '寺院', '戏院', '影院', '住院', '出院', '入院', '大院', '宅院', '场所', '住所', '处所', '厕所',
  '公社', '结社', '工厂', '球队', '车队', '舰队', '团队', '梯队', '排队', '站队', '插队', '组队', '带队', '领队', '参赛队',
  '代表队', '国家队', '男队', '女队', '主队', '客队', '两队', '各队', '该队', '本队', '双方', '中央', '党中央', '社', '队',
  '院', '所', '报', '网', '党', '委', '局', '部', '办', '厅', '署', '中心', '组织', '联盟', '银行', '公司', '集团', '学校',
  '大学', '学院', '医院', '协会', '学会', '政府', '法院', '本报', '该报', '日报', '晚报', '电视台', '网上', '上网', '联网',
  '互联网', '电网', '渔网', '球网', '官网', '入党', '建党', '为党', '爱党', '全党', '政党', '各党', '该党', '本党', '上报',
  '汇报', '举报', '申报', '填报', '通报', '报送', '简报', '情报', '海报', '画报', '快报', '警报', '预报', '电报', '回报',
  '时报', '捷报', '喜报', '学报', '公报', '年报', '月报', '周报', '党报', '小报', '大报', '晨报', '导报', '剪报',
  '核心', '中心', '重心', '信心', '决心', '关心', '用心', '爱心', '耐心', '细心', '放心', '担心', '开心', '真心', '同心',
  '民心', '人心', '身心', '初心', '匠心', '雄心', '野心', '良心', '小心', '精心', '全心', '齐心', '内心', '中心城区',
  '研究所', '派出所', '事务所', '诊所', '研究院', '医学院', '法学院', '全院', '各院', '本院', '该院', '两院', '法律部',
  '全社', '本社', '该社', '报社', '该厂', '本厂', '全厂', '各厂', '该所', '本所', '全所', '各所', '分局', '该分局',
  '社会主义', '党组', '局党组', '该局党组', '党委政府', '项目办', '全系统', '各部门', '部门', '政治局', '常委会', '部署',
  '组织', '官网', '中小学', '中小学校', '参赛队', '查办', '上报', '直报', '填报', '开好局', '大学生', '中学生', '小学生',
  '人大', '政协', '党委', '纪委', '政府', '中小学幼儿园', '家属院', '总部', '办公室',
  // 签署 ends in 署; X办 is often the verb 办 (去办, 不办, 申办).
  '签署', '公署', '去办', '不办', '来办', '再办', '要办', '能办', '会办', '自办', '申办', '自己办', '好好办',
  // 队 and 厅 of verbs and rooms: 掉队, 编队 (a formation), 大厅, 展厅.
  '掉队', '归队', '入队', '离队', '编队', '列队', '整队', '结队', '大厅', '客厅', '餐厅', '饭厅', '舞厅', '歌厅', '展厅',
  '门厅', '前厅', '茶厅', '宴会厅', '音乐厅', '休息厅', '强队', '弱队', '中学学校', '小学学校',
  // Member states of a body (欧佩克成员国, 安理会常任理事国).
  '成员国', '理事国', '会员国', '缔约国',
  // Games drawn, won or lost.
  '平局', '和局', '胜局', '败局', '出局', '困局', '破局',
  // A unit's kind alone names no body.
  '大队', '中队', '支队', '总队', '小组', '工作组', '领导小组', '工作专班',
  // Going to school, not a school's name (在国内读高中, 考大学).
  '读高中', '读初中', '读中学', '读小学', '读大学', '读大专', '上高中', '上初中', '上中学', '上小学', '上大学', '考高中',
  '考大学', '念高中', '念中学', '念大学',
]);

/**
 * The longest of NOT_SUFFIX_WORDS: a longer name skips the Set, whose lookup hashes the freshly cut
 * name (most of plausibleOrg's cost on tagged orgs, which are mostly longer).
 */
const NOT_SUFFIX_MAX = Math.max(...[...NOT_SUFFIX_WORDS].map((w) => w.length));

/** Words that make a body generic (公办幼儿园, 示范学校): a type of body, not a named one. */
const GENERIC = new Lexicon(['农村', '城市', '城乡', '城区', '乡村', '公办', '民办', '示范', '示范性', '普惠性', '普惠', '省级',
  '市级', '县级', '区级', '国家级', '一级', '二级', '三级', '重点', '各类', '相关', '有关', '其他', '一般', '普通', '专业',
  '特色', '优秀', '先进',
  '基层', '地方', '当地', '多所', '多家', '新', '老', '大型', '小型', '中小', '中小型', '成建制', '一些', '这些', '那些',
  '所有', '全部', '国有', '国营', '私营', '民营', '外资', '合资', '独资', '上市', '中外', '知名', '著名', '有名', '大',
  '小', '高', '中', '初', '幼', '镇', '乡', '村', '寄宿制', '全日制', '职业', '高等',
  '附属', '部分', '一所', '两所', '几所', '每所', '这所', '那所', '该所', '一家', '两家', '几家', '每家', '这家', '那家',
  '友好', '兄弟', '对口', '结对', '帮扶', '共建', '合作', '参赛', '开设有', '心理科', '定点', '指定', '本地', '外地', '海外',
  '境外', '国外', '国内', '省内', '市内', '县内', '区内', '主要', '中小学', '示范校', '骨干', '龙头', '领军', '头部', '所在', '所属', '下属',
  '直属', '各', '全', '该', '本', '我', '贵', '上级', '下级', '同级', '主管', '业务', '职能', '行政', '执法', '监管',
  '义务教育', '学前教育']);

/**
 * Lines of business (商业, 房地产, 证券 …): with no place or name before them, they and a suffix name
 * a kind of body (商业银行, 房地产公司, 证券公司), not one body.
 */
const BUSINESS_TYPES = new Lexicon(['商业', '金融', '抵押', '房地产', '贷款', '股份', '电脑', '函授', '发电', '水力发电',
  '偷渡', '企业', '外资', '中介', '主流', '投资', '加工', '置业服务', '软件', '汽车', '保险', '证券', '信托', '物业', '咨询',
  '广告', '科技', '网络', '贸易', '建筑', '运输', '物流', '旅游', '餐饮', '医药', '化工', '钢铁', '纺织', '服装', '食品',
  '建材', '能源', '煤炭', '互联网', '电商', '快递', '外贸', '民营', '私营', '国有', '上市', '大型', '中小', '跨国',
  '人工智能', '游戏', '电信', '通信', '半导体', '芯片', '制药', '航空', '电子', '传媒', '娱乐', '安保', '家政', '新能源']);

/** Suffixes of companies, banks and colleges, which a line of business before them makes a kind. */
const BUSINESS_SUFFIXES = new Set(['公司', '有限公司', '总公司', '分公司', '集团', '银行', '厂', '大学', '学院', '交易所']);

/** Whether the name [start, end) is a line of business and a company's suffix (商业银行: a training set's label, a kind). */
function isKindOfBusiness(text: string, start: number, end: number): boolean {
  const sl = OTHER.longestEndingAt(text, end, start);
  return sl > 0 && BUSINESS_SUFFIXES.has(text.slice(end - sl, end)) && isBusinessType(text, start, end - sl);
}

/** Whether [from, to) is made of lines of business only (see BUSINESS_TYPES). */
function isBusinessType(text: string, from: number, to: number): boolean {
  let p = from;
  while (p < to) {
    const w = BUSINESS_TYPES.longestAt(text, p);
    if (!w || p + w > to) return false;
    p += w;
  }
  return p > from;
}

/** Short gov suffixes (市委, 县政府, 美国政府) that take a place and nothing else before them. */
const PLACE_ONLY = new Set(['委', '政府', '人民政府', '人大', '政协', '党委', '纪委', '监委', '中央', '人大常委会', '常委会', '国会', '议会', '内阁', '特区政府', '团委', '妇联']);
/** Suffixes strong enough to take a short body with no place before it (前卫寰岛队, 光明日报). */
const STRONG = new Set(['有限公司', '有限责任公司', '股份有限公司', '公司', '集团', '银行', '大学', '学院', '中学', '小学', '初中',
  '高中', '学校', '幼儿园', '医院', '日报', '晚报', '早报', '时报', '报社', '电视台', '出版社', '学会', '协会', '研究所', '研究院',
  '研究中心', '俱乐部', '基金会', '联合会', '商会', '队', '代表团', '委员会', '部', '局', '厅', '办', '署', '社', '厂',
  '总队', '支队', '派出所', '法院', '检察院', '事务所', '工会', '杂志社', '通讯社', '博物馆', '图书馆', '纪念馆', '联盟',
  '分局', '办公室', '办公厅', '指挥部', '管委会', '科学院', '农科院', '人民医院', '中医院', '卫生院', '总公司', '分公司',
  '分行', '支行', '交易所', '艺术团', '歌舞团', '剧团', '乐团', '消防站', '海关', '军区', '大使馆', '使馆', '领事馆']);


/** Suffix characters followed by these make another word (部门, 局面, 社会 …): not an org end. */
const CONTINUATIONS = new Lexicon([
  '部门', '部分', '部署', '部位', '部件', '局面', '局势', '局限', '委托', '委屈', '委员', '委派', '办法', '办理', '办事',
  '办学', '办好', '办案', '院校', '院士', '院长', '所以', '所有', '所在', '所谓', '所得', '所属', '所长', '社会', '社区',
  '社科', '社保', '社团', '社长', '队伍', '队员', '队长', '团结', '团队', '团长', '厅长', '厅堂', '心理', '心得', '心中',
  '心灵', '会议', '会上', '办结', '办完', '办妥', '办成', '办实', '办件', '中小', '部长', '厅长', '局长', '委员', '会见', '会谈', '会同', '会长', '报告', '报道', '报名', '报送', '报纸', '报刊', '报社', '网络',
  '网站', '网格', '网点', '网友', '网民', '党员', '党性', '党风', '党建', '党组', '党委', '党校', '党史', '党内', '党政',
  '委会', '署名', '署长', '站长', '所属', '学生', '学习', '学科', '学者', '中心城', '集团化', '公司化', '军人', '军事',
  '军队', '厂长', '厂家', '厂区', '馆长', '局长', '部长', '处长', '科长', '院内', '院外', '部分', '组织部',
  '组织', '组成', '组建', '组合', '组长', '校长', '园长', '校园', '校区', '校友', '校庆', '校车', '校服', '校训', '校内',
  '校外',
  '办公', '办起', '办了', '办过', '办下', '办点',
  // 部队 is a body of its own (多国部队): its 部 ends none.
  '部队',
  '厂房', '厂商', '中心工', '院所',
  // 科 of 科技, 科学: no section (农村科技司).
  '科技', '科学', '科研', '科普',
  // 司 of 司令, 司机, 司法; 司长 is the title after a department.
  '司令', '司机', '司法', '司长', '司仪',
]);

/** Measure words (一个, 这家, 两所, 三大): after a numeral or a demonstrative they end a name body. */
const MEASURES = charSet('个家所支座批位名大项');
/** Numerals and demonstratives that open a count (一个标准件厂, 这个出版社, 五个研究所). */
const COUNTERS = charSet('一二三四五六七八九十两几这那每某多整半０１２３４５６７８９0123456789');
const GE = 0x4e2a; // 个

/** Place characters that open an org name (市教育局, 省教育厅, 县委). */
const PLACE_CHARS = charSet('省市县区州镇乡村盟旗');
/**
 * Verbs right before a place character (报市政府, 来市政府, 回县医院, 送市场监管局): they end no
 * place's name, so the body opens at the place character.
 */
const VERBS_BEFORE_PLACE = charSet('报呈送来回去赴返抵示驻陪');
/**
 * Whether the characters before the place character at `k` end in a verb, not a place's name:
 * 报市政府, 回县医院, or a verb said twice around 一 (晒一晒市…, 看一看县…).
 */
function endsInVerb(text: string, k: number): boolean {
  return VERBS_BEFORE_PLACE.hasAt(text, k - 1) || (k >= 3 && text[k - 2] === '一' && text[k - 3] === text[k - 1]);
}

/**
 * What one character names before a suffix (以政府, 德银行, 总医院): a country or province, or 总; any
 * other (两家银行, 经纪公司, 创海关) is the end of another word.
 */
const ONE_CHAR_BODIES = charSet('总以阿巴叙伊黎约埃越泰菲澳墨智意葡荷瑞挪芬波乌希奥匈捷蒙柬缅孟京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川黔滇陕甘青藏桂');
/** Date characters (1月29日, 2023年) that end a name body when a digit precedes them. */
const DATE_ENDS = charSet('日年月号');
/** Words of names that open or end with a STOP_CHARS character. */
const NAME_WORDS = new Lexicon(['有限', '有色', '有线', '有机', '经济', '经贸', '经营', '对外', '所属', '高等', '中等', '初等']);
/** Verbs that name what a body does (投资促进局, 志愿服务队, 质量监督站): part of the name before its suffix. */
const NAME_VERBS = new Lexicon(['促进', '服务', '监督', '指导', '协调', '救助', '保障']);
/** Brands of companies with branches in many places, which stand before the place in a branch's name. */
const BRANDS = new Lexicon(['国网', '国家电网', '中石化', '中石油', '中国石化', '中国石油', '中国移动', '中国联通', '中国电信',
  '中国铁塔', '中国邮政', '中国人寿', '中国人保', '中国平安', '工行', '农行', '中行', '建行', '交行', '邮储银行', '中原银行']);
/** Function words that also end the names of places (成都, 郫都). */
const PLACE_NAME_ENDS = charSet('都');
/** Place characters of a town or village (镇, 乡, 村). */
const TOWN_CHARS = charSet('镇乡村');
/** Words that end a place below the county (民生街道, 焦东社区, 经济技术开发区). */
const PLACE_WORDS = new Lexicon(['街道', '社区', '开发区', '示范区', '高新区', '新区', '集聚区', '园区', '自治区', '自治州', '自治县', '自治旗']);
const HE = 0x548c; // 和
const YOU = 0x6709; // 有
const HUO = 0x83b7; // 获

const GOV = new Lexicon(GOV_SUFFIXES);
/** The longest suffix: how far back suffixedEndingAt asks the tries. */
const MAX_SUFFIX = Math.max(...GOV_SUFFIXES.map((w) => w.length), ...OTHER_SUFFIXES.map((w) => w.length));
const OTHER = new Lexicon(OTHER_SUFFIXES);
const UNITS = new Lexicon(UNIT_SUFFIXES);
/** Names of a body's member states (欧佩克成员国): no body's name. */
const MEMBER_STATES = /(?:成员|理事|会员|缔约)国$/;
/**
 * The names of bodies known by name, and the gov ones among them: the hand lists, then the mined
 * names they do not hold. Arrays for the tries, no Map (start-up: a Map of the mined names cost
 * about 1 ms to fill); `notSuffix` keeps the named ones among NOT_SUFFIX_WORDS.
 */
function namedBodies(): { all: string[]; gov: string[]; notSuffix: Set<string> } {
  const all = [...NAMED_GOV, ...NAMED_OTHER];
  const gov = [...NAMED_GOV];
  const hand = new Set(all);
  const notSuffix = new Set(all.filter((n) => NOT_SUFFIX_WORDS.has(n)));
  for (const item of MINED_ORGS.split(',')) {
    // `name|g` marks a gov body; a name that is exactly a place (美国) is not an org by name, and
    // member states (安理会常任理事国) are countries, whatever a training set labelled.
    const bar = item.indexOf('|');
    const name = bar < 0 ? item : item.slice(0, bar);
    if (name.length < 3 || hand.has(name) || PLACE_NAME_SET.has(name) || isEventName(name) || (name.endsWith('国') && MEMBER_STATES.test(name))) continue;
    all.push(name);
    if (bar >= 0) gov.push(name);
    if (NOT_SUFFIX_WORDS.has(name)) notSuffix.add(name);
  }
  // The first character of every named body, marked in SCAN_CLASS for the scan.
  for (let k = 0; k < all.length; k++) {
    const first = all[k].charCodeAt(0);
    if (isHanCode(first)) SCAN_CLASS[first] |= ORG_NAMED_START;
  }
  return { all, gov, notSuffix };
}
const NAMED_BODIES = namedBodies();
const NAMED_LEX = new Lexicon(NAMED_BODIES.all);
/** Whether `name` is a body known by name (by the trie: no hashing of a freshly cut name). */
const isNamed = (name: string): boolean => NAMED_LEX.hasSlice(name, 0, name.length);
/** Words that open with a named body's name and name something else (北大荒, a region). */
const NAMED_INSIDE_WORDS = new Lexicon(['北大荒', '北大街', '北大门']);
/** Words that a named body's last character opens (民政部 + 门): the name is not the body there. */
const NAMED_RUN_ONS = new Lexicon(['部门', '部分', '部署', '部位', '部件', '部队', '局面', '局势', '办法', '办理', '办事', '办点',
  '厂房', '厂商', '中心工作', '社科']);

/**
 * Whether the name [start, end), found by name or by the tagger, runs on into a word that is no body
 * (民政部 + 门, 北大 + 荒, 民政部门办 + 点); a title after it (外交部长) is no run-on.
 */
export function runsOn(text: string, start: number, end: number): boolean {
  if (end >= text.length) return false;
  // A place right after the name starts a dateline or a new phrase (新华社科威特1月1日电), no word.
  if (NAMED_RUN_ONS.hasSlice(text, end - 1, end + 1)) return PLACE_NAMES.longestAt(text, end) === 0;
  return NAMED_RUN_ONS.hasSlice(text, end - 2, end + 2) || NAMED_INSIDE_WORDS.hasSlice(text, start, end + 1);
}
/**
 * The gov bodies among the named ones, as a trie: the scan asks it about the span it just matched,
 * where a Map lookup would first cut the name out of the text and hash it.
 */
const NAMED_GOV_LEX = new Lexicon(NAMED_BODIES.gov);
/**
 * What the scan in findOrgs does at each code unit, as one byte a unit: NAMED_START (a Han character
 * some named body starts with), SUFFIX_END (a suffix ends with it), MEDIA_OPEN (《). One load per
 * character, where separate bitmaps and the Han test cost three. The table is shared with
 * findPersons (see scan-class.ts).
 */
const NAMED_START = ORG_NAMED_START;
const SUFFIX_END = ORG_SUFFIX_END;
const MEDIA_OPEN = ORG_MEDIA_OPEN;
const ORG_BITS = NAMED_START | SUFFIX_END | MEDIA_OPEN;
for (const w of [...GOV_SUFFIXES, ...OTHER_SUFFIXES]) SCAN_CLASS[w.charCodeAt(w.length - 1)] |= SUFFIX_END;
SCAN_CLASS[0x300a /* 《 */] |= MEDIA_OPEN;

/**
 * Events that training sets sometimes label as orgs: cups and contests (世界杯, 联赛) and numbered
 * congresses (十五大, 二十大). Our guidelines take them for events, so the mined list leaves them out.
 */
function isEventName(name: string): boolean {
  const last = name[name.length - 1];
  return last === '杯' || last === '赛' || (last === '大' && '一二三四五六七八九十'.includes(name[name.length - 2]));
}
/** Endings that make a candidate not an org (…部署, …干部, …中小学), whatever comes before. */
const NON_ORG_ENDINGS = new Lexicon(
  [...NOT_SUFFIX_WORDS].filter((w) => w.length >= 2 && !GOV_SUFFIXES.includes(w) && !OTHER_SUFFIXES.includes(w) && !NAMED_BODIES.notSuffix.has(w)),
);
const MAX_BODY = 16;
/**
 * Non-org endings that name a body once a name stands before them (中国男队, 北海舰队, 武术管理中心,
 * 世界卫生组织, 中共中央政治局): tagged names with these endings are kept.
 */
const TYPE_ENDINGS = new Set(['男队', '女队', '球队', '舰队', '中心', '组织', '政治局', '代表队', '国家队', '小组']);
/** Regions that name no one body of a type (非洲球队: African teams). */
const REGIONS = new Set(['世界', '国际', '全国', '亚洲', '欧洲', '非洲', '美洲', '亚太', '东亚']);

/** Gov kind for a name, from its suffix and the words inside it. */
export function orgKind(name: string): 'gov' | 'other' {
  if (isNamed(name)) return NAMED_GOV_LEX.hasSlice(name, 0, name.length) ? 'gov' : 'other';
  const g = GOV.longestEndingAt(name, name.length);
  const o = OTHER.longestEndingAt(name, name.length);
  if (g > o) return 'gov';
  if (o > g) return 'other';
  return /(?:政府|人大|政协|党委|委员会|公安|法院|检察|税务|海关|边防|消防)/.test(name) ? 'gov' : 'other';
}

/**
 * Leftmost start of a name body ending at `end`: scans back over Han characters until punctuation,
 * a function word or a boundary word, at most MAX_BODY characters. Linear in MAX_BODY.
 */
export function bodyStart(text: string, end: number, floor = 0): number {
  let p = end;
  let verbAt = -1;
  const limit = Math.max(floor, end - MAX_BODY);
  while (p > limit) {
    const c = text.charCodeAt(p - 1);
    if (!isHanCode(c)) break;
    if (c === HE) {
      // 自然资源和规划局: 和 joins two parts of one name unless an org or a place opens the right part,
      // a body ends the left one (丹麦队和南非队), or the right part is the bare suffix (商人和银行).
      // The right part ends at the first body it names (规划 of 自然资源和规划局示范区分局党支部).
      // 呼和浩特: 和 inside a known place's name.
      if (PLACE_NAMES.longestAt(text, p - 2) > 2 || PLACE_NAMES.longestAt(text, p - 3) > 3) {
        p--;
        continue;
      }
      const right = text.slice(p, firstBodyEnd(text, p, end));
      const leftEnd = text[p - 2];
      if (right.length === 0 || right.length > 5 || PLACE_CHARS.has(right[0]) || PLACE_NAMES.longestAt(text, p) > 0) break;
      if ('局办委厅部府院校司'.includes(leftEnd ?? '') || GOV.longestEndingAt(text, p - 1, p - 9) > 0 || OTHER.longestEndingAt(text, p - 1, p - 9) > 0) break;
      p--;
      continue;
    }
    // 一个标准件厂, 这个出版社, 三大银行: a counted body starts after the measure word.
    if (c === GE || (MEASURES.hasCode(c) && COUNTERS.hasCode(text.charCodeAt(p - 2)))) break;
    // A function word opening a word of the name (有限公司, 经济技术开发区, 对外贸易), or 国有: not the verb.
    if (STOP_CHARS.hasCode(c) && (NAME_WORDS.hasSlice(text, p - 1, p + 1) || NAME_WORDS.hasSlice(text, p - 2, p) || (c === YOU && text[p - 2] === '国'))) {
      p--;
      continue;
    }
    // 获县政府嘉奖, 获市委表彰: the verb before a place character or a named body (获嘉县 is a county).
    if (c === HUO && (PLACE_CHARS.hasAt(text, p) || NAMED_LEX.longestAt(text, p) > 0)) break;
    // 成都 + 地质所: a known place that ends in a function word.
    if (STOP_CHARS.hasCode(c) && p - 2 >= limit && PLACE_NAMES.longestAt(text, p - 2) === 2) {
      p -= 2;
      continue;
    }
    // 成都市, 郫都区: a place of two characters ending in 都 (also 'all') before its place character;
    // 沁阳市西向镇: a town's second character a function word, after its county or city.
    if (STOP_CHARS.hasCode(c)) {
      const inPlace = p - 2 >= limit && PLACE_CHARS.hasAt(text, p) && isHanAt(text, p - 2) && !STOP_CHARS.hasAt(text, p - 2) &&
        (PLACE_NAME_ENDS.hasCode(c) || (TOWN_CHARS.hasAt(text, p) && PLACE_CHARS.hasAt(text, p - 3)));
      if (!inPlace) break;
      p -= 2;
      continue;
    }
    const w = STOP_WORDS.longestEndingAt(text, p, limit);
    // 联合 of 联合国禁毒署: the verb is the opening of a named body there (not of 联合 + 国网…);
    // 促进 of 投资促进局, 服务 of 志愿服务队: a verb that names what a body does, right before the
    // suffix, with the word before it (投资 of 投资促进局).
    if (w > 0 && p === end && NAME_VERBS.hasSlice(text, p - w, p)) verbAt = p - w;
    else if (w > 0 && p !== verbAt && !opensNamedBody(text, p - w, w)) break;
    // A date (1月29日, 2023年) or number before the name ends it.
    if (DATE_ENDS.hasCode(c) && isDigitCode(text.charCodeAt(p - 2))) break;
    p--;
  }
  // A leading ordinal session (第78届) is not part of the name.
  if (text[p] === '届') p++;
  return p;
}

/**
 * Whether the stop word of `w` characters at `at` opens a named body longer than itself (联合 of
 * 联合国) that no brand runs out of (联合 + 国网温县供电公司: 国网 starts inside 联合国).
 */
function opensNamedBody(text: string, at: number, w: number): boolean {
  const len = NAMED_LEX.longestAt(text, at);
  if (len <= w) return false;
  for (let k = at + 1; k < at + len; k++) if (BRANDS.longestAt(text, k) > at + len - k) return false;
  return true;
}

/**
 * Where the part of a name from `from` stops before `end`: before the suffix of the first body
 * it names (局 of 规划局 in 规划局示范区分局), or at `end` when it names none.
 */
function firstBodyEnd(text: string, from: number, end: number): number {
  for (let k = from + 2; k < end; k++) {
    const sl = GOV.longestEndingAt(text, k, from + 1);
    if (sl > 0 && !(k < text.length && CONTINUATIONS.hasSlice(text, k - 1, k + 1))) return k - sl;
  }
  return end;
}

/** All organizations found by rules, longest spans, no overlaps. */
export function findOrgs(text: string): OrgSpan[] {
  // One walk over the text finds the three kinds of candidate; each kind keeps its own list so the
  // candidates reach pickLongest in the order separate scans gave (named, suffixed, media).
  const cands: OrgSpan[] = [];
  let suffixed: OrgSpan[] | null = null;
  let media: OrgSpan[] | null = null;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const cls = SCAN_CLASS[c];
    // Most characters do nothing here: one table load rules them out (the person bits are masked off).
    if ((cls & ORG_BITS) === 0) continue;
    if ((cls & NAMED_START) !== 0) {
      // Named bodies.
      const k = NAMED_LEX.longestAt(text, i);
      // 民政部门, 北大荒: a word running on past the name (not a title: 外交部长 holds 外交部).
      if (k > 0 && !isLetterLikeCode(text.charCodeAt(i - 1)) && !runsOn(text, i, i + k) && !isKindOfBusiness(text, i, i + k)) {
        cands.push({ start: placeBefore(text, i), end: i + k, kind: NAMED_GOV_LEX.hasSlice(text, i, i + k) ? 'gov' : 'other', strong: true });
      }
    }
    // Suffix-anchored bodies ending after this character: elsewhere both suffix lookups would give 0.
    if ((cls & SUFFIX_END) !== 0) {
      const o = suffixedEndingAt(text, i + 1);
      if (o !== null) (suffixed ??= []).push(o);
    } else if ((cls & MEDIA_OPEN) !== 0) {
      const o = mediaAt(text, i);
      if (o !== null) (media ??= []).push(o);
    }
  }
  if (suffixed !== null) for (let k = 0; k < suffixed.length; k++) cands.push(suffixed[k]);
  if (media !== null) for (let k = 0; k < media.length; k++) cands.push(media[k]);
  // Most texts name no body: no sort, cover or unit pass for them.
  if (cands.length === 0) return cands;
  const picked = pickLongest(cands);
  const out = attachUnits(text, picked);
  for (let k = 0; k < out.length; k++) if (!out[k].parent && out[k].kind === 'gov') out[k] = splitUnit(text, out[k]);
  return out;
}

/**
 * Start of the place chain that ends at `at` and opens the named body there (焦作市 + 红十字会, 河南省 +
 * 妇联), or `at` when none does (各国 + 红十字会).
 */
function placeBefore(text: string, at: number): number {
  if (!isHanAt(text, at - 1)) return at;
  const from = bodyStart(text, at, Math.max(0, at - 8));
  // A chain opened by a known place first (河北省石家庄, not 届河北省石家庄), else any.
  for (let s = from; s < at - 1; s++) if (PLACE_NAMES.longestAt(text, s) > 0 && isPlaceChain(text, s, at)) return s;
  for (let s = from; s < at - 1; s++) if (isPlaceChain(text, s, at)) return s;
  return at;
}

/** The body whose longest suffix ends just before `e` (the suffix-anchored rule), or null. */
function suffixedEndingAt(text: string, e: number): OrgSpan | null {
  const g = GOV.longestEndingAt(text, e, Math.max(0, e - MAX_SUFFIX));
  const o = OTHER.longestEndingAt(text, e, Math.max(0, e - MAX_SUFFIX));
  const sl = Math.max(g, o);
  if (sl === 0) return null;
  // A word running on past the suffix (局长, 党委 after 党): never at the text's end, where the slices
  // would be cut short to the suffix itself (…镇党委 ending a headline).
  if (e < text.length && (CONTINUATIONS.hasSlice(text, e - 1, e + 1) || CONTINUATIONS.hasSlice(text, e - 2, e + 1)) && !isMinistryOfCountry(text, e)) return null;
  // A non-org ending inside the suffix found (政局 in 财政局) loses to the suffix: only longer ones count.
  // A type of body (球队, 男队, 中心) after a place is that place's (德国男子网球队): checked below.
  let typeOnly = false;
  for (let k = Math.max(2, sl + 1); k <= 4; k++) {
    if (e - k < 0 || !NON_ORG_ENDINGS.hasSlice(text, e - k, e)) continue;
    if (!TYPE_ENDINGS.has(text.slice(e - k, e))) return null;
    typeOnly = true;
  }
  const suffix = text.slice(e - sl, e);
  // 一套五部, 这部, 两部: 部 after a numeral or a demonstrative is the measure word for volumes and films.
  if (suffix === '部' && COUNTERS.hasAt(text, e - 2)) return null;
  const start = chooseStart(text, bodyStart(text, e - sl), e - sl, suffix);
  if (start < 0) return null;
  const name = text.slice(start, e);
  if (!acceptable(name, sl)) return null;
  if (text.startsWith('称号', e)) return null;
  // Opened by a place or by a named body (联合国 + 禁毒署).
  let anchored = PLACE_NAMES.longestAt(text, start) > 0 || NAMED_LEX.longestAt(text, start) > 0;
  for (let k = start, stop = Math.min(e - sl, start + 4); k < stop && !anchored; k++) anchored = PLACE_CHARS.hasAt(text, k);
  // A type of body takes a country or a city, not a region, and one of them (欧洲和南美球队 are teams).
  if (typeOnly && (!anchored || REGIONS.has(text.slice(start, start + 2)) || name.includes('和'))) return null;
  return { start, end: e, kind: g >= o ? 'gov' : 'other', strong: anchored };
}

/**
 * 芬兰农林部长: the minister's 部长 holds his ministry, 农林部, when a country opens the run: the title
 * is read after it (部长), as 外交部长 gives 外交部.
 */
function isMinistryOfCountry(text: string, e: number): boolean {
  if (text.charCodeAt(e - 1) !== 0x90e8 /* 部 */ || text.charCodeAt(e) !== 0x957f /* 长 */) return false;
  const from = bodyStart(text, e - 1);
  if (from >= e - 3 || PLACE_NAMES.longestAt(text, from) < 2 || e - 1 - from - PLACE_NAMES.longestAt(text, from) < 2) return false;
  // No body ends before it (外交部部长, 铁道部副部长, 国务院副总理兼外交部长): there the title follows a body.
  for (let k = from + 2; k < e; k++) if (GOV.longestEndingAt(text, k, from) > 0 || OTHER.longestEndingAt(text, k, from) > 0) return false;
  return true;
}

/** Media named in 《》 opened at `i` (《光明日报》, 《费加罗报》), or null. */
function mediaAt(text: string, i: number): OrgSpan | null {
  const close = text.indexOf('》', i + 1);
  if (close < 0 || close - i > 14) return null;
  const inner = text.slice(i + 1, close);
  if (inner.length >= 2 && /(?:报|杂志|周刊|画报|月刊|通讯社)$/.test(inner) && !/[《》〈〉、，\s]/.test(inner)) return { start: i + 1, end: close, kind: 'other', strong: true };
  return null;
}

/**
 * Where the name begins inside the run [from, suffixAt): at a place anchor (河南省…, …市…), or, for a
 * short run after a boundary, at the run's start. −1 when the run holds no name.
 */
function chooseStart(text: string, from: number, suffixAt: number, suffix: string): number {
  // Anchors: a place name, or a place character (焦作市, 温县) whose name is the characters before it.
  let anchor = -1;
  let verb = false;
  for (let k = from; k < suffixAt; k++) {
    if (PLACE_NAMES.longestAt(text, k) > 0) { anchor = k; break; }
    if (PLACE_CHARS.hasAt(text, k) && !(k + 1 < suffixAt && GENERIC.hasSlice(text, k, k + 2) && k > from)) {
      // 学习省委精神: the verb is no place name (学习 opens names too: 学习型城市建设促进会).
      verb = text.startsWith('学习', k - 2);
      // The place's name runs from the run's start when it is a place word's (经济技术开发区).
      anchor = verb ? k : k - from > 2 && PLACE_WORDS.longestEndingAt(text, k + 1, from) > 1 && isPlaceChain(text, from, k + 1) ? from : Math.max(from, k - 2);
      if (anchor < k && endsInVerb(text, k)) anchor = k;
      break;
    }
    if (k === from && PLACE_ABBREV.hasAt(text, k) && suffixAt - k >= 2) { anchor = k; break; }
  }
  // A company's brand before its place (国网 + 焦作供电公司, 中石化 + 河南分公司) opens its name.
  // The brand may end past where the place's two characters were guessed to begin (国网 + 温县).
  if (anchor > from && BRANDS.longestAt(text, from) >= anchor - from) anchor = from;
  const bodyLen = suffixAt - (anchor >= 0 ? anchor : from);
  if (PLACE_ONLY.has(suffix)) {
    if (anchor < 0) return -1;
    // A town's or village's name of three characters (云台山镇); cities and counties named by two
    // keep the two (像三亚市政府 starts at 三).
    if (anchor > from && !verb && '镇乡村'.includes(text[suffixAt - 1]) && isPlaceChain(text, from, suffixAt)) anchor = from;
    const place = text.slice(anchor, suffixAt);
    const pl = PLACE_NAMES.longestAt(text, anchor);
    if (place.length === 1 && PLACE_CHARS.has(place)) return anchor;
    if (pl === place.length) return anchor;
    if (PLACE_CHARS.has(place[place.length - 1]) && place.length <= 4) return anchor;
    if (isPlaceChain(text, anchor, suffixAt)) return anchor;
    return -1;
  }
  let start = anchor >= 0 ? anchor : from;
  if (anchor < 0) {
    const strong = STRONG.has(suffix) || suffix.length >= 3;
    if (!strong || bodyLen > 5 || bodyLen < 1) return -1;
    // 商业银行, 房地产公司, 企业集团: a line of business alone before a company's suffix names a kind of body.
    if (BUSINESS_SUFFIXES.has(suffix) && isBusinessType(text, from, suffixAt)) return -1;
  } else if (bodyLen > 14 && bodyLen - placeChainLength(text, anchor, suffixAt) > 8) return -1;
  // A body made of generic words only (公办幼儿园, 河南省中小学幼儿园) names a type.
  let p = start + PLACE_NAMES.longestAt(text, start);
  if (PLACE_CHARS.hasAt(text, p) && p < suffixAt - 1 && GENERIC.longestAt(text, p) < 2) p++;
  if (p === suffixAt && p > start) return start;
  while (p < suffixAt) {
    const g = GENERIC.longestAt(text, p);
    if (!g || p + g > suffixAt) break;
    p += g;
  }
  if (p >= suffixAt) return -1;
  if (text[start] === '第') return -1;
  // 一网通办, 一次办: 办 is the verb of a slogan counted from one.
  if (suffix === '办' && COUNTERS.hasAt(text, start)) return -1;
  return start;
}

/** Length of the longest chain of places (see isPlaceChain) that opens [from, to), or 0. */
function placeChainLength(text: string, from: number, to: number): number {
  for (let e = to; e > from + 1; e--) if (isPlaceChain(text, from, e)) return e - from;
  return 0;
}

/**
 * Whether [from, to) is one or more places, each a known place name or a name of one to three
 * characters, with its place character (修武县云台山镇, 河南省焦作市): no function word stands in it.
 */
function isPlaceChain(text: string, from: number, to: number): boolean {
  let p = from;
  while (p < to) {
    const known = PLACE_NAMES.longestAt(text, p);
    if (known > 0 && p + known <= to) {
      p += known;
      if (p < to && PLACE_CHARS.hasAt(text, p)) p++;
      continue;
    }
    let q = p;
    // A name of one to three characters before its place character, or of up to four before a place
    // word (民生街道, 经济技术开发区).
    let word = 0;
    while (q < to && q - p <= 4 && (!STOP_CHARS.hasCode(text.charCodeAt(q)) || (q > p && TOWN_CHARS.hasAt(text, q + 1)))) {
      if (q > p) word = PLACE_WORDS.longestAt(text, q);
      if (word > 0 && q + word <= to) break;
      word = 0;
      if (PLACE_CHARS.hasAt(text, q) && q > p) break;
      q++;
    }
    if (word > 0) {
      p = q + word;
      continue;
    }
    if (q === p || q >= to || q - p > 3 || !PLACE_CHARS.hasAt(text, q) || endsInVerb(text, q)) return false;
    p = q + 1;
  }
  return p === to && to > from;
}

/**
 * Whether a name found by other means (the tagger) can be an org: not ending in a non-org word
 * (…格局, …部署), not a type of body (市级示范幼儿园), not opened by a function word.
 */
export function plausibleOrg(name: string): boolean {
  if (name.length < 2 || (name.length <= NOT_SUFFIX_MAX && NOT_SUFFIX_WORDS.has(name) && !NAMED_BODIES.notSuffix.has(name))) return false;
  // A place or a named body before the name (联合国难民署, 以色列工党) is not a verb or a function word.
  const named = PLACE_NAMES.longestAt(name, 0) > 0 || NAMED_LEX.longestAt(name, 0) > 0;
  for (let k = 2; k <= 4 && k <= name.length; k++) {
    // The trie is asked about the ending in place; it is cut out only when it is a non-org ending.
    if (NON_ORG_ENDINGS.hasSlice(name, name.length - k, name.length) && !(name.length - k >= 2 && TYPE_ENDINGS.has(name.slice(-k)) && !STOP_CHARS.has(name[0]))) return false;
  }
  if (!named && ((STOP_CHARS.has(name[0]) && NAME_WORDS.longestAt(name, 0) === 0) || STOP_WORDS.longestAt(name, 0) > 0)) return false;
  const sl = Math.max(GOV.longestEndingAt(name, name.length), OTHER.longestEndingAt(name, name.length));
  if (sl > 0 && sl < name.length) {
    let p = PLACE_NAMES.longestAt(name, 0);
    if (PLACE_CHARS.has(name[p]) && p < name.length - sl - 1 && !GENERIC.longestAt(name, p)) p++;
    if (p > 0 && p === name.length - sl) return true;
    while (p < name.length - sl) {
      const g = GENERIC.longestAt(name, p);
      if (!g || p + g > name.length - sl) break;
      p += g;
    }
    if (p >= name.length - sl || (BUSINESS_SUFFIXES.has(name.slice(name.length - sl)) && isBusinessType(name, 0, name.length - sl))) return false;
  }
  return true;
}

/**
 * Whether the text between two bodies, [from, to), is a verb or function word that joins them
 * (联合, 会同, 与, 和): then a name running over both is two names (沁阳市人社局联合市总工会).
 */
export function joinsBodies(text: string, from: number, to: number): boolean {
  if (to <= from || to - from > 4) return false;
  // Not any stop character: place names hold some (成都, 经侦 of 公安厅经侦总队).
  for (let i = from; i < to; i++) if (JOINERS.hasCode(text.charCodeAt(i))) return true;
  return STOP_WORDS.longestEndingAt(text, to, from) === to - from;
}

/** Function words that join phrases (与, 和, 的 …): never inside a name (…所, 成都… can be). */
const JOINERS = charSet('的了与和及或并而在是把被将从向对给让');

/**
 * Whether a longer name [start, end) that holds the org [innerStart, innerEnd) reads as that org with
 * its place, parent or unit (印尼 + 农业部, 中科院 + 微生物研究所) rather than a run into the words
 * around it: no function word or 和 inside (宣传与党中央), no verb between the two (县教育局 + 联合 +
 * 市…), an added tail that ends in a body suffix (欧盟 + 机构, 中共 + 地下 do not), and no lone
 * measure word or function word added in front (一家 + 农商行).
 */
export function extendsOrg(text: string, start: number, end: number, innerStart: number, innerEnd: number): boolean {
  for (let i = start; i < end; i++) if (JOINERS.hasCode(text.charCodeAt(i))) return false;
  // A verb that joins bodies (联合, 会同) between the org and what the longer name adds: two bodies.
  if (start < innerStart && STOP_WORDS.longestEndingAt(text, innerStart, start) > 0) return false;
  if (end > innerEnd && STOP_WORDS.longestAt(text, innerEnd) > 0) return false;
  if (end > innerEnd) {
    const body = GOV.longestEndingAt(text, end, innerEnd) || OTHER.longestEndingAt(text, end, innerEnd) || UNITS.longestEndingAt(text, end, innerEnd);
    if (!body && !'司会团'.includes(text[end - 1]) && !(end - innerEnd > 2 && TYPE_ENDINGS.has(text.slice(end - 2, end)))) return false;
  }
  return !(innerStart - start === 1 && MEASURES.has(text[start]));
}

/**
 * End of a tagged org that ran into the party group or committee after it (市慈善总会党 + 组书记):
 * one character less when the name ends in 党 before 组 or 委 and what remains ends in a body suffix.
 */
export function withoutPartyGroup(text: string, start: number, end: number): number {
  if (end - start < 4 || text.charCodeAt(end - 1) !== 0x515a /* 党 */ || (text[end] !== '组' && text[end] !== '委')) return end;
  const rest = end - 1;
  const body = GOV.longestEndingAt(text, rest, start) || OTHER.longestEndingAt(text, rest, start) || UNITS.longestEndingAt(text, rest, start);
  return body > 0 ? rest : end;
}

/** Letters and digits directly before a named body mean it is inside another word (by code: NaN, before the text, is none). */
function isLetterLikeCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

function acceptable(name: string, suffixLen: number): boolean {
  if (name.length < 2 || NOT_SUFFIX_WORDS.has(name)) return false;
  const body = name.slice(0, name.length - suffixLen);
  if (isNamed(name)) return true;
  if (body.length === 0) return false;
  // 市委, 县政府, 省教育厅: a place character alone is enough; otherwise the body needs two characters.
  if (body.length === 1 && !PLACE_CHARS.has(body)) return suffixLen >= 2 && (PLACE_ABBREV.has(body) || ONE_CHAR_BODIES.has(body));
  if (name.length > 24) return false;
  if (body.startsWith('全') || body.startsWith('各') || body.startsWith('我') || body.startsWith('本')) return false;
  return true;
}

/** Longest candidates first; equal length, leftmost first; never overlapping. */
function pickLongest(cands: OrgSpan[]): OrgSpan[] {
  const order = sortLongestFirst(cands);
  const taken: OrgSpan[] = [];
  const cover = new Cover(order.reduce((m, c) => Math.max(m, c.end), 0));
  for (const c of order) {
    if (cover.hit(c.start, c.end) >= 0) continue;
    cover.mark(c.start, c.end);
    taken.push(c);
  }
  return sortByStart(taken);
}

const longer = (a: OrgSpan, b: OrgSpan) => b.end - b.start - (a.end - a.start) || a.start - b.start;

/** Longer first, then leftmost, as a new list: `[...cands].sort(…)`, by insertion for the usual short list. */
function sortLongestFirst(cands: OrgSpan[]): OrgSpan[] {
  return sortSmall(cands.slice(), longer);
}

/**
 * A gov body directly followed by its unit (`市自然资源和规划局` + `建设工程科`, `河南省教育厅` + `办公室`) is
 * one span with `parent` and `unit`.
 */
function attachUnits(text: string, orgs: OrgSpan[]): OrgSpan[] {
  const out: OrgSpan[] = [];
  for (let i = 0; i < orgs.length; i++) {
    const o = orgs[i];
    const next = orgs[i + 1];
    if (next && next.start === o.end && o.kind === 'gov') {
      out.push({ start: o.start, end: next.end, kind: 'gov', parent: text.slice(o.start, o.end), unit: text.slice(next.start, next.end) });
      i++;
      continue;
    }
    if (o.kind === 'gov') {
      const u = unitAfter(text, o.end);
      if (u > 0) {
        out.push({ start: o.start, end: o.end + u, kind: 'gov', parent: text.slice(o.start, o.end), unit: text.slice(o.end, o.end + u) });
        continue;
      }
    }
    out.push(o);
  }
  return out;
}

/** Length of a unit name (至多 8 characters ending in 科/处/室/办 …) right after `at`, or 0. */
function unitAfter(text: string, at: number): number {
  let best = 0;
  for (let e = at + 1; e <= Math.min(text.length, at + 7); e++) {
    const c = text.charCodeAt(e - 1);
    if (!isHanCode(c) || STOP_CHARS.hasCode(c) || c === HE) break;
    const sw = STOP_WORDS.longestEndingAt(text, e, at);
    // 行政事项服务科: a verb naming the unit's work, right before its suffix, is part of its name.
    if (sw > 0 && !(NAME_VERBS.hasSlice(text, e - sw, e) && UNITS.longestAt(text, e) > 0)) break;
    const u = UNITS.longestEndingAt(text, e, at);
    if (u === 0) continue;
    const unit = text.slice(at, e);
    if (NOT_SUFFIX_WORDS.has(unit) || CONTINUATIONS.hasSlice(text, e - 1, e + 1) || unit.endsWith('公司')) continue;
    if (unit.length === u && unit.length < 3) continue;
    best = e - at;
    break;
  }
  return best;
}

/** A gov span that holds an inner body and a unit (`市自然资源和规划局解放分局`) gets `parent`/`unit`. */
function splitUnit(text: string, o: OrgSpan): OrgSpan {
  for (let j = o.end - 2; j >= o.start + 3; j--) {
    if (GOV.longestEndingAt(text, j, o.start) === 0) continue;
    if (CONTINUATIONS.hasSlice(text, j - 1, j + 1)) continue;
    const unit = text.slice(j, o.end);
    if (UNITS.longestEndingAt(unit, unit.length) === 0 && GOV.longestEndingAt(unit, unit.length) === 0) continue;
    if (unit.length < 2) continue;
    // A literal, not a spread: cloning by spread was this function's whole cost. Only truthiness of
    // `strong` is ever read, and every candidate carries it.
    return { start: o.start, end: o.end, kind: o.kind, strong: o.strong, parent: text.slice(o.start, j), unit };
  }
  return o;
}
