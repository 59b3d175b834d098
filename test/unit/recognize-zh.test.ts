import { describe, expect, it } from 'vitest';
import { recognize } from '../../utils/recognize';
import { findZhEntities, isBracketedCompany, taggedOrgHolds } from '../../utils/recognize/zh';
import { findOrgs, plausibleOrg, withoutPartyGroup } from '../../utils/recognize/zh/orgs';
import { chineseNameAt } from '../../utils/recognize/zh/names';
import type { OrgMention, PersonMention } from '../../utils/recognize/types';

const people = (text: string) => recognize(text, { lang: 'zh' }).filter((m): m is PersonMention => m.type === 'person');
const orgs = (text: string) => recognize(text, { lang: 'zh' }).filter((m): m is OrgMention => m.type === 'org');
const person = (text: string, name: string) => people(text).find((p) => p.text === name);

describe('title chains before a name', () => {
  it('gives the titles as printed, the org taken out', () => {
    const p = person('2月2日上午，市教育局党组书记、局长杨建路走访慰问离休干部。', '杨建路');
    expect(p).toMatchObject({ titles: ['党组书记', '局长'], org: '市教育局', official: true, role: 'official' });
    expect(orgs('2月2日上午，市教育局党组书记、局长杨建路走访慰问。').map((o) => o.text)).toEqual(['市教育局']);
  });

  it('keeps a former office and its org inside the title', () => {
    const p = person('2月2日上午，市教育局党组书记、局长杨建路走访慰问离休干部、原教委主任王同敬，为他送上新春的祝福。', '王同敬');
    expect(p).toMatchObject({ titles: ['离休干部', '原教委主任'], org: '教委', official: true, role: 'retired_official' });
  });

  it('reads a transliterated full name after a title whole, across its dot', () => {
    expect(person('美国专家希拉·威曼女士在为中国大学生授课。', '希拉·威曼')?.titles).toEqual(['美国专家']);
    expect(person('斯特拉斯堡市市长罗朗·雷斯及法国各界人士二百多人出席。', '罗朗·雷斯')).toMatchObject({ official: true });
    expect(people('新西兰总理罗伯特·马尔登有幸成为第一位。').map((p) => p.text)).not.toContain('罗伯特');
  });

  it('reads no name out of a frequent word after a title (领导班子, 代表谈判)', () => {
    expect(people('致公党要切实搞好领导班子建设，领导班子做到眼界开阔。')).toEqual([]);
    expect(people('继续同科索沃阿族代表谈判，根据国际准则确定该地区的地位。')).toEqual([]);
    expect(person('代表王小明发言。', '王小明')).toBeDefined();
  });

  it('keeps a printed prefix that is not an org (市自然资源总督察)', () => {
    const p = person('该局党组成员、副局长孙伟所作的报告，市自然资源总督察、二级调研员李海东所作的报告。', '李海东');
    expect(p?.titles).toEqual(['市自然资源总督察', '二级调研员']);
  });

  it('marks teachers with their school, not as officials', () => {
    const p = person('这3名教师分别是温县实验中学英语教师郝晓娟、焦作市第一中学政治教师赵琎。', '郝晓娟');
    expect(p).toMatchObject({ titles: ['英语教师'], org: '温县实验中学', official: false, role: 'teacher' });
  });
});

