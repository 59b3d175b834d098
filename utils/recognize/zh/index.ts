/**
 * Chinese people and organizations: rule spans (title chains, agencies, bylines, units, schools,
 * media) with their attributes, `该局` resolved to the article's bureau.
 */
import type { OrgMention, PersonMention } from '../types';
import { findOrgs, joinsBodies, type OrgSpan } from './orgs';
import { Lexicon } from './lexicon';
import { findPersons, titlesBefore, type PersonSpan } from './persons';
import { tagZh } from './tagger';
import type { TagSpan } from './model/decode';
import { TITLE_MODIFIERS, TITLE_WORDS, isOfficialTitle, roleOf } from './titles';
import { extendsOrg, orgKind, plausibleOrg, runsOn, withoutPartyGroup } from './orgs';
import { PLACE_NAMES } from './places';
import { CharSet, isHanAt, isHanCode, isNameDotCode } from './chars';
import { isQuestionDotAt, notNamePairAt } from './names';
import { SURNAME_FIRST } from './surnames';
import { Cover } from './cover';
import { ReachWalk, SpanWalk, isSortedByStart, isSortedDisjoint } from '../span-walk';
import { countUpTo, mergeByStart, sortByStart } from '../by-start';

/** People and organizations in squeezed Chinese text, offsets into that text. */
export function findZhEntities(text: string): Array<PersonMention | OrgMention> {
  if (!text) return [];
  const ruleOrgs = findOrgs(text);
  const rulePersons = findPersons(text, ruleOrgs);
  const found = latinNames(text, fillFromTagger(text, ruleOrgs, rulePersons));
  for (const p of found.persons) trimNameEnd(text, p);
  completeShortNames(text, found.persons, found.orgs);
  const persons = namesBetweenNames(text, found.persons, found.orgs);
  const orgs = found.orgs.filter((o) => !namesAMember(text, o));
  // Most texts name nobody: they need none of the passes below.
  if (orgs.length === 0 && persons.length === 0) return [];
  const orgMentions: Array<PersonMention | OrgMention> = orgs.map((o) => toOrg(text, o));
  const people = persons.map((p) => toPerson(text, p, orgs));
  shareTitleAlongList(text, people);
  appointedTitles(text, people, orgs);
  headOfNamedBody(text, people, orgs);
  inheritOrgInSentence(text, people);
  // Each list is sorted by start already (sortByStart only checks), so merging them gives what a
  // stable sort of orgs, people and repeats in that order gives.
  const named = mergeByStart(sortByStart(orgMentions), sortByStart(people));
  const repeats = bareRepeats(text, people, orgs);
  return repeats.length ? mergeByStart(named, sortByStart(repeats)) : named;
}

/**
 * Words that start with the last character the tagger gave a name of three or more: 郭鹏陪同调研,
 * 赵刚一行, 记者张苗通讯员李明 (a byline whose spaces were squeezed out), 陈伟等同志, 王静荣获,
 * 袁亮作专题报告.
 */
const AFTER_NAME = new Lexicon(['陪同', '一行', '等', '通讯员', '记者', '摄影', '编辑', '实习生', '表示', '指出', '强调', '介绍', '主持', '出席', '参加', '要求', '带领', '率队', '同志', '讲话', '发言', '认为', '告诉', '透露', '荣获', '获得',
  '作报告', '作专题', '作重要', '作表态', '作讲话', '作发言', '作了', '作动员', '作典型', '作交流', '作辅导', '作总结', '作点评', '作部署', '作工作',
  '身为', '来信', '来电', '来函']);

/** Gives back to the words after it what the tagger took of them into a name (see AFTER_NAME). */
function trimNameEnd(text: string, p: { start: number; end: number }): void {
  if (p.end - p.start < 3 || text[p.end - 2] === '·') return;
  const w = AFTER_NAME.longestAt(text, p.end - 1);
  if (w > 0 && (w > 1 || text[p.end - 1] === '等')) p.end--;
  // 李娜说 ending a quote's lead-in or the text: 说 and 称 end no given name there.
  else if ((text[p.end - 1] === '说' || text[p.end - 1] === '称') && !isHanAt(text, p.end)) p.end--;
  // 王诚王总: the surname again, as the start of 王总 (Mr Wang, the boss).
  else if (p.end - p.start === 3 && text[p.end - 1] === text[p.start] && (text[p.end] === '总' || text[p.end] === '董')) p.end--;
}

/** Words that end a list of people (出席, 参加, 同志 …). */
const NAME_ENDS_LIST = new Lexicon(['出席', '参加', '陪同', '同志', '主持', '等人', '一行', '分别']);

