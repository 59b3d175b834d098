/**
 * People: names after a title chain (`该局党组书记、局长刘晓军`), in bylines (`（记者张苗）`, `□丁垒`,
 * `杨瑞林 摄`), before a title (`习近平总书记`, `梅方权教授`), dotted foreign names, and bare names
 * a verb of speech or a known-name list vouches for.
 */
import { CharSet, charSet, isHan, isHanAt, isHanCode } from './chars';
import { Lexicon } from './lexicon';
import { MINED_PERSONS } from './mined-lists';
import { PLACE_NAMES } from './places';
import { AFTER_NAME, TRANSLIT, chineseNameAt, dottedNameAt, foreignNameAt } from './names';
import { SURNAME_FIRST } from './surnames';
import type { OrgSpan } from './orgs';
import { ScratchBytes } from '../scratch';
import { PERSON_KNOWN_START, PERSON_NAME_START, PERSON_PLAIN_HAN, SCAN_CLASS } from './scan-class';
import { TITLE_MODIFIERS, TITLE_WORDS, isOfficialTitle, roleOf } from './titles';

export type Role = 'official' | 'retired_official' | 'reporter' | 'correspondent' | 'author' | 'photographer' | 'teacher';
export interface PersonSpan {
  start: number;
  end: number;
  titles: string[];
  /** The org the titles belong to, as a span in the text. */
  orgSpan: OrgSpan | null;
  /** A `该局`-style reference to resolve against the article's orgs. */
  orgRef: string | null;
  official: boolean;
  role?: Role;
  /** How the person was found; rule evidence beats list and speech-verb evidence. */
  strength: number;
}

/** Body characters that, alone before a title, name the body the text is about (局党组书记: 该局). */
const BODY_SELF = charSet('局厅委院校部所处');
const SEPARATORS = charSet('、，,。：:；;（(“"‘《 \n\t□【[—-');
/** Function words after which a bare name may start (和张三, 对李四). */
const BOUNDARY_WORDS = charSet('和与同及对向由请让据给被把跟');
const BYLINE_BOX = 0x25a1; // □
const PHOTO = 0x6444; // 摄
/** References to one's own body (该局 …): they resolve to a named org of the article. */
const SELF_REFS = new Lexicon(['该局', '该分局', '该科', '该校', '该院', '该厅', '该部', '该委', '该办', '该中心', '该公司',
  '该所', '该站', '该园', '该馆', '该队', '该集团', '该行', '该会', '该协会']);
/** Titles that may follow a name (习近平总书记, 梅方权教授). */
const POST_TITLES = new Lexicon(['总书记', '主席', '总理', '副总理', '委员长', '同志', '先生', '女士', '教授', '博士', '院士',
  '老师', '总统', '首相', '大使', '书记', '部长', '省长', '市长', '县长', '局长', '主任', '将军', '总经理', '董事长', '大师',
  '副主席', '副总统', '国务卿', '外长', '秘书长', '议长', '校长', '研究员', '副教授', '医生', '律师', '夫人', '小姐', '总裁',
  // Go players' ranks (俞斌九段和林峰三段).
  '九段', '八段', '七段', '六段', '五段', '四段', '三段', '二段', '初段']);
/** Forms of address among POST_TITLES: they say nothing of a post. */
const FAMILIAR_TITLES = new Set(['同志', '先生', '女士', '小姐', '夫人']);
/** Verbs of speech and action that vouch for a bare name before them. */
const SPEECH = new Lexicon(['说', '表示', '指出', '强调', '认为', '介绍', '告诉', '透露', '坦言', '回忆', '笑着说', '解释',
  '称', '说道', '问道', '答道', '写道', '主持', '出席', '会见', '会晤', '会谈', '致辞', '讲话', '宣布', '同志', '一行',
  '等人', '夫妇', '逝世', '在会上', '在会见', '在讲话', '在接受']);
