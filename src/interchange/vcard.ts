/**
 * vCard 2.1, 3.0 and 4.0 in (writing: vcard-write.ts). Written here rather than taken from ical.js or vcf:
 * those read 3.0/4.0 but not the 2.1 that Outlook, Android and XING still export (QUOTED-PRINTABLE soft line
 * breaks, CHARSET parameters, bare type parameters), and both build a full object model we would then map.
 */
import { profilesIn } from '../contacts/profile-url';
import type { Birthday, ContactDraft } from '../contacts/types';
import { decodeCharset } from './decode';
import type { ImportError } from './types';

interface Prop {
  name: string;
  params: Map<string, string[]>;
  value: string;
  line: number;
}

const isQp = (head: string) => /(^|;)(ENCODING=)?QUOTED-PRINTABLE(;|:|$)/i.test(head);

/** Physical lines → logical lines: RFC folding (a leading space or tab) and QUOTED-PRINTABLE soft breaks. */
function logicalLines(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const prev = out[out.length - 1];
    if (prev && (raw.startsWith(' ') || raw.startsWith('\t'))) {
      prev.text += raw.slice(1);
      continue;
    }
    if (prev?.text.endsWith('=') && isQp(prev.text.slice(0, prev.text.indexOf(':')))) {
      prev.text = prev.text.slice(0, -1) + raw;
      continue;
    }
    // Blank lines between properties (and the CR CR LF of some iPhone exports) carry nothing.
    if (raw.trim() === '') continue;
    out.push({ text: raw, line: i + 1 });
  }
  return out;
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

function parseProp(text: string, line: number): Prop | null {
  let colon = text.indexOf(':');
  const quote = text.indexOf('"');
  // Quoted parameter values may contain ':' — only then is the line scanned character by character.
  if (quote >= 0 && quote < colon) {
    let quoted = false;
    colon = -1;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === '"') quoted = !quoted;
      else if (ch === ':' && !quoted) {
        colon = i;
        break;
      }
    }
  }
  if (colon < 0) return null;
  const semi = text.indexOf(';');
  const head = semi >= 0 && semi < colon ? semi : colon;
  const name = text.slice(text.lastIndexOf('.', head) + 1, head).toUpperCase();
  // Properties no contact field comes from (UID, REV, X-…, and their often large values) are not taken apart.
  if (!WANTED.has(name)) return null;
  const params = new Map<string, string[]>();
  if (head < colon) {
    for (const p of splitOutsideQuotes(text.slice(head + 1, colon), ';')) {
      const eq = p.indexOf('=');
      // vCard 2.1 writes bare types: TEL;WORK;VOICE:…
      const key = (eq < 0 ? 'TYPE' : p.slice(0, eq)).toUpperCase();
      let values = splitOutsideQuotes(eq < 0 ? p : p.slice(eq + 1), ',');
      if (p.includes('"')) values = values.map((v) => v.replace(/^"|"$/g, ''));
      const known = params.get(key);
      if (known) known.push(...values);
      else params.set(key, values);
    }
  }
  return { name, params, value: text.slice(colon + 1), line };
}

/** The properties read into a contact, and the card's own BEGIN/END. */
const WANTED = new Set([
  'BEGIN',
  'END',
  'FN',
  'N',
  'EMAIL',
  'ORG',
  'TITLE',
  'ROLE',
  'TEL',
  'NOTE',
  'URL',
  'X-SOCIALPROFILE',
  'ADR',
  'BDAY',
  'PHOTO',
  'CATEGORIES',
]);

function decodeQp(value: string, charset: string | undefined): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    const hex = value.slice(i + 1, i + 3);
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      for (const b of new TextEncoder().encode(ch)) bytes.push(b);
    }
  }
  return decodeCharset(new Uint8Array(bytes), charset);
}

/** Splits a structured value on unescaped ';' and unescapes each part (\n, \, \; \\ and the stray \:). */
function components(value: string): string[] {
  if (!value.includes('\\')) return value.split(';').map((p) => p.trim());
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '\\' && i + 1 < value.length) {
      const next = value[++i] as string;
      cur += next === 'n' || next === 'N' ? '\n' : next;
    } else if (ch === ';') {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts.map((p) => p.trim());
}

const text = (p: Prop) => components(decoded(p)).join(' ').replace(/\s+/g, ' ').trim();

