/**
 * Our files as others read them: every vCard we write (4.0 and 3.0) read by ical.js, an independent reader, field
 * by field; our Google CSV read by its documented column names; and our own reader giving back exactly what we
 * wrote, for random values.
 */
import fc from 'fast-check';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ContactDraft } from '../../src/contacts/fields';
import { parseContactsFile, readRows, writeGoogleCsv, writeVCards } from '../../src/interchange';

const PERSON: ContactDraft & { id: string; updatedAt: number } = {
  id: '6f1c2d3e-4b5a-4c6d-8e7f-0123456789ab',
  updatedAt: Date.UTC(2026, 10, 30, 8, 15, 0),
  name: 'Jürgen Müller, Jr.',
  role: 'Inhaber; Bäckermeister',
  company: 'Bäckerei, Müller',
  location: 'Köln',
  photoUrl: 'https://media.example.org/juergen.jpg',
  profiles: [
    { url: 'https://www.xing.com/profile/Juergen_Mueller', site: 'xing' },
    { url: 'https://juergen.example.org', site: 'web' },
  ],
  emails: ['juergen@example.de', 'j@example.org'],
  phones: ['+49 221 555 0100'],
  circles: ['clients', 'Kunden, A'],
  notes: 'Zeile 1\nZeile 2, mit Komma; Semikolon \\ Backslash',
  birthday: { month: 2, day: 29, year: 1972 },
};

/** What ical.js (jCard) says a card holds. */
function icalRead(text: string) {
  const card = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const all = (name: string) => card.getAllProperties(name).flatMap((p) => p.getValues().map((v) => String(v)));
  const one = (name: string) => card.getFirstPropertyValue(name);
  const adr = card.getFirstProperty('adr')?.getFirstValue() as unknown;
  const org = card.getFirstProperty('org')?.getFirstValue() as unknown;
  return {
    version: String(one('version')),
    name: String(one('fn')),
    company: Array.isArray(org) ? String(org[0]) : String(org),
    role: String(one('title')),
    emails: all('email'),
    phones: all('tel'),
    urls: all('url'),
    locality: Array.isArray(adr) ? String(adr[3]) : undefined,
    birthday: String(one('bday')),
    photo: String(one('photo')),
    circles: all('categories'),
    notes: String(one('note')),
    uid: String(one('uid')),
  };
}

describe('our vCards read by ical.js', () => {
  it.each(['4.0', '3.0'] as const)('vCard %s: every field as we meant it', (version) => {
    const read = icalRead(writeVCards([PERSON], version));
    expect(read).toEqual({
      version,
      name: PERSON.name,
      company: PERSON.company,
      role: PERSON.role,
      emails: PERSON.emails,
      phones: PERSON.phones,
      urls: PERSON.profiles?.map((p) => p.url),
      locality: PERSON.location,
      birthday: '1972-02-29',
      photo: PERSON.photoUrl,
      circles: PERSON.circles,
      notes: PERSON.notes,
      uid: `urn:uuid:${PERSON.id}`,
    });
  });
});

/**
 * Google's documented CSV columns: the "Google CSV" its export wrote for years (and its import reads), and the
 * names of its current export. Every column we write must be one of them.
 */
const GOOGLE_CLASSIC = [
  'Name',
  'Given Name',
  'Additional Name',
  'Family Name',
  'Name Prefix',
  'Name Suffix',
  'Nickname',
  'Birthday',
  'Notes',
  'Group Membership',
  ...[1, 2, 3, 4].flatMap((i) => [`E-mail ${i} - Type`, `E-mail ${i} - Value`]),
  ...[1, 2, 3, 4, 5, 6, 7].flatMap((i) => [`Phone ${i} - Type`, `Phone ${i} - Value`]),
  ...[1, 2].flatMap((i) => [`Address ${i} - Type`, `Address ${i} - Formatted`, `Address ${i} - City`]),
  'Organization 1 - Name',
  'Organization 1 - Title',
  ...[1, 2].flatMap((i) => [`Website ${i} - Type`, `Website ${i} - Value`]),
];
const GOOGLE_CURRENT = [
  'First Name',
  'Last Name',
  'Organization Name',
  'Organization Title',
  'Birthday',
  'Notes',
  'Photo',
  'Labels',
  ...[1, 2, 3, 4].flatMap((i) => [`E-mail ${i} - Label`, `E-mail ${i} - Value`]),
  ...[1, 2, 3, 4].flatMap((i) => [`Phone ${i} - Label`, `Phone ${i} - Value`]),
  'Address 1 - Formatted',
  ...[1, 2, 3, 4].flatMap((i) => [`Website ${i} - Label`, `Website ${i} - Value`]),
];
const GOOGLE = new Set([...GOOGLE_CLASSIC, ...GOOGLE_CURRENT]);

