import type { Contact } from '../contacts/types';
import { toContact } from '../contacts/validate';

/** The JSON backup: everything, versioned, restored losslessly. */
export interface Backup {
  app: 'reconnect';
  version: 1;
  exportedAt: string;
  contacts: Contact[];
  settings: unknown;
  /**
   * Pairs of the people above marked as different people ("Saved twice?"), each two ids joined by a line break: how
   * 0.7.0 wrote the marks. Since 0.8.0 they are on the people (a link of kind "distinct"), and this is only read.
   */
  distinct?: string[];
}

export function makeBackup(contacts: Contact[], settings: unknown, now: number): string {
  const backup: Backup = {
    app: 'reconnect',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    contacts,
    settings,
  };
  return JSON.stringify(backup, null, 2);
}

/**
 * Reads a backup; null when it is not one of ours, `newer` when a later version of Reconnect wrote it (its format
 * number: it may hold what this version would drop). Damaged contacts are counted, not thrown.
 */
export function parseBackup(
  text: string,
): { contacts: Contact[]; settings: unknown; distinct: string[]; damaged: number[] } | { newer: number } | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const b = raw as Partial<Backup>;
  if (b.app !== 'reconnect' || typeof b.version !== 'number' || !Array.isArray(b.contacts)) return null;
  if (b.version > 1) return { newer: b.version };
  const contacts: Contact[] = [];
  const damaged: number[] = [];
  b.contacts.forEach((c, i) => {
    const ok = toContact(c);
    if (ok) contacts.push(ok);
    else damaged.push(i + 1);
  });
  const distinct = Array.isArray(b.distinct) ? b.distinct.filter((p): p is string => typeof p === 'string') : [];
  return { contacts, settings: b.settings, distinct, damaged };
}