/** National leaders named without a title in any period's news, plus the mined list. */
const LEADERS = ['习近平', '李强', '李克强', '胡锦涛', '温家宝', '江泽民', '朱镕基', '李鹏', '邓小平', '毛泽东', '周恩来',
  '刘少奇', '朱德', '赵乐际', '王沪宁', '蔡奇', '丁薛祥', '李希', '韩正', '王岐山', '栗战书', '汪洋', '张德江', '俞正声',
  '刘云山', '张高丽', '吴邦国', '贾庆林', '李长春', '吴官正', '罗干', '孙中山', '拜登', '特朗普', '奥巴马', '普京', '马克思',
  '恩格斯', '列宁'];
const KNOWN = new Lexicon([...LEADERS, ...MINED_PERSONS.split(',').filter((p) => p.length >= 3)]);
/**
 * The leaders' names of three characters or more: one of them is that person wherever it stands,
 * also opening the name of a thought or theory (习近平新时代中国特色社会主义思想, 马克思主义).
 */
const LEADERS_FULL = new Lexicon(LEADERS.filter((p) => p.length >= 3));

/** Bitmaps that rule out most positions before a trie is asked (see Lexicon#firstChars). */
const KNOWN_FIRST = KNOWN.firstChars;
const TITLE_LAST = TITLE_WORDS.lastChars;
/** Characters before a Han position that let personAt go on: title endings and boundary words. */
const HAN_PREV_CUES = CharSet.union(TITLE_LAST, BOUNDARY_WORDS);
/**
 * Characters every name personAt can return starts with: a surname (every Chinese name reader needs
 * one), a transliteration character (dotted and foreign names) or a known name's first character.
 * Most Han positions after a cue are none of these, and the scan skips them without a call.
 */
const NAME_FIRST = CharSet.union(SURNAME_FIRST, TRANSLIT, KNOWN_FIRST);

/**
 * What the scan in findPersons needs to know of a code unit, one byte a unit (one load where the
 * bitmaps and the Han range test cost several): NAME_START (a Han character in NAME_FIRST),
 * KNOWN_START (a known name's first character), PLAIN_HAN (Han, but no title ending or boundary word).
 * The table is shared with findOrgs (see scan-class.ts).
 */
const NAME_START = PERSON_NAME_START;
const KNOWN_START = PERSON_KNOWN_START;
const PLAIN_HAN = PERSON_PLAIN_HAN;
// Only Han codes can start a name or be plain Han: the Han blocks alone are set, every code plain
// four at a time (the blocks start and end on multiples of 4), then the cues taken out and the
// name starts put in by the bitmaps' set bits (testing each of 28,000 codes was 3 ms of start-up).
for (const [from, to] of [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff]]) {
  const words = new Uint32Array(SCAN_CLASS.buffer, SCAN_CLASS.byteOffset + from, (to - from + 1) >>> 2);
  for (let k = 0; k < words.length; k++) words[k] |= PLAIN_HAN * 0x01010101;
  HAN_PREV_CUES.forEachCode(from, to, (c) => { SCAN_CLASS[c] &= ~PLAIN_HAN; });
  NAME_FIRST.forEachCode(from, to, (c) => { SCAN_CLASS[c] |= NAME_START; });
  KNOWN_FIRST.forEachCode(from, to, (c) => { SCAN_CLASS[c] |= KNOWN_START; });
}
const orgScratch = new ScratchBytes();
/** The org index of a text with no orgs; never written to. */
const NO_ORGS: ReadonlyMap<number, OrgSpan> = new Map();

