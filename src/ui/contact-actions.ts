/**
 * What a user does to a person wherever it is offered — the popup's contact page and the options' "This week":
 * log that they got in touch, or snooze them. One layer over the store, with the clock injected.
 */
import { DAY } from '../contacts/cadence';
import type { InteractionKind } from '../contacts/types';
import { markContacted, snooze } from '../storage/contacts';
import type { DB } from '../storage/db';

export interface ActionDeps {
  db: DB;
  now: () => number;
}

export function contactActions({ db, now }: ActionDeps) {
  return {
    /** Logs a contact: moves the due date to (now + cadence) and ends any snooze. */
    contacted: (id: string, kind: InteractionKind, note?: string) => markContacted(db, id, kind, note, now()),
    /** Keeps the person out of what is due for `days` days. */
    snoozeFor: (id: string, days: number) => snooze(db, id, now() + days * DAY, now()),
  };
}

export type ContactActions = ReturnType<typeof contactActions>;
