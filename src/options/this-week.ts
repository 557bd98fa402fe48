/**
 * Who the "This week" view lists: the people this week's reminder named, or before it (a new install, this week's
 * slot still to come, reminders off) whom it would pick now (who is due before its day: storage/reminder-state.ts).
 */
import { nextSlot, previousSlot } from '../contacts/schedule';
import type { Contact } from '../contacts/types';
import { getContact } from '../storage/contacts';
import type { DB } from '../storage/db';
import { getReminderState, reminderPicks } from '../storage/reminder-state';
import { getSettings } from '../storage/settings';

/**
 * The people this week's reminder named and which of them are handled; or whom it would pick now and when the
 * next reminder comes (null: reminders are off).
 */
export type ThisWeek =
  | { from: 'reminder'; people: Contact[]; done: string[] }
  | { from: 'due'; people: Contact[]; nextAt: number | null };

export async function readThisWeek(db: DB, now: number): Promise<ThisWeek> {
  const [state, settings] = await Promise.all([getReminderState(db, now), getSettings(db)]);
  // A digest from before this week's slot is an earlier week's: this week's people are whom the reminder would pick.
  const digest = state.digest && state.digest.at >= previousSlot(now, settings) ? state.digest : undefined;
  if (!digest) {
    const picks = await reminderPicks(db, now, settings);
    const nextAt = settings.remindersOn ? nextSlot(now, settings) : null;
    return { from: 'due', people: picks.map((p) => p.contact), nextAt };
  }
  const found = await Promise.all(digest.ids.map((id) => getContact(db, id)));
  return { from: 'reminder', people: found.filter((c): c is Contact => !!c), done: digest.done };
}
