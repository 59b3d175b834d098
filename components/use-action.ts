import { useState } from 'preact/hooks';

/** Runs a user action against the background and keeps its error message for the view to show. */
export function useAction(): [error: string | null, act: (op: () => Promise<unknown>) => Promise<void>] {
  const [error, setError] = useState<string | null>(null);
  const act = async (op: () => Promise<unknown>) => {
    setError(null);
    try {
      await op();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return [error, act];
}
