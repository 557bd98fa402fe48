/**
 * Two accounts of one person made one, field by field: the one rule for each kind of field (mergedValue), which
 * sync's merge uses against the card both last agreed on and, without one (the first link of two books), as the
 * merge of two saved records and of one person twice in a file do, with nothing removed. Pure, and free of the
 * vCard code, so a page can load it alone.
 */
import { nextDueAt } from './cadence';
import { entryKey, uniqueList } from './entries';
import { FIELD_NAMES, FIELDS, type FieldKind, type FieldName, isListKind, isSetKind } from './fields';
import { joinNotes } from './notes';
import { type Contact, type HistoryEntry, type Interaction, oldestFirst, type ProfileLink } from './types';

export const isEmpty = (v: unknown) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** Deep equality of plain values, key order aside. */
function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/** Whether two values of a field say the same: empty text, empty lists and absence are one thing (null is not). */
export function sameValue(a: unknown, b: unknown): boolean {
  return (isEmpty(a) && isEmpty(b)) || equal(a, b);
}

type Same = (a: unknown, b: unknown) => boolean;
const has = (list: unknown[], item: unknown, same: Same = sameValue) => list.some((x) => same(x, item));

/**
 * Whether two values of field `k` say the same: a list whose order says nothing (fields.ts isSetKind) as a set, so
 * an entry added here that reads back from a card in another place is no change.
 */
export function sameField(k: FieldName, a: unknown, b: unknown): boolean {
  if (!isSetKind(FIELDS[k].kind) || !Array.isArray(a) || !Array.isArray(b)) return sameValue(a, b);
  return a.length === b.length && a.every((x) => has(b, x)) && b.every((x) => has(a, x));
}

/**
 * Whether an entry is still there, or was added or taken out, on a side: a profile link is its address (the name its
 * page gives the person is one side's word on it, not another link), any other entry its whole value, so a number
 * another app rewrote there is that app's edit.
 */
const sameEntry = (kind: FieldKind): Same =>
  kind === 'profiles' ? (a, b) => (a as ProfileLink).url === (b as ProfileLink).url : sameValue;

/**
 * Entry-by-entry three-way merge of a list of this kind: local, plus what the remote added, minus what the remote
 * removed. An added entry this side holds already, written another way (entries.ts entryKey: "+49 (0)30 …" beside
 * "+49 30 …"), is there once, as this side writes it.
 */
export function mergeList(kind: FieldKind, base: unknown[], local: unknown[], remote: unknown[]): unknown[] {
  const same = sameEntry(kind);
  const kept = local.filter((x) => !(has(base, x, same) && !has(remote, x, same)));
  const held = new Set(kept.map((x) => entryKey(kind, x)));
  const added = remote.filter((x) => {
    const key = entryKey(kind, x);
    if (has(base, x, same) || held.has(key)) return false;
    held.add(key);
    return true;
  });
  return [...kept, ...added];
}

/**
 * A log (interactions or role history) of two sides, oldest first, counting entries alike (a call logged twice for
 * one day is two). Against the base both last agreed on, entry by entry: a side that left an entry's count as it
 * was takes the other's; both added: the more of them (what both logged alike is one event); both took out: the
 * fewer; one added, the other took out: both changes. Without a base (two accounts with no common past) every
 * entry is kept, an entry both have once.
 */
export function mergeLog<T extends Interaction | HistoryEntry>(base: T[] = [], local: T[] = [], remote: T[] = []): T[] {
  const [b, l, r] = [alikeCounts(base), alikeCounts(local), alikeCounts(remote)];
  const wanted = (k: string) => {
    const [nb, nl, nr] = [b.get(k) ?? 0, l.get(k) ?? 0, r.get(k) ?? 0];
    if (nl === nb) return nr;
    if (nr === nb) return nl;
    if (nl > nb && nr > nb) return Math.max(nl, nr);
    if (nl < nb && nr < nb) return Math.min(nl, nr);
    return nl + nr - nb;
  };
  const taken = new Map<string, number>();
  const out: T[] = [];
  for (const x of [...local, ...remote]) {
    const k = entryText(x);
    const n = taken.get(k) ?? 0;
    if (n < wanted(k)) {
      taken.set(k, n + 1);
      out.push(x);
    }
  }
  return out.sort(oldestFirst);
}

/**
 * A log entry as text: its keys in order, absent ones left out, so two entries sameValue calls alike (their values
 * are flat) have one. Logs are counted by it in one pass, where comparing every entry with every other took a second
 * for a log of a thousand; an entry taken out of the log is found by it (log-edits.ts).
 */
export const entryText = (x: object) =>
  JSON.stringify(
    Object.entries(x)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );

/** How many entries alike (entryText) a log holds, of each. */
function alikeCounts(log: object[]): Map<string, number> {
  const n = new Map<string, number>();
  for (const x of log) {
    const k = entryText(x);
    n.set(k, (n.get(k) ?? 0) + 1);
  }
  return n;
}

