/**
 * Titles around English person names: `Secretary of State Antony Blinken`, `Justice Department
 * spokesman John Smith`, `a spokesman for the Department of Justice, John Smith`, `John Smith,
 * the U.S. Secretary of State`. Works on tokens and the tagger's spans; reads a bounded window.
 */
import type { Token } from './tokenize';
import type { TokenSpan } from './spans';

/** Public-office titles: a person holding one is an official whatever body is named. */
const OFFICIAL = [
  'president', 'vice president', 'vice-president', 'president-elect', 'prime minister', 'deputy prime minister', 'premier',
  'vice premier', 'chancellor', 'vice chancellor', 'minister', 'deputy minister', 'minister of state', 'state minister',
  'foreign minister', 'finance minister', 'defence minister', 'defense minister', 'interior minister', 'trade minister',
  'economy minister', 'economics minister', 'justice minister', 'health minister', 'education minister', 'agriculture minister',
  'farm minister', 'industry minister', 'energy minister', 'labour minister', 'labor minister', 'oil minister', 'home minister',
  'information minister', 'culture minister', 'transport minister', 'environment minister', 'european affairs minister',
  'secretary of state', 'secretary of defense', 'secretary of defence', 'secretary of the treasury', 'treasury secretary',
  'defense secretary', 'defence secretary', 'commerce secretary', 'labor secretary', 'energy secretary', 'home secretary',
  'foreign secretary', 'health secretary', 'agriculture secretary', 'transportation secretary', 'education secretary',
  'press secretary', 'cabinet secretary', 'chief secretary', 'secretary-general', 'secretary general', 'under secretary',
  'undersecretary', 'assistant secretary', 'deputy secretary', 'attorney general', 'attorney-general', 'solicitor general',
  'senator', 'sen.', 'state senator', 'rep.', 'representative', 'congressman', 'congresswoman', 'lawmaker', 'legislator',
  'mp', 'deputy', 'governor', 'gov.', 'lieutenant governor', 'lt. gov.', 'governor-elect', 'mayor', 'deputy mayor',
  'mayor-elect', 'ambassador', 'envoy', 'special envoy', 'consul', 'consul general', 'judge', 'justice', 'chief justice',
  'magistrate', 'prosecutor', 'chief prosecutor', 'state prosecutor', 'public prosecutor', 'district attorney',
  'police chief', 'chief of police', 'police commissioner', 'sheriff', 'general', 'gen.', 'lt. gen.', 'maj. gen.',
  'brig. gen.', 'lieutenant general', 'major general', 'brigadier general', 'brigadier', 'colonel', 'col.', 'lt. col.',
  'lieutenant colonel', 'admiral', 'adm.', 'rear admiral', 'vice admiral', 'commander', 'army chief', 'chief of staff',
  'speaker', 'house speaker', 'councillor', 'councilman', 'councilwoman', 'alderman', 'king', 'queen', 'emir', 'sultan',
  'crown prince', 'dictator', 'president of the european commission', 'central bank governor', 'finance secretary',
  'spokesman', 'spokeswoman', 'spokesperson', // official only when the body is a government one (see isOfficial)
];
/** Titles that make their holder an official only when the body they serve is a government one. */
const NEEDS_GOV = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'deputy', 'commander', 'general', 'justice', 'speaker']);
const OTHER = [
  'chairman', 'chairwoman', 'chairperson', 'chief executive', 'chief executive officer', 'ceo', 'managing director',
  'director', 'director general', 'director-general', 'executive director', 'general manager', 'head', 'chief', 'leader',
  'party leader', 'opposition leader', 'coach', 'manager', 'analyst', 'economist', 'chief economist', 'strategist',
  'reporter', 'correspondent', 'editor', 'photographer', 'author', 'writer', 'teacher', 'professor', 'prof.', 'dr.',
  'lawyer', 'attorney', 'defence lawyer', 'defense lawyer', 'founder', 'owner', 'vice chairman', 'deputy chairman',
  'president and chief executive', 'chief operating officer', 'chief financial officer', 'cfo', 'coo', 'treasurer',
  'rebel leader', 'commentator', 'official', 'officer', 'aide', 'adviser', 'advisor', 'negotiator', 'captain',
];

