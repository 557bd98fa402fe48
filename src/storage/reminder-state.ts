import { beforeNextReminderDay, type Slot } from '../contacts/schedule';
import { type DigestEntry, selectDueFrom } from '../contacts/select';
import { announce } from './changes';
import { birthdaysSoon, dueInOrder, followUpsInOrder } from './contacts';
import type { DB } from './db';

/** What the weekly reminder remembers between worker lives (MV3 stops the worker between events). */
export interface ReminderState {
  installedAt: number;
  /** When the last digest was shown (or found nobody due). */
  lastShownAt?: number;
  /** The last digest: its notification id and who it named, so a click after a restart still works. */
  digest?: { id: string; at: number; ids: string[]; done: string[] };
}

const KEY = 'reminder';

export async function getReminderState(db: DB, now: number): Promise<ReminderState> {
  const raw = (await db.get('meta', KEY)) as Partial<ReminderState> | undefined;
  const state: ReminderState = { installedAt: typeof raw?.installedAt === 'number' ? raw.installedAt : now };
  if (typeof raw?.lastShownAt === 'number') state.lastShownAt = raw.lastShownAt;
  const d = raw?.digest;
  if (d && typeof d.id === 'string' && Array.isArray(d.ids))
    state.digest = {
      id: d.id,
      at: Number(d.at) || now,
      ids: d.ids.filter((x) => typeof x === 'string'),
      done: (d.done ?? []).filter((x) => typeof x === 'string'),
    };
  return state;
}

/**
 * Whether this profile's book has kept the reminder's state: from the first install's handler on (background/index.ts
 * saves it there), so none means Reconnect was never installed here, or everything went with an uninstall.
 */
export async function hasReminderState(db: DB): Promise<boolean> {
  return (await db.get('meta', KEY)) !== undefined;
}

/** Saves the reminder's state; an open "This week" shows the digest (or who is handled) from then on. */
export async function saveReminderState(db: DB, state: ReminderState): Promise<void> {
  await db.put('meta', state, KEY);
  announce({ kind: 'reminder' });
}

/**
 * Marks one person of the current digest as handled (contacted, snoozed or "not this time"), or, with `done`
 * false, as not handled (the step taken back).
 */
export async function markDigestDone(db: DB, id: string, now: number, done = true): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  const state = ((await tx.store.get(KEY)) as ReminderState | undefined) ?? { installedAt: now };
  if (state.digest) state.digest.done = [...state.digest.done.filter((x) => x !== id), ...(done ? [id] : [])];
  await tx.store.put(state, KEY);
  await tx.done;
  announce({ kind: 'reminder' });
}

/**
 * Who the weekly reminder names at `now`, at most `perReminder` (contacts/select.ts): whose birthday comes this week,
 * then who falls due before the next reminder's day (schedule.ts), follow-ups before the others. What its digest
 * shows, and what the options page's This week lists before this week's digest.
 */
export async function reminderPicks(
  db: DB,
  now: number,
  settings: Slot & { perReminder: number },
): Promise<DigestEntry[]> {
  const until = beforeNextReminderDay(now, settings);
  return selectDueFrom(dueInOrder(db, until), now, settings.perReminder, {
    until,
    birthdays: await birthdaysSoon(db, now),
    followUps: followUpsInOrder(db, until),
  });
}
