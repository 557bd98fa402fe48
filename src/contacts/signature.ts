/**
 * readSelection(text): whom a text the user selected on a page names — a mail's signature, a business card on a
 * site, a speaker's box — as the manual form's start. Where no page names its person (a mailbox above all, where
 * clients and partners write), the user selects the signature and opens the popup: its name (the first line that
 * names a person, or the sender of a mail's "Von: Paul Pohl <paul@…>"), the role and company on the lines below the
 * name, up to two phone numbers (never a fax), an email address, the town of the address, and web addresses (a XING
 * or LinkedIn profile as that site's). A signature's legal part (register, VAT number, the managing director the
 * law asks a company's mail to name) and a mail's confidentiality notice end it. A suggestion only: the form shows it
 * editable. null when the text names no one (no name, no email address, no phone number).
 */
import { MAIL, normalizeMail, numberIn, PARTS, PHONE_LABEL, STREET, TOWN, unshouted } from './contact-lines';
import type { ContactDraft } from './fields';
import { fieldsOnly, namedIn, OCCUPATION, professionFirst, roleAfter, rolesOnly, TRADE } from './imprint-person';
import { firstLast } from './name-order';
import { isEmailAddress, phoneDigits } from './normalize';
import { canonicalProfile } from './profile-url';
import { namesOrganisation } from './suggest';
import type { ProfileLink } from './types';
import { withScheme } from './web-address';

/** How much of a selection is read: a signature is a few lines; a whole page selected is not one person's. */
export const SELECTION_CHARS = 3000;

/** A closing and greeting before the name: "Mit freundlichen Grüßen", "Viele Grüße aus Köln", "LG", "Best regards". */
const GREETING =
  /^(?:(?:mit\s+)?(?:\p{L}+\s+)?(?:grüßen|grüße|gruß|grüsse|gruss)(?!\p{L})|(?:mfg|vg|lg|bg)\b|(?:best|kind|warm|many)?\s*(?:regards|wishes)\b|(?:cheers|thanks|thank you|best|sincerely|yours(?: sincerely| truly)?|herzlich(?:st)?|danke|ciao|servus|tschüss)[\s,!.]*$)/iu;
/** A mail's opening ("Hallo Paul,", "Liebe Anna", "Sehr geehrte Frau Alt"): it names the reader, not the writer. */
const OPENING =
  /^(?:hallo|hello|hi|hey|moin|servus|grüezi|liebe[rs]?|dear|sehr geehrte[rs]?|guten (?:tag|morgen|abend))\b/i;
/** A mail's header lines a copied mail starts with, but its sender's. */
const HEADER = /^(?:an|to|cc|bcc|kopie|betreff|subject|gesendet|sent|datum|date|antwort an|reply-to)\s*:/i;
const SENDER = /^(?:von|from|absender)\s*:\s*/i;
/** "Paul Pohl <paul@pohl.example>", '"Pohl, Paul" <paul@…>': a name with its address, as mail programs copy a sender. */
const NAMED_ADDRESS = /^"?([^"<>]+?)"?\s*<\s*([^<>\s]+@[^<>\s]+)\s*>$/;
/** Where a signature's own part ends: its company's legal details, a confidentiality notice, a phone's footer. */
const END =
  /^(?:sitz(?:\s+der\s+gesellschaft)?\b|registergericht|amtsgericht|handelsregister|hr[ab]\b|ust\.?-?id|umsatzsteuer|steuer-?nr|steuernummer|geschäftsführ(?:er|erin|ung)\s*:|vorstand\s*:|aufsichtsrat|registered office|company registration|vat\b|diese\s+(?:e-?mail|nachricht)|this\s+(?:e-?mail|message)|confidential|vertraulich|(?:informationen zum )?datenschutz(?:hinweis|erklärung|information)|privacy (?:notice|policy)|von meinem|sent from|gesendet von)/i;
/**
 * Where the mail quoted below begins ("Am 7. Dez. 2026 schrieb Anna Alt <anna@…>:", "-----Ursprüngliche
 * Nachricht-----"): the end of what was read, or, where the selection starts with it, its start.
 */
const QUOTED =
  /^(?:am\s.+\sschrieb\s.*:|on\s.+\swrote:|-{3,}\s*(?:ursprüngliche nachricht|original message|weitergeleitete nachricht|forwarded message)\s*-{3,})$/i;
/** A fax line, whose number is nobody's to call. */
const FAX = /^(?:fax|telefax)\b/i;
/** A line that is a phone number alone ("+49 228 123456", "0171 / 123 45 67"), not a date ("07.12.2026"). */
const NUMBER_ONLY = /^(?!\d{1,2}\.\d{1,2}\.\d{2,4}$)\+?[\d\s()/.–-]{6,}$/;
/** A web address written in the text: with its scheme, from "www.", or a profile's address on XING or LinkedIn. */
const WEB =
  /\bhttps?:\/\/[^\s<>"')]+|\bwww\.[^\s<>"')]+|\b(?:[a-z]{2}\.)?(?:xing\.com\/profile|linkedin\.com\/in)\/[^\s<>"')]+/gi;
const WEB_ANY = new RegExp(WEB.source, 'i');
/** "Geschäftsführerin bei Pohl Medien GmbH", "Product Manager at Acme": a role and its company on one line. */
const AT_COMPANY = /\s+(?:bei|at|@)\s+/i;