/** A closing bracket. */
const isBracketClose = (c: string | undefined) => c === '）' || c === ')';
/** Whether the person is named as a reporter, correspondent or photographer (a byline). */
const isByline = (p: PersonSpan) => p.titles.some((t) => /(?:记者|通讯员|摄影|实习生)$/.test(t));

/**
 * In a list of names joined by 、 (副主席李赣骝、童傅、厉无畏、钮小明), an item between two names found is
 * a name too when it reads as one (two or three characters, a surname first, no common word, no
 * place): the rules and the tagger miss given names they have rarely seen.
 */
function namesBetweenNames(text: string, persons: PersonSpan[], orgs: readonly OrgSpan[]): PersonSpan[] {
  if (persons.length === 0 || text.indexOf('、') < 0) return persons;
  const startsAt = new Set<number>();
  for (const p of persons) startsAt.add(p.start);
  const orgAt = new Set<number>();
  for (const o of orgs) for (let i = o.start; i < o.end; i++) orgAt.add(i);
  const added: PersonSpan[] = [];
  for (const p of persons) {
    if (text[p.end] !== '、') continue;
    // The items after p up to the list's last name: [start, end) runs of Han characters between 、.
    const items: Array<[number, number]> = [];
    let lastName = -1;
    for (let pos = p.end; text[pos] === '、' && items.length < 12;) {
      let q = pos + 1;
      while (q < text.length && q - pos <= 5 && isHanCode(text.charCodeAt(q)) && text[q] !== '、') q++;
      if (q === pos + 1) break;
      items.push([pos + 1, q]);
      if (startsAt.has(pos + 1)) lastName = items.length - 1;
      pos = q;
    }
    // The item after the last name, when the list then ends as lists of people do (…、赵六等, …、朱培康出席),
    // or closes a byline's bracket (（记者张先国、段芝璞）).
    const tail = items[lastName + 1];
    const byline = tail !== undefined && isBracketClose(text[tail[1]]) && isByline(p);
    const ends = tail && (text[tail[1]] === '等' || NAME_ENDS_LIST.longestAt(text, tail[1]) > 0 || byline);
    // Items before `end` (exclusive) may be names: those before the last name, and the tail when the list ends so.
    const end = (lastName >= 0 || byline) && ends && lastName + 2 === items.length ? lastName + 2 : lastName;
    for (let k = 0; k < end; k++) {
      const [a, b] = items[k];
      if (startsAt.has(a) || b - a < 2 || b - a > 3 || !SURNAME_FIRST.hasAt(text, a) || orgAt.has(a) || orgAt.has(b - 1)) continue;
      if (PLACE_NAMES.longestAt(text, a) > 0 || (b - a === 2 && notNamePairAt(text, a))) continue;
      added.push({ start: a, end: b, titles: [], orgSpan: null, orgRef: null, official: false, strength: 0 });
      startsAt.add(a);
    }
  }
  return added.length ? mergeByStart(persons, sortByStart(added)) : persons;
}

/**
 * Latin words the tagger reads in Chinese text: a closing bracket it took along (`Huot)` of
 * 丹尼尔·霍特(Daniel Huot)) is no part of the name, and an acronym (SUNY, after 纽约州立大学) names a
 * body, not a person. Lower case says nothing: Chinese web text writes brands so (bet365, visa).
 */
function latinNames(text: string, found: { orgs: OrgSpan[]; persons: PersonSpan[] }): { orgs: OrgSpan[]; persons: PersonSpan[] } {
  const latin = (s: { start: number; end: number }) => text.charCodeAt(s.start) < 0x80 || text.charCodeAt(s.end - 1) < 0x80;
  if (!found.orgs.some(latin) && !found.persons.some(latin)) return found;
  const trim = <T extends { start: number; end: number }>(s: T): T | null => {
    while (s.end > s.start && /[)）\]】]/.test(text[s.end - 1]) && !/[(（[【]/.test(text.slice(s.start, s.end - 1))) s.end--;
    return s.end > s.start ? s : null;
  };
  const orgs: OrgSpan[] = [];
  const persons: PersonSpan[] = [];
  // A Latin name in brackets right after a person's is that person's, spelt out (斯蒂芬妮·席尔霍尔茨(Stephanie …).
  const personEnds = new Set(found.persons.map((p) => p.end));
  const glossed: PersonSpan[] = [];
  for (const o of found.orgs) {
    if (!latin(o)) orgs.push(o);
    else if (!trim(o)) continue;
    else if ('(（'.includes(text[o.start - 1] ?? '') && personEnds.has(o.start - 1) && !/^[A-Z]{2,6}$/.test(text.slice(o.start, o.end))) glossed.push({ start: o.start, end: o.end, titles: [], orgSpan: null, orgRef: null, official: false, strength: 0 });
    else orgs.push(o);
  }
  let acronyms = false;
  for (const p of found.persons) {
    if (latin(p) && !trim(p)) continue;
    // 向AlphaGo, 由Google: a preposition the tagger took along before a Latin name.
    if (LATIN_NAME_AFTER.hasAt(text, p.start) && /^[A-Za-z][A-Za-z.\- ]+$/.test(text.slice(p.start + 1, p.end))) p.start++;
    if (/^[A-Z]{2,6}$/.test(text.slice(p.start, p.end))) {
      orgs.push({ start: p.start, end: p.end, kind: 'other' });
      acronyms = true;
    } else persons.push(p);
  }
  return { orgs: acronyms ? sortByStart(orgs) : orgs, persons: glossed.length ? mergeByStart(persons, glossed) : persons };
}

