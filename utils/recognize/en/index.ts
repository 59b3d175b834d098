import type { OrgMention, PersonMention } from '../types';

/** People and organizations in English text. Placeholder until the en module lands. */
export function findEnEntities(_text: string): Array<PersonMention | OrgMention> {
  return [];
}
