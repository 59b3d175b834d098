/**
 * The recogniser: text in, mentions out. Pure (no DOM, no browser API), so tests, the command
 * line, benchmarks and the extension all run exactly this.
 */
import { asPrepared, normalizeName } from './known';
import { detectLang } from './lang';
import { findNumbers } from './numbers';
import { findDates } from './dates';
import { findZhEntities } from './zh';
import { findEnEntities } from './en';
import { squeezeIfNeeded } from './squeeze';
import { ScratchBytes } from './scratch';
import { nextNumeralAt } from './cn-numerals';
import { isDisjointByStart, SpanWalk } from './span-walk';
import { mergeByStart, sortByStart, sortSmall } from './by-start';
import type { Mention, PersonMention, PreparedKnown, RecognizeOptions } from './types';

export type * from './types';
export { prepareKnown, normalizeName } from './known';
export { detectLang } from './lang';
export { ensureModels, hasModel, installModel, MODEL_FILES, ModelNotLoadedError, type ModelContents, type ModelReader } from './models';

/** Recognises people, organizations, numbers and dates; offsets are into `text` as given. */
export function recognize(text: string, options: RecognizeOptions = {}): Mention[] {
  if (!text) return [];
  const lang = options.lang ?? detectLang(text);
  const known = asPrepared(options.known);
  const sq = squeezeIfNeeded(text);
  const s = sq.text;

  // Finders in rank order (lower rank wins an overlap): rules with context, then bare known names,
  // then dates, then numbers. People and orgs share a rank.
  const entities = lang === 'zh' ? findZhEntities(s) : findEnEntities(s);
  // Chinese dates and numbers both start from a numeral: the walk to the first one is made once
  // (and a text with none skips both scans).
  const firstNumeral = lang === 'zh' ? nextNumeralAt(s, 0) : 0;
  const dates = findDates(s, lang, options.refDate, firstNumeral);
  const numbers = findNumbers(s, lang, firstNumeral);
  const knownHits = known ? known.find(s) : [];
  const hits: Mention[] = knownHits.map(({ start, end, entry }): Mention =>
    entry.type === 'person'
      ? { type: 'person', start, end, text: s.slice(start, end), titles: [], org: null, official: !!entry.official, known: true }
      : { type: 'org', start, end, text: s.slice(start, end), kind: entry.kind ?? 'other', known: true },
  );

  const accepted = markKnown(resolveOverlaps([entities, hits, dates, numbers], s.length), knownHits);
  // The Chinese finder adds the bare repeats of its people itself (see findZhEntities), covering
  // every later occurrence of their names. When all its mentions were taken and no known name came
  // in, the search below would find each occurrence covered, so only the official flags are shared.
  const repeatsFound = lang === 'zh' && knownHits.length === 0 && isDisjointByStart(entities);
  const withRepeats = addBareRepeats(s, accepted, repeatsFound);
  const map = sq.map;
  // The usual call (no type filter, no knowledge base, nothing squeezed) keeps every mention with
  // the offsets it has: the list is this call's own, so it is the result as it stands.
  if (!options.types && !known && !map) return withRepeats;
  const wanted = options.types ? new Set(options.types) : null;
  const result: Mention[] = [];
  for (const m of withRepeats) {
    if (wanted && !wanted.has(m.type)) continue;
    if (known && (m.type === 'person' || m.type === 'org') && known.isIgnored(m.text)) continue;
    // Every mention object here is this call's own, so it takes its offsets into `text` in place
    // (an object spread per mention costs more than the rules that found it).
    // No map: nothing was squeezed out, so offsets are already into `text`.
    const start = map ? map[m.start] : m.start;
    const end = m.end > m.start ? (map ? map[m.end - 1] + 1 : m.end) : start;
    m.start = start;
    m.end = end;
    // Every finder sets `text` to `s.slice(start, end)`; with no map `s` is `text` itself, so the
    // string is already the one a new slice would give (a slice per mention was a tenth of this function).
    if (map) m.text = text.slice(start, end);
    result.push(m);
  }
  return result;
}

const overlapCover = new ScratchBytes();
const repeatCover = new ScratchBytes();

/**
 * Keeps the best mentions that don't overlap, sorted by start: by rank (the order of `ranked`, one
 * finder's list per rank), then longer first, then leftmost; at a full tie, the earlier in its list.
 */
function resolveOverlaps(ranked: Mention[][], length: number): Mention[] {
  // Finders nearly always return lists sorted by start with no overlaps: then a walk along the
  // mentions taken so far answers each overlap question, and no cover the length of the text need
  // be zeroed and filled (that was a quarter of this function on short texts).
  let allDisjoint = true;
  for (const list of ranked) if (!isDisjointByStart(list)) { allDisjoint = false; break; }
  if (allDisjoint) return resolveDisjointLists(ranked);
  const cover = overlapCover.zeroed(length);
  let out: Mention[] = [];
  for (const list of ranked) {
    if (list.length === 0) continue;
    const taken = takeFree(list, cover, length);
    out = out.length === 0 ? taken : mergeByStart(out, taken);
  }
  return out;
}

/**
 * resolveOverlaps for lists that are each sorted by start and overlap nothing within themselves:
 * no two mentions of one rank compete, so each is taken when it is non-empty and overlaps none of
 * the mentions taken from earlier ranks. Those are sorted by start and disjoint, and each rank's
 * questions come in text order, so a SpanWalk along them answers each one.
 */
