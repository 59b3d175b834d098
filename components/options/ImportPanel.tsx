import { useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { ImportMode, ImportSummary } from '@/utils/kb/backup';
import { sendMessage } from '@/utils/messages';
import { ImportPreview } from './ImportPreview';

type Step =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'preview'; text: string; fileName: string; summary: ImportSummary }
  | { step: 'importing'; text: string; fileName: string; summary: ImportSummary }
  | { step: 'done'; summary: ImportSummary }
  | { step: 'bad-file'; message: string }
  | { step: 'failed'; message: string };

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Import of a backup in two steps: the background checks the file and says what would change
 * (nothing is written), and only the reader's confirmation imports it. A bad file shows the
 * background's reason and changes nothing.
 */
export function ImportPanel({ locale, onImported }: { locale: string; onImported: () => void }) {
  const [mode, setMode] = useState<ImportMode>('merge');
  const [state, setState] = useState<Step>({ step: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);
  const file = useRef<{ text: string; name: string } | null>(null);

  const preview = async (text: string, fileName: string, m: ImportMode) => {
    setState({ step: 'checking' });
    try {
      const res = await sendMessage('previewImport', { text, mode: m });
      if (res.ok) setState({ step: 'preview', text, fileName, summary: res.summary });
      else setState({ step: 'bad-file', message: res.error });
    } catch (err) {
      setState({ step: 'failed', message: errorText(err) });
    }
  };

  const onFile = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    file.current = null;
    if (!chosen) return setState({ step: 'idle' });
    let text: string;
    try {
      text = await chosen.text();
    } catch (err) {
      return setState({ step: 'bad-file', message: t('optFileReadError', errorText(err)) });
    }
    file.current = { text, name: chosen.name };
    await preview(text, chosen.name, mode);
  };

  const onMode = (m: ImportMode) => {
    setMode(m);
    if (file.current) void preview(file.current.text, file.current.name, m);
  };

  const confirm = async () => {
    if (state.step !== 'preview') return;
    setState({ ...state, step: 'importing' });
    try {
      const res = await sendMessage('importBackup', { text: state.text, mode });
      if (!res.ok) return setState({ step: 'bad-file', message: res.error });
      setState({ step: 'done', summary: res.summary });
      file.current = null;
      if (fileInput.current) fileInput.current.value = '';
      onImported();
    } catch (err) {
      setState({ step: 'failed', message: errorText(err) });
    }
  };

  const cancel = () => {
    file.current = null;
    if (fileInput.current) {
      fileInput.current.value = '';
      fileInput.current.focus();
    }
    setState({ step: 'idle' });
  };

  const totals = (s: ImportSummary) => Object.values(s.tables).reduce((a, c) => ({ added: a.added + c.added, updated: a.updated + c.updated, removed: a.removed + c.removed }), { added: 0, updated: 0, removed: 0 });
  const n = new Intl.NumberFormat(locale).format;
  const busy = state.step === 'checking' || state.step === 'importing';

  return (
    <div class="import" role="group" aria-labelledby="import-title">
      <h3 id="import-title">{t('optImport')}</h3>
      <fieldset>
        <legend>{t('optImportMode')}</legend>
        {(['merge', 'replace'] as const).map((m) => (
          <label key={m} class="check">
            <input type="radio" name="import-mode" value={m} checked={mode === m} aria-describedby={`mode-${m}-hint`} onChange={() => onMode(m)} />
            <span>
              {t(m === 'merge' ? 'optModeMerge' : 'optModeReplace')}
              <span class="hint" id={`mode-${m}-hint`}>
                {t(m === 'merge' ? 'optModeMergeHint' : 'optModeReplaceHint')}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <p class="file-row">
        <label for="import-file">{t('optImportFile')}</label>
        <input id="import-file" ref={fileInput} type="file" accept=".json,application/json" onChange={(e) => void onFile(e.currentTarget)} />
      </p>
      <div role="status" aria-live="polite" class="note">
        {state.step === 'checking' && t('optImportChecking')}
        {state.step === 'importing' && t('optImporting')}
        {state.step === 'done' && (() => {
          const c = totals(state.summary);
          return t('optImported', n(c.added), n(c.updated), n(c.removed));
        })()}
      </div>
      {(state.step === 'bad-file' || state.step === 'failed') && (
        <div class="error-box" role="alert" data-testid="import-error">
          {state.step === 'bad-file' ? (
            <>
              <p>
                <strong>{t('optImportBadFile')}</strong>
              </p>
              <p class="error-detail">{state.message}</p>
            </>
          ) : (
            <p>
              <strong>{t('optImportFailed', state.message)}</strong>
            </p>
          )}
          <p>{t('optNothingChanged')}</p>
        </div>
      )}
      {(state.step === 'preview' || state.step === 'importing') && (
        <>
          <ImportPreview summary={state.summary} fileName={state.fileName} locale={locale} />
          <div class="buttons">
            <button type="button" class={mode === 'replace' ? 'danger' : 'primary'} aria-disabled={busy ? 'true' : undefined} onClick={() => void confirm()}>
              {t(mode === 'replace' ? 'optConfirmReplace' : 'optConfirmMerge')}
            </button>
            <button type="button" aria-disabled={busy ? 'true' : undefined} onClick={() => !busy && cancel()}>
              {t('optCancel')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
