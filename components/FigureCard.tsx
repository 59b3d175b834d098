import type { FigureCard as FigureCardData } from '@/utils/kb/queries';
import { t, uiLang } from '@/utils/i18n/card';
import { NotesPanel } from './NotesPanel';
import { safeHref } from './safe-href';

/** A number as a reader wants it: 41630000, not 4163万. */
export function formatValue(value: number, unit: string): string {
  const lang = uiLang();
  const n = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 }).format(value);
  return unit === '%' ? `${n}%` : `${n} ${unit}`.trim();
}

/** A figure: its value, what it measures, and the same measure in earlier articles. */
export function FigureCard({ card, onAddNote }: { card: FigureCardData; onAddNote: (text: string) => Promise<void> }) {
  const f = card.figure;
  return (
    <article class="card" data-testid="figure-card" aria-label={f.exact}>
      <header>
        <h2>{f.exact}</h2>
        <p class="muted">{t('kindNumber')}{card.article?.publishedAt ? ` · ${card.article.publishedAt}` : ''}</p>
      </header>
      <dl class="facts">
        <div>
          <dt>{t('value')}</dt>
          <dd data-testid="figure-value">{formatValue(f.value, f.unit)}{f.modifier ? ` (${f.modifier})` : ''}</dd>
        </div>
        <div>
          <dt>{t('measures')}</dt>
          <dd>{f.label || t('unknownMeasure')}</dd>
        </div>
      </dl>
      <blockquote>{f.sentence}</blockquote>
      <section>
        <h3>{t('earlierValues')}</h3>
        {card.earlier.length === 0 ? (
          <p class="muted">{t('noEarlier')}</p>
        ) : (
          <ol class="articles">
            {card.earlier.map((e) => (
              <li key={e.id}>
                <strong>{e.exact}</strong> <span class="muted">{e.article?.publishedAt ?? e.date ?? ''}</span>{' '}
                {e.article && (
                  <a href={safeHref(e.article.url)} target="_blank" rel="noopener noreferrer">
                    {e.article.title}
                  </a>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
      <NotesPanel notes={card.notes} onAdd={onAddNote} />
    </article>
  );
}
