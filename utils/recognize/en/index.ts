/**
 * English people and organizations: the learned tagger (tagger.ts) finds the names sentence by
 * sentence, the whole text settles what they are (discourse.ts), and rules add what a reader wants
 * next to them: titles, the body a title belongs to, official or not, government or not.
 */
import type { OrgMention, PersonMention } from '../types';
import { orgKind } from './orgkind';
import { LEADING, joinOrgNames, tagsToSpans, withNameHeads, type TokenSpan } from './spans';
import { lowerCaseWords, reconcileSpans, startsSentence } from './discourse';
import { getModel, tagWords } from './tagger';
import { ModelNotLoadedError } from '../models';
import { makeContext, titlesFor } from './titles';
import { sentenceStarts, tokenize, type Token } from './tokenize';

/** A regnal number after a name (Charles VI, John Paul II): part of it. Not I, which is mostly the pronoun. */
const REGNAL = /^(II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)$/;

const MAX_NAME_WORDS = 12;

/** People and organizations in English text: a learned tagger finds names, rules add titles and kinds. */
export function findEnEntities(text: string): Array<PersonMention | OrgMention> {
  if (!text) return [];
  try {
    return find(text);
  } catch (err) {
    if (err instanceof ModelNotLoadedError) throw err; // a setup mistake must show, not look like a quiet page
    return [];
  }
}

