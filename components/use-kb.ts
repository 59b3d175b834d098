import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { KB_CHANGED } from '@/utils/messages';

export type Loadable<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

/** Calls `fn` whenever the background announces a change to the knowledge base. */
export function useKbChanged(fn: () => void): void {
  const latest = useRef(fn);
  latest.current = fn;
  useEffect(() => {
    const listener = (message: unknown) => {
      const m = message as { dossier?: number; event?: string } | null;
      if (m && m.dossier === KB_CHANGED.dossier && m.event === KB_CHANGED.event) latest.current();
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, []);
}

/**
 * Data from the background that stays current: loaded on mount and when `deps` change, reloaded
 * when the knowledge base changes. Stale answers (an older request finishing last) are dropped.
 */
export function useKb<T>(load: () => Promise<T>, deps: unknown[]): [Loadable<T>, () => void] {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const generation = useRef(0);
  const reload = useCallback(() => {
    const mine = ++generation.current;
    load().then(
      (value) => mine === generation.current && setState({ status: 'ready', value }),
      (err: unknown) => mine === generation.current && setState({ status: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(reload, [reload]);
  useKbChanged(reload);
  return [state, reload];
}
