import { DataSection } from '@/components/options/DataSection';
import { HighlightingSection } from '@/components/options/HighlightingSection';
import { SaveStatus } from '@/components/options/SaveStatus';
import { SitesSection } from '@/components/options/SitesSection';
import { useSettings } from '@/components/options/use-settings';
import { t } from '@/utils/i18n';

/** The options page: how Dossier highlights, where it runs, and the reader's data (counts, export, import, delete). */
export function App() {
  const { settings, save, saveState } = useSettings();
  return (
    <>
      <header class="page-head">
        <div class="page-head-inner">
          <img src="/icon/32.png" alt="" width={24} height={24} />
          <h1>{t('settingsTitle')}</h1>
          <SaveStatus state={saveState} />
        </div>
      </header>
      <main data-ready={settings ? 'true' : undefined}>
        <p class="hint intro">{t('optIntro')}</p>
        {settings ? (
          <>
            <HighlightingSection settings={settings} save={save} />
            <SitesSection settings={settings} save={save} />
          </>
        ) : (
          <p role="status">{t('loading')}</p>
        )}
        <DataSection />
      </main>
    </>
  );
}
