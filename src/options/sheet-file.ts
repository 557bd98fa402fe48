import type { ContactDraft } from '../contacts/fields';
import { type SheetHeading, writeSheetCsv } from '../interchange';
import { formatNumber, type MessageKey, t } from '../platform/i18n';
import { cadenceName } from '../ui/contact-controls';

/** A spreadsheet list's column headings: the fields as the contact's form names them, a list's values one each. */
const SHEET_LABELS: Partial<Record<SheetHeading, MessageKey>> = {
  name: 'fieldName',
  role: 'fieldRole',
  company: 'fieldCompany',
  location: 'fieldLocation',
  photoUrl: 'fieldPhotoUrl',
  profiles: 'sheetLink',
  emails: 'sheetEmail',
  phones: 'sheetPhone',
  circles: 'fieldCircles',
  notes: 'fieldNotes',
  birthday: 'fieldBirthday',
  cadenceDays: 'fieldCadence',
  salutation: 'fieldSalutation',
  metVia: 'fieldMetVia',
  introducedBy: 'fieldIntroducedBy',
  lastContactedAt: 'sheetLastContact',
  followUp: 'followUpOn',
  followUpNote: 'sheetFollowUpAbout',
};

const label = (heading: SheetHeading) => {
  const key = SHEET_LABELS[heading];
  return key ? t(key) : heading;
};

/**
 * The separator Excel parts a CSV file's cells by when it opens one: the system's list separator, ";" where numbers
 * are written with a decimal comma (German, French, Dutch…), "," elsewhere; the user's language stands for it, as it
 * writes numbers everywhere else (i18n.ts formatNumber).
 */
const delimiter = (): ',' | ';' => (formatNumber(1.5).includes(',') ? ';' : ',');

/**
 * The "CSV for Excel and other spreadsheets" file of these people (circles named as the user sees them), headed in the
 * user's language. In the import code's chunk (import-code.ts), as the other writers are.
 */
export function sheetFile(people: ContactDraft[]): string {
  return writeSheetCsv(people, { label, delimiter: delimiter(), words: { cadence: cadenceName } });
}
