/**
 * The search index's format (search-index.ts keeps it in the store): every contact as one line `id US due US text`
 * (its id, packed when it is a UUID; its effective due moment, packed too, empty without a cadence; its folded
 * search text), the lines of each bucket joined by RS. Pure functions (writeWholeIndex touches only the store it is
 * given): the database upgrade and a rebuild write the index with them; search-scan.ts searches it.
 *
 * The popup reads the whole index before a first keystroke can be answered, and that read takes time in proportion
 * to its size (50,000 people in a bare page on this kind of machine: 3.9 MB in 33 ms, 2.8 MB in 24 ms). A UUID and a
 * due moment in milliseconds were two thirds of a line (36 + 13 characters of ~78), hence the packing: 19 + 6, in
 * characters U+0080–U+00FF, which keep a bucket a one-byte string and which no folded word of a search holds but for
 * a rare letter like æ or ø (a word found inside an id or a due moment is looked for again in the text).
 */
import { effectiveDueAt } from '../contacts/due';
import { haystack, RS, US } from '../contacts/search';
import type { Contact } from '../contacts/types';
import { toContact } from '../contacts/validate';

/** 256 strings: at 50,000 people about 200 lines (15 KB) each, so a write rewrites little and a read is one request. */
export const BUCKETS = 256;

/**
 * A large index's copy for reading (search-index.ts): PART_BUCKETS buckets' lines one after another in a Blob (UTF-8),
 * `lengths` each bucket's length in characters, so they are parted again without a separator the lines might hold.
 */
export interface SearchPart {
  lengths: number[];
  text: Blob;
}

/** A bucket for an id: FNV-1a, so the same id always lands in the same bucket. */
export function bucketOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % BUCKETS;
}

/** Marks an id kept as it is that starts as a packed one does (U+0080 and above), or with this mark. */
const AS_IS = '\x7f';

/** How long a packed id is, and a packed due moment of these years (until 2109): search-scan.ts reads past them. */
export const PACKED_ID = 19;
export const PACKED_DUE = 6;

/** The characters of a packed id, reused. */
const packedCodes: number[] = Array.from({ length: PACKED_ID }, () => 0);

/**
 * A UUID as Reconnect writes it (8-4-4-4-12 lowercase hex digits), 4 bits a digit, in 18 characters of 7 bits and
 * one of the last 2; null for any other id. Read in one pass (it runs for every person when the index is checked).
 */
function pack(id: string): string | null {
  if (id.length !== 36) return null;
  let acc = 0;
  let bits = 0;
  let n = 0;
  for (let i = 0; i < 36; i++) {
    const c = id.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 45) return null; // "-"
      continue;
    }
    const digit = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (digit < 0) return null;
    acc = (acc << 4) | digit;
    bits += 4;
    if (bits >= 7) {
      bits -= 7;
      packedCodes[n++] = 0x80 | (acc >> bits);
      acc &= (1 << bits) - 1;
    }
  }
  packedCodes[n] = 0x80 | acc;
  return String.fromCharCode(...packedCodes);
}

function unpack(packed: string): string {
  let hex = '';
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < PACKED_ID; i++) {
    const width = i < PACKED_ID - 1 ? 7 : 2;
    acc = (acc << width) | (packed.charCodeAt(i) & ((1 << width) - 1));
    for (bits += width; bits >= 4; acc &= (1 << bits) - 1) {
      bits -= 4;
      hex += (acc >> bits).toString(16);
    }
  }
  return hex.replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}

/**
 * An id as its line starts: a UUID (every id Reconnect gives) packed into 19 characters, any other id as it is
 * (cleaned of the separators; marked if it starts as a packed one or a marked one would). idOfLine reverses it.
 */
export function lineId(id: string): string {
  const packed = pack(id);
  if (packed !== null) return packed;
  const clean = id.replaceAll(US, ' ').replaceAll(RS, ' ');
  return clean.charCodeAt(0) >= 0x7f ? AS_IS + clean : clean;
}

