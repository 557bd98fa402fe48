/**
 * When two entries of a list are one person's one entry — the rule of every place where lists meet: a draft cleaned
 * and merged into a saved person, one person twice in a file, two saved records of one person, sync's merge. An email
 * address in any case; a phone number by its digits; a profile by its address; a link by its kind and the person;
 * anything else (a circle) by its text.
 */
import type { FieldKind } from './fields';
import { uniqueBy, uniqueEmails } from './match';
import { normalizeEmail, phoneDigits } from './normalize';
import type { ProfileLink, Relation } from './types';

/**
 * A phone number with anything but digits and the signs numbers are written with ("0800-FLOWERS", "030 123456
 * (Büro)") is its text: its digits alone could make two numbers, or two notes on one, into one.
 */
const NUMBER = /^[\d\s+()./-]+$/;

/** What makes an entry of a list of this kind the one it is (fields.ts isListKind); an empty key is no entry. */
export function entryKey(kind: FieldKind, x: unknown): string {
  if (kind === 'profiles') return (x as ProfileLink).url;
  if (kind === 'relations') {
    const r = x as Relation;
    return `${r.kind}|${r.id ?? `name:${r.name ?? ''}`}`;
  }
  if (kind === 'emails') return normalizeEmail(x as string);
  const text = (x as string).trim();
  return (kind === 'phones' && NUMBER.test(text) && phoneDigits(text)) || text;
}

/** Each address once, where first; the name a later one says its page gives the person (ProfileLink.named) is taken. */
const uniqueProfiles = (p: ProfileLink[]) =>
  uniqueBy(p, (x) => entryKey('profiles', x)).map((x) => {
    const named = p.findLast((y) => y.url === x.url && y.named)?.named;
    return named && named !== x.named ? { ...x, named } : x;
  });

/** One link per person and kind: a later entry with a note fills a note the first lacked. */
function uniqueRelations(items: Relation[]): Relation[] {
  const out = new Map<string, Relation>();
  for (const r of items) {
    const key = entryKey('relations', r);
    const had = out.get(key);
    out.set(key, had ? { ...r, ...had, ...(had.note || !r.note ? {} : { note: r.note }) } : r);
  }
  return [...out.values()];
}

/**
 * A list value cleaned as a draft brings it: each entry once (entryKey), where first; text trimmed, an email address
 * in lower case, other entries as first written ("+49 (0)30 …" stands for "+49 30 …" after it).
 */
export function uniqueList(kind: FieldKind, items: unknown[]): unknown[] {
  if (kind === 'profiles') return uniqueProfiles(items as ProfileLink[]);
  if (kind === 'relations') return uniqueRelations(items as Relation[]);
  if (kind === 'emails') return uniqueEmails(items as string[]);
  return uniqueBy(
    (items as string[]).map((x) => x.trim()),
    (x) => entryKey(kind, x),
  );
}
