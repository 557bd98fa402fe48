import { isSiteId } from './sites';
import type { Contact, Interaction, InteractionKind, ProfileLink } from './types';

const KINDS: InteractionKind[] = ['call', 'meeting', 'message', 'email', 'other'];
const SOURCES: Contact['source'][] = ['captured', 'manual', 'imported'];

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * Reads a stored or restored contact defensively: a record with an id and a name is kept, with anything else that
 * is malformed dropped or defaulted; anything less is corrupted and returns null (the caller reports it).
 */
export function toContact(raw: unknown): Contact | null {
  if (!isObj(raw)) return null;
  const id = str(raw.id);
  const name = str(raw.name)?.trim();
  if (!id || !name) return null;
  const now = Date.now();
  const c: Contact = {
    id,
    name,
    profiles: (Array.isArray(raw.profiles) ? raw.profiles : [])
      .filter(isObj)
      .filter((p) => typeof p.url === 'string')
      .map(
        (p): ProfileLink => ({
          url: p.url as string,
          site: isSiteId(p.site) ? p.site : 'web',
        }),
      ),
    emails: strings(raw.emails),
    phones: strings(raw.phones),
    circles: strings(raw.circles),
    notes: str(raw.notes) ?? '',
    cadenceDays: raw.cadenceDays === null ? null : (num(raw.cadenceDays) ?? null),
    interactions: (Array.isArray(raw.interactions) ? raw.interactions : [])
      .filter(isObj)
      .filter((i) => num(i.at) !== undefined)
      .map(
        (i): Interaction => ({
          at: i.at as number,
          kind: KINDS.includes(i.kind as InteractionKind) ? (i.kind as InteractionKind) : 'other',
          ...(str(i.note) ? { note: i.note as string } : {}),
        }),
      ),
    history: (Array.isArray(raw.history) ? raw.history : [])
      .filter(isObj)
      .filter((h) => num(h.at) !== undefined && (h.field === 'role' || h.field === 'company'))
      .map((h) => ({
        at: h.at as number,
        field: h.field as 'role' | 'company',
        ...(str(h.from) ? { from: h.from as string } : {}),
        ...(str(h.to) ? { to: h.to as string } : {}),
      })),
    source: SOURCES.includes(raw.source as Contact['source']) ? (raw.source as Contact['source']) : 'manual',
    createdAt: num(raw.createdAt) ?? now,
    updatedAt: num(raw.updatedAt) ?? num(raw.createdAt) ?? now,
  };
  for (const k of ['role', 'company', 'location', 'photoUrl', 'metVia', 'introducedBy'] as const) {
    const v = str(raw[k]);
    if (v) c[k] = v;
  }
  for (const k of ['lastContactedAt', 'nextDueAt', 'snoozedUntil'] as const) {
    const v = num(raw[k]);
    if (v !== undefined) c[k] = v;
  }
  if (isObj(raw.birthday) && num(raw.birthday.month) && num(raw.birthday.day)) {
    const b = raw.birthday;
    c.birthday = { month: b.month as number, day: b.day as number, ...(num(b.year) ? { year: b.year as number } : {}) };
  }
  return c;
}