/** A line's id field as written (lineId's form): how lines are told apart. */
export const lineKey = (line: string): string => line.slice(0, line.indexOf(US));

/** The id a line starts with (what lineId wrote). */
export function idOfLine(field: string): string {
  const first = field.charCodeAt(0);
  return first === 0x7f ? field.slice(1) : first >= 0x80 ? unpack(field) : field;
}

/**
 * A due moment as a line holds it: whole milliseconds in base 128, a digit a character U+0080–U+00FF (6 characters
 * today, not 13), so no letter or digit typed into the search ever matches inside one (in base 36 every due moment
 * of these years would start with "m"); any other number (before 1970, a fraction) marked, in decimal.
 */
function dueField(due: number | undefined): string {
  if (due === undefined) return '';
  if (!Number.isSafeInteger(due) || due < 0) return `~${due}`;
  let out = '';
  for (let n = due; n > 0 || !out; n = Math.floor(n / 128)) out = String.fromCharCode(0x80 + (n % 128)) + out;
  return out;
}

/**
 * A line's due moment (dueField), read in place (no string cut for each of 50,000 lines): empty is none
 * (Infinity).
 */
export function dueAt(s: string, from: number, to: number): number {
  if (to <= from) return Number.POSITIVE_INFINITY;
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = s.charCodeAt(i) - 0x80;
    if (digit < 0) return Number(s.slice(from + 1, to));
    n = n * 128 + digit;
  }
  return n;
}

/**
 * One contact's line: id, effective due moment (empty without a cadence) and folded search text (`text`, when the
 * caller has it already).
 */
export function indexLine(c: Contact, text = haystack(c)): string {
  // The text holds no separator (haystack); lineId cleans the id of them.
  return `${lineId(c.id)}${US}${dueField(effectiveDueAt(c))}${US}${text}`;
}

/** The index's buckets for these contacts (the upgrade, and a rewrite from a complete list). */
export function buildBuckets(contacts: Iterable<Contact>): string[] {
  const lines: string[][] = Array.from({ length: BUCKETS }, () => []);
  for (const c of contacts) lines[bucketOf(c.id)]?.push(indexLine(c));
  return lines.map((l) => l.join(RS));
}

/**
 * The whole index written anew into `search`, from every readable record (a damaged one is left out of it, as out
 * of the list), inside the caller's transaction (the store is all it touches): the requests it made. For the database's
 * upgrades and search-index.ts rebuildSearchIndex.
 */
export function writeWholeIndex(
  search: { clear(): Promise<unknown>; put(lines: string, bucket: number): Promise<unknown> },
  records: readonly unknown[],
): Promise<unknown>[] {
  const writes = [search.clear()];
  buildBuckets(records.flatMap((r) => toContact(r) ?? [])).forEach((lines, b) => {
    if (lines) writes.push(search.put(lines, b));
  });
  return writes;
}

/**
 * Whether the stored buckets say exactly what these contacts would (a view that read everyone checks), a step at a
 * time: it pauses after every `per` lines it takes apart or people it compares, so a page can check in its idle
 * moments (ui/idle.ts idleSteps) what took 133–206 ms in one piece at 50,000 people. `textOf` gives a contact's
 * search text where the caller has computed it already (the popup's list has).
 */
export function* indexCheck(
  stored: readonly string[],
  contacts: readonly Contact[],
  textOf: (c: Contact) => string = haystack,
  per = 1000,
): Generator<void, boolean> {
  const lines = new Map<string, string>();
  let n = 0;
  for (const s of stored) {
    if (!s) continue;
    for (const line of s.split(RS)) {
      lines.set(lineKey(line), line);
      if (++n % per === 0) yield;
    }
  }
  if (lines.size !== contacts.length) return false;
  for (const c of contacts) {
    const line = indexLine(c, textOf(c));
    if (lines.get(lineKey(line)) !== line) return false;
    if (++n % per === 0) yield;
  }
  return true;
}
