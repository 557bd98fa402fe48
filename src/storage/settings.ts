import { DEFAULT_CADENCE_DAYS } from '../contacts/cadence';
import { announce } from './changes';
import type { DB } from './db';
import { guarded } from './errors';

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

export const DEFAULT_CIRCLES = [
  'family',
  'friends',
  'formerColleagues',
  'club',
  'fellowStudents',
  'clients',
  'partners',
];

export const DEFAULT_SETTINGS: Settings = {
  weekday: 1,
  minutes: 9 * 60,
  perReminder: 5,
  defaultCadenceDays: DEFAULT_CADENCE_DAYS,
  remindersOn: true,
  loadPhotos: true,
  circles: DEFAULT_CIRCLES,
};

/** Reads settings, filling anything missing or malformed with its default (a corrupted value never breaks a view). */
export async function getSettings(db: DB): Promise<Settings> {
  const raw = (await db.get('meta', 'settings')) as Partial<Settings> | undefined;
  return normalizeSettings(raw);
}

export function normalizeSettings(raw: Partial<Settings> | undefined | null): Settings {
  const s = { ...DEFAULT_SETTINGS };
  if (!raw || typeof raw !== 'object') return s;
  const int = (v: unknown, lo: number, hi: number) =>
    typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;
  if (int(raw.weekday, 0, 6)) s.weekday = raw.weekday as number;
  if (int(raw.minutes, 0, 24 * 60 - 1)) s.minutes = raw.minutes as number;
  if (int(raw.perReminder, 1, 50)) s.perReminder = raw.perReminder as number;
  if (raw.defaultCadenceDays === null || int(raw.defaultCadenceDays, 1, 3650))
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
