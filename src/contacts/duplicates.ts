/**
 * People who may be one person saved twice, across the whole book: a name (folded as matching folds names, titles
 * aside), an email address or a profile link in common. Matching keeps an import or a capture from adding someone
 * twice only when the company agrees too, or a link or an address does; what it cannot know (the same person with
 * another company on another network, added by hand) is found here, for the user to decide. Phone numbers are left
 * out: a family's landline or an office's switchboard is shared by people who are not one.
 */
import { profileLinks } from './match';
import { normalizeEmail, sortKey, withoutTitles } from './normalize';
import type { Contact } from './types';

export type DuplicateReason = 'name' | 'email' | 'profile';

export interface DuplicateGroup {
  /** Whom to keep first (the most contacts logged, then the oldest record), then the others by the same rule. */
  people: Contact[];
  /** What they have in common, in that order (the name first). */
  reasons: DuplicateReason[];
}

const REASONS: DuplicateReason[] = ['name', 'email', 'profile'];

/** The keys a person is found by: each with what it stands for. */
function keysOf(c: Contact): [string, DuplicateReason][] {
  const keys: [string, DuplicateReason][] = [];
  // Titles aside ("Dr. Max Roe" and "Max Roe"): matching keeps them apart, but here the user decides.
  const name = sortKey(withoutTitles(c.name));
  if (name) keys.push([`n${name}`, 'name']);
  for (const e of c.emails) if (e.trim()) keys.push([`e${normalizeEmail(e)}`, 'email']);
  // A web address is left out: colleagues share their company's site (their name, if the same, joins them anyway).
  for (const url of profileLinks(c.profiles)) keys.push([`p${url}`, 'profile']);
  return keys;
}

/** Who to keep by default: the record with the most history, then the older one (the first saved). */
const keepFirst = (a: Contact, b: Contact) =>
  b.interactions.length - a.interactions.length || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);

/** A key held by more people than this joins them all to its first holder, not pair by pair. */
const PAIRWISE_MAX = 200;

/**
 * Every group of two or more people joined by a key in common (a chain joins: A and B by name, B and C by email),
 * ordered by the name of whom each keeps. `apart(a, b)`: the user said these two are not one person, which no key
 * then joins.
 */
export function duplicateGroups(
  contacts: readonly Contact[],
  apart: (a: string, b: string) => boolean = () => false,
): DuplicateGroup[] {
  // Union-find over the people's places in `contacts`.
  const parent = contacts.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      const up = parent[parent[i] as number] as number;
      parent[i] = up;
      i = up;
    }
    return i;
  };
  const holders = new Map<string, { reason: DuplicateReason; at: number[] }>();
  contacts.forEach((c, i) => {
    for (const [key, reason] of keysOf(c)) {
      const h = holders.get(key);
      if (!h) holders.set(key, { reason, at: [i] });
      else if (h.at.at(-1) !== i) h.at.push(i);
    }
  });
  const joins: [number, DuplicateReason][] = [];
  const join = (a: number, b: number, reason: DuplicateReason) => {
    if (apart((contacts[a] as Contact).id, (contacts[b] as Contact).id)) return;
    joins.push([a, reason]);
    const [ra, rb] = [root(a), root(b)];
    if (ra !== rb) parent[rb] = ra;
  };
  for (const { reason, at } of holders.values()) {
    if (at.length < 2) continue;
    if (at.length > PAIRWISE_MAX) for (const b of at.slice(1)) join(at[0] as number, b, reason);
    else for (const [n, a] of at.entries()) for (const b of at.slice(n + 1)) join(a, b, reason);
  }
  const why = new Map<number, Set<DuplicateReason>>();
  for (const [a, reason] of joins) {
    const r = root(a);
    const set = why.get(r) ?? new Set();
    set.add(reason);
    why.set(r, set);
  }
  const members = new Map<number, Contact[]>();
  contacts.forEach((c, i) => {
    const r = root(i);
    if (!why.has(r)) return;
    const list = members.get(r);
    if (list) list.push(c);
    else members.set(r, [c]);
  });
  const groups: DuplicateGroup[] = [];
  for (const [r, people] of members) {
    const reasons = why.get(r) as Set<DuplicateReason>;
    groups.push({ people: people.sort(keepFirst), reasons: REASONS.filter((x) => reasons.has(x)) });
  }
  // By name as the list's name order puts them (titles aside, case and accents too); a collator of its own: this
  // runs once per look, and the list's (contacts/search.ts) would bring the search code into the options page.
  const names = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  return groups.sort(
    (a, b) =>
      names.compare(withoutTitles((a.people[0] as Contact).name), withoutTitles((b.people[0] as Contact).name)) ||
      keepFirst(a.people[0] as Contact, b.people[0] as Contact),
  );
}
