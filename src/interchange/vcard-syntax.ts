/**
 * vCard syntax, 2.1 to 4.0 (RFC 2425/2426, RFC 6350): cards, their properties and the escaping of values, with no
 * notion of what the properties mean (vcard-fields.ts maps them to a contact's fields).
 *
 * Written here rather than taken from ical.js or vcf: those read 3.0/4.0 but not the 2.1 that Outlook, Android and
 * XING still export (QUOTED-PRINTABLE soft line breaks, CHARSET parameters, bare type parameters), both rebuild
 * every card as an object model we would then map, and neither gives back a property exactly as it was written —
 * which sync needs for everything it does not own (a photo, a street address, another app's fields).
 */
import { decodeCharset } from './decode';

export interface Prop {
  /** Upper-case property name, without its group ("item1.URL" → "URL"). */
  name: string;
  group: string;
  /** The text between the name and the value's colon: the parameters, still unparsed. */
  head: string;
  /** The value as written (escaped; QUOTED-PRINTABLE still encoded). */
  value: string;
  /** 1-based line of the file where the property starts. */
  line: number;
  /** The property exactly as written in the file, folding included, for writing it back unchanged. */
  raw: string;
  /** Parameters, parsed on first use (most properties are never asked). */
  parsed?: Map<string, string[]>;
  /** The charset of QUOTED-PRINTABLE bytes the property does not name: the file's, found by evidence. */
  charset?: string;
}

export interface Card {
  /** The card's properties in file order (VERSION among them), without BEGIN, END and nested cards. */
  props: Prop[];
  /** 1-based line of BEGIN:VCARD. */
  line: number;
  version: string;
  /** It had no END:VCARD: it was read up to the next BEGIN:VCARD or the file's end. */
  unclosed?: true;
}

const isQp = (head: string) => /(^|;)(ENCODING=)?QUOTED-PRINTABLE(;|$)/i.test(head);

/** Where the value's colon is: the first one outside a quoted parameter value. */
function colonOf(text: string): number {
  const colon = text.indexOf(':');
  const quote = text.indexOf('"');
  if (quote < 0 || quote > colon) return colon;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ':' && !quoted) return i;
  }
  return -1;
}

function toProp(text: string, line: number, raw: string): Prop | null {
  const colon = colonOf(text);
  if (colon < 0) return null;
  const semi = text.indexOf(';');
  const end = semi >= 0 && semi < colon ? semi : colon;
  const dot = text.lastIndexOf('.', end);
  return {
    name: text.slice(dot + 1, end).toUpperCase(),
    group: dot > 0 ? text.slice(0, dot) : '',
    head: text.slice(end + 1, colon),
    value: text.slice(colon + 1),
    line,
    raw,
  };
}

/**
 * The cards of a file. Physical lines are unfolded (a leading space or tab; QUOTED-PRINTABLE soft breaks), blank
 * lines (or of control characters alone) skipped, a card nested in another (vCard 2.1 AGENT, its value on the lines
 * after it) left to its parent. A card without END:VCARD ends at the next BEGIN:VCARD or the file's end
 * (`unclosed`); lines outside every card (a BEGIN:VCARD missing) are not read, and the first line of each run of
 * them is in `outside`.
 */