/** Prepositions and verbs the tagger may take into a Latin name that follows them (向AlphaGo). */
const LATIN_NAME_AFTER = new CharSet('向对和与跟给把被让由从在为将同');

/**
 * A two-character name that opens a three-character name found elsewhere in the text, there in
 * full (在李博灏看来, 李博灏 found elsewhere): the tagger cut it short; it takes the whole name.
 */
function completeShortNames(text: string, persons: PersonSpan[], orgs: readonly OrgSpan[]): void {
  let names: Set<string> | null = null;
  // What may stand right after a name, made once a name is to be completed (a huge text names thousands).
  let taken: Cover | null = null;
  for (const p of persons) {
    if (p.end - p.start !== 2 || !isHanAt(text, p.end)) continue;
    names ??= new Set(persons.filter((q) => q.end - q.start === 3).map((q) => text.slice(q.start, q.end)));
    if (!names.has(text.slice(p.start, p.end + 1))) continue;
    if (taken === null) {
      taken = new Cover(text.length);
      for (const o of orgs) taken.mark(o.start, o.end);
      for (const q of persons) taken.mark(q.start, q.start + 1);
    }
    if (taken.hit(p.end, p.end + 1) >= 0) continue;
    p.end++;
  }
}

/**
 * 共产党员, 国民党员, 共青团员, 中共党员: a member of the party or league, not the body itself: 员
 * right after a party (…党) or the league (共青团, 青年团). 员工 is staff (中信集团员工 names the group).
 */
function namesAMember(text: string, o: OrgSpan): boolean {
  // 中共党员: the party's short name before 党员.
  if (text.startsWith('党员', o.end) && text.slice(o.start, o.end).endsWith('中共')) return true;
  if (text[o.end] !== '员' || text[o.end + 1] === '工') return false;
  const name = text.slice(Math.max(o.start, o.end - 3), o.end);
  return name.endsWith('党') || name.endsWith('共青团') || name.endsWith('青年团');
}

/**
 * The learned tagger fills in names the rules did not find; rule spans win every overlap. A tagged
 * person takes its titles from a title chain printed right before it.
 */
