// @vitest-environment jsdom
/**
 * A site's legal notice (Impressum): what the capture script reads of it (capture/imprint.ts, in the page) and whom
 * the popup reads from that (contacts/imprint.ts).
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { imprintClues } from '../../src/capture/imprint';
import { pageOf } from '../../src/capture/page';
import { type CaptureScript, runCapture, siteCaptureScript } from '../../src/capture/run';
import { script as anyPage } from '../../src/capture/scripts/any';
import { xing } from '../../src/capture/sites/xing';
import { readImprint } from '../../src/contacts/imprint';
import { draftFromCapture } from '../../src/popup/draft';
import { suggestFor } from '../../src/popup/page-suggestion';
import { giveInnerText } from './support/inner-text';
import { pageFixtures } from './support/page-fixtures';

const fixture = (name: string) => {
  const f = pageFixtures().find((x) => x.site === 'web' && x.name === name);
  if (!f) throw new Error(`no fixture ${name}`);
  return f;
};

function page(html: string, url: string) {
  const made = new JSDOM(html, { url });
  giveInnerText(made.window as unknown as { HTMLElement: typeof HTMLElement });
  return made;
}

function capturedOn(html: string, url: string, script: CaptureScript = anyPage) {
  const dom = page(html, url);
  try {
    return runCapture(script, dom.window.document, url);
  } finally {
    dom.window.close();
  }
}

/** What the popup would prefill for the page: the script's clues read as the popup reads them. */
function readOn(html: string, url: string) {
  const { imprint } = capturedOn(html, url);
  return imprint ? readImprint(imprint, url) : undefined;
}

describe("a legal notice's text, as the page shows it", () => {
  it('a line per line break and block, from the heading on; hidden parts, scripts and the menu left out', () => {
    const f = fixture('imprint-gmbh');
    const dom = page(f.html, f.url);
    const clues = imprintClues(pageOf(dom.window.document, f.url));
    dom.window.close();
    const lines = clues?.text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(lines?.slice(0, 6)).toEqual([
      'Impressum',
      'Angaben gemäß § 5 TMG:',
      'Beispiel Consulting GmbH',
      'Hauptstr. 5',
      'D-80331 München',
      'Handelsregister: HRB 123456, Registergericht: Amtsgericht München',
    ]);
    expect(clues?.text).not.toMatch(/Cookies|Home/);
    expect(clues?.mails).toEqual([]);
  });

  it("only on a notice: a page whose address or heading says so; not another page, nor a known site's", () => {
    const plain = '<!doctype html><title>Arbeiten</title><h1>Arbeiten</h1><p>Erika Mustermann<br>20095 Hamburg</p>';
    expect(capturedOn(plain, 'https://www.erika-mustermann.de/arbeiten').imprint).toBeUndefined();
    expect(capturedOn(plain, 'https://www.erika-mustermann.de/impressum').imprint?.text).toContain('Erika Mustermann');
    const headed = '<!doctype html><title>Rechtliches</title><h2>Legal notice</h2><p>Jane Roe<br>10115 Berlin</p>';
    expect(capturedOn(headed, 'https://jane.example/rechtliches').imprint?.text).toContain('Jane Roe');
    // XING's own notice is the company's, read by XING's script, which carries no notice reader.
    const onXing = capturedOn(plain, 'https://www.xing.com/impressum', siteCaptureScript(xing));
    expect(onXing.imprint).toBeUndefined();
    expect(capturedOn(plain, 'file:///impressum.html').imprint).toBeUndefined();
  });
});

