/**
 * The messages the views send the worker about sync (the worker does all of sync's talking to the server: the
 * views' own pages allow no connection at all). They extend the one typed message map (platform/messages.ts).
 */
import type { SyncErrorCode } from '../storage/sync-state';
import type { AddressBook } from './dav';
import type { LinkPreview, RunReport } from './engine';
import type { SetupResult } from './service';

export type { AddressBook, LinkPreview, RunReport, SetupResult, SyncErrorCode };

declare module '../platform/messages' {
  interface MessageMap {
    /** Setup: try the server with these credentials; the origins were granted in the user's click. */
    'sync-connect': {
      request: { server: string; username: string; password: string; origins: string[] };
      response: SetupResult<{ books: AddressBook[]; home: string }>;
    };
    'sync-create-book': { request: { home: string }; response: SetupResult<AddressBook> };
    /** Setup: this book, and what linking it would do (a dry run). */
    'sync-choose-book': { request: { book: AddressBook }; response: SetupResult<LinkPreview> };
    /** Setup: the user confirmed the preview. */
    'sync-start': { request: Record<string, never>; response: SetupResult<RunReport | null> };
    'sync-now': { request: Record<string, never>; response: SetupResult<RunReport | null> };
    'sync-enable': { request: { enabled: boolean }; response: null };
    'sync-interval': { request: { minutes: number }; response: null };
    'sync-remove': { request: Record<string, never>; response: null };
    'sync-resolve': { request: { choice: 'restore' | 'delete' }; response: SetupResult<RunReport | null> };
  }
}
