/**
 * Text and URL hygiene for everything taken from a page. Page content is data: it is cleaned, bounded and later
 * rendered as text only.
 */
import { safeHttpUrl } from '../contacts/profile-url';
import { SITE_TABLE } from '../contacts/sites';

export const MAX = { name: 120, role: 200, company: 120, location: 120, url: 2048 } as const;

// Zero-width, bidi-control and other invisible characters that can hide or reorder text: Unicode's own list
// (soft hyphen, ZWSP/ZWJ/ZWNJ, LRM/RLM, bidi embeddings and isolates, word joiner, variation selectors, BOM, tags…).
// Some of them are part of the text they sit in and stay (see keepInvisible).
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
/** Bidi controls: never part of a name, always removed (they reorder what is shown). */
const BIDI = /^[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]$/u;
/** Scripts whose letters take ZWJ/ZWNJ to choose a joined or unjoined form (Persian, Arabic, Indic…). */
const JOINING =
  /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Mongolian}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const SPACE = /\s/u;

/** The code point just before `at` and the one just after `at + len` (surrogate pairs read whole). */
function around(text: string, at: number, len: number): [string, string] {
  const before = at > 1 && /[\udc00-\udfff]/.test(text[at - 1] ?? '') ? text.slice(at - 2, at) : text.slice(at - 1, at);
  const next = text.codePointAt(at + len);
  return [before, next === undefined ? '' : String.fromCodePoint(next)];
}

/**
 * Whether an invisible character is part of the text: a ZWJ inside an emoji sequence (👩‍💻) or beside a letter of
 * a joining script, a ZWNJ beside one (Persian and Indic names), a variation selector after the character it
 * varies (❤️), the tag characters of a subdivision flag. Everything else invisible is removed.
 */
function keepInvisible(ch: string, text: string, at: number): boolean {
  if (BIDI.test(ch)) return false;
  const [before, after] = around(text, at, ch.length);
  const cp = ch.codePointAt(0) ?? 0;
  if (cp === 0x200d)
    return (
      ((PICTOGRAPH.test(before) || /[\ufe0f\u{1f3fb}-\u{1f3ff}]/u.test(before)) && PICTOGRAPH.test(after)) ||
      JOINING.test(before) ||
      JOINING.test(after)
    );
  if (cp === 0x200c) return JOINING.test(before) || JOINING.test(after);
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef))
    return before !== '' && !SPACE.test(before) && !INVISIBLE_ONE.test(before);
  if (cp >= 0xe0020 && cp <= 0xe007f) return before === '\u{1f3f4}' || (before.codePointAt(0) ?? 0) >= 0xe0020;
  return false;
}
const INVISIBLE_ONE = /^\p{Default_Ignorable_Code_Point}$/u;

/** Removes the invisible characters that are not part of the text (bidi controls always). */
export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE, (ch, at: number, text: string) => (keepInvisible(ch, text, at) ? ch : ''));
}
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const ENTITY = /&(#x[0-9a-f]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos|nbsp);/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the few entities that survive in attributes and JSON (double-encoded "&amp;amp;" stays literal once). */
function decodeEntities(s: string): string {
  return s.replace(ENTITY, (m, e: string) => {
    const lower = e.toLowerCase();
    if (lower.startsWith('#')) {
      const code = lower.startsWith('#x') ? Number.parseInt(lower.slice(2), 16) : Number.parseInt(lower.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[lower] ?? m;
  });
}

/** Trims, collapses whitespace, strips invisible and control characters, decodes entities, bounds the length. */
export function cleanText(raw: unknown, max = 300): string {
  if (typeof raw !== 'string' && typeof raw !== 'number') return '';
  // Bound before the regexes so a megabyte of text costs nothing.
  let s = String(raw).slice(0, max * 4);
  s = stripInvisible(decodeEntities(s)).replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  if (s.length > max) {
    // Cut between characters, never inside a surrogate pair.
    let cut = max - 1;
    if (/[\udc00-\udfff]/.test(s[cut] ?? '')) cut--;
    s = `${s.slice(0, cut).trimEnd()}…`;
  }
  return s;
}

/** Social sites without a row in the site table whose profile titles the generic chain still meets. */
const OTHER_TITLE_NAMES = ['Facebook', 'Instagram'];
const TITLE_NAMES = [...SITE_TABLE.flatMap((s) => s.titleNames), ...OTHER_TITLE_NAMES];

/** Notification counts and site suffixes that titles carry: "(3) Jane Doe | LinkedIn", "Jane Doe - XING". */
const TITLE_NOISE: RegExp[] = [
  /^\(\d+\+?\)\s*/, // "(3) " unread counts
  new RegExp(`\\s*[|·•–—-]\\s*(${TITLE_NAMES.join('|')})\\b.*$`, 'i'),
  /\s+\(@[\w.@-]+\).*$/, // "Name (@handle) / X", "Name (@handle) on X", "Name (@user@host) - Mastodon"
  /\s+on\s+(X|Twitter)\s*:.*$/i,
  /\s+@[\w.-]+@[\w.-]+$/, // a trailing fediverse handle: "Lena Beispiel @lena@fedi.example.de"
];

export function stripTitleNoise(raw: string): string {
  let s = raw;
  for (const re of TITLE_NOISE) s = s.replace(re, '');
  return s.trim();
}

/** A person's display name: cleaned, without site noise, kept whole (never split at the last space). */
export function cleanName(raw: unknown): string {
  const s = stripTitleNoise(cleanText(raw, MAX.name * 2));
  // A "name" that is a URL, an email or only punctuation is not a name.
  if (!/\p{L}/u.test(s) || /^https?:|@.+\./.test(s)) return '';
  return cleanText(s, MAX.name);
}

/** Resolves a page URL against the page and keeps it only if it is http(s) (never javascript:, data:, …). */
export function cleanUrl(raw: unknown, base: string): string {
  if (typeof raw !== 'string' || !raw.trim() || raw.length > MAX.url) return '';
  const url = safeHttpUrl(raw, base);
  return url ? url.href : '';
}
