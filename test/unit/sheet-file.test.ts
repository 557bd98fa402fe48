/**
 * The spreadsheet list as the options page writes it (options/sheet-file.ts): every column headed in the user's
 * words, none by a field's name in the code.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseContactsFile } from '../../src/interchange';
import { sheetFile } from '../../src/options/sheet-file';
import { setLanguage } from './support/fake-browser';

afterEach(() => setLanguage('en'));

describe('the list for Excel and other spreadsheets', () => {
  const people = [
    {
      name: 'Dr. Max Mustermann',
      emails: ['max@muster.example'],
      phones: ['01701234567'],
      salutation: 'Herr',
      formal: true as const,
      cadenceDays: 91,
    },
  ];

  it('in German: headed as the contact form names the fields, parted by ";", and read back whole', () => {
    setLanguage('de');
    const csv = sheetFile(people);
    expect(csv.slice(1).split('\r\n')[0]?.split(';')).toEqual([
      'Name',
      'Position',
      'Unternehmen',
      'Ort',
      'Foto-Link',
      'Profil-Link 1',
      'E-Mail 1',
      'Telefon 1',
      'Kreise',
      'Notiz',
      'Wie wir uns kennen',
      'Vorgestellt von',
      'Geburtstag',
      'Wie oft melden',
      'Anrede',
      'Zuletzt kontaktiert',
      'Nachfassen am',
      'Nachfassen: worum es geht',
    ]);
    expect(csv).toContain(';jedes Quartal;Herr;');
    const [back] = parseContactsFile(new TextEncoder().encode(csv), 'reconnect.csv').contacts;
    expect(back).toMatchObject(people[0] as object);
  });

  it('in English: parted by ","', () => {
    setLanguage('en');
    const header = sheetFile(people).slice(1).split('\r\n')[0] ?? '';
    expect(header).toBe(
      'Name,Role,Company,Location,Photo link,Profile link 1,Email 1,Phone 1,Circles,Note,How we met,Introduced by,' +
        'Birthday,Get in touch,Salutation,Last contacted,Follow up on,Follow-up: about',
    );
  });
});
