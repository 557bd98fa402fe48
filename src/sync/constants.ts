/** Sync's defaults, shared by the worker and the options page (which must not load the CardDAV client). */

/** The name of the address book Reconnect creates when the user wants a book of its own. */
export const BOOK_NAME = 'Reconnect';
/** How often sync runs while the browser is open, unless the user chose otherwise (minutes). */
export const DEFAULT_INTERVAL_MINUTES = 15;

/**
 * How the field table reads a card (interchange/vcard-fields.ts): raised with every change that reads a card already
 * synced otherwise, so that the people synced before take their card's new reading once (sync/reread.ts). 2: a fax
 * number is no phone, a URL without https:// and an iPhone's social handle are links, an evening birthday in UTC is
 * the next day's. 3: a value in QUOTED-PRINTABLE without a CHARSET may be Mac OS Roman (interchange/decode.ts).
 * 4: a TEL without a digit ("privat") is no phone (the card keeps it), a BDAY written as people write dates
 * ("23.04.1985") is read. (Sync reads a card's EMAIL values as written; only an import parts several in one.)
 */
export const CARD_READING = 4;
