import type { EntityCard as EntityCardData } from '@/utils/kb/queries';
import { formatDate, t } from '@/utils/i18n/card';
import { NotesPanel } from './NotesPanel';
import { safeHref } from './safe-href';

export interface EntityCardProps {
  card: EntityCardData;
  onAddNote: (text: string) => Promise<void>;
  onNotAnEntity?: () => void;
  /** Opens another entity (a related one) in place. */
  onOpenEntity?: (id: number) => void;
}

const range = (a: string, b: string) => (a === b ? a : t('firstLastSeen', a, b));

/** What Dossier knows about a person or agency: titles per agency, articles, company kept, notes. */
export function EntityCard({ card, onAddNote, onNotAnEntity, onOpenEntity }: EntityCardProps) {
  const e = card.entity;
  return (
    <article class="card" data-testid="entity-card" aria-label={e.name}>
      <header>
        <h2>{e.name}</h2>
        <p class="muted">
          {e.type === 'person' ? t('kindPerson') : e.kind === 'gov' ? t('kindOrgGov') : t('kindOrg')}
          {e.official ? ` · ${t('official')}` : ''} · {t('articlesCount', e.articleCount)} · {range(e.firstSeen, e.lastSeen)}
        </p>
        {e.aliases.length > 0 && <p class="muted">{e.aliases.join(' · ')}</p>}
      </header>
      {card.titlesByOrg.length > 0 && (
        <section>
          <h3>{t('titles')}</h3>
          <dl class="titles">
            {card.titlesByOrg.map(({ org, titles }) => (
              <div key={org ?? ''}>
                <dt>{org ?? t('noAgency')}</dt>
                {titles.map((ti) => (
                  <dd key={ti.title}>
                    {ti.title} <span class="muted">{range(ti.firstSeen, ti.lastSeen)}</span>
                  </dd>
                ))}
              </div>
            ))}
          </dl>
        </section>
      )}
      {card.people.length > 0 && (
        <section>
          <h3>{t('peopleHere')}</h3>
          <ul class="chips">
            {card.people.map((p) => (
              <li key={p.id}>
                <button type="button" onClick={() => onOpenEntity?.(p.id)}>
                  {p.name}
                  {p.titles.length > 0 && <span class="muted"> {p.titles.join('、')}</span>}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h3>{t('articles')}</h3>
        <ol class="articles" data-testid="card-articles">
          {card.articles.map((a) => (
            <li key={a.id}>
              <a href={safeHref(a.url)} target="_blank" rel="noopener noreferrer">
                {a.title || a.url}
              </a>
              <span class="muted"> {a.publishedAt ?? formatDate(a.readAt)}</span>
              <blockquote>{a.sentence}</blockquote>
            </li>
          ))}
        </ol>
      </section>
      {card.related.length > 0 && (
        <section>
          <h3>{t('related')}</h3>
          <ul class="chips">
            {card.related.map((r) => (
              <li key={r.id}>
                <button type="button" onClick={() => onOpenEntity?.(r.id)}>
                  {r.name} <span class="muted">×{r.count}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <NotesPanel notes={card.notes} onAdd={onAddNote} />
      {onNotAnEntity && (
        <footer>
          <button type="button" class="quiet" data-testid="not-an-entity" onClick={onNotAnEntity}>
            {t('notAnEntity')}
          </button>
        </footer>
      )}
    </article>
  );
}
