import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { MessageKey } from '@/utils/i18n/catalog';
import { sendMessage, type ProtocolMap } from '@/utils/messages';
import { downloadText } from './download';

type Format = ProtocolMap['exportData']['req']['format'];

const FORMATS: ReadonlyArray<{ format: Format; label: MessageKey }> = [
  { format: 'backup', label: 'optExportBackup' },
  { format: 'notes-markdown', label: 'optExportNotesMarkdown' },
  { format: 'notes-jsonld', label: 'optExportNotesJsonld' },
  { format: 'figures-csv', label: 'optExportFiguresCsv' },
];

/** One button per export format: the background writes the file's text, the page hands it to the browser as a download. */
export function ExportPanel() {
  const [busy, setBusy] = useState<Format | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (format: Format) => {
    if (busy) return; // buttons stay focusable while busy (a disabled one would drop the focus)
    setBusy(format);
    setResult(null);
    try {
      const file = await sendMessage('exportData', { format });
      downloadText(file);
      setResult({ ok: true, text: t('optExported', file.fileName) });
    } catch (err) {
      setResult({ ok: false, text: t('optExportFailed', err instanceof Error ? err.message : String(err)) });
    } finally {
      setBusy(null);
    }
  };
  return (
    <div class="export" role="group" aria-labelledby="export-title">
      <h3 id="export-title">{t('optExport')}</h3>
      <p class="hint">{t('optExportHint')}</p>
      <div class="buttons">
        {FORMATS.map(({ format, label }) => (
          <button key={format} type="button" aria-disabled={busy !== null ? 'true' : undefined} aria-busy={busy === format ? 'true' : undefined} onClick={() => void run(format)}>
            {t(label)}
          </button>
        ))}
      </div>
      <p class="note" role="status">
        {result?.ok ? result.text : ''}
      </p>
      {result && !result.ok && (
        <p class="field-error" role="alert">
          {result.text}
        </p>
      )}
    </div>
  );
}
