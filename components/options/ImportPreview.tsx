import { t } from '@/utils/i18n';
import type { MessageKey } from '@/utils/i18n/catalog';
import type { ImportSummary, TableName } from '@/utils/kb/backup';

/** Table order and names as the reader knows them (the backup module itself stays out of this page's bundle). */
const TABLE_ROWS: ReadonlyArray<[TableName, MessageKey]> = [
  ['articles', 'articles'],
  ['entities', 'optTableEntities'],
  ['mentions', 'optTableMentions'],
  ['figures', 'figures'],
  ['cooccurrences', 'optTableCooccurrences'],
  ['notes', 'notes'],
];

/** What an import will do (or did), table by table, so nothing happens to the reader's data by surprise. */
export function ImportPreview({ summary, fileName, locale }: { summary: ImportSummary; fileName: string; locale: string }) {
  const n = new Intl.NumberFormat(locale).format;
  const lines: string[] = [t('optPreviewArticles', n(summary.articles.new), n(summary.articles.matched))];
  if (summary.mode === 'merge') {
    lines.push(t('optPreviewEntities', n(summary.entities.new), n(summary.entities.merged)));
    if (summary.skipped.mentions || summary.skipped.figures) lines.push(t('optPreviewSkipped', n(summary.skipped.mentions), n(summary.skipped.figures)));
    if (summary.notes.duplicates) lines.push(t('optPreviewDuplicateNotes', n(summary.notes.duplicates)));
  }
  if (summary.notes.figureNotesAsQuotes) lines.push(t('optPreviewFigureNotes', n(summary.notes.figureNotesAsQuotes)));
  return (
    <div class="import-preview" data-testid="import-preview">
      <h4>{t('optPreviewTitle', fileName)}</h4>
      <table>
        <caption class="visually-hidden">{t('optPreviewCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('optColTable')}</th>
            <th scope="col">{t('optColAdded')}</th>
            <th scope="col">{t('optColUpdated')}</th>
            <th scope="col">{t('optColRemoved')}</th>
          </tr>
        </thead>
        <tbody>
          {TABLE_ROWS.map(([table, label]) => {
            const c = summary.tables[table];
            return (
              <tr key={table} data-table={table}>
                <th scope="row">{t(label)}</th>
                <td>{n(c.added)}</td>
                <td>{n(c.updated)}</td>
                <td class={c.removed ? 'removed' : undefined}>{n(c.removed)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ul class="preview-notes">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {summary.mode === 'replace' && Object.values(summary.tables).some((c) => c.removed > 0) && (
        <p class="warning" data-testid="replace-warning">
          {summary.tables.notes.removed ? t('optReplaceWarning', n(summary.tables.notes.removed)) : t('optReplaceWarningNoNotes')}
        </p>
      )}
    </div>
  );
}
