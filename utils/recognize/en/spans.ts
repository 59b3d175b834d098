/**
 * Turns the tagger's BIOES tags into entity spans over tokens, so rules can look at the words
 * around each name before it becomes a mention.
 */
import { TAGS } from './features';
import { CAPTION_LABELS, type Token } from './tokenize';

/** A tagged entity: token range [a, b] inclusive. */
export interface TokenSpan {
  type: 'person' | 'org';
  a: number;
  b: number;
}

/** Spans of a BIOES tag sequence whose tokens start at `offset` in the text's token list. */
export function tagsToSpans(tags: Uint8Array, offset: number, out: TokenSpan[] = []): TokenSpan[] {
  let start = -1;
  for (let i = 0; i < tags.length; i++) {
    const t = TAGS[tags[i]];
    const type = t.endsWith('PER') ? 'person' : 'org';
    if (t[0] === 'S') out.push({ type, a: offset + i, b: offset + i });
    else if (t[0] === 'B') start = i;
    else if (t[0] === 'E' && start >= 0) { out.push({ type, a: offset + start, b: offset + i }); start = -1; }
    else if (t[0] === 'O') start = -1;
  }
  return out;
}

/** Honorifics and titles that CoNLL keeps outside the name span: stripped if the tagger put them in, and never taken in as a name's first word (see withNameHeads). */
export const LEADING = /^(Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sen\.|Gov\.|Rep\.|Gen\.|Col\.|Lt\.|President|Senator|Governor|Mayor|Minister|Judge|Sir|Dame|Lord|Lady|Cardinal|Archbishop|Bishop|Pope|Emperor|Empress|King|Queen|Prince|Princess|Sheikh|Rev\.?|Reverend|Rabbi|Imam)$/;
/** Words that open or close the name of a place, not of a person or a body (`Mount Holyoke`, `Boulevard Montmartre`, `Times Square`). */
const PLACE_FIRST = /^(Mount|Mt\.|Lake|Fort|Port|Cape|Boulevard|Avenue|Rue|Via|Piazza)$/;
const PLACE_LAST = /^(Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Square|Lane|Drive|Parkway|Highway|River|Mountains?|Island|Islands|Bay|Valley|Beach|Canyon)$/;
/**
 * Words that close the name of a body, never a person's (`Getty Images`, `Reuters News`, `Whole
 * Foods`, `Sam's Club`): the kinds of bodies, and the plural nouns companies are named with.
 */
const ORG_LAST = /^(Images|Press|News|Media|Group|Inc\.?|Corp\.?|Ltd\.?|LLC|Co\.|University|College|Institute|Museum|Foundation|Agency|Council|Committee|Ministry|Department|Party|Bank|Times|Post|Journal|Association|Commission|Authority|Corporation|Company|Organization|Organisation|Society|Federation|Hospital|Club|Foods|Markets|Stores|Brands|Systems|Networks|Industries|Technologies|Holdings|Solutions|Airlines|Airways|Motors|Pictures|Records|Studios|Labs|Pharmaceuticals|Communications|Enterprises|Electronics|Logistics)$/;

/**
 * One-word spans that are the tail of a two-word name: a capitalised word that the text only ever
 * writes right after the same capitalised word (`Foods`, always in `Whole Foods`) is that name's
 * last word; the span takes the first. A word also written alone (`Obama` beside `President Obama`)
 * keeps its span. Without this, one `Foods` tagged alone made every `Foods` of the page a person.
 */
export function withNameHeads(toks: Token[], spans: TokenSpan[]): TokenSpan[] {
  let heads: Map<string, string | null> | null = null;
  let covered: Uint8Array | null = null;
  for (const sp of spans) {
    if (sp.a !== sp.b || sp.a === 0 || !CAPITALISED.test(toks[sp.a].text)) continue;
    heads ??= headsOfWords(toks);
    const head = heads.get(toks[sp.a].text);
    // A title before a name (President Obama, always so in a text) stays out of it.
    if (!head || LEADING.test(head) || toks[sp.a - 1].text !== head || toks[sp.a - 1].end + 1 !== toks[sp.a].start || toks[sp.a].nl) continue;
    if (covered === null) {
      covered = new Uint8Array(toks.length);
      for (const q of spans) for (let i = q.a; i <= q.b; i++) covered[i] = 1;
    }
    // The word before may be another span's (an org the tagger read as `Whole`): leave both.
    if (!covered[sp.a - 1]) sp.a--;
  }
  return spans;
}

