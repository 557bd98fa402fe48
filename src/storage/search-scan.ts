/**
 * Searching the search index's buckets as read (search-lines.ts is their format): every line whose folded text holds
 * every word, straight from the bucket strings, and the first screens of those hits in the list's due order.
 */
import { compareTexts, RS, rarestFirst, US } from '../contacts/search';
import { dueAt, idOfLine, PACKED_DUE, PACKED_ID } from './search-lines';

/** A match: the contact's id and its effective due moment (Infinity without a cadence), for the list's order. */
export interface IndexHit {
  id: string;
  /** The id as the line holds it (lineId): packed UUIDs compare as the ids themselves do. */
  key: string;
  due: number;
  /** The folded search text, which starts with the folded name (for people without a cadence). */
  text: string;
}

/**
 * A hit as found: where its line is in its bucket string. The id and text are cut out when first read — a common
 * letter matches everyone, and most hits are never shown (nor compared by text).
 */
class Hit implements IndexHit {
  private idText?: string;
  private keyText?: string;
  private fullText?: string;
  constructor(
    private readonly s: string,
    private readonly start: number,
    private readonly idEnd: number,
    private readonly dueEnd: number,
    private readonly end: number,
    readonly due: number,
  ) {}
  get key(): string {
    this.keyText ??= this.s.slice(this.start, this.idEnd);
    return this.keyText;
  }
  get id(): string {
    this.idText ??= idOfLine(this.key);
    return this.idText;
  }
  get text(): string {
    this.fullText ??= this.s.slice(this.dueEnd + 1, this.end);
    return this.fullText;
  }
}

/**
 * The list's default order for the index's hits (popup/list-model.ts compare): due moment, ties by id, as the
 * store's due index gives the first screen; people without a cadence last, by their folded text (compareTexts),
 * then id.
 */
export function byDue(a: IndexHit, b: IndexHit): number {
  if (a.due !== b.due) return a.due < b.due ? -1 : 1;
  return (a.due === Number.POSITIVE_INFINITY && compareTexts(a.text, b.text)) || compareIds(a, b);
}

/**
 * Two hits in the order of their ids (as IndexedDB orders keys: by UTF-16 code units). Two packed UUIDs compare as
 * they are: packing keeps a UUID's order (its hex digits' bits, most significant first, 7 to a character), so only
 * an id kept as it is needs unpacking.
 */
