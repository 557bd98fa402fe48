/**
 * The fields of a contact, one row each: what kind of value it holds and how the rest of Reconnect treats it.
 * Validation of stored and restored records, creating and merging from drafts, the draft type itself, the
 * capture's fields, the contact page's editor and the search text all derive from this table; the interchange
 * mappings (vCard, CSV) are tables keyed by the same fields, so a field missing from one of them does not compile.
 *
 * Adding a field: a property of `Contact` (types.ts), a row here, a label in the editor if users edit it
 * (ui/fields.ts), and a mapping in each interchange table (null where a format does not carry it).
 */
import type { Contact } from './types';

/** The shape of a value, which decides how it is read back, cleaned, united and edited. */
export type FieldKind =
  | 'id'
  /** A display name: trimmed, never empty. */
  | 'name'
  /** One line of text; absent when empty. */
  | 'text'
  /** An http(s) address; absent when empty or of another scheme. */
  | 'url'
  /** Free text over several lines; '' when none. */
  | 'note'
  | 'profiles'
  /** Email addresses: lowercased, each once. */
  | 'emails'
  /** Phone numbers, one a line, each once (by their digits: normalize.ts phoneDigits, merge.ts). */
  | 'phones'
  /** The circles (groups) a person is in, each once. */
  | 'circles'
  | 'birthday'
  /** Days between contacts, or null: no reminders. */
  | 'cadence'
  /** Yes, or absent. */
  | 'flag'
  /** A moment (epoch ms), absent when not set. */
  | 'time'
  /** A moment every record has (created, updated). */
  | 'stamp'
  | 'interactions'
  | 'history'
  /** Links to other people (by id, with the name known when linked), each once. */
  | 'relations'
  /** A follow-up date and what it is about. */
  | 'followUp'
  | 'source';

/**
 * How a draft (typed, captured, imported) changes a stored contact:
 * keep — never (the user's own value stands); track — the newer value wins and the change is kept in history;
 * replace — the newer value wins; fill — only when the contact has none; union — lists are united;
 * append — the lines the contact's text does not have are added (contacts/notes.ts);
 * latest — the later moment wins; plan — a planned day, only when the contact has none planned and it is after their
 * last contact (a follow-up a later contact settled is not planned again).
 */
export type MergeRule = 'keep' | 'track' | 'replace' | 'fill' | 'union' | 'append' | 'latest' | 'plan';

export interface FieldSpec {
  kind: FieldKind;
  /** Set from drafts, and how a draft changes it; fields without a rule are the store's own. */
  merge?: MergeRule;
  /** Read from a profile page by the capture. */
  capture?: true;
  /** Edited by the user on the contact page. */
  edit?: true;
  /** In the short form of capture and quick add. */
  form?: true;
  /** In the short form too, folded under "Email, phone, birthday": what a page does not give. */
  more?: true;
  /** Part of the text a search looks at. */
  search?: true;
}

export const FIELDS = {
  id: { kind: 'id' },
  name: { kind: 'name', merge: 'keep', capture: true, edit: true, form: true, search: true },
  role: { kind: 'text', merge: 'track', capture: true, edit: true, form: true, search: true },
  company: { kind: 'text', merge: 'track', capture: true, edit: true, form: true, search: true },
  location: { kind: 'text', merge: 'replace', capture: true, edit: true, form: true, search: true },
  photoUrl: { kind: 'url', merge: 'replace', capture: true, edit: true },
  profiles: { kind: 'profiles', merge: 'union', edit: true },
  emails: { kind: 'emails', merge: 'union', edit: true, more: true },
  phones: { kind: 'phones', merge: 'union', edit: true, more: true },
  circles: { kind: 'circles', merge: 'union', edit: true, form: true, search: true },
  notes: { kind: 'note', merge: 'append', edit: true, form: true, search: true },
  metVia: { kind: 'text', merge: 'fill', edit: true, form: true, search: true },
  introducedBy: { kind: 'text', merge: 'fill', edit: true },
  related: { kind: 'relations', merge: 'union' },
  birthday: { kind: 'birthday', merge: 'fill', edit: true, more: true },
  cadenceDays: { kind: 'cadence', merge: 'keep', edit: true, form: true },
  salutation: { kind: 'text', merge: 'fill', edit: true },
  formal: { kind: 'flag', merge: 'fill', edit: true },
  lastContactedAt: { kind: 'time', merge: 'latest' },
  nextDueAt: { kind: 'time' },
  snoozedUntil: { kind: 'time' },
  followUp: { kind: 'followUp', merge: 'plan' },
  interactions: { kind: 'interactions' },
  history: { kind: 'history' },
  source: { kind: 'source' },
  createdAt: { kind: 'stamp' },
  updatedAt: { kind: 'stamp' },
} as const satisfies { [K in keyof Contact]-?: FieldSpec };

