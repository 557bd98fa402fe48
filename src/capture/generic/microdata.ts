/**
 * schema.org Person in microdata (itemscope/itemtype/itemprop) and RDFa Lite (vocab/typeof/property): the same
 * tree of items and properties with different attribute names, read by one walker.
 */
import type { GenericExtractor } from '../found';
import { hasType, type Node } from './nodes';
import { NOT_A_PROFILE, personFields } from './schema';

interface Syntax {
  scope: string;
  prop: string;
  types(el: Element): string[];
}

const MICRODATA: Syntax = {
  scope: '[itemscope]',
  prop: 'itemprop',
  types: (el) => (el.getAttribute('itemtype') ?? '').split(/\s+/).filter(Boolean),
};
const RDFA: Syntax = {
  scope: '[typeof]',
  prop: 'property',
  types: (el) => (el.getAttribute('typeof') ?? '').split(/\s+/).filter(Boolean),
};

const MAX_ITEMS = 200;
const MAX_PROPS = 300;

function value(el: Element, syntax: Syntax, depth: number): unknown {
  if (el.matches(syntax.scope)) return depth < 4 ? item(el, syntax, depth + 1) : '';
  const tag = el.localName;
  if (el.hasAttribute('content')) return el.getAttribute('content');
  if (tag === 'img' || tag === 'audio' || tag === 'video' || tag === 'source' || tag === 'embed' || tag === 'iframe')
    return el.getAttribute('src') ?? '';
  if (tag === 'a' || tag === 'link' || tag === 'area') return el.getAttribute('href') ?? '';
  if (tag === 'time') return el.getAttribute('datetime') ?? el.textContent ?? '';
  if (tag === 'data' || tag === 'meter') return el.getAttribute('value') ?? '';
  return (el.textContent ?? '').slice(0, 2000);
}

/**
 * The elements that may be an item's properties: its descendants, and in microdata the elements its `itemref`
 * names (a page may put a person's name in its header and the rest in a card).
 */
function candidates(el: Element, syntax: Syntax): [Element, Element][] {
  const own = [...el.querySelectorAll(`[${syntax.prop}]`)].map((p): [Element, Element] => [p, el]);
  const refs = syntax === MICRODATA ? (el.getAttribute('itemref') ?? '').split(/\s+/).filter(Boolean).slice(0, 20) : [];
  for (const id of refs) {
    const root = el.ownerDocument.getElementById(id);
    if (!root || root.contains(el) || el.contains(root)) continue;
    if (root.hasAttribute(syntax.prop)) own.push([root, root]);
    if (!root.matches(syntax.scope)) for (const p of root.querySelectorAll(`[${syntax.prop}]`)) own.push([p, root]);
  }
  return own;
}

/** An item's own properties: candidates whose nearest scope is this item (nested items keep theirs). */
function item(el: Element, syntax: Syntax, depth = 0): Node {
  const node: Node = { '@type': syntax.types(el) };
  const props = candidates(el, syntax);
  for (let i = 0; i < props.length && i < MAX_PROPS; i++) {
    const [p, root] = props[i] as [Element, Element];
    const scope = p.parentElement?.closest(syntax.scope) ?? null;
    // Inside this item: its nearest scope is the item. Referenced: no item between it and the referenced root.
    if (root === el ? scope !== el : p !== root && scope !== null && root.contains(scope)) continue;
    for (const name of (p.getAttribute(syntax.prop) ?? '').split(/\s+/)) {
      const key = name.replace(/^.*[/#:]/, '');
      if (!key) continue;
      const v = value(p, syntax, depth);
      const prev = node[key];
      node[key] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
  }
  return node;
}

/** Top-level items: those that are not themselves a property of another item. */
function topLevel(doc: Document, syntax: Syntax): Element[] {
  return [...doc.querySelectorAll(syntax.scope)].slice(0, MAX_ITEMS).filter((el) => !el.hasAttribute(syntax.prop));
}

function pagePersonIn(doc: Document, syntax: Syntax): Node | null {
  for (const el of topLevel(doc, syntax)) {
    const node = item(el, syntax);
    if (hasType(node, 'Person')) return node;
    if (hasType(node, 'ProfilePage')) {
      const main = Array.isArray(node.mainEntity) ? node.mainEntity[0] : node.mainEntity;
      if (main && typeof main === 'object' && hasType(main as Node, 'Person')) return main as Node;
    }
  }
  return null;
}

/** The page's top-level microdata/RDFa item is an article, team, organisation… and no top-level Person exists. */
export function microdataSaysNotAProfile(doc: Document): boolean {
  for (const syntax of [MICRODATA, RDFA]) {
    const tops = topLevel(doc, syntax);
    if (!tops.length || pagePersonIn(doc, syntax)) continue;
    if (tops.some((el) => syntax.types(el).some((t) => NOT_A_PROFILE.has(t.replace(/^.*[/#:]/, ''))))) return true;
  }
  return false;
}

export const microdata: GenericExtractor = {
  id: 'microdata',
  extract(page) {
    const person = pagePersonIn(page.doc, MICRODATA) ?? pagePersonIn(page.doc, RDFA);
    return person ? personFields(person, page.href) : null;
  },
};
