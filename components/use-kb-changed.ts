import { useEffect, useRef } from 'preact/hooks';
import { KB_CHANGED } from '@/utils/messages';

/** True for the background's "the knowledge base changed" broadcast. */
export function isKbChanged(message: unknown): boolean {
  const m = message as { dossier?: unknown; event?: unknown } | null;
  return !!m && typeof m === 'object' && m.dossier === KB_CHANGED.dossier && m.event === KB_CHANGED.event;
}

/**
 * Calls `fn` after the background announces a change, so counts stay true while the page is open.
 * A burst of changes (several articles recorded at once) is answered with one call.
 */
export function useKbChanged(fn: () => void, delayMs = 150): void {
  const latest = useRef(fn);
  latest.current = fn;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const listener = (message: unknown) => {
      if (!isKbChanged(message)) return undefined;
      clearTimeout(timer);
      timer = setTimeout(() => latest.current(), delayMs);
      return undefined; // no reply: leaves the channel to whoever answers
    };
    browser.runtime.onMessage.addListener(listener);
    return () => {
      clearTimeout(timer);
      browser.runtime.onMessage.removeListener(listener);
    };
  }, [delayMs]);
}
