/** Sync's defaults, shared by the worker and the options page (which must not load the CardDAV client). */

/** The name of the address book Reconnect creates when the user wants a book of its own. */
export const BOOK_NAME = 'Reconnect';
/** How often sync runs while the browser is open, unless the user chose otherwise (minutes). */
export const DEFAULT_INTERVAL_MINUTES = 15;
