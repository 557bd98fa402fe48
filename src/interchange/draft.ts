import { type ContactDraft, DRAFT_FIELDS, type DraftField } from '../contacts/fields';
import { isAddress, isPhoneNumber } from '../contacts/normalize';
import { profilesIn } from '../contacts/profile-url';
import { withScheme } from '../contacts/web-address';
import type { ImportError } from './types';

/**
 * A draft from a record of any format: every draft field the format's mapping reads (`read` answers undefined for
 * the rest); a record without a name is named by its first email, as address books show it.
 */
export function draftFrom(read: (field: DraftField) => unknown): ContactDraft {
  const draft: Record<string, unknown> = { name: '', emails: [] };
  for (const k of DRAFT_FIELDS) {
    const value = read(k);
    if (value !== undefined) draft[k] = value;
  }
  const d = draft as ContactDraft;
  if (!d.name) d.name = d.emails?.[0] ?? '';
  return d;
}

/**
 * What a record's birthday, email, web address, phone, last contact and cadence fields held, as written, that its
 * draft could not take ("anna at example.org", 31.02.1985, "@anna" in a web address column, "privat" in a phone
 * column, "ab und zu"): said in the preview, not dropped unnoticed, and the person comes in without it. One rule for
 * every reader. A field of dashes or dots, or "n/a", is an empty field written another way.
 */
export function unreadValues(
  draft: ContactDraft,
  written: {
    birthday: string;
    emails: readonly string[];
    urls: readonly string[];
    phones: readonly string[];
    lastContact?: string;
    followUp?: string;
    cadence?: string;
  },
  at: { record: number; line?: number | undefined },
): ImportError[] {
  const errors: ImportError[] = [];
  // Something written: not a field of dashes or dots, nor "n/a" (an empty field written another way).
  const said = (v: string) => /[\p{L}\p{N}]/u.test(v) && !/^n\/?a$/i.test(v);
  if (written.birthday && !draft.birthday) errors.push({ code: 'unreadBirthday', ...at, detail: written.birthday });
  const last = written.lastContact ?? '';
  if (said(last) && draft.lastContactedAt === undefined)
    errors.push({ code: 'unreadLastContact', ...at, detail: last });
  const followUp = written.followUp ?? '';
  if (said(followUp) && draft.followUp === undefined) errors.push({ code: 'unreadFollowUp', ...at, detail: followUp });
  const cadence = written.cadence ?? '';
  if (said(cadence) && draft.cadenceDays === undefined) errors.push({ code: 'unreadCadence', ...at, detail: cadence });
  for (const v of written.emails) if (!isAddress(v) && said(v)) errors.push({ code: 'unreadEmail', ...at, detail: v });
  for (const v of written.phones)
    if (!isPhoneNumber(v) && said(v)) errors.push({ code: 'unreadPhone', ...at, detail: v });
  for (const v of written.urls)
    if (!profilesIn([withScheme(v)]).length && said(v)) errors.push({ code: 'unreadUrl', ...at, detail: v });
  return errors;
}
