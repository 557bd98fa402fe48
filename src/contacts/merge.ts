import { DEFAULT_CADENCE_DAYS, nextDueAt } from './cadence';
import { matchKey, normalizeEmail } from './normalize';
import type { Contact, ContactDraft, HistoryEntry, ProfileLink } from './types';

export type NewId = () => string;

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export const uniqueProfiles = (p: ProfileLink[]) => uniqueBy(p, (x) => x.url);
export const uniqueEmails = (e: string[]) => uniqueBy(e.map(normalizeEmail), (x) => x);
const uniqueText = (t: string[]) =>
  uniqueBy(
    t.map((x) => x.trim()),
    (x) => x,
  );

export function createContact(
  draft: ContactDraft,
  source: Contact['source'],
  now: number,
  newId: NewId,
  defaultCadence: number | null = DEFAULT_CADENCE_DAYS,
): Contact {
  const c: Contact = {
    id: newId(),
    name: draft.name.trim(),
    profiles: uniqueProfiles(draft.profiles ?? []),
    emails: uniqueEmails(draft.emails ?? []),
    phones: uniqueText(draft.phones ?? []),
    circles: uniqueText(draft.circles ?? []),
    notes: draft.notes?.trim() ?? '',
    cadenceDays: draft.cadenceDays === undefined ? defaultCadence : draft.cadenceDays,
    interactions: [],
    history: [],
    source,
    createdAt: now,
    updatedAt: now,
  };
  for (const k of ['role', 'company', 'location', 'photoUrl', 'metVia', 'introducedBy'] as const) {
    const v = draft[k]?.trim();
    if (v) c[k] = v;
  }
  if (draft.birthday) c.birthday = draft.birthday;
  if (draft.lastContactedAt) c.lastContactedAt = draft.lastContactedAt;
  c.nextDueAt = nextDueAt(c);
  return c;
}

/** The fields of a draft that differ from the stored contact (what the popup shows as "changed since you saved"). */
export function changedFields(c: Contact, d: ContactDraft): ('role' | 'company' | 'location' | 'photoUrl')[] {
  return (['role', 'company', 'location', 'photoUrl'] as const).filter((k) => {
    const v = d[k]?.trim();
    return !!v && v !== (c[k] ?? '');
  });
}

/**
 * Merges a draft into a contact: keeps every profile URL, email, phone, circle and note; newer role/company win
 * and the change is recorded in history. Returns the same object when nothing changed.
 */
export function mergeDraft(c: Contact, d: ContactDraft, now: number): Contact {
  const history: HistoryEntry[] = [];
  for (const field of ['role', 'company'] as const) {
    const to = d[field]?.trim();
    if (to && to !== c[field]) history.push({ at: now, field, ...(c[field] ? { from: c[field] } : {}), to });
  }
  const notes = d.notes?.trim();
  const merged: Contact = {
    ...c,
    profiles: uniqueProfiles([...c.profiles, ...(d.profiles ?? [])]),
    emails: uniqueEmails([...c.emails, ...(d.emails ?? [])]),
    phones: uniqueText([...c.phones, ...(d.phones ?? [])]),
    circles: uniqueText([...c.circles, ...(d.circles ?? [])]),
    notes: notes && !c.notes.includes(notes) ? (c.notes ? `${c.notes}\n\n${notes}` : notes) : c.notes,
    history: [...c.history, ...history],
  };
  for (const k of ['role', 'company', 'location', 'photoUrl'] as const) {
    const v = d[k]?.trim();
    if (v) merged[k] = v;
  }
  for (const k of ['metVia', 'introducedBy'] as const) {
    const v = d[k]?.trim();
    if (v && !c[k]) merged[k] = v;
  }
  if (d.birthday && !c.birthday) merged.birthday = d.birthday;
  if (d.lastContactedAt && d.lastContactedAt > (c.lastContactedAt ?? 0)) {
    merged.lastContactedAt = d.lastContactedAt;
    merged.nextDueAt = nextDueAt(merged);
  }
  if (JSON.stringify(merged) === JSON.stringify(c)) return c;
  merged.updatedAt = now;
  return merged;
}

/** The keys a draft can be matched by, strongest first: profile URLs, then emails, then name + company. */
export function matchKeys(d: ContactDraft): { urls: string[]; emails: string[]; nameKey: string } {
  return {
    urls: (d.profiles ?? []).map((p) => p.url),
    emails: uniqueEmails(d.emails ?? []),
    nameKey: matchKey(d.name, d.company),
  };
}
