import { describe, expect, it } from 'vitest';
import { findEnEntities } from '../../utils/recognize/en';
import { reconcileSpans } from '../../utils/recognize/en/discourse';
import type { Lexicon } from '../../utils/recognize/en/features';
import type { TokenSpan } from '../../utils/recognize/en/spans';
import { tokenize, type Token } from '../../utils/recognize/en/tokenize';

/** A lexicon as training writes it, small: the words the tagger saw in lower case, and known given names and surnames. */
const lex = (lower: string[] = [], first: string[] = [], last: string[] = []): Lexicon => ({
  first: new Set(first), last: new Set(last), org: new Set(), orgEnd: new Set(), lower: new Set(lower),
});

/** The tagger's spans as a test states them, in text order: each [kind, name] where the name next stands after the one before. */
function spansOf(toks: Token[], text: string, tagged: Array<['person' | 'org', string]>): TokenSpan[] {
  let from = 0;
  return tagged.map(([type, name]) => {
    const at = text.indexOf(name, from);
    if (at < 0) throw new Error(`no ${name} in the text`);
    from = at + name.length;
    const a = toks.findIndex((t) => t.start === at);
    const b = toks.findIndex((t) => t.end === at + name.length);
    return { type, a, b };
  });
}

/** reconcileSpans over the text, as [kind, name] pairs. */
function reconcile(text: string, tagged: Array<['person' | 'org', string]>, lexicon = lex()): Array<[string, string]> {
  const toks = tokenize(text);
  return reconcileSpans(toks, spansOf(toks, text, tagged), lexicon).map((sp) => [sp.type, text.slice(toks[sp.a].start, toks[sp.b].end)]);
}

/** Running text of about 120 tokens that names nobody, so a text has enough of its own besides its headlines. */
const FILLER = Array.from({ length: 12 }, (_, i) => `the crews worked through night ${i} and the streets stayed open for traffic.`).join(' ');

