import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { loadSettings, normalizeSettings, saveSettings, settingsItem, type Settings } from '@/utils/settings';

export type SaveState = { status: 'idle' } | { status: 'saving' } | { status: 'saved' } | { status: 'error'; message: string };

/**
 * The settings as a form sees them: loaded once, kept in step with changes made elsewhere (the
 * popup's "pause on this site", another options tab), and saved the moment the reader changes one.
 */
export function useSettings(): { settings: Settings | null; save: (patch: Partial<Settings>) => Promise<void>; saveState: SaveState } {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ status: 'idle' });
  const pending = useRef(0);

  useEffect(() => {
    let live = true;
    void loadSettings().then((s) => live && setSettings(s));
    const unwatch = settingsItem.watch((value) => live && setSettings(normalizeSettings(value)));
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  const save = useCallback(async (patch: Partial<Settings>) => {
    // Shown at once; the stored value (and the watcher) follow.
    setSettings((s) => (s ? normalizeSettings({ ...s, ...patch }) : s));
    setSaveState({ status: 'saving' });
    const mine = ++pending.current;
    try {
      const next = await saveSettings(patch);
      if (mine === pending.current) {
        setSettings(next);
        setSaveState({ status: 'saved' });
      }
    } catch (err) {
      setSaveState({ status: 'error', message: err instanceof Error ? err.message : String(err) });
      setSettings(await loadSettings().catch(() => null));
    }
  }, []);

  return { settings, save, saveState };
}
