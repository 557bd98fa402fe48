/**
 * Correcting a person's contact log: an entry taken out (logged by mistake, or twice), and a step taken back (the
 * Undo after logging a contact, taking an entry out or a snooze). Pure: the store applies them in one transaction.
 */
import { type Contact, type Interaction, isContact, lastContact } from './types';
import { entryText, mergeLog } from './unite';

/**
 * The fields a log sets beside its entry: the last contact, a snooze (ended), a follow-up (set or done) and the due
 * date they give.
 */
const LOG_FIELDS = ['lastContactedAt', 'snoozedUntil', 'followUp', 'nextDueAt'] as const;

const fieldKey = (v: Contact[(typeof LOG_FIELDS)[number]]) =>
  typeof v === 'object' ? `${v.at} ${v.note ?? ''}` : String(v);

/**
 * The last contact as a changed log (`out`'s, changed from `sides`' logs: an entry taken out, a merge) has it: never
 * earlier than the latest contact the log holds, and where it was an entry's that the change took out, the latest
 * contact left (none: never contacted; an introduction asked for through them is no contact). A last contact that
 * was no entry's on any side (a card written by hand, a file's) stands. Sets it on `out`.
 */
export function withLastContact(out: Contact, ...sides: Pick<Contact, 'interactions'>[]): Contact {
  const left = lastContact(out.interactions)?.at;
  const at = out.lastContactedAt;
  const isEntry = (log: Contact['interactions'] = []) => log.some((x) => isContact(x) && x.at === at);
  if (left !== undefined && (at === undefined || at < left)) out.lastContactedAt = left;
  else if (at !== undefined && sides.some((s) => isEntry(s.interactions)) && !isEntry(out.interactions)) {
    if (left === undefined) delete out.lastContactedAt;
    else out.lastContactedAt = left;
  }
  return out;
}

/**
 * The person without one entry of their log, the last contact as the log left has it (withLastContact); the due
 * date then follows it. Unchanged when the entry is not there.
 */
export function withoutEntry(c: Contact, entry: Interaction): Contact {
  const key = entryText(entry);
  const i = c.interactions.findIndex((x) => entryText(x) === key);
  if (i < 0) return c;
  return withLastContact({ ...c, interactions: c.interactions.filter((_, j) => j !== i) }, c);
}

/**
 * The person with a step (`before` → `after`) taken back: the log entries it added taken out, the ones it took out
 * put back, and each field a log sets back to what it was where it is still as the step left it (a change made
 * since, on another page or by a sync, stands). Entries alike are counted: the second of two logs alike taken back
 * leaves the first, and an entry put back meanwhile is not put back twice.
 */
export function undone(current: Contact, before: Contact, after: Contact): Contact {
  // Three-way, with the step's result as the base (contacts/unite.ts mergeLog): what the step added taken off what is
  // there now, what it took out put back, what changed since kept.
  const interactions = mergeLog(after.interactions, current.interactions, before.interactions);
  const out: Record<string, unknown> = { ...current, interactions };
  for (const k of LOG_FIELDS) {
    if (fieldKey(current[k]) !== fieldKey(after[k])) continue;
    if (before[k] === undefined) delete out[k];
    else out[k] = before[k];
  }
  return out as unknown as Contact;
}