function fillFromTagger(text: string, orgs: OrgSpan[], persons: PersonSpan[]): { orgs: OrgSpan[]; persons: PersonSpan[] } {
  // Tagged spans hold name characters only (never a line break or a layout space).
  // One pass sorts the tagger's spans into the three lists (three filters cost three closures and walks).
  // An index loop: for…of over the tagger's list built an array iterator per text (the most bytes
  // this function allocated).
  const spans = tagZh(withNameDots(text));
  // The tagger's own list (only read here) until a span is dropped; a copy is made only then.
  let tagged = spans;
  const tagOrgs: typeof tagged = [];
  const tagPersons: typeof tagged = [];
  for (let k = 0; k < spans.length; k++) {
    let t = spans[k];
    if (t.type === 'org') {
      const end = withoutPartyGroup(text, t.start, t.end);
      if (end !== t.end) {
        t = { ...t, end };
        if (tagged === spans) tagged = spans.slice(0, k);
      }
    }
    if (hasBreak(text, t.start, t.end) && !(t.type === 'org' && isBracketedCompany(text, t.start, t.end))) {
      if (tagged === spans) tagged = spans.slice(0, k);
      continue;
    }
    if (tagged !== spans) tagged.push(t);
    if (t.end <= t.start || t.end > text.length) continue;
    if (t.type === 'org') tagOrgs.push(t);
    else if (t.type === 'person') tagPersons.push(t);
  }
  if (tagged.length === 0) return { orgs, persons };
  // The tagger's spans come sorted and apart, and so do the rule orgs; rule persons come by start.
  // Then every overlap question below comes in text order and a pointer walk answers it (SpanWalk,
  // ReachWalk) with no cover built per text; otherwise covers answer them in O(range).
  const walk = isSortedDisjoint(tagged) && isSortedDisjoint(orgs) && isSortedByStart(persons);
  // Covers: an empty list needs none, and neither does a side the rules found nothing on (most
  // texts): each is built only for the loop that asks it. Plain loops and lookups (no closures, no
  // filter): this runs for every text with a tagged name.
  const tagOrgAt = orgs.length === 0 ? null : walk ? new SpanWalk(tagOrgs) : new SpanCover(text, tagOrgs);
  // Rule orgs with strong evidence stay, unless a plausible tagged org holds them and more (印尼 + 农业部,
  // 中科院 + 微生物研究所): the tagger sees the place or parent the rule stopped short of. Weak rule orgs
  // give way to any tagged org they overlap.
  // A tagged span over two rule orgs and the verb or function word between them runs over two
  // bodies (沁阳市人社局联合市总工会): the rule orgs stay. With nothing between them it may be one
  // (新华社河南分社).
  const keptOrgs: OrgSpan[] = [];
  for (let k = 0; k < orgs.length; k++) {
    const o = orgs[k];
    const t = tagOrgAt?.first(o.start, o.end);
    const before = orgs[k - 1], after = orgs[k + 1];
    const twoBodies = t !== undefined && ((within(before, t) && joinsBodies(text, before.end, o.start)) || (within(after, t) && joinsBodies(text, o.end, after.start)));
    // A person the tagger reads inside the rule org right after a title (巴西外援卡洛斯和海狮队): the
    // rule ran across a title and a name; the tagger's spans there are better.
    if (titledPersonInside(text, tagPersons, o)) continue;
    // A tagged org that is no org (分局 of 通辽分局) takes nothing from the rules, unless the tagger
    // reads a person inside the rule org (张平 of 将张平送往医院).
    if (!t || (isStrongOrg(text, o) && (twoBodies || !taggedOrgHolds(text, o, t))) || ((!plausibleOrg(text.slice(t.start, t.end)) || runsOn(text, t.start, t.end)) && !overlapsAny(tagPersons, o))) keptOrgs.push(o);
  }
  const keptOrgAt = persons.length === 0 ? null : walk ? new SpanWalk(keptOrgs) : new SpanCover(text, keptOrgs);
  const tagPersonAt = persons.length === 0 ? null : walk ? new SpanWalk(tagPersons) : new SpanCover(text, tagPersons);
  // Rule persons: a title chain or byline fixes where the name starts; the tagger knows its length better.
  const keptPersons: PersonSpan[] = [];
  for (const p of persons) {
    const t = tagPersonAt?.first(p.start, p.end);
    if (p.strength >= 3) {
      if (t && t.start === p.start && t.end !== p.end && t.end - t.start >= 2 && (t.end - t.start <= 4 || hasNameDot(text, t.start, t.end)) && !keptOrgAt?.first(t.start, t.end)) p.end = t.end;
      keptPersons.push(p);
    } else if (!t || (t.start === p.start && t.end === p.end)) keptPersons.push(p);
  }
  // Tagged spans taken below need no marks when they come sorted and apart: no later one meets them.
  const ruleReach = walk ? new ReachWalk(keptOrgs, keptPersons) : null;
  const cover = walk ? null : new Cover(text.length);
  if (cover !== null) {
    for (const t of keptOrgs) cover.mark(t.start, t.end);
    for (const t of keptPersons) cover.mark(t.start, t.end);
  }
  const newOrgs: OrgSpan[] = [];
  const newPersons: PersonSpan[] = [];
  for (const t of tagged) {
    if (t.end <= t.start || t.end > text.length || (cover !== null ? cover.hit(t.start, t.end) >= 0 : ruleReach!.hits(t.start, t.end))) continue;
    const name = text.slice(t.start, t.end);
    if (t.type === 'org' && (!plausibleOrg(name) || runsOn(text, t.start, t.end))) continue;
    if (t.type === 'org') newOrgs.push({ start: t.start, end: t.end, kind: orgKind(name) });
    // 杨主 of 杨主编: a surname and the start of a title is no name.
    else if (PLACE_NAMES.longestAt(name, 0) === name.length || (name.length === 2 && (notNamePairAt(name, 0) || TITLE_WORDS.longestAt(text, t.start + 1) >= 2))) continue;
    else newPersons.push({ start: t.start, end: t.end, titles: [], orgSpan: null, orgRef: null, official: false, strength: 0 });
    cover?.mark(t.start, t.end);
  }
  const allOrgs = mergeByStart(sortByStart(keptOrgs), sortByStart(newOrgs));
  // Tagged persons get their title chain here; so do rule persons whose chain ended at an org the
  // tagger found longer (民建 + 河南省委: the chain goes on before it, 省政协副主席、), or read as a
  // printed prefix an org only the tagger found (市土地储备中心 + 主任).
  const rechain = newPersons.length ? newPersons.slice() : [];
  if (newOrgs.length) {
    for (const p of keptPersons) {
      if (p.orgSpan ? holdingOrg(p.orgSpan, allOrgs) !== p.orgSpan : p.titles.length > 0 && !p.orgRef) rechain.push(p);
    }
  }
  if (rechain.length) {
    const orgByEnd = new Map<number, OrgSpan>();
    for (const o of allOrgs) orgByEnd.set(o.end, o);
    for (const p of rechain) {
      const chain = titlesBefore(text, p.start - (text.charCodeAt(p.start - 1) === 32 ? 1 : 0), orgByEnd);
      if (chain.titles.length) Object.assign(p, findPersonsWithChain(text, p, chain));
    }
  }
  return { orgs: allOrgs, persons: mergeByStart(sortByStart(keptPersons), sortByStart(newPersons)) };
}

