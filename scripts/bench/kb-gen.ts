/**
 * Grows a knowledge base of a given size from real text, for the scale benchmark. Pure: runs in
 * Node (to check sizes) and in the page (bundled). Replicas of real articles get distinct URLs and
 * texts; their names are remapped onto a universe of real names (plus surname variants of real
 * person names once those run out), so entity counts, mention counts and frequency skew are set
 * by the scale while every string still comes from the development data.
 */
import { normalizeName } from '@/utils/recognize/known';
import type { Mention } from '@/utils/recognize/types';
import type { ArticleInput } from '@/utils/messages';

/** One real article: text and what our recogniser found in it (offsets into `text`). */
export interface BaseArticle {
  title: string;
  text: string;
  mentions: Mention[];
}

/** The size the brief asks for at 100 %. */
export const FULL = { entities: 20_000, mentions: 500_000, notes: 5_000 };

const named = (m: Mention) => m.type === 'person' || m.type === 'org';
/** Fraction of each type's real names (the most frequent) that keeps its own name in every replica: the frequent entities. */
const HEAD = 0.05;
/** Step that moves the other names through the universe from one replica to the next (coprime to most sizes). */
const STEP = 7919;

/** Distinct names of one type in the base, most frequent first. */
function ranked(base: BaseArticle[], type: 'person' | 'org'): string[] {
  const counts = new Map<string, number>();
  for (const a of base) for (const m of a.mentions) if (m.type === type) counts.set(normalizeName(m.text), (counts.get(normalizeName(m.text)) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([n]) => n);
}

/** `size` person names: the real ones, then real given names with other real surnames. */
function personUniverse(real: string[], size: number): string[] {
  const out = real.slice(0, size);
  if (out.length >= size) return out;
  const seen = new Set(out);
  const surnames = [...new Set(real.filter((n) => n.length >= 2 && n.length <= 3).map((n) => n[0]))];
  for (const s of surnames) {
    for (const n of real) {
      if (n.length < 2 || n.length > 3) continue;
      const v = s + n.slice(1);
      if (!seen.has(v)) {
        seen.add(v);
        out.push(v);
        if (out.length >= size) return out;
      }
    }
  }
  return out;
}

/** Makes replica `r` of base article `b` for a knowledge base at `scale` (1 = FULL): what recordReading takes. */
export function replicator(base: BaseArticle[], scale: number): (b: number, r: number) => { article: ArticleInput; mentions: Mention[] } {
  const people = ranked(base, 'person');
  const orgs = ranked(base, 'org');
  const entities = Math.max(10, Math.round(FULL.entities * scale));
  const orgShare = orgs.length / (orgs.length + people.length);
  const uOrg = orgs.slice(0, Math.max(2, Math.round(entities * orgShare)));
  const uPerson = personUniverse(people, entities - uOrg.length);
  const rank = { person: new Map(people.map((n, i) => [n, i])), org: new Map(orgs.map((n, i) => [n, i])) };
  const pick = (type: 'person' | 'org', name: string, r: number) => {
    const u = type === 'person' ? uPerson : uOrg;
    const k = rank[type].get(normalizeName(name)) ?? 0;
    const head = Math.min(u.length - 1, Math.ceil(rank[type].size * HEAD));
    if (k < head) return u[k];
    return u[head + ((k - head + r * STEP) % (u.length - head))];
  };
  return (b, r) => {
    const src = base[b % base.length];
    const sorted = [...src.mentions].sort((x, y) => x.start - y.start);
    let text = '';
    let at = 0;
    const mentions: Mention[] = [];
    for (const m of sorted) {
      if (m.start < at) continue;
      text += src.text.slice(at, m.start);
      const start = text.length;
      const name = named(m) ? pick(m.type as 'person' | 'org', m.text, r) : m.text;
      text += name;
      mentions.push({ ...m, start, end: text.length, text: name } as Mention);
      at = m.end;
    }
    text += src.text.slice(at) + `\n（第${r + 1}次转载）`;
    return {
      article: {
        url: `https://news.example.com/bench/${r}/${b}.html`,
        canonicalUrl: null,
        siteName: '人民网',
        title: r === 0 ? src.title : `${src.title}（${r + 1}）`,
        publishedAt: new Date(Date.UTC(1998, 0, 1) + (r * base.length + b) * 3_600_000).toISOString(),
        lang: 'zh',
        text,
      },
      mentions,
    };
  };
}

/** The articles of a knowledge base at `scale`, in reading order, until it holds that many person/org mentions. */
export function* replicaArticles(base: BaseArticle[], scale: number): Generator<{ article: ArticleInput; mentions: Mention[] }> {
  const make = replicator(base, scale);
  const target = Math.round(FULL.mentions * scale);
  let total = 0;
  for (let r = 0; total < target; r++) {
    for (let b = 0; b < base.length && total < target; b++) {
      const one = make(b, r);
      total += one.mentions.filter(named).length;
      yield one;
    }
  }
}

/** Note texts: real sentences of the base articles. */
export function noteTexts(base: BaseArticle[], n: number): string[] {
  const sentences = base.flatMap((a) => a.text.split(/(?<=[。！？])/).map((s) => s.trim()).filter((s) => s.length >= 8));
  return Array.from({ length: n }, (_, i) => sentences[(i * 31) % sentences.length]);
}
