import { t } from '@/utils/i18n';
import type { MessageKey } from '@/utils/i18n/catalog';
import type { KbStats } from '@/utils/kb/types';

const ROWS: ReadonlyArray<[keyof KbStats, MessageKey]> = [
  ['articles', 'articlesRead'],
  ['people', 'people'],
  ['orgs', 'orgs'],
  ['figures', 'figures'],
  ['notes', 'notes'],
];

/** The knowledge base's counts in the reader's language (StatsSummary's labels are English only). */
export function DataCounts({ stats, locale }: { stats: KbStats; locale: string }) {
  const format = new Intl.NumberFormat(locale);
  return (
    <dl class="stats">
      {ROWS.map(([key, label]) => (
        <div key={key}>
          <dt>{t(label)}</dt>
          <dd data-testid={`${key}-count`}>{format.format(stats[key])}</dd>
        </div>
      ))}
    </dl>
  );
}
