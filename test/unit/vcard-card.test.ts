/**
 * The sync mapping (src/interchange/vcard-card.ts): every field of a contact through a card and back, exactly;
 * what Reconnect does not own kept byte for byte when a card is written back; escaping that survives a round trip.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { circleNaming } from '../../src/contacts/circle-names';
import { DEFAULT_CIRCLES } from '../../src/contacts/circles';
import { DRAFT_FIELDS, FIELD_NAMES } from '../../src/contacts/fields';
import { draftValue } from '../../src/contacts/merge';
import type { Contact } from '../../src/contacts/types';
import { toContact } from '../../src/contacts/validate';
import { cardFields, changedFields, parseCard, writeContactCard } from '../../src/interchange/vcard-card';
import { isPersonCard } from '../../src/interchange/vcard-groups';

const T = Date.UTC(2026, 2, 10, 9, 30, 15, 123);
const DAY = 86_400_000;
const fixture = (name: string) => readFileSync(new URL(`../fixtures/sync/${name}`, import.meta.url), 'utf8');
/** A vCard 3.0 of these lines, parsed. */
const cardOf = (...lines: string[]) =>
  parseCard(['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD', ''].join('\r\n')) as NonNullable<
    ReturnType<typeof parseCard>
  >;

const FULL: Contact = {
  id: '6f1c2d3e-4b5a-4c6d-8e7f-0123456789ab',
  name: 'Jürgen Müller, Jr.',
  role: 'Inhaber; Bäckermeister',
  company: 'Bäckerei, Müller',
  location: 'Köln, NRW; Deutschland',
  photoUrl: 'https://media.example.org/juergen.jpg',
  profiles: [
    { url: 'https://www.xing.com/profile/Juergen_Mueller', site: 'xing' },
    // The name the homepage gives him, as the user said it is him ("This is …"): carried on the URL.
    { url: 'https://juergen.example.org', site: 'web', named: 'Dr. Jürgen "Jo" Müller; Köln' },
  ],
  emails: ['juergen@example.de', 'j@example.org'],
  phones: ['+49 221 555 0100'],
  circles: ['clients', 'Kunden, A', 'back\\slash'],
  notes: 'Zeile 1\nZeile 2, mit Komma; Semikolon \\ Backslash',
  metVia: 'Vereinsfest, 2019; Köln',
  introducedBy: 'Anna Beispiel',
  related: [
    { kind: 'introducedBy', id: '0b7e3a52-1c4d-4e8f-9a6b-2c3d4e5f6a7b', name: 'Anna Beispiel' },
    {
      kind: 'knows',
      id: '1c8f4b63-2d5e-4f90-8b7c-3d4e5f6a7b8c',
      name: 'Ben "Bäcker" Klein',
      note: 'Lehre zusammen; 1990, Köln\nzweite Zeile',
    },
    { kind: 'knows', name: 'Carla Ohne-Karte' },
    // Told apart from a namesake ("Saved twice?" → "Different people"): Reconnect's own property.
    { kind: 'distinct', id: '2d9a5c74-3e6f-4a01-9c8d-4e5f6a7b8c9d', name: 'Jürgen Müller, "der Jüngere"' },
  ],
  birthday: { month: 2, day: 29, year: 1972 },
  cadenceDays: 91,
  // A salutation with a comma and a semicolon, as a value of Reconnect's own property escapes them.
  salutation: 'Herr; Dr., Senior',
  formal: true,
  lastContactedAt: T - 30 * DAY,
  nextDueAt: T + 61 * DAY,
  snoozedUntil: T + 3 * DAY,
  followUp: { at: T + 10 * DAY, note: 'Angebot, nachfassen' },
  interactions: [
    { at: T - 60 * DAY, kind: 'meeting' },
    { at: T - 30 * DAY, kind: 'call', note: 'Neuer Laden; Eröffnung, bald\nZweite Zeile' },
  ],
  history: [{ at: T - 90 * DAY, field: 'role', from: 'Geselle, jung', to: 'Inhaber; Bäckermeister' }],
  source: 'captured',
  createdAt: T - 400 * DAY,
  updatedAt: T - DAY,
};

