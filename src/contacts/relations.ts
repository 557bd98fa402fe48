/**
 * Links between people: "knows" (both sides say it) and introductions ("introduced by" on the one introduced,
 * "introduced" on the one who did it). Pure: the store writes both sides in one transaction (storage/links.ts).
 */
import {
  type Contact,
  isTie,
  linkedIds,
  RELATION_KINDS,
  REVERSE_KIND,
  type Relation,
  type RelationKind,
  type TieKind,
} from './types';

/** The kinds of link that connect two people: all but "distinct" (told apart). */
export const TIE_KINDS = RELATION_KINDS.filter((k): k is TieKind => k !== 'distinct');

type Person = Pick<Contact, 'id' | 'name'>;

/** `c` with a link of `kind` to `other` (one per person and kind: linking again replaces the note). */
export function withLink<C extends Pick<Contact, 'related'>>(
  c: C,
  other: Person,
  kind: RelationKind,
  note?: string,
): C {
  const kept = c.related.filter((r) => !(r.id === other.id && r.kind === kind));
  const link: Relation = { kind, id: other.id, name: other.name, ...(note?.trim() ? { note: note.trim() } : {}) };
  return { ...c, related: [...kept, link] };
}

/** `c` without any link to the person `id` (of the given kinds, or all). */
export function withoutLinksTo<C extends Pick<Contact, 'related'>>(
  c: C,
  id: string,
  kinds?: readonly RelationKind[],
): C {
  const related = c.related.filter((r) => r.id !== id || (kinds !== undefined && !kinds.includes(r.kind)));
  return related.length === c.related.length ? c : { ...c, related };
}

/** Both sides of a link: what `a` holds and what `b` holds. */
export function linkBoth<A extends Contact, B extends Contact>(a: A, b: B, kind: RelationKind, note?: string): [A, B] {
  const nextA = withLink(a, b, kind, note);
  const nextB = withLink(b, a, REVERSE_KIND[kind], note);
  // "Introduced by" is also the text field the user may have typed before linking: it names the person linked.
  return [
    kind === 'introducedBy' ? { ...nextA, introducedBy: b.name } : nextA,
    kind === 'introduced' ? { ...nextB, introducedBy: a.name } : nextB,
  ];
}

/**
 * One person's links as the contact page shows them: each other person once per kind, both directions read (the
 * people they were told apart from are not links to show).
 */
export interface LinkView {
  kind: TieKind;
  /** The other person when they are in the book. */
  contact?: Contact;
  /** The id linked to, in the book or not. */
  id?: string;
  /** The name to show: theirs in the book, or the one known when linked (a link to nobody here is text); '' when
   * the link came with an id only. */
  name: string;
  note?: string;
}

/**
 * Everyone linked to `c`, from its own links and from links others hold to it (an import may bring one side only):
 * `byId` finds people in the book, `pointing` are the people whose links name `c`.
 */
export function linksOf(
  c: Contact,
  byId: (id: string) => Contact | undefined,
  pointing: Iterable<Contact> = [],
): LinkView[] {
  const out = new Map<string, LinkView>();
  const add = (kind: RelationKind, id: string | undefined, name: string | undefined, note: string | undefined) => {
    if (kind === 'distinct') return;
    const contact = id ? byId(id) : undefined;
    const key = `${kind}|${contact?.id ?? id ?? `name:${name}`}`;
    if (out.has(key) || id === c.id) return;
    const shown = contact?.name ?? name ?? '';
    out.set(key, {
      kind,
      ...(id ? { id } : {}),
      ...(contact ? { contact } : {}),
      name: shown,
      ...(note ? { note } : {}),
    });
  };
  for (const r of c.related) add(r.kind, r.id, r.name, r.note);
  for (const p of pointing)
    for (const r of p.related) if (r.id === c.id) add(REVERSE_KIND[r.kind], p.id, p.name, r.note);
  return [...out.values()];
}

/** `c`'s links as linksOf gives them, looked up in the book in one pass (no index: the list changes often). */
export function linksInBook(c: Contact, book: readonly Contact[]): LinkView[] {
  const wanted = new Set(linkedIds(c, true));
  const found = new Map<string, Contact>();
  const pointing: Contact[] = [];
  for (const p of book) {
    if (wanted.has(p.id)) found.set(p.id, p);
    if (p.related.some((r) => r.id === c.id && isTie(r))) pointing.push(p);
  }
  return linksOf(c, (id) => found.get(id), pointing);
}

type Marked = Pick<Contact, 'id' | 'related'>;
/** Whether `a` holds the mark "a different person from `b`" (an import may bring one side only). */
const says = (a: Marked, b: Marked) => a.related.some((r) => r.kind === 'distinct' && r.id === b.id);

/** Whether the user said `a` and `b` are different people (either side's link says so). */
export const toldApart = (a: Marked, b: Marked): boolean => says(a, b) || says(b, a);

/**
 * Each pair of people told apart ("Different people"), or (`apart` false) no longer, both sides, on `people` (by
 * id, changed in place); a pair with someone not there, or already so, is left as it is. Gives the ids changed.
 */
export function markPairs(
  people: Map<string, Contact>,
  pairs: Iterable<readonly [string, string]>,
  apart = true,
): Set<string> {
  const changed = new Set<string>();
  for (const [a, b] of pairs) {
    const [ca, cb] = [people.get(a), people.get(b)];
    if (!ca || !cb || a === b || (apart && says(ca, cb) && says(cb, ca))) continue;
    const [na, nb] = apart
      ? linkBoth(ca, cb, 'distinct')
      : [withoutLinksTo(ca, b, ['distinct']), withoutLinksTo(cb, a, ['distinct'])];
    if (na === ca && nb === cb) continue;
    people.set(a, na);
    people.set(b, nb);
    changed.add(a).add(b);
  }
  return changed;
}
