import type { MessageKey } from '@/utils/i18n/catalog';
import type { MentionType } from '@/utils/recognize/types';

/** The kinds in the order the page lists them, each with its label and a sample as it appears in news. */
export const KINDS: ReadonlyArray<{ kind: MentionType; label: MessageKey; sample: string }> = [
  // Samples are news text, not UI text: the same in every language, like the pages Dossier reads.
  { kind: 'person', label: 'kindPerson', sample: '刘晓军' },
  { kind: 'org', label: 'kindOrg', sample: '市教育局' },
  { kind: 'number', label: 'kindNumber', sample: '21229万元' },
  { kind: 'date', label: 'kindDate', sample: '2月1日' },
];
