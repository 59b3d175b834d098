import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messages';

type Step = { step: 'closed' } | { step: 'confirming' } | { step: 'deleting' } | { step: 'done' } | { step: 'error'; message: string };

/** True when the typed text is the confirmation phrase (in the page's language, or the English one). */
export function confirmsDelete(typed: string): boolean {
  const s = typed.trim().toLowerCase().replace(/\s+/g, ' ');
  return s === t('optDeletePhrase').toLowerCase() || s === 'delete everything';
}

/**
 * Deleting everything is two deliberate steps (open, then type the phrase), so years of reading
 * cannot go with one stray click; Escape or Cancel backs out.
 */
export function DeleteAllPanel({ onDeleted }: { onDeleted: () => void }) {
  const [state, setState] = useState<Step>({ step: 'closed' });
  const [typed, setTyped] = useState('');
  const start = useRef<HTMLButtonElement>(null);
  const phraseInput = useRef<HTMLInputElement>(null);
  const open = state.step === 'confirming' || state.step === 'deleting';

  useEffect(() => {
    if (state.step === 'confirming') phraseInput.current?.focus();
  }, [state.step]);

  const cancel = () => {
    setTyped('');
    setState({ step: 'closed' });
    requestAnimationFrame(() => start.current?.focus());
  };

  const confirm = async (e: Event) => {
    e.preventDefault();
    if (state.step !== 'confirming' || !confirmsDelete(typed)) return;
    setState({ step: 'deleting' });
    try {
      await sendMessage('deleteAllData', { confirm: 'delete everything' });
      setTyped('');
      setState({ step: 'done' });
      onDeleted();
    } catch (err) {
      setState({ step: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <div class="danger-zone" role="group" aria-labelledby="delete-title">
      <h3 id="delete-title">{t('optDeleteAll')}</h3>
      <p id="delete-explain">{t('optDeleteExplain')}</p>
      {!open && (
        <button
          ref={start}
          type="button"
          class="danger"
          aria-expanded="false"
          aria-controls="delete-confirm"
          onClick={() => {
            setTyped('');
            setState({ step: 'confirming' });
          }}
        >
          {t('optDeleteStart')}
        </button>
      )}
      {open && (
        <form
          id="delete-confirm"
          class="delete-confirm"
          onSubmit={(e) => void confirm(e)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') cancel();
          }}
        >
          <label for="delete-phrase">{t('optDeleteTypeLabel', t('optDeletePhrase'))}</label>
          <input
            id="delete-phrase"
            ref={phraseInput}
            type="text"
            autocomplete="off"
            spellcheck={false}
            aria-describedby="delete-explain"
            value={typed}
            onInput={(e) => setTyped(e.currentTarget.value)}
          />
          <div class="buttons">
            <button type="submit" class="danger" disabled={!confirmsDelete(typed) || state.step === 'deleting'}>
              {state.step === 'deleting' ? t('optDeleting') : t('optDeleteConfirm')}
            </button>
            <button type="button" onClick={cancel}>
              {t('optCancel')}
            </button>
          </div>
        </form>
      )}
      <p class="note" role="status">
        {state.step === 'done' ? t('optDeleted') : ''}
      </p>
      {state.step === 'error' && (
        <p class="field-error" role="alert">
          {t('optDeleteFailed', state.message)}
        </p>
      )}
    </div>
  );
}
