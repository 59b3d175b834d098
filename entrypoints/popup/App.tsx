import { useRef, useState } from 'preact/hooks';
import { StatsSummary } from '@/components/StatsSummary';
import { KnowledgeView } from '@/components/popup/KnowledgeView';
import { NotesView } from '@/components/popup/NotesView';
import { ReadingView } from '@/components/popup/ReadingView';
import { ThisPage } from '@/components/popup/ThisPage';
import { useKb } from '@/components/use-kb';
import { t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messages';

const TABS = [
  { id: 'page', label: 'tabThisPage', View: ThisPage },
  { id: 'notes', label: 'tabNotes', View: NotesView },
  { id: 'knowledge', label: 'tabKnowledge', View: KnowledgeView },
  { id: 'reading', label: 'tabReading', View: ReadingView },
] as const;

/** The popup: this page, the reader's notes, what Dossier knows, and recent reading. */
export function App() {
  const [stats] = useKb(() => sendMessage('stats', undefined), []);
  const [tab, setTab] = useState<(typeof TABS)[number]['id']>('page');
  const tabRefs = useRef<Array<HTMLButtonElement | null>>([]);
  const onKey = (e: KeyboardEvent, i: number) => {
    const next = e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i - 1 + TABS.length) % TABS.length : -1;
    if (next < 0) return;
    e.preventDefault();
    setTab(TABS[next].id);
    tabRefs.current[next]?.focus();
  };
  const Active = TABS.find((x) => x.id === tab)!.View;
  return (
    <main data-ready={stats.status !== 'loading' ? 'true' : undefined}>
      <header>
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>{t('extName')}</h1>
        <a class="settings" href="/options.html" target="_blank">{t('settings')}</a>
      </header>
      {stats.status === 'error' && <p role="alert" class="error">{t('couldNotReach', stats.message)}</p>}
      {stats.status === 'ready' && <StatsSummary stats={stats.value} />}
      <div role="tablist" aria-label={t('extName')} class="tabs">
        {TABS.map((x, i) => (
          <button
            key={x.id}
            ref={(el) => { tabRefs.current[i] = el; }}
            type="button"
            role="tab"
            id={`tab-${x.id}`}
            aria-selected={tab === x.id}
            aria-controls="tab-panel"
            tabIndex={tab === x.id ? 0 : -1}
            data-testid={`tab-${x.id}`}
            onClick={() => setTab(x.id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {t(x.label)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="tab-panel" aria-labelledby={`tab-${tab}`} class="panel">
        <Active />
      </div>
    </main>
  );
}