describe('whom a legal notice names', () => {
  it("a freelancer's notice: her name, her trade, the town, her phone (not the fax), her mail link, the site's home page", () => {
    const f = fixture('imprint-freelancer');
    expect(readOn(f.html, f.url)).toEqual({
      name: 'Erika Mustermann',
      role: 'Grafikdesign & Illustration',
      location: 'Hamburg',
      phones: ['+49 (0) 40 555 0123'],
      emails: ['hallo@erika-mustermann.de'],
      profiles: [{ site: 'web', url: 'https://www.erika-mustermann.de' }],
    });
  });

  it("a company's notice: the managing director before whom it is represented by or who is responsible for its content (her salutation apart); the address written out of harvesters' reach", () => {
    const f = fixture('imprint-gmbh');
    expect(readOn(f.html, f.url)).toEqual({
      name: 'Dr. Anna Alt',
      salutation: 'Frau',
      role: 'Geschäftsführerin',
      company: 'Beispiel Consulting GmbH',
      location: 'München',
      phones: ['089 / 123 456 - 0'],
      emails: ['info@beispiel-consulting.de'],
      profiles: [{ site: 'web', url: 'https://beispiel-consulting.de' }],
    });
  });

  const read = (text: string, mails: string[] = [], url = 'https://studio.example/impressum') =>
    readImprint({ text, mails }, url);

  it.each<[string, string, Record<string, unknown>]>([
    [
      'the name on the line of "Angaben gemäß", the address on one line',
      'Impressum\nAngaben gemäß § 5 DDG: Jan Muster\nMusterweg 3a, 50667 Köln, Deutschland\nMobil: 0170/5550101',
      { name: 'Jan Muster', location: 'Köln', phones: ['0170/5550101'] },
    ],
    [
      'an owner written "Inh." before the name, the company by its legal form ("e. K."), the number on the line after its label',
      'Impressum\nFotos und Filme\nStudio Muster e. K.\nInh. Jan Muster\nMusterweg 3\n1010 Wien\nTelefon\n+43 1 555 01 01',
      { name: 'Jan Muster', company: 'Studio Muster e. K.', location: 'Wien', phones: ['+43 1 555 01 01'] },
    ],
    [
      'in English, an address written "name [at] site.de"',
      'Legal notice\nInformation pursuant to § 5 DDG\nJane Roe\nExample Street 1\n10115 Berlin\nPhone: +49 30 5550100\nEmail: jane [at] studio.example',
      { name: 'Jane Roe', location: 'Berlin', phones: ['+49 30 5550100'], emails: ['jane@studio.example'] },
    ],
    [
      'the one responsible for the content when nobody else is named, the label ending in its reference',
      'Impressum\nVerantwortlich für den Inhalt nach § 18 Abs. 2 MStV\nErika Mustermann\nMusterstraße 1\n20095 Hamburg',
      { name: 'Erika Mustermann', location: 'Hamburg' },
    ],
    [
      "the trade's name above hers: a design word is no name's",
      'Impressum\nErika Mustermann Design\nErika Mustermann\nMusterstraße 12\n20095 Hamburg',
      { name: 'Erika Mustermann', company: 'Erika Mustermann Design', location: 'Hamburg' },
    ],
    [
      'an owner labelled below the studio, addressed as "Frau": her name without it, and her salutation',
      'Impressum\nAngaben gemäß § 5 DDG\nStudio Muster\nInhaberin: Frau Erika Muster\nMusterstraße 12\n20095 Hamburg',
      { name: 'Erika Muster', role: 'Inhaberin', company: 'Studio Muster', location: 'Hamburg', salutation: 'Frau' },
    ],
    [
      'in capitals, as a style shows it: written as names are',
      'IMPRESSUM\nERIKA MUSTERMANN\nMUSTERSTRASSE 12\n20095 HAMBURG',
      { name: 'Erika Mustermann', location: 'Hamburg' },
    ],
    [
      'an address service\'s c/o line and a street written "Str.": no company',
      'Impressum\nDiese Website wird betrieben von:\nErika Mustermann\nc/o Postflex #1234\nEmsdettener Str. 10\n48268 Greven',
      { name: 'Erika Mustermann', location: 'Greven' },
    ],
    [
      'a partnership represented by its partners: the first of them',
      'Impressum\nMax Muster und Erika Mustermann GbR\nMusterweg 1\n12345 Musterstadt\nVertreten durch die Gesellschafter:\nMax Muster, Erika Mustermann',
      { name: 'Max Muster', company: 'Max Muster und Erika Mustermann GbR', location: 'Musterstadt' },
    ],
    [
      'a name ending as streets do ("-ring", "-weg") is a name, a street known by its number; phones labelled "T" and "M"',
      'Impressum\nJan Hellweg\nHellweg Design\nAm Ring 3a\n44787 Bochum\nT +49 234 555 01 01\nM: 0170 5550102',
      {
        name: 'Jan Hellweg',
        company: 'Hellweg Design',
        location: 'Bochum',
        phones: ['+49 234 555 01 01', '0170 5550102'],
      },
    ],
    [
      "as the most used generator writes one: a building's line, the fax beside the phone, the editor named again below",
      'Impressum\nAngaben gemäß § 5 DDG\nMax Muster\nMusterfirma\nMusterstraße 111\nGebäude 44\n90210 Musterstadt\nKontakt\nTelefon: +49 (0) 123 44 55 66\nTelefax: +49 (0) 123 44 55 99\nE-Mail: mustermann@musterfirma.de\nUmsatzsteuer-ID\nUmsatzsteuer-Identifikationsnummer gemäß § 27 a Umsatzsteuergesetz:\nDE999999999\nRedaktionell verantwortlich\nMax Muster\nMusterstraße 111\n90210 Musterstadt',
      {
        name: 'Max Muster',
        company: 'Musterfirma',
        location: 'Musterstadt',
        phones: ['+49 (0) 123 44 55 66'],
        emails: ['mustermann@musterfirma.de'],
      },
    ],
    [
      "a freelancer's trade below her name is her job, not a company (a notice after § 5 TMG, as older ones say)",
      'Impressum\nAngaben gemäß § 5 TMG\nJohanna Beispiel\nFreie Übersetzerin\nBeispielweg 7\n01067 Dresden\nTelefon: 0351 1234567',
      { name: 'Johanna Beispiel', role: 'Freie Übersetzerin', location: 'Dresden', phones: ['0351 1234567'] },
    ],
    [
      'one word below the name that names an occupation by its ending is the job; a single word otherwise the company',
      'Impressum\nDipl.-Ing. (FH) Thomas Muster\nArchitekt\nMusterweg 3\n50667 Köln',
      { name: 'Dipl.-Ing. Thomas Muster', role: 'Architekt', location: 'Köln' },
    ],
    [
      'a single word below the name that is no occupation: the company',
      'Impressum\nThomas Muster\nMusterfirma\nMusterweg 3\n50667 Köln',
      { name: 'Thomas Muster', company: 'Musterfirma', location: 'Köln' },
    ],
    [
      'the professional title the notice gives, where nothing else says what she does',
      'Impressum\nDr. Eva Muster\nMarktplatz 1\n50667 Köln\nBerufsbezeichnung: Steuerberaterin (verliehen in der Bundesrepublik Deutschland)\nZuständige Kammer: Steuerberaterkammer Köln',
      { name: 'Dr. Eva Muster', role: 'Steuerberaterin', location: 'Köln' },
    ],
    [
      "a footer's one line, its parts parted by dots",
      'Impressum\nPeter Beispiel · Musterstraße 3 · 80331 München\nTelefon 089 123456 · E-Mail peter@beispiel.de',
      { name: 'Peter Beispiel', location: 'München', phones: ['089 123456'], emails: ['peter@beispiel.de'] },
    ],
    [
      'a notice written as a form: "Name:", "Firma:", "PLZ/Ort:" before the values',
      'Impressum\nFirma: Muster Medien\nName: Max Mustermann\nStraße: Musterweg 5\nPLZ/Ort: 12345 Musterstadt\nTel.: 0123 456789',
      { name: 'Max Mustermann', company: 'Muster Medien', location: 'Musterstadt', phones: ['0123 456789'] },
    ],
    [
      'name, street and town on one line parted by commas',
      'Impressum\nAnna Alt, Musterweg 3, 50667 Köln',
      { name: 'Anna Alt', location: 'Köln' },
    ],
    [
      'name, street and town on one line parted by dashes; a phone number written with one stays whole',
      'Impressum\nAnna Alt – Musterweg 3 – 50667 Köln\nTelefon: 0221 – 123 45 67 · E-Mail: anna@alt.example',
      { name: 'Anna Alt', location: 'Köln', phones: ['0221 – 123 45 67'], emails: ['anna@alt.example'] },
    ],
    [
      "an Austrian notice: the address's lines ending in commas, the country below",
      'Impressum\nInformationspflicht laut § 5 E-Commerce Gesetz und Offenlegungspflicht laut § 25 Mediengesetz.\nMag. Erika Mustermann\nMusterstraße 1,\n1234 Musterhausen,\nÖsterreich\nTel.: 01234/56789',
      { name: 'Mag. Erika Mustermann', location: 'Musterhausen', phones: ['01234/56789'] },
    ],
    [
      'a Swiss notice: its "Kontaktadresse" heading is no company',
      'Impressum\nKontaktadresse\nHans Muster\nBahnhofstrasse 10\n8001 Zürich\nSchweiz',
      { name: 'Hans Muster', location: 'Zürich' },
    ],
    [
      'a postcode written with its country\'s letter ("D-10115"): the town, not a company',
      'Impressum\nKontakt\nMax Muster\nMusterweg 3\nD-10115 Berlin\nTelefon: 030 1234567',
      { name: 'Max Muster', location: 'Berlin', phones: ['030 1234567'] },
    ],
    [
      'a Swiss notice: the person below "Vertretungsberechtigte Person(en)", their role after the name; a business named by its field of work',
      'Impressum\nMuster Webdesign\nVertretungsberechtigte Person(en)\nHans Muster, Inhaber\nBahnhofstrasse 10\nCH-8001 Zürich',
      { name: 'Hans Muster', role: 'Inhaber', company: 'Muster Webdesign', location: 'Zürich' },
    ],
    [
      "a lawyer's notice: her profession before her name is her role, the firm the company",
      'Impressum\nKanzlei Muster\nRechtsanwältin Erika Muster\nMusterweg 3\n10115 Berlin',
      { name: 'Erika Muster', role: 'Rechtsanwältin', company: 'Kanzlei Muster', location: 'Berlin' },
    ],
    [
      'two professions before a title and the name',
      'Impressum\nRechtsanwalt und Notar Dr. Max Muster\nMusterweg 3\n10115 Berlin',
      { name: 'Dr. Max Muster', role: 'Rechtsanwalt und Notar', location: 'Berlin' },
    ],
    [
      'a profession after the name, an Austrian postcode with its letter',
      'Impressum\nMax Muster, Rechtsanwalt\nMusterweg 3\nA-1010 Wien',
      { name: 'Max Muster', role: 'Rechtsanwalt', location: 'Wien' },
    ],
    [
      'a business named after its owner and its field of work: her name, and the business as the company',
      'Impressum\nAnna Alt Webdesign\nMusterweg 3\n10115 Berlin',
      { name: 'Anna Alt', company: 'Anna Alt Webdesign', location: 'Berlin' },
    ],
    [
      "a business named by a family name and its field above the person: the business is not the person's name",
      'Impressum\nAlt Kommunikation\nAnna Alt\nMusterweg 3\n10115 Berlin',
      { name: 'Anna Alt', company: 'Alt Kommunikation', location: 'Berlin' },
    ],
    [
      'a field of work below the name is what she does',
      'Impressum\nErika Muster\nGrafikdesign\nMusterweg 3\n50667 Köln',
      { name: 'Erika Muster', role: 'Grafikdesign', location: 'Köln' },
    ],
    [
      'an Austrian notice: the "Medieninhaber und Herausgeber" (media owner and publisher) named on its line',
      'Impressum\nMedieninhaber und Herausgeber: Max Muster\nMusterweg 1, 1010 Wien\nUnternehmensgegenstand: IT-Dienstleistungen\nUID-Nummer: ATU12345678',
      { name: 'Max Muster', location: 'Wien' },
    ],
    [
      'a profession with its degree below the name ("Diplom-Designer (FH)")',
      'Impressum\nMax Muster\nDiplom-Designer (FH)\nMusterstr. 1\n12345 Musterstadt',
      { name: 'Max Muster', role: 'Diplom-Designer (FH)', location: 'Musterstadt' },
    ],
    [
      "a doctor's practice named after her, her specialty below it",
      'Impressum\nPraxis Dr. med. Erika Muster\nFachärztin für Innere Medizin\nMusterstr. 1\n12345 Musterstadt',
      {
        name: 'Dr. med. Erika Muster',
        role: 'Fachärztin für Innere Medizin',
        company: 'Praxis Dr. med. Erika Muster',
        location: 'Musterstadt',
      },
    ],
    [
      'fields of work listed with commas after the name on its line',
      'Impressum\nErika Muster – Texte, Lektorat, Übersetzungen\nMusterstr. 1\n12345 Musterstadt',
      { name: 'Erika Muster', role: 'Texte, Lektorat, Übersetzungen', location: 'Musterstadt' },
    ],
    [
      'represented by "den Geschäftsführer Herrn Dr. …": his office his role, his salutation as a greeting says it',
      'Impressum\nMuster GmbH\nVertreten durch den Geschäftsführer Herrn Dr. Max Muster\nMusterweg 1\n10115 Berlin',
      {
        name: 'Dr. Max Muster',
        role: 'Geschäftsführer',
        company: 'Muster GmbH',
        location: 'Berlin',
        salutation: 'Herr',
      },
    ],
    [
      'two fields of work below the name, joined',
      'Impressum\nMax Muster\nSoftwareentwicklung & IT-Beratung\nMusterweg 3\n10115 Berlin',
      { name: 'Max Muster', role: 'Softwareentwicklung & IT-Beratung', location: 'Berlin' },
    ],
    [
      'a partnership of lawyers: the first partner labelled so',
      'Impressum\nMuster & Partner Rechtsanwälte PartG mbB\nMusterweg 3\n10115 Berlin\nPartner: Dr. Max Muster, Erika Beispiel',
      {
        name: 'Dr. Max Muster',
        role: 'Partner',
        company: 'Muster & Partner Rechtsanwälte PartG mbB',
        location: 'Berlin',
      },
    ],
    [
      'an address written "name [ät] site.de"',
      'Impressum\nMax Muster\nMusterweg 3\n10115 Berlin\nE-Mail: max [ät] muster.example',
      { name: 'Max Muster', location: 'Berlin', emails: ['max@muster.example'] },
    ],
    [
      'an address written "name(@)site.de"',
      'Impressum\nMax Muster\nMusterweg 3\n10115 Berlin\nAnfragen: post(@)muster.example',
      { name: 'Max Muster', location: 'Berlin', emails: ['post@muster.example'] },
    ],
    [
      "a company limited by shares: its board, not its supervisory board's chair named above it",
      'Impressum\nBeispiel AG\nHauptstr. 5\n80331 München\nVorsitzender des Aufsichtsrats: Otto Fremd\nVorstand: Karl Muster, Erna Beispiel',
      { name: 'Karl Muster', company: 'Beispiel AG', location: 'München' },
    ],
    [
      "a club's notice: its chair, as the board represents it",
      'Impressum\nSportverein Musterdorf e.V.\nVereinsstraße 1\n12345 Musterdorf\nVertreten durch den Vorstand:\n1. Vorsitzender: Karl Muster\n2. Vorsitzende: Erna Beispiel',
      { name: 'Karl Muster', role: 'Vorsitzender', company: 'Sportverein Musterdorf e.V.', location: 'Musterdorf' },
    ],
    [
      'a company alone: its name and what else it says; the person left for the user',
      'Impressum\nBeispiel AG\nHauptstr. 5\n80331 München\nE-Mail: info@beispiel.example',
      { name: '', company: 'Beispiel AG', location: 'München', emails: ['info@beispiel.example'] },
    ],
    [
      'a profession as its chamber abbreviates it before the name, and a degree: the name keeps the degree, the role the profession',
      'Impressum\nStB Dipl.-Kfm. Erika Muster\nMusterweg 3\n50667 Köln\nTel. 0221 555010',
      { name: 'Dipl.-Kfm. Erika Muster', role: 'StB', location: 'Köln', phones: ['0221 555010'] },
    ],
    [
      'a salutation before the profession: hers still',
      'Impressum\nFrau Rechtsanwältin Erika Muster\nMusterweg 3\n50667 Köln',
      { name: 'Erika Muster', role: 'Rechtsanwältin', location: 'Köln', salutation: 'Frau' },
    ],
    [
      'two professions abbreviated',
      'Impressum\nWP StB Max Muster\nMusterweg 3\n80331 München',
      { name: 'Max Muster', role: 'WP StB', location: 'München' },
    ],
    [
      'a degree before a profession written out',
      'Impressum\nDipl.-Ing. Architektin Erika Muster\nMusterweg 3\n80331 München',
      { name: 'Dipl.-Ing. Erika Muster', role: 'Architektin', location: 'München' },
    ],
    [
      "a managing director labelled with his profession and degree; the company's legal form on a line of its own",
      'Impressum\nMuster & Partner Steuerberatungsgesellschaft\nmbH\nMusterweg 3\n50667 Köln\nGeschäftsführer: StB Dipl.-Kfm. Max Muster',
      {
        name: 'Dipl.-Kfm. Max Muster',
        role: 'Geschäftsführer',
        company: 'Muster & Partner Steuerberatungsgesellschaft mbH',
        location: 'Köln',
      },
    ],
    [
      "a business's one-word name and what it does, parted by a dash: its name whole, not the word before the dash",
      'Impressum\nAlt – Design & Code\nAnna Alt\nMusterweg 3\n50667 Köln',
      { name: 'Anna Alt', company: 'Alt – Design & Code', location: 'Köln' },
    ],
    [
      'a heading parted from the name by a bar is still parted',
      'Impressum | Anna Alt\nMusterweg 3\n50667 Köln',
      { name: 'Anna Alt', location: 'Köln' },
    ],
    [
      'what they do after the name, parted by a dash, in fields of work a film maker or a coach names',
      'Impressum\nAnbieter:\nMax Mustermann – Fotografie & Film\nMusterstr. 3\n04109 Leipzig',
      { name: 'Max Mustermann', role: 'Fotografie & Film', location: 'Leipzig' },
    ],
    [
      'a managing director named with his office in brackets',
      'Impressum\nMuster IT-Services UG (haftungsbeschränkt)\nMusterstraße 12\n80331 München\nVertreten durch:\nMax Muster (Geschäftsführer)',
      {
        name: 'Max Muster',
        role: 'Geschäftsführer',
        company: 'Muster IT-Services UG (haftungsbeschränkt)',
        location: 'München',
      },
    ],
    [
      'a company whose notice names only its contact person, with his salutation',
      'Impressum\nMuster GmbH\nMusterweg 3\n50667 Köln\nAnsprechpartner: Herr Max Muster',
      { name: 'Max Muster', company: 'Muster GmbH', location: 'Köln', salutation: 'Herr' },
    ],
    [
      'a founder with his offices on the line below his name, the company below them',
      'Impressum\nMax Muster\nGründer & CEO\nMuster Labs GmbH\nMusterweg 3\n10115 Berlin',
      { name: 'Max Muster', role: 'Gründer & CEO', company: 'Muster Labs GmbH', location: 'Berlin' },
    ],
    [
      "a start-up's founder named by the label",
      'Impressum\nMuster Labs GmbH\nMusterweg 3\n10115 Berlin\nGründerin und Geschäftsführerin: Erika Muster',
      { name: 'Erika Muster', role: 'Gründerin', company: 'Muster Labs GmbH', location: 'Berlin' },
    ],
    [
      'an office written for both ("Inhaber:in", "Geschäftsführer*innen"): as written, one person\'s',
      'Impressum\nStudio Muster\nInhaber:in: Erika Muster\nMusterweg 3\n50667 Köln',
      { name: 'Erika Muster', role: 'Inhaber:in', company: 'Studio Muster', location: 'Köln' },
    ],
    [
      'a plural office written for both, and a managing partner',
      'Impressum\nMuster GmbH\nMusterweg 3\n50667 Köln\nGeschäftsführer*innen: Erika Muster, Max Muster\nGeschäftsführende Gesellschafterin: Eva Muster',
      { name: 'Erika Muster', role: 'Geschäftsführer*in', company: 'Muster GmbH', location: 'Köln' },
    ],
    [
      'a company managed by its "Geschäftsleitung": the person, the office as their role',
      'Impressum\nMuster GmbH\nMusterweg 3\n50667 Köln\nGeschäftsleitung: Erika Muster',
      { name: 'Erika Muster', role: 'Geschäftsleitung', company: 'Muster GmbH', location: 'Köln' },
    ],
  ])('%s', (_, text, expected) => {
    expect(read(text)).toEqual({ ...expected, profiles: [{ site: 'web', url: 'https://studio.example' }] });
  });

  it("a mail link of the site's own domain before another's; none that is not an address", () => {
    const text = 'Impressum\nJan Muster\n50667 Köln';
    expect(read(text, ['newsletter@mailer.example', 'jan%40studio.example'])?.emails).toEqual(['jan@studio.example']);
    expect(read(text, ['not an address'])?.emails).toBeUndefined();
  });

  it('names no one where the notice names neither a person nor a company', () => {
    expect(read('Impressum\nMusterstraße 1\n20095 Hamburg\nTelefon: 040 5550123')).toBeNull();
    expect(read('')).toBeNull();
    expect(read('Impressum\nJan Muster', [], 'not a url')).toBeNull();
  });

  it('what follows the notice (disclaimers, the privacy policy) names nobody of it', () => {
    const text =
      'Impressum\nMusterstraße 1\n20095 Hamburg\nHaftung für Inhalte\nGeschäftsführer: Max Fremd\nE-Mail: recht@kanzlei.example';
    expect(read(text)).toBeNull();
  });
});