const withoutRev = ({ updatedAt: _, ...rest }: Partial<Contact>) => rest;

describe('a contact through a card and back', () => {
  it('every field, exactly (REV follows the others and is not read back)', () => {
    const text = writeContactCard(FULL);
    const back = cardFields(parseCard(text) ?? { props: [], line: 0, version: '' });
    expect(back).toEqual(withoutRev(FULL));
    for (const k of FIELD_NAMES.filter((k) => k !== 'updatedAt')) expect(back[k], k).toEqual(FULL[k]);
  });

  it('a card whose log another app put in another order reads it oldest first, and so has nothing to write', () => {
    // Each property with its folded continuation lines.
    const props = writeContactCard(FULL).split(/\r\n(?! )/);
    const log = props.filter((l) => l.startsWith('X-RECONNECT-INTERACTION'));
    expect(log.length).toBe(2);
    const rest = props.filter((l) => !l.startsWith('X-RECONNECT-INTERACTION'));
    const end = rest.indexOf('END:VCARD');
    const reordered = [...rest.slice(0, end), ...log.reverse(), ...rest.slice(end)].join('\r\n');
    const back = cardFields(parseCard(reordered) ?? { props: [], line: 0, version: '' });
    expect(back.interactions).toEqual(FULL.interactions);
    expect(changedFields(FULL, parseCard(reordered) ?? { props: [], line: 0, version: '' })).toEqual([]);
  });

  it('no cadence is written as "none", and read back as no cadence (not as "not set")', () => {
    const none = { ...FULL, cadenceDays: null };
    expect(writeContactCard(none)).toContain('X-RECONNECT-CADENCE:none\r\n');
    expect(cardFields(parseCard(writeContactCard(none)) as never).cadenceDays).toBeNull();
  });

  it('formal address is written as a yes, and a card written back without it no longer says it', () => {
    const card = parseCard(writeContactCard(FULL));
    expect(writeContactCard(FULL)).toContain('X-RECONNECT-FORMAL:true\r\n');
    const { formal: _, ...informal } = FULL;
    const back = writeContactCard(informal, card);
    expect(back).not.toContain('X-RECONNECT-FORMAL');
    expect(cardFields(parseCard(back) as never).formal).toBeUndefined();
  });

  it('writes a valid 3.0 card, the version every CardDAV server must take: folded at 75 octets, CRLF, the UID from the id, N beside FN', () => {
    const text = writeContactCard(FULL);
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:3.0\r\n')).toBe(true);
    // 3.0 requires N: the display name whole, as the family name (splitting it at a space is wrong for many names).
    expect(text).toContain('FN:Jürgen Müller\\, Jr.\r\nN:Jürgen Müller\\, Jr.;;;;\r\n');
    expect(text).toContain('PHOTO;VALUE=uri:https://media.example.org/juergen.jpg\r\n');
    expect(text).toContain('BDAY:19720229\r\n');
    expect(text.endsWith('END:VCARD\r\n')).toBe(true);
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(text).toContain(`UID:urn:uuid:${FULL.id}\r\n`);
    // RFC 6350: in a text value only \\, \, and \n are escapes; a semicolon is escaped only inside a component.
    expect(text).toContain('NOTE:Zeile 1\\nZeile 2\\, mit Komma; Semikolon \\\\ Backslash');
    expect(text).toContain('CATEGORIES:clients,Kunden\\, A,back\\\\slash');
  });

  it('a card written back keeps its version: a 4.0 card stays 4.0, without an N it did not have', () => {
    const four = parseCard(
      'BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:6f1c2d3e-4b5a-4c6d-8e7f-0123456789ab\r\nFN:Jürgen Müller\r\nEND:VCARD\r\n',
    ) as NonNullable<ReturnType<typeof parseCard>>;
    const text = writeContactCard(FULL, four);
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n')).toBe(true);
    expect(text).not.toMatch(/^N[:;]/m);
    expect(text).toContain('BDAY:19720229\r\n');
    expect(cardFields(parseCard(text) as never)).toEqual(withoutRev(FULL));
  });
});

