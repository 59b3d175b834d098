import { t } from '@/utils/i18n';
import { PALETTES, type Palette } from '@/utils/page/paint';
import { KINDS } from './kinds';

/** One preset's tints on a light and on a dark page, so a reader can see what a page will look like before choosing. */
export function PalettePreview({ palette }: { palette: Palette }) {
  return (
    <span class="palette-preview" aria-hidden="true">
      <PreviewPanel palette={palette} tone="light" />
      <PreviewPanel palette={palette} tone="dark" />
    </span>
  );
}

function PreviewPanel({ palette, tone }: { palette: Palette; tone: 'light' | 'dark' }) {
  const colours = PALETTES[palette];
  return (
    <span class={`preview preview--${tone}`}>
      <span class="preview-caption">{t(tone === 'light' ? 'optPreviewLight' : 'optPreviewDark')}</span>
      <span class="preview-samples" lang="zh-CN">
        {KINDS.map(({ kind, sample }) => (
          <span key={kind} class="preview-sample" data-kind={kind} style={{ backgroundColor: colours[kind].bg }}>
            {sample}
          </span>
        ))}
      </span>
    </span>
  );
}