export function readCards(text: string): Card[] & { outside: number[] } {
  const lines = text.split(/\r\n|\r|\n/);
  const cards: Card[] & { outside: number[] } = Object.assign([], { outside: [] });
  let depth = 0;
  let card: Card | null = null;
  /** The card's last property was an AGENT without a value: a BEGIN:VCARD now opens that agent's card. */
  let agent = false;
  /** In a run of lines outside every card. */
  let outside = false;
  let i = 0;
  while (i < lines.length) {
    const start = i;
    let logical = lines[i] as string;
    i++;
    // Blank: spaces, and control characters alone (an old program's end-of-file mark, Ctrl-Z). The pattern only for
    // a line that starts with one: this runs for every line of a file (the pattern on each took 60% longer in a
    // probe of 500,000 lines).
    const bare = logical.trim();
    if (!bare || (bare.charCodeAt(0) < 0x20 && /^\p{Cc}*$/u.test(bare))) continue;
    for (;;) {
      const next = lines[i];
      if (next === undefined) break;
      if (next.startsWith(' ') || next.startsWith('\t')) logical += next.slice(1);
      else if (logical.endsWith('=') && isQp(logical.slice(0, Math.max(0, logical.indexOf(':'))))) {
        logical = logical.slice(0, -1) + next;
      } else break;
      i++;
    }
    const c0 = logical.charCodeAt(0) | 0x20;
    // Only lines starting with b or e can open or close a card: the rest skip the case folding.
    const head = c0 === 0x62 || c0 === 0x65 ? logical.slice(0, 12).toUpperCase() : '';
    if (head.startsWith('BEGIN:VCARD')) {
      outside = false;
      // Not an agent's card: the card before had no END, and ends here.
      if (depth === 1 && card && !agent) {
        cards.push({ ...card, unclosed: true });
        depth = 0;
      }
      if (depth++ === 0) card = { props: [], line: start + 1, version: '' };
      agent = false;
      continue;
    }
    if (head.startsWith('END:VCARD')) {
      if (depth > 0 && --depth === 0 && card) {
        cards.push(card);
        card = null;
      }
      continue;
    }
    if (depth === 0) {
      if (!outside) cards.outside.push(start + 1);
      outside = true;
      continue;
    }
    if (depth !== 1 || !card) continue;
    const prop = toProp(logical, start + 1, i - start === 1 ? logical : lines.slice(start, i).join('\r\n'));
    if (!prop) continue;
    if (prop.name === 'VERSION') card.version = prop.value.trim();
    card.props.push(prop);
    agent = prop.name === 'AGENT' && !prop.value.trim();
  }
  if (card) cards.push({ ...card, unclosed: true });
  return cards;
}

function splitOutsideQuotes(s: string, sep: string): string[] {
  if (!s.includes('"')) return s.split(sep);
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of s) {
    if (ch === '"') quoted = !quoted;
    else if (ch === sep && !quoted) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/** A property's parameters: upper-case names, their values (vCard 2.1's bare "TEL;WORK;VOICE" become TYPE). */
export function params(p: Prop): Map<string, string[]> {
  if (p.parsed) return p.parsed;
  const map = new Map<string, string[]>();
  if (p.head) {
    for (const part of splitOutsideQuotes(p.head, ';')) {
      const eq = part.indexOf('=');
      const key = (eq < 0 ? 'TYPE' : part.slice(0, eq)).toUpperCase();
      let values = splitOutsideQuotes(eq < 0 ? part : part.slice(eq + 1), ',');
      if (part.includes('"')) values = values.map((v) => v.replace(/^"|"$/g, ''));
      const known = map.get(key);
      if (known) known.push(...values);
      else map.set(key, values);
    }
  }
  p.parsed = map;
  return map;
}

/** A QUOTED-PRINTABLE value's bytes. */
export function qpBytes(value: string): Uint8Array {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    const hex = value.slice(i + 1, i + 3);
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      for (const b of encoder.encode(ch)) bytes.push(b);
    }
  }
  return new Uint8Array(bytes);
}

/** Whether a property's value is QUOTED-PRINTABLE (2.1: ENCODING=QUOTED-PRINTABLE, or the bare type). */
export function isQuotedPrintable(p: Prop): boolean {
  if (!p.head || !/QUOTED-PRINTABLE/i.test(p.head)) return false;
  const ps = params(p);
  return (
    ps.get('ENCODING')?.[0]?.toUpperCase() === 'QUOTED-PRINTABLE' ||
    !!ps.get('TYPE')?.some((t) => t.toUpperCase() === 'QUOTED-PRINTABLE')
  );
}