/**
 * The text with the ? a GB2312 page prints for a name's middle dot (斯蒂芬妮?席尔霍尔茨) read as the
 * dot, one character for one, so the tagger reads the name whole as the rules do.
 */
function withNameDots(text: string): string {
  if (text.indexOf('?') < 0) return text;
  return text.replace(/\?/g, (q, at: number) => (isQuestionDotAt(text, at) ? '·' : q));
}

/** Whether span `a` (if any) lies inside span `b`. */
function within(a: { start: number; end: number } | undefined, b: { start: number; end: number }): boolean {
  return a !== undefined && a.start >= b.start && a.end <= b.end;
}

/** SpanWalk's question for any list (spans may overlap, questions come in any order), by a Cover. */
class SpanCover<T extends { start: number; end: number }> {
  /** Each span marked with its index; null for an empty list (nothing to find). */
  private readonly cover: Cover | null;
  constructor(text: string, private readonly list: readonly T[]) {
    if (list.length === 0) {
      this.cover = null;
      return;
    }
    this.cover = new Cover(text.length);
    for (let k = 0; k < list.length; k++) this.cover.mark(list[k].start, list[k].end, k);
  }

  /** The span owning the first taken character of [s, e) (see Cover#hit), if any. */
  first(s: number, e: number): T | undefined {
    if (this.cover === null) return undefined;
    const k = this.cover.hit(s, e);
    return k >= 0 ? this.list[k] : undefined;
  }
}

/**
 * Whether a tagged org should replace the strong rule org it strictly contains (印尼 + 农业部, 中科院 +
 * 微生物研究所, 北京 + 市教委): the tagger sees the place or parent the rule list stops short of. Not when
 * the tagger only adds the one character before 市/县/省/区, which ends another word (高中|市教育局), nor
 * when the longer name runs into the words around it (see extendsOrg).
 */
export function taggedOrgHolds(text: string, rule: { start: number; end: number }, tag: { start: number; end: number }): boolean {
  // Long tagged runs (a page of repeats) are no names: the cap keeps this O(1) per rule org.
  if (tag.start > rule.start || tag.end < rule.end || tag.end - tag.start <= rule.end - rule.start || tag.end - tag.start > 40) return false;
  if (tag.start === rule.start - 1 && tag.end === rule.end && '省市县区'.includes(text[rule.start])) return false;
  return extendsOrg(text, tag.start, tag.end, rule.start, rule.end) && plausibleOrg(text.slice(tag.start, tag.end));
}

/** Characters a name never holds: what `/[\s，。、；：！？“”《》（）]/` matches (`\s` spelled out). */
const NAME_BREAKS = new CharSet(
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff' +
    '，。、；：！？“”《》（）',
);

/** Whether `text.slice(start, end)` holds a NAME_BREAKS character, without making the slice. */
/** A transliterated full name (希拉·威曼) runs longer than a Chinese one: its length says nothing against it. */
function hasNameDot(text: string, start: number, end: number): boolean {
  for (let i = start + 1; i < end - 1; i++) if (isNameDotCode(text.charCodeAt(i)) || isQuestionDotAt(text, i)) return true;
  return false;
}