describe("a legal notice whose markup names its person (a personal site's JSON-LD on every page)", () => {
  // The page fixture, its markup's person named as given (someone else than the notice names, for one case).
  const { html, url } = fixture('imprint-personal');
  const site = (person: string) =>
    html.replace(
      '"@type":"Person","@id":"https://erika.example/#person","name":"Erika Mustermann"',
      `"@type":"Person","@id":"https://erika.example/#person","name":"${person}"`,
    );

  it('the card is hers: the site her link, not the notice; the town, her phone and mail from the notice', () => {
    const page = suggestFor(capturedOn(site('Erika Mustermann'), url));
    expect(page.capture && draftFromCapture(page.capture, page.fromImprint)).toEqual({
      name: 'Erika Mustermann',
      location: 'Hamburg',
      phones: ['040 5550123'],
      emails: ['hallo@erika.example'],
      profiles: [{ site: 'web', url: 'https://erika.example' }],
    });
  });

  it('a notice naming someone else than the markup changes nothing of the card', () => {
    const captured = capturedOn(site('Ben Berg'), url);
    const page = suggestFor(captured);
    expect(page).toEqual(captured);
    expect(page.capture?.profileUrl).toBe('https://erika.example/impressum');
  });
});

describe("the link to a site's legal notice, on its other pages", () => {
  const footer = (href: string, text = 'Impressum') =>
    `<html><head><title>Studio Muster</title></head><body><h1>Willkommen</h1><p>Wir gestalten.</p>` +
    `<footer><a href="/kontakt">Kontakt</a> <a href="/datenschutz">Datenschutz</a> <a href="${href}">${text}</a></footer></body></html>`;

  it('is found by its words, on the same site, as an address the popup can open', () => {
    expect(capturedOn(footer('/impressum'), 'https://studio-muster.example/').imprintLink).toBe(
      'https://studio-muster.example/impressum',
    );
    expect(
      capturedOn(footer('impressum.html', 'Impressum & Datenschutz'), 'https://studio-muster.example/leistungen/')
        .imprintLink,
    ).toBe('https://studio-muster.example/leistungen/impressum.html');
    expect(capturedOn(footer('/legal', 'Legal notice'), 'https://jane.example/about').imprintLink).toBe(
      'https://jane.example/legal',
    );
  });

  it("not another site's, not a script's, not on the notice itself, and not where the page names its person", () => {
    expect(capturedOn(footer('https://hoster.example/impressum'), 'https://studio-muster.example/').imprintLink).toBe(
      undefined,
    );
    expect(capturedOn(footer('javascript:void(0)'), 'https://studio-muster.example/').imprintLink).toBeUndefined();
    const onNotice = capturedOn(
      footer('/impressum').replace('<h1>Willkommen</h1>', '<h1>Impressum</h1><p>Erika Muster</p>'),
      'https://studio-muster.example/impressum',
    );
    expect([onNotice.imprint?.text.includes('Erika Muster'), onNotice.imprintLink]).toEqual([true, undefined]);
    const person = footer('/impressum').replace(
      '</head>',
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Person","name":"Erika Muster"}</script></head>',
    );
    const withPerson = capturedOn(person, 'https://studio-muster.example/');
    expect([withPerson.capture?.name, withPerson.imprintLink]).toEqual(['Erika Muster', undefined]);
  });
});
