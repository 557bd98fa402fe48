/**
 * Structured-data nodes as the page holds them (JSON-LD objects, and microdata/RDFa items read into the same
 * shape), and the JSON-LD blocks of a page parsed into them. No notion of what a node means: schema.ts reads a
 * Person from a node.
 */
import { jsonRepair } from '../repair-hook';

export type Node = { [key: string]: unknown };

export const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * "Person", "schema:Person", "http://schema.org/Person", ["Person", "Thing"] → ['Person', 'Thing']. Read as
 * leniently as search engines read them: a trailing slash, spaces, and the case of a type as sites write it
 * ("person", "https://schema.org/Person/") name the same type.
 */
export function typesOf(node: Node): string[] {
  const raw = node['@type'] ?? node.type;
  const list = Array.isArray(raw) ? raw : [raw];
  return list
    .filter((t): t is string => typeof t === 'string')
    .map((t) =>
      t
        .trim()
        .replace(/\/+$/, '')
        .replace(/^.*[/#:]/, ''),
    );
}

export const hasType = (node: Node, ...types: string[]) => {
  const own = typesOf(node).map((t) => t.toLowerCase());
  return types.some((t) => own.includes(t.toLowerCase()));
};

const MAX_SCRIPTS = 50;
const MAX_SCRIPT_CHARS = 1_000_000;
const MAX_NODES = 2_000;

const UNREADABLE = Symbol('unreadable');

/**
 * JSON.parse; then once more with raw control characters (newlines inside strings, seen on Bluesky) as spaces and
 * trailing commas dropped; then, where json-repair.js was injected, through jsonrepair (comments, stray quotes and
 * escapes, a brace too many). UNREADABLE when all of that fails.
 */
function parseTolerant(text: string): unknown {
  const body = text.replace(/^\s*(<!--|\/\/\s*<!\[CDATA\[)/, '').replace(/(-->|\/\/\s*\]\]>)\s*$/, '');
  try {
    return JSON.parse(body);
  } catch {
    try {
      // Raw control characters (newlines inside strings) and trailing commas before a closing bracket: JSON as
      // hand-written pages write it, which search engines read too. Tried only when the text does not parse as is.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: raw control characters are what breaks the JSON
      return JSON.parse(body.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1'));
    } catch {
      const repair = jsonRepair();
      if (!repair) return UNREADABLE;
      try {
        return JSON.parse(repair(body));
      } catch {
        return UNREADABLE;
      }
    }
  }
}

/**
 * The top-level nodes of every JSON-LD block (arrays and @graph flattened, nested nodes stay nested), and how many
 * blocks could not be read.
 */
export function topLevelNodes(doc: Document): { nodes: Node[]; unreadable: number } {
  const nodes: Node[] = [];
  let unreadable = 0;
  const scripts = doc.querySelectorAll('script[type="application/ld+json" i]');
  for (let i = 0; i < scripts.length && i < MAX_SCRIPTS; i++) {
    const text = scripts[i]?.textContent ?? '';
    if (!text || text.length > MAX_SCRIPT_CHARS) continue;
    const parsed = parseTolerant(text);
    if (parsed === UNREADABLE) unreadable++;
    const queue: unknown[] = [parsed];
    while (queue.length && nodes.length < MAX_NODES) {
      const v = queue.shift();
      if (Array.isArray(v)) queue.push(...v.slice(0, MAX_NODES));
      else if (isNode(v)) {
        if (Array.isArray(v['@graph'])) queue.push(...v['@graph'].slice(0, MAX_NODES));
        else nodes.push(v);
      }
    }
  }
  return { nodes, unreadable };
}
