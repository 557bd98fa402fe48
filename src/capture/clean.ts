/**
 * Text and URL hygiene for everything taken from a page. Page content is data: it is cleaned, bounded and later
 * rendered as text only.
 */
import { safeHttpUrl } from '../contacts/profile-url';
import { SITE_TABLE } from '../contacts/sites';

export const MAX = { name: 120, role: 200, company: 120, location: 120, url: 2048 } as const;

// Zero-width, bidi-control and other invisible characters that can hide or reorder text: Unicode's own list
// (soft hyphen, ZWSP/ZWJ/ZWNJ, LRM/RLM, bidi embeddings and isolates, word joiner, variation selectors, BOM, tags…).
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
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
  s = decodeEntities(s).replace(INVISIBLE, '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  if (s.length > max) s = `${s.slice(0, max - 1).trimEnd()}…`;
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
