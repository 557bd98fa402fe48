/**
 * Whom a text the user selected names (contacts/signature.ts): mails' signatures as German, Austrian and English
 * senders write them, a copied sender, a business card on a page; and what names no one.
 */
import { describe, expect, it } from 'vitest';
import { readSelection, SELECTION_CHARS } from '../../src/contacts/signature';

describe('readSelection', () => {
  it.each([
    [
      "a company's signature: the closing, the legal part and the fax left out",
      'Mit freundlichen Grüßen\n\nPaul Pohl\nGeschäftsführer\n\nPohl Medien GmbH\nRheinweg 12 | 53113 Bonn\n' +
        'Tel.: +49 228 123456\nMobil: 0171 1234567\nFax: +49 228 123457\npaul.pohl@pohl-medien.example\n' +
        'www.pohl-medien.example\n\nSitz der Gesellschaft: Bonn | Amtsgericht Bonn HRB 12345\n' +
        'Geschäftsführer: Petra Pohl, Paul Pohl',
      {
        name: 'Paul Pohl',
        role: 'Geschäftsführer',
        company: 'Pohl Medien GmbH',
        location: 'Bonn',
        emails: ['paul.pohl@pohl-medien.example'],
        phones: ['+49 228 123456', '0171 1234567'],
        profiles: [{ url: 'https://www.pohl-medien.example', site: 'web' }],
      },
    ],
    [
      'a first name after the closing, the signature below the delimiter; "Rolle bei Firma"; profiles as their sites',
      'Viele Grüße\nAnna\n\n--\nDr. Anna Alt\nSenior UX Designerin bei Beispiel AG\nT +49 30 1234567 · M +49 170 1234567\n' +
        'anna.alt@beispiel.example\nXING: https://www.xing.com/profile/Anna_Alt\nLinkedIn: linkedin.com/in/Anna-Alt',
      {
        name: 'Dr. Anna Alt',
        role: 'Senior UX Designerin',
        company: 'Beispiel AG',
        emails: ['anna.alt@beispiel.example'],
        phones: ['+49 30 1234567', '+49 170 1234567'],
        profiles: [
          { url: 'https://www.xing.com/profile/Anna_Alt', site: 'xing' },
          { url: 'https://www.linkedin.com/in/anna-alt', site: 'linkedin' },
        ],
      },
    ],
    [
      "a copied mail's header: its sender, family name first as Outlook writes it; not whom it went to",
      'Von: Pohl, Paul <paul@pohl.example>\nGesendet: Montag, 7. Dezember 2026 09:12\nAn: ich@example.org\nBetreff: Angebot',
      { name: 'Paul Pohl', emails: ['paul@pohl.example'] },
    ],
    [
      'an English signature: a role and a company on one line',
      'Best regards,\nJohn Smith\nHead of Partnerships | Acme Ltd.\n+44 20 7946 0000\njohn.smith@acme.example',
      {
        name: 'John Smith',
        role: 'Head of Partnerships',
        company: 'Acme Ltd.',
        emails: ['john.smith@acme.example'],
        phones: ['+44 20 7946 0000'],
      },
    ],
    [
      'a freelancer: her salutation, her trade, an address written out of the harvesters’ reach',
      'Herzliche Grüße aus Köln\nFrau Erika Muster\nFreie Übersetzerin\nMusterweg 3, 50667 Köln\n' +
        'erika (at) muster-uebersetzungen (dot) de',
      {
        name: 'Erika Muster',
        salutation: 'Frau',
        role: 'Freie Übersetzerin',
        location: 'Köln',
        emails: ['erika@muster-uebersetzungen.de'],
      },
    ],
    [
      "a business card on a site: a name in capitals, an occupation, the studio's name, a number alone",
      'ERIKA MUSTERMANN\nFotografin\nStudio Mustermann\n0221 / 555 66 77',
      { name: 'Erika Mustermann', role: 'Fotografin', company: 'Studio Mustermann', phones: ['0221 / 555 66 77'] },
    ],
    [
      'the company first, then what they do there',
      'Beste Grüße\nBen Berg\nBerg & Partner GmbH\nProjektleiter',
      { name: 'Ben Berg', role: 'Projektleiter', company: 'Berg & Partner GmbH' },
    ],
    [
      "the name on the closing's line",
      'Viele Grüße, Ben Berg\nBerg & Partner GmbH',
      { name: 'Ben Berg', company: 'Berg & Partner GmbH' },
    ],
    ['an email address alone', 'anna@alt.example', { name: '', emails: ['anna@alt.example'] }],
    ['a name alone', 'Anna Alt', { name: 'Anna Alt' }],
  ])('%s', (_, text, draft) => {
    expect(readSelection(text)).toEqual(draft);
  });

  it.each([
    ["a mail's own words, whose opening names the reader", 'Hallo Paul, anbei das Angebot. Gruß, Ben'],
    ['a headline', 'Wetter heute: sonnig'],
    ['nothing', '  \n \n'],
  ])('%s names no one', (_, text) => {
    expect(readSelection(text)).toBeNull();
  });

  it('reads the start of a long selection only (a whole page selected is not a signature)', () => {
    expect(readSelection(`${'x '.repeat(SELECTION_CHARS)}\nAnna Alt`)).toBeNull();
  });
});

describe('readSelection: where a signature ends', () => {
  it('a data protection officer is a role; a privacy notice, a date and a phone footer are not the person', () => {
    expect(
      readSelection(
        'Eva Engel\nDatenschutzbeauftragte\nEngel IT GmbH\n07.12.2026\nDatenschutzhinweis: Diese E-Mail …\nTel. 0228 999',
      ),
    ).toEqual({ name: 'Eva Engel', role: 'Datenschutzbeauftragte', company: 'Engel IT GmbH' });
    expect(readSelection('Max Muster\nMuster GmbH\nVon meinem iPhone gesendet\n0171 1234567')).toEqual({
      name: 'Max Muster',
      company: 'Muster GmbH',
    });
  });
});

describe('readSelection: a whole mail selected', () => {
  it('ends where the mail it quotes begins; a selection starting at the quoted header reads its sender', () => {
    const reply =
      'Hallo Anna,\ngerne!\n\nViele Grüße\nPaul Pohl\nPohl Medien GmbH\n\n' +
      'Am 07.12.2026 um 09:12 schrieb Anna Alt <anna@alt.example>:\n> Hallo Paul,\n> hast du Zeit?\n> Anna Alt\n> 0171 1234567';
    expect(readSelection(reply)).toEqual({ name: 'Paul Pohl', company: 'Pohl Medien GmbH' });
    expect(
      readSelection('-----Ursprüngliche Nachricht-----\nVon: Anna Alt <anna@alt.example>\nGesendet: Montag\nAn: Paul'),
    ).toEqual({ name: 'Anna Alt', emails: ['anna@alt.example'] });
  });
});
