import { type ContactDraft, DRAFT_FIELDS, type DraftField } from '../contacts/fields';

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

/** An email address as the importers take one: anything with an @ (an intranet's dotless domain included). */
export const isAddress = (v: string) => v.includes('@');

/**
 * What an email field holds that is not an address ("anna at example.org"), for the preview to say: the person is
 * imported without it. A field of dashes or dots, or "n/a", is an empty field written another way.
 */
export const notAddresses = (values: readonly string[]) =>
  values.filter((v) => !isAddress(v) && /[\p{L}\p{N}]/u.test(v) && !/^n\/?a$/i.test(v));
