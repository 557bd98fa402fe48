import { FIELD_NAMES, FIELDS, type FieldKind, type FieldName } from './fields';
import { safeHttpUrl } from './profile-url';
import { isSiteId } from './sites';
import {
  type Birthday,
  type Contact,
  type HistoryEntry,
  INTERACTION_KINDS,
  type Interaction,
  type InteractionKind,
  oldestFirst,
  type ProfileLink,
  RELATION_KINDS,
  type Relation,
  type RelationKind,
  SOURCES,
} from './types';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const objects = (v: unknown) => (Array.isArray(v) ? v.filter(isObj) : []);
/** A log oldest first (types.ts oldestFirst), sorted only where it is not: every stored record is read through here. */
function inOrder<T extends { at: number }>(log: T[]): T[] {
  for (let i = 1; i < log.length; i++) if ((log[i - 1] as T).at > (log[i] as T).at) return log.sort(oldestFirst);
  return log;
}

/**
 * The year vCard 3.0 writers put a birthday without a year in (Apple's Contacts, DAVx⁵: X-APPLE-OMIT-YEAR=1604;
 * iPhones at times without the parameter): nobody's birth year, so a birthday in it has none, however it came in.
 */
export const NO_BIRTH_YEAR = 1604;

/** A birthday as stored: a real month and day (29 February included), an optional year (never NO_BIRTH_YEAR). */
export function toBirthday(v: unknown): Birthday | undefined {
  if (!isObj(v)) return undefined;
  const month = num(v.month);
  const day = num(v.day);
  const year = num(v.year);
  if (!month || !day || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  // 2000 is a leap year, so 29 February is accepted without a year; with one it must exist in that year.
  const probe = new Date(Date.UTC(year ?? 2000, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  return year && Number.isInteger(year) && year !== NO_BIRTH_YEAR ? { month, day, year } : { month, day };
}

/** How each kind of value is read back from a stored or restored record; undefined leaves an optional field out. */
const READ: Record<FieldKind, (v: unknown) => unknown> = {
  id: str,
  name: (v) => str(v)?.trim() || undefined,
  text: (v) => str(v) || undefined,
  url: (v) => {
    const s = str(v);
    return s && safeHttpUrl(s) ? s : undefined;
  },
  note: (v) => str(v) ?? '',
  profiles: (v) =>
    objects(v)
      .filter((p) => typeof p.url === 'string')
      .map((p): ProfileLink => {
        const site = isSiteId(p.site) ? p.site : 'web';
        const named = site === 'web' ? str(p.named)?.trim() : undefined;
        return { url: p.url as string, site, ...(named ? { named } : {}) };
      }),
  emails: strings,
  phones: strings,
  circles: strings,
  birthday: toBirthday,
  cadence: (v) => num(v) ?? null,
  flag: (v) => (v === true ? true : undefined),
  time: num,
  stamp: num,
  interactions: (v) =>
    inOrder(
      objects(v)
        .filter((i) => num(i.at) !== undefined)
        .map(
          (i): Interaction => ({
            at: i.at as number,
            kind: INTERACTION_KINDS.includes(i.kind as InteractionKind) ? (i.kind as InteractionKind) : 'other',
            ...(str(i.note) ? { note: i.note as string } : {}),
          }),
        ),
    ),
  history: (v) =>
    inOrder(
      objects(v)
        .filter((h) => num(h.at) !== undefined && (h.field === 'role' || h.field === 'company'))
        .map(
          (h): HistoryEntry => ({
            at: h.at as number,
            field: h.field as HistoryEntry['field'],
            ...(str(h.from) ? { from: h.from as string } : {}),
            ...(str(h.to) ? { to: h.to as string } : {}),
          }),
        ),
    ),
  relations: (v) =>
    objects(v).flatMap((r): Relation[] => {
      const id = str(r.id)?.trim();
      const name = str(r.name)?.trim();
      const note = str(r.note)?.trim();
      if (!RELATION_KINDS.includes(r.kind as RelationKind) || (!id && !name)) return [];
      return [
        { kind: r.kind as RelationKind, ...(id ? { id } : {}), ...(name ? { name } : {}), ...(note ? { note } : {}) },
      ];
    }),
  followUp: (v) => {
    if (!isObj(v) || num(v.at) === undefined) return undefined;
    const note = str(v.note)?.trim();
    return { at: v.at as number, ...(note ? { note } : {}) };
  },
  source: (v) => (SOURCES.includes(v as Contact['source']) ? v : 'manual'),
};

/** One field of a stored or received record, read as its kind wants; undefined when it holds nothing usable. */
export function readField(k: FieldName, raw: unknown): unknown {
  return READ[FIELDS[k].kind](raw);
}

/**
 * Reads a stored or restored contact defensively, field by field (fields.ts): a record with an id and a name is
 * kept, with anything else that is malformed dropped or defaulted; anything less is corrupted and returns null
 * (the caller reports it).
 */
export function toContact(raw: unknown): Contact | null {
  if (!isObj(raw)) return null;
  const c: Record<string, unknown> = {};
  for (const k of FIELD_NAMES) {
    const v = READ[FIELDS[k].kind](raw[k]);
    if (v !== undefined) c[k] = v;
  }
  if (!c.id || !c.name) return null;
  c.createdAt ??= Date.now();
  c.updatedAt ??= c.createdAt;
  return c as unknown as Contact;
}
