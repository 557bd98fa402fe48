/**
 * "Who can introduce me?": for a person not yet in the book (a captured profile) or never contacted, the people in
 * the book who could open the door — who know them (a link, or a mutual connection the page names), who work or
 * worked where they work or worked, who share a circle with them — ranked, each with its reasons.
 *
 * A question only looks things up: the book is grouped once per list — by company as written (each distinct
 * string folded once while the page lives: accents, umlauts, punctuation are the costly part) and by folded name —
 * as the list is read (groupForIntroductions), and a list patched after a write moves only the people the patch
 * changed (contacts/book.ts).
 */
import { followPatches } from './book';
import { sortKey } from './normalize';
import { byId, type Contact, type HistoryEntry, isTie, linkedIds, type Relation } from './types';

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
  /** By the id each of their links points at: who links to someone. */
  linksTo: Map<string, Contact[]>;
  byCircle: Map<string, Contact[]>;
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
  if (c.related.length) for (const id of linkedIds(c, true)) push(index.linksTo, id, c);
  for (const circle of new Set(c.circles)) push(index.byCircle, circle, c);
}

function removeFromIndex(index: BookIndex, c: Contact) {
  if (c.company) drop(index.byCompany, c.company, c);
  if (c.history.length) for (const past of pastCompanies(c.history, c.company)) drop(index.byPastCompany, past, c);
  const name = keyOf(c.name);
  if (name) drop(index.byName, name, c);
  if (c.related.length) for (const id of linkedIds(c, true)) drop(index.linksTo, id, c);
  for (const circle of new Set(c.circles)) drop(index.byCircle, circle, c);
}

/**
 * The grouping of `book`, built once per list. A list that grew at its end since (one being read in chunks) has
 * only its new people added.
 */
const indexes = new WeakMap<readonly Contact[], BookIndex>();
function indexOf(book: readonly Contact[], upTo = book.length): BookIndex {
  let index = indexes.get(book);
  if (!index) {
    index = {
      byCompany: new Map(),
      byPastCompany: new Map(),
      byName: new Map(),
      linksTo: new Map(),
      byCircle: new Map(),
      size: 0,
    };
    indexes.set(book, index);
  }
  const end = Math.min(upTo, book.length);
  for (let i = index.size; i < end; i++) addToIndex(index, book[i] as Contact);
  index.size = Math.max(index.size, end);
  return index;
}

// A list patched from a grouped one (a view's list after a write, contacts/book.ts) takes the grouping over, with
// only the people the patch changed moved; the list before is grouped no more (it is let go).
followPatches((from, to, removed, added) => {
  if (!indexes.has(from)) return;
  const index = indexOf(from);
  indexes.delete(from);
  for (const c of removed) removeFromIndex(index, c);
  for (const c of added) addToIndex(index, c);
  index.size = to.length;
  indexes.set(to, index);
});

/**
 * Groups the first `upTo` people of `book` (all by default), for questions to come: a view calls it in slices
 * while it is idle, so the first question finds the book grouped. A later call, or a question, goes on from
 * where the last stopped (also for a list grown at its end since).
 */
export function groupForIntroductions(book: readonly Contact[], upTo = book.length): void {
  indexOf(book, upTo);
}

/** The people under every raw string whose folded key is one of `wanted`. */
function under(map: Map<string, Contact[]>, wanted: Set<string>): [string, Contact[]][] {
  const out: [string, Contact[]][] = [];
  for (const [raw, people] of map) if (wanted.has(keyOf(raw))) out.push([raw, people]);
  return out;
}

/** Ranked by reasons; among equals, whoever the user is most in touch with (a warm introduction), then by name. */
function better(a: Contact, scoreA: number, b: Contact, scoreB: number): number {
  return (
    scoreB - scoreA ||
    (b.lastContactedAt ?? 0) - (a.lastContactedAt ?? 0) ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
    byId(a, b)
  );
}

/**
 * The people who could introduce the user to `target`, best first, at most `limit`. Every reason is looked up in
 * the grouping; sharing a circle, the weakest reason and often shared with thousands, is added to the people
 * found for stronger ones, and only as many people who share nothing else are picked as places are left.
 */
export function whoCanIntroduce(target: IntroTarget, book: readonly Contact[], limit = 5): Introducer[] {
  const index = indexOf(book);
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
  for (const c of target.mutual ?? []) add(c, { kind: 'mutual' });
  // Links: others' that name them, and theirs (the note from either side).
  const theirs = new Map<string, string | undefined>();
  for (const r of target.related ?? []) if (r.id && isTie(r) && !theirs.has(r.id)) theirs.set(r.id, r.note);
  const knows = (c: Contact) => {
    const note = theirs.get(c.id) ?? c.related.find((r) => r.id === target.id && isTie(r) && r.note)?.note;
    add(c, { kind: 'knows', ...(note ? { note } : {}) });
  };
  if (target.id) for (const c of index.linksTo.get(target.id) ?? []) knows(c);
  // A link of theirs the other side does not have (a one-sided RELATED from a file): those people by id.
  const oneSided = new Set([...theirs.keys()].filter((id) => !found.get(id)?.reasons.some((r) => r.kind === 'knows')));
  if (oneSided.size) for (const c of book) if (oneSided.has(c.id)) knows(c);
  // Their company now and before: who works there now, and who worked there.
  const companies = new Set(
    [target.company, ...pastCompanies(target.history, target.company)].flatMap((x) => (x ? [keyOf(x)] : [])),
  );
  if (companies.size) {
    for (const [company, people] of under(index.byCompany, companies))
      for (const c of people) add(c, { kind: 'worksAt', company });
    for (const [company, people] of under(index.byPastCompany, companies))
      for (const c of people) add(c, { kind: 'workedAt', company });
  }
  // Shared circles: each introducer lists every circle they share.
  const circles = new Set(target.circles ?? []);
  const shared = (c: Contact) => c.circles.filter((x) => circles.has(x));
  if (circles.size) {
    for (const f of found.values()) {
      const also = shared(f.contact);
      if (also.length) add(f.contact, { kind: 'circle', circles: also });
    }
    // The places left go to the best of those who share only a circle (a few kept in order, nothing else made).
    const places = limit - found.size;
    const best: Contact[] = [];
    const seen = circles.size > 1 ? new Set<string>() : undefined;
    if (places > 0)
      for (const circle of circles)
        for (const c of index.byCircle.get(circle) ?? []) {
          if (c.id === target.id || found.has(c.id) || seen?.has(c.id)) continue;
          seen?.add(c.id);
          const last = best[best.length - 1];
          if (best.length === places && last && better(c, 0, last, 0) >= 0) continue;
          let at = best.length;
          while (at > 0 && better(c, 0, best[at - 1] as Contact, 0) < 0) at--;
          best.splice(at, 0, c);
          if (best.length > places) best.pop();
        }
    for (const c of best) add(c, { kind: 'circle', circles: shared(c) });
  }
  return [...found.values()].sort((a, b) => better(a.contact, a.score, b.contact, b.score)).slice(0, limit);
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