function hasBreak(text: string, start: number, end: number): boolean {
  if (start < 0 || end > text.length) return /[\s，。、；：！？“”《》（）]/.test(text.slice(start, end));
  for (let i = start; i < end; i++) if (NAME_BREAKS.hasAt(text, i)) return true;
  return false;
}

/** A company's name with a bracketed part (捷安特（中国）有限公司, 中国南方航空（集团）公司); group 1 is that part. */
const BRACKETED_COMPANY = /^[\u4e00-\u9fff]{2,12}[（(]([\u4e00-\u9fff]{1,6})[）)][\u4e00-\u9fff]{0,10}(?:公司|集团)$/;

/** Whether the tagged name [start, end) is a company whose name holds a bracketed place or group. */
export function isBracketedCompany(text: string, start: number, end: number): boolean {
  const inner = end - start <= 30 ? BRACKETED_COMPANY.exec(text.slice(start, end))?.[1] : undefined;
  return inner !== undefined && (inner === '集团' || inner === '控股' || /[省市县区]$/.test(inner) || PLACE_NAMES.longestAt(inner, 0) === inner.length);
}

/**
 * Whether a tagged person lies inside `o` right after a title word (外援, 总统) and before a
 * conjunction that goes on to another body (…外援卡洛斯和海狮队): a list of a person and a body.
 */
function titledPersonInside(text: string, persons: readonly TagSpan[], o: { start: number; end: number }): boolean {
  // The tagger's persons come sorted by start: from the first one after o's start.
  for (let k = countUpTo(persons, o.start, 'start'); k < persons.length && persons[k].start < o.end; k++) {
    const p = persons[k];
    if (p.end < o.end && JOINS_LIST.hasAt(text, p.end) && TITLE_WORDS.longestEndingAt(text, p.start, Math.max(o.start, p.start - 6)) > 0) return true;
  }
  return false;
}

/** Conjunctions that join the items of a list. */
const JOINS_LIST = new CharSet('和与及同、');

/** Whether any of `spans` overlaps `o` (a short list: the tagger's persons in one text). */
function overlapsAny(spans: readonly TagSpan[], o: { start: number; end: number }): boolean {
  for (let k = 0; k < spans.length; k++) if (spans[k].start < o.end && spans[k].end > o.start) return true;
  return false;
}

/** Orgs the rules are sure of: named bodies, parent + unit spans, and names opened by 省/市/县/区. */
function isStrongOrg(text: string, o: OrgSpan): boolean {
  if (o.parent || o.strong) return true;
  return '省市县区'.includes(text[o.start]);
}

function findPersonsWithChain(text: string, p: PersonSpan, chain: ReturnType<typeof titlesBefore>): Partial<PersonSpan> {
  const orgIsGov = chain.org ? chain.org.kind === 'gov' : !!chain.ref && /[局厅部委办]$/.test(chain.ref);
  const official = chain.titles.some((t) => isOfficialTitle(t, orgIsGov));
  return { titles: chain.titles, orgSpan: chain.org, orgRef: chain.ref, official, role: roleOf(chain.titles, official) };
}

/**
 * In a list of one body's leaders (`该局党组成员、副局长崔峰…，市自然资源总督察、二级调研员李海东…`), an
 * official with no stated org belongs to the org of the official named before him in the sentence.
 */
function inheritOrgInSentence(text: string, people: PersonMention[]): void {
  let prev: PersonMention | null = null;
  for (const p of people) {
    if (prev && !p.org && p.titles.length && prev.org && prev.official && p.start - prev.end < 400 && !/[。！？\n]/.test(text.slice(prev.end, p.start)) && !headsAnotherGovernment(p, prev.org)) {
      // 办公室副主任刘洋 after the bureau's heads: the head of one of its units, an official too.
      const unitHead = !p.official && UNIT_HEAD.test(p.titles[p.titles.length - 1]);
      if (p.official || unitHead) p.org = prev.org;
      if (unitHead) {
        p.official = true;
        const role = roleOf(p.titles, true);
        if (role) p.role = role;
      }
    }
    prev = p;
  }
}

/** 办公室副主任, 政策法规科科长, 财务股股长: the head or deputy head of a unit inside a body. */
const UNIT_HEAD = /^(办公室|[\u4e00-\u9fff]{1,8}(科|股|处|室|中心|站|所|队))(常务)?副?(主任|科长|股长|处长|站长|所长|队长|负责人)$/;

