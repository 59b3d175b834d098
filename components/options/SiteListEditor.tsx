import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { parseSite } from './site-host';

/** Most sites a list keeps (normalizeSettings cuts the rest). */
export const MAX_SITES = 1000;

interface Props {
  /** Used for ids: `skip` or `always`. */
  id: string;
  title: string;
  hint: string;
  addLabel: string;
  sites: string[];
  /** The other list and its title: a site in both would be contradictory. */
  otherSites: string[];
  otherTitle: string;
  onChange: (next: string[]) => void;
}

/**
 * One list of sites: add (a host, or a pasted address reduced to its host; junk refused with a
 * reason), and remove, all by keyboard, with each change announced.
 */
export function SiteListEditor({ id, title, hint, addLabel, sites, otherSites, otherTitle, onChange }: Props) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [focusAfterRemove, setFocusAfterRemove] = useState<number | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (focusAfterRemove === null) return;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button');
    const target = buttons?.length ? buttons[Math.min(focusAfterRemove, buttons.length - 1)] : input.current;
    target?.focus();
    setFocusAfterRemove(null);
  }, [focusAfterRemove, sites]);

  const add = (e: Event) => {
    e.preventDefault();
    const parsed = parseSite(draft);
    let problem: string | null = null;
    if (!parsed.ok) problem = parsed.reason === 'empty' ? t('optSiteEmpty') : t('optSiteInvalid', draft.trim());
    else if (sites.includes(parsed.host)) problem = t('optSiteDuplicate', parsed.host);
    else if (otherSites.includes(parsed.host)) problem = t('optSiteInOther', parsed.host, otherTitle);
    else if (sites.length >= MAX_SITES) problem = t('optSiteListFull', MAX_SITES);
    if (problem || !parsed.ok) {
      setError(problem);
      setNote('');
      input.current?.focus();
      return;
    }
    onChange([...sites, parsed.host]);
    setDraft('');
    setError(null);
    setNote(parsed.fromUrl ? t('optSiteAddedFromUrl', parsed.host) : t('optSiteAdded', parsed.host));
  };

  const remove = (host: string, index: number) => {
    onChange(sites.filter((s) => s !== host));
    setNote(t('optSiteRemoved', host));
    setError(null);
    setFocusAfterRemove(index);
  };

  const inputId = `site-${id}-input`;
  const errorId = `site-${id}-error`;
  return (
    <fieldset class="site-list">
      <legend>{title}</legend>
      <p class="hint" id={`site-${id}-hint`}>
        {hint}
      </p>
      {sites.length === 0 ? (
        <p class="empty">{t('optNoSites')}</p>
      ) : (
        <ul ref={list} aria-label={title}>
          {sites.map((host, i) => (
            <li key={host}>
              <span class="host">{host}</span>
              <button type="button" class="link-button" aria-label={t('optRemoveSite', host)} onClick={() => remove(host, i)}>
                {t('optRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add-site" onSubmit={add} noValidate>
        <label for={inputId}>{addLabel}</label>
        <div class="row">
          <input
            id={inputId}
            ref={input}
            type="text"
            inputMode="url"
            autocomplete="off"
            spellcheck={false}
            placeholder="example.com"
            value={draft}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? errorId : `site-${id}-hint`}
            onInput={(e) => {
              setDraft(e.currentTarget.value);
              if (error) setError(null);
            }}
          />
          <button type="submit">{t('optAdd')}</button>
        </div>
        {error && (
          <p id={errorId} class="field-error" role="alert">
            {error}
          </p>
        )}
        <p class="note" role="status" aria-live="polite">
          {note}
        </p>
      </form>
    </fieldset>
  );
}
