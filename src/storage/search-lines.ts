/**
 * The search index's format (search-index.ts keeps it in the store): every contact as one line `id US due US text`
 * (its effective due moment, empty without a cadence, and its folded search text), the lines of each bucket joined
 * by RS. Pure functions: the database upgrade builds buckets with them, the popup searches them.
 */
import { effectiveDueAt } from '../contacts/due';
import { haystack, RS, rarestFirst, US } from '../contacts/search';
import type { Contact } from '../contacts/types';

/** 256 strings: at 50,000 people about 200 lines (15 KB) each, so a write rewrites little and a read is one request. */
export const BUCKETS = 256;

/** A bucket for an id: FNV-1a, so the same id always lands in the same bucket. */
export function bucketOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % BUCKETS;
}

/**
 * One contact's line: id, effective due moment (empty without a cadence) and folded search text (`text`, when the
 * caller has it already).
 */
export function indexLine(c: Contact, text = haystack(c)): string {
  const due = effectiveDueAt(c);
  // The text holds no separator (haystack); an id is cleaned of them here.
  const id = c.id.replaceAll(US, ' ').replaceAll(RS, ' ');
  return `${id}${US}${due === undefined ? '' : due}${US}${text}`;
}

/** The index's buckets for these contacts (the upgrade, and a rewrite from a complete list). */
export function buildBuckets(contacts: Iterable<Contact>): string[] {
  const lines: string[][] = Array.from({ length: BUCKETS }, () => []);
  for (const c of contacts) lines[bucketOf(c.id)]?.push(indexLine(c));
  return lines.map((l) => l.join(RS));
}

/** A match: the contact's id and its effective due moment (Infinity without a cadence), for the list's order. */
export interface IndexHit {
  id: string;
  due: number;
  /** The folded search text, which starts with the folded name (for ties in due order). */
  text: string;
}

/** How many people the buckets hold: one line each. */
export function countLines(buckets: readonly string[]): number {
  let n = 0;
  for (const s of buckets) {
    if (!s) continue;
    n++;
    for (let at = s.indexOf(RS); at >= 0; at = s.indexOf(RS, at + 1)) n++;
  }
  return n;
}

/**
 * Everyone whose search text holds every word (already folded), straight from the bucket strings: the first word
 * is found with indexOf over each whole string, the others only in the lines it hit. No word: everyone.
 */
export function searchBuckets(buckets: readonly string[], words: readonly string[]): IndexHit[] {
  const hits: IndexHit[] = [];
  // The largest bucket is the sample the words' rarity is counted in.
  const sample = buckets.reduce((a, b) => (b.length > a.length ? b : a), '');
  const [first, ...rest] = rarestFirst(sample, words);
  for (const s of buckets) {
    if (!s) continue;
    let from = 0;
    while (from < s.length) {
      let start: number;
      if (first === undefined) start = from;
      else {
        const at = s.indexOf(first, from);
        if (at < 0) break;
        start = s.lastIndexOf(RS, at) + 1;
      }
      let end = s.indexOf(RS, start);
      if (end < 0) end = s.length;
      const idEnd = s.indexOf(US, start);
      const dueEnd = s.indexOf(US, idEnd + 1);
      const text = s.slice(dueEnd + 1, end);
      // A word found inside the id or the due moment is no match: the line is checked on its text alone.
      if ((first === undefined || text.includes(first)) && rest.every((w) => text.includes(w))) {
        const due = s.slice(idEnd + 1, dueEnd);
        hits.push({ id: s.slice(start, idEnd), due: due ? Number(due) : Number.POSITIVE_INFINITY, text });
      }
      from = end + 1;
    }
  }
  return hits;
}

/**
 * Whether the stored buckets say exactly what these contacts would (a view that read everyone checks). `textOf`
 * gives a contact's search text where the caller has computed it already (the popup's list has).
 */
export function sameIndex(
  stored: readonly string[],
  contacts: readonly Contact[],
  textOf: (c: Contact) => string = haystack,
): boolean {
  const lines = new Map<string, string>();
  for (const s of stored) {
    if (!s) continue;
    for (const line of s.split(RS)) lines.set(line.slice(0, line.indexOf(US)), line);
  }
  return lines.size === contacts.length && contacts.every((c) => lines.get(c.id) === indexLine(c, textOf(c)));
}