describe('English names read across the whole text', () => {
  it('gives a name read two ways the kind most of its mentions have, a full name counting for its surname', () => {
    const text = 'Ian Michaels runs the repairs. Michaels said the pipes froze. Crews that Michaels sent were late.';
    // Michaels: one person and one organization reading, and the full name tips it.
    expect(reconcile(text, [['person', 'Ian Michaels'], ['person', 'Michaels'], ['org', 'Michaels']])).toEqual([
      ['person', 'Ian Michaels'], ['person', 'Michaels'], ['person', 'Michaels'],
    ]);
  });

  it('counts a full name for its first word too, as names that put the surname first need', () => {
    const text = 'President Yoon Suk Yeol spoke. Yoon left. Yoon Suk Yeol returned. Critics of Yoon protested.';
    // Yoon alone: read once each way, a tie the full names break.
    expect(reconcile(text, [['person', 'Yoon Suk Yeol'], ['org', 'Yoon'], ['person', 'Yoon Suk Yeol'], ['person', 'Yoon']]).map(([k]) => k)).toEqual(['person', 'person', 'person', 'person']);
  });

  it('leaves a name whose readings are tied as the tagger read each, and follows a clear majority of organizations', () => {
    const tied = 'Yahoo fell. Yahoo rose.';
    expect(reconcile(tied, [['person', 'Yahoo'], ['org', 'Yahoo']])).toEqual([['person', 'Yahoo'], ['org', 'Yahoo']]);
    const text = 'Yahoo fell. Yahoo rose. Yahoo closed.';
    expect(reconcile(text, [['person', 'Yahoo'], ['org', 'Yahoo'], ['org', 'Yahoo']]).map(([k]) => k)).toEqual(['org', 'org', 'org']);
  });

  it('reads a one-word "person" no full name holds, with business words around it, as a company', () => {
    const text = `Yahoo said its board met. Investors of Yahoo want the sale of its core business. Marissa Mayer said so. ${FILLER}`;
    expect(reconcile(text, [['person', 'Yahoo'], ['person', 'Yahoo'], ['person', 'Marissa Mayer']])).toEqual([
      ['org', 'Yahoo'], ['org', 'Yahoo'], ['person', 'Marissa Mayer'],
    ]);
    // a surname the text gave in full stays a person, whatever business is near it
    const named = `Marissa Mayer leads the company. Mayer said the board and investors agreed to the sale. ${FILLER}`;
    expect(reconcile(named, [['person', 'Marissa Mayer'], ['person', 'Mayer']]).map(([k]) => k)).toEqual(['person', 'person']);
    // a company's kind right before the name is enough ("game developer Mojang")
    const kind = `He reported the bug to game developer Mojang. Mojang has not answered. ${FILLER}`;
    expect(reconcile(kind, [['person', 'Mojang'], ['person', 'Mojang']]).map(([k]) => k)).toEqual(['org', 'org']);
  });

  it('reads a name after Mr., Mrs., Ms. or Dr. as a person whatever the other mentions say', () => {
    const text = 'Con Edison crews came. Mr. Edison said nothing. Edison shares fell. Edison bonds rose.';
    const out = reconcile(text, [['org', 'Con Edison'], ['org', 'Edison'], ['org', 'Edison'], ['org', 'Edison']]);
    expect(out[1]).toEqual(['person', 'Edison']);
  });

  it('drops a name found only in a Title Case headline when the running text never names it', () => {
    const text = `Manhole Fires and Burst Pipes: How Winter Wreaks Havoc Under the Streets\n${FILLER}`;
    expect(reconcile(text, [['org', 'Manhole Fires'], ['person', 'Wreaks Havoc']], lex(['fires', 'pipes', 'winter']))).toEqual([]);
  });

  it('keeps a headline name the running text names again, in full or by surname', () => {
    const text = `Vidyard Launches New Tools as Patrick McHugh Steps Down\n${FILLER} Vidyard said so, and McHugh agreed.`;
    const out = reconcile(text, [['org', 'Vidyard'], ['person', 'Patrick McHugh'], ['org', 'Vidyard'], ['person', 'McHugh']], lex(['new', 'tools', 'steps']));
    expect(out).toEqual([['org', 'Vidyard'], ['person', 'Patrick McHugh'], ['org', 'Vidyard'], ['person', 'McHugh']]);
  });

  it('drops a one-word label line (Photo, Advertisement) that the running text never names', () => {
    const text = `Photo\n${FILLER}\nAdvertisement`;
    expect(reconcile(text, [['person', 'Photo'], ['org', 'Advertisement']])).toEqual([]);
  });

  it('does not take a byline of names for a headline, nor doubt headlines in a text with no running text of its own', () => {
    const byline = `Stella Kim, Jennifer Jett\n${FILLER}`;
    expect(reconcile(byline, [['person', 'Stella Kim'], ['person', 'Jennifer Jett']]).length).toBe(2);
    // Given names that are common words too, after "By": still a byline.
    const by = `By Mark Rose and Bill Young\n${FILLER}`;
    expect(reconcile(by, [['person', 'Mark Rose'], ['person', 'Bill Young']], lex(['mark', 'rose', 'bill', 'young'])).length).toBe(2);
    // A results line is all capitals and the whole text: nothing else could name its teams again.
    const results = 'At Headingley: Yorkshire 290 and 329 (R. Kettleborough 108, P. Such 8-118), Essex 372 and 100-5.';
    expect(reconcile(results, [['org', 'Yorkshire'], ['person', 'R. Kettleborough'], ['person', 'P. Such'], ['org', 'Essex']], lex(['at', 'such'])).length).toBe(4);
  });

  it('drops a common word capitalised only because a sentence starts with it', () => {
    const text = `${FILLER} Potholes form when water seeps into cracks. The city fills potholes in spring.`;
    expect(reconcile(text, [['org', 'Potholes']])).toEqual([]);
    // …also after an opening quote, and in the plural of a word the tagger saw in lower case
    const quoted = `${FILLER}\n“Businesses are quickly changing,” he said.`;
    expect(reconcile(quoted, [['org', 'Businesses']], lex(['business']))).toEqual([]);
  });

  it('reads a given name, an initial and a surname as a person, and a credential after a name as nothing', () => {
    const text = 'Reviewed by Hansa D. Bhargava, MD, on Friday.';
    expect(reconcile(text, [['org', 'Hansa D. Bhargava'], ['org', 'MD']])).toEqual([['person', 'Hansa D. Bhargava']]);
  });

  it('takes the capitals a dateline opens with for a place, not a name', () => {
    const text = 'SPRINGFIELD, Ill. (AP) — The council approved the budget, the AP said.';
    expect(reconcile(text, [['org', 'SPRINGFIELD'], ['org', 'AP']])).toEqual([['org', 'AP']]);
    // a name in capitals before a bracket that is no agency, and a dash: no dateline
    expect(reconcile('NATO (the alliance) - members met on Tuesday.', [['org', 'NATO']])).toEqual([['org', 'NATO']]);
  });

  it('takes no connective, nationality, faith or country for a name, nor a post for a body', () => {
    const text = 'Nonetheless, the mostly Muslim nation of Tunisia, an Arab Spring success, faced radical Muslims. ' +
      'The museum holds Roman mosaics. Seoul sees a bulwark against North Korea. 7. United Kingdom. ' +
      'Dan Goodin is the Security Editor.';
    const tagged: Array<['person' | 'org', string]> = [['org', 'Nonetheless'], ['org', 'Muslim'], ['person', 'Arab Spring'], ['org', 'Muslims'],
      ['person', 'Roman'], ['person', 'North Korea'], ['person', 'Kingdom'], ['person', 'Dan Goodin'], ['org', 'Security Editor']];
    expect(reconcile(text, tagged)).toEqual([['person', 'Dan Goodin']]);
  });

  it('gives a bio\'s first word back to its sentence, and reads capitals then lower case as a brand', () => {
    const text = 'Dan Goodin Dan is the editor. CNNMoney (New York) First published today.';
    expect(reconcile(text, [['person', 'Dan Goodin Dan'], ['person', 'CNNMoney']])).toEqual([['person', 'Dan Goodin'], ['org', 'CNNMoney']]);
  });

  it('parts an org that runs through a post into a name: the body, then the person', () => {
    const text = 'Federal Air Traffic Control Administration Director Branko Bilbija said flights were safe.';
    expect(reconcile(text, [['org', 'Federal Air Traffic Control Administration Director Branko Bilbija']])).toEqual([
      ['org', 'Federal Air Traffic Control Administration'], ['person', 'Branko Bilbija'],
    ]);
    // a post that ends the name, or one followed by more of the body, parts nothing
    expect(reconcile('The Board of Directors met.', [['org', 'Board of Directors']])).toEqual([['org', 'Board of Directors']]);
  });

  it('reads a surname with its particle after the full name (de Blasio after Bill de Blasio) as that person', () => {
    const text = 'Mayor Bill de Blasio spoke. Repairs rose since de Blasio took office.';
    expect(reconcile(text, [['person', 'Bill de Blasio'], ['org', 'Blasio']])).toEqual([['person', 'Bill de Blasio'], ['person', 'de Blasio']]);
  });

  it('reads a headline with a number in it as Title Case, and a capital inside a longer name as no evidence', () => {
    const text = `Why Neon Is the Ultimate Symbol of the 20th Century\n${FILLER} Neon signs glow, and neon is costly. The Neon Museum opened.`;
    expect(reconcile(text, [['person', 'Ultimate Symbol'], ['person', 'Neon']], lex(['ultimate', 'symbol', 'century']))).toEqual([]);
  });

  it('keeps a capitalised word that the text also capitalises inside a sentence, or that is a known name', () => {
    const text = 'Control was lost. The astronauts radioed Mission Control and Control answered.';
    expect(reconcile(text, [['org', 'Control'], ['org', 'Control']], lex(['control']))).toHaveLength(2);
    const bush = 'Bush said the bush fire was out.';
    expect(reconcile(bush, [['person', 'Bush']], lex(['bush'], [], ['Bush']))).toEqual([['person', 'Bush']]);
  });
});

describe('English names on a web page, through the tagger', () => {
  // The page's text as the content script maps it: a headline in Title Case, then the report.
  const page = [
    'Burst Pipes and Frozen Mains: How Winter Tests the City Beneath the Streets',
    'Photo',
    'Every winter, the water department answers hundreds of calls about frozen mains. “Pipes break when the ground freezes and thaws,” said Ian Michaels, a spokesman for the department.',
    'Crews work through the night to repair them, Mr. Michaels said. He added that the department had hired more workers this year, and that the repairs would cost more than last year.',
    'Potholes form when water seeps into cracks in the asphalt and freezes. The city fills potholes in the spring, when the asphalt plants open again.',
  ].join('\n');

  it('keeps the people of the report and one kind for each, and nothing of the headline or the photo label', () => {
    const found = findEnEntities(page).map((m) => [m.type, m.text]);
    expect(found).toContainEqual(['person', 'Ian Michaels']);
    expect(found).toContainEqual(['person', 'Michaels']);
    const headlineEnd = page.indexOf('\n');
    expect(findEnEntities(page).filter((m) => m.start < headlineEnd || /^(Photo|Potholes)$/.test(m.text))).toEqual([]);
  });
});
