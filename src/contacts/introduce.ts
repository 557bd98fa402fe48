/**
 * "Who can introduce me?": for a person not yet in the book (a captured profile) or never contacted, the people in
 * the book who could open the door — who know them (a link, or a mutual connection the page names), who work or
 * worked where they work or worked, who share a circle with them — ranked, each with its reasons.
 *
 * The book is indexed once per list (companies, circles and links → people), so asking for one profile reads only
 * the people who match, not everyone.
 */
import { sortKey } from './normalize';
import type { Contact, HistoryEntry, Relation } from './types';

/** The person someone could introduce the user to. */
export interface IntroTarget {
  /** Set when they are in the book: their own links count, and they are never their own introducer. */
  id?: string;
  name: string;
  company?: string;
  history?: HistoryEntry[];
  circles?: string[];
  related?: Relation[];
  /** People of the book the page names as mutual connections (their ids). */
  mutualIds?: string[];
}

export type IntroReason =
  | { kind: 'knows'; note?: string }
  | { kind: 'mutual' }
  | { kind: 'worksAt'; company: string }
  | { kind: 'workedAt'; company: string }
  | { kind: 'circle'; circles: string[] };

export interface Introducer {
  contact: Contact;
  reasons: IntroReason[];
  score: number;
}

/** How much each reason counts: knowing them beats working where they work beats sharing a circle. */
const SCORE: Record<IntroReason['kind'], number> = { knows: 100, mutual: 80, worksAt: 40, workedAt: 20, circle: 5 };

export interface BookIndex {
  byId: Map<string, Contact>;
  /** Company key → people who work there now. */
  worksAt: Map<string, Contact[]>;
  /** Company key → people who worked there (their role history). */
  workedAt: Map<string, Contact[]>;
  byCircle: Map<string, Contact[]>;
  /** Person id → people whose links name them. */
  pointing: Map<string, Contact[]>;
  /** Name key → people of that name. */
  byName: Map<string, Contact[]>;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Companies someone worked at before, from their role history (the values their company changed from or to). */
function pastCompanies(history: HistoryEntry[] | undefined, current: string | undefined): string[] {
  const out = new Set<string>();
  for (const h of history ?? [])
    if (h.field === 'company') for (const v of [h.from, h.to]) if (v && v !== current) out.add(v);
  return [...out];
}

const indexes = new WeakMap<readonly Contact[], BookIndex>();

/** The book's index, built once per list (the popup's list is a new array after every change). */
export function bookIndex(book: readonly Contact[]): BookIndex {
  const known = indexes.get(book);
  if (known) return known;
  const index: BookIndex = {
    byId: new Map(),
    worksAt: new Map(),
    workedAt: new Map(),
    byCircle: new Map(),
    pointing: new Map(),
    byName: new Map(),
  };
  for (const c of book) {
    index.byId.set(c.id, c);
    push(index.byName, sortKey(c.name), c);
    if (c.company) push(index.worksAt, sortKey(c.company), c);
    for (const past of pastCompanies(c.history, c.company)) push(index.workedAt, sortKey(past), c);
    for (const circle of c.circles) push(index.byCircle, circle, c);
    for (const r of c.related) if (r.id) push(index.pointing, r.id, c);
  }
  indexes.set(book, index);
  return index;
}

/** The people who could introduce the user to `target`, best first, at most `limit`. */
export function whoCanIntroduce(target: IntroTarget, book: readonly Contact[], limit = 5): Introducer[] {
  const index = bookIndex(book);
  const found = new Map<string, Introducer>();
  const add = (c: Contact, reason: IntroReason) => {
    if (c.id === target.id) return;
    const had = found.get(c.id);
    if (!had) found.set(c.id, { contact: c, reasons: [reason], score: SCORE[reason.kind] });
    else if (!had.reasons.some((r) => r.kind === reason.kind)) {
      had.reasons.push(reason);
      had.score += SCORE[reason.kind];
    }
  };
  // Links: theirs, and others' that name them.
  for (const r of target.related ?? []) {
    const c = r.id ? index.byId.get(r.id) : undefined;
    if (c) add(c, { kind: 'knows', ...(r.note ? { note: r.note } : {}) });
  }
  if (target.id)
    for (const c of index.pointing.get(target.id) ?? []) {
      const note = c.related.find((r) => r.id === target.id)?.note;
      add(c, { kind: 'knows', ...(note ? { note } : {}) });
    }
  for (const id of target.mutualIds ?? []) {
    const c = index.byId.get(id);
    if (c) add(c, { kind: 'mutual' });
  }
  // Their company now and before: who works there now, and who worked there.
  for (const company of [target.company, ...pastCompanies(target.history, target.company)]) {
    if (!company) continue;
    const key = sortKey(company);
    for (const c of index.worksAt.get(key) ?? []) add(c, { kind: 'worksAt', company: c.company ?? company });
    for (const c of index.workedAt.get(key) ?? []) add(c, { kind: 'workedAt', company });
  }
  // Shared circles: each introducer lists every circle they share.
  for (const circle of target.circles ?? [])
    for (const c of index.byCircle.get(circle) ?? []) {
      if (c.id === target.id) continue;
      const had = found.get(c.id);
      const reason = had?.reasons.find((r): r is Extract<IntroReason, { kind: 'circle' }> => r.kind === 'circle');
      if (reason) reason.circles.push(circle);
      else add(c, { kind: 'circle', circles: [circle] });
    }
  // Ranked by reasons; among equals, whoever the user is most in touch with (a warm introduction), then by name.
  return [...found.values()]
    .sort(
      (a, b) =>
        b.score - a.score ||
        (b.contact.lastContactedAt ?? 0) - (a.contact.lastContactedAt ?? 0) ||
        (a.contact.name < b.contact.name ? -1 : a.contact.name > b.contact.name ? 1 : 0) ||
        (a.contact.id < b.contact.id ? -1 : 1),
    )
    .slice(0, limit);
}

/** The people of the book a page's list of mutual connections names (by name, folded), each once. */
export function matchNames(names: readonly string[], book: readonly Contact[]): Contact[] {
  const index = bookIndex(book);
  const out = new Map<string, Contact>();
  for (const key of new Set(names.map(sortKey))) for (const c of (key && index.byName.get(key)) || []) out.set(c.id, c);
  return [...out.values()];
}
