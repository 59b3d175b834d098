import { t } from '@/utils/i18n';
import type { Settings } from '@/utils/settings';
import { SiteListEditor } from './SiteListEditor';

/** Sites to skip and sites always annotated: where the reader overrides Dossier's article detection. */
export function SitesSection({ settings, save }: { settings: Settings; save: (patch: Partial<Settings>) => void }) {
  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">{t('optSites')}</h2>
      <p class="hint">{t('optSitesIntro')}</p>
      <div class="site-lists">
        <SiteListEditor
          id="skip"
          title={t('optSkipSites')}
          hint={t('optSkipSitesHint')}
          addLabel={t('optAddSkip')}
          sites={settings.skipSites}
          otherSites={settings.alwaysSites}
          otherTitle={t('optAlwaysSites')}
          onChange={(skipSites) => save({ skipSites })}
        />
        <SiteListEditor
          id="always"
          title={t('optAlwaysSites')}
          hint={t('optAlwaysSitesHint')}
          addLabel={t('optAddAlways')}
          sites={settings.alwaysSites}
          otherSites={settings.skipSites}
          otherTitle={t('optSkipSites')}
          onChange={(alwaysSites) => save({ alwaysSites })}
        />
      </div>
    </section>
  );
}