describe("the starting circles on a card: the user's words out, either language back (sync)", () => {
  const own = [...DEFAULT_CIRCLES, 'Stammtisch'];
  const german = circleNaming(own, (c) => ({ family: 'Familie', friends: 'Freunde' })[c] ?? c);
  const english = circleNaming(own, (c) => ({ family: 'Family', friends: 'Friends' })[c] ?? c);
  const anna = { ...FULL, circles: ['family', 'Stammtisch'] };

  it('written by their label, read back as the circle, also by a device that speaks the other language', () => {
    const text = writeContactCard(anna, null, german);
    expect(text).toContain('CATEGORIES:Familie,Stammtisch\r\n');
    const card = parseCard(text) as NonNullable<ReturnType<typeof parseCard>>;
    expect(cardFields(card, german).circles).toEqual(['family', 'Stammtisch']);
    // The same card on a device in English: the same person, nothing to write back (no two devices taking turns).
    expect(cardFields(card, english).circles).toEqual(['family', 'Stammtisch']);
    expect(changedFields(anna, card, english)).toEqual([]);
    expect(writeContactCard(anna, card, english)).toBe(text);
    // A card without the naming (an import) reads the words as they are.
    expect(cardFields(card).circles).toEqual(['Familie', 'Stammtisch']);
  });

  it("a circle added keeps the server's category line as it was and writes the new one in the user's words", () => {
    const card = parseCard(writeContactCard(anna, null, german)) as NonNullable<ReturnType<typeof parseCard>>;
    const text = writeContactCard({ ...anna, circles: ['family', 'Stammtisch', 'friends'] }, card, english);
    expect(text).toContain('CATEGORIES:Familie,Stammtisch\r\n');
    expect(text).toContain('CATEGORIES:Friends\r\n');
    expect(cardFields(parseCard(text) as never, german).circles).toEqual(['family', 'Stammtisch', 'friends']);
  });

  it('a circle put between the two of one category line: the line kept, the new one after it, and then nothing to write', () => {
    const card = parseCard(writeContactCard(anna, null, german)) as NonNullable<ReturnType<typeof parseCard>>;
    const between = { ...anna, circles: ['family', 'friends', 'Stammtisch'] };
    expect(changedFields(between, card, german)).toEqual(['circles']);
    const text = writeContactCard(between, card, german);
    expect(text).toContain('CATEGORIES:Familie,Stammtisch\r\nCATEGORIES:Freunde\r\n');
    const back = parseCard(text) as NonNullable<ReturnType<typeof parseCard>>;
    // One line cannot hold another's circle between its two: the order differs, and is no change (circles are a set).
    expect(cardFields(back, german).circles).toEqual(['family', 'Stammtisch', 'friends']);
    expect(changedFields(between, back, german)).toEqual([]);
  });
});