/** Whether a property's value is base64 (3.0: ENCODING=b; 2.1: ENCODING=BASE64 or the bare type). */
export function isBase64(p: Prop): boolean {
  if (!p.head || !/(^|[;=,])(B|BASE64)(;|,|$)/i.test(p.head)) return false;
  const ps = params(p);
  const encoding = ps.get('ENCODING')?.[0]?.toUpperCase();
  return encoding === 'B' || encoding === 'BASE64' || !!ps.get('TYPE')?.some((t) => t.toUpperCase() === 'BASE64');
}

/** A base64 value's bytes, or null when it is not base64 after all (then the text stays as written). */
function base64Bytes(value: string): Uint8Array | null {
  try {
    const binary = atob(value.replace(/\s+/g, ''));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The value with any QUOTED-PRINTABLE or base64 transfer encoding undone (still escaped). */
export function decoded(p: Prop): string {
  // Most values carry no transfer encoding: those return before any parameter is parsed.
  const qp = isQuotedPrintable(p);
  const bytes = qp ? qpBytes(p.value) : isBase64(p) ? base64Bytes(p.value) : null;
  return bytes ? decodeCharset(bytes, params(p).get('CHARSET')?.[0] ?? p.charset) : p.value;
}

/**
 * Splits an escaped value on every unescaped `sep` and unescapes each part. Readers are lenient: \\, \, \; \: and
 * \n (or \N) are all understood, whatever the version wrote.
 */
export function splitEscaped(value: string, sep: ';' | ',' | null): string[] {
  if (!value.includes('\\')) return sep ? value.split(sep) : [value];
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '\\' && i + 1 < value.length) {
      const next = value[++i] as string;
      cur += next === 'n' || next === 'N' ? '\n' : next;
    } else if (sep && ch === sep) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

/** A text value, unescaped. */
export const textOf = (p: Prop) => splitEscaped(decoded(p), null)[0] as string;
/** A list value (CATEGORIES, NICKNAME): the entries, each unescaped; a comma inside one stays ("Kunden, A"). */
export const listOf = (p: Prop) => splitEscaped(decoded(p), ',');
/** A structured value (N, ADR, ORG): its components, each unescaped. */
export const partsOf = (p: Prop) => splitEscaped(decoded(p), ';');

/** A text value on one line: its runs of white space one space, none at either end. */
export const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

export type Version = '4.0' | '3.0';

/**
 * Escapes a text value for writing: backslash, newline and comma always, a semicolon only inside a component of a
 * structured value (N, ADR, ORG). RFC 6350 escapes nothing else; RFC 2426 allows `\;` in any text but does not
 * need it, and readers such as ical.js show it elsewhere as a stray backslash (both versions, tested).
 */
export function escapeText(s: string, _version: Version, component = false): string {
  const out = s
    .replace(/\\/g, '\\\\')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/,/g, '\\,');
  return component ? out.replace(/;/g, '\\;') : out;
}

const encoder = new TextEncoder();
/** Folds a content line at 75 octets (RFC 6350 §3.2), never inside a UTF-8 sequence. */
export function fold(line: string): string {
  if (line.length <= 25 || encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let cur = '';
  let size = 0;
  for (const ch of line) {
    const code = ch.codePointAt(0) ?? 0;
    const n = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (size + n > (out.length ? 74 : 75)) {
      out.push(cur);
      cur = '';
      size = 0;
    }
    cur += ch;
    size += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

/**
 * When the card was last changed (REV: "20261205T194000Z", "2026-12-05T19:40:00Z", or a day alone), as a moment in
 * UTC; undefined without one it can read. Sync decides a value both sides changed by it, an import whether a value is
 * older than the book's.
 */
export function revOf(card: Card): number | undefined {
  const rev = card.props.find((p) => p.name === 'REV')?.value.trim();
  if (!rev) return undefined;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2}):?(\d{2}))?/.exec(rev);
  if (!m) return undefined;
  return Date.UTC(+(m[1] ?? 0), +(m[2] ?? 1) - 1, +(m[3] ?? 1), +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
}
