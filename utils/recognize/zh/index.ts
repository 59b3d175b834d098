import type { OrgMention, PersonMention } from '../types';

/** People and organizations in squeezed Chinese text. Placeholder until the zh module lands. */
export function findZhEntities(_text: string): Array<PersonMention | OrgMention> {
  return [];
}
