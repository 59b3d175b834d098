/**
 * Span scoring compatible with shared/tools/score.mjs (exact and overlap, per type, duplicate spans
 * counted once), plus the attribute checks the recogniser issue asks for.
 */
export interface GoldEntity {
  type: string;
  start: number;
  end: number;
  text: string;
  kind?: string;
  numkind?: string;
  titles?: string[];
  org?: string | null;
  value?: number;
}
export interface Pred { type: string; start: number; end: number; titles?: string[]; org?: string | null; value?: number }
export interface Prf { p: number; r: number; f1: number; gold: number; pred: number }
export interface TypeScore { exact: Prf; overlap: Prf; kindRecall: Record<string, { gold: number; found: number }> }

const prf = (tpP: number, np: number, tpR: number, ng: number): Prf => {
  const p = np ? tpP / np : 0;
  const r = ng ? tpR / ng : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, gold: ng, pred: np };
};
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
function uniq<T extends { start: number; end: number }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((e) => !seen.has(`${e.start}:${e.end}`) && !!seen.add(`${e.start}:${e.end}`));
}

/** Scores one type over many records; `numberKinds` turns other gold number kinds into don't-care regions. */
export function scoreType(
  records: Array<{ gold: GoldEntity[]; pred: Pred[] }>,
  type: string,
  numberKinds?: string[],
): TypeScore {
  let ng = 0, np = 0, exactP = 0, exactR = 0, ovP = 0, ovR = 0;
  const kindRecall: TypeScore['kindRecall'] = {};
  for (const { gold, pred } of records) {
    let G = gold.filter((e) => e.type === type);
    let P = uniq(pred.filter((e) => e.type === type));
    if (type === 'number' && numberKinds) {
      const ignore = G.filter((e) => e.numkind && !numberKinds.includes(e.numkind));
      G = G.filter((e) => !ignore.includes(e));
      P = P.filter((p) => !(ignore.some((i) => overlaps(i, p)) && !G.some((g) => overlaps(g, p))));
    }
    G = uniq(G);
    ng += G.length;
    np += P.length;
    const goldKeys = new Set(G.map((e) => `${e.start}:${e.end}`));
    const predKeys = new Set(P.map((e) => `${e.start}:${e.end}`));
    exactP += P.filter((p) => goldKeys.has(`${p.start}:${p.end}`)).length;
    exactR += G.filter((g) => predKeys.has(`${g.start}:${g.end}`)).length;
    ovP += P.filter((p) => G.some((g) => overlaps(g, p))).length;
    ovR += G.filter((g) => P.some((p) => overlaps(g, p))).length;
    for (const g of G) {
      if (!g.kind) continue;
      const k = (kindRecall[g.kind] ??= { gold: 0, found: 0 });
      k.gold++;
      if (predKeys.has(`${g.start}:${g.end}`)) k.found++;
    }
  }
  return { exact: prf(exactP, np, exactR, ng), overlap: prf(ovP, np, ovR, ng), kindRecall };
}

const sameList = (a: string[] = [], b: string[] = []) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Attribute accuracy on exactly matched mentions: person titles and org, number value. */
export function scoreAttributes(records: Array<{ gold: GoldEntity[]; pred: Pred[] }>) {
  const acc = { titles: { n: 0, ok: 0 }, org: { n: 0, ok: 0 }, value: { n: 0, ok: 0 } };
  for (const { gold, pred } of records) {
    const byKey = new Map(pred.map((p) => [`${p.type}:${p.start}:${p.end}`, p]));
    for (const g of gold) {
      if (g.type === 'person') {
        const p = byKey.get(`person:${g.start}:${g.end}`);
        if (g.titles && g.titles.length) {
          acc.titles.n++;
          if (p && sameList(p.titles, g.titles)) acc.titles.ok++;
        }
        if (g.org) {
          acc.org.n++;
          if (p && p.org && (p.org === g.org || p.org.endsWith(g.org) || g.org.endsWith(p.org))) acc.org.ok++;
        }
      } else if (g.type === 'number') {
        const p = byKey.get(`number:${g.start}:${g.end}`);
        if (!p) continue;
        acc.value.n++;
        if (p.value === g.value) acc.value.ok++;
      }
    }
  }
  const rate = (x: { n: number; ok: number }) => ({ ...x, rate: x.n ? x.ok / x.n : 0 });
  return { titles: rate(acc.titles), org: rate(acc.org), value: rate(acc.value) };
}
