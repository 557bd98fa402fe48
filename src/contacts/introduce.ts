/**
 * "Who can introduce me?": for a person not yet in the book (a captured profile) or never contacted, the people in
 * the book who could open the door — who know them (a link, or a mutual connection the page names), who work or
 * worked where they work or worked, who share a circle with them — ranked, each with its reasons.
 *
 * A question only looks things up: the book is grouped once per list — by company as written (each distinct
 * string folded once while the page lives: accents, umlauts, punctuation are the costly part) and by folded name —
 * as the list is read (groupForIntroductions), and a list patched after a write changes only the people the
 * patch changed (contacts/book.ts).
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
 * string's folded key is made once per distinct string, as it is grouped, not once per person.
 */
interface BookIndex {
  byCompany: Map<string, Contact[]>;
  byPastCompany: Map<string, Contact[]>;
  /** By folded name (accents, umlauts, case and punctuation aside), for the mutual connections a page names. */
  byName: Map<string, Contact[]>;
  /** How many people of the list, from its start, are grouped (a list being read grows at its end). */
  size: number;
}

/** Adds `value` under `key`; true when the key is new to the map. */
const push = (map: Map<string, Contact[]>, key: string, value: Contact): boolean => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
  return !list;
};

const drop = (map: Map<string, Contact[]>, key: string, value: Contact) => {
  const list = map.get(key);
  const at = list ? list.indexOf(value) : -1;
  if (!list || at < 0) return;
  if (list.length === 1) map.delete(key);
  else list.splice(at, 1);
};

/** Groups one person; a company new to the grouping is folded then, so a question later only looks keys up. */
function addToIndex(index: BookIndex, c: Contact) {
  if (c.company && push(index.byCompany, c.company, c)) keyOf(c.company);
  if (c.history.length)
    for (const past of pastCompanies(c.history, c.company)) if (push(index.byPastCompany, past, c)) keyOf(past);
  const name = keyOf(c.name);
  if (name) push(index.byName, name, c);
}

function removeFromIndex(index: BookIndex, c: Contact) {
  if (c.company) drop(index.byCompany, c.company, c);
  if (c.history.length) for (const past of pastCompanies(c.history, c.company)) drop(index.byPastCompany, past, c);
  const name = keyOf(c.name);
  if (name) drop(index.byName, name, c);
}

/**
 * The grouping of `book`, built once per list. A list that grew at its end since (one being read in chunks) has
 * only its new people added; a list patched from one that has its grouping (a view's list after a write,
 * contacts/book.ts) takes that grouping over and changes only the people the patch changed.
 */
const indexes = new WeakMap<readonly Contact[], BookIndex>();
function indexOf(book: readonly Contact[]): BookIndex {
  let index = indexes.get(book);
  if (!index) {
    const patch = patchOf(book);
    if (patch && indexes.has(patch.from)) {
      index = indexOf(patch.from);
      indexes.delete(patch.from);
      for (const c of patch.removed) removeFromIndex(index, c);
      for (const c of patch.added) addToIndex(index, c);
      index.size = book.length;
    } else index = { byCompany: new Map(), byPastCompany: new Map(), byName: new Map(), size: 0 };
    indexes.set(book, index);
  }
  for (let i = index.size; i < book.length; i++) addToIndex(index, book[i] as Contact);
  index.size = book.length;
  return index;
}

/**
 * Groups the people of `book` read so far, for questions to come: a view calls it as its list is read (between
 * chunks, while the database reads the next), so the first question finds the book grouped and its companies
 * folded. Later calls with the same, longer list add the people read since.
 */
export function groupForIntroductions(book: readonly Contact[]): void {
  indexOf(book);
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

/**
 * The people of the book a page's list of mutual connections names, each once, compared folded (accents, umlauts,
 * case, punctuation aside): one lookup per name.
 */
export function matchNames(names: readonly string[], book: readonly Contact[]): Contact[] {
  const wanted = new Set(names.map(keyOf).filter(Boolean));
  if (!wanted.size) return [];
  const { byName } = indexOf(book);
  const out = new Set<Contact>();
  for (const key of wanted) for (const c of byName.get(key) ?? []) out.add(c);
  return [...out];
}