describe('titles after a name', () => {
  it('keeps the district an unknown district committee names (山阳区委书记)', () => {
    expect(person('山阳区委书记王刚出席。', '王刚')).toMatchObject({ titles: ['书记'], org: '山阳区委' });
    expect(orgs('山阳区委书记王刚出席。').map((o) => o.text)).toEqual(['山阳区委']);
  });

  it('gives a deputy county head no congress for an agency, but the government named before', () => {
    expect(person('县人大常委会主任刘志强主持会议，副县长张丽丽作报告。', '张丽丽')).toMatchObject({ titles: ['副县长'], org: null });
    expect(person('县政府党组成员王强，副县长张丽丽出席。', '张丽丽')).toMatchObject({ titles: ['副县长'], org: '县政府' });
  });

  it('gives a title before a list of names to each name, and keeps 等 out of the last', () => {
    const list = people('副市长王晓红、陈伟、刘军，市政府秘书长张志强出席会议。');
    expect(list.map((p) => [p.text, p.titles])).toEqual([['王晓红', ['副市长']], ['陈伟', ['副市长']], ['刘军', ['副市长']], ['张志强', ['秘书长']]]);
    expect(people('市委书记葛巧红、市长李亦博出席。').map((p) => p.titles)).toEqual([['书记'], ['市长']]);
    expect(people('王晓红、陈伟等同志参加。').map((p) => p.text)).toEqual(['王晓红', '陈伟']);
  });

  it('gives the head of a unit listed after the body\'s leaders that body (办公室副主任刘洋)', () => {
    const list = people('市教育局党组书记、局长李明，副局长王强，办公室副主任刘洋出席会议。');
    expect(list.map((p) => [p.text, p.org, p.official])).toEqual([['李明', '市教育局', true], ['王强', '市教育局', true], ['刘洋', '市教育局', true]]);
    // not across sentences
    expect(person('县自然资源局局长张华参加。办公室主任李娜说，要抓好落实。', '李娜')?.org).toBeNull();
    // 说 ending the text is no part of the name
    expect(people('县一中办公室主任李娜说').map((p) => p.text)).toEqual(['李娜']);
  });

  it('gives back to the word after a name what the tagger took of it (陪同, 通讯员 of a squeezed byline)', () => {
    expect(people('中站区委书记郭鹏陪同调研。').map((p) => p.text)).toEqual(['郭鹏']);
    expect(people('（记者 张苗 通讯员 李明）').map((p) => [p.text, p.role])).toEqual([['张苗', 'reporter'], ['李明', 'correspondent']]);
    expect(people('欧阳明介绍，项目进展顺利。').map((p) => p.text)).toEqual(['欧阳明']);
  });

  it('reads 局 opening a title chain as the bureau the article named (局党组书记: 该局)', () => {
    const text = '3月12日，市自然资源和规划局召开工作会议。局党组书记、局长刘晓军出席会议并讲话。';
    expect(person(text, '刘晓军')).toMatchObject({ titles: ['党组书记', '局长'], org: '市自然资源和规划局', official: true });
  });

  it('reads the office a notice names someone to, after the name (任命…为…局长)', () => {
    const text = '经市委研究决定：任命王建华同志为市应急管理局局长；选举李明为县人民政府县长；免去李国强同志的市林业局局长职务。';
    expect(person(text, '王建华')).toMatchObject({ titles: ['局长'], org: '市应急管理局', official: true });
    expect(person(text, '李明')).toMatchObject({ titles: ['县长'], org: '县人民政府', official: true });
    expect(person(text, '李国强')).toMatchObject({ titles: ['局长'], org: '市林业局', official: true });
    // 为 after a name is no appointment without a word that makes one
    expect(person('他认为李明为人正直。', '李明')).toMatchObject({ titles: [], org: null });
  });

  it('gives a bare 院长 or 局长 the body of that kind the paragraph named before, not one in another paragraph', () => {
    expect(person('据县法院通报，2023年该院共受理各类案件5632件。院长周明在会上作工作报告。', '周明')).toMatchObject({ titles: ['院长'], org: '县法院' });
    expect(person('市教育局、县法院联合召开会议。局长杨建路讲话。', '杨建路')).toMatchObject({ org: '市教育局' });
    expect(person('市教育局召开会议。\n局长杨建路讲话。', '杨建路')).toMatchObject({ org: null });
  });

  it('reads titles of agricultural and technical staff, and gives 荣获 back to the sentence', () => {
    expect(person('县农业农村局高级农艺师赵红梅多次到村开展技术指导。', '赵红梅')).toMatchObject({ titles: ['高级农艺师'], org: '县农业农村局' });
    expect(people('焦作市中医院副院长、主任医师王静荣获“河南省优秀医师”称号。').map((p) => p.text)).toEqual(['王静']);
  });

  it('splits a title that began inside the body before it (镇党委书记: 镇党委 and 书记)', () => {
    expect(person('镇党委书记孙立新表示，将加大扶持力度。', '孙立新')).toMatchObject({ titles: ['书记'], org: '镇党委', official: true });
  });

  it('reads a transliterated name before a post or a verb of speech, but not a country', () => {
    expect(people('拉特纳亚克议长还向江泽民主席介绍了情况。').map((p) => p.text)).toEqual(['拉特纳亚克', '江泽民']);
    expect(person('拉特纳亚克议长还向江泽民主席介绍了情况。', '拉特纳亚克')?.titles).toEqual(['议长']);
    expect(people('巴西总统说，会谈是成功的。')).toEqual([]);
  });

  it('gives back 作 of 作专题报告 and reads a democratic party\'s post with its whole committee', () => {
    expect(person('中国工程院院士、河南理工大学教授袁亮作专题报告。', '袁亮')).toMatchObject({ titles: ['院士', '教授'], org: '河南理工大学' });
    expect(person('省政协副主席、民建河南省委主委孙远良带队调研。', '孙远良')).toMatchObject({ titles: ['副主席', '主委'], org: '民建河南省委' });
  });

  it('reads a bank\'s 行长助理 and a body after the verb 给予, and no party in 中共党员', () => {
    expect(person('中原银行焦作分行行长助理刘海洋一行到访。', '刘海洋')).toMatchObject({ titles: ['行长助理'], org: '中原银行焦作分行' });
    expect(orgs('给予马村区待王街道办事处副主任赵某某党内警告处分。').map((o) => o.text)).toEqual(['马村区待王街道办事处']);
    expect(orgs('王建军，汉族，中共党员，现任温县农业农村局副局长。').map((o) => o.text)).toEqual(['温县农业农村局']);
  });

  it('reads the ? a GB2312 page prints for a name\'s dot as the dot, and the Latin spelling after the name as that person', () => {
    const t = 'NASA发言人斯蒂芬妮?席尔霍尔茨(Stephanie Schierhol）表示：“我们研究了。”美国总统比尔?克林顿说。他是谁?阿拉伯人说。';
    expect(people(t).map((p) => p.text)).toEqual(['斯蒂芬妮?席尔霍尔茨', 'Stephanie', '比尔?克林顿']);
    expect(person(t, '斯蒂芬妮?席尔霍尔茨')?.titles).toEqual(['发言人']);
  });

  it('gives a title the org only the tagger found, and reads a bureau\'s branch after 和 whole', () => {
    expect(person('市土地储备中心主任李强介绍，今年计划收储土地3200亩。', '李强')).toMatchObject({ titles: ['主任'], org: '市土地储备中心' });
    expect(person('焦作市测绘院总工程师赵明华参与编制规划。', '赵明华')).toMatchObject({ titles: ['总工程师'], org: '焦作市测绘院' });
    expect(person('市自然资源和规划局示范区分局党支部书记、局长郭晓峰主持会议。', '郭晓峰')).toMatchObject({ org: '市自然资源和规划局示范区分局' });
  });

  it('reads an item between two names of a 、 list as a name, and the last before 等 or 出席', () => {
    expect(people('副主席李赣骝、童傅、厉无畏、钮小明、朱培康出席。').map((p) => p.text)).toEqual(['李赣骝', '童傅', '厉无畏', '钮小明', '朱培康']);
    expect(people('出席会议的有张三、李四、王五、赵六等。').map((p) => p.text)).toEqual(['李四', '王五', '赵六']);
    // an item with no surname first, a place or a frequent word stays what it is
    expect(people('获奖的有李四、王五、实验室、北京、赵六同志。').map((p) => p.text)).toEqual(['李四', '王五', '赵六']);
    // the last name of a byline's bracket, after a reporter named first
    expect(people('新华社北京１月５日电（记者王海燕、段芝璞）会议召开。').map((p) => [p.text, p.titles])).toEqual([['王海燕', ['记者']], ['段芝璞', ['记者']]]);
  });

  it('reads a transliterated name after a country and 的, but not a place there', () => {
    expect(people('女子100米栏决赛，美国的吉德里则以11秒51屈居第二。').map((p) => p.text)).toEqual(['吉德里']);
    expect(people('俄罗斯的库尼科娃和美国的塞·威廉姆斯晋级。').map((p) => p.text)).toEqual(['库尼科娃', '塞·威廉姆斯']);
    expect(people('美国的加利福尼亚州发生地震。')).toEqual([]);
  });

  it('reads 夫 that ends a Russian name, not the 夫 of 夫人', () => {
    expect(people('哈萨克斯坦总统纳扎尔巴耶夫昨天主持会议。').map((p) => p.text)).toEqual(['纳扎尔巴耶夫']);
    expect(people('美国总统克林顿夫人希拉里说。').map((p) => p.text)).toEqual(['克林顿', '希拉里']);
  });

  it('reads a long transliterated run after a title whole, not as a Chinese name and the rest', () => {
    expect(people('巴西外援鲁西亚努小角度将球铲入。').map((p) => p.text)).toEqual(['鲁西亚努']);
    expect(people('局长林琳莉出席。').map((p) => p.text)).toEqual(['林琳莉']);
  });

  it('reads a full name after a title whose surname is also a word, but not 和 of 领导人和…', () => {
    // the rule alone, after the title (lenient): 包 + 国富, ended by 坦言
    expect(chineseNameAt('总经理包国富坦言，此番调整势在必行。', 3, true)).toBe(3);
    expect(people('总经理包国富坦言，此番调整势在必行。').map((p) => p.text)).toEqual(['包国富']);
    expect(people('双方领导人和车臣当局互相指责。').map((p) => p.text)).toEqual([]);
  });

  it('gives back 身为, 来信, the surname of 王总 and the 主 of 主编 that a tagged name took', () => {
    expect(people('法院认为，张强身为国家工作人员，利用职务便利。').map((p) => p.text)).toEqual(['张强']);
    expect(people('外资司李欣来信写道：“我的家乡变了。”').map((p) => p.text)).toEqual(['李欣']);
    expect(people('集团董事长李诚李总，有请！').map((p) => p.text)).toEqual(['李诚']);
    expect(people('就像刚才杨主编说的，这是好事。').map((p) => p.text)).toEqual([]);
  });

  it('reads sports roles and Go ranks around names (巴西外援里贝罗, 俞斌九段和林峰三段)', () => {
    expect(people('海狮队的巴西外援里贝罗各为自己的球队攻入一球。').map((p) => p.text)).toEqual(['里贝罗']);
    expect(people('以色列工党领袖巴拉克6月15日在开罗会见了他。').map((p) => p.text)).toEqual(['巴拉克']);
    expect(people('俞斌九段和林峰三段在开幕式后进行了表演赛。').map((p) => p.text)).toEqual(['俞斌', '林峰']);
  });

  it('reads a leader\'s full name where it opens a thought or theory (习近平新时代…思想, 马克思主义)', () => {
    expect(people('深入贯彻习近平新时代中国特色社会主义思想，发扬马克思主义学风。').map((p) => p.text)).toEqual(['习近平', '马克思']);
  });

  it('reads 习近平总书记', () => {
    expect(person('贯彻落实习近平总书记关于耕地保护的重要指示。', '习近平')).toMatchObject({ titles: ['总书记'], official: true });
  });

  it('finds the person in 王同敬，原教委主任', () => {
    expect(people('王同敬，原教委主任。').map((p) => p.text)).toContain('王同敬');
  });
});

