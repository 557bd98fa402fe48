/**
 * Which saved person a draft is, and what a page says differently from them: the reading side of merge.ts. The
 * popup's first screen matches the page against the book with this alone; how drafts are created and merged
 * (merge.ts) is loaded with the writes, after it.
 */
import { type ContactDraft, PAGE_FIELDS } from './fields';
import { matchKey, normalizeEmail, sortKey, withoutTitles } from './normalize';
import type { Contact, ProfileLink } from './types';

/** Each item once, by `key`, in first-seen order; an empty key is dropped. */
export function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export const uniqueEmails = (e: string[]) => uniqueBy(e.map(normalizeEmail), (x) => x);

/** A person's links on known sites (LinkedIn, XING…): each is one person's, in the book as in a file. */
export const profileLinks = (profiles: readonly ProfileLink[] = []): string[] =>
  profiles.flatMap((p) => (p.site === 'web' ? [] : [p.url]));

/**
 * A person's web addresses (links on no known site: a homepage, a company's website), each with the name: colleagues
 * share their company's site, so an address is a person's only together with who has it (titles aside: "Dr. Anna
 * Alt" on her homepage is the Anna Alt saved with it), and with the name the page gives them where the user said
 * it is them (ProfileLink.named). A space parts address and name (a canonical address has none): the keys of one
 * address are one range.
 */
export const pageKeys = (profiles: readonly ProfileLink[] = [], name = ''): string[] => [
  ...new Set(
    profiles.flatMap((p) =>
      p.site === 'web' ? [name, p.named ?? name].map((n) => `${p.url} ${sortKey(withoutTitles(n))}`) : [],
    ),
  ),
];

/** The keys a draft can be matched by, strongest first: profile links, web addresses, emails, name + company. */
export function matchKeys(d: ContactDraft): { urls: string[]; pages: string[]; emails: string[]; nameKey: string } {
  return {
    urls: profileLinks(d.profiles),
    pages: pageKeys(d.profiles, d.name),
    emails: uniqueEmails(d.emails ?? []),
    nameKey: matchKey(d.name, d.company),
  };
}

/** The fields of a draft that differ from the stored contact (what the popup shows as "changed since you saved"). */
export function changedFields(c: Contact, d: ContactDraft): (typeof PAGE_FIELDS)[number][] {
  return PAGE_FIELDS.filter((k) => {
    const v = d[k]?.trim();
    return !!v && v !== (c[k] ?? '');
  });
}