function compareIds(a: IndexHit, b: IndexHit): number {
  const [x, y] = a.key.charCodeAt(0) >= 0x80 && b.key.charCodeAt(0) >= 0x80 ? [a.key, b.key] : [a.id, b.id];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Hits by position in due order, as the list asks for them. */
export interface OrderedHits {
  length: number;
  at(i: number): IndexHit | undefined;
}

type Visit = (s: string, start: number, idEnd: number, dueEnd: number, end: number) => void;

/**
 * Calls `visit` for every line whose search text holds every word (already folded), straight from the bucket
 * strings: the first word is found with indexOf over each whole string, the others only in the lines it hit. A word
 * found only in a line's id or due moment is no match. No word: every line.
 *
 * Which line a hit is in: the one the scan is at when the hit is before that line's end — what a common word gives,
 * line after line — else found back from the hit with lastIndexOf, which is slow in V8: looking back on every line,
 * one letter at 50,000 people took 22–25 ms in a fresh Chromium page, 12–17 ms without (10 and 3 ms in Node once
 * compiled). A packed id and due moment are read past without a search (fieldEnd).
 */
function scanBuckets(buckets: readonly string[], words: readonly string[], visit: Visit): void {
  // The largest bucket is the sample the words' rarity is counted in.
  const sample = buckets.reduce((a, b) => (b.length > a.length ? b : a), '');
  const [first, ...rest] = rarestFirst(sample, words);
  for (const s of buckets) {
    // Always where a line starts.
    let from = 0;
    /** Where the first word is next, when a look past a line's id already found it. */
    let next = -1;
    while (from < s.length) {
      let at = -1;
      if (first !== undefined) {
        at = next >= from ? next : s.indexOf(first, from);
        if (at < 0) break;
      }
      let start = from;
      // A hit far on is most likely lines later (a rare word skips many): this line's end is not looked for then, and
      // looking back from the hit finds its line either way.
      let end = at - from < NEAR ? s.indexOf(RS, from) : from;
      if (end < 0) end = s.length;
      if (at >= end) {
        start = s.lastIndexOf(RS, at) + 1;
        end = s.indexOf(RS, at);
        if (end < 0) end = s.length;
      }
      const idEnd = fieldEnd(s, start, PACKED_ID, end);
      const dueEnd = fieldEnd(s, idEnd + 1, PACKED_DUE, end);
      if (first !== undefined && at <= dueEnd) {
        const inText = s.indexOf(first, dueEnd + 1);
        if (inText < 0) break;
        if (inText >= end) {
          next = inText;
          from = end + 1;
          continue;
        }
      }
      const text = rest.length ? s.slice(dueEnd + 1, end) : '';
      if (rest.every((w) => text.includes(w))) visit(s, start, idEnd, dueEnd, end);
      from = end + 1;
    }
  }
}

/** How far on a hit is looked for in the line the scan is at: longer than most lines. */
const NEAR = 256;

/**
 * Where a line's field that starts at `start` ends (the US after it), found without a search when it is packed: an
 * id that starts with U+0080 or above is a packed UUID of `width` characters (search-lines.ts lineId marks any other
 * id that would), and a US `width` characters into a due moment that starts so, before the line's `end`, can only be
 * the one after it (a line holds two). Any other is looked for.
 */
function fieldEnd(s: string, start: number, width: number, end: number): number {
  const at = start + width;
  return at < end && s.charCodeAt(at) === 0x1f && s.charCodeAt(start) >= 0x80 ? at : s.indexOf(US, start);
}

/** Everyone whose search text holds every word (already folded), in the order the buckets hold them. */
export function searchBuckets(buckets: readonly string[], words: readonly string[]): IndexHit[] {
  const hits: IndexHit[] = [];
  scanBuckets(buckets, words, (s, start, idEnd, dueEnd, end) => {
    hits.push(new Hit(s, start, idEnd, dueEnd, end, dueAt(s, idEnd + 1, dueEnd)));
  });
  return hits;
}

/**
 * A search's hits in due order, put in order only as far as the list looks: the first `head` are picked while the
 * buckets are scanned (a hit later than all of them costs no object), everyone is found and sorted again the first
 * time a row past those is asked for. A common letter matches all 50,000 people, and making and sorting an object
 * for each of them took ~100 ms on this kind of machine. Hits that compare equal keep the order they were found in,
 * as a stable sort of searchBuckets' answer does.
 */
export function searchInDueOrder(buckets: readonly string[], words: readonly string[], head: number): OrderedHits {
  const top: Hit[] = [];
  let count = 0;
  scanBuckets(buckets, words, (s, start, idEnd, dueEnd, end) => {
    count++;
    const due = dueAt(s, idEnd + 1, dueEnd);
    const last = top.length >= head ? top[top.length - 1] : undefined;
    if (head <= 0 || (last && due > last.due)) return;
    const hit = new Hit(s, start, idEnd, dueEnd, end, due);
    if (last && byDue(hit, last) >= 0) return;
    // After every hit that is not later than this one (equal ones were found first).
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (byDue(top[mid] as Hit, hit) <= 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, hit);
    if (top.length > head) top.pop();
  });
  let all: IndexHit[] | undefined;
  return {
    length: count,
    at(i) {
      if (i < top.length) return top[i];
      all ??= searchBuckets(buckets, words).sort(byDue);
      return all[i];
    },
  };
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
