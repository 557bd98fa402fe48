/** What a failed write means for the user; the views map each code to a localised message. */
export type StoreErrorCode = 'quota' | 'conflict' | 'notFound' | 'corrupt' | 'unavailable' | 'failed';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/** Turns an IndexedDB DOMException into a StoreError; the transaction it came from was rolled back. */
export function asStoreError(e: unknown): StoreError {
  if (e instanceof StoreError) return e;
  const name = e instanceof Error || (typeof e === 'object' && e && 'name' in e) ? String((e as Error).name) : '';
  if (name === 'QuotaExceededError' || isDiskFull(e)) return new StoreError('quota', 'Storage is full', { cause: e });
  if (name === 'ConstraintError') return new StoreError('conflict', 'Another contact has that profile', { cause: e });
  return new StoreError('failed', e instanceof Error ? e.message : String(e), { cause: e });
}

/**
 * With unlimitedStorage the browser sets no quota of its own: storage ends where the disk does. Chromium then
 * reports an UnknownError naming the IO failure (FILE_ERROR_NO_SPACE while writing, "full disk" while opening).
 */
function isDiskFull(e: unknown): boolean {
  const message =
    e instanceof Error || (typeof e === 'object' && e && 'message' in e) ? String((e as Error).message) : '';
  return /NO_SPACE|full disk|disk is full|no space left/i.test(message);
}

/** Opening the database failed: a full disk is said as such, anything else as "can't open", never "can't save". */
export function asOpenError(e: unknown): StoreError {
  const mapped = asStoreError(e);
  if (mapped.code !== 'failed') return mapped;
  return new StoreError('unavailable', mapped.message, { cause: e });
}

export async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw asStoreError(e);
  }
}

/**
 * Awaits every request of a write transaction and its completion. When it fails, the error reported is the
 * transaction's own (e.g. QuotaExceededError) rather than the AbortError its other requests then get. Bulk
 * writes pass no requests: they are made on the unwrapped store (no promise each), and a failing one aborts
 * the transaction with its error.
 */
export async function settle(
  tx: { done: Promise<void>; error: DOMException | null },
  requests: Promise<unknown>[] = [],
): Promise<void> {
  try {
    await Promise.all([...requests, tx.done]);
  } catch (e) {
    throw tx.error && (!(e instanceof DOMException) || e.name === 'AbortError') ? tx.error : e;
  }
}

/** Rolls a transaction back (nothing of it is written); its `done` promise is then expected to reject. */
export function abort(tx: { done: Promise<void>; abort(): void }): void {
  tx.done.catch(() => {});
  try {
    tx.abort();
  } catch {
    // Already aborted (a refused request aborts its transaction): there is nothing more to undo.
  }
}