/**
 * 副市长王晓红、陈伟、刘军: a title before a list of names is each one's. A name joined to a titled
 * one by 、 alone, with no title of its own, takes its titles, body and office.
 */
function shareTitleAlongList(text: string, people: PersonMention[]): void {
  for (let k = 1; k < people.length; k++) {
    const prev = people[k - 1], p = people[k];
    if (p.titles.length || !prev.titles.length || p.start - prev.end !== 1 || text[prev.end] !== '、') continue;
    p.titles = prev.titles.slice();
    p.org = prev.org;
    p.official = prev.official;
    if (prev.role) p.role = prev.role;
  }
}

/** A decision that names someone to an office, a few characters before the name (任命王建华同志为…). */
const APPOINTED = /(任命|聘任|聘请|提名|选举|推选|推荐|决定|同意)[^，。；：:\n]{0,6}$/;
/** One that removes someone from an office (免去李国强同志的…职务). */
const REMOVED = /(免去|免除|撤销)[^，。；：:\n]{0,6}$/;

/**
 * 任命王建华同志为市应急管理局局长, 选举李明为县人民政府县长, 免去李国强同志的市林业局局长职务:
 * personnel notices name the office after the person. A person with no title, after a word of
 * appointment and followed by (同志)为, or after one of removal and followed by (同志)的 and the
 * office and 职务, takes the (body and) title that follow.
 */
function appointedTitles(text: string, people: PersonMention[], orgs: OrgSpan[]): void {
  for (const p of people) {
    if (p.titles.length) continue;
    let at = p.end + (text.startsWith('同志', p.end) ? 2 : 0);
    const before = text.slice(Math.max(0, p.start - 12), p.start);
    const removal = text[at] === '的' && REMOVED.test(before);
    if (!removal && (text[at] !== '为' || !APPOINTED.test(before))) continue;
    at++;
    const org = orgs.find((o) => o.start === at);
    const titleAt = org ? org.end : at;
    const modifiers = TITLE_MODIFIERS.longestAt(text, titleAt);
    const tl = TITLE_WORDS.longestAt(text, titleAt + modifiers);
    if (!tl || (removal && !text.startsWith('职务', titleAt + modifiers + tl))) continue;
    const title = text.slice(titleAt, titleAt + modifiers + tl);
    p.titles = [title];
    p.org = org ? text.slice(org.start, org.end) : null;
    p.official = isOfficialTitle(title, org?.kind === 'gov');
    const role = roleOf(p.titles, p.official);
    if (role) p.role = role;
  }
}

/** 局长, 副院长, 常务副校长: the head (or deputy) of a body named by its last character. */
const BODY_HEAD = /^(常务)?副?(局|院|厅|所|处|科|校)长$/;

/**
 * 据县法院通报，……院长周明在会上作工作报告: a bare 院长 heads the court the paragraph named. A person
 * whose last title heads a kind of body and who has no body of their own takes the nearest body
 * of that kind named before them in the paragraph (at most 300 characters back).
 */
function headOfNamedBody(text: string, people: PersonMention[], orgs: OrgSpan[]): void {
  for (const p of people) {
    if (p.org || !p.titles.length) continue;
    const m = BODY_HEAD.exec(p.titles[p.titles.length - 1]);
    if (!m) continue;
    const ends = m[2] === '校' ? '校学' : m[2];
    for (let k = orgsEndedBy(orgs, p.start) - 1; k >= 0; k--) {
      const o = orgs[k];
      if (p.start - o.end > 300 || text.slice(o.end, p.start).includes('\n')) break;
      if (ends.includes(text[o.end - 1])) {
        p.org = text.slice(o.start, o.end);
        break;
      }
    }
  }
}

/** 县长, 副市长, 常务副省长: the head (or deputy) of a place's government. */
const GOVERNMENT_HEAD = /^(常务)?副?(省|市|县|区|州|旗|镇|乡)长$/;

/**
 * Whether `p`'s title makes them the head or deputy of a government, which `org` (the body of the
 * official before them in the sentence) is not: 副县长张丽丽 after 县人大常委会主任刘志强 serves the
 * county government, not its congress.
 */
function headsAnotherGovernment(p: PersonMention, org: string): boolean {
  return p.titles.some((t) => GOVERNMENT_HEAD.test(t)) && !/政府$/.test(org);
}