/** The later of two moments, either of which may be unknown: a last contact, a snooze. */
export const later = (a: unknown, b: unknown) =>
  a === undefined ? b : b === undefined ? a : Math.max(a as number, b as number);

/** What both sides of a field last agreed on (the card at the last sync), and whether the other side changed later. */
export interface SharedPast {
  base: unknown;
  theirsNewer: boolean;
}

/**
 * A field two sides hold differently, made one: the one rule for each kind of field, for sync (with `past`, what
 * both last agreed on) and for two accounts with no common past (without: nothing is removed). Lists entry by entry
 * (without a past united, a person linked on both sides once per kind with the note either gave the link), logs
 * counting entries alike, notes line by line (without a past the lines they share once); the earlier "added", the
 * later last contact and snooze; any other value the side that changed it last (with a past), else `mine` where it
 * has one, else `theirs`. Undefined: `mine` stands.
 */
export function mergedValue(k: FieldName, mine: unknown, theirs: unknown, past?: SharedPast): unknown {
  const kind = FIELDS[k].kind;
  const base = past?.base;
  // Links as a draft's are made one: each person once per kind, with the note either side gave the link.
  if (kind === 'relations' && !past)
    return uniqueList(kind, [...((mine as unknown[]) ?? []), ...((theirs as unknown[]) ?? [])]);
  if (isListKind(kind))
    return mergeList(kind, (base as unknown[]) ?? [], (mine as unknown[]) ?? [], (theirs as unknown[]) ?? []);
  if (kind === 'interactions' || kind === 'history')
    return mergeLog((base as never[]) ?? [], mine as never[], theirs as never[]);
  if (kind === 'note') return joinNotes((mine as string) ?? '', (theirs as string) ?? '', base as string | undefined);
  if (k === 'lastContactedAt' || k === 'snoozedUntil') return later(mine, theirs);
  if (k === 'createdAt') return Math.min(mine as number, (theirs as number) ?? (mine as number));
  if (past) return past.theirsNewer ? theirs : mine;
  return isEmpty(mine) && theirs !== undefined ? theirs : undefined;
}

/**
 * The due date after a merge: the side whose last contact stands brings its own, when it was worked out with the
 * rhythm that stands; otherwise a change of rhythm or last contact works it out again.
 */
export function withDueDate(
  out: Contact,
  mine: Contact,
  theirs: Partial<Pick<Contact, 'lastContactedAt' | 'nextDueAt' | 'cadenceDays'>>,
) {
  if (
    out.lastContactedAt !== mine.lastContactedAt &&
    out.lastContactedAt === theirs.lastContactedAt &&
    (theirs.cadenceDays === undefined || out.cadenceDays === theirs.cadenceDays)
  )
    out.nextDueAt = theirs.nextDueAt ?? nextDueAt(out);
  else if (
    out.cadenceDays !== mine.cadenceDays ||
    out.lastContactedAt !== mine.lastContactedAt ||
    !sameValue(out.followUp, mine.followUp)
  )
    out.nextDueAt = nextDueAt(out);
  return out;
}

/**
 * Two saved records of one person as one, keeping `keep`'s id: every profile, email, phone, circle and link of
 * both, both logs and role histories, both notes (the lines they share once); a value of `other`'s only where
 * `keep` has none. Links between the two are dropped (a person is not linked to themselves), and a person both
 * linked is linked once per kind, with the note either gave the link.
 */
export function uniteContacts(keep: Contact, other: Contact): Contact {
  const merged: Record<string, unknown> = { ...keep };
  for (const k of FIELD_NAMES) {
    if (k === 'id' || k === 'updatedAt' || sameValue(keep[k], other[k])) continue;
    const v = mergedValue(k, keep[k], other[k]);
    if (v !== undefined) merged[k] = v;
  }
  const out = merged as unknown as Contact;
  // A link between the two goes (a person is not linked to themselves).
  out.related = out.related.filter((r) => r.id !== keep.id && r.id !== other.id);
  return withDueDate(out, keep, other);
}

/**
 * One person with a merge taken back (`before` → `after`, `current` now): what the merge brought to each list (a
 * profile, a link, a logged contact) goes and a value it changed is as it was, while what changed since stands.
 */
export function separated(current: Contact, before: Contact, after: Contact): Contact {
  const out: Record<string, unknown> = { ...current };
  for (const k of FIELD_NAMES) {
    if (k === 'id' || k === 'updatedAt') continue;
    const kind = FIELDS[k].kind;
    // Three-way, with the merge's result as the base: this side's entries since, less what the merge added.
    if (isListKind(kind))
      out[k] = mergeList(
        kind,
        (after[k] as unknown[]) ?? [],
        (current[k] as unknown[]) ?? [],
        (before[k] as unknown[]) ?? [],
      );
    else if (kind === 'interactions' || kind === 'history')
      out[k] = mergeLog(after[k] as never[], current[k] as never[], before[k] as never[]);
    else if (sameValue(current[k], after[k])) out[k] = before[k];
  }
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  // The due date as any merge has it: a last contact logged since brings its own (current's), otherwise it follows.
  return withDueDate(out as unknown as Contact, before, current);
}
