import { useState } from 'preact/hooks';
import { formatDate, t } from '@/utils/i18n';
import type { NoteRecord } from '@/utils/kb/types';
import { sendMessage } from '@/utils/messages';
import { useAction } from '../use-action';
import { useKb } from '../use-kb';
import { safeHref } from '../safe-href';

const PAGE = 50;
type Filter = '' | 'entity' | 'article' | 'quote' | 'figure';
const targetKey = (n: NoteRecord) => (n.target.kind === 'quote' ? `quote:${n.id}` : `${n.target.kind}:${n.target.id}`);

/** The reader's notes, newest first: search (Chinese substrings too), filter, edit in place, delete with undo. */
export function NotesView() {
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('');
  const [limit, setLimit] = useState(PAGE);
  const [editing, setEditing] = useState<{ id: number; text: string } | null>(null);
  const [deleted, setDeleted] = useState<NoteRecord | null>(null);
  const [error, act] = useAction();
  const [state] = useKb(() => sendMessage('listNotes', { query: query || undefined, target: filter || undefined, limit }), [query, filter, limit]);

  const save = () => editing && act(async () => { await sendMessage('updateNote', editing); setEditing(null); });
  const remove = (n: NoteRecord) => act(async () => setDeleted(await sendMessage('deleteNote', { id: n.id! })));
  const undo = () => deleted && act(async () => { await sendMessage('restoreNote', { note: deleted }); setDeleted(null); });

  return (
    <section aria-label={t('tabNotes')}>
      <div class="toolbar">
        <input type="search" aria-label={t('searchNotes')} placeholder={t('searchNotes')} value={query} data-testid="notes-search" onInput={(e) => { setQuery((e.target as HTMLInputElement).value); setLimit(PAGE); }} />
        <select aria-label={t('filterAll')} value={filter} onChange={(e) => setFilter((e.target as HTMLSelectElement).value as Filter)}>
          <option value="">{t('filterAll')}</option>
          <option value="entity">{t('filterEntity')}</option>
          <option value="article">{t('filterArticle')}</option>
          <option value="quote">{t('filterQuote')}</option>
          <option value="figure">{t('filterFigure')}</option>
        </select>
      </div>
      {deleted && (
        <p role="status" class="toast">
          {t('noteDeleted')} <button type="button" onClick={undo}>{t('undo')}</button>
        </p>
      )}
      {error && <p role="alert" class="error">{t('error', error)}</p>}
      {state.status === 'loading' && <p role="status">{t('loading')}</p>}
      {state.status === 'error' && <p role="alert" class="error">{t('couldNotReach', state.message)}</p>}
      {state.status === 'ready' && state.value.total === 0 && <p class="muted">{query || filter ? t('noMatches') : t('nothingYet')}</p>}
      {state.status === 'ready' && (
        <ul class="rows" data-testid="notes-list">
          {state.value.notes.map((n) => {
            const target = state.value.targets[targetKey(n)];
            return (
              <li key={n.id} class="note">
                <p class="muted small">
                  {t('attachedTo')} {n.target.kind === 'quote' ? <q>{target?.label}</q> : <strong>{target?.label}</strong>}
                  {target?.articleTitle && n.target.kind !== 'article' ? ` · ${target.articleTitle}` : ''}
                </p>
                {editing?.id === n.id ? (
                  <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
                    <textarea aria-label={t('edit')} value={editing?.text ?? ''} rows={3} onInput={(e) => setEditing({ id: n.id!, text: (e.target as HTMLTextAreaElement).value })} />
                    <button type="submit">{t('save')}</button> <button type="button" onClick={() => setEditing(null)}>{t('cancel')}</button>
                  </form>
                ) : (
                  <p class="note-text">{n.text}</p>
                )}
                <p class="actions small">
                  <time dateTime={new Date(n.updatedAt).toISOString()}>{formatDate(n.updatedAt, true)}</time>
                  {target?.url && <a href={safeHref(target.url)} target="_blank" rel="noopener noreferrer">{t('openArticle')}</a>}
                  <button type="button" class="quiet" onClick={() => setEditing({ id: n.id!, text: n.text })}>{t('edit')}</button>
                  <button type="button" class="quiet" onClick={() => void remove(n)}>{t('delete')}</button>
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {state.status === 'ready' && state.value.total > state.value.notes.length && (
        <button type="button" onClick={() => setLimit(limit + PAGE)}>{t('loadMore', state.value.total - state.value.notes.length)}</button>
      )}
    </section>
  );
}
