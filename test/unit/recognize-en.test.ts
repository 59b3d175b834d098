import { describe, expect, it } from 'vitest';
import { findEnEntities } from '../../utils/recognize/en';
import { orgKind } from '../../utils/recognize/en/orgkind';
import { loadModel, tagWords } from '../../utils/recognize/en/tagger';
import { tokenize } from '../../utils/recognize/en/tokenize';
import type { OrgMention, PersonMention } from '../../utils/recognize/types';

const people = (text: string) => findEnEntities(text).filter((m): m is PersonMention => m.type === 'person');
const orgs = (text: string) => findEnEntities(text).filter((m): m is OrgMention => m.type === 'org');

function expectWellFormed(text: string) {
  const ms = findEnEntities(text);
  let last = 0;
  const bad = ms.filter((m) => {
    const ok = m.start >= last && m.end > m.start && m.end <= text.length && text.slice(m.start, m.end) === m.text;
    last = m.end;
    return !ok;
  });
  expect(bad).toEqual([]);
  return ms;
}

describe('English tokeniser', () => {
  it('parts a caption label from the word it was glued to, and nothing else', () => {
    expect(tokenize('CreditKirsten Luce, PhotoJohn, Photography, Sourcebooks').map((t) => t.text)).toEqual(
      ['Credit', 'Kirsten', 'Luce', ',', 'Photo', 'John', ',', 'Photography', ',', 'Sourcebooks']);
  });

  it('keeps CoNLL-like tokens with offsets', () => {
    const text = "Sen. John McCain said the U.S. didn't back AT&T's 1,000.5 bid.";
    const toks = tokenize(text);
    expect(toks.map((t) => t.text)).toEqual(['Sen.', 'John', 'McCain', 'said', 'the', 'U.S.', 'did', "n't", 'back', 'AT&T', "'s", '1,000.5', 'bid', '.']);
    for (const t of toks) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe('English people and titles', () => {
  it('keeps a religious or royal title out of the name and a regnal number in it', () => {
    expect(people('Cardinal Bernardin says he is ready. Pope John Paul II visited Manila.').map((p) => p.text)).toEqual(['Bernardin', 'John Paul II']);
  });

  it('takes no common word for a surname where a sentence starts with it ("Neon signs" after "Be Neon")', () => {
    const text = 'Shops hire firms such as Let There Be Neon in Manhattan to make signs. Neon signs still glow over old diners, though neon itself is costly. Neon lighting is a catchall term.';
    const starts = [...text.matchAll(/\. Neon/g)].map((m) => m.index + 2);
    expect(people(text).filter((p) => starts.includes(p.start))).toEqual([]);
  });

  it('attaches a title before the name and marks public office', () => {
    const [p] = people('Secretary of State Antony Blinken arrived in Paris on Monday for talks.');
    expect(p).toMatchObject({ text: 'Antony Blinken', titles: ['Secretary of State'], official: true });
  });

  it('reads abbreviated titles and keeps them out of the span', () => {
    const ps = people('Sen. John McCain and Gov. Gavin Newsom spoke to reporters on Tuesday.');
    expect(ps.map((p) => [p.text, p.titles, p.official])).toEqual([
      ['John McCain', ['Sen.'], true],
      ['Gavin Newsom', ['Gov.'], true],
    ]);
  });

  it('takes the body of the title from `X of the Department` and from `Department X`', () => {
    const [a] = people('A spokesman for the Department of Justice, John Smith, declined to comment.');
    expect(a).toMatchObject({ text: 'John Smith', titles: ['spokesman'], org: 'Department of Justice', official: true });
    const [b] = people('Justice Department spokesman Peter Carr said the inquiry would continue.');
    expect(b).toMatchObject({ text: 'Peter Carr', titles: ['spokesman'], org: 'Justice Department', official: true });
  });

  it('does not make a company chief executive an official', () => {
    const [p] = people('Microsoft chief executive Satya Nadella said sales rose in the quarter.');
    expect(p).toMatchObject({ text: 'Satya Nadella', titles: ['chief executive'], org: 'Microsoft', official: false });
  });

  it('reads an appositive title after the name', () => {
    const [p] = people('John Smith, a spokesman for the Ministry of Defence, said on Tuesday that troops would stay.');
    expect(p).toMatchObject({ text: 'John Smith', titles: ['spokesman'], org: 'Ministry of Defence', official: true });
  });
});

describe('English organizations', () => {
  it('marks government bodies as gov and media as other', () => {
    const os = orgs('The Federal Reserve and the Justice Department were criticised, Reuters reported on Friday.');
    const byText = Object.fromEntries(os.map((o) => [o.text, o.kind]));
    expect(byText['Federal Reserve']).toBe('gov');
    expect(byText['Justice Department']).toBe('gov');
    expect(byText.Reuters).toBe('other');
    expect(os.some((o) => o.text.startsWith('the '))).toBe(false);
  });

  it('reads a body named for two fields joined by "and" as one, but not two bodies or a body and a person', () => {
    const text = 'Dr. Anthony Fauci, director of the National Institute of Allergy and Infectious Diseases, said so.';
    expect(orgs(text).map((o) => o.text)).toEqual(['National Institute of Allergy and Infectious Diseases']);
    expect(people(text).map((p) => p.text)).toEqual(['Anthony Fauci']);
    expect(orgs('The University of Texas and Google signed a deal.').map((o) => o.text)).toEqual(['University of Texas', 'Google']);
    expect(people('The Ministry of Defence and John Smith agreed.').map((p) => p.text)).toEqual(['John Smith']);
  });

  it('marks every mention of a body the tagger named once or twice, but not a longer name that starts with it', () => {
    const text = 'Verizon agreed to buy Yahoo on Monday. Analysts said Yahoo had few options. Yahoo Japan is a separate company, and Yahoo shares rose.';
    const found = findEnEntities(text).filter((m) => /^Yahoo/.test(m.text)).map((m) => m.text);
    expect(found.filter((t) => t === 'Yahoo').length).toBeGreaterThanOrEqual(3);
    expect(findEnEntities(text).some((m) => m.text === 'Yahoo' && m.start === text.indexOf('Yahoo Japan'))).toBe(false);
  });

  it('reads a photo credit: the label glued to the name is no part of it, the slash parts photographer and agency', () => {
    const text = 'Pipes burst underground.CreditChang W. Lee/The New York Times\nA crew at work. PhotoJohn Minchillo/AP';
    const found = findEnEntities(text).map((m) => [m.type, m.text]);
    expect(found).toContainEqual(['person', 'Chang W. Lee']);
    expect(found).toContainEqual(['org', 'The New York Times']);
    expect(found).toContainEqual(['person', 'John Minchillo']);
    expect(found.some(([, t]) => /Credit|Photo|\//.test(t))).toBe(false);
  });

  it('takes a place for no name and a name ending as bodies\' names do for an org', () => {
    const ms = findEnEntities('She studied at Mount Holyoke and walked along Boulevard Montmartre to Times Square. Photo by Ezra Acayan/Getty Images.');
    expect(ms.filter((m) => /Holyoke|Montmartre|Square/.test(m.text))).toEqual([]);
    expect(ms.find((m) => m.text === 'Getty Images')?.type).toBe('org');
  });

  it('reads a word only ever written after the same capitalised word as that name\'s last word (Whole Foods), never a person alone', () => {
    const text = 'Forte said he expects Amazon to continue its aggressive moves on grocery pricing at Whole Foods. But he wonders when the price cuts will be broader. Whole Foods said it has lowered prices on hundreds of items. Amazon bought Whole Foods in August 2017. Within months, Whole Foods was selling cheaper eggs.';
    const ms = findEnEntities(text);
    expect(ms.filter((m) => m.text === 'Foods')).toEqual([]);
    expect(ms.filter((m) => m.text === 'Whole Foods').map((m) => m.type)).toEqual(['org', 'org', 'org', 'org']);
    // a surname also written alone keeps its own mentions
    expect(people('President Obama spoke. Later Obama left, and President Obama returned.').map((p) => p.text)).toContain('Obama');
    // a title always before the name stays out of it
    expect(people('President Obama spoke on Monday. President Obama then left for Ohio, where President Obama met voters.').map((p) => p.text)).toEqual(['Obama', 'Obama', 'Obama']);
  });

  it('takes a world brand the tagger read as a person alone for a body (Sony), but not a person\'s surname', () => {
    const text = 'The One X costs $500, while Sony\'s console launched at $400. Microsoft is on equal footing with Sony\'s PlayStation 4 Pro.';
    expect(findEnEntities(text).filter((m) => m.text === 'Sony').every((m) => m.type === 'org')).toBe(true);
    expect(people('Actress Jane Nintendo arrived. Nintendo said she was happy.').map((p) => p.text)).toContain('Jane Nintendo');
  });

  it('joins a founder\'s name and a kind of body into one (Sam\'s Club)', () => {
    expect(orgs('Shoppers compared Costco and Sam’s Club.').map((o) => o.text)).toEqual(['Costco', 'Sam’s Club']);
  });

  it('takes a legislator\'s party and state for no name', () => {
    const ms = findEnEntities('Sen. Elizabeth Warren (D-Mass.) and Rep. Kevin McCarthy (R-Calif.) clashed over the bill.');
    expect(ms.map((m) => m.text)).toEqual(['Elizabeth Warren', 'Kevin McCarthy']);
  });

  it('classifies names by kind', () => {
    expect(orgKind('Ministry of Finance')).toBe('gov');
    expect(orgKind('New York Police Department')).toBe('gov');
    expect(orgKind('Senate')).toBe('gov');
    expect(orgKind('Manchester City Council')).toBe('gov');
    expect(orgKind('Microsoft Corp.')).toBe('other');
    expect(orgKind('Xinhua')).toBe('other');
  });
});

describe('English recogniser robustness', () => {
  it('returns valid, sorted, non-overlapping spans on news text', () => {
    const text =
      'WASHINGTON (Reuters) - President Bill Clinton met Israeli Prime Minister Benjamin Netanyahu at the White House.\n' +
      'Clinton told the Senate Foreign Relations Committee that the State Department would act. Netanyahu agreed.';
    const ms = expectWellFormed(text);
    expect(ms.some((m) => m.type === 'person' && m.text === 'Bill Clinton' && m.official)).toBe(true);
  });

  it('never throws on adversarial input', () => {
    const inputs = [
      '',
      ' ',
      '\ud800\udc00\ud800 lone \udfff surrogates John Smith',
      '\u0000\u0001\u0007 control \u001b[31m chars Mr. Smith \u007f',
      "'''---...,,,&&&",
      'A.B.C.D.E.F.G.H.I.J.K.L.M.N.O.P',
      'Mc'.repeat(5000),
      'The '.repeat(3000) + 'President',
      'x'.repeat(100_000),
      'John Smith said. '.repeat(2000),
    ];
    for (const text of inputs) expectWellFormed(text);
  });

  it('handles a 1 MB text', () => {
    const sentence = 'Foreign Minister Yevgeny Primakov told the Duma on Tuesday that Gazprom would pay 1,000 roubles. ';
    const text = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    const ms = expectWellFormed(text);
    expect(ms.length).toBeGreaterThan(10_000);
  });

  it('decodes an empty or malformed model without throwing', () => {
    expect(tagWords(['John', 'Smith'], loadModel('')).length).toBe(2);
    expect(tagWords(['John'], loadModel('en1\n1,2,x\n\n,,:wjohn ::: bad')).length).toBe(1);
  });
});
