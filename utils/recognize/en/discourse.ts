/**
 * What the whole text says about each name the tagger found one sentence at a time. The tagger was
 * trained on newswire sentences; a web page adds what those lack: Title Case headlines and captions
 * ("Vidyard Launches New Tools", "How Winter Wreaks Havoc"), one-word lines ("Photo",
 * "Advertisement") and one name read two ways in two sentences ("Rothman said" a person,
 * "Lorenz and Rothman" an organization). A reader wants one answer per name, and none for a
 * capitalised common word, so these rules look across the text:
 *
 * - a name read as both kinds takes the kind most of its mentions have, a surname counting for
 *   each person named in full with it (`Patrick McHugh` … `Mr. McHugh`), and a name after Mr.,
 *   Mrs., Ms., Dr. or Prof. is a person's;
 * - a name found only in a Title Case line (a headline, a caption, a one-word label) and nowhere in
 *   the running text is dropped: the text names again whoever its headline names;
 * - a one-word name that is a common lower-case word, capitalised only where a sentence or line
 *   starts ("Potholes form when…"), is dropped, and so are credentials ("MD");
 * - a given name, an initial and a surname ("Hansa D. Bhargava") name a person;
 * - the capitals a dateline opens with ("SPRINGFIELD, Ill. (AP) —") are a place, no name;
 * - connectives and page words ("Nonetheless", "Subscribe"), nationalities and faiths ("Muslim",
 *   "Roman") and countries ("North Korea") name no one, and a short org ending in a post word
 *   ("Security Editor") is a title;
 * - an org that runs through a post into a name ("… Administration Director Branko Bilbija") is the
 *   body and a person; a word after a surname's particle ("de Blasio") is the person named with it.
 */
import { lazyRegExp } from '../../lazy-regexp';
import type { Lexicon } from './features';
import type { TokenSpan } from './spans';
import type { Token } from './tokenize';

/** Honorifics after which a capitalised name is a person's. */
const HONORIFIC = /^(Mr|Mrs|Ms|Mx|Dr|Prof|Messrs|Mme|Mlle)\.?$/;

/** Short words Title Case leaves in lower case ("Burst Pipes and the Winter"). */
const MINOR = new Set(['a', 'an', 'the', 'and', 'or', 'nor', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'as', 'vs', 'via', 'per', 'into', 'onto', 'over', 'up', 'out', 'off', 'is', 'are', 'be', 'its', 'than']);