function resolveDisjointLists(ranked: Mention[][]): Mention[] {
  let out: Mention[] = [];
  for (const list of ranked) {
    if (list.length === 0) continue;
    const taken: Mention[] = [];
    const before = new SpanWalk(out);
    for (let k = 0; k < list.length; k++) {
      const m = list[k];
      if (m.end > m.start && before.first(m.start, m.end) === undefined) taken.push(m);
    }
    out = out.length === 0 ? taken : mergeByStart(out, taken);
  }
  return out;
}

/**
 * The mentions of one rank that overlap nothing taken before, marked taken, sorted by start. A
 * finder's list is nearly always sorted by start with no overlaps: then no two of its mentions
 * compete, so each is taken or not on its own and the longer-first order changes nothing. Only a
 * list that overlaps itself is sorted into that order (an object per mention and a comparator sort
 * for every text cost more than the rules behind some of them).
 */
function takeFree(list: Mention[], cover: Uint8Array, length: number): Mention[] {
  const order = isDisjointByStart(list) ? list : sortSmall(list.slice(), longerFirst);
  const taken: Mention[] = [];
  for (let k = 0; k < order.length; k++) {
    const m = order[k];
    // Ends are clamped: the shared buffer may be longer than this text.
    const end = Math.min(m.end, length);
    if (m.end <= m.start || isCovered(cover, m.start, end)) continue;
    // A loop, not TypedArray#fill: spans are a few characters and the builtin call costs more.
    for (let i = m.start; i < end; i++) cover[i] = 1;
    taken.push(m);
  }
  // Taken mentions never overlap, so their starts differ and any sort by start gives one order.
  return order === list ? taken : sortByStart(taken);
}

/** Within one rank: longer first, then leftmost; stable, like the Array#sort it replaces. */
function longerFirst(a: Mention, b: Mention): number {
  return b.end - b.start - (a.end - a.start) || a.start - b.start;
}

function isCovered(cover: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (cover[i]) return true;
  return false;
}

/** A rule's mention of a name the knowledge base holds is shown as known and keeps what it knows. */
function markKnown(mentions: Mention[], hits: ReturnType<PreparedKnown['find']>): Mention[] {
  if (hits.length === 0) return mentions;
  const byName = new Map(hits.map((h) => [`${h.entry.type}:${h.entry.name}`, h.entry]));
  return mentions.map((m) => {
    if ((m.type !== 'person' && m.type !== 'org') || m.known) return m;
    const entry = byName.get(`${m.type}:${normalizeName(m.text)}`);
    if (!entry) return m;
    return m.type === 'person' ? { ...m, known: true, official: m.official || !!entry.official } : { ...m, known: true };
  });
}

/**
 * Within one text, a person named once with a title is the same person in later bare mentions
 * (`刘晓军指出`); they inherit whether the person is an official.
 */
function addBareRepeats(text: string, mentions: Mention[], repeatsFound = false): Mention[] {
  if (repeatsFound && !needsSearchOrSharing(mentions)) return mentions;
  // Each person's name is normalized once; the official flags below read it again.
  let names: string[] | null = null;
  let people: Map<string, boolean> | null = null;
  // Whether every name is its own normalized form: a finder that searched for its people's bare
  // repeats searched for these very names.
  let asWritten = true;
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (m.type !== 'person') continue;
    const name = normalizeName(m.text);
    if (name !== m.text) asWritten = false;
    (names ??= new Array<string>(mentions.length))[k] = name;
    if (name.length >= 2) (people ??= new Map()).set(name, (people.get(name) ?? false) || m.official);
  }
  if (people === null) return mentions;
  if (repeatsFound && asWritten) {
    shareOfficial(mentions, names!, people);
    return mentions;
  }
  const extra: PersonMention[] = [];
  const length = text.length;
  const cover = repeatCover.zeroed(length);
  // Loops, not TypedArray#fill: spans are a few characters and the builtin call costs more.
  for (const m of mentions) for (let i = m.start, e = Math.min(m.end, length); i < e; i++) cover[i] = 1;
  for (const [name, official] of people) {
    const latin = /^[A-Za-z]/.test(name);
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) {
      const end = at + name.length;
      if (latin && (/[A-Za-z]/.test(text[at - 1] ?? '') || /[A-Za-z]/.test(text[end] ?? ''))) continue;
      if (isCovered(cover, at, end)) continue;
      for (let i = at; i < end; i++) cover[i] = 1;
      extra.push({ type: 'person', start: at, end, text: name, titles: [], org: null, official });
    }
  }
  shareOfficial(mentions, names!, people);
  if (extra.length === 0) return mentions;
  return mergeByStart(mentions, sortByStart(extra));
}

/**
 * For a list whose bare repeats were already found (see recognize): whether addBareRepeats has any
 * work at all, which it has only when a name differs from its normalized form (a repeat search is
 * then needed) or when both official and unofficial people are named (a flag may need sharing).
 * Most texts are neither, and skip the name Map.
 */
function needsSearchOrSharing(mentions: Mention[]): boolean {
  let official = false;
  let unofficial = false;
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (m.type !== 'person') continue;
    if (normalizeName(m.text) !== m.text) return true;
    if (m.official) official = true;
    else unofficial = true;
  }
  return official && unofficial;
}

/**
 * Every mention of one person says whether they hold office anywhere in the text (`names[k]` is
 * mention k's normalized name). The mentions are this call's own objects, so the flag is set in place.
 */
function shareOfficial(mentions: Mention[], names: string[], people: Map<string, boolean>): void {
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (m.type === 'person' && !m.official && people.get(names[k])) m.official = true;
  }
}