type Table = typeof FIELDS;
export type FieldName = keyof Table;
type Where<P> = { [K in FieldName]: Table[K] extends P ? K : never }[FieldName];

/** Fields a draft may carry. */
export type DraftField = Where<{ merge: MergeRule }>;
/** Fields the capture reads from a profile page. */
export type CaptureField = Where<{ capture: true }>;
/** Fields the user edits on the contact page. */
export type EditField = Where<{ edit: true }>;
/** Fields of the short form (capture, quick add). */
export type FormField = Where<{ form: true }>;
/** Fields the short form folds: what a page does not give (for someone added by hand, or known beyond their page). */
export type MoreField = Where<{ more: true }>;
/** Fields a search looks at. */
export type SearchField = Where<{ search: true }>;

/**
 * A person as typed, captured or imported, before it becomes a stored Contact: a name and any draft field, and
 * for an imported record its id in the file (a vCard's UID), which links in the same file point at, and when the
 * file says the record was last changed (a vCard's REV).
 */
export type ContactDraft = Pick<Contact, 'name'> &
  Partial<Pick<Contact, Exclude<DraftField, 'name'>>> & { fileId?: string; writtenAt?: number };

export const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];

function where<K extends FieldName>(test: (spec: FieldSpec) => boolean): K[] {
  return FIELD_NAMES.filter((k) => test(FIELDS[k])) as K[];
}

export const DRAFT_FIELDS = /* @__PURE__ */ where<DraftField>((f) => f.merge !== undefined);
export const CAPTURE_FIELDS = /* @__PURE__ */ where<CaptureField>((f) => f.capture === true);
export const EDIT_FIELDS = /* @__PURE__ */ where<EditField>((f) => f.edit === true);
export const FORM_FIELDS = /* @__PURE__ */ where<FormField>((f) => f.form === true);
export const MORE_FIELDS = /* @__PURE__ */ where<MoreField>((f) => f.more === true);
export const SEARCH_FIELDS = /* @__PURE__ */ where<SearchField>((f) => f.search === true);

/** Captured fields a page can change on a saved person (shown as "changed since you saved"): all but the name. */
export const PAGE_FIELDS = CAPTURE_FIELDS.filter((k): k is Exclude<CaptureField, 'name'> => k !== 'name');

/** Edit fields' values as a form reads them back (ui/field-form.ts fromForm): undefined clears a field. */
export type FieldValues = Partial<Record<EditField, unknown>>;

/** A contact or draft with these values applied (cleared fields removed). */
export function applyValues<T extends Partial<Contact>>(c: T, values: FieldValues): T {
  const next = { ...c } as Record<string, unknown>;
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete next[k];
    else next[k] = v;
  }
  return next as T;
}

/** Kinds whose values are lists: drafts of one person are united, not overwritten. */
export const isListKind = (kind: FieldKind) =>
  kind === 'profiles' || kind === 'emails' || kind === 'phones' || kind === 'circles' || kind === 'relations';

/**
 * Lists whose order says nothing (profile links, circles, links to people): the same entries in another order are
 * the same value. A vCard cannot always keep their order either (its URLs are read before X-SOCIALPROFILE-only links,
 * one category line holds several circles, RELATED comes before the "Different people" marks). Emails and phone
 * numbers keep theirs: the first email is the one written to.
 */
export const isSetKind = (kind: FieldKind) => isListKind(kind) && kind !== 'emails' && kind !== 'phones';
