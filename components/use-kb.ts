import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { useKbChanged } from './use-kb-changed';

export type Loadable<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

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