describe('该局 resolution', () => {
  it('resolves to the bureau the article names, even when named later', () => {
    const text = '本报讯（记者张苗）2月1日，该局党组书记、局长刘晓军出席活动。\n刘晓军指出，市自然资源和规划局积极回应基层关切。';
    expect(person(text, '刘晓军')).toMatchObject({ titles: ['党组书记', '局长'], org: '市自然资源和规划局', official: true });
  });

  it('never returns 该局 itself, 全系统 or a bare place as an org', () => {
    const names = orgs('该局提前安排部署，要求全系统深入贯彻，为谱写焦作高质量发展新篇章。').map((o) => o.text);
    expect(names).not.toContain('该局');
    expect(names).not.toContain('全系统');
    expect(names).not.toContain('焦作');
  });
});

describe('bylines and credits', () => {
  it('reads reporters and correspondents without an org', () => {
    const ps = people('本报讯（记者赵改玲 通讯员雷振宙）新春佳节将至。');
    expect(ps.map((p) => [p.text, p.titles, p.org, p.role])).toEqual([
      ['赵改玲', ['记者'], null, 'reporter'],
      ['雷振宙', ['通讯员'], null, 'correspondent'],
    ]);
  });

  it('reads 本报记者 张苗, □丁垒 and 杨瑞林 摄', () => {
    expect(person('党建引领 凝心聚力\n本报记者 张苗\n2023年，市自然资源和规划局党建办深入贯彻。', '张苗')?.titles).toEqual(['记者']);
    expect(person('领悟春节文化\n□丁垒\n过年，过的是辞旧迎新。', '丁垒')).toMatchObject({ titles: [], role: 'author', official: false });
    expect(person('图为比赛现场。 杨瑞林 摄', '杨瑞林')).toMatchObject({ role: 'photographer', official: false });
  });

  it('joins a name broken by layout spaces (张 苗) and maps offsets back', () => {
    const raw = Array.from({ length: 10 }, () => '自然资源和规划系统开展夯基础增本领活').join('\n') + '\n本报讯（记者张 苗）\n2月1日至5日，市自然资源和规划\n局开展活动';
    const p = recognize(raw, { lang: 'zh' }).find((m) => m.type === 'person');
    expect(p?.text).toBe('张 苗');
    expect(raw.slice(p!.start, p!.end)).toBe('张 苗');
  });
});