const ROLES: Record<string, 'reporter' | 'correspondent' | 'author' | 'photographer' | 'teacher'> = {
  reporter: 'reporter', correspondent: 'correspondent', author: 'author', writer: 'author', photographer: 'photographer', teacher: 'teacher',
};

/** Titles by their last word, each as lower-cased words (longest first so the longest match wins), and the official ones. */
interface TitleTables { byLast: Map<string, string[][]>; official: Set<string> }
let tables: TitleTables | null = null;
/** The title tables, built on the first English text: loading the recogniser for Chinese does not pay their 1.5 ms. */
function titleTables(): TitleTables {
  if (tables) return tables;
  const byLast = new Map<string, string[][]>();
  const officialSet = new Set<string>();
  for (const [list, official] of [[OFFICIAL, true], [OTHER, false]] as const) {
    for (const t of list) {
      const words = t.split(' ');
      if (official) officialSet.add(t);
      const last = words[words.length - 1];
      const arr = byLast.get(last) ?? [];
      if (!arr.some((a) => a.join(' ') === t)) arr.push(words);
      arr.sort((x, y) => y.length - x.length);
      byLast.set(last, arr);
    }
  }
  return (tables = { byLast, official: officialSet });
}

/** Modifiers that may sit in front of a title without being part of it (`former`, `U.S.`, `acting`). */
const MODIFIERS = new Set(['former', 'acting', 'interim', 'outgoing', 'incoming', 'then', 'new', 'senior', 'top', 'chief', 'deputy', 'assistant', 'vice']);

/** What the rules found about one person mention. */
export interface TitleInfo {
  titles: string[];
  org: string | null;
  official: boolean;
  role?: 'official' | 'reporter' | 'correspondent' | 'author' | 'photographer' | 'teacher';
}

interface Ctx {
  text: string;
  toks: Token[];
  /** For each token index, the org span that ends there / starts there (if any). */
  orgEndingAt: Map<number, TokenSpan>;
  orgStartingAt: Map<number, TokenSpan>;
  isGov: (org: string) => boolean;
}

/** Indexes org spans by their first and last token so title rules can look them up. */
export function makeContext(text: string, toks: Token[], spans: TokenSpan[], isGov: (org: string) => boolean): Ctx {
  const orgEndingAt = new Map<number, TokenSpan>(), orgStartingAt = new Map<number, TokenSpan>();
  for (const s of spans) if (s.type === 'org') { orgEndingAt.set(s.b, s); orgStartingAt.set(s.a, s); }
  return { text, toks, orgEndingAt, orgStartingAt, isGov };
}

const low = (t: Token | undefined) => (t ? t.text.toLowerCase().replace(/\u2019/g, "'") : '');
const spanText = (c: Ctx, s: TokenSpan) => c.text.slice(c.toks[s.a].start, c.toks[s.b].end);

/** Longest title whose last word is token `end`; returns its first token index or -1. */
function titleEndingAt(c: Ctx, end: number): number {
  const cands = titleTables().byLast.get(low(c.toks[end]));
  if (!cands) return -1;
  for (const words of cands) {
    const first = end - words.length + 1;
    if (first < 0) continue;
    let ok = true;
    for (let j = 0; j < words.length && ok; j++) ok = low(c.toks[first + j]) === words[j];
    // a single capitalised common word (General, Justice, Deputy) must be capitalised to count as a title
    if (ok) return first;
  }
  return -1;
}

/** Longest title starting at token `start`; returns its last token index or -1. */
function titleStartingAt(c: Ctx, start: number, limit: number): number {
  for (let end = Math.min(limit, start + 5); end >= start; end--) if (titleEndingAt(c, end) === start) return end;
  return -1;
}

function titleText(c: Ctx, a: number, b: number): string {
  return c.text.slice(c.toks[a].start, c.toks[b].end);
}

function isOfficial(title: string, org: string | null, c: Ctx): boolean {
  const t = title.toLowerCase();
  const gov = org !== null && c.isGov(org);
  if (titleTables().official.has(t) && !NEEDS_GOV.has(t)) return org === null || gov || !/\b(Inc|Corp|Co|Ltd|Plc|Group|Bank|Club|United|FC|Party)\b/.test(org);
  return gov;
}

