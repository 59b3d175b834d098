/** Turns IndexedDB failures into messages a reader can act on; nothing stored before is lost in either case. */

function errorName(err: unknown): string {
  const e = err as { name?: string; inner?: { name?: string } } | null;
  return e?.inner?.name ?? e?.name ?? '';
}

/** The error to show for a failed write: a full disk, an interrupted write and a blocked upgrade get their own words. */
export function explainStorageError(err: unknown): Error {
  const name = errorName(err);
  if (name === 'QuotaExceededError')
    return new Error('Your disk is full, so Dossier could not save this. Nothing saved before was lost; free some space and try again.');
  if (name === 'UpgradeBlockedError') return err as Error;
  // An aborted transaction (the worker or the browser stopped mid-write): IndexedDB undid all of it.
  if (name === 'AbortError' || name === 'TransactionInactiveError')
    return new Error('Dossier was interrupted before it finished saving this, so none of it was saved. Nothing saved before was lost; try again.');
  if (name === 'VersionError' || name === 'BlockedError' || name === 'DatabaseClosedError')
    return new Error('Dossier is updating its database and another window still uses the old version. Close other Dossier windows and try again; nothing was lost.');
  return err instanceof Error ? err : new Error(String(err));
}
