/**
 * Chinese people and organizations: rule spans (title chains, agencies, bylines, units, schools,
 * media) with their attributes, `该局` resolved to the article's bureau.
 */
import type { OrgMention, PersonMention } from '../types';
import { findOrgs, type OrgSpan } from './orgs';
import { findPersons, type PersonSpan } from './persons';

/** People and organizations in squeezed Chinese text, offsets into that text. */
export function findZhEntities(text: string): Array<PersonMention | OrgMention> {
  if (!text) return [];
  const orgs = findOrgs(text);
  const persons = findPersons(text, orgs);
  const out: Array<PersonMention | OrgMention> = [];
  for (const o of orgs) out.push(toOrg(text, o));
  for (const p of persons) out.push(toPerson(text, p, orgs));
  return out.sort((a, b) => a.start - b.start);
}

function toOrg(text: string, o: OrgSpan): OrgMention {
  const m: OrgMention = { type: 'org', start: o.start, end: o.end, text: text.slice(o.start, o.end), kind: o.kind };
  if (o.parent) { m.parent = o.parent; m.unit = o.unit; }
  return m;
}

function toPerson(text: string, p: PersonSpan, orgs: OrgSpan[]): PersonMention {
  let org: string | null = p.orgSpan ? text.slice(p.orgSpan.start, p.orgSpan.end) : null;
  if (!org && p.orgRef) org = resolveRef(text, p.orgRef, p.start, orgs);
  const m: PersonMention = { type: 'person', start: p.start, end: p.end, text: text.slice(p.start, p.end), titles: p.titles, org, official: p.official };
  if (p.role) m.role = p.role;
  return m;
}

/** `该局` is the nearest bureau the article names before it (or, failing that, after it). */
export function resolveRef(text: string, ref: string, at: number, orgs: OrgSpan[]): string | null {
  const tail = ref.slice(1);
  const fits = (o: OrgSpan) => text.slice(o.start, o.end).endsWith(tail) || (o.unit ?? '').endsWith(tail) || (o.parent ?? '').endsWith(tail);
  const name = (o: OrgSpan) => {
    const full = text.slice(o.start, o.end);
    return full.endsWith(tail) ? full : o.parent && o.parent.endsWith(tail) ? o.parent : full;
  };
  let best: OrgSpan | null = null;
  for (const o of orgs) if (o.end <= at && fits(o)) best = o;
  if (best) return name(best);
  for (const o of orgs) if (o.start >= at && fits(o)) return name(o);
  return null;
}