/** Letters after a name that say what its bearer studied ("Hansa Bhargava, MD"): never a name. */
const CREDENTIAL = /^(MD|M\.D\.|PhD|Ph\.D\.|DDS|D\.D\.S\.|RN|MPH|MBA|JD|J\.D\.|Esq\.?|CPA|FRCP|FACS)$/;
/** "Brian K. Coombes": a given name, one initial and a surname. */
const initialled = lazyRegExp(() => /^\p{Lu}\p{Ll}+ \p{Lu}\. \p{Lu}[\p{L}'’-]*\p{Ll}$/u);

/**
 * Words that open sentences and navigation but name nothing, which a tagger trained on newswire never
 * saw capitalised often enough to learn ("Nonetheless, de Miranda …", "Today's Paper | Subscribe").
 */
const NEVER_NAMES = new Set(['However', 'Nonetheless', 'Nevertheless', 'Meanwhile', 'Moreover', 'Furthermore', 'Therefore',
  'Instead', 'Indeed', 'Thus', 'Hence', 'Besides', 'Otherwise', 'Likewise', 'Similarly', 'Consequently', 'Accordingly',
  'Still', 'Yet', 'Subscribe', 'Advertisement', 'Sponsored', 'Related', 'Share', 'Comments', 'Newsletter', 'Menu', 'Search']);

/**
 * Nationalities, peoples and faiths as adjectives or plurals ("a mostly Muslim nation", "Roman
 * mosaics", "radical Muslims"): no person or body alone, nor the first word of a person's name
 * ("Arab Spring").
 */
const DEMONYMS = new Set(['Muslim', 'Muslims', 'Islamic', 'Islamist', 'Islamists', 'Christian', 'Christians', 'Catholic',
  'Catholics', 'Protestant', 'Protestants', 'Jewish', 'Jew', 'Jews', 'Hindu', 'Hindus', 'Buddhist', 'Buddhists', 'Sikh',
  'Sikhs', 'Sunni', 'Sunnis', 'Shiite', 'Shiites', 'Shia', 'Salafist', 'Salafists', 'Arab', 'Arabs', 'Roman', 'Romans', 'Greek',
  'Greeks', 'Latino', 'Latinos', 'Hispanic', 'Hispanics', 'European', 'Europeans', 'African', 'Africans', 'Asian', 'Asians',
  'American', 'Americans', 'British', 'English', 'French', 'German', 'Germans', 'Italian', 'Italians', 'Spanish', 'Russian',
  'Russians', 'Chinese', 'Japanese', 'Korean', 'Koreans', 'Indian', 'Indians', 'Israeli', 'Israelis', 'Palestinian',
  'Palestinians', 'Iranian', 'Iranians', 'Iraqi', 'Iraqis', 'Syrian', 'Syrians', 'Turkish', 'Egyptian', 'Egyptians',
  'Tunisian', 'Tunisians', 'Mexican', 'Mexicans', 'Canadian', 'Canadians', 'Western', 'Westerners', 'Eastern', 'Soviet']);

/**
 * Countries, read as a person or a body when a tagger trained without places meets them ("against
 * North Korea, China and Russia", "7. United Kingdom"). Names that are also given names or surnames
 * (Jordan, Chad, Georgia, Israel) are left out.
 */
const COUNTRIES = new Set(['Afghanistan', 'Albania', 'Algeria', 'Argentina', 'Armenia', 'Australia', 'Austria', 'Azerbaijan',
  'Bahrain', 'Bangladesh', 'Belarus', 'Belgium', 'Bolivia', 'Bosnia', 'Brazil', 'Bulgaria', 'Cambodia', 'Cameroon', 'Canada',
  'Chile', 'China', 'Colombia', 'Croatia', 'Cuba', 'Cyprus', 'Czechia', 'Denmark', 'Ecuador', 'Egypt', 'Estonia', 'Ethiopia',
  'Finland', 'France', 'Germany', 'Ghana', 'Greece', 'Hungary', 'Iceland', 'India', 'Indonesia', 'Iran', 'Iraq', 'Ireland',
  'Italy', 'Japan', 'Kazakhstan', 'Kenya', 'Kuwait', 'Laos', 'Latvia', 'Lebanon', 'Libya', 'Lithuania', 'Luxembourg',
  'Malaysia', 'Mexico', 'Mongolia', 'Morocco', 'Myanmar', 'Nepal', 'Netherlands', 'Nigeria', 'Norway', 'Pakistan', 'Peru',
  'Philippines', 'Poland', 'Portugal', 'Qatar', 'Romania', 'Russia', 'Rwanda', 'Serbia', 'Singapore', 'Slovakia', 'Slovenia',
  'Somalia', 'Spain', 'Sudan', 'Sweden', 'Switzerland', 'Syria', 'Taiwan', 'Tanzania', 'Thailand', 'Tunisia', 'Turkey',
  'Uganda', 'Ukraine', 'Uruguay', 'Uzbekistan', 'Venezuela', 'Vietnam', 'Yemen', 'Zambia', 'Zimbabwe', 'North Korea',
  'South Korea', 'South Africa', 'South Sudan', 'New Zealand', 'Saudi Arabia', 'Sri Lanka', 'United Kingdom', 'United States',
  'United Arab Emirates', 'Czech Republic', 'Dominican Republic', 'Ivory Coast', 'Costa Rica', 'El Salvador', 'Hong Kong']);

/** Lower-case particles inside surnames (Bill de Blasio, Ludwig van Beethoven): "de Blasio" is his surname. */
const PARTICLES = new Set(['de', 'van', 'von', 'da', 'di', 'del', 'della', 'der', 'den', 'du', 'le', 'la', 'bin', 'ibn', 'al']);

/** Capitals then lower case ("CNNMoney", "NYTimes"): a brand's shape, never a person's. */
const capsThenLower = lazyRegExp(() => /^\p{Lu}{2,}\p{Ll}/u);

/** Tokens outside Title Case lines a text needs before a name found only in those lines is doubted. */
const MIN_RUNNING_TOKENS = 60;

const isCapitalised = (w: string): boolean => {
  const c = w.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 0xc0 && w[0] !== w[0].toLowerCase());
};
const letter = lazyRegExp(() => /\p{L}/u);
const lowerStart = lazyRegExp(() => /^\p{Ll}/u);
/** ASCII words and punctuation are answered without a regex: most tokens of an English text. */
const hasLetter = (w: string): boolean => {
  const c = w.charCodeAt(0);
  if ((c | 32) >= 97 && (c | 32) <= 122) return true;
  return c < 0x80 && w.length === 1 ? false : letter().test(w);
};
/** Whether a token starts with a lower-case letter (a common word as this text writes it). */
const startsLower = (w: string): boolean => {
  const c = w.charCodeAt(0);
  return c < 0x80 ? c >= 97 && c <= 122 : lowerStart().test(w);
};
/** The words a text writes in lower case: a capitalised one of them is a common word, not a name. */
export function lowerCaseWords(toks: Token[]): Set<string> {
  const words = new Set<string>();
  for (const t of toks) if (startsLower(t.text)) words.add(t.text);
  return words;
}

/** Punctuation that may open a sentence before its first word: quotes, brackets, dashes, bullets. */
const OPENER = /^[“"‘'(\[—–\-•·*]$/;

/** Applies the rules above to the tagger's spans of `toks`; returns the spans kept, relabelled where needed. */
export function reconcileSpans(toks: Token[], spans: TokenSpan[], lex: Lexicon): TokenSpan[] {
  if (!spans.length) return spans;
  let lowerWords: Set<string> | null = null; // made on the first question: most texts ask few
  const seenLower = (w: string) => lex.lower.has(w) || (lowerWords ??= lowerCaseWords(toks)).has(w);
  /** A common word: one the tagger saw in lower case in training, or this text writes in lower case (or its singular). */
  const isCommon = (w: string) => seenLower(w) || (w.endsWith('s') && seenLower(w.slice(0, -1))) || (w.endsWith('es') && seenLower(w.slice(0, -2)));
  const headline = titleCaseTokens(toks, isCommon);
  // "Dan Goodin Dan is the Security Editor": a bio's first word ran into the name before it.
  for (const sp of spans) if (sp.type === 'person' && sp.b - sp.a >= 2 && toks[sp.b].text === toks[sp.a].text) sp.b--;
  spans = withPostsSplit(toks, spans);
  const names = spans.map((sp) => spanText(toks, sp));
  // Only a text with running text of its own can name again what its headlines name.
  const running = headline.length - headline.reduce((n, h) => n + h, 0) >= MIN_RUNNING_TOKENS;
  const inRunning = running ? runningText(toks, headline, spans.filter((sp) => headline[sp.a])) : null;
  // Words written with a capital inside a sentence of running text: there the capital says "a name".
  // Only a word capitalised on its own counts: inside a longer name ("the Neon Museum", "the Museum
  // of Neon Art") the capital belongs to that name.
  const inLonger = new Uint8Array(toks.length);
  for (const sp of spans) if (sp.b > sp.a) inLonger.fill(1, sp.a, sp.b + 1);
  const capitalAt = (i: number) => i >= 0 && i < toks.length && !toks[i].nl && isCapitalised(toks[i].text);
  const midCapitals = new Set<string>();
  for (let i = 0; i < toks.length; i++) {
    if (headline[i] || inLonger[i] || !isCapitalised(toks[i].text) || startsSentence(toks, i)) continue;
    if ((capitalAt(i - 1) && !toks[i].nl) || (i + 1 < toks.length && capitalAt(i + 1))) continue;
    midCapitals.add(toks[i].text);
  }
  const keep = spans.map((sp, k) => {
    if (sp.a === sp.b && (CREDENTIAL.test(names[k]) || NEVER_NAMES.has(names[k]) || DEMONYMS.has(names[k]))) return false;
    if (isCountry(toks, sp, names[k]) || (sp.type === 'person' && DEMONYMS.has(toks[sp.a].text))) return false;
    if (sp.type === 'org' && sp.b - sp.a <= 2 && POST_LAST.has(toks[sp.b].text)) return false;
    if (isDatelinePlace(toks, sp)) return false;
    if (inRunning && headline[sp.a] && !inRunning.has(names[k]) && !(sp.type === 'person' && sp.b > sp.a && inRunning.has(toks[sp.b].text))) return false;
    return !isCommonWordAtStart(toks, sp, lex, isCommon, midCapitals);
  });
  const kept = spans.filter((_, k) => keep[k]);
  const keptNames = names.filter((_, k) => keep[k]);
  // A given name, a middle initial and a surname: a person's name whatever the tagger said.
  kept.forEach((sp, k) => {
    if (initialled().test(keptNames[k])) sp.type = 'person';
    else if (sp.a === sp.b && capsThenLower().test(keptNames[k])) sp.type = 'org';
  });
  voteKinds(toks, kept, keptNames);
  withSurnameParticles(toks, kept, keptNames);
  if (running) companiesNotPeople(toks, kept, keptNames);
  return kept;
}

/** Words that, next to a name, say it is a company or an institution (`Yahoo's board`, `shares of Mojang`). */
const CORPORATE = new Set(['company', 'companies', 'shares', 'stock', 'investors', 'shareholders', 'acquisition', 'acquired',
  'acquire', 'deal', 'sale', 'business', 'businesses', 'board', 'CEO', 'executive', 'executives', 'firm', 'brand', 'products',
  'users', 'customers', 'Inc', 'Inc.', 'Corp', 'Corp.', 'platform', 'service', 'services', 'startup', 'revenue', 'merger',
  'subsidiary', 'developer', 'museum', 'website', 'app', 'employees', 'headquarters', 'bought', 'sold', 'owns', 'owned']);

/** Kinds of company that stand right before a company's name ("game developer Mojang", "chipmaker Intel"). */
const KIND_OF_COMPANY = new Set(['developer', 'company', 'firm', 'startup', 'maker', 'automaker', 'carmaker', 'chipmaker',
  'retailer', 'publisher', 'carrier', 'conglomerate', 'insurer', 'lender', 'brand', 'studio', 'giant', 'manufacturer']);

/**
 * A one-word "person" that no full name of the text contains, with words of business around its
 * mentions (`Yahoo's core business`, `the sale of Yahoo`), is a company: long articles introduce
 * people by their full name first. Two such words within three tokens of its mentions decide.
 */
function companiesNotPeople(toks: Token[], spans: TokenSpan[], names: string[]): void {
  const inFullNames = new Set<string>();
  for (const sp of spans) if (sp.type === 'person' && sp.b > sp.a) for (let i = sp.a; i <= sp.b; i++) inFullNames.add(toks[i].text);
  const orphans = new Set<string>();
  spans.forEach((sp, k) => { if (sp.type === 'person' && sp.a === sp.b && !inFullNames.has(names[k]) && !(sp.a > 0 && HONORIFIC.test(toks[sp.a - 1].text))) orphans.add(names[k]); });
  if (!orphans.size) return;
  const cues = new Map<string, number>();
  for (let i = 0; i < toks.length; i++) {
    if (!orphans.has(toks[i].text)) continue;
    for (let j = Math.max(0, i - 3); j <= Math.min(toks.length - 1, i + 3); j++) if (j !== i && CORPORATE.has(toks[j].text)) cues.set(toks[i].text, (cues.get(toks[i].text) ?? 0) + 1);
    // "Minecraft developer Mojang", "the search company Yahoo": a company's kind right before it decides.
    if (i > 0 && KIND_OF_COMPANY.has(toks[i - 1].text)) cues.set(toks[i].text, (cues.get(toks[i].text) ?? 0) + 2);
  }
  spans.forEach((sp, k) => { if (sp.type === 'person' && sp.a === sp.b && (cues.get(names[k]) ?? 0) >= 2 && orphans.has(names[k])) sp.type = 'org'; });
}

/**
 * "Federal Air Traffic Control Administration Director Branko Bilbija": an org that runs through a
 * post into a name is the body, then the post, then a person (two or three capitalised words).
 */
function withPostsSplit(toks: Token[], spans: TokenSpan[]): TokenSpan[] {
  let out: TokenSpan[] | null = null;
  for (let k = 0; k < spans.length; k++) {
    const sp = spans[k];
    let cut = -1;
    if (sp.type === 'org') for (let j = sp.a + 1; j < sp.b - 1 && cut < 0; j++) if (POST_LAST.has(toks[j].text)) cut = j;
    const name = sp.b - cut;
    let capitals = cut >= 0 && name >= 2 && name <= 3;
    for (let j = cut + 1; capitals && j <= sp.b; j++) capitals = isCapitalised(toks[j].text) && toks[j].text !== toks[j].text.toUpperCase();
    if (!capitals) {
      out?.push(sp);
      continue;
    }
    out ??= spans.slice(0, k);
    out.push({ type: 'org', a: sp.a, b: cut - 1 }, { type: 'person', a: cut + 1, b: sp.b });
  }
  return out ?? spans;
}

/** A country's name, or the end of one ("Kingdom" of "United Kingdom"). */
function isCountry(toks: Token[], sp: TokenSpan, name: string): boolean {
  return COUNTRIES.has(name) || (sp.a > 0 && !toks[sp.a].nl && COUNTRIES.has(`${toks[sp.a - 1].text} ${name}`));
}

/** Words of a post ("Security Editor", "Chief Executive"): a short org ending in one is a title. */
const POST_LAST = new Set(['Editor', 'Reporter', 'Correspondent', 'Columnist', 'Writer', 'Producer', 'Director', 'Officer',
  'Executive', 'Secretary', 'Minister', 'Chairman', 'Chairwoman', 'Spokesman', 'Spokeswoman', 'Analyst', 'Manager']);

/**
 * "since de Blasio took office" after "Bill de Blasio": a one-word name after a surname's particle,
 * when a full name of the text ends with the same particle and word, is that person, particle included.
 */
function withSurnameParticles(toks: Token[], spans: TokenSpan[], names: string[]): void {
  const surnames = new Set<string>();
  for (const sp of spans) if (sp.type === 'person' && sp.b - sp.a >= 2 && PARTICLES.has(toks[sp.b - 1].text)) surnames.add(`${toks[sp.b - 1].text} ${toks[sp.b].text}`);
  if (!surnames.size) return;
  spans.forEach((sp, k) => {
    if (sp.a !== sp.b || sp.a === 0 || !surnames.has(`${toks[sp.a - 1].text} ${names[k]}`)) return;
    sp.type = 'person';
    sp.a--;
  });
}

function spanText(toks: Token[], sp: TokenSpan): string {
  let s = toks[sp.a].text;
  for (let i = sp.a + 1; i <= sp.b; i++) s += (toks[i].start > toks[i - 1].end ? ' ' : '') + toks[i].text;
  return s;
}

/**
 * Per token: whether its line is in Title Case. A line counts when it has three or more words other
 * than minor ones, all capitalised, two of them after the first common words (see isCommon):
 * "Stella Kim, Jennifer Jett" is a byline, not a headline, and so is a line that starts with "By".
 * A line of one capitalised word is a label ("Photo", "Advertisement") and counts too.
 */
function titleCaseTokens(toks: Token[], isCommon: (lower: string) => boolean): Uint8Array {
  const out = new Uint8Array(toks.length);
  for (let a = 0; a < toks.length; ) {
    let b = a + 1;
    while (b < toks.length && !toks[b].nl) b++;
    // Words of the line: whether each is capitalised, and after the first, a common one.
    // A byline names its writers in capitals ("By Mark Rose and Bill Young"), and only there.
    let words = 0, common = 0, titleCase = !/^by$/i.test(toks[a].text);
    for (let i = a; i < b && titleCase; i++) {
      const w = toks[i].text;
      // Numbers ("the 20th Century") neither make nor break Title Case.
      if (!hasLetter(w) || w === "'s" || w === '’s' || (w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57)) continue;
      const capitalised = isCapitalised(w);
      if (!capitalised && i > a && MINOR.has(w)) continue;
      words++;
      titleCase = capitalised;
    }
    if (titleCase && words >= 3) {
      for (let i = a + 1; i < b && common < 2; i++) {
        const lower = toks[i].text.toLowerCase();
        if (isCapitalised(toks[i].text) && !MINOR.has(lower) && isCommon(lower)) common++;
      }
    }
    if (titleCase && (words === 1 || (words >= 3 && common >= 2))) out.fill(1, a, b);
    a = b;
  }
  return out;
}

/**
 * Which of the names of `spans` (in full, or a person's surname) stand in running text, outside
 * Title Case lines: one pass over the tokens, looking only where a sought name's first word is.
 */
function runningText(toks: Token[], headline: Uint8Array, spans: TokenSpan[]): Set<string> {
  const sought = new Map<string, number[]>(); // first word → lengths in tokens of the names it starts
  for (const sp of spans) {
    const parts: Array<[number, number]> = [[sp.a, sp.b]];
    if (sp.type === 'person' && sp.b > sp.a) parts.push([sp.b, sp.b]);
    for (const [a, b] of parts) {
      const lengths = sought.get(toks[a].text) ?? [];
      if (!lengths.includes(b - a)) lengths.push(b - a);
      sought.set(toks[a].text, lengths);
    }
  }
  const found = new Set<string>();
  for (let i = 0; i < toks.length; i++) {
    const lengths = headline[i] ? undefined : sought.get(toks[i].text);
    if (lengths) for (const n of lengths) if (i + n < toks.length) found.add(spanText(toks, { type: 'org', a: i, b: i + n }));
  }
  return found;
}

/**
 * The place a dateline opens a report with, in capitals: SPRINGFIELD of "SPRINGFIELD, Ill. (AP) —",
 * LONDON of "LONDON —". A place, not a person or a body.
 */
function isDatelinePlace(toks: Token[], sp: TokenSpan): boolean {
  if (!toks[sp.a].nl) return false;
  for (let i = sp.a; i <= sp.b; i++) if (/\p{Ll}/u.test(toks[i].text)) return false;
  let i = sp.b + 1;
  // A state or country after a comma (", Ill.", ", N.Y.", ", England"), in capitalised words.
  if (toks[i]?.text === ',') {
    i++;
    for (let n = 0; n < 4 && i < toks.length && /^(\p{Lu}[\p{L}.]*|\.)$/u.test(toks[i].text) && !toks[i].nl; n++) i++;
  }
  // The agency in brackets, in capitalised words: (AP), (Reuters), (Kyodo News).
  if (toks[i]?.text === '(') {
    let j = i + 1;
    while (j < toks.length && j <= i + 3 && /^\p{Lu}/u.test(toks[j].text)) j++;
    if (toks[j]?.text !== ')' || j === i + 1) return false;
    i = j + 1;
  }
  return /^[—–-]$/.test(toks[i]?.text ?? '') && !toks[i].nl;
}

/**
 * A one-word name that is a common word ("Potholes", "Businesses") where a sentence or line starts,
 * and capitalised nowhere else in running text but at such starts: capitals there say nothing.
 */
function isCommonWordAtStart(toks: Token[], sp: TokenSpan, lex: Lexicon, isCommon: (lower: string) => boolean, midCapitals: Set<string>): boolean {
  if (sp.a !== sp.b) return false;
  const w = toks[sp.a].text;
  if (w === w.toUpperCase() || !isCommon(w.toLowerCase()) || lex.first.has(w) || lex.last.has(w)) return false;
  return startsSentence(toks, sp.a) && !midCapitals.has(w);
}

/** Whether token `i` opens a sentence or a line (after opening quotes or brackets): its capital says nothing. */
export function startsSentence(toks: Token[], i: number): boolean {
  let j = i;
  while (j > 0 && !toks[j].nl && OPENER.test(toks[j - 1].text)) j--;
  if (j === 0 || toks[j].nl) return true;
  const p = toks[j - 1].text;
  return p === '.' || p === '!' || p === '?' || p === ':' || p === '|';
}

/**
 * One kind per name: a name read as a person in some places and an organization in others takes
 * the kind of most of its mentions. A one-word name counts as a person's once for each full name
 * that starts or ends with it (a given name or a surname), a name after an honorific twice (and is
 * a person's whatever the vote); a tie changes nothing.
 */
function voteKinds(toks: Token[], spans: TokenSpan[], names: string[]): void {
  const votes = new Map<string, number>(); // > 0: person
  const titled = spans.map((sp) => sp.a > 0 && HONORIFIC.test(toks[sp.a - 1].text));
  spans.forEach((sp, k) => votes.set(names[k], (votes.get(names[k]) ?? 0) + (titled[k] ? 2 : sp.type === 'person' ? 1 : -1)));
  for (const sp of spans) {
    if (sp.type !== 'person' || sp.b === sp.a) continue;
    // Either end: the surname comes first in `Yoon Suk Yeol`. Initials (`W.`) name nobody alone.
    for (const i of [sp.a, sp.b]) {
      const part = toks[i].text;
      if (part.length > 2 && votes.has(part)) votes.set(part, votes.get(part)! + 1);
    }
  }
  spans.forEach((sp, k) => {
    const v = votes.get(names[k]) ?? 0;
    if (titled[k] || v > 0) sp.type = 'person';
    else if (v < 0) sp.type = 'org';
  });
}
