import { t } from '@/utils/i18n';
import { DataCounts } from './DataCounts';
import { DeleteAllPanel } from './DeleteAllPanel';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { StorageInfo } from './StorageInfo';
import { useKbOverview } from './use-kb-overview';

/** "Your data": what is stored and where, and the reader's ways to take it out, bring it in, or wipe it. */
export function DataSection() {
  const [overview, reload] = useKbOverview();
  const locale = t('optLocale');
  const empty = overview.status === 'ready' && Object.values(overview.stats).every((v) => v === 0);
  return (
    <section aria-labelledby="data-title" data-ready={overview.status !== 'loading' ? 'true' : undefined}>
      <h2 id="data-title">{t('yourData')}</h2>
      <p class="hint">{t('localOnly')}</p>
      <div class="counts" aria-busy={overview.status === 'loading' ? 'true' : undefined}>
        <h3>{t('optCounts')}</h3>
        {overview.status === 'loading' && <p role="status">{t('loading')}</p>}
        {overview.status === 'error' && (
          <div class="error-box" role="alert" data-testid="kb-error">
            <p>{t('couldNotReach', overview.message)}</p>
            <button type="button" onClick={reload}>
              {t('optRetry')}
            </button>
          </div>
        )}
        {overview.status === 'ready' && (
          <>
            <DataCounts stats={overview.stats} locale={locale} />
            {empty && (
              <p class="empty" data-testid="kb-empty">
                {t('optEmpty')}
              </p>
            )}
          </>
        )}
      </div>
      {overview.status === 'ready' && <StorageInfo storage={overview.storage} locale={locale} onChanged={reload} />}
      <ExportPanel />
      <ImportPanel locale={locale} onImported={reload} />
      <DeleteAllPanel onDeleted={reload} />
    </section>
  );
}