/** Every person the rules find; `orgs` are the org spans already found in the same text. */
export function findPersons(text: string, orgs: OrgSpan[]): PersonSpan[] {
  // Read only below, so a text with no orgs shares one empty map (new Maps were 7% of all bytes allocated).
  let orgByEnd: ReadonlyMap<number, OrgSpan> = NO_ORGS;
  const orgCover = orgScratch.zeroed(text.length + 1);
  if (orgs.length > 0) {
    const byEnd = new Map<number, OrgSpan>();
    for (const o of orgs) {
      byEnd.set(o.end, o);
      for (let i = o.start; i < o.end; i++) orgCover[i] = 1;
    }
    orgByEnd = byEnd;
  }
  const out: PersonSpan[] = [];
  const n = text.length;
  // The class of the character before `i`, carried over from the step before (one table load a
  // character, not two at every possible name start).
  let prevCls = 0;
  for (let i = 0; i < n; i++) {
    // personAt's own first tests, here so most characters cost no call: no name starts at most of them.
    const cls = SCAN_CLASS[text.charCodeAt(i)];
    const before = prevCls;
    prevCls = cls;
    if ((cls & NAME_START) === 0 || orgCover[i]) continue;
    // Inside a run of Han characters personAt finds a name only after a title ending or a boundary
    // word, or at a known name's first character: elsewhere it would return null.
    if (i > 0 && (before & PLAIN_HAN) !== 0 && (cls & KNOWN_START) === 0) {
      // 美国的吉德里: a transliterated name after a country and 的.
      const f = text.charCodeAt(i - 1) === DE ? foreignAfterCountry(text, i) : null;
      if (f) {
        out.push(f);
        i = f.end - 1;
        prevCls = SCAN_CLASS[text.charCodeAt(i)];
      }
      continue;
    }
    const found = personAt(text, i, orgByEnd, orgCover);
    if (found) {
      out.push(found);
      // Names do not overlap: the scan goes on after this one.
      i = Math.max(i, found.end - 1);
      prevCls = SCAN_CLASS[text.charCodeAt(i)];
    }
  }
  return out;
}

function personAt(text: string, i: number, orgByEnd: ReadonlyMap<number, OrgSpan>, orgCover: Uint8Array): PersonSpan | null {
  if (!isHanAt(text, i)) return null;
  if (orgCover[i]) return null;
  const prev = text.charCodeAt(i - 1);
  // Byline: □丁垒.
  if (prev === BYLINE_BOX) {
    const len = chineseNameAt(text, i, true);
    if (len) return mk(i, i + len, [], null, null, false, 'author', 3);
  }
  // After a title chain.
  const titleStart = i - (prev === 32 ? 1 : 0);
  if (TITLE_LAST.hasCode(text.charCodeAt(titleStart - 1)) && TITLE_WORDS.longestEndingAt(text, titleStart, Math.max(0, titleStart - 8)) > 0) {
    // A dotted name is read whole first: its first part may read as a Chinese name (斯蒂 of 斯蒂芬妮·席尔),
    // and so is a run of four transliteration characters or more (鲁西 of 巴西外援鲁西亚努).
    const chinese = chineseNameAt(text, i, true);
    const foreign = foreignNameAt(text, i);
    const len = dottedNameAt(text, i) || (foreign >= 4 && foreign > chinese ? foreign : chinese || foreign);
    if (len && PLACE_NAMES.longestAt(text, i) !== len) {
      const chain = titlesBefore(text, titleStart, orgByEnd);
      const p = finish(text, i, i + len, chain.titles, chain.org, chain.ref, 3);
      return p;
    }
  }
  const prevHan = isHanCode(prev);
  // Dotted foreign names.
  if (!prevHan || SEPARATORS.hasCode(prev)) {
    const d = dottedNameAt(text, i);
    if (d) return finish(text, i, i + d, [], null, null, 2);
  }
  // Before a post-title (习近平总书记) or a speech verb, or a known name, at a word boundary.
  const known = KNOWN_FIRST.hasCode(text.charCodeAt(i)) ? KNOWN.longestAt(text, i) : 0;
  const boundary = !prevHan || SEPARATORS.hasCode(prev) || BOUNDARY_WORDS.hasCode(prev);
  // Inside a word and no known name: nothing below can match, so the name reader need not run.
  if (!known && !boundary) return null;
  const len = chineseNameAt(text, i, false);
  if (known && (len === known || !isHanAt(text, i + known) || AFTER_NAME.longestAt(text, i + known) > 0 || LEADERS_FULL.hasSlice(text, i, i + known))) {
    const t = POST_TITLES.longestAt(text, i + known);
    return finish(text, i, i + known, t ? [text.slice(i + known, i + known + t)] : [], null, null, 1);
  }
  if (!len) return foreignBeforeTitle(text, i, boundary);
  if (!boundary) return null;
  const vouched = vouchedByWhatFollows(text, i, i + len);
  if (vouched) return vouched;
  if (text[i + len] === '、' && isPersonList(text, i + len)) return finish(text, i, i + len, [], null, null, 1);
  // Photo credit: 杨瑞林 摄.
  const after = text.charCodeAt(i + len) === 32 ? i + len + 1 : i + len;
  if (text.charCodeAt(after) === PHOTO && !isHanAt(text, after + 1)) return mk(i, i + len, [], null, null, false, 'photographer', 3);
  return null;
}

