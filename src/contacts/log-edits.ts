/**
 * Correcting a person's contact log: an entry taken out (logged by mistake, or twice), and a step taken back (the
 * Undo after logging a contact, taking an entry out or a snooze). Pure: the store applies them in one transaction.
 */
import { type Contact, type Interaction, isContact } from './types';

/** One entry of the log as text: two entries alike in when, how and note are one. */
const entryKey = (i: Interaction) => `${i.at} ${i.kind} ${i.note ?? ''}`;

/**
 * The fields a log sets beside its entry: the last contact, a snooze (ended), a follow-up (set or done) and the due
 * date they give.
 */
const LOG_FIELDS = ['lastContactedAt', 'snoozedUntil', 'followUp', 'nextDueAt'] as const;

const fieldKey = (v: Contact[(typeof LOG_FIELDS)[number]]) =>
  typeof v === 'object' ? `${v.at} ${v.note ?? ''}` : String(v);

/**
 * The person without one entry of their log. When it was the last contact, the last contact is the latest contact
 * left (none left: never contacted; an introduction asked for through them is no contact); the due date then
 * follows it. Unchanged when the entry is not there.
 */
export function withoutEntry(c: Contact, entry: Interaction): Contact {
  const key = entryKey(entry);
  const i = c.interactions.findIndex((x) => entryKey(x) === key);
  if (i < 0) return c;
  const interactions = c.interactions.filter((_, j) => j !== i);
  const out: Contact = { ...c, interactions };
  const contacts = interactions.filter(isContact);
  if (isContact(entry) && c.lastContactedAt === entry.at && !contacts.some((x) => x.at >= entry.at)) {
    if (contacts.length) out.lastContactedAt = Math.max(...contacts.map((x) => x.at));
    else delete out.lastContactedAt;
  }
  return out;
}

/** How many entries of each kind (entryKey) a log holds: two alike are two (a contact logged twice for one day). */
function counted(log: Interaction[]): Map<string, number> {
  const n = new Map<string, number>();
  for (const x of log) n.set(entryKey(x), (n.get(entryKey(x)) ?? 0) + 1);
  return n;
}

/**
 * The person with a step (`before` → `after`) taken back: the log entries it added taken out, the ones it took out
 * put back, and each field a log sets back to what it was where it is still as the step left it (a change made
 * since, on another page or by a sync, stands). Entries alike are counted: the second of two logs alike taken back
 * leaves the first, and an entry put back meanwhile is not put back twice.
 */
export function undone(current: Contact, before: Contact, after: Contact): Contact {
  const had = counted(before.interactions);
  const has = counted(after.interactions);
  const holds = counted(current.interactions);
  // How many of a kind to keep: the step's additions taken off what is there now, its removals put back up to what
  // there was before it.
  const wanted = (k: string) => {
    const [b, a, c] = [had.get(k) ?? 0, has.get(k) ?? 0, holds.get(k) ?? 0];
    return a > b ? Math.max(0, c - (a - b)) : Math.max(c, Math.min(b, c + b - a));
  };
  const taken = new Map<string, number>();
  const interactions = [...current.interactions, ...before.interactions]
    .filter((x) => {
      const k = entryKey(x);
      const n = taken.get(k) ?? 0;
      if (n >= wanted(k)) return false;
      taken.set(k, n + 1);
      return true;
    })
    .sort((a, b) => a.at - b.at);
  const out: Record<string, unknown> = { ...current, interactions };
  for (const k of LOG_FIELDS) {
    if (fieldKey(current[k]) !== fieldKey(after[k])) continue;
    if (before[k] === undefined) delete out[k];
    else out[k] = before[k];
  }
  return out as unknown as Contact;
}