describe('organizations', () => {
  it('takes parent + unit as one span', () => {
    const o = orgs('2023年，市自然资源和规划局建设工程科聚焦主业。')[0];
    expect(o).toMatchObject({ text: '市自然资源和规划局建设工程科', kind: 'gov', parent: '市自然资源和规划局', unit: '建设工程科' });
  });

  it('keeps the place prefix of a school and types it other', () => {
    expect(orgs('我市入选学校有：高新区阳邑小学（一等奖），博爱县光智中学。').map((o) => [o.text, o.kind])).toEqual([
      ['高新区阳邑小学', 'other'],
      ['博爱县光智中学', 'other'],
    ]);
  });

  it('finds orgs inside document titles and media without 《》', () => {
    const names = orgs('印发《焦作市教育局关于做好心理危机识别工作的通知》，在《焦作日报》公布。').map((o) => o.text);
    expect(names).toEqual(['焦作市教育局', '焦作日报']);
  });

  it('drops a leading session ordinal and a session suffix', () => {
    expect(orgs('第78届联合国大会协商一致通过决议。').map((o) => o.text)).toContain('联合国大会');
    expect(orgs('焦作市第十四届人民代表大会第二次会议公布了项目。').map((o) => o.text)).toContain('焦作市第十四届人民代表大会');
  });

  it('reads 中学校长 as the school and its head, 中学校园 as the school and its campus', () => {
    expect(person('市第一中学校长张华出席。', '张华')).toMatchObject({ titles: ['校长'], org: '市第一中学' });
    expect(orgs('市第一中学校园文化节开幕。').map((o) => o.text)).toEqual(['市第一中学']);
  });

  it('does not take a school type for a school (义务教育学校)', () => {
    expect(orgs('会议汇报了义务教育学校建设情况。')).toEqual([]);
  });

  it('does not take types of body for names', () => {
    const names = orgs('孟州市组织省、市级示范幼儿园与农村幼儿园结成帮扶园所。').map((o) => o.text);
    expect(names).not.toContain('市级示范幼儿园');
    expect(names).not.toContain('农村幼儿园');
  });
});

