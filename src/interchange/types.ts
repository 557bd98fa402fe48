import type { ContactDraft } from '../contacts/fields';
import type { Contact } from '../contacts/types';
import type { CsvLayout } from './csv-layout';
import type { UnreadKind } from './vcard-unread';

export type Format = 'vcard' | 'csv' | 'json' | 'fritzbox';

/** Why a file or one of its records cannot be imported; the views show each code as a localised sentence. */
export type ImportErrorCode =
  | 'empty'
  | 'tooLarge'
  | 'binary'
  /** A file in UTF-16 (by its BOM or its zero bytes) that holds bytes UTF-16 does not (cut off, or mangled). */
  | 'damaged'
  /** A spreadsheet's own file (.xlsx, .xls, .ods, .numbers): to be saved as CSV first. */
  | 'spreadsheet'
  | 'unknownFormat'
  | 'badBackup'
  /** A backup written by a later version of Reconnect (`detail`: its format): not read, so nothing of it is lost. */
  | 'newerBackup'
  | 'noName'
  | 'badRecord'
  /** A record's birthday could not be read (or its day and month could be either way): imported without it. */
  | 'unreadBirthday'
  /**
   * A CSV's last contact could not be read as a day with its year, or is a day still to come: imported without it
   * (the person is due as someone never contacted).
   */
  | 'unreadLastContact'
  | 'unreadFollowUp'
  /** A CSV's cadence says no way of "how often" the import knows: imported with the default one. */
  | 'unreadCadence'
  /** A record's email column holds something that is not an address: imported without it. */
  | 'unreadEmail'
  /** A record's phone column or TEL holds something without a digit ("privat", "k. A."): imported without it. */
  | 'unreadPhone'
  /** A record's web address column or URL holds something that is no web address ("@anna"): imported without it. */
  | 'unreadUrl'
  /**
   * A CSV's phone number a spreadsheet wrote in scientific notation ("4,92215E+12"), its digits lost: imported
   * without it, and the way to a file with the whole number said.
   */
  | 'shortenedPhone'
  /**
   * A CSV's phone number a spreadsheet saved as a number, its leading 0 or "+" gone (csv-phones.ts): imported with it
   * put back (`read`), as the file's other numbers say.
   */
  | 'mendedPhone'
  /** A CSV file's quotation mark opens a field that never ends (`line`): that line and the rest are not read. */
  | 'unclosedQuote'
  /** A vCard without END:VCARD: read up to the next card or the file's end, and imported. */
  | 'unclosedCard'
  /** Lines of a vCard file outside every card (`line`, the first of them; a BEGIN:VCARD missing): not read. */
  | 'outsideCard'
  /** A FRITZ!Box's call blocklist (`detail`: its name, "Rufsperren"), a phone book of its own: not read. */
  | 'blocklist';

export interface ImportError {
  code: ImportErrorCode;
  /** 1-based number of the card or row the error is about. */
  record?: number;
  /** 1-based line in the file, where known. */
  line?: number;
  detail?: string;
  /** What the value was read as, where the import mended it (`detail` as written). */
  read?: string;
}

export interface ParseResult {
  format: Format | null;
  encoding?: string;
  /** The file did not say its encoding and it was not UTF-8: the code page was chosen by what the bytes look like. */
  encodingGuessed?: boolean;
  /** Every person found, in file order; one without a name has name '' and an error naming its record. */
  contacts: ContactDraft[];
  errors: ImportError[];
  /** A CSV file's rows and what its columns hold: the preview lets the user say it where it was not certain. */
  csv?: CsvLayout;
  /**
   * A vCard file's groups (Apple's group cards, KIND:group), which are not people: each one's name, which its
   * members in the file are given as a circle, and how many of them the file holds.
   */
  groups?: { name: string; members: number }[];
  /** What a vCard file's people's cards hold that the import does not keep, by kind, with how many cards hold it. */
  cardsUnread?: { kind: UnreadKind; cards: number }[];
  /** A JSON backup restores whole contacts (history, interactions), settings and "Different people" marks. */
  backup?: { contacts: Contact[]; settings: unknown; distinct: string[] };
}

/** Larger files are refused with a message before any parsing (a 10k-contact vCard with photo links is ~5 MB). */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;
