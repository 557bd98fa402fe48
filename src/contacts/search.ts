/** What a search looks at: the same folded text for the popup's list and the stored search index. */
import { SEARCH_FIELDS } from './fields';
import { fold } from './normalize';
import type { Contact } from './types';

/**
 * Between texts joined for one scan (the stored search index, the list's joined text), and between an index line's
 * fields: ASCII record and unit separators, which no search text or search word holds (both are cleaned of them).
 */
export const RS = '\u001e';
export const US = '\u001f';
const noSeparators = (s: string) => s.replaceAll(RS, ' ').replaceAll(US, ' ');

/** How a circle reads in search texts: as stored (the user's name for it, or a starting circle's key) by default. */
let circleText = (circle: string) => circle;

/**
 * Names circles in every search text this page or worker makes (the list's and the stored search index's lines):
 * the views and the worker pass the starting circles' names in the user's language (platform/circles.ts) before
 * they read or write anyone, so a search for "Kunden" finds the clients in a German browser. An index written in
 * another language (or before this) differs from what the popup's list computes; the popup's check of the index
 * against everyone rewrites it then, once (popup/early-search.ts settle).
 */
export function searchCirclesAs(name: (circle: string) => string): void {
  circleText = name;
}

/** Everything a search looks at, folded once per contact (case-, accent- and umlaut-insensitive). */
export function haystack(c: Contact): string {
  return noSeparators(
    fold(
      SEARCH_FIELDS.map((k) => {
        const v = k === 'circles' ? c.circles.map(circleText) : c[k];
        return Array.isArray(v) ? v.join(' ') : v;
      })
        .filter(Boolean)
        .join('\n'),
    ),
  );
}

let collator: Intl.Collator | undefined;

/**
 * Two texts in the order a reader expects them: case and accents aside, numbers by value ("person 2" before
 * "person 10"). The list's name order, and its due order's people without a cadence by their folded search texts
 * (haystack, which starts with the name) — as an early search over the stored index orders them, so both put such
 * people in the same places. Made on first use: the first collator of a page loads the browser's collation data
 * (10–20 ms in a fresh Chromium page), which the popup's first screen does not need.
 */
export function compareTexts(a: string, b: string): number {
  collator ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  return collator.compare(a, b);
}

/** The words of what the user typed, folded as the texts are; a separator typed into the search is a space. */
export function searchWords(text: string): string[] {
  return fold(noSeparators(text)).split(' ').filter(Boolean);
}

/**
 * The words of a search, rarest first as counted in `sample` (a stretch of the text about to be scanned). A scan
 * looks for the first word over the whole text and tests the others only where it found it, so "person 12" scans
 * for "12" when most people are a "person". Counting stops at 1,000 a word: beyond that all are common.
 */
export function rarestFirst(sample: string, words: readonly string[]): string[] {
  if (words.length < 2) return [...words];
  const count = (w: string) => {
    let n = 0;
    for (let at = sample.indexOf(w); at >= 0 && n < 1000; at = sample.indexOf(w, at + w.length)) n++;
    return n;
  };
  return words
    .map((w) => [w, count(w)] as const)
    .sort((a, b) => a[1] - b[1])
    .map(([w]) => w);
}
