/**
 * "Who can introduce me?": for a person not yet in the book (a captured profile) or never contacted, the people in
 * the book who could open the door — who know them (a link, or a mutual connection the page names), who work or
 * worked where they work or worked, who share a circle with them — ranked, each with its reasons.
 *
 * Nothing here may cost a fold per person per list: the book is grouped by its raw strings (map inserts, once per
 * list, and only for the people a patched list changed, contacts/book.ts), and folding — accents, umlauts,
 * punctuation, the costly part — is done once per distinct string while the page lives.
 */
import { patchOf } from './book';
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
  /** People of the book the page names as mutual connections (matchNames). */
  mutual?: readonly Contact[];
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

/** Folded keys of company names and names, per string, while the page lives (the strings of a book repeat). */
const keys = new Map<string, string>();
function keyOf(text: string): string {
  let k = keys.get(text);
  if (k === undefined) {
    k = sortKey(text);
    keys.set(text, k);
  }
  return k;
}

/** Companies someone worked at before, from their role history (the values their company changed from or to). */
function pastCompanies(history: HistoryEntry[] | undefined, current: string | undefined): string[] {
  const out = new Set<string>();
  for (const h of history ?? [])
    if (h.field === 'company') for (const v of [h.from, h.to]) if (v && v !== current) out.add(v);
  return [...out];
}

/**
 * The book by the raw strings a query compares (company now, companies before), built once per list: a
 * string's folded key is asked once per distinct string, not once per person.
 */
interface BookIndex {
  byCompany: Map<string, Contact[]>;
  byPastCompany: Map<string, Contact[]>;
  /** By name as written (one person, or all of that name): built on first use, only pages naming mutuals need it. */
  byName?: Map<string, Contact | Contact[]>;
}

const push = <V>(map: Map<string, V[]>, key: string, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

const drop = <V>(map: Map<string, V[]>, key: string, value: V) => {
  const list = map.get(key);
  const at = list ? list.indexOf(value) : -1;
  if (!list || at < 0) return;
  if (list.length === 1) map.delete(key);
  else list.splice(at, 1);
};

function addName(byName: Map<string, Contact | Contact[]>, c: Contact) {
  const had = byName.get(c.name);
  if (!had) byName.set(c.name, c);
  else if (Array.isArray(had)) had.push(c);
  else byName.set(c.name, [had, c]);
}

function addToIndex(index: BookIndex, c: Contact) {
  if (c.company) push(index.byCompany, c.company, c);
  if (c.history.length) for (const past of pastCompanies(c.history, c.company)) push(index.byPastCompany, past, c);
  if (index.byName) addName(index.byName, c);
}

function removeFromIndex(index: BookIndex, c: Contact) {
  if (c.company) drop(index.byCompany, c.company, c);
  if (c.history.length) for (const past of pastCompanies(c.history, c.company)) drop(index.byPastCompany, past, c);
  const byName = index.byName;
  const had = byName?.get(c.name);
  if (!byName || !had) return;
  if (!Array.isArray(had)) {
    if (had === c) byName.delete(c.name);
  } else {
    const rest = had.filter((x) => x !== c);
    if (rest.length === 1) byName.set(c.name, rest[0] as Contact);
    else byName.set(c.name, rest);
  }
}

/**
 * The grouping of `book`, built once per list. A list patched from one that has its grouping (a view's list after
 * a write, contacts/book.ts) takes that grouping over and changes only the people the patch changed.
 */
const indexes = new WeakMap<readonly Contact[], BookIndex>();
function indexOf(book: readonly Contact[]): BookIndex {
  let index = indexes.get(book);
  if (index) return index;
  const patch = patchOf(book);
  const before = patch && indexes.get(patch.from);
  if (patch && before) {
    indexes.delete(patch.from);
    for (const c of patch.removed) removeFromIndex(before, c);
    for (const c of patch.added) addToIndex(before, c);
    index = before;
  } else {
    index = { byCompany: new Map(), byPastCompany: new Map() };
    for (const c of book) addToIndex(index, c);
  }
  indexes.set(book, index);
  return index;
}

/** The people under every raw string whose folded key is one of `wanted`. */
function under(map: Map<string, Contact[]>, wanted: Set<string>): [string, Contact[]][] {
  const out: [string, Contact[]][] = [];
  for (const [raw, people] of map) if (wanted.has(keyOf(raw))) out.push([raw, people]);
  return out;
}

/** The people who could introduce the user to `target`, best first, at most `limit`. */
export function whoCanIntroduce(target: IntroTarget, book: readonly Contact[], limit = 5): Introducer[] {
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
  // Links: theirs, and others' that name them (one pass over the links, no index to keep).
  const theirs = new Map<string, string | undefined>();
  for (const r of target.related ?? []) if (r.id && !theirs.has(r.id)) theirs.set(r.id, r.note);
  for (const c of target.mutual ?? []) add(c, { kind: 'mutual' });
  if (theirs.size || target.id)
    for (const c of book) {
      let knows = theirs.has(c.id);
      let note = theirs.get(c.id);
      if (target.id)
        for (const r of c.related)
          if (r.id === target.id) {
            knows = true;
            note ??= r.note;
          }
      if (knows) add(c, { kind: 'knows', ...(note ? { note } : {}) });
    }
  // Their company now and before: who works there now, and who worked there.
  const companies = new Set(
    [target.company, ...pastCompanies(target.history, target.company)].flatMap((x) => (x ? [keyOf(x)] : [])),
  );
  if (companies.size) {
    const index = indexOf(book);
    for (const [company, people] of under(index.byCompany, companies))
      for (const c of people) add(c, { kind: 'worksAt', company });
    for (const [company, people] of under(index.byPastCompany, companies))
      for (const c of people) add(c, { kind: 'workedAt', company });
  }
  // Shared circles: each introducer lists every circle they share.
  const circles = new Set(target.circles ?? []);
  if (circles.size)
    for (const c of book) {
      const shared = c.circles.filter((x) => circles.has(x));
      if (shared.length) add(c, { kind: 'circle', circles: shared });
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

/** A name's first letter as its folded key starts, cheaply for the common case (an ASCII letter or digit). */
function initialOf(name: string): number {
  const code = name.charCodeAt(0);
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return code | 32;
  if (code >= 48 && code <= 57) return code;
  return keyOf(name).charCodeAt(0);
}

/**
 * The people of the book a page's list of mutual connections names, each once: a name as written (a page and the
 * book mostly agree, looked up by name); a name not found so is compared folded (accents, umlauts, case,
 * punctuation), and only with people whose name starts with the letter it starts with.
 */
export function matchNames(names: readonly string[], book: readonly Contact[]): Contact[] {
  const raw = new Set(names.filter((n) => keyOf(n)));
  if (!raw.size) return [];
  const index = indexOf(book);
  let byName = index.byName;
  if (!byName) {
    byName = new Map();
    index.byName = byName;
    for (const c of book) addName(byName, c);
  }
  const out = new Set<Contact>();
  const missing = new Set<string>();
  for (const name of raw) {
    const found = byName.get(name);
    if (!found) missing.add(keyOf(name));
    else for (const c of Array.isArray(found) ? found : [found]) out.add(c);
  }
  if (missing.size) {
    const initials = new Set([...missing].map((k) => k.charCodeAt(0)));
    for (const c of book) if (initials.has(initialOf(c.name)) && missing.has(keyOf(c.name))) out.add(c);
  }
  return [...out];
}