const DE = 0x7684; // 的
/** Characters after a transliterated run that make it a place (加利福尼亚州, 伏尔加河). */
const PLACE_AFTER = charSet('州省市县区河山湖岛港湾城村镇');

/**
 * A transliterated name of three characters or more right after a country and 的 (美国的吉德里,
 * 俄罗斯的库尼科娃): a player or official of that country, unless a place character follows
 * (美国的加利福尼亚州) or it is itself a place.
 */
function foreignAfterCountry(text: string, i: number): PersonSpan | null {
  if (PLACE_NAMES.longestEndingAt(text, i - 1, Math.max(0, i - 7)) < 2) return null;
  const f = foreignNameAt(text, i);
  if (f < 3 || PLACE_AFTER.hasAt(text, i + f) || PLACE_NAMES.longestAt(text, i) >= f - 1) return null;
  return finish(text, i, i + f, [], null, null, 1);
}

/**
 * A transliterated name opening a sentence or clause before a post-title or a verb of speech
 * (拉特纳亚克议长, …克林顿说), unless it is a place (巴西总统).
 */
function foreignBeforeTitle(text: string, i: number, boundary: boolean): PersonSpan | null {
  if (!boundary) return null;
  const f = foreignNameAt(text, i);
  if (!f || PLACE_NAMES.longestAt(text, i) >= f - 1) return null;
  return vouchedByWhatFollows(text, i, i + f);
}

/**
 * The name [start, end) as a person when a post-title (its title, unless a form of address) or a
 * verb of speech follows it (习近平总书记, 梅方权教授, 王静说); null when neither does.
 */
function vouchedByWhatFollows(text: string, start: number, end: number): PersonSpan | null {
  const post = POST_TITLES.longestAt(text, end);
  if (post) {
    const title = text.slice(end, end + post);
    return finish(text, start, end, FAMILIAR_TITLES.has(title) ? [] : [title], null, null, 1);
  }
  return SPEECH.longestAt(text, end) > 0 ? finish(text, start, end, [], null, null, 1) : null;
}

/** A name followed by 、 and another name: a list of people (张三、李四等). */
function isPersonList(text: string, at: number): boolean {
  const len = chineseNameAt(text, at + 1, false);
  return len > 0 && (text[at + 1 + len] === '、' || text[at + 1 + len] === '等' || SPEECH.longestAt(text, at + 1 + len) > 0);
}

function mk(start: number, end: number, titles: string[], org: OrgSpan | null, ref: string | null, official: boolean, role: Role | undefined, strength: number): PersonSpan {
  return { start, end, titles, orgSpan: org, orgRef: ref, official, role, strength };
}

