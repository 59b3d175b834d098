/**
 * One value in the extension's local storage (`browser.storage.local`), read, written and watched.
 *
 * Both content scripts read settings on every page load. WXT's storage package did this with
 * versioned items, metadata and locks Dossier does not use: 23 kB of source in each content
 * script with dequal, defu, superlock and many-keys-map (8 kB of the minified content.js),
 * compiled on every page, and a read of each item's metadata key as each script started. The keys
 * are the ones it wrote (`local:settings` was the key `settings` of `storage.local`), so stored
 * values carry over.
 */
export interface StorageItem<T> {
  /** The stored value, or the fallback when none is stored. */
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /** Calls back with each new value (the fallback once removed); returns the unwatch function. */
  watch(callback: (value: T) => void): () => void;
}

/** Stored values are JSON-like: equal when their JSON is (a write of the same value changes nothing). */
const sameJson = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The item `key` of `browser.storage.local`, `fallback` when absent. */
export function localItem<T>(key: string, fallback: T): StorageItem<T> {
  const area = () => browser.storage.local;
  return {
    async getValue() {
      const value = (await area().get(key))[key] as T | null | undefined;
      return value ?? fallback;
    },
    async setValue(value) {
      await area().set({ [key]: value });
    },
    async removeValue() {
      await area().remove(key);
    },
    watch(callback) {
      const listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, areaName: string) => {
        const change = changes[key];
        if (areaName !== 'local' || !change || sameJson(change.newValue, change.oldValue)) return;
        callback((change.newValue as T | null | undefined) ?? fallback);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
