import type { GenericExtractor } from '../found';
import { hasType, isNode, NOT_A_PROFILE, type Node, personFields } from './schema';

const MAX_SCRIPTS = 50;
const MAX_SCRIPT_CHARS = 1_000_000;
const MAX_NODES = 2_000;

/** JSON.parse, then once more with raw control characters (newlines inside strings, seen on Bluesky) as spaces. */
function parseTolerant(text: string): unknown {
  const body = text.replace(/^\s*(<!--|\/\/\s*<!\[CDATA\[)/, '').replace(/(-->|\/\/\s*\]\]>)\s*$/, '');
  try {
    return JSON.parse(body);
  } catch {
    try {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: raw control characters are what breaks the JSON
      return JSON.parse(body.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

/** The top-level nodes of every JSON-LD block: arrays and @graph flattened (nested nodes stay nested). */
export function topLevelNodes(doc: Document): Node[] {
  const nodes: Node[] = [];
  const scripts = doc.querySelectorAll('script[type="application/ld+json" i]');
  for (let i = 0; i < scripts.length && i < MAX_SCRIPTS; i++) {
    const text = scripts[i]?.textContent ?? '';
    if (!text || text.length > MAX_SCRIPT_CHARS) continue;
    const queue: unknown[] = [parseTolerant(text)];
    while (queue.length && nodes.length < MAX_NODES) {
      const v = queue.shift();
      if (Array.isArray(v)) queue.push(...v.slice(0, MAX_NODES));
      else if (isNode(v)) {
        if (Array.isArray(v['@graph'])) queue.push(...v['@graph'].slice(0, MAX_NODES));
        else nodes.push(v);
      }
    }
  }
  return nodes;
}

/**
 * The person this page is about: ProfilePage.mainEntity, else a top-level Person. People nested in an article,
 * team or organisation (authors, commenters, members) are not the page's subject. References by @id are
 * followed one level, which also makes cyclic graphs harmless.
 */
export function pagePerson(nodes: Node[]): Node | null {
  const byId = new Map<string, Node>();
  for (const n of nodes) if (typeof n['@id'] === 'string') byId.set(n['@id'], n);
  const resolve = (v: unknown): Node | null => {
    if (isNode(v) && typeof v['@id'] === 'string' && Object.keys(v).length === 1) return byId.get(v['@id']) ?? null;
    return isNode(v) ? v : null;
  };
  for (const n of nodes) {
    if (!hasType(n, 'ProfilePage')) continue;
    const main = resolve(Array.isArray(n.mainEntity) ? n.mainEntity[0] : n.mainEntity);
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
