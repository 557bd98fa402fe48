/**
 * How each field of a contact (contacts/fields.ts) is carried in a vCard: which properties it is read from and
 * written as. The table is keyed by every field, so a field without a decision here does not compile.
 *
 * Two tiers: the standard properties every address book reads (FN, EMAIL, CATEGORIES…), carried by export and
 * import too; and Reconnect's own X-RECONNECT-… properties (cadence, last contact, interactions…), carried only
 * between Reconnect and the user's own address book (sync), so that a second browser gets everything back.
 */
import type { CircleNaming } from '../contacts/circle-names';
import type { FieldName } from '../contacts/fields';
import { handleUrl } from '../contacts/handles';
import { isAddress, isPhoneNumber } from '../contacts/normalize';
import { canonicalProfile, profilesIn } from '../contacts/profile-url';
import { salutationIn } from '../contacts/salutation';
import {
  type Birthday,
  type Contact,
  type HistoryEntry,
  INTERACTION_KINDS,
  type InteractionKind,
  oldestFirst,
  type Relation,
  SOURCES,
  type Source,
  type TieKind,
} from '../contacts/types';
import { NO_BIRTH_YEAR, toBirthday } from '../contacts/validate';
import { withScheme } from '../contacts/web-address';
import { birthdayAtHour } from './birthday-time';
import { birthdayOf, dayOf } from './csv-dates';
import { displayName, nameParts, renamedLines } from './vcard-name';
import {
  type Card,
  clean,
  decoded,
  escapeText,
  listOf,
  type Prop,
  params,
  partsOf,
  textOf,
  type Version,
} from './vcard-syntax';

/** A card's properties by name, asked by the mappings. */
export class CardView {
  private readonly byName = new Map<string, Prop[]>();
  /**
   * `naming`: how the card names the book's circles (sync); an import reads them as written. `addresses`: the
   * addresses its email values hold ("Anna Alt <anna@alt.de>" gives anna@alt.de), handed in by an import; sync reads
   * them as written (the parser would be a tenth of the service worker's size).
   */
  constructor(
    readonly card: Card,
    readonly naming?: CircleNaming,
    readonly addresses?: (values: readonly string[]) => string[],
  ) {
    for (const p of card.props) {
      const list = this.byName.get(p.name);
      if (list) list.push(p);
      else this.byName.set(p.name, [p]);
    }
  }
  all(name: string): Prop[] {
    return this.byName.get(name) ?? [];
  }
  first(name: string): Prop | undefined {
    return this.byName.get(name)?.[0];
  }
}

/** Writes content lines (unfolded) for one card. */
export interface LineWriter {
  version: Version;
  /** How the card names the book's circles (sync); an export is handed them already named. */
  naming?: CircleNaming;
  /**
   * A file's: the person's salutation ("Herr"), which its N carries as the prefix, as every address book reads one
   * (sync keeps it in Reconnect's own property instead, so another app's N is never taken for the user's choice).
   */
  salutation?: string | undefined;
  add(name: string, value: string, paramText?: string): void;
  /** A line from a property's own head (group, name, parameters) and a new value. */
  raw(head: string, value: string): void;
}

export interface VCardField<K extends FieldName> {
  /** The properties the field is read from and written as. */
  names: readonly string[];
  /** Reconnect's own property: written and read only by sync, never in an export or by an import. */
  own?: true;
  /**
   * An own field's reading of a file's card (an import), from what any address book writes: sync never asks it, as
   * the field's own property is what the user's choice here writes (a salutation in N is formal address).
   */
  fromFile?(card: CardView): Contact[K] | undefined;
  /** Whether a property of those names belongs to the field (PHOTO only as a link: an embedded photo does not). */
  owns?(p: Prop): boolean;
  read(card: CardView): Contact[K] | undefined;
  write(value: NonNullable<Contact[K]>, out: LineWriter): void;
  /** How a null value is written, where null means something (no reminders); otherwise null writes nothing. */
  writeNull?(out: LineWriter): void;
  /**
   * A changed value written into the card's existing property, keeping what the field does not own (the street of
   * an address, the departments of an organisation) and the property's group and parameters. `base` is the
   * field's first property in the card, `props` all of them in their order (a name's FN and N).
   */
  rewrite?(value: NonNullable<Contact[K]>, base: Prop, out: LineWriter, props: readonly Prop[]): void;
  /**
   * The value as the card writes it, where `read` gives it otherwise (a display name family name first, read
   * turned round): a contact that holds it, as one synced before it was read so, has nothing to write either.
   */
  asWritten?(card: CardView): Contact[K] | undefined;
}