function finish(text: string, start: number, end: number, titles: string[], org: OrgSpan | null, ref: string | null, strength: number): PersonSpan {
  const orgIsGov = org ? org.kind === 'gov' : !!ref && /[局厅部委办]$/.test(ref);
  const official = titles.some((t) => isOfficialTitle(t, orgIsGov));
  let role: Role | undefined = roleOf(titles, official);
  const after = text[end] === ' ' ? end + 1 : end;
  if (!role && text[after] === '摄' && !isHan(text[after + 1])) role = 'photographer';
  return mk(start, end, titles, org, ref, official, role, strength);
}

/**
 * Function words a printed title prefix never runs across (tested by code: `text[q]` made a string
 * per character of every prefix walked).
 */
const PREFIX_STOPS = new CharSet('的了在是和与及对向由被把将从等据并而或也都就又还已着过让给其该各我他她');

/**
 * The title chain that ends at `end` (right before a name): its titles as printed with a leading
 * org taken out, and that org (or a `该局` reference). Bounded: at most six titles.
 */
export function titlesBefore(text: string, end: number, orgByEnd: ReadonlyMap<number, OrgSpan>): { titles: string[]; org: OrgSpan | null; ref: string | null; start: number } {
  const titles: string[] = [];
  let org: OrgSpan | null = null;
  let ref: string | null = null;
  let pos = end;
  let start = end;
  for (let k = 0; k < 6; k++) {
    const tl = TITLE_WORDS.longestEndingAt(text, pos, Math.max(0, pos - 8));
    if (!tl) break;
    let p = pos - tl;
    // 镇党委书记: the longest title (党委书记) began inside a body named before it (镇党委); the
    // title is what follows the body (书记).
    for (let k = p + 1; k < pos - 1; k++) {
      const inner = orgByEnd.get(k);
      if (inner && inner.start < p && TITLE_WORDS.longestEndingAt(text, pos, k) === pos - k) { p = k; break; }
    }
    for (let m = 0; m < 4; m++) {
      if (orgByEnd.has(p)) break;
      const ml = TITLE_MODIFIERS.longestEndingAt(text, p, Math.max(0, p - 6));
      if (!ml) break;
      p -= ml;
    }
    let titleStart = p;
    const o = orgByEnd.get(p);
    const selfRef = SELF_REFS.longestEndingAt(text, p, Math.max(0, p - 4));
    if (o) {
      const before = text[o.start - 1];
      if (before === '原' || before === '前') {
        titleStart = o.start - 1;
        start = titleStart;
      } else start = o.start;
      if (!org) org = o;
    } else if (selfRef) {
      if (!org && !ref) ref = text.slice(p - selfRef, p);
      start = p - selfRef;
    } else if (p > 0 && BODY_SELF.has(text[p - 1]) && (p === 1 || SEPARATORS.has(text[p - 2]))) {
      // 局党组书记、局长刘晓军 after the bureau was named: 局 opening the chain is 该局.
      if (!org && !ref) ref = `该${text[p - 1]}`;
      start = p - 1;
    } else {
      // A printed prefix that is not an org (市自然资源总督察) stays in the title when a separator opens it.
      let q = p;
      while (q > p - 7 && q > 0 && isHanAt(text, q - 1) && !PREFIX_STOPS.hasAt(text, q - 1) && !orgByEnd.has(q) && !TITLE_WORDS.longestEndingAt(text, q, Math.max(0, q - 8))) q--;
      if (q < p && (q === 0 || SEPARATORS.has(text[q - 1]) || orgByEnd.has(q)) && !'本该我'.includes(text[q])) {
        if (orgByEnd.has(q) && !org) org = orgByEnd.get(q)!;
        titleStart = q;
      }
      start = titleStart;
    }
    titles.unshift(text.slice(titleStart, pos));
    const sep = text[start - 1];
    if (sep === '、' || sep === '兼') {
      pos = start - 1;
      continue;
    }
    break;
  }
  return { titles, org, ref, start };
}
