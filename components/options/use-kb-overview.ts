import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage, type ProtocolMap } from '@/utils/messages';
import type { KbStats } from '@/utils/kb/types';
import { useKbChanged } from '../use-kb-changed';

export type StorageInfo = ProtocolMap['storage']['res'];

export type KbOverview =
  | { status: 'loading' }
  | { status: 'ready'; stats: KbStats; storage: StorageInfo | null }
  | { status: 'error'; message: string };

/**
 * Counts and storage use for "Your data": loaded on mount, reloaded whenever the background
 * announces a change, and after the page's own imports and deletes. An older answer arriving
 * after a newer one is dropped.
 */
export function useKbOverview(): [KbOverview, () => void] {
  const [state, setState] = useState<KbOverview>({ status: 'loading' });
  const generation = useRef(0);
  const reload = useCallback(() => {
    const mine = ++generation.current;
    // Storage figures are a nicety: their failure must not hide the counts.
    Promise.all([sendMessage('stats', undefined), sendMessage('storage', undefined).catch(() => null)]).then(
      ([stats, storage]) => mine === generation.current && setState({ status: 'ready', stats, storage }),
      (err: unknown) => mine === generation.current && setState({ status: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
  }, []);
  useEffect(() => {
    reload();
    return () => {
      generation.current++;
    };
  }, [reload]);
  useKbChanged(reload);
  return [state, reload];
}
