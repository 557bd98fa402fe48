import { describe, expect, it } from 'vitest';
import { mailtoHref, safeHref, telHref } from '../../src/ui/links';

describe('links made from stored data', () => {
  it('a phone number: its digits and a leading +', () => {
    expect(telHref('030 1234567')).toBe('tel:0301234567');
    expect(telHref('+49 30 123 45-67')).toBe('tel:+49301234567');
    expect(telHref('0049 (30) 1234567')).toBe('tel:0049301234567');
    expect(telHref('(030) 1234567')).toBe('tel:0301234567');
  });

  it('the "(0)" of an international number is not dialled', () => {
    expect(telHref('+49 (0)30 1234567')).toBe('tel:+49301234567');
    expect(telHref('+49(0)172-1234567')).toBe('tel:+491721234567');
    expect(telHref('+41 ( 0 ) 44 123 45 67')).toBe('tel:+41441234567');
  });

  it('an extension marked as one is an extension, not more digits of the number', () => {
    expect(telHref('+49 30 1234567 ext. 89')).toBe('tel:+49301234567;ext=89');
    expect(telHref('+1 (555) 123-4567 x12')).toBe('tel:+15551234567;ext=12');
    expect(telHref('0301234567 Durchwahl 3')).toBe('tel:0301234567;ext=3');
    expect(telHref('030 1234567-89')).toBe('tel:030123456789');
  });

  it('a word joined to the number, or after too few digits, is dialled as its keys spell it; other words are notes', () => {
    expect(telHref('0800-FLOWERS')).toBe('tel:08003569377');
    expect(telHref('+1-800-FLOWERS')).toBe('tel:+18003569377');
    expect(telHref('0800 123-TAXI')).toBe('tel:08001238294');
    expect(telHref('+49 170 1234567 MOBIL')).toBe('tel:+491701234567');
    expect(telHref('0800 FLOWERS')).toBe('tel:08003569377');
    expect(telHref('1 800 FLOWERS')).toBe('tel:18003569377');
    expect(telHref('030 1234567 PRIVAT')).toBe('tel:0301234567');
    expect(telHref('+49 30 1234567 (Büro)')).toBe('tel:+49301234567');
    expect(telHref('030 1234567 privat')).toBe('tel:0301234567');
    expect(telHref('1-800-Flowers')).toBe('tel:18003569377');
    expect(telHref('0800-Blumen')).toBe('tel:0800258636');
    // Written as a word, not in capitals: 0800 alone calls nobody.
    expect(telHref('0800 Blumen')).toBe('tel:0800258636');
    expect(telHref('0800 blumen')).toBe('tel:0800258636');
    expect(telHref('0800 Blumen (Bestellung)')).toBe('tel:0800258636');
  });

  it('no link for what is not a number', () => {
    expect(telHref('n/a')).toBeUndefined();
    expect(telHref('12')).toBeUndefined();
    expect(telHref('')).toBeUndefined();
  });

  it('an email: one plain address, the draft as its body', () => {
    expect(mailtoHref(' anna@example.org ', 'Hallo Anna & Co')).toBe(
      'mailto:anna@example.org?body=Hallo%20Anna%20%26%20Co',
    );
    expect(mailtoHref('Anna <anna@example.org>')).toBeUndefined();
    expect(mailtoHref('anna@example.org, bo@example.org')).toBeUndefined();
  });

  it('an email: what an address may hold but a link may not say as itself is encoded', () => {
    expect(mailtoHref('anna@example.org?cc=evil@example.org')).toBeUndefined();
    expect(mailtoHref('anna?cc=evil@example.org')).toBe('mailto:anna%3Fcc%3Devil@example.org');
    expect(mailtoHref('o&brien#1@example.org', 'Hi')).toBe('mailto:o%26brien%231@example.org?body=Hi');
    expect(mailtoHref("o'brien+news@example.ie")).toBe("mailto:o'brien+news@example.ie");
    expect(mailtoHref('anna@intranet')).toBe('mailto:anna@intranet');
    expect(mailtoHref('jürgen@müller.de')).toBe('mailto:j%C3%BCrgen@m%C3%BCller.de');
  });

  it('other links: http(s), mailto and tel only', () => {
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,x')).toBeUndefined();
    expect(safeHref('https://example.org/a')).toBe('https://example.org/a');
    expect(safeHref('tel:+49301234567')).toBe('tel:+49301234567');
  });
});