/** Later bare mentions of a titled person (`刘晓军指出`) share the person's office and role. */
function bareRepeats(text: string, people: PersonMention[], orgs: OrgSpan[]): PersonMention[] {
  const firsts = firstOfEachName(people);
  const extra: PersonMention[] = [];
  if (firsts.length === 0) return extra;
  // Built at the first occurrence that needs it: most names occur only where they were found.
  let cover: Cover | null = null;
  for (const p of firsts) {
    const name = p.text;
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) {
      // The person's own mention (its text is this name) is taken: the cover would say so.
      if (at === p.start) continue;
      const end = at + name.length;
      if (cover === null) {
        // No repeat was added before the cover exists, so it starts from the rule spans alone.
        cover = new Cover(text.length);
        for (const t of people) cover.mark(t.start, t.end);
        for (const t of orgs) cover.mark(t.start, t.end);
      }
      if (cover.hit(at, end) >= 0) continue;
      const m: PersonMention = { type: 'person', start: at, end, text: name, titles: [], org: null, official: p.official };
      if (p.role) m.role = p.role;
      extra.push(m);
      cover.mark(at, end);
    }
  }
  return extra;
}

/** Names a short list holds at most to be deduplicated by comparing with each kept one (no Map). */
const DEDUPE_BY_SCAN_MAX = 8;

/**
 * The first person of each name of two or more characters, in order of first mention. A text names
 * a few people, so a scan of the kept ones beats building a Map (and iterating its entries) per text;
 * a longer list goes through a Set so a page of names stays linear.
 */
function firstOfEachName(people: PersonMention[]): PersonMention[] {
  const firsts: PersonMention[] = [];
  let seen: Set<string> | null = null;
  for (const p of people) {
    const name = p.text;
    if (name.length < 2) continue;
    if (seen !== null) {
      if (seen.has(name)) continue;
      seen.add(name);
    } else {
      let dup = false;
      for (let k = 0; k < firsts.length && !dup; k++) dup = firsts[k].text === name;
      if (dup) continue;
      if (firsts.length === DEDUPE_BY_SCAN_MAX) seen = new Set(firsts.map((f) => f.text)).add(name);
    }
    firsts.push(p);
  }
  return firsts;
}

function toOrg(text: string, o: OrgSpan): OrgMention {
  const m: OrgMention = { type: 'org', start: o.start, end: o.end, text: text.slice(o.start, o.end), kind: o.kind };
  if (o.parent) { m.parent = o.parent; m.unit = o.unit; }
  return m;
}

function toPerson(text: string, p: PersonSpan, orgs: OrgSpan[]): PersonMention {
  let org: string | null = p.orgSpan ? text.slice(p.orgSpan.start, p.orgSpan.end) : null;
  if (!org && p.orgRef) org = resolveRef(text, p.orgRef, p.start, orgs);
  // Reporters of this paper (本报记者) have no org; other titles keep theirs.
  const m: PersonMention = { type: 'person', start: p.start, end: p.end, text: text.slice(p.start, p.end), titles: p.titles, org, official: p.official };
  if (p.role) m.role = p.role;
  return m;
}

/**
 * The org of `orgs` that ends where `o` does and holds it: a title's org the rules read (河南省委)
 * inside the longer name the tagger gave (民建河南省委); `o` itself when none.
 */
function holdingOrg(o: OrgSpan, orgs: readonly OrgSpan[]): OrgSpan {
  const k = orgsEndedBy(orgs, o.end) - 1;
  const h = k >= 0 ? orgs[k] : undefined;
  return h && h.end === o.end && h.start < o.start ? h : o;
}

/** How many of `orgs` (sorted and apart, as the finders give them) end at or before `at`. */
const orgsEndedBy = (orgs: readonly OrgSpan[], at: number): number => countUpTo(orgs, at, 'end');

/** `该局` is the nearest bureau the article names before it (or, failing that, after it). */
export function resolveRef(text: string, ref: string, at: number, orgs: OrgSpan[]): string | null {
  const tail = ref.slice(1);
  const fits = (o: OrgSpan) => text.slice(o.start, o.end).endsWith(tail) || (o.unit ?? '').endsWith(tail) || (o.parent ?? '').endsWith(tail);
  const name = (o: OrgSpan) => {
    const full = text.slice(o.start, o.end);
    return full.endsWith(tail) ? full : o.parent && o.parent.endsWith(tail) ? o.parent : full;
  };
  // The last org before `at`, then at most 200 orgs back and forward: linear overall.
  const lo = orgsEndedBy(orgs, at);
  for (let k = lo - 1; k >= 0 && k >= lo - 200; k--) if (orgs[k].end <= at && fits(orgs[k])) return name(orgs[k]);
  for (let k = lo; k < orgs.length && k < lo + 200; k++) if (orgs[k].start >= at && fits(orgs[k])) return name(orgs[k]);
  return null;
}