const CAPITALISED = /^[A-Z][a-z]+$/;

/**
 * For each capitalised word written twice or more, the capitalised word always right before it
 * (one space apart), or null when it has none some of the time or changes.
 */
function headsOfWords(toks: Token[]): Map<string, string | null> {
  const heads = new Map<string, string | null>();
  const seen = new Map<string, number>();
  for (let i = 0; i < toks.length; i++) {
    const w = toks[i].text;
    if (!CAPITALISED.test(w)) continue;
    seen.set(w, (seen.get(w) ?? 0) + 1);
    const prev = i > 0 && !toks[i].nl && toks[i - 1].end + 1 === toks[i].start && CAPITALISED.test(toks[i - 1].text) ? toks[i - 1].text : null;
    if (!heads.has(w)) heads.set(w, prev);
    else if (heads.get(w) !== prev) heads.set(w, null);
  }
  for (const [w, n] of seen) if (n < 2) heads.set(w, null);
  return heads;
}

/**
 * Companies and brands known the world over whose names are nobody's surname: one of them alone,
 * which the tagger read as a person (`Sony's console`, `the last Xbox`), is a body. Names that are
 * also surnames (Ford, Dell, Disney, Tesla, Honda) are left out: a text about the person uses them alone.
 */
const BRANDS = new Set(['Sony', 'Xbox', 'PlayStation', 'Microsoft', 'Google', 'Samsung', 'Nintendo', 'Intel', 'Nvidia', 'NVIDIA',
  'Netflix', 'Facebook', 'Twitter', 'Uber', 'Huawei', 'Alibaba', 'Tencent', 'Baidu', 'Xiaomi', 'Lenovo', 'Qualcomm', 'Oracle',
  'Cisco', 'Adobe', 'Spotify', 'YouTube', 'Instagram', 'WhatsApp', 'TikTok', 'Snapchat', 'LinkedIn', 'Reddit', 'Airbnb', 'Lyft',
  'PayPal', 'eBay', 'Yahoo', 'Verizon', 'Comcast', 'Walmart', 'Costco', 'Starbucks', 'Boeing', 'Airbus', 'Volkswagen', 'Toyota',
  'Nissan', 'Hyundai', 'Siemens', 'Panasonic', 'Nokia', 'Ericsson', 'Vodafone', 'Gazprom', 'Pfizer', 'Moderna', 'Novartis',
  'Unilever', 'Nestle', 'Nestlé', 'Adidas', 'Nike', 'Ikea', 'IKEA', 'Lego', 'LEGO', 'Amazon', 'Apple', 'Instacart', 'DoorDash']);

/**
 * A one-word "person" that is a brand of BRANDS is a body, unless the text names a person whose
 * name ends with that word.
 */
function brandsApart(toks: Token[], spans: TokenSpan[]): void {
  let surnames: Set<string> | null = null;
  for (const sp of spans) {
    if (sp.type !== 'person' || sp.a !== sp.b || !BRANDS.has(toks[sp.a].text)) continue;
    surnames ??= new Set(spans.filter((q) => q.type === 'person' && q.b > q.a).map((q) => toks[q.b].text));
    if (!surnames.has(toks[sp.a].text)) sp.type = 'org';
  }
}

/** A US legislator's party and state in brackets: `(D-Mass.)`, `(R-Calif.)`, `(I-Vt.)`. */
const PARTY_STATE = /^[DRI]-[A-Z][A-Za-z]{1,12}\.?$/;

