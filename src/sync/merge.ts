/**
 * Merging a person's two sides — this browser's contact and the card in the user's address book — field by field
 * against the card as both last agreed on (the base). Pure: no I/O, no clock.
 *
 * A field changed on one side only takes that side. Changed on both: lists are merged entry by entry (what either
 * side added is kept, what either removed goes), interactions and role history are united, notes that differ are
 * both kept, the later of two moments wins (last contact, a snooze), and for a single value (a name, a role) the
 * side that changed last wins. Without a base (the first link of two books) nothing is removed: lists are united,
 * and a value is taken from the other side only where this one has none.
 */
import { nextDueAt } from '../contacts/cadence';
import { FIELD_NAMES, FIELDS, type FieldName, isListKind } from '../contacts/fields';
import type { Contact, HistoryEntry, Interaction } from '../contacts/types';
import { type CardFields, sameValue } from '../interchange/vcard-card';
import { VCARD_FIELDS } from '../interchange/vcard-fields';

/** Fields the merge does not decide: the id is the local one, the last change is the engine's clock. */
const NOT_MERGED: FieldName[] = ['id', 'updatedAt'];

const has = (list: unknown[], item: unknown) => list.some((x) => sameValue(x, item));
const isEmpty = (v: unknown) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** Entry-by-entry three-way merge of a list: local, plus what the remote added, minus what the remote removed. */
function mergeList(base: unknown[], local: unknown[], remote: unknown[]): unknown[] {
  const added = remote.filter((x) => !has(base, x) && !has(local, x));
  return [...local.filter((x) => !(has(base, x) && !has(remote, x))), ...added];
}

/** Interactions or history entries of both sides, each once, oldest first. */
function unite<T extends Interaction | HistoryEntry>(a: T[] = [], b: T[] = []): T[] {
  const out = [...a];
  for (const x of b) if (!has(out, x)) out.push(x);
  return out.sort((x, y) => x.at - y.at);
}

const later = (a: unknown, b: unknown) =>
  a === undefined ? b : b === undefined ? a : Math.max(a as number, b as number);

/** One field changed on both sides. */
function resolve(k: FieldName, base: unknown, local: unknown, remote: unknown, remoteWins: boolean): unknown {
  const kind = FIELDS[k].kind;
  if (isListKind(kind))
    return mergeList((base as unknown[]) ?? [], (local as unknown[]) ?? [], (remote as unknown[]) ?? []);
  if (kind === 'interactions' || kind === 'history') return unite(local as never[], remote as never[]);
  if (kind === 'note') {
    const l = (local as string) ?? '';
    const r = (remote as string) ?? '';
    if (l.includes(r)) return l;
    if (r.includes(l)) return r;
    return `${l}\n\n${r}`;
  }
  if (k === 'createdAt') return Math.min(local as number, (remote as number) ?? (local as number));
  if (k === 'lastContactedAt' || k === 'snoozedUntil') return later(local, remote);
  return remoteWins ? remote : local;
}

export interface MergeSides {
  /** The card as both sides last agreed on; undefined at the first link. */
  base: CardFields | undefined;
  local: Contact;
  remote: CardFields;
  /** The card was changed after the contact (its REV is later): it wins a value both sides changed. */
  remoteNewer: boolean;
  /**
   * The card still carries Reconnect's own properties. An app that edited it and dropped them all (they are
   * nobody else's) did not mean to clear the cadence, the interactions and the rest: they are kept.
   */
  remoteHasOwn: boolean;
}

/** The person both sides should hold now. */
export function mergeSides({ base, local, remote, remoteNewer, remoteHasOwn }: MergeSides): Contact {
  const merged: Record<string, unknown> = { ...local };
  for (const k of FIELD_NAMES) {
    if (NOT_MERGED.includes(k)) continue;
    const l = local[k];
    const r = !remoteHasOwn && VCARD_FIELDS[k].own ? (base?.[k] ?? l) : remote[k];
    if (sameValue(l, r)) continue;
    if (!base) {
      // First link: nothing is removed; this side's value stands where it has one.
      if (isListKind(FIELDS[k].kind) || FIELDS[k].kind === 'interactions' || FIELDS[k].kind === 'history')
        merged[k] = resolve(k, [], l, r, false);
      else if (k === 'lastContactedAt' || k === 'snoozedUntil') merged[k] = later(l, r);
      else if (k === 'createdAt') merged[k] = Math.min(l as number, (r as number) ?? (l as number));
      else if (isEmpty(l) && r !== undefined) merged[k] = r;
      continue;
    }
    const b = base[k];
    if (sameValue(b, l)) merged[k] = r;
    else if (!sameValue(b, r)) merged[k] = resolve(k, b, l, r, remoteNewer);
  }
  for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
  const out = merged as unknown as Contact;
  // The next due date goes with the last contact it was computed from: the side whose last contact stands.
  if (out.lastContactedAt !== local.lastContactedAt && out.lastContactedAt === remote.lastContactedAt)
    out.nextDueAt = remote.nextDueAt ?? nextDueAt(out);
  else if (
    out.cadenceDays !== local.cadenceDays ||
    out.lastContactedAt !== local.lastContactedAt ||
    !sameValue(out.followUp, local.followUp)
  )
    out.nextDueAt = nextDueAt(out);
  return out;
}
