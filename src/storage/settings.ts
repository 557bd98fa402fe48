import { DEFAULT_CADENCE_DAYS } from '../contacts/cadence';
import { DEFAULT_CIRCLES, renameCircles } from '../contacts/circles';
import type { Contact } from '../contacts/types';
import { toContact } from '../contacts/validate';
import { announce } from './changes';
import { type DB, toRecord } from './db';
import { guarded, settle } from './errors';
import { updateSearchIndex } from './search-index';

export interface Settings {
  /** 0 = Sunday … 6 = Saturday, as Date#getDay; the weekly slot is in the user's local time. */
  weekday: number;
  /** Minutes after local midnight. */
  minutes: number;
  perReminder: number;
  defaultCadenceDays: number | null;
  remindersOn: boolean;
  /** Show initials instead of loading contact photos from their sites. */
  loadPhotos: boolean;
  /** The user's circles (groups); the defaults are keys localised at display time until renamed. */
  circles: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  weekday: 1,
  minutes: 9 * 60,
  perReminder: 5,
  defaultCadenceDays: DEFAULT_CADENCE_DAYS,
  remindersOn: true,
  loadPhotos: true,
  circles: DEFAULT_CIRCLES,
};

/** How many people a weekly reminder may name: what is stored, and what the settings form accepts. */
export const PER_REMINDER = { min: 1, max: 50 } as const;
const isInt = (v: unknown, lo: number, hi: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;
export const perReminderOk = (v: unknown): v is number => isInt(v, PER_REMINDER.min, PER_REMINDER.max);

/** Reads settings, filling anything missing or malformed with its default (a corrupted value never breaks a view). */
export async function getSettings(db: DB): Promise<Settings> {
  return normalizeSettings(await db.get('meta', 'settings'));
}

/** Settings from a stored value or a backup's: anything missing or malformed is its default. */
export function normalizeSettings(value: unknown): Settings {
  const s = { ...DEFAULT_SETTINGS };
  if (!value || typeof value !== 'object') return s;
  const raw = value as Partial<Settings>;
  if (isInt(raw.weekday, 0, 6)) s.weekday = raw.weekday;
  if (isInt(raw.minutes, 0, 24 * 60 - 1)) s.minutes = raw.minutes;
  if (perReminderOk(raw.perReminder)) s.perReminder = raw.perReminder;
  if (raw.defaultCadenceDays === null || isInt(raw.defaultCadenceDays, 1, 3650))
    s.defaultCadenceDays = raw.defaultCadenceDays ?? null;
  if (typeof raw.remindersOn === 'boolean') s.remindersOn = raw.remindersOn;
  if (typeof raw.loadPhotos === 'boolean') s.loadPhotos = raw.loadPhotos;
  if (Array.isArray(raw.circles) && raw.circles.every((c) => typeof c === 'string')) s.circles = raw.circles;
  return s;
}

export function saveSettings(db: DB, settings: Settings): Promise<void> {
  return guarded(async () => {
    await db.put('meta', normalizeSettings(settings), 'settings');
    announce({ kind: 'settings' });
  });
}

/**
 * Saves settings and renames circles (old name → new name) in every contact that has them, in one transaction:
 * the settings and the people never disagree about a circle's name. Returns how many people were renamed.
 */
export function saveSettingsRenaming(
  db: DB,
  settings: Settings,
  renames: ReadonlyMap<string, string>,
  now: number,
): Promise<number> {
  return guarded(async () => {
    const tx = db.transaction(['contacts', 'meta', 'search'], 'readwrite');
    let renamed = 0;
    const indexed: { id: string; contact: Contact }[] = [];
    const writes: Promise<unknown>[] = [tx.objectStore('meta').put(normalizeSettings(settings), 'settings')];
    if (renames.size) {
      const contacts = tx.objectStore('contacts');
      for (const r of await contacts.getAll()) {
        // A damaged record is left as it is (it is reported where contacts are read).
        const before = toContact(r);
        if (!before?.circles.some((c) => renames.has(c))) continue;
        const after = { ...renameCircles(before, renames), updatedAt: now };
        writes.push(contacts.put(toRecord(after)));
        indexed.push({ id: after.id, contact: after });
        renamed++;
      }
      // Circles are searched: the index learns the new names in the same transaction.
      writes.push(updateSearchIndex(tx, indexed));
    }
    await settle(tx, writes);
    announce({ kind: 'settings' });
    if (renamed) announce({ kind: 'contacts' });
    return renamed;
  });
}