/** The property's name with its group and parameters, as written: what a rewrite keeps. */
export const headOf = (p: Prop) => `${p.group ? `${p.group}.` : ''}${p.name}${p.head ? `;${p.head}` : ''}`;

const pad = (n: number) => String(n).padStart(2, '0');
const isLink = (s: string) => /^https?:\/\//i.test(s.trim());

function readBirthday(raw: string): Birthday | undefined {
  const s = raw.trim();
  let m = /^(\d{4})-?(\d{2})-?(\d{2})(?:T?(\d{2}))?/.exec(s);
  const b = m && toBirthday({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
  // A birthday with a time ("1980-06-01T22:00:00Z", a midnight east of UTC): the day it stands for.
  if (m) return b && m[4] ? birthdayAtHour(b, Number(m[4])) : (b ?? undefined);
  m = /^--(\d{2})-?(\d{2})/.exec(s);
  if (m) return toBirthday({ month: Number(m[1]), day: Number(m[2]) });
  // Not vCard's form, but a date as a person writes it (a CRM's export, a card typed by hand): "23.04.1985",
  // "23. April 1985", read as a list's birthday cell is (an ambiguous 03/04/1985 is not guessed).
  return birthdayOf(s, undefined, dayOf(new Date()));
}

/** A card's email values as written (a mailto: prefix dropped), empty ones left out. */
export const emailTexts = (card: CardView) =>
  card
    .all('EMAIL')
    .map((p) =>
      textOf(p)
        .replace(/^mailto:/i, '')
        .trim(),
    )
    .filter(Boolean);

/** A TEL's value as written, its tel: scheme dropped. */
const telText = (p: Prop) => textOf(p).replace(/^tel:/i, '').trim();

/** A card's phone values as written (a fax's aside), empty ones left out. */
export const phoneTexts = (card: CardView) =>
  card
    .all('TEL')
    .filter((p) => !isFax(p))
    .map(telText)
    .filter(Boolean);

/** A card's birthday as written; '' for none. */
export function birthdayText(card: CardView): string {
  const b = card.first('BDAY');
  return b ? decoded(b).trim() : '';
}

/** The text of every property of a name, in order, empty ones left out. */
const texts = (card: CardView, name: string) =>
  card
    .all(name)
    .map((p) => textOf(p).trim())
    .filter(Boolean);

const nonEmpty = <T>(list: T[]) => (list.length ? list : undefined);

/**
 * A URL's or a social profile's link as written: a URL without its scheme ("www.anna.de") is one, and a handle on
 * its site's page is one (iOS: X-SOCIALPROFILE;type=linkedin;x-user=anna-alt:x-apple:anna-alt).
 */
function linkText(p: Prop): string {
  const text = textOf(p);
  if (p.name === 'URL' || text.includes('://')) return withScheme(text);
  const ps = params(p);
  return handleUrl(ps.get('TYPE')?.[0]?.toLowerCase() ?? '', readParam(ps.get('X-USER')?.[0]) ?? text) ?? text;
}

/** A fax number: TEL;TYPE=FAX (in any case, among other types, 2.1's bare TEL;FAX and 4.0's TYPE="work,fax"). */
const isFax = (p: Prop) => /(^|,)\s*fax\s*(,|$)/i.test(params(p).get('TYPE')?.join() ?? '');

/** A moment as RFC 3339 UTC with milliseconds (exact round trip of epoch ms). */
const iso = (at: number) => new Date(at).toISOString();
function moment(s: string): number | undefined {
  const at = Date.parse(s.trim());
  return Number.isFinite(at) ? at : undefined;
}

type TextField = 'metVia' | 'introducedBy' | 'salutation';
function ownText<K extends TextField>(name: string): VCardField<K> {
  return {
    names: [name],
    own: true,
    read: (card) => {
      const p = card.first(name);
      return (p && textOf(p).trim()) || undefined;
    },
    write: (v, out) => out.add(name, escapeText(v, out.version)),
  };
}

/** A property's value as a JSON object whose `at` is a moment (RFC 3339): `entry` reads the rest; else undefined. */
function jsonEntry<T>(p: Prop, entry: (o: Record<string, unknown>, at: number) => T | undefined): T | undefined {
  try {
    const o = JSON.parse(textOf(p)) as unknown;
    if (!o || typeof o !== 'object') return undefined;
    const at = moment(String((o as { at?: unknown }).at ?? ''));
    return at === undefined ? undefined : entry(o as Record<string, unknown>, at);
  } catch {
    return undefined;
  }
}

/** A JSON object with a moment, as a property's text value. */
const jsonText = (e: { at: number }, version: Version) => escapeText(JSON.stringify({ ...e, at: iso(e.at) }), version);

/** A list field as one property per entry, each a JSON object (moments as RFC 3339) in a text value. */
function ownJson<K extends 'interactions' | 'history'>(
  name: string,
  entry: (o: Record<string, unknown>, at: number) => NonNullable<Contact[K]>[number] | undefined,
): VCardField<K> {
  return {
    names: [name],
    own: true,
    read: (card) =>
      nonEmpty(
        card
          .all(name)
          .flatMap((p) => jsonEntry(p, entry) ?? [])
          .sort(oldestFirst),
      ) as Contact[K] | undefined,
    write: (list, out) => {
      for (const e of list as { at: number }[]) out.add(name, jsonText(e, out.version));
    },
  };
}

/**
 * RFC 6350 RELATED: "knows" is the standard TYPE=acquaintance (friend, colleague, co-worker and contact read as
 * knows too); an introduction has no standard type, so it is an x-name type. The other person is their
 * urn:uuid (their UID); the name known when linked and the note go in parameters (RFC 6868 escaping), so a link
 * whose person is not in the book can still be shown as text.
 */
const RELATED_TYPE: Record<TieKind, string> = {
  knows: 'acquaintance',
  introducedBy: 'x-introduced-by',
  introduced: 'x-introduced',
};
/** A person this one was told apart from ("Saved twice?" → "Different people"): their UID. */
const DISTINCT = 'X-RECONNECT-DISTINCT';
/** On a web address's URL: the name its page gives the person, where it is not the one saved (ProfileLink.named). */
const PAGE_NAME = 'X-RECONNECT-NAME';
const KNOWS_TYPES = new Set(['acquaintance', 'friend', 'colleague', 'co-worker', 'contact', 'met']);

/** A parameter value (RFC 6868: ^n, ^^ and ^' stand for a newline, a caret and a double quote), quoted. */
const paramValue = (s: string) =>
  `"${s
    .replace(/\^/g, '^^')
    .replace(/\r\n|\r|\n/g, '^n')
    .replace(/"/g, "^'")}"`;
const readParam = (s: string | undefined) =>
  s?.replace(/\^(\^|n|')/g, (_, c: string) => (c === 'n' ? '\n' : c === "'" ? '"' : '^')).trim() || undefined;

function readRelated(p: Prop): Relation | undefined {
  const ps = params(p);
  const types = (ps.get('TYPE') ?? []).map((x) => x.toLowerCase());
  const kind: TieKind = types.includes('x-introduced-by')
    ? 'introducedBy'
    : types.includes('x-introduced')
      ? 'introduced'
      : 'knows';
  if (kind === 'knows' && types.length && !types.some((x) => KNOWS_TYPES.has(x))) return undefined;
  const value = textOf(p).trim();
  const uuid = /^urn:uuid:(.+)$/i.exec(value)?.[1]?.trim();
  const isText = (ps.get('VALUE')?.[0] ?? '').toLowerCase() === 'text';
  const name = readParam(ps.get('X-NAME')?.[0]) ?? (isText || !/^[a-z][a-z0-9+.-]*:/i.test(value) ? value : undefined);
  const note = readParam(ps.get('X-NOTE')?.[0]);
  if (!uuid && !name) return undefined;
  return { kind, ...(uuid ? { id: uuid } : {}), ...(name ? { name: clean(name) } : {}), ...(note ? { note } : {}) };
}

/** A file's card's salutation, in its N's prefix ("Herr", German Outlook's "Anrede"). */
function salutationInN(card: CardView): string | undefined {
  const n = card.first('N');
  return n ? salutationIn(nameParts(partsOf(n)).prefix) : undefined;
}

type MomentField = 'lastContactedAt' | 'nextDueAt' | 'snoozedUntil' | 'createdAt';
function ownMoment<K extends MomentField>(name: string): VCardField<K> {
  return {
    names: [name],
    own: true,
    read: (card) => {
      const p = card.first(name);
      return (p && moment(textOf(p))) as Contact[K] | undefined;
    },
    write: (at, out) => out.add(name, iso(at as number)),
  };
}

export const VCARD_FIELDS: { [K in FieldName]: VCardField<K> } = {
  id: {
    names: ['UID'],
    read: (card) => {
      const uid = card.first('UID');
      return uid ? textOf(uid).replace(/^urn:uuid:/i, '') || undefined : undefined;
    },
    write: (id, out) => out.add('UID', `urn:uuid:${id}`),
  },
  name: {
    names: ['FN', 'N'],
    read: (card) => {
      const fn = card.first('FN');
      const n = card.first('N');
      return displayName(fn ? clean(textOf(fn)) : '', n && nameParts(partsOf(n))) || undefined;
    },
    asWritten: (card) => {
      const fn = card.first('FN');
      return (fn && clean(textOf(fn))) || undefined;
    },
    write: (name, out) => {
      out.add('FN', escapeText(name, out.version));
      // The display name is kept whole (splitting it at a space is wrong for many names); 3.0 requires N, and a
      // file's salutation is N's prefix.
      const prefix = out.salutation ? escapeText(out.salutation, out.version, true) : '';
      if (out.version === '3.0' || prefix) out.add('N', `${escapeText(name, out.version, true)};;;${prefix};`);
    },
    // A card's own name parts (phones show and sort by them) follow a changed name where the name still has them:
    // "Anna Alt" → "Anna Berg" keeps "Anna" as the given name. Where they cannot, as a new card is written.
    rewrite: (name, _first, out, props) => {
      const fn = props.find((p) => p.name === 'FN');
      const n = props.find((p) => p.name === 'N');
      const lines = renamedLines(name, fn && clean(textOf(fn)), n && partsOf(n), out.version);
      // In the card's order and each property's own head; an N that cannot follow the name is left out of 4.0.
      const fnLine = escapeText(lines.fn, out.version);
      const nLine = lines.n?.map((x) => escapeText(x, out.version, true)).join(';');
      if (!fn) out.add('FN', fnLine);
      for (const p of [fn, n].filter((p) => !!p).sort((a, b) => props.indexOf(a) - props.indexOf(b)))
        if (p === fn) out.raw(headOf(p), fnLine);
        else if (nLine !== undefined) out.raw(headOf(p), nLine);
      if (!n && nLine !== undefined) out.add('N', nLine);
    },
  },
  role: {
    names: ['TITLE'],
    read: (card) => texts(card, 'TITLE').map(clean)[0] ?? texts(card, 'ROLE').map(clean)[0],
    write: (role, out) => out.add('TITLE', escapeText(role, out.version)),
  },
  company: {
    names: ['ORG'],
    read: (card) => {
      const org = card.first('ORG');
      return (org && clean(partsOf(org)[0] ?? '')) || undefined;
    },
    write: (company, out) => out.add('ORG', escapeText(company, out.version, true)),
    rewrite: (company, base, out) => {
      const [, ...units] = partsOf(base);
      out.raw(headOf(base), [company, ...units].map((u) => escapeText(u, out.version, true)).join(';'));
    },
  },
  location: {
    names: ['ADR'],
    read: (card) => {
      const adr = card.first('ADR');
      if (!adr) return undefined;
      // Post box; extended; street; locality; region; postal code; country. The town, region and country say
      // where someone is; the street address is not taken.
      const [, , , locality = '', region = '', , country = ''] = partsOf(adr);
      return [locality, region, country].map(clean).filter(Boolean).join(', ') || undefined;
    },
    write: (location, out) => out.add('ADR', `;;;${escapeText(location, out.version, true)};;;`),
    // The town goes where the town was; post box, street and postal code stay as the card had them.
    rewrite: (location, base, out) => {
      const [box = '', ext = '', street = '', , , code = ''] = partsOf(base);
      out.raw(
        headOf(base),
        [box, ext, street, location, '', code, ''].map((u) => escapeText(u, out.version, true)).join(';'),
      );
    },
  },
  photoUrl: {
    names: ['PHOTO'],
    owns: (p) => isLink(decoded(p)),
    read: (card) => {
      const photo = card.all('PHOTO').find((p) => isLink(decoded(p)));
      return photo ? decoded(photo).trim() : undefined;
    },
    write: (url, out) => (out.version === '4.0' ? out.add('PHOTO', url) : out.add('PHOTO', url, ';VALUE=uri')),
  },
  profiles: {
    names: ['URL', 'X-SOCIALPROFILE'],
    // Only a property that gives a link is the field's: one it cannot read ("URL:Anna_Alt", Game Center's handle) is
    // the card's, kept as it is when the links are written.
    owns: (p) => profilesIn([linkText(p)]).length > 0,
    // Links in a note count too: XING's export puts the profile there. A web address's page's name for the person
    // (ProfileLink.named) is Reconnect's own parameter on its URL.
    read: (card) => {
      const named = new Map(
        card.all('URL').flatMap((p) => {
          const name = readParam(params(p).get(PAGE_NAME)?.[0]);
          const url = name && canonicalProfile(linkText(p))?.url;
          return url ? [[url, clean(name)] as const] : [];
        }),
      );
      const links = [...card.all('URL'), ...card.all('X-SOCIALPROFILE')].map(linkText);
      return nonEmpty(
        profilesIn([...links, ...card.all('NOTE').map(textOf)]).map((p) => {
          const name = p.site === 'web' ? named.get(p.url) : undefined;
          return name ? { ...p, named: name } : p;
        }),
      );
    },
    write: (profiles, out) => {
      for (const p of profiles) {
        out.add('URL', p.url, p.named ? `;${PAGE_NAME}=${paramValue(p.named)}` : '');
        if (p.site !== 'web') out.add('X-SOCIALPROFILE', p.url, `;TYPE=${p.site}`);
      }
    },
  },
  emails: {
    names: ['EMAIL'],
    read: (card) => (card.addresses ? card.addresses(emailTexts(card)) : emailTexts(card).filter(isAddress)),
    write: (emails, out) => {
      for (const e of emails) out.add('EMAIL', escapeText(e, out.version), ';TYPE=internet');
    },
  },
  phones: {
    names: ['TEL'],
    // A fax number is nobody's to call: no phone of the person's, and a card keeps it as it is; so is a TEL without a
    // digit ("privat"), no number at all.
    owns: (p) => !isFax(p) && isPhoneNumber(telText(p)),
    read: (card) => nonEmpty(phoneTexts(card).filter(isPhoneNumber)),
    write: (phones, out) => {
      for (const p of phones) out.add('TEL', escapeText(p, out.version));
    },
  },
  circles: {
    names: ['CATEGORIES'],
    read: (card) => {
      const names = card
        .all('CATEGORIES')
        // vCard 2.1 writers separate categories with semicolons too.
        .flatMap((p) => (card.card.version === '2.1' ? listOf(p).flatMap((c) => c.split(';')) : listOf(p)))
        .map((c) => c.trim())
        .filter(Boolean);
      return nonEmpty([...new Set(card.naming ? card.naming.read(names) : names)]);
    },
    write: (circles, out) => {
      const names = out.naming ? out.naming.write(circles) : circles;
      if (names.length) out.add('CATEGORIES', names.map((c) => escapeText(c, out.version)).join(','));
    },
  },
  notes: {
    names: ['NOTE'],
    read: (card) => {
      const notes = card
        .all('NOTE')
        .map(textOf)
        .filter((n) => n.trim());
      return notes.length ? notes.join('\n\n') : undefined;
    },
    write: (notes, out) => {
      if (notes) out.add('NOTE', escapeText(notes, out.version));
    },
  },
  related: {
    // People told apart ("Different people") are no RELATED of anyone's: Reconnect's own property says it.
    names: ['RELATED', DISTINCT],
    // Family and the like (spouse, child…) are not Reconnect's links: they stay in the card as they are.
    owns: (p) => p.name === DISTINCT || readRelated(p) !== undefined,
    read: (card) =>
      nonEmpty([
        ...card.all('RELATED').flatMap((p) => readRelated(p) ?? []),
        ...card.all(DISTINCT).flatMap((p): Relation[] => {
          const id = /^urn:uuid:(.+)$/i.exec(textOf(p).trim())?.[1]?.trim();
          const name = readParam(params(p).get('X-NAME')?.[0]);
          return id ? [{ kind: 'distinct', id, ...(name ? { name: clean(name) } : {}) }] : [];
        }),
      ]),
    write: (list, out) => {
      for (const r of list) {
        if (r.kind === 'distinct') {
          // The name known when marked, as a link's: a mark of someone not in the book still names them.
          if (r.id) out.add(DISTINCT, `urn:uuid:${r.id}`, r.name ? `;X-NAME=${paramValue(r.name)}` : '');
          continue;
        }
        const ps = [`;TYPE=${RELATED_TYPE[r.kind]}`];
        if (r.id && r.name) ps.push(`;X-NAME=${paramValue(r.name)}`);
        if (r.note) ps.push(`;X-NOTE=${paramValue(r.note)}`);
        if (r.id) out.add('RELATED', `urn:uuid:${r.id}`, ps.join(''));
        else if (r.name) out.add('RELATED', escapeText(r.name, out.version), `${ps.join('')};VALUE=text`);
      }
    },
  },
  birthday: {
    names: ['BDAY'],
    read: (card) => {
      const b = readBirthday(birthdayText(card));
      const p = card.first('BDAY');
      // vCard 3.0 has no birthday without a year: Apple's Contacts (and DAVx⁵, and sabre/dav's 4.0 → 3.0) write it in
      // the year X-APPLE-OMIT-YEAR names, 1604 (NO_BIRTH_YEAR, which toBirthday reads as none); another year named
      // there is none either.
      const omitted = b?.year && p ? params(p).get('X-APPLE-OMIT-YEAR')?.[0] : undefined;
      return b && omitted && b.year === Number(omitted) ? { month: b.month, day: b.day } : b;
    },
    write: (b, out) => {
      const md = `${pad(b.month)}${pad(b.day)}`;
      if (b.year) out.add('BDAY', `${b.year}${md}`);
      else if (out.version === '4.0') out.add('BDAY', `--${md}`);
      else out.add('BDAY', `${NO_BIRTH_YEAR}${md}`, `;X-APPLE-OMIT-YEAR=${NO_BIRTH_YEAR}`);
    },
  },
  updatedAt: {
    names: ['REV'],
    read: () => undefined,
    write: (at, out) =>
      out.add(
        'REV',
        new Date(at)
          .toISOString()
          .replace(/[-:]/g, '')
          .replace(/\.\d{3}/, ''),
      ),
  },
  // Reconnect's own fields, carried only by sync (an export leaves them to the JSON backup).
  metVia: ownText('X-RECONNECT-MET-VIA'),
  introducedBy: ownText('X-RECONNECT-INTRODUCED-BY'),
  cadenceDays: {
    names: ['X-RECONNECT-CADENCE'],
    own: true,
    read: (card) => {
      const p = card.first('X-RECONNECT-CADENCE');
      if (!p) return undefined;
      const v = textOf(p).trim();
      if (v === 'none') return null;
      const days = Number(v);
      return Number.isInteger(days) && days > 0 ? days : undefined;
    },
    write: (days, out) => out.add('X-RECONNECT-CADENCE', String(days)),
    // null (no reminders) is written as "none": an absent property means "not set here", not "none".
    writeNull: (out) => out.add('X-RECONNECT-CADENCE', 'none'),
  },
  // Reconnect's own in sync (as formal address is, and for the same reason); a file's N prefix ("Herr") gives it.
  salutation: {
    ...ownText<'salutation'>('X-RECONNECT-SALUTATION'),
    fromFile: salutationInN,
  },
  formal: {
    names: ['X-RECONNECT-FORMAL'],
    own: true,
    read: (card) => {
      const p = card.first('X-RECONNECT-FORMAL');
      return p && /^(?:true|yes|1)$/i.test(textOf(p).trim()) ? true : undefined;
    },
    write: (_, out) => out.add('X-RECONNECT-FORMAL', 'true'),
    // A salutation in N says the person is addressed formally.
    fromFile: (card) => (salutationInN(card) ? true : undefined),
  },
  lastContactedAt: ownMoment('X-RECONNECT-LAST-CONTACT'),
  nextDueAt: ownMoment('X-RECONNECT-NEXT-DUE'),
  snoozedUntil: ownMoment('X-RECONNECT-SNOOZED-UNTIL'),
  followUp: {
    names: ['X-RECONNECT-FOLLOW-UP'],
    own: true,
    read: (card) => {
      const p = card.first('X-RECONNECT-FOLLOW-UP');
      return p && jsonEntry(p, (o, at) => ({ at, ...(typeof o.note === 'string' && o.note ? { note: o.note } : {}) }));
    },
    write: (f, out) => out.add('X-RECONNECT-FOLLOW-UP', jsonText(f, out.version)),
  },
  // One property per entry, its value a JSON object as text. Servers store X- properties as text and escape
  // every comma and semicolon in them (Radicale does), so a structured value would not survive; text does.
  interactions: ownJson('X-RECONNECT-INTERACTION', (o, at) => {
    const kind = (INTERACTION_KINDS as readonly unknown[]).includes(o.kind) ? (o.kind as InteractionKind) : 'other';
    return { at, kind, ...(typeof o.note === 'string' && o.note ? { note: o.note } : {}) };
  }),
  history: ownJson('X-RECONNECT-HISTORY', (o, at) => {
    if (o.field !== 'role' && o.field !== 'company') return undefined;
    return {
      at,
      field: o.field,
      ...(typeof o.from === 'string' && o.from ? { from: o.from } : {}),
      ...(typeof o.to === 'string' && o.to ? { to: o.to } : {}),
    } as HistoryEntry;
  }),
  source: {
    names: ['X-RECONNECT-SOURCE'],
    own: true,
    read: (card) => {
      const v = card.first('X-RECONNECT-SOURCE');
      const s = v && textOf(v).trim();
      return s && (SOURCES as readonly string[]).includes(s) ? (s as Source) : undefined;
    },
    write: (source, out) => out.add('X-RECONNECT-SOURCE', source),
  },
  createdAt: ownMoment('X-RECONNECT-CREATED'),
};

/** Every property name some field reads: the others are not the contact's (and are never taken apart). */
export const MAPPED_NAMES = new Set(Object.values(VCARD_FIELDS).flatMap((f) => (f ? [...f.names] : [])));