describe('our Google CSV read by its documented column names', () => {
  it('every column is one Google documents, and each holds what its name says', () => {
    const { data, meta } = Papa.parse<Record<string, string>>(writeGoogleCsv([PERSON]), { header: true });
    for (const column of meta.fields ?? []) expect(GOOGLE.has(column), column).toBe(true);
    const [row] = data;
    const values = (prefix: string) =>
      Object.entries(row ?? {})
        .filter(([k, v]) => k.startsWith(prefix) && k.endsWith(' - Value') && v)
        .map(([, v]) => v);
    expect({
      name: row?.Name,
      company: row?.['Organization Name'],
      role: row?.['Organization Title'],
      emails: values('E-mail'),
      phones: values('Phone'),
      sites: values('Website'),
      address: row?.['Address 1 - Formatted'],
      photo: row?.Photo,
      birthday: row?.Birthday,
      labels: row?.Labels?.split(' ::: '),
      notes: row?.Notes,
    }).toEqual({
      name: PERSON.name,
      company: PERSON.company,
      role: PERSON.role,
      emails: PERSON.emails,
      phones: PERSON.phones,
      sites: PERSON.profiles?.map((p) => p.url),
      address: PERSON.location,
      photo: PERSON.photoUrl,
      birthday: '1972-02-29',
      labels: PERSON.circles,
      notes: PERSON.notes,
    });
  });
});

describe('our reader gives back exactly what we wrote', () => {
  // Values as the store holds them: one line, trimmed, single spaces; notes free; any script.
  const chars = fc.constantFrom(...'abcXYZäöüßéłńąç李王مح,;:\\"\'-./()&@#ÆØÅ0123456789'.split(''));
  const line = fc
    .array(
      fc.array(chars, { minLength: 1, maxLength: 8 }).map((c) => c.join('')),
      { minLength: 1, maxLength: 4 },
    )
    .map((w) => w.join(' '));
  const note = fc.array(fc.oneof(line, fc.constant('\n'), fc.constant('\n\n')), { maxLength: 6 }).map((p) => {
    const text = p
      .join('')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    return text;
  });
  const draft = fc.record({
    name: line,
    role: line,
    company: line,
    notes: note,
    circles: fc.uniqueArray(line, { maxLength: 3 }),
    phones: fc.uniqueArray(
      fc.stringMatching(/^\+?[0-9][0-9 ]{4,13}[0-9]$/).map((p) => p.replace(/ +/g, ' ')),
      { maxLength: 2 },
    ),
  });

  it.each(['4.0', '3.0'] as const)('vCard %s', (version) => {
    fc.assert(
      fc.property(draft, (d) => {
        const [back] = parseContactsFile(new TextEncoder().encode(writeVCards([d], version)), 'x.vcf').contacts;
        expect(back?.name).toBe(d.name);
        expect(back?.role).toBe(d.role);
        expect(back?.company).toBe(d.company);
        expect(back?.notes ?? '').toBe(d.notes);
        expect(back?.circles ?? []).toEqual(d.circles);
        expect(back?.phones ?? []).toEqual(d.phones);
      }),
      { numRuns: 300 },
    );
  });

  it('Google CSV', () => {
    // Google's cell separates labels with " ::: " and has no escape: a circle with ":::" in its name is the case
    // below, not this one.
    const labels = draft.filter((d) => d.circles.every((c) => !c.includes(':::')));
    fc.assert(
      fc.property(labels, (d) => {
        const read = parseContactsFile(new TextEncoder().encode(writeGoogleCsv([d])), 'x.csv');
        const layout = read.csv;
        if (!layout) throw new Error('not read as a CSV');
        // A name written family name first ("a, a") is offered turned round, and the user asked: the only reason the
        // reader asks about our own file. Told it is the name as written, it is read back as written.
        if (!layout.certain) expect(layout.roles).toContain('familyFirst');
        const roles = layout.roles.map((r) => (r === 'familyFirst' ? 'name' : r));
        const [back] = layout.certain ? read.contacts : readRows(layout.rows, roles, layout).contacts;
        expect([back?.name, back?.role, back?.company, back?.notes ?? '']).toEqual([
          d.name,
          d.role,
          d.company,
          d.notes,
        ]);
        expect(back?.circles ?? []).toEqual(d.circles);
      }),
      { numRuns: 300 },
    );
  });

  it('Google CSV: a circle with ":::" in its name comes back as one circle (its colons spaced), not split in two', () => {
    const d = { name: 'Anna Berg', circles: ['::: a', 'Team ::: Berlin', 'b ::::'] };
    const [back] = parseContactsFile(new TextEncoder().encode(writeGoogleCsv([d])), 'x.csv').contacts;
    expect(back?.circles).toEqual([': : : a', 'Team : : : Berlin', 'b : : : :']);
  });
});