function tagAll(toks: Token[]): TokenSpan[] {
  const starts = sentenceStarts(toks);
  const spans: TokenSpan[] = [];
  for (let s = 0; s < starts.length; s++) {
    const a = starts[s], b = s + 1 < starts.length ? starts[s + 1] : toks.length;
    const words: string[] = [];
    for (let i = a; i < b; i++) words.push(toks[i].text);
    tagsToSpans(tagWords(words), a, spans);
  }
  for (const sp of spans) {
    if (sp.type === 'person') {
      while (sp.a < sp.b && LEADING.test(toks[sp.a].text)) sp.a++;
      if (sp.b + 1 < toks.length && !toks[sp.b + 1].nl && REGNAL.test(toks[sp.b + 1].text)) sp.b++;
    }
    // a trailing possessive or punctuation never belongs to a name
    while (sp.b > sp.a && /^(['\u2019]s|[.,;:'"\u2019])$/.test(toks[sp.b].text)) sp.b--;
  }
  // names run to a dozen words at most; longer runs are runaway capitalised text (headlines, lists)
  return spans.filter((sp) => sp.b - sp.a < MAX_NAME_WORDS);
}

function find(text: string): Array<PersonMention | OrgMention> {
  const toks = tokenize(text);
  const lex = getModel().lex;
  const spans = reconcileSpans(toks, joinOrgNames(toks, withNameHeads(toks, tagAll(toks)), { common: (w) => lex.lower.has(w), givenName: (w) => lex.first.has(w) }), lex);
  const kinds = new Map<string, 'gov' | 'other'>();
  const kindOf = (name: string) => {
    let k = kinds.get(name);
    if (!k) kinds.set(name, (k = orgKind(name)));
    return k;
  };
  const ctx = makeContext(text, toks, spans, (name) => kindOf(name) === 'gov');
  const out: Array<PersonMention | OrgMention> = [];
  const officialNames = new Set<string>();
  for (const sp of spans) {
    const start = toks[sp.a].start, end = toks[sp.b].end;
    const t = text.slice(start, end);
    if (sp.type === 'org') {
      out.push({ type: 'org', start, end, text: t, kind: kindOf(t) });
      continue;
    }
    const info = titlesFor(ctx, sp.a, sp.b);
    const m: PersonMention = { type: 'person', start, end, text: t, titles: info.titles, org: info.org, official: info.official };
    if (info.role) m.role = info.role;
    else if (info.official) m.role = 'official';
    if (info.official) {
      officialNames.add(t);
      officialNames.add(toks[sp.b].text); // the surname alone, as later mentions use it
    }
    out.push(m);
  }
  addSurnameRepeats(text, toks, spans, out);
  addOrgRepeats(text, toks, spans, out);
  // An official anywhere in the text is an official in every mention (`Clinton` after `President Bill Clinton`).
  for (const m of out) if (m.type === 'person' && !m.official && officialNames.has(m.text)) m.official = true;
  return out;
}

/**
 * Later mentions by surname alone (`McCain` after `Sen. John McCain`) are the same person even where
 * the tagger missed them; recognize() only repeats exact names, so surnames are added here.
 */
function addSurnameRepeats(text: string, toks: Token[], spans: TokenSpan[], out: Array<PersonMention | OrgMention>): void {
  const surnames = new Set<string>();
  for (const sp of spans) if (sp.type === 'person' && sp.b > sp.a && /^[A-Z][A-Za-z'-]*[a-z][A-Za-z'-]*$/.test(toks[sp.b].text) && toks[sp.b].text.length >= 3) surnames.add(toks[sp.b].text);
  if (!surnames.size) return;
  const covered = new Uint8Array(toks.length);
  for (const sp of spans) for (let i = sp.a; i <= sp.b; i++) covered[i] = 1;
  // Words the text also writes in lower case ("neon" after "Let There Be Neon"): at a sentence's
  // start their capital says nothing, so they are no surname there.
  let lower: Set<string> | null = null;
  for (let i = 0; i < toks.length; i++) {
    if (covered[i] || !surnames.has(toks[i].text)) continue;
    if (startsSentence(toks, i)) {
      lower ??= lowerCaseWords(toks);
      if (lower.has(toks[i].text.toLowerCase())) continue;
    }
    // part of a longer capitalised name (`Ford Motor`) is not a bare surname
    if (/^[A-Z]/.test(toks[i + 1]?.text ?? '') || (i > 0 && !toks[i].nl && /^[A-Z]/.test(toks[i - 1].text) && !/^[.!?"\u201c]$/.test(toks[i - 1].text))) continue;
    const t = toks[i];
    out.push({ type: 'person', start: t.start, end: t.end, text: text.slice(t.start, t.end), titles: [], org: null, official: false });
  }
  out.sort((x, y) => x.start - y.start);
}

/**
 * Within one text, a body the tagger named somewhere is the same body where it did not
 * (`Yahoo` in every sentence, not only in the dozen the tagger marked): each untagged occurrence
 * of an org's exact words, with a capital, at least three letters long, is that org.
 */
function addOrgRepeats(text: string, toks: Token[], spans: TokenSpan[], out: Array<PersonMention | OrgMention>): void {
  const spanAt = new Map<number, TokenSpan>();
  for (const sp of spans) if (sp.type === 'org') spanAt.set(toks[sp.a].start, sp);
  // Per first word: the lengths (in tokens, longest first) and kinds of the orgs it opens, by their text.
  const byFirst = new Map<string, Array<{ len: number; name: string; kind: 'gov' | 'other' }>>();
  for (const m of out) {
    if (m.type !== 'org' || m.text.length < 3 || !/^\p{Lu}/u.test(m.text)) continue;
    const sp = spanAt.get(m.start);
    if (!sp || sp.b - sp.a > 3) continue;
    const list = byFirst.get(toks[sp.a].text) ?? [];
    if (!list.some((x) => x.name === m.text)) list.push({ len: sp.b - sp.a + 1, name: m.text, kind: m.kind });
    byFirst.set(toks[sp.a].text, list.sort((x, y) => y.len - x.len));
  }
  if (!byFirst.size) return;
  // Tokens inside a mention already made, by one walk over both lists in text order.
  const covered = new Uint8Array(toks.length);
  const marks = out.map((m) => [m.start, m.end] as const).sort((x, y) => x[0] - y[0]);
  for (let i = 0, k = 0; i < toks.length; i++) {
    while (k < marks.length && marks[k][1] <= toks[i].start) k++;
    for (let j = k; j < marks.length && marks[j][0] < toks[i].end; j++) if (marks[j][1] > toks[i].start) { covered[i] = 1; break; }
  }
  const added: OrgMention[] = [];
  for (let i = 0; i < toks.length; i++) {
    const cands = covered[i] ? undefined : byFirst.get(toks[i].text);
    if (!cands) continue;
    for (const c of cands) {
      const b = i + c.len - 1;
      if (b >= toks.length || text.slice(toks[i].start, toks[b].end) !== c.name) continue;
      let free = true;
      for (let j = i; j <= b; j++) if (covered[j]) free = false;
      // the same words, not a longer capitalised name that starts with them (`Yahoo Japan`)
      if (!free || /^\p{Lu}/u.test(toks[b + 1]?.text ?? '')) continue;
      added.push({ type: 'org', start: toks[i].start, end: toks[b].end, text: text.slice(toks[i].start, toks[b].end), kind: c.kind });
      covered.fill(1, i, b + 1);
      break;
    }
  }
  if (!added.length) return;
  out.push(...added);
  out.sort((x, y) => x.start - y.start);
}
