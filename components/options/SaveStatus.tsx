import { t } from '@/utils/i18n';
import type { SaveState } from './use-settings';

/** The small "Saved" note, announced politely, so a reader knows a change took without a Save button. */
export function SaveStatus({ state }: { state: SaveState }) {
  const text = state.status === 'saving' ? t('saving') : state.status === 'saved' ? t('optSaved') : state.status === 'error' ? t('optSaveFailed', state.message) : '';
  return (
    <p class={`save-status save-status--${state.status}`} role="status" aria-live="polite" data-testid="save-status">
      {text}
    </p>
  );
}
