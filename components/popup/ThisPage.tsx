import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { sendTabMessage, type PageStatus } from '@/utils/messages';
import { hostMatches, loadSettings, saveSettings } from '@/utils/settings';

type State = { status: 'loading' } | { status: 'ready'; tabId: number; page: PageStatus } | { status: 'unavailable' };

const KINDS = ['person', 'org', 'number', 'date'] as const;
const KIND_LABEL = { person: 'kindPerson', org: 'kindOrg', number: 'kindNumber', date: 'kindDate' } as const;

/** The active tab: what Dossier made of it, a pause switch for its site, and "annotate anyway". */
export function ThisPage() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [paused, setPaused] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return setState({ status: 'unavailable' });
      try {
        const page = await sendTabMessage(tab.id, 'pageStatus');
        const settings = await loadSettings();
        setPaused(settings.skipSites.some((s) => hostMatches(page.host, s)));
        setState({ status: 'ready', tabId: tab.id, page });
      } catch {
        setState({ status: 'unavailable' });
      }
    })();
  }, []);

  if (state.status === 'loading') return <p role="status">{t('loading')}</p>;
  if (state.status === 'unavailable') return <p class="muted">{t('pageUnavailable')}</p>;
  const { page, tabId } = state;

  const togglePause = async (on: boolean) => {
    const settings = await loadSettings();
    const skipSites = on ? [...settings.skipSites, page.host] : settings.skipSites.filter((s) => !hostMatches(page.host, s));
    await saveSettings({ skipSites });
    setPaused(on);
  };
  const annotate = async () => {
    setBusy(true);
    try {
      setState({ status: 'ready', tabId, page: await sendTabMessage(tabId, 'annotateAnyway') });
    } finally {
      setBusy(false);
    }
  };
  const message = { article: 'pageArticle', skipped: 'pageSkipped', error: 'pageError', pending: 'pagePending' } as const;
  return (
    <section aria-labelledby="this-page-title">
      <h2 id="this-page-title" class="visually-hidden">{t('tabThisPage')}</h2>
      <p data-testid="page-state" data-state={page.state}>{t(message[page.state])}</p>
      {page.state === 'article' && (
        <>
          <h3>{t('highlightsOnPage')}</h3>
          <ul class="kind-counts">
            {KINDS.map((k) => (
              <li key={k} class={`kind kind-${k}`}>
                <span>{t(KIND_LABEL[k])}</span> <strong data-testid={`page-${k}-count`}>{page.counts[k]}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
      <label class="switch">
        <input type="checkbox" checked={paused} onChange={(e) => void togglePause((e.target as HTMLInputElement).checked)} />
        {t('pauseSite', page.host)}
      </label>
      {page.state === 'skipped' && !paused && (
        <button type="button" onClick={annotate} disabled={busy} data-testid="annotate-anyway">
          {t('annotateAnyway')}
        </button>
      )}
    </section>
  );
}
