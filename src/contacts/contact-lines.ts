/**
 * Lines of contact details as businesses and people write them, in a site's legal notice (imprint.ts) and a mail's
 * signature or a business card (signature.ts): a phone number after its label, an email address (written out of the
 * harvesters' reach too), a street, a postcode and town, parts of one line parted by dots or bars.
 */
import { isWholeNumber } from './normalize';

/** A postcode and town (Germany's five digits, Austria's and Switzerland's four, with a country letter or not). */
export const TOWN =
  /(?:^|,\s*)(?:(?:[Dd][Ee]?|[Aa][Tt]?|[Cc][Hh])[\s-])?\d{4,5}\s+(\p{Lu}[\p{L}\p{M}.'’\s/()-]*?)\s*(?:,|$)/u;

/**
 * A street line: ends in its house number ("Musterstraße 12", "Hauptstr.5", "Am Markt 3a-5"), or a c/o or PO box line.
 * Not by a street's word alone: "Döring" and "Hellweg" are names.
 */
export const STREET = /^c\/o\b|\bpostfach\b|[\p{L}.]\s*\d+\s*[a-z]?(?:\s*[-/]\s*\d+\s*[a-z]?)?$/iu;

/** A phone number's label ("Tel.:", "Mobil", "T", "M"), and what stands between it and the number. */
export const PHONE_LABEL =
  /^(?:tel(?:efon(?:nummer)?)?|rufnummer|fon|phone(?: number)?|telephone|mobil(?:e|telefon|funk|nummer)?|mob|handy|mobile phone|[tm](?=[.:\s]+[+(\d]))\b\.?\s*(?:\([^)]*\))?\s*[:.]?\s*/i;

/**
 * An address written out of the reach of address harvesters: "anna (at) site (dot) de", "anna[ät]site.de",
 * "anna(@)site.de". One pattern for the "at" and one for the "dot", which the finding and the mending both use.
 */
const AT = String.raw`[([{]\s*(?:at|ät|@)\s*[)\]}]|\s(?:at|ät)\s`;
const DOT = String.raw`[([{]\s*(?:dot|punkt)\s*[)\]}]|\s(?:dot|punkt)\s`;
export const MAIL = new RegExp(String.raw`[\w.+-]+\s*(?:@|${AT})\s*[\w-]+(?:\s*(?:\.|${DOT})\s*[\w-]+)+`, 'i');

/** An address found by MAIL as it is: "anna (at) site (dot) de" is anna@site.de. */
export const normalizeMail = (raw: string) =>
  raw
    .replace(new RegExp(String.raw`\s*(?:${AT})\s*`, 'i'), '@')
    .replace(new RegExp(String.raw`\s*(?:${DOT})\s*`, 'gi'), '.')
    .replace(/\s+/g, '');

/** A name or town a page shows in capitals ("ERIKA MUSTERMANN", often a style's doing), as it is written. */
export const unshouted = (s: string) =>
  /\p{Ll}/u.test(s)
    ? s
    : s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, before, first) => before + first.toUpperCase());

/** Where a line's parts are parted, as a footer writes an address on one line: "Anna Alt · Musterweg 3 · 50667 Köln". */
export const PARTS = /\s[·|•–—]\s/;

/** A phone line's number: up to a fax or a mail on the same line, only the characters a number is written with. */
export function numberIn(value: string): string | undefined {
  const number = /^\+?[\d\s()/.–-]+/.exec(value.split(/\s(?:fax|telefax|e-?mail|mail)\b|\s[|·•]\s/i)[0] ?? '')?.[0];
  const trimmed = number?.replace(/[\s/.–-]+$/, '').trim();
  return trimmed && isWholeNumber(trimmed) ? trimmed : undefined;
}