describe('org boundaries (rules alone)', () => {
  const ruleOrgs = (text: string) => findOrgs(text).map((o) => text.slice(o.start, o.end));

  it('starts a counted body after its measure word', () => {
    expect(ruleOrgs('他们自办了一个标准件厂，为解决就业。')).toEqual(['标准件厂']);
    expect(ruleOrgs('这个出版社与总社合作。')).toEqual([]);
    expect(ruleOrgs('瑞士三大银行中的两家合并。')).toEqual([]);
  });

  it('stops at adjectives and at verbs that take a body as object', () => {
    expect(ruleOrgs('都一家著名联想公司斥资1亿元。')).toEqual(['联想公司']);
    expect(ruleOrgs('湘乡市公安局责令治安股将收取的款项退还。')).toEqual(['湘乡市公安局']);
    // 获 (won) before 县政府 or 市委 is the verb; 获嘉县 is a county
    expect(orgs('他连续3年获县政府嘉奖，又获市委表彰。').map((o) => o.text)).toEqual(['县政府', '市委']);
    expect(orgs('获嘉县人民政府召开会议。').map((o) => o.text)).toEqual(['获嘉县人民政府']);
    // 学习 before 省委 is the verb; 学习型 opens a name
    expect(orgs('会议传达学习省委全会精神。').map((o) => o.text)).toEqual(['省委']);
    expect(orgs('焦作市学习型城市建设促进会成立。').map((o) => o.text)).toEqual(['焦作市学习型城市建设促进会']);
  });

  it('finds the everyday bodies of local government whole, opening a sentence or inside one', () => {
    // 财政局 ends in 政局 (the political situation), 组织部 holds 组织 (to organise), 大数据局 the 据 of 根据.
    const bodies = ['市财政局', '县民政局', '市邮政局', '焦作市财政局', '市委组织部', '市委宣传部', '市国资委', '县残联', '市大数据局', '市档案馆', '焦作市气象台', '市纪委监委', '省发展改革委'];
    for (const body of bodies) {
      expect(orgs(`${body}召开会议。`).map((o) => o.text)).toEqual([body]);
      expect(orgs(`会上，${body}负责同志作了发言。`).map((o) => o.text)).toEqual([body]);
    }
  });

  it('finds service centres and regulators whose names hold a verb (服务, 监督) or a long part after 和', () => {
    const bodies = ['县市场监督管理局', '市政务服务中心', '温县党群服务中心', '市退役军人服务中心', '市政务服务和大数据管理局',
      '市科学技术和工业信息化局', '市国有资产监督管理委员会', '市不动产登记中心', '市委党校', '市卫生健康监督所', '市慈善总会'];
    for (const body of bodies) {
      expect(orgs(`${body}召开会议。`).map((o) => o.text), body).toEqual([body]);
      expect(orgs(`会上，${body}负责同志作了发言。`).map((o) => o.text), body).toEqual([body]);
    }
    expect(orgs('市政务服务中心').map((o) => o.kind)).toEqual(['gov']);
    expect(orgs('县社区卫生服务中心').map((o) => o.kind)).toEqual(['other']);
  });

  it('reads places below the county: a town named with a function word, streets, communities, development zones', () => {
    expect(ruleOrgs('沁阳市西向镇党委书记赵军陪同。')).toEqual(['沁阳市西向镇党委']);
    expect(ruleOrgs('解放区民生街道焦东社区党委召开会议。')).toEqual(['解放区民生街道焦东社区党委']);
    expect(ruleOrgs('焦作经济技术开发区管委会召开会议。')).toEqual(['焦作经济技术开发区管委会']);
    expect(ruleOrgs('解放区焦南街道西王褚社区居委会主任张爱华走访群众。')).toEqual(['解放区焦南街道西王褚社区居委会']);
    expect(ruleOrgs('焦作师范高等专科学校召开会议。')).toEqual(['焦作师范高等专科学校']);
    expect(ruleOrgs('成都市郫都区人民法院依法判处被告人张某有期徒刑三年。')).toEqual(['成都市郫都区人民法院']);
    expect(ruleOrgs('新疆维吾尔自治区乌鲁木齐市天山区人民检察院提起公诉。')).toEqual(['新疆维吾尔自治区乌鲁木齐市天山区人民检察院']);
    expect(ruleOrgs('内蒙古自治区呼和浩特市赛罕区人民政府召开会议。')).toEqual(['内蒙古自治区呼和浩特市赛罕区人民政府']);
    // 都 and 为 before a place character are the adverb and the verb: 们 and 举 are no place's
    expect(ruleOrgs('他们都市委的干部。')).toEqual(['市委']);
    expect(ruleOrgs('会议选举游德馨为省政协主席。')).toEqual(['省政协']);
    // 向 alone before 镇 is the verb
    expect(ruleOrgs('全县向镇党委汇报。')).toEqual(['镇党委']);
  });

  it('knows the democratic parties, short university names and the bare 国会', () => {
    expect(ruleOrgs('会议强调致公党要切实搞好领导班子建设。')).toEqual(['致公党']);
    expect(ruleOrgs('北大老，师大穷，清华、燕京可通融。')).toEqual(['北大', '清华']);
    expect(ruleOrgs('法案难以在本次国会获得通过，中国田协和故宫博物院、省教育考试院也表示关注。')).toEqual(['国会', '中国田协', '故宫博物院', '省教育考试院']);
  });

  it('keeps a national company\'s brand before its branch\'s place', () => {
    expect(ruleOrgs('国网焦作供电公司投资3.2亿元建设电网工程。')).toEqual(['国网焦作供电公司']);
    expect(ruleOrgs('中石化河南分公司和工行焦作分行签约。')).toEqual(['中石化河南分公司', '工行焦作分行']);
    // a place of one character before 县 (温县), and 国网 after 联合 (not 联合国)
    expect(orgs('国网焦作供电公司联合国网温县供电公司开展演练。').map((o) => o.text)).toEqual(['国网焦作供电公司', '国网温县供电公司']);
    expect(orgs('联合国教科文组织发布报告。').map((o) => o.text)).toEqual(['联合国教科文组织']);
  });

  it('finds a body that ends the text (a headline), and a place before a known body', () => {
    expect(ruleOrgs('沁阳市党委')).toEqual(['沁阳市党委']);
    expect(ruleOrgs('焦作市红十字会召开会议。')).toEqual(['焦作市红十字会']);
    expect(ruleOrgs('并向各国红十字会通报。')).toEqual(['红十字会']);
  });

  it('takes a county and a town, or a town of three characters, before 人民政府 whole', () => {
    expect(orgs('修武县云台山镇人民政府组织干部开展防汛演练。').map((o) => o.text)).toEqual(['修武县云台山镇人民政府']);
    expect(orgs('云台山镇人民政府组织干部开展演练。').map((o) => o.text)).toEqual(['云台山镇人民政府']);
    // a city keeps a name of two: the word before it is no part of it
    expect(orgs('像三亚市政府这样出台限制令。').map((o) => o.text)).toEqual(['三亚市政府']);
    // 精心组织 (organised with care) holds no working group (组)
    expect(orgs('新一届河北省石家庄市委精心组织、周密部署。').map((o) => o.text)).toEqual(['河北省石家庄市委']);
  });

  it('keeps two bodies apart when the tagger runs one name over them and the verb between', () => {
    expect(orgs('沁阳市人社局联合市总工会开展“送温暖”活动。').map((o) => o.text)).toEqual(['沁阳市人社局', '市总工会']);
    // the rules find only the first: the tagger's name may not take it and the verb after it
    expect(orgs('近日，县教育局联合市公共资源交易中心开展检查。').map((o) => o.text)).not.toContain('县教育局联合市公共资源交易中心');
    expect(orgs('博爱县住房和城乡建设局联合县市场监督管理局开展检查。').map((o) => o.text)).toEqual(['博爱县住房和城乡建设局', '县市场监督管理局']);
    // with nothing between them, the tagger's one name stands (a parent and its branch)
    expect(orgs('新华社河南分社记者报道。').map((o) => o.text)).toEqual(['新华社河南分社']);
  });

  it('reads Latin names in Chinese text: an acronym is a body, a closing bracket is no part of a name', () => {
    const suny = recognize('纽约州立大学（The State University of New York，SUNY）社会学荣誉教授戴夫·汉森说。', { lang: 'zh' });
    expect(suny.filter((m) => m.type === 'org').map((m) => m.text)).toContain('SUNY');
    expect(suny.filter((m) => m.type === 'person').map((m) => m.text)).toEqual(['戴夫·汉森']);
    const huot = people('丹尼尔·霍特(Daniel Huot)表示：“国际空间站上的宇航员不能饮酒。”').map((p) => p.text);
    expect(huot).toContain('丹尼尔·霍特');
    expect(huot.every((name) => !/[)）]/.test(name))).toBe(true);
  });

  it('reads 共产党员 and 共青团员 as members, not the party or the league, and 集团员工 as the group\'s staff', () => {
    expect(orgs('他是一名优秀共产党员，也当过共青团员。')).toEqual([]);
    expect(orgs('中国共产党党员应当带头，中信集团员工参加培训。').map((o) => o.text)).toEqual(['中国共产党', '中信集团']);
  });

  it('does not join two bodies, or a noun and a bare suffix, over 和', () => {
    expect(ruleOrgs('c组的丹麦队和南非队踢成1比1。')).toEqual(['丹麦队', '南非队']);
    expect(ruleOrgs('鼓励商人和银行向农民贷款。')).toEqual([]);
    expect(ruleOrgs('市自然资源和规划局建设工程科聚焦主业。')).toEqual(['市自然资源和规划局建设工程科']);
  });

  it('takes the ministry out of a title and never ends a name in 签署 or the verb 办', () => {
    expect(ruleOrgs('外交部长唐家璇会见了他。')).toEqual(['外交部']);
    // the country before a known ministry is part of its name, and a minister's 部长 holds an unknown one
    expect(ruleOrgs('法国内政部长签署了命令。')).toEqual(['法国内政部']);
    expect(ruleOrgs('会见了来访的芬兰农林部长卡莱维·海米莱。')).toEqual(['芬兰农林部']);
    expect(ruleOrgs('南非外交部部长恩佐出席。')).toEqual(['南非外交部']);
    expect(ruleOrgs('停建、缓建办公楼项目，逾期不办的，保留处罚。')).toEqual([]);
  });

  it('opens the body at the place character after a verb (报市政府, 回县医院, 陪同市委书记)', () => {
    expect(ruleOrgs('方案经研究后报市政府审定。')).toEqual(['市政府']);
    expect(ruleOrgs('患者出院后回县医院复查，由专人陪同市委书记走访。')).toEqual(['县医院', '市委']);
    expect(ruleOrgs('相关材料送市场监管局备案，并请示省政府。')).toEqual(['市场监管局', '省政府']);
    // a verb said twice around 一 (晒一晒, 看一看) is no place's name either, nor a place chain's
    expect(ruleOrgs('晒一晒市自然资源和规划局的成绩单，看一看县教育局的作为。')).toEqual(['市自然资源和规划局', '县教育局']);
    // a county of one character, and cities of three, keep their names
    expect(ruleOrgs('温县政府和驻马店市政府签订协议，来凤县政府派员参加。')).toEqual(['温县政府', '驻马店市政府', '来凤县政府']);
  });

  it('takes one character before a suffix for a country, a province or 总 only', () => {
    expect(ruleOrgs('以政府和德银行发表声明，解放军总医院派出专家。')).toEqual(['以政府', '德银行', '解放军总医院']);
    expect(ruleOrgs('今年出口额大增，创海关统计以来新高，各家银行纷纷跟进。')).toEqual([]);
  });

  it('reads troops, formations, halls and run-on words as no body (多国部队, 掉队, 大厅, 民政部门)', () => {
    // 多国部队 is a kind of force, not a named one: no body, and no 多国部 either
    expect(ruleOrgs('一支多国部队进驻该地区，行军中无人掉队，舰艇编队随后返航。')).toEqual([]);
    expect(ruleOrgs('音乐会在市民中心大厅举行。')).toEqual([]);
    expect(orgs('他到民政部门办点事，又去北大荒看望知青。').map((o) => o.text)).toEqual([]);
    expect(ruleOrgs('民政部发布通知，外交部长出席。')).toEqual(['民政部', '外交部']);
  });

  it('reads 部 after a numeral as volumes, 二级学院 as a type, 中心工作 and 厂房 as no body, and 经商 as a verb', () => {
    expect(ruleOrgs('这套丛书共五部，每部十万字。学校下设两个二级学院。')).toEqual([]);
    expect(ruleOrgs('县服装厂厂房整洁，软件厂商纷纷入驻。')).toEqual(['县服装厂']);
    expect(ruleOrgs('商务部经商外交部同意后公布。')).toEqual(['商务部', '外交部']);
    expect(orgs('要围绕国家中心工作建言献策。')).toEqual([]);
  });

  it('stops a name at time words, 自己 and 跟, and reads 科研院所 and 中上游强队 as no body', () => {
    expect(ruleOrgs('当前银行面临压力，他把老板告上法院，要提升自己公司的水平。')).toEqual([]);
    expect(ruleOrgs('企业跟科研院所合作，两支中上游强队交手。')).toEqual([]);
  });

  it('reads task forces, a place\'s team and the national bodies\' full names; a region\'s teams and a bare unit are no body', () => {
    expect(ruleOrgs('县里成立“抗旱救灾领导小组”，巴西男子排球队抵达，中国人民政治协商会议开幕。')).toEqual(['抗旱救灾领导小组', '巴西男子排球队', '中国人民政治协商会议']);
    expect(ruleOrgs('他们将与非洲球队、欧洲和南美球队交手。')).toEqual([]);
    expect(orgs('该市交警三中队今年查处违法行为。').map((o) => o.text)).not.toContain('中队');
  });

  it('reads a ministry\'s department with it (外交部新闻司), and a named body that opens a longer one (联合国禁毒署)', () => {
    expect(ruleOrgs('据教育部基础教育司负责人介绍，外交部新闻司司长出席。')).toEqual(['教育部基础教育司', '外交部新闻司']);
    expect(orgs('联合国禁毒署署长在会上发言。').map((o) => o.text)).toEqual(['联合国禁毒署']);
    // 司令员 and a drawn game (平局) are no body
    expect(ruleOrgs('他曾任铁道兵团副司令员。本场比赛有很大平局可能。')).toEqual([]);
  });

  it('reads a verb that names what a body does, with its object, before the suffix (投资促进局, 志愿服务队)', () => {
    expect(ruleOrgs('包括河南投资促进局和县青年志愿服务队在内的单位参加。')).toEqual(['河南投资促进局', '县青年志愿服务队']);
    // a unit's name too (社会保险服务科 of 县人社局)
    expect(ruleOrgs('县人社局社会保险服务科组织培训，县民政局社会救助股入户核查。')).toEqual(['县人社局社会保险服务科', '县民政局社会救助股']);
    // other verbs and quantities before a suffix still end the name
    expect(ruleOrgs('必须保证银行债务不悬空，西伯利亚军区部分部队合并。')).toEqual(['西伯利亚军区']);
  });

  it('stops a name at 欢迎, 拨打 and 双方, and takes member states for no body', () => {
    expect(ruleOrgs('欢迎市民拨打市住房保障办电话，双方教育局盖章。')).toEqual(['市住房保障办', '教育局']);
    expect(orgs('特别是联合国安理会常任理事国，欧佩克成员国也表示支持。').map((o) => o.text)).toEqual(['联合国安理会', '欧佩克']);
  });

  it('reads a line of business before a company\'s suffix as a kind of body (商业银行, 房地产公司), not after a place', () => {
    expect(orgs('商业银行收紧贷款，一家房地产公司和几家证券公司受到影响，企业集团也在调整。').map((o) => o.text)).toEqual([]);
    expect(ruleOrgs('焦作市房地产公司和北京电影学院签约。')).toEqual(['焦作市房地产公司', '北京电影学院']);
    // a committee is no company: 咨询委员会 stays
    expect(ruleOrgs('方案必须由咨询委员会审核。')).toEqual(['咨询委员会']);
  });

  it('reads going to school for no school (在国内读高中, 考大学), and a new line of business as a kind (人工智能公司)', () => {
    expect(ruleOrgs('当我还在国内读高中时，就想着以后考大学。')).toEqual([]);
    expect(orgs('谷歌收购的人工智能公司DeepMind开发出新电脑。').map((o) => o.text)).toEqual(['DeepMind']);
    // with a school's own name before it, it stays a body
    expect(ruleOrgs('他在焦作市第一中学读高中。')).toEqual(['焦作市第一中学']);
  });

  it('drops a body that runs into 社科 (人文社科类), but not one before a place (新华社科威特1月1日电)', () => {
    expect(orgs('人文社科类留学人才是未来国家发展的重要力量。').map((o) => o.text)).toEqual([]);
    expect(orgs('新华社科威特１月１日电').map((o) => o.text)).toEqual(['新华社']);
  });

  it('takes no cup or numbered congress for a named body', () => {
    expect(ruleOrgs('随着世界杯开幕，大家学习十五大文件。')).toEqual([]);
  });
});

