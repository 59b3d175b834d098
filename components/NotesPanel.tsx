import { useState } from 'preact/hooks';
import type { NoteRecord } from '@/utils/kb/types';
import { formatDate, t } from '@/utils/i18n/card';

/** The notes on one thing, newest first, with a field to add one; shared by the cards and the popup. */
export function NotesPanel({ notes, onAdd }: { notes: NoteRecord[]; onAdd: (text: string) => Promise<void> }) {
  const [draft, setDraft] = useState('');
  const [state, setState] = useState<{ saving: boolean; error: string | null }>({ saving: false, error: null });
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!draft.trim() || state.saving) return;
    setState({ saving: true, error: null });
    try {
      await onAdd(draft);
      setDraft('');
      setState({ saving: false, error: null });
    } catch (err) {
      setState({ saving: false, error: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <section class="notes" aria-label={t('notes')}>
      <h3>{t('notes')}</h3>
      {notes.length === 0 ? (
        <p class="muted">{t('noNotes')}</p>
      ) : (
        <ul class="note-list">
          {notes.map((n) => (
            <li key={n.id}>
              <p>{n.text}</p>
              <time dateTime={new Date(n.updatedAt).toISOString()}>{formatDate(n.updatedAt)}</time>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit}>
        <label>
          <span class="visually-hidden">{t('addNote')}</span>
          <textarea
            data-testid="note-input"
            rows={2}
            placeholder={t('notePlaceholder')}
            value={draft}
            onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)}
          />
        </label>
        <button type="submit" data-testid="note-save" disabled={state.saving || !draft.trim()}>
          {state.saving ? t('saving') : t('save')}
        </button>
        {state.error && <p role="alert" class="error">{t('error', state.error)}</p>}
      </form>
    </section>
  );
}
