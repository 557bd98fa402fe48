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