describe('rules and the tagger', () => {
  const at = (text: string, name: string) => ({ start: text.indexOf(name), end: text.indexOf(name) + name.length });

  it('lets a tagged org replace a rule org it holds with its place or parent', () => {
    const t = '印尼农业部长贾斯今天说。';
    expect(taggedOrgHolds(t, at(t, '农业部'), at(t, '印尼农业部'))).toBe(true);
    const u = '中科院微生物研究所最近选育出新菌种。';
    expect(taggedOrgHolds(u, at(u, '中科院'), at(u, '中科院微生物研究所'))).toBe(true);
  });

  it('accepts tagged names opened by a place or a named body, and named teams and centres', () => {
    for (const n of ['联合国难民署', '以色列工党', '中国男队', '北海舰队', '武术管理中心', '世界卫生组织', '中共中央政治局', '党中央']) {
      expect(plausibleOrg(n), n).toBe(true);
    }
    for (const n of ['党委', '医院', '服务部门', '成立信访办公室', '男队', '中心']) expect(plausibleOrg(n), n).toBe(false);
    // a function word that opens a word of the name (对外, 经济)
    expect(plausibleOrg('对外贸易经济合作部')).toBe(true);
    expect(plausibleOrg('国际联络小组')).toBe(true);
    expect(plausibleOrg('小组')).toBe(false);
  });

  it('keeps a company whose name holds a bracketed place or group, as the tagger reads it', () => {
    expect(isBracketedCompany('美达（中国）有限公司', 0, 10)).toBe(true);
    expect(isBracketedCompany('华新航空（集团）公司', 0, 10)).toBe(true);
    expect(isBracketedCompany('他说（笑）公司', 0, 7)).toBe(false);
  });

  it('keeps a rule org when the tagged org inside it is no org, unless the tagger reads a person there', () => {
    expect(orgs('鹤岗分局组织职工开展培训。').map((o) => o.text)).toEqual(['鹤岗分局']);
    expect(orgs('车主将李红送往医院救治。').map((o) => o.text)).toEqual([]);
  });

  it('leaves the party group to the title and a quoted slogan to the sentence', () => {
    expect(orgs('市慈善总会党组书记、会长张红军出席。').map((o) => o.text)).toEqual(['市慈善总会']);
    const t = '市农业技术推广中心党组书记张红军出席。';
    expect(withoutPartyGroup(t, 0, t.indexOf('组'))).toBe(t.indexOf('党'));
    // 共产党 is the name's own 党
    const u = '中国共产党委员会';
    expect(withoutPartyGroup(u, 0, 5)).toBe(5);
    expect(orgs('他带队到温县调研“一网通办”工作。').map((o) => o.text)).toEqual([]);
  });

  it('keeps the rule org when the tagger only adds the end of the word before 市', () => {
    const t = '推进高中市教育局负责。';
    expect(taggedOrgHolds(t, at(t, '市教育局'), at(t, '中市教育局'))).toBe(false);
    expect(taggedOrgHolds(t, at(t, '市教育局'), at(t, '市教育局'))).toBe(false);
  });

  it('keeps the rule org when the longer tagged name runs into the words around it', () => {
    const t = '把宣传邯钢经验与宣传党中央关于国企改革的精神结合起来，于某些欧盟机构与公民之间，中共地下党员。';
    expect(taggedOrgHolds(t, at(t, '党中央'), at(t, '邯钢经验与宣传党中央'))).toBe(false);
    expect(taggedOrgHolds(t, at(t, '欧盟'), at(t, '欧盟机构'))).toBe(false);
    expect(taggedOrgHolds(t, at(t, '中共'), at(t, '中共地下'))).toBe(false);
    const u = '一家农商行，辽宁大连市公安局南沙河口派出所。';
    expect(taggedOrgHolds(u, at(u, '农商行'), at(u, '家农商行'))).toBe(false);
    expect(taggedOrgHolds(u, at(u, '辽宁大连市公安局'), at(u, '辽宁大连市公安局南沙河口派出所'))).toBe(true);
  });
});