/** Follows `of/for/at (the) ORG` after a title ending at `b`: the org span, or null. */
function orgAfter(c: Ctx, b: number): TokenSpan | null {
  const w = low(c.toks[b + 1]);
  if (w !== 'of' && w !== 'for' && w !== 'at' && w !== 'to') return null;
  let k = b + 2;
  if (low(c.toks[k]) === 'the') k++;
  return c.orgStartingAt.get(k) ?? null;
}

/** A run of capitalised words ending at token `end` that names a government body, as a pseudo span. */
function govRunEndingAt(c: Ctx, end: number): TokenSpan | null {
  let a = end;
  while (a >= 0 && end - a < 5 && /^[A-Z]/.test(c.toks[a].text)) a--;
  for (let s = a + 1; s <= end; s++) {
    const sp: TokenSpan = { type: 'org', a: s, b: end };
    if (c.isGov(spanText(c, sp))) return sp;
  }
  return null;
}

/** Titles, body and official flag for the person whose name spans tokens [a, b]. */
export function titlesFor(c: Ctx, a: number, b: number): TitleInfo {
  const info: TitleInfo = { titles: [], org: null, official: false };
  const add = (ta: number, tb: number, org: TokenSpan | null) => {
    const title = titleText(c, ta, tb);
    const orgName = org ? spanText(c, org) : null;
    info.titles.push(title);
    if (orgName && !info.org) info.org = orgName;
    if (isOfficial(title, orgName, c)) info.official = true;
    const role = ROLES[title.toLowerCase()];
    if (role && !info.role) info.role = role;
  };

  // 1. Title right before the name, possibly `title of the ORG (,) NAME` or `ORG title NAME`.
  let end = a - 1;
  let orgAfterTitle: TokenSpan | null = null;
  if (low(c.toks[end]) === ',') end--;
  const beforeOrg = c.orgEndingAt.get(end);
  if (beforeOrg) {
    // `spokesman for the Department of Justice, John Smith`
    let k = beforeOrg.a - 1;
    if (low(c.toks[k]) === 'the') k--;
    const prep = low(c.toks[k]);
    if (prep === 'of' || prep === 'for' || prep === 'at') { orgAfterTitle = beforeOrg; end = k - 1; }
  } else if (end !== a - 1) end = -1; // a comma not preceded by an org: not a title construction
  const ta = end >= 0 ? titleEndingAt(c, end) : -1;
  if (ta >= 0) {
    let org: TokenSpan | null = orgAfterTitle;
    let m = ta - 1;
    while (m >= 0 && MODIFIERS.has(low(c.toks[m]))) m--;
    if (!org) org = c.orgEndingAt.get(m) ?? null;
    if (!org && c.toks[m] && low(c.toks[m]) === "'s") org = c.orgEndingAt.get(m - 1) ?? null; // `Microsoft's chief executive`
    if (!org) org = govRunEndingAt(c, m); // `White House spokesman`: a government name the tagger left out
    add(ta, end, org);
  }

  // 2. Appositive after the name: `NAME, (the|a) (ORG|U.S.|modifiers) TITLE (of|for the ORG)`
  if (low(c.toks[b + 1]) === ',') {
    let k = b + 2;
    const det = low(c.toks[k]);
    if (det === 'the' || det === 'a' || det === 'an') k++;
    let org: TokenSpan | null = null;
    const lead = c.orgStartingAt.get(k);
    if (lead) { org = lead; k = lead.b + 1; if (low(c.toks[k]) === "'s") k++; }
    for (let guard = 0; guard < 3 && k < c.toks.length && titleStartingAt(c, k, k + 5) < 0; guard++) {
      const w = c.toks[k].text;
      // skip modifiers and one capitalised place adjective (`U.S.`, `British`)
      if (MODIFIERS.has(w.toLowerCase()) || /^[A-Z][A-Za-z.]*$/.test(w)) k++;
      else break;
    }
    const te = titleStartingAt(c, k, k + 5);
    if (te >= 0) add(k, te, orgAfter(c, te) ?? org);
  }
  return info;
}
