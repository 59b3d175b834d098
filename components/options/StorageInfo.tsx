import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { formatBytes } from './format-bytes';
import type { StorageInfo as Info } from './use-kb-overview';

/**
 * How much room the knowledge base takes and whether the browser may evict it: a reader with
 * years of notes should know before the disk fills up, and can ask for persistence here.
 */
export function StorageInfo({ storage, locale, onChanged }: { storage: Info | null; locale: string; onChanged: () => void }) {
  const [refused, setRefused] = useState(false);
  const usage = storage?.usage ?? null;
  const quota = storage?.quota ?? null;
  const persisted = storage?.persisted ?? null;
  const askPersist = async () => {
    const granted = await navigator.storage?.persist?.().catch(() => false);
    setRefused(!granted);
    onChanged();
  };
  return (
    <div class="storage" data-testid="storage">
      <h3>{t('optStorage')}</h3>
      <p>{usage === null ? t('optStorageUnknown') : quota === null ? t('optStorageUsedOnly', formatBytes(usage, locale)) : t('optStorageUsed', formatBytes(usage, locale), formatBytes(quota, locale))}</p>
      <p>{persisted === true ? t('optPersisted') : persisted === false ? t('optNotPersisted') : t('optPersistUnknown')}</p>
      {persisted === false && typeof navigator.storage?.persist === 'function' && (
        <p>
          <button type="button" onClick={() => void askPersist()}>
            {t('optPersistAsk')}
          </button>
        </p>
      )}
      {refused && persisted === false && (
        <p class="note" role="status">
          {t('optPersistRefused')}
        </p>
      )}
    </div>
  );
}
