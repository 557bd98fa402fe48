import type { SyncErrorCode } from '../storage/sync-state';

/** A sync failure with a code the views put into words (and the engine acts on). */
export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode | 'tokenExpired' | 'truncated' | 'preconditionFailed' | 'gone',
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}