/**
 * Spans as a reader would draw them: a body whose name joins two fields with "and" after "of" or
 * "for" (`National Institute of Allergy and Infectious Diseases`, `Centers for Disease Control and
 * Prevention`) is one org, not an org and a name; a legislator's party and state (`D-Mass.`) and a
 * place (`Mount Holyoke`) are none; a name ending as bodies' names do (`Getty Images`) is an org,
 * and so is a founder's name with 's before one (`Sam's Club`) and a world brand read alone as a
 * person (`Sony`, see brandsApart).
 */
export function joinOrgNames(toks: Token[], input: TokenSpan[], words: FieldWords): TokenSpan[] {
  const spans = creditsApart(toks, input, words);
  brandsApart(toks, spans);
  const out: TokenSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    const sp = spans[k];
    if (sp.b > sp.a && (PLACE_FIRST.test(toks[sp.a].text) || PLACE_LAST.test(toks[sp.b].text))) continue;
    if (sp.type === 'person' && sp.b > sp.a && ORG_LAST.test(toks[sp.b].text)) sp.type = 'org';
    if (sp.a === sp.b && PARTY_STATE.test(toks[sp.a].text) && toks[sp.a - 1]?.text === '(') continue;
    const next = spans[k + 1];
    // A founder's name and a kind of body: `Sam's Club`, `McDonald's Corporation` is one body.
    if (next && next.a === sp.b + 2 && next.a === next.b && next.type === 'org' && /^['\u2019]s$/.test(toks[sp.b + 1].text) && ORG_LAST.test(toks[next.a].text)) {
      out.push({ type: 'org', a: sp.a, b: next.b });
      k++;
      continue;
    }
    if (sp.type === 'org' && next && next.a === sp.b + 2 && toks[sp.b + 1].text === 'and' && holdsOfOrFor(toks, sp) && isField(toks, next, words)) {
      out.push({ type: 'org', a: sp.a, b: next.b });
      k++;
      continue;
    }
    out.push(sp);
  }
  return out;
}

/** Labels a photo credit or caption opens with. */
const CREDIT_LABEL = new RegExp(`^(${CAPTION_LABELS})$`);

/**
 * Photo credits as pages print them, `CreditChang W. Lee/The New York Times`: the label glued to the
 * name is no part of it, and a slash parts the photographer (a person, when a given name opens it)
 * from the agency.
 */
function creditsApart(toks: Token[], spans: TokenSpan[], words: FieldWords): TokenSpan[] {
  const out: TokenSpan[] = [];
  for (const sp of spans) {
    let a = sp.a;
    while (a < sp.b && CREDIT_LABEL.test(toks[a].text) && toks[a + 1].start === toks[a].end) a++;
    let slash = -1;
    for (let i = a + 1; i < sp.b; i++) if (toks[i].text === '/') { slash = i; break; }
    if (slash < 0) {
      out.push(a === sp.a ? sp : { type: sp.type, a, b: sp.b });
      continue;
    }
    out.push({ type: words.givenName(toks[a].text) ? 'person' : sp.type, a, b: slash - 1 });
    out.push({ type: 'org', a: slash + 1, b: sp.b });
  }
  return out;
}

/** Whether the span has "of" or "for" between its first and last word. */
function holdsOfOrFor(toks: Token[], sp: TokenSpan): boolean {
  for (let i = sp.a + 1; i < sp.b; i++) if (toks[i].text === 'of' || toks[i].text === 'for') return true;
  return false;
}

/** What joinOrgNames asks of the tagger's lexicon. */
export interface FieldWords {
  /** Whether a lower-cased word is an everyday word. */
  common(lower: string): boolean;
  /** Whether a word is a known given name. */
  givenName(word: string): boolean;
}

/**
 * A field a body is named for after its "and": capitalised everyday words (`Human Services`), or
 * what the tagger took for a person without a given name (`Infectious Diseases`); never a name
 * (`Google`, `Barclays`).
 */
function isField(toks: Token[], sp: TokenSpan, words: FieldWords): boolean {
  if (sp.type === 'person' && !words.givenName(toks[sp.a].text)) return true;
  for (let i = sp.a; i <= sp.b; i++) if (!/^\p{Lu}/u.test(toks[i].text) || !words.common(toks[i].text.toLowerCase())) return false;
  return true;
}
