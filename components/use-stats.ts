import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/utils/messages';
import type { KbStats } from '@/utils/kb/types';

export type StatsState = { status: 'loading' } | { status: 'ready'; stats: KbStats } | { status: 'error'; message: string };

/** Asks the background for the knowledge base's counts once the view mounts. */
export function useStats(): StatsState {
  const [state, setState] = useState<StatsState>({ status: 'loading' });
  useEffect(() => {
    // Ask once for persistent storage, so the browser never evicts the reader's notes under pressure.
    void navigator.storage?.persist?.().catch(() => false);
    let live = true;
    sendMessage('stats', undefined).then(
      (stats) => live && setState({ status: 'ready', stats }),
      (err: unknown) => live && setState({ status: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
