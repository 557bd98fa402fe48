/**
 * What a user does to a person wherever it is offered — the popup's contact page and the options' "This week":
 * log that they got in touch, snooze them, give them a day, link them to someone, ask someone for an introduction.
 * One layer over the store, with the clock injected.
 */
import type { Contact, FollowUp, InteractionKind, RelationKind } from '../contacts/types';
import { formatDate, t } from '../platform/i18n';
import { markContacted, planFollowUp, snoozeFor } from '../storage/contact-writes';
import type { DB } from '../storage/db';
import type { Merged } from '../storage/links';

export interface ActionDeps {
  db: DB;
  now: () => number;
  /**
   * The writes over two people (storage/links.ts): not needed for a first screen, so each page loads them its
   * own way when first used (the popup with the rest of its later code).
   */
  links: () => Promise<LinkWrites>;
}

/** The writes over two people this layer calls (storage/links.ts). */
export type LinkWrites = Pick<
  typeof import('../storage/links'),
  | 'linkPeople'
  | 'unlinkPeople'
  | 'removeContact'
  | 'restoreContact'
  | 'logIntroductionAsked'
  | 'takeBack'
  | 'mergePeople'
  | 'unmerge'
>;

export function contactActions({ db, now, links }: ActionDeps) {
  return {
    /**
     * Logs a contact, now or at `at` (an earlier day): moves the due date to (the last contact + cadence, or the
     * follow-up asked for) and ends a snooze.
     */
    contacted: (id: string, kind: InteractionKind, note?: string, followUp?: FollowUp, at?: number) =>
      markContacted(db, id, kind, note, at ?? now(), followUp, now()),
    /** Keeps the person out of what is due for `days` days, or until their birthday comes (select.ts snoozeEnd). */
    snoozeFor: (id: string, days: number) => snoozeFor(db, id, days, now()),
    /** A follow-up planned for a day with no contact logged ("Wiedervorlage"), or none planned any more. */
    planFollowUp: (id: string, followUp: FollowUp | undefined) => planFollowUp(db, id, followUp, now()),
    /** Links two people (`kind` as `a` sees `b`), both sides. */
    link: async (a: string, b: string, kind: RelationKind, note?: string) =>
      (await links()).linkPeople(db, a, b, kind, note, now()),
    unlink: async (a: string, b: string) => (await links()).unlinkPeople(db, a, b, now()),
    /** Deletes a person and every link to them; hands the person back for undo. */
    remove: async (id: string) => (await links()).removeContact(db, id, now()),
    /** Two records of one person made one, `keep`'s; hands back what it wrote, for undo (unmerge). */
    merge: async (keep: string, other: string) => (await links()).mergePeople(db, keep, other, now()),
    /** Undo of a merge: the other back, and what the merge brought taken from the rest (changes since stand). */
    unmerge: async (merge: Pick<Merged, 'before' | 'after'>) => (await links()).unmerge(db, merge, now()),
    /** Undo of a delete: the person and their links back. */
    restore: async (c: Contact) => (await links()).restoreContact(db, c, now()),
    /** Undo of a step on one person (a log, an entry taken out, a snooze): `before` as it was, what changed since kept. */
    undo: async (before: Contact, after: Contact) => (await links()).takeBack(db, before, after, now()),
    /** Logs on both people that the user asked `introducer` to introduce them to `target`. */
    askIntroduction: async (introducer: { id: string; name: string }, target: { id: string; name: string }) =>
      (await links()).logIntroductionAsked(
        db,
        introducer.id,
        target.id,
        { introducer: t('introAskedOf', target.name), target: t('introAskedFor', introducer.name) },
        now(),
      ),
  };
}

export type ContactActions = ReturnType<typeof contactActions>;

/** What a follow-up planned (or no longer planned) says, with its Undo. */
export const followUpPlanned = (name: string, followUp: FollowUp | undefined) =>
  followUp ? t('followUpPlannedToast', name, formatDate(followUp.at)) : t('followUpCancelledToast', name);