describe('robustness', () => {
  it('never throws on empty, control or broken text', () => {
    for (const t of ['', '\u0000\u0001', '\ud800局长', '局长\udfff', '　\n\t', '·', '《', '》《']) {
      expect(() => findZhEntities(t)).not.toThrow();
      expect(() => recognize(t, { lang: 'zh' })).not.toThrow();
    }
  });

  it('stays linear on adversarial repeats', () => {
    for (const unit of ['局长', '市', '市教育局', '张', '党组书记、', '·阿']) {
      const text = unit.repeat(Math.ceil(100_000 / unit.length));
      const t0 = performance.now();
      findZhEntities(text);
      expect(performance.now() - t0).toBeLessThan(5000);
    }
  });

  it('handles 1 MB of news text quickly', () => {
    const para = '1月29日，市自然资源和规划局党组书记、局长刘晓军主持召开局党组（扩大）会议，省教育厅组织专家评选，高新区阳邑小学获一等奖。';
    const text = para.repeat(Math.ceil(1_000_000 / para.length));
    const t0 = performance.now();
    const out = findZhEntities(text);
    expect(out.length).toBeGreaterThan(0);
    expect(performance.now() - t0).toBeLessThan(30000);
  });
});

describe('names the tagger cut short or ran on', () => {
  it('completes a two-character name that opens a three-character one found in the same text (李博 → 李博灏)', () => {
    // the tagger reads the first 李博灏 whole and cuts the one in 在李博灏看来 to 李博
    const text = '李博灏是英国剑桥大学的一名博士。在李博灏看来，知识产权是经济发展的重要保障。';
    expect(people(text).map((p) => p.text)).toEqual(['李博灏', '李博灏']);
  });

  it('leaves a preposition out of a Latin name after it (向AlphaGo)', () => {
    expect(people('开发人员向AlphaGo提供了历史对弈中的大量棋谱。').map((p) => p.text)).not.toContain('向AlphaGo');
    expect(findZhEntities('开发人员向AlphaGo提供了历史对弈中的大量棋谱。').some((m) => m.text.startsWith('向'))).toBe(false);
  });
});

describe('a person and a body in one list', () => {
  it('gives the tagger a rule org that ran across a title, a name and 和 (巴西外援卡洛斯和海狮队)', () => {
    const found = findZhEntities('鲁能队的巴西外援卡洛斯和申花队的巴西外援都进了球。').map((m) => `${m.type}:${m.text}`);
    expect(found).toContain('person:卡洛斯');
    expect(found).toContain('org:申花队');
    expect(found.some((f) => f.includes('外援卡洛斯'))).toBe(false);
  });
});

describe('verbs of permission and consortia', () => {
  it('ends a name at 允许, 同意, 禁止, and reads 联合体 as a body\'s suffix', () => {
    // the tagger read 允许国际红十字会 as one name
    expect(orgs('双方商定；允许国际红十字会进入战区。').map((o) => o.text)).toEqual(['国际红十字会']);
    expect(orgs('这次保险由中国卫星保险联合体承保。').map((o) => o.text)).toEqual(['中国卫星保险联合体']);
  });
});