/** A line that is contact details, not a role or a company: a phone, a mail, a web address, a street, a town. */
const detail = (line: string) =>
  PHONE_LABEL.test(line) ||
  FAX.test(line) ||
  NUMBER_ONLY.test(line) ||
  MAIL.test(line) ||
  /^(?:web|website|internet|homepage|e-?mail|mail|xing|linkedin)\s*:/i.test(line) ||
  WEB_ANY.test(line) ||
  STREET.test(line) ||
  TOWN.test(line);

/** What a line below a name says they do, rather than whom they work for. */
const doesLine = (line: string) =>
  rolesOnly(line) || OCCUPATION.test(line) || fieldsOnly(line) || professionFirst(line) || TRADE.test(line);

export function readSelection(text: string): ContactDraft | null {
  const lines: string[] = [];
  for (const raw of text.slice(0, SELECTION_CHARS).split(/\r?\n/)) {
    const line = raw.replace(/\s+/g, ' ').trim();
    // A quoted line ("> …") is the earlier mail's.
    if (!line || /^[-_=*]{2,}$/.test(line) || line.startsWith('>')) continue;
    if (QUOTED.test(line)) {
      if (lines.length) break;
      continue;
    }
    if (END.test(line)) break;
    // "Viele Grüße, Ben Berg": the name after the closing.
    const closing = /^([^,]+),\s*(.+)$/.exec(line);
    if (closing?.[2] && GREETING.test(closing[1] ?? '')) {
      lines.push(closing[2]);
      continue;
    }
    // "Paul Pohl | Geschäftsführer | Pohl Medien GmbH": each part a line; a phone's line by its dots and bars only
    // ("T +49 30 123 · M +49 170 123"), its number may be written with dashes ("0221 – 123 45 67").
    lines.push(
      ...line
        .split(PHONE_LABEL.test(line) ? /\s[·|•]\s/ : PARTS)
        .map((p) => p.trim())
        .filter(Boolean),
    );
  }

  let name: string | undefined;
  let salutation: string | undefined;
  let role: string | undefined;
  let company: string | undefined;
  let location: string | undefined;
  const emails: string[] = [];
  const phones: string[] = [];
  const profiles: ProfileLink[] = [];

  const addEmail = (raw: string) => {
    const mail = normalizeMail(raw);
    if (isEmailAddress(mail) && !emails.some((e) => e.toLowerCase() === mail.toLowerCase())) emails.push(mail);
  };

  for (const [i, line] of lines.entries()) {
    if (HEADER.test(line) || GREETING.test(line) || OPENING.test(line)) continue;
    const sender = SENDER.exec(line);
    const value = sender ? line.slice(sender[0].length) : line;
    const named = NAMED_ADDRESS.exec(value);
    if (named) {
      if (!name && named[1]) name = firstLast(named[1]);
      addEmail(named[2] ?? '');
      continue;
    }
    if (sender) continue;

    for (const m of line.matchAll(WEB)) {
      const link = canonicalProfile(withScheme(m[0].replace(/[.,;:]+$/, '')));
      // An email address's domain is no web address: "paul@pohl.example" has no link in it.
      if (link && !profiles.some((p) => p.url === link.url) && !line.includes(`@${m[0]}`)) profiles.push(link);
    }
    const phone = PHONE_LABEL.exec(line);
    if (phone || (NUMBER_ONLY.test(line) && !FAX.test(line))) {
      const number = numberIn(phone ? line.slice(phone[0].length) || (lines[i + 1] ?? '') : line);
      if (number && phones.length < 2 && !phones.some((p) => phoneDigits(p) === phoneDigits(number)))
        phones.push(number);
      continue;
    }
    const mail = MAIL.exec(line);
    if (mail) {
      addEmail(mail[0]);
      continue;
    }
    const town = TOWN.exec(line);
    if (town) {
      location ??= town[1]?.trim();
      continue;
    }
    if (detail(line)) continue;

    if (!name) {
      const person = namedIn(line);
      if (person) {
        name = person.person;
        salutation = person.salutation;
        role = person.role ?? roleAfter(line);
      }
      // Lines before the name (the mail's own words) are not theirs.
      continue;
    }
    // Below the name: what they do, then whom for ("Rolle bei Firma" says both); a company named first ("Pohl Medien
    // GmbH"), then what they do there.
    const [does, at] = line.split(AT_COMPANY);
    if (at && does && !role && !company) {
      role = does;
      company = at;
    } else if (!role && !company) {
      if (namesOrganisation(line) && !doesLine(line)) company = line;
      else role = line;
    } else if (!company) company = line;
    else if (!role && doesLine(line)) role = line;
  }

  if (!name && !emails.length && !phones.length) return null;
  const draft: ContactDraft = { name: name ? unshouted(name) : '' };
  if (role && role.length <= 100) draft.role = role;
  if (company && company.length <= 100) draft.company = company;
  if (location) draft.location = unshouted(location);
  if (emails.length) draft.emails = emails.slice(0, 2);
  if (phones.length) draft.phones = phones;
  if (profiles.length) draft.profiles = profiles.slice(0, 3);
  if (name && salutation) draft.salutation = salutation;
  return draft;
}