describe('writing back a card from a phone', () => {
  const phone = fixture('iphone-3.0.vcf');
  const card = parseCard(phone);
  if (!card) throw new Error('fixture');
  const fields = cardFields(card);
  const asContact = { ...FULL, ...fields, id: fields.id ?? 'x' } as Contact;
  const read = (c: Contact) => ({ ...c, ...cardFields(card) });

  it('reads the person the phone wrote', () => {
    expect(fields).toMatchObject({
      id: '2F4E9A10-6C1B-4D2E-9A3F-0B1C2D3E4F50',
      name: 'Anna Beispiel',
      role: 'Leiterin Vertrieb',
      company: 'Muster GmbH',
      location: 'Köln, NRW, Deutschland',
      emails: ['anna.beispiel@example.org'],
      phones: ['+49 170 5550123', '+49 221 5550100'],
      notes: 'Kennt Ben aus dem Verein, spielt Tennis.\nZweite Zeile',
      profiles: [{ site: 'linkedin', url: 'https://www.linkedin.com/in/anna-beispiel' }],
      birthday: { year: 1985, month: 4, day: 23 },
    });
    // The embedded photo is the card's, not a link Reconnect owns.
    expect(fields.photoUrl).toBeUndefined();
  });

  it('nothing changed: nothing to write, and writing gives the card back byte for byte', () => {
    const same = read({ ...asContact });
    // The fields the phone card does not carry (Reconnect's own) are what a first write adds; without them, equal.
    const own = Object.fromEntries(FIELD_NAMES.filter((k) => !(k in fields)).map((k) => [k, undefined]));
    const unchanged = { ...same, ...own, notes: fields.notes ?? '', circles: [], cadenceDays: undefined } as never;
    expect(changedFields(unchanged, card)).toEqual([]);
    expect(writeContactCard(unchanged, card)).toBe(phone);
  });

  it('a changed role and town: only those properties are rewritten, everything else byte for byte', () => {
    const edited = { ...read(asContact), role: 'Geschäftsführerin', location: 'Bonn' } as Contact;
    const text = writeContactCard(edited, card);
    const lines = (t: string) => t.split('\r\n').filter(Boolean);
    // Kept exactly: the photo (all its folded lines), other apps' properties, groups, typed phones, PRODID.
    for (const line of lines(phone).filter((l) => !/^(TITLE|item2\.ADR|REV)/.test(l)))
      expect(lines(text), line).toContain(line);
    expect(text).toContain('TITLE:Geschäftsführerin\r\n');
    // The street, postal code and parameters of the address stay; the town is the new one.
    expect(text).toContain('item2.ADR;type=HOME;type=pref:;;Hauptstraße 1;Bonn;;50667;\r\n');
    expect(text).not.toContain('REV:2026-11-20T08:15:00Z');
    expect(cardFields(parseCard(text) as never)).toMatchObject({ role: 'Geschäftsführerin', location: 'Bonn' });
  });

  it('an added phone number keeps the typed ones and adds the new one; a removed one goes', () => {
    const edited = { ...read(asContact), phones: ['+49 170 5550123', '+49 30 5550199'] } as Contact;
    const text = writeContactCard(edited, card);
    expect(text).toContain('TEL;type=CELL;type=VOICE;type=pref:+49 170 5550123\r\n');
    expect(text).toContain('TEL:+49 30 5550199\r\n');
    expect(text).not.toContain('+49 221 5550100');
    // The fax number is the card's, not one of the person's phones: kept as it was.
    expect(text).toContain('TEL;type=WORK;type=FAX:+49 221 5550109\r\n');
  });

  it('a TEL without a digit ("privat", written by another app) is no phone of the person: not read, and kept as it is', () => {
    const withWord = parseCard(phone.replace('END:VCARD', 'TEL;type=HOME:privat\r\nEND:VCARD')) as NonNullable<
      ReturnType<typeof parseCard>
    >;
    expect(cardFields(withWord).phones).toEqual(fields.phones);
    const edited = { ...read(asContact), phones: ['+49 170 5550123'] } as Contact;
    const text = writeContactCard(edited, withWord);
    expect(text).toContain('TEL;type=HOME:privat\r\n');
    expect(text).not.toContain('+49 221 5550100');
    expect(cardFields(parseCard(text) as never).phones).toEqual(['+49 170 5550123']);
  });

  it('phone numbers put in another order here: the card keeps both typed lines, in that order, and then nothing to write', () => {
    const edited = { ...read(asContact), phones: ['+49 221 5550100', '+49 30 5550199', '+49 170 5550123'] } as Contact;
    const text = writeContactCard(edited, card);
    const tels = text.split('\r\n').filter((l) => l.startsWith('TEL'));
    expect(tels).toEqual([
      'TEL;type=WORK;type=VOICE:+49 221 5550100',
      'TEL:+49 30 5550199',
      'TEL;type=CELL;type=VOICE;type=pref:+49 170 5550123',
      // The fax number, the card's and no phone of the person's, kept after them.
      'TEL;type=WORK;type=FAX:+49 221 5550109',
    ]);
    const back = parseCard(text) as NonNullable<ReturnType<typeof parseCard>>;
    expect(cardFields(back).phones).toEqual(edited.phones);
    expect(changedFields(edited, back)).toEqual([]);
  });

  it('a web address added after the LinkedIn the phone wrote (only an X-SOCIALPROFILE): written once, then nothing to write', () => {
    // The card lists its URLs before its X-SOCIALPROFILE-only links, so it reads the two back the other way round.
    const added = {
      ...read(asContact),
      profiles: [...fields.profiles!, { url: 'https://anna.example', site: 'web' as const }],
    } as Contact;
    // The card as Reconnect's first write left it: the phone's properties kept, Reconnect's own added.
    const linked = parseCard(writeContactCard(read(asContact), card)) as NonNullable<ReturnType<typeof parseCard>>;
    expect(changedFields(added, linked)).toEqual(['profiles']);
    const text = writeContactCard(added, linked);
    expect(text).toContain(
      'X-SOCIALPROFILE;type=linkedin;x-user=anna-beispiel:https://www.linkedin.com/in/anna-beispiel\r\n',
    );
    expect(text).toContain('URL:https://anna.example\r\n');
    const back = parseCard(text) as NonNullable<ReturnType<typeof parseCard>>;
    expect(cardFields(back).profiles?.map((p) => p.site)).toEqual(['web', 'linkedin']);
    expect(changedFields(added, back)).toEqual([]);
    expect(writeContactCard(added, back)).toBe(text);
    // The same two links with the page's name on one are still a change.
    const named = { ...added, profiles: [fields.profiles![0], { ...added.profiles[1], named: 'Anna B.' }] } as Contact;
    expect(changedFields(named, back)).toEqual(['profiles']);
  });

  it('a URL the card writes without its scheme is a link: kept as written when another is added, and then nothing to write', () => {
    const typed = cardOf('UID:u-1', 'FN:Anna Alt', 'item1.URL;type=pref:www.anna.example');
    const had = cardFields(typed);
    expect(had.profiles).toEqual([{ site: 'web', url: 'https://www.anna.example' }]);
    const person = { ...FULL, ...had, id: 'u-1' } as Contact;
    const added = { ...person, profiles: [...had.profiles!, { url: 'https://github.com/annaalt', site: 'github' }] };
    const text = writeContactCard(added as Contact, typed);
    // Before, the line read as nothing and was dropped whenever the links were written.
    expect(text).toContain('item1.URL;type=pref:www.anna.example\r\n');
    const back = parseCard(text) as NonNullable<ReturnType<typeof parseCard>>;
    expect(changedFields(added as Contact, back)).toEqual([]);
  });

  it("an iPhone's social profiles written as handles are links; one no link is made of stays on the card as it is", () => {
    const ios = cardOf(
      'UID:u-2',
      'FN:Alex Rivera',
      'X-SOCIALPROFILE;type=linkedin;x-user=alex-rivera:x-apple:alex-rivera',
      'X-SOCIALPROFILE;type=twitter;x-user=alexrivera:x-apple:alexrivera',
      'X-SOCIALPROFILE;type=gamecenter;x-user=Alex R:x-apple:Alex R',
      'URL:Alex_Rivera',
    );
    const had = cardFields(ios);
    expect(had.profiles).toEqual([
      { site: 'linkedin', url: 'https://www.linkedin.com/in/alex-rivera' },
      { site: 'x', url: 'https://x.com/alexrivera' },
    ]);
    const person = { ...FULL, ...had, id: 'u-2' } as Contact;
    expect(changedFields(person, ios)).not.toContain('profiles');
    // The X link removed here, a GitHub one added: the LinkedIn line stays as the phone wrote it, the X line goes,
    // and what no link is made of (Game Center's name, a URL that is none) is kept, where before it was dropped.
    const edited = {
      ...person,
      profiles: [had.profiles![0]!, { url: 'https://github.com/alexr', site: 'github' }],
    } as Contact;
    const text = writeContactCard(edited, ios);
    expect(text).toContain('X-SOCIALPROFILE;type=linkedin;x-user=alex-rivera:x-apple:alex-rivera\r\n');
    expect(text).not.toContain('type=twitter');
    expect(text).toContain('X-SOCIALPROFILE;type=gamecenter;x-user=Alex R:x-apple:Alex R\r\n');
    expect(text).toContain('URL:Alex_Rivera\r\n');
    const back = parseCard(text) as NonNullable<ReturnType<typeof parseCard>>;
    expect(changedFields(edited, back)).toEqual([]);
  });

  it("a homepage's name for the person, said here: its URL written again with it, and then nothing left to write", () => {
    const home = { url: 'https://anna.example', site: 'web' as const };
    const before = writeContactCard({ ...read(asContact), profiles: [home, ...fields.profiles!] } as Contact, card);
    const linked = parseCard(before) as NonNullable<ReturnType<typeof parseCard>>;
    const named = {
      ...read(asContact),
      profiles: [{ ...home, named: 'Dr. Anna Beispiel-Berg' }, ...fields.profiles!],
    } as Contact;
    expect(changedFields(named, linked)).toEqual(['profiles']);
    const text = writeContactCard(named, linked);
    expect(text).toContain('URL;X-RECONNECT-NAME="Dr. Anna Beispiel-Berg":https://anna.example\r\n');
    expect(text.match(/https:\/\/anna\.example/g)).toHaveLength(1);
    expect(changedFields(named, parseCard(text) as never)).toEqual([]);
  });

  it("a renamed person: the phone's name parts follow the name, in their own places, and then nothing to write", () => {
    const named = (name: string) => writeContactCard({ ...read(asContact), name } as Contact, card);
    const lines = (t: string) => t.split('\r\n').filter((l) => /^(N|FN):/.test(l));
    // The family name changed: the given name stays; the card's order (N before FN) too.
    expect(lines(named('Anna Berg'))).toEqual(['N:Berg;Anna;;;', 'FN:Anna Berg']);
    // The given name changed: the family name stays.
    expect(lines(named('Anne Beispiel'))).toEqual(['N:Beispiel;Anne;;;', 'FN:Anne Beispiel']);
    // Neither is there: the whole name, as a new 3.0 card is written (3.0 requires N).
    expect(lines(named('李小龍'))).toEqual(['N:李小龍;;;;', 'FN:李小龍']);
    expect(lines(named('Anna-Lena Beispiel-Berg'))).toEqual([
      'N:Anna-Lena Beispiel-Berg;;;;',
      'FN:Anna-Lena Beispiel-Berg',
    ]);
    for (const name of ['Anna Berg', 'Anne Beispiel', '李小龍']) {
      const back = parseCard(named(name)) as NonNullable<ReturnType<typeof parseCard>>;
      expect(cardFields(back).name).toBe(name);
      expect(changedFields({ ...read(asContact), name } as Contact, back)).not.toContain('name');
    }
  });

  it("a card's title, middle name and family-name-first display name are kept where the new name allows", () => {
    const outlook = (n: string, fn: string, version = '3.0') =>
      parseCard(`BEGIN:VCARD\r\nVERSION:${version}\r\nFN:${fn}\r\nN:${n}\r\nUID:u1\r\nEND:VCARD\r\n`) as NonNullable<
        ReturnType<typeof parseCard>
      >;
    const write = (base: ReturnType<typeof outlook>, name: string) => {
      const c = { ...FULL, ...cardFields(base), name } as Contact;
      const text = writeContactCard(c, base);
      expect(cardFields(parseCard(text) as never).name, name).toBe(name);
      return text.split('\r\n').filter((l) => /^(N|FN):/.test(l));
    };
    const mueller = outlook('Müller;Jürgen;;;', 'Müller\\, Jürgen');
    expect(cardFields(mueller).name).toBe('Jürgen Müller');
    expect(write(mueller, 'Jürgen Müller-Lüdenscheidt')).toEqual([
      'FN:Müller-Lüdenscheidt\\, Jürgen',
      'N:Müller-Lüdenscheidt;Jürgen;;;',
    ]);
    // A title the display name never showed stays in N; a middle name stays while the name has it.
    const vogel = outlook('Vogel;Hanna;Maria;Dr.;', 'Hanna Maria Vogel', '4.0');
    expect(write(vogel, 'Hanna Maria Vogel-Berg')).toEqual([
      'FN:Hanna Maria Vogel-Berg',
      'N:Vogel-Berg;Hanna;Maria;Dr.;',
    ]);
    expect(write(vogel, 'Hanna Vogel')).toEqual(['FN:Hanna Vogel', 'N:Vogel;Hanna;;Dr.;']);
    // A title the display name showed goes with it.
    const titled = outlook('Vogel;Hanna;;Dr.;', 'Dr. Hanna Vogel', '4.0');
    expect(write(titled, 'Hanna Vogel')).toEqual(['FN:Hanna Vogel', 'N:Vogel;Hanna;;;']);
    expect(write(titled, 'Dr. Hanna Berg')).toEqual(['FN:Dr. Hanna Berg', 'N:Berg;Hanna;;Dr.;']);
    // A person synced before the card was read so still holds its name as written: that is no change, so a change
    // elsewhere writes neither FN nor N anew, and a merge takes it for what was synced, not for a change made here.
    const before = { ...FULL, ...cardFields(mueller), name: 'Müller, Jürgen' } as Contact;
    expect(changedFields(before, mueller)).not.toContain('name');
    const logged = writeContactCard({ ...before, role: 'Bäcker' }, mueller);
    expect(logged).toContain('FN:Müller\\, Jürgen\r\nN:Müller;Jürgen;;;\r\n');
    expect(cardFields(mueller, undefined, before).name).toBe('Müller, Jürgen');
    expect(cardFields(mueller, undefined, { ...before, name: 'Jürgen M.' }).name).toBe('Jürgen Müller');
    // The family name first without a comma (Korean, Hungarian order).
    expect(write(outlook('Kim;Min-jun;;;', 'Kim Min-jun'), 'Kim Min-ji')).toEqual(['FN:Kim Min-ji', 'N:Kim;Min-ji;;;']);
    // A 4.0 card's N that cannot follow the name is left out (4.0 does not require it), not left saying the old one.
    expect(write(vogel, 'Hanna')).toEqual(['FN:Hanna']);
  });

  it('a birthday without a year as Apple writes it: read without one, and kept as the phone wrote it', () => {
    const apple = phone.replace('BDAY;value=date:1985-04-23', 'BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-23');
    const base = parseCard(apple) as NonNullable<ReturnType<typeof parseCard>>;
    expect(cardFields(base).birthday).toEqual({ month: 4, day: 23 });
    const c = { ...read(asContact), ...cardFields(base), role: 'Geschäftsführerin' } as Contact;
    expect(changedFields(c, base)).not.toContain('birthday');
    expect(writeContactCard(c, base)).toContain('\r\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-04-23\r\n');
    // A birthday without a year written here goes as Apple writes it in 3.0, and as RFC 6350 says in 4.0.
    const noYear = { ...c, birthday: { month: 5, day: 1 } };
    expect(writeContactCard(noYear, base)).toContain('\r\nBDAY;X-APPLE-OMIT-YEAR=1604:16040501\r\n');
    expect(cardFields(parseCard(writeContactCard(noYear, base)) as never).birthday).toEqual({ month: 5, day: 1 });
    expect(writeContactCard({ ...FULL, birthday: { month: 5, day: 1 } })).toContain(
      '\r\nBDAY;X-APPLE-OMIT-YEAR=1604:16040501\r\n',
    );
    const four = parseCard('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna\r\nBDAY:--0423\r\nEND:VCARD\r\n') as never;
    expect(writeContactCard({ ...FULL, name: 'Anna', birthday: { month: 5, day: 1 } }, four)).toContain(
      '\r\nBDAY:--0501\r\n',
    );
    // Someone stored before with the year 1604 (synced or imported then) is read without it: no change either.
    const stored = toContact({ ...c, birthday: { year: 1604, month: 4, day: 23 } } as never) as Contact;
    expect(stored.birthday).toEqual({ month: 4, day: 23 });
    expect(changedFields(stored, base)).not.toContain('birthday');
  });

  it('a new company keeps the department', () => {
    const text = writeContactCard({ ...read(asContact), company: 'Neu AG' } as Contact, card);
    expect(text).toContain('ORG:Neu AG;Vertrieb\r\n');
  });

  it('a group card is not a person', () => {
    expect(isPersonCard(parseCard(fixture('group-3.0.vcf')) as never)).toBe(false);
    expect(isPersonCard(card)).toBe(true);
  });
});

