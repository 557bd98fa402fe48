// @vitest-environment jsdom
/**
 * A FRITZ!Box phone book saved as XML (interchange/fritzbox.ts), read through parseContactsFile as the import reads
 * any file; DOMParser is the browser's (jsdom's here).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createContact } from '../../src/contacts/merge';
import { parseContactsFile } from '../../src/interchange';

// Paths, not URLs: under jsdom the global URL is jsdom's, which node:fs does not take.
const here = dirname(fileURLToPath(import.meta.url));
const file = (name: string) => new Uint8Array(readFileSync(join(here, '../fixtures/contacts', name)));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('a FRITZ!Box phone book', () => {
  it('its people: names turned round where written family name first, the phones (not the fax, an extension, a memo) and mail addresses once each; one without a name said by its record', () => {
    const r = parseContactsFile(file('fritzbox-telefonbuch.xml'), 'Telefonbuch.xml');
    expect(r.format).toBe('fritzbox');
    // Each number and address once, by the book's own rule, as the people are saved (merge.ts createContact).
    const saved = r.contacts.map((d) => {
      const { name, phones, emails } = createContact(d, 'imported', 0, () => 'id');
      return { name, phones, emails };
    });
    expect(saved).toEqual([
      { name: 'Erika Mustermann', phones: ['0221 5550101', '0170 5550102'], emails: ['erika@example.de'] },
      { name: 'Jürgen Müller & Söhne', phones: ['+49 89 5550100'], emails: [] },
      { name: 'Oma', phones: ['0711 5550199'], emails: [] },
      { name: '', phones: [], emails: [] },
    ]);
    expect(r.errors).toEqual([{ code: 'noName', record: 4 }]);
  });

  it('known by its content whatever the file is called; an XML file of another kind, or a broken one, is said to be unknown', () => {
    const book =
      '<phonebooks><phonebook><contact><person><realName>Ben Berg</realName></person></contact></phonebook></phonebooks>';
    expect(parseContactsFile(utf8(book), 'export').contacts).toEqual([{ name: 'Ben Berg' }]);
    expect(parseContactsFile(utf8('<?xml version="1.0"?><rss><channel/></rss>'), 'feed.xml')).toMatchObject({
      format: null,
      errors: [{ code: 'unknownFormat' }],
    });
    expect(parseContactsFile(utf8('<phonebooks><phonebook><contact>'), 'Telefonbuch.xml')).toMatchObject({
      format: null,
      errors: [{ code: 'unknownFormat' }],
    });
  });

  it("the box's call blocklist, a phone book of its own, is nobody the user knows: not read, and said by its name", () => {
    const entry = (name: string, number: string) =>
      `<contact><person><realName>${name}</realName></person><telephony><number type="home">${number}</number></telephony></contact>`;
    const both = `<?xml version="1.0" encoding="utf-8"?><phonebooks><phonebook name="Telefonbuch">${entry('Ben Berg', '030 5550101')}</phonebook><phonebook name="Rufsperren">${entry('Werbung', '0900 5550199')}</phonebook></phonebooks>`;
    expect(parseContactsFile(utf8(both), 'Telefonbuch.xml')).toMatchObject({
      contacts: [{ name: 'Ben Berg', phones: ['030 5550101'] }],
      errors: [{ code: 'blocklist', detail: 'Rufsperren' }],
    });
    const only = `<phonebooks><phonebook name="Sperrliste">${entry('Werbung', '0900 5550199')}</phonebook></phonebooks>`;
    expect(parseContactsFile(utf8(only), 'Sperrliste.xml')).toMatchObject({
      format: 'fritzbox',
      contacts: [],
      errors: [{ code: 'blocklist', detail: 'Sperrliste' }],
    });
  });
});
