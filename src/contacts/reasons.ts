/**
 * Why to get in touch with someone now: the reasons a due person is shown with (the weekly notification, "This
 * week", the popup's due rows, the contact page), most relevant first. Pure: every function takes `now`; calendar
 * arithmetic is by local date fields, so a reason never shifts by a day across DST or a year's end.
 */
import { calendarDays } from './cadence';
import { type Contact, type FollowUp, type HistoryEntry, type InteractionKind, isContact, lastContact } from './types';
import { type BirthdaySoon, birthdaySoon, nextYearly, REASON_DAYS } from './yearly';

export type Reason =
  /** A birthday within the coming week (yearly.ts). */
  | BirthdaySoon
  /** Their role or company changed (seen on their profile) since the last contact, or since they were saved. */
  | { kind: 'change'; at: number; sinceContact: boolean; role?: string; company?: string }
  /** A follow-up the user asked for when logging a contact, due now or within the week. */
  | { kind: 'followUp'; at: number; note?: string }
  /** The anniversary of when they met, within the coming week. */
  | { kind: 'anniversary'; years: number; at: number; metVia?: string }
  /** Otherwise: the last contact. */
  | { kind: 'last'; at: number; how: InteractionKind; note?: string }
  /** Otherwise: never contacted, added at `at`. */
  | { kind: 'never'; at: number };

export type ReasonKind = Reason['kind'];

/** When they met, as far as the book knows: their first logged contact, or when they were saved by hand or captured. */
export function metAt(c: Pick<Contact, 'interactions' | 'createdAt' | 'source'>): number | undefined {
  const first = c.interactions.find(isContact)?.at;
  const added = c.source === 'imported' ? undefined : c.createdAt;
  if (first === undefined) return added;
  return added === undefined ? first : Math.min(first, added);
}

/** Role and company changes after `since`: the latest value of each. */
function changesSince(history: HistoryEntry[], since: number) {
  const later = history.filter((h) => h.at > since);
  const last = later[later.length - 1];
  return last ? { at: last.at, fields: new Set(later.map((h) => h.field)) } : undefined;
}

type ReasonFields = Pick<
  Contact,
  | 'birthday'
  | 'history'
  | 'followUp'
  | 'interactions'
  | 'createdAt'
  | 'source'
  | 'metVia'
  | 'lastContactedAt'
  | 'role'
  | 'company'
>;

/**
 * A follow-up asked for is a reason once its day is within the coming week (yearly.ts REASON_DAYS), and stays one
 * once past, until the next contact clears it; further off, the contact page only says it is planned.
 */
export function followUpIsReason(c: Pick<Contact, 'followUp'>, now: number): c is { followUp: FollowUp } {
  return c.followUp !== undefined && calendarDays(now, c.followUp.at) <= REASON_DAYS;
}

/**
 * Every reason that holds for this person now, most relevant first: a birthday this week, a new role since the
 * last contact, a follow-up asked for, an anniversary of meeting; then the last contact (or that there was none),
 * which always holds, so the list is never empty. A follow-up whose day comes before the birthday's (Wednesday's
 * offer, Saturday's birthday; one whose day has gone by) is first: it is what the user asked to be reminded of, and
 * where there is room for one line (topReason: the reminder, a row) it would not be said until the birthday passed.
 */
export function reasonsFor(c: ReasonFields, now: number): Reason[] {
  const out: Reason[] = [];
  const birthday = birthdaySoon(c, now);
  const followUp: Reason | undefined = followUpIsReason(c, now)
    ? { kind: 'followUp', at: c.followUp.at, ...(c.followUp.note ? { note: c.followUp.note } : {}) }
    : undefined;
  const followUpFirst = followUp !== undefined && birthday !== undefined && calendarDays(followUp.at, birthday.at) > 0;
  if (followUp && followUpFirst) out.push(followUp);
  if (birthday) out.push(birthday);
  const since = c.lastContactedAt ?? c.createdAt;
  const changed = changesSince(c.history, since);
  if (changed)
    out.push({
      kind: 'change',
      at: changed.at,
      sinceContact: c.lastContactedAt !== undefined,
      ...(c.role ? { role: c.role } : {}),
      ...(c.company ? { company: c.company } : {}),
    });
  if (followUp && !followUpFirst) out.push(followUp);
  const met = metAt(c);
  if (met !== undefined) {
    const m = new Date(met);
    const at = nextYearly(now, m.getMonth() + 1, m.getDate());
    const years = new Date(at).getFullYear() - m.getFullYear();
    if (years >= 1 && calendarDays(now, at) <= REASON_DAYS)
      out.push({ kind: 'anniversary', years, at, ...(c.metVia ? { metVia: c.metVia } : {}) });
  }
  // The last contact logged, or the last contact itself where nothing logged is as late (a file said when).
  const last = lastContact(c.interactions);
  if (last && last.at >= (c.lastContactedAt ?? last.at))
    out.push({ kind: 'last', at: last.at, how: last.kind, ...(last.note ? { note: last.note } : {}) });
  else if (c.lastContactedAt !== undefined) out.push({ kind: 'last', at: c.lastContactedAt, how: 'other' });
  else out.push({ kind: 'never', at: c.createdAt });
  return out;
}

/** The one reason to show where there is room for one. */
export const topReason = (c: ReasonFields, now: number): Reason => reasonsFor(c, now)[0] as Reason;

/** The first words of a note, at most `max` characters, cut at a word. */
export function firstWords(text: string, max = 40): string {
  const one = text.replace(/\s+/g, ' ').trim();
  if (one.length <= max) return one;
  const cut = one.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : one.slice(0, max)).replace(/[\s,.;:–—-]+$/, '')}…`;
}