describe('a sync settles: whatever a person holds and whatever card they are written onto, it reads back as no change', () => {
  const phoneCard = parseCard(fixture('iphone-3.0.vcf')) as NonNullable<ReturnType<typeof parseCard>>;
  const german = circleNaming([...DEFAULT_CIRCLES, 'Stammtisch', 'Kunden, A'], (c) =>
    c === 'family' ? 'Familie' : c === 'friends' ? 'Freunde' : c,
  );
  const pick = <T>(pool: T[]) =>
    fc.shuffledSubarray(pool).chain((xs) => fc.shuffledSubarray(xs, { minLength: xs.length }));
  const person = fc
    .record({
      emails: pick(['anna@example.org', 'a.b@work.example', 'anna@intranet', 'Anna.Beispiel@example.org']),
      phones: pick(['+49 170 5550123', '+49 221 5550100', '030 1234567', '+49 (0)30 555-0199']),
      profiles: pick([
        { url: 'https://www.linkedin.com/in/anna-beispiel', site: 'linkedin' as const },
        { url: 'https://www.xing.com/profile/Anna_Beispiel', site: 'xing' as const },
        { url: 'https://github.com/annab', site: 'github' as const },
        { url: 'https://anna.example', site: 'web' as const },
        { url: 'https://blog.example/anna', site: 'web' as const, named: 'Dr. Anna Beispiel; Köln' },
      ]),
      circles: pick(['family', 'friends', 'clients', 'Stammtisch', 'Kunden, A']),
      related: pick(FULL.related),
      role: fc.constantFrom('Leiterin Vertrieb', 'Inhaberin; Bäckermeisterin', ''),
      location: fc.constantFrom('Köln, NRW, Deutschland', 'Bonn', ''),
      notes: fc.constantFrom('', 'Kennt Ben aus dem Verein, spielt Tennis.\nZweite Zeile', 'a;b\\c'),
      // The phone card's own name; one that keeps its family name, its given name, neither; one written family
      // name first.
      name: fc.constantFrom(
        'Anna Beispiel',
        'Anna Berg',
        'Anne Beispiel',
        'Beispiel, Anna',
        'Dr. Jürgen Müller, Jr.',
        '李小龍',
        "O'Brien-Łukasz",
      ),
      birthday: fc.constantFrom(undefined, { month: 4, day: 23 }, { month: 2, day: 29, year: 1972 }),
      cadenceDays: fc.constantFrom(null, 30, 91),
      formal: fc.constantFrom(undefined, true),
      salutation: fc.constantFrom(undefined, 'Herr', 'Mrs.'),
      metVia: fc.constantFrom(undefined, 'Vereinsfest, 2019; Köln'),
      photoUrl: fc.constantFrom(undefined, 'https://media.example.org/anna.jpg'),
    })
    .map((over) => {
      const c: Record<string, unknown> = { ...FULL, ...over };
      for (const k of Object.keys(c)) if (c[k] === undefined) delete c[k];
      // As the store holds a person: each field a draft brings cleaned as a save cleans it.
      for (const k of DRAFT_FIELDS) {
        const v = draftValue(c as never, k);
        if (v === undefined && k !== 'notes') delete c[k];
        else c[k] = v ?? '';
      }
      return c as unknown as Contact;
    });
  const base = fc.oneof(
    fc.constant(null),
    fc.constant(phoneCard),
    person.map((other) => parseCard(writeContactCard(other, phoneCard, german)) as typeof phoneCard),
  );

  it('written once, nothing is left to write, and writing again gives the card back byte for byte', () => {
    fc.assert(
      fc.property(person, base, (c, b) => {
        const text = writeContactCard(c, b, german);
        const back = parseCard(text) as typeof phoneCard;
        expect(changedFields(c, back, german)).toEqual([]);
        expect(writeContactCard(c, back, german)).toBe(text);
      }),
      { numRuns: 400 },
    );
  });
});
