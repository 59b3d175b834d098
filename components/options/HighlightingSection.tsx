import { t } from '@/utils/i18n';
import { PALETTES, type Palette } from '@/utils/page/paint';
import type { MessageKey } from '@/utils/i18n/catalog';
import type { Settings } from '@/utils/settings';
import { KINDS } from './kinds';
import { PalettePreview } from './PalettePreview';

const PRESETS: ReadonlyArray<{ palette: Palette; label: MessageKey }> = [
  { palette: 'classic', label: 'optPaletteClassic' },
  { palette: 'soft', label: 'optPaletteSoft' },
  { palette: 'high-contrast', label: 'optPaletteHighContrast' },
];

/** Detection on or off, which kinds are highlighted and in which colours: what a reader sees on a page. */
export function HighlightingSection({ settings, save }: { settings: Settings; save: (patch: Partial<Settings>) => void }) {
  return (
    <section aria-labelledby="highlighting-title">
      <h2 id="highlighting-title">{t('optHighlighting')}</h2>
      <fieldset>
        <legend>{t('optDetection')}</legend>
        <label class="check">
          <input type="checkbox" checked={settings.enabled} aria-describedby="enabled-hint" onChange={(e) => save({ enabled: e.currentTarget.checked })} />
          <span>{t('optEnabled')}</span>
        </label>
        <p id="enabled-hint" class="hint">
          {t('optEnabledHint')}
        </p>
      </fieldset>
      <fieldset aria-describedby={settings.enabled ? undefined : 'kinds-off'}>
        <legend>{t('optKinds')}</legend>
        {!settings.enabled && (
          <p id="kinds-off" class="hint">
            {t('optKindsOff')}
          </p>
        )}
        <div class="kinds">
          {KINDS.map(({ kind, label }) => (
            <label key={kind} class="check">
              <input type="checkbox" checked={settings.kinds[kind]} onChange={(e) => save({ kinds: { ...settings.kinds, [kind]: e.currentTarget.checked } })} />
              <span class="swatch" aria-hidden="true" style={{ backgroundColor: PALETTES[settings.palette][kind].bg }} />
              <span>{t(label)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('optPalette')}</legend>
        <div class="palettes">
          {PRESETS.map(({ palette, label }) => (
            <label key={palette} class="palette-option">
              <span class="palette-name">
                <input type="radio" name="palette" value={palette} checked={settings.palette === palette} onChange={() => save({ palette })} />
                <span>{t(label)}</span>
              </span>
              <PalettePreview palette={palette} />
            </label>
          ))}
        </div>
      </fieldset>
    </section>
  );
}
