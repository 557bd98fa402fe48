import type { GenericExtractor } from '../found';
import { hasType, isNode, type Node } from './nodes';
import { NOT_A_PROFILE, personFields } from './schema';

/**
 * The person this page is about: ProfilePage.mainEntity, else a top-level Person. People nested in an article,
 * team or organisation (authors, commenters, members) are not the page's subject. References by @id are
 * followed one level, which also makes cyclic graphs harmless.
 */
export function pagePerson(nodes: Node[]): Node | null {
  const byId = new Map<string, Node>();
  for (const n of nodes) if (typeof n['@id'] === 'string') byId.set(n['@id'], n);
  const resolve = (v: unknown): Node | null => {
    if (typeof v === 'string') return byId.get(v) ?? null;
    if (isNode(v) && typeof v['@id'] === 'string' && Object.keys(v).length === 1) return byId.get(v['@id']) ?? null;
    return isNode(v) ? v : null;
  };
  const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
  for (const n of nodes) {
    if (!hasType(n, 'ProfilePage')) continue;
    // mainEntity as the spec has it; `about` as some sites write it (it names the same subject).
    const main = resolve(first(n.mainEntity)) ?? resolve(first(n.about));
    if (main && hasType(main, 'Person')) return main;
  }
  return nodes.find((n) => hasType(n, 'Person')) ?? null;
}

/** True when the JSON-LD says the page is an article, organisation, product… and names no person as its subject. */
export function jsonLdSaysNotAProfile(nodes: Node[]): boolean {
  return !pagePerson(nodes) && nodes.some((n) => [...NOT_A_PROFILE].some((t) => hasType(n, t)));
}

export const jsonLd: GenericExtractor = {
  id: 'json-ld',
  extract(page) {
    const person = pagePerson(page.jsonLd());
    return person ? personFields(person, page.href) : null;
  },
};
