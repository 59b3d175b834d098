import type { KbStats } from '@/utils/kb/types';
import { t } from '@/utils/i18n';

/** What the knowledge base holds, in one line of counts; shared by the popup and the options page. */
export function StatsSummary({ stats }: { stats: KbStats }) {
  const rows: Array<[keyof KbStats, string]> = [
    ['articles', t('articlesRead')],
    ['people', t('people')],
    ['orgs', t('orgs')],
    ['figures', t('figures')],
    ['notes', t('notes')],
  ];
  return (
    <dl class="stats">
      {rows.map(([key, label]) => (
        <div key={key}>
          <dt>{label}</dt>
          <dd data-testid={`${key}-count`}>{stats[key]}</dd>
        </div>
      ))}
    </dl>
  );
}
