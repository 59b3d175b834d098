import { useState } from 'preact/hooks';
import { formatDate, t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messages';
import { useKb } from '../use-kb';
import { safeHref } from '../safe-href';

const PAGE = 30;

/** Recently read articles, newest first, with their highlight and note counts. */
export function ReadingView() {
  const [limit, setLimit] = useState(PAGE);
  const [state] = useKb(() => sendMessage('recentArticles', { limit }), [limit]);
  if (state.status === 'loading') return <p role="status">{t('loading')}</p>;
  if (state.status === 'error') return <p role="alert" class="error">{t('couldNotReach', state.message)}</p>;
  if (state.value.length === 0) return <p class="muted">{t('nothingYet')}</p>;
  return (
    <section aria-label={t('tabReading')}>
      <ul class="rows" data-testid="reading-list">
        {state.value.map((a) => (
          <li key={a.id}>
            <a href={safeHref(a.url)} target="_blank" rel="noopener noreferrer">{a.title || a.url}</a>
            <p class="muted small">
              {a.site} · {a.publishedAt ?? formatDate(a.readAt)} · {t('highlightsCount', a.mentionCount)}
              {a.noteCount > 0 ? ` · ${t('notesCount', a.noteCount)}` : ''}
            </p>
          </li>
        ))}
      </ul>
      {state.value.length === limit && limit < 200 && <button type="button" onClick={() => setLimit(limit + PAGE)}>{t('showMore')}</button>}
    </section>
  );
}
