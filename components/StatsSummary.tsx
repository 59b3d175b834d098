import type { KbStats } from '@/utils/kb/types';

/** What the knowledge base holds, in one line of counts; shared by the popup and the options page. */
export function StatsSummary({ stats }: { stats: KbStats }) {
  const rows: Array<[keyof KbStats, string]> = [
    ['articles', 'Articles read'],
    ['people', 'People'],
    ['orgs', 'Agencies & organizations'],
    ['figures', 'Figures'],
    ['notes', 'Notes'],
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
