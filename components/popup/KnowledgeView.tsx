import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { EntityRow } from '@/utils/kb/queries';
import { sendMessage } from '@/utils/messages';
import { EntityCard } from '../EntityCard';
import { useAction } from '../use-action';
import { useKb } from '../use-kb';
import { safeHref } from '../safe-href';

const PAGE = 50;

function EntityList({ rows, onOpen }: { rows: EntityRow[]; onOpen: (id: number) => void }) {
  return (
    <ul class="rows" data-testid="entity-list">
      {rows.map((e) => (
        <li key={e.id}>
          <button type="button" class="link" onClick={() => onOpen(e.id!)}>
            {e.name}
          </button>
          <span class="muted small">
            {' '}
            {e.type === 'person' ? t('kindPerson') : e.kind === 'gov' ? t('kindOrgGov') : t('kindOrg')} · {t('mentions', e.articleCount)}
            {e.ignored ? ` · ${t('ignored')}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** One entity's page: its card, and what the reader can do to it (alias, merge, not an entity). */
function EntityPage({ id, onBack, onOpen }: { id: number; onBack: () => void; onOpen: (id: number) => void }) {
  const [state] = useKb(() => sendMessage('entityCardById', { id }), [id]);
  const [alias, setAlias] = useState('');
  const [mergeQuery, setMergeQuery] = useState('');
  const [error, act] = useAction();
  const [candidates] = useKb(() => (mergeQuery.trim() ? sendMessage('search', { query: mergeQuery, limit: 8 }) : Promise.resolve(null)), [mergeQuery]);
  if (state.status === 'loading') return <p role="status">{t('loading')}</p>;
  if (state.status === 'error') return <p role="alert" class="error">{t('couldNotReach', state.message)}</p>;
  const card = state.value;
  if (!card) return <button type="button" onClick={onBack}>← {t('back')}</button>;
  const e = card.entity;
  return (
    <section data-testid="entity-page">
      <button type="button" onClick={onBack}>← {t('back')}</button>
      {error && <p role="alert" class="error">{t('error', error)}</p>}
      <EntityCard card={card} onOpenEntity={onOpen} onAddNote={(text) => sendMessage('addNote', { target: { kind: 'entity', id }, text }).then(() => undefined)} />
      <form class="inline" onSubmit={(ev) => { ev.preventDefault(); void act(async () => { await sendMessage('addAlias', { id, alias }); setAlias(''); }); }}>
        <label>
          {t('addAlias')} <input value={alias} onInput={(ev) => setAlias((ev.target as HTMLInputElement).value)} />
        </label>
        <button type="submit" disabled={!alias.trim()}>{t('add')}</button>
      </form>
      <label>
        {t('mergeWith')} <input type="search" value={mergeQuery} onInput={(ev) => setMergeQuery((ev.target as HTMLInputElement).value)} />
      </label>
      {candidates.status === 'ready' && candidates.value && (
        <ul class="rows">
          {candidates.value.entities.filter((c) => c.id !== id && c.type === e.type).map((c) => (
            <li key={c.id}>
              <button type="button" onClick={() => void act(async () => { await sendMessage('mergeEntities', { keepId: id, dropId: c.id! }); setMergeQuery(''); })}>
                {t('mergeInto', c.name, e.name)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p>
        <button type="button" class="quiet" onClick={() => void act(() => sendMessage('setIgnored', { id, ignored: !e.ignored }))}>
          {e.ignored ? t('undoIgnore') : t('notAnEntity')}
        </button>
      </p>
    </section>
  );
}

/** People and agencies Dossier knows, most read first; search; an entity's page. */
export function KnowledgeView() {
  const [type, setType] = useState<'person' | 'org'>('person');
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [open, setOpen] = useState<number | null>(null);
  const [list] = useKb(() => (query.trim() ? sendMessage('search', { query, limit: 50 }).then((r) => ({ rows: r.entities, more: false, articles: r.articles })) : sendMessage('listEntities', { type, limit }).then((r) => ({ ...r, articles: [] }))), [type, query, limit]);
  if (open !== null) return <EntityPage id={open} onBack={() => setOpen(null)} onOpen={setOpen} />;
  return (
    <section aria-label={t('tabKnowledge')}>
      <div class="toolbar">
        <input type="search" aria-label={t('searchKnowledge')} placeholder={t('searchKnowledge')} value={query} data-testid="knowledge-search" onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
        <div role="radiogroup" aria-label={t('tabKnowledge')} class="segmented">
          {(['person', 'org'] as const).map((k) => (
            <label key={k}>
              <input type="radio" name="kind" checked={type === k} onChange={() => { setType(k); setLimit(PAGE); }} />
              {k === 'person' ? t('people') : t('orgs')}
            </label>
          ))}
        </div>
      </div>
      {list.status === 'loading' && <p role="status">{t('loading')}</p>}
      {list.status === 'error' && <p role="alert" class="error">{t('couldNotReach', list.message)}</p>}
      {list.status === 'ready' && list.value.rows.length === 0 && list.value.articles.length === 0 && <p class="muted">{query ? t('noMatches') : t('nothingYet')}</p>}
      {list.status === 'ready' && <EntityList rows={list.value.rows} onOpen={setOpen} />}
      {list.status === 'ready' && list.value.articles.length > 0 && (
        <ul class="rows">
          {list.value.articles.map((a) => (
            <li key={a.id}><a href={safeHref(a.url)} target="_blank" rel="noopener noreferrer">{a.title}</a></li>
          ))}
        </ul>
      )}
      {list.status === 'ready' && !query && list.value.more && (
        <button type="button" onClick={() => setLimit(limit + PAGE)}>{t('showMore')}</button>
      )}
    </section>
  );
}
