import type { SiteId } from './sites';

export type { SiteId };

export interface ProfileLink {
  url: string;
  site: SiteId;
  /**
   * A web address only: the name its page gives the person where the user said it is them under another name ("This
   * is …" on a homepage of "Dr. Hanna Vogel-Berg" saved with "Hanna Vogel"). The page finds them under it too.
   */
  named?: string;
}

/** How the user got in touch; the type and the list that validates stored ones are one. */
export const INTERACTION_KINDS = ['call', 'meeting', 'message', 'email', 'other', 'introduction'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/**
 * How two people in the book are linked: they know each other (both sides say "knows"), or one introduced the
 * other ("introducedBy" on the one introduced, "introduced" on the one who did it); or the user said the two are
 * different people, not one saved twice ("distinct", both sides: "Saved twice?" → "Different people").
 */
export const RELATION_KINDS = ['knows', 'introducedBy', 'introduced', 'distinct'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];
/** A link that says how two people are connected (who knows whom, who introduced whom): all but "distinct". */
export type TieKind = Exclude<RelationKind, 'distinct'>;
export const isTie = (r: Relation): r is Relation & { kind: TieKind } => r.kind !== 'distinct';

/** The kind the other side of a link holds. */
export const REVERSE_KIND: Record<RelationKind, RelationKind> = {
  knows: 'knows',
  introducedBy: 'introduced',
  introduced: 'introducedBy',
  distinct: 'distinct',
};

/**
 * A link to another person: by id when they are (or were, or will be after an import or sync) in the book; the
 * name is what was known of them when linked, shown as text while the id points at nobody here.
 */
export interface Relation {
  kind: RelationKind;
  id?: string;
  name?: string;
  /** "Worked together at Siemens". */
  note?: string;
}

/**
 * The tie-break every order of people ends with: ids by UTF-16 code units, as IndexedDB orders its keys (the due
 * index, so the list, an early search and the weekly reminder agree with the store).
 */
export const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The ids of the people a contact is linked to, each once (a link by name only has none); with `ties`, only those
 * it is connected with (not the people it was told apart from).
 */
export function linkedIds(c: { related: readonly Relation[] }, ties = false): string[] {
  return [...new Set(c.related.flatMap((r) => (r.id && (!ties || isTie(r)) ? [r.id] : [])))];
}

/** A follow-up the user asked for when logging a contact: it is their next due date, and the reason then. */
export interface FollowUp {
  at: number;
  note?: string;
}

/** How a contact came in. */
export const SOURCES = ['captured', 'manual', 'imported'] as const;
export type Source = (typeof SOURCES)[number];

export interface Interaction {
  at: number;
  kind: InteractionKind;
  note?: string;
}

/** Whether an entry of the log was a contact with the person: an introduction asked for through them is not one. */
export const isContact = (i: Interaction): boolean => i.kind !== 'introduction';

/**
 * The order of a log (interactions, role history): oldest first, entries of one moment as they were written. Every
 * log is read in it (validate.ts, a card's log) and kept in it, so a card or a file another app reordered shows and
 * counts as written.
 */
export const oldestFirst = (a: { at: number }, b: { at: number }) => a.at - b.at;

/** The latest contact a log holds (it is oldest first). */
export const lastContact = (log: readonly Interaction[]) => log.findLast(isContact);

export interface HistoryEntry {
  at: number;
  field: 'role' | 'company';
  from?: string;
  to?: string;
}

export interface Birthday {
  month: number;
  day: number;
  year?: number;
}

export interface Contact {
  /** Random UUID: a person may have several profiles, or none. */
  id: string;
  name: string;
  role?: string;
  company?: string;
  location?: string;
  photoUrl?: string;
  profiles: ProfileLink[];
  emails: string[];
  phones: string[];
  circles: string[];
  notes: string;
  metVia?: string;
  introducedBy?: string;
  /** Links to other people (relations.ts keeps both sides in step). */
  related: Relation[];
  birthday?: Birthday;
  /** null: no reminders for this person. */
  cadenceDays: number | null;
  /**
   * How they are addressed, as a formal greeting says it ("Herr", "Frau", "Mr.", "Ms."): with it a formal draft greets
   * "Guten Tag Herr Dr. Mustermann," rather than by the whole name.
   */
  salutation?: string;
  /** Addressed formally: a message draft says "Sie" in German and greets by the full name ("Dear …"). */
  formal?: true;
  lastContactedAt?: number;
  nextDueAt?: number;
  snoozedUntil?: number;
  followUp?: FollowUp;
  interactions: Interaction[];
  history: HistoryEntry[];
  source: Source;
  createdAt: number;
  updatedAt: number;
}
