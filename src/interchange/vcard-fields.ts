/**
 * How each field of a contact (contacts/fields.ts) is carried in a vCard: which properties it is read from and
 * written as. The table is keyed by every field, so a field without a decision here does not compile; null means
 * vCard does not carry it (the JSON backup carries everything).
 */
import type { FieldName } from '../contacts/fields';
import { profilesIn } from '../contacts/profile-url';
import type { Birthday, Contact } from '../contacts/types';
import { toBirthday } from '../contacts/validate';
import { type Card, decoded, escapeText, listOf, type Prop, partsOf, textOf, type Version } from './vcard-syntax';

/** A card's properties by name, asked by the mappings. */
export class CardView {
  private readonly byName = new Map<string, Prop[]>();
  constructor(readonly card: Card) {
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
  add(name: string, value: string, paramText?: string): void;
}

export interface VCardField<K extends FieldName> {
  /** The properties the field is read from and written as. */
  names: readonly string[];
  /** Whether a property of those names belongs to the field (PHOTO only as a link: an embedded photo does not). */
  owns?(p: Prop): boolean;
  read(card: CardView): Contact[K] | undefined;
  write(value: NonNullable<Contact[K]>, out: LineWriter): void;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
const pad = (n: number) => String(n).padStart(2, '0');
const isLink = (s: string) => /^https?:\/\//i.test(s.trim());

function readBirthday(raw: string): Birthday | undefined {
  const s = raw.trim();
  let m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(s);
  if (m) return toBirthday({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
  m = /^--(\d{2})-?(\d{2})/.exec(s);
  if (m) return toBirthday({ month: Number(m[1]), day: Number(m[2]) });
  return undefined;
}

/** The text of every property of a name, in order, empty ones left out. */
const texts = (card: CardView, name: string) =>
  card
    .all(name)
    .map((p) => textOf(p).trim())
    .filter(Boolean);

const nonEmpty = <T>(list: T[]) => (list.length ? list : undefined);

export const VCARD_FIELDS: { [K in FieldName]: VCardField<K> | null } = {
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
      const name = fn ? clean(textOf(fn)) : '';
      if (name) return name;
      const n = card.first('N');
      if (!n) return undefined;
      const [family = '', given = '', additional = '', prefix = '', suffix = ''] = partsOf(n).map(clean);
      return [prefix, given, additional, family, suffix].filter(Boolean).join(' ') || undefined;
    },
    write: (name, out) => {
      out.add('FN', escapeText(name, out.version));
      // The display name is kept whole (splitting it at a space is wrong for many names); 3.0 requires N.
      if (out.version === '3.0') out.add('N', `${escapeText(name, out.version, true)};;;;`);
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
    // Links in a note count too: XING's export puts the profile there.
    read: (card) =>
      nonEmpty(profilesIn([...card.all('URL'), ...card.all('X-SOCIALPROFILE'), ...card.all('NOTE')].map(textOf))),
    write: (profiles, out) => {
      for (const p of profiles) {
        out.add('URL', p.url);
        if (p.site !== 'web') out.add('X-SOCIALPROFILE', p.url, `;TYPE=${p.site}`);
      }
    },
  },
  emails: {
    names: ['EMAIL'],
    read: (card) =>
      card
        .all('EMAIL')
        .map((p) =>
          textOf(p)
            .replace(/^mailto:/i, '')
            .trim(),
        )
        .filter((e) => e.includes('@')),
    write: (emails, out) => {
      for (const e of emails) out.add('EMAIL', escapeText(e, out.version), ';TYPE=internet');
    },
  },
  phones: {
    names: ['TEL'],
    read: (card) => nonEmpty(texts(card, 'TEL').map((t) => t.replace(/^tel:/i, '').trim())),
    write: (phones, out) => {
      for (const p of phones) out.add('TEL', escapeText(p, out.version));
    },
  },
  circles: {
    names: ['CATEGORIES'],
    read: (card) =>
      nonEmpty([
        ...new Set(
          card
            .all('CATEGORIES')
            // vCard 2.1 writers separate categories with semicolons too.
            .flatMap((p) => (card.card.version === '2.1' ? listOf(p).flatMap((c) => c.split(';')) : listOf(p)))
            .map((c) => c.trim())
            .filter(Boolean),
        ),
      ]),
    write: (circles, out) => {
      if (circles.length) out.add('CATEGORIES', circles.map((c) => escapeText(c, out.version)).join(','));
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
  birthday: {
    names: ['BDAY'],
    read: (card) => {
      const b = card.first('BDAY');
      return b ? readBirthday(decoded(b)) : undefined;
    },
    write: (b, out) => {
      const md = `${pad(b.month)}${pad(b.day)}`;
      out.add(
        'BDAY',
        b.year ? `${b.year}${md}` : out.version === '4.0' ? `--${md}` : `--${pad(b.month)}-${pad(b.day)}`,
      );
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
  // Reconnect's own fields: not carried by a vCard export (the JSON backup carries them).
  metVia: null,
  introducedBy: null,
  cadenceDays: null,
  lastContactedAt: null,
  nextDueAt: null,
  snoozedUntil: null,
  interactions: null,
  history: null,
  source: null,
  createdAt: null,
};

/** Every property name some field reads: the others are not the contact's (and are never taken apart). */
export const MAPPED_NAMES = new Set(Object.values(VCARD_FIELDS).flatMap((f) => (f ? [...f.names] : [])));