function decoded(p: Prop): string {
  const enc = p.params.get('ENCODING')?.[0]?.toUpperCase();
  if (enc === 'QUOTED-PRINTABLE' || p.params.get('TYPE')?.some((t) => t.toUpperCase() === 'QUOTED-PRINTABLE'))
    return decodeQp(p.value, p.params.get('CHARSET')?.[0]);
  return p.value;
}

function birthday(raw: string): Birthday | undefined {
  const s = raw.trim();
  let m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(s);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  m = /^--(\d{2})-?(\d{2})/.exec(s);
  if (m) return { month: Number(m[1]), day: Number(m[2]) };
  return undefined;
}

function toDraft(props: Prop[]): ContactDraft {
  const byName = new Map<string, Prop[]>();
  for (const p of props) {
    const list = byName.get(p.name);
    if (list) list.push(p);
    else byName.set(p.name, [p]);
  }
  const all = (name: string) => byName.get(name) ?? [];
  const first = (name: string) => byName.get(name)?.[0];
  const fn = first('FN');
  let name = fn ? text(fn) : '';
  if (!name) {
    const n = first('N');
    if (n) {
      const [family = '', given = '', additional = '', prefix = '', suffix = ''] = components(decoded(n));
      name = [prefix, given, additional, family, suffix].filter(Boolean).join(' ');
    }
  }
  const emails = all('EMAIL')
    .map((p) =>
      decoded(p)
        .replace(/^mailto:/i, '')
        .trim(),
    )
    .filter((e) => e.includes('@'));
  const draft: ContactDraft = { name: name || emails[0] || '', emails };
  const org = first('ORG');
  if (org) {
    const company = components(decoded(org))[0];
    if (company) draft.company = company;
  }
  const title = first('TITLE') ?? first('ROLE');
  if (title && text(title)) draft.role = text(title);
  const phones = all('TEL')
    .map((p) => decoded(p).replace(/^tel:/i, '').trim())
    .filter(Boolean);
  if (phones.length) draft.phones = phones;
  const notes = all('NOTE')
    .map((p) => components(decoded(p)).join(';'))
    .filter(Boolean);
  if (notes.length) draft.notes = notes.join('\n\n');
  const links = [...all('URL'), ...all('X-SOCIALPROFILE')].map((p) => components(decoded(p)).join(';'));
  const profiles = profilesIn([...links, ...notes]);
  if (profiles.length) draft.profiles = profiles;
  const adr = first('ADR');
  if (adr) {
    // Post box; extended; street; locality; region; postal code; country. The town, region and country say
    // where someone is; the street address is not kept.
    const [, , , locality = '', region = '', , country = ''] = components(decoded(adr));
    const location = [locality, region, country]
      .map((part) => part.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join(', ');
    if (location) draft.location = location;
  }
  const bday = first('BDAY');
  const b = bday && birthday(decoded(bday));
  if (b) draft.birthday = b;
  const photo = first('PHOTO');
  const photoUrl = photo && /^https?:\/\//i.test(decoded(photo).trim()) ? decoded(photo).trim() : '';
  if (photoUrl) draft.photoUrl = photoUrl;
  const categories = all('CATEGORIES')
    .flatMap((p) => components(decoded(p)).join(',').split(','))
    .map((c) => c.trim())
    .filter(Boolean);
  if (categories.length) draft.circles = [...new Set(categories)];
  return draft;
}

export function parseVCards(input: string): { contacts: ContactDraft[]; errors: ImportError[] } {
  const contacts: ContactDraft[] = [];
  const errors: ImportError[] = [];
  let depth = 0;
  let current: Prop[] = [];
  let startLine = 0;
  for (const { text: t, line } of logicalLines(input)) {
    const prop = parseProp(t, line);
    if (!prop) continue;
    const v = prop.name === 'BEGIN' || prop.name === 'END' ? prop.value.trim().toUpperCase() : '';
    if (prop.name === 'BEGIN' && v === 'VCARD') {
      // A card nested in another (vCard 2.1 AGENT) belongs to its parent: it is not a person of its own here.
      if (depth++ === 0) {
        current = [];
        startLine = line;
      }
      continue;
    }
    if (prop.name === 'END' && v === 'VCARD') {
      if (depth > 0 && --depth === 0) {
        const draft = toDraft(current);
        contacts.push(draft);
        if (!draft.name) errors.push({ code: 'noName', record: contacts.length, line: startLine });
      }
      continue;
    }
    if (depth === 1) current.push(prop);
  }
  return { contacts, errors };
}
