/**
 * readImprint(clues, url): who a site's legal notice (Impressum) names as running it — their name (the owner or
 * managing director where it says so, else the person the notice starts with), the company, the town of the
 * address, a phone number (never the fax), an email address (a mail link, or one written "name (at) site.de") — and
 * the site's home page as their link; null when it names neither a person nor a company. German law asks every
 * business site for one (§ 5 DDG, formerly TMG; Austria's § 5 ECG, Switzerland's UWG), so a client's or partner's
 * own site says who they are even without markup. A suggestion only: the popup shows it in the editable form. How the
 * notice's parts are found is here; who a line names and what they do, in imprint-person.ts.
 */
import type { ImprintClues } from './capture';
import { MAIL, normalizeMail, numberIn, PARTS, PHONE_LABEL, STREET, TOWN, unshouted } from './contact-lines';
import type { ContactDraft } from './fields';
import {
  fieldsOnly,
  NOT_A_NAME,
  namedIn,
  namesakeOfBusiness,
  OCCUPATION,
  OFFICES,
  personIn,
  professionFirst,
  roleAfter,
  roleOf,
  rolesOnly,
  TRADE,
} from './imprint-person';
import { isEmailAddress, phoneDigits } from './normalize';
import { pageLink } from './profile-url';
import { legalFormOnly, namesOrganisation } from './suggest';

/** Where the notice's own part ends: the disclaimers and policies after it name others (courts, the EU's site). */
const END =
  /^(?:haftung|haftungsausschluss|haftungshinweis|disclaimer|urheberrecht|copyright|datenschutz|privacy|(?:eu-|online-)?streitschlichtung|verbraucherstreit|online-streitbeilegung|bildnachweis|bildquellen|quellenangaben|fotonachweis|liability|image credits|dispute resolution)/i;
/** The line the provider's details follow: "Angaben gemäß § 5 DDG", "Information pursuant to § 5 TMG". */
const START =
  /^(?:impressum|imprint|legal notice|angaben|information (?:pursuant|according)|informationspflicht|offenlegung|diensteanbieter|anbieter|herausgeber|betreiber|publisher|provider)\b/i;
/** Labels a person follows, in the order they are trusted for who runs the site. */
const LABELS: [RegExp, number][] = [
  [
    new RegExp(
      String.raw`^(?:vertretungsberechtigte[rn]?\s+)?(?:${OFFICES}|geschäftsführung|geschäftsleitung|inh\.|medieninhaber(?:in)?(?:\s+und\s+herausgeber(?:in)?)?)(?![\p{L}\d])`,
      'iu',
    ),
    0,
  ],
  // A club's or an AG's board: "Vorstand: …", "1. Vorsitzende: …" (not the supervisory board's chair).
  [
    /^(?:vertreten durch|vertretungsberechtigt(?:e\s+person(?:\(en\)|en)?)?|represented by|vorstand|(?:\d\.\s*)?vorsitzende[rn]?(?!\s+des\s+aufsichtsrat))(?![\p{L}\d])/iu,
    2,
  ],
  [/^(?:(?:inhaltlich\s+)?verantwortlich|v\.\s?i\.\s?s\.\s?d\.|responsible for)\b/i, 3],
  // Whom to write to, where the notice names nobody above: "Ansprechpartner: Herr Max Muster".
  [/^(?:ansprechpartner(?:in)?|kontaktperson|contact person)(?![\p{L}\d])/iu, 4],
];
/** The office a "represented by" label names before the person: "Vertreten durch den Geschäftsführer Ben Berg". */
const OFFICE_NAMED = new RegExp(String.raw`^\s*(?:d(?:en|ie|er)\s+)?(${OFFICES}|vorstand)\s+`, 'i');
/** The professional title a notice must give for some trades: "Berufsbezeichnung: Steuerberaterin (verliehen in …)". */
const PROFESSION = /^berufsbezeichnung\s*:\s*([^(]+)/i;
/**
 * A field's label before its value, as a form-like notice writes them ("Name: Anna Alt", "Firma: Alt GmbH", "PLZ/Ort:
 * 50667 Köln"): the value is read as the line. A company's label makes its value the company.
 */
const FIELD =
  /^(?:(name)|(firma|firmenname|unternehmen|company(?: name)?)|anschrift|adresse|address|postanschrift|stra(?:ß|ss)e|plz(?:\s*\/\s*|\s+und\s+)?ort|ort|sitz|standort)\s*:\s*/i;

function decoded(mail: string): string {
  try {
    return decodeURIComponent(mail).trim();
  } catch {
    return mail.trim();
  }
}

/** A line of the provider's block that is not their name nor their company's: an address, a heading, a label. */
const notTheProvider = (line: string) =>
  STREET.test(line) ||
  NOT_A_NAME.test(line) ||
  PHONE_LABEL.test(line) ||
  MAIL.test(line) ||
  line.includes('§') ||
  LABELS.some(([label]) => label.test(line));

/**
 * A business's name of one word and what it does, parted by a dash or a bar ("Alt – Design & Code", "Pixelwerk |
 * Webdesign"): one line, the company's name. Not a heading's ("Impressum | Anna Alt", "Kontakt – …").
 */
function brandLine(line: string): boolean {
  const parts = line.trim().split(PARTS);
  const first = parts[0] ?? '';
  return (
    parts.length === 2 &&
    /^\p{Lu}[\p{L}&.-]*$/u.test(first) &&
    !/\d/.test(parts[1] ?? '') &&
    !START.test(first) &&
    !END.test(first) &&
    !NOT_A_NAME.test(first)
  );
}

export function readImprint(clues: ImprintClues, pageUrl: string): ContactDraft | null {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return null;
  }
  // A line per line break, and per part of a line parted by dots, bars or dashes ("Anna Alt · Musterweg 3 · 50667
  // Köln", as a footer writes it) but a phone's line, whose number may be written so ("0221 – 123 45 67"); without
  // the comma an address's lines end in ("Musterstraße 1,").
  // A business's one-word name with what it does after a dash or bar ("Alt – Design & Code") stays one line; a
  // legal form alone on a line ends the company's name above it ("… Steuerberatungsgesellschaft" / "mbH").
  const all = clues.text
    .split('\n')
    .flatMap((l) => (PHONE_LABEL.test(l.trim()) || brandLine(l) ? [l] : l.split(PARTS)))
    .map((l) =>
      l
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/\s*[,;]$/, ''),
    )
    .filter(Boolean)
    .reduce<string[]>((out, l) => {
      if (legalFormOnly(l) && out.length) out.push(`${out.pop()} ${l}`);
      else out.push(l);
      return out;
    }, []);
  const endAt = all.findIndex((l, i) => i > 2 && END.test(l));
  const lines = endAt < 0 ? all : all.slice(0, endAt);

  let name: { value: string; rank: number } | undefined;
  let role: string | undefined;
  let salutation: string | undefined;
  let location: string | undefined;
  const phones: string[] = [];
  /**
   * Who a line names, at the rank of how it names them; their role from the label, else from the line, and the
   * salutation the line addresses them with.
   */
  const offer = (value: string | undefined, rank: number, label?: string, said?: string, saluted?: string) => {
    if (!value || (name && name.rank <= rank)) return;
    // The same person named again, better ranked ("Hans Muster, Inhaber" in the provider's block, below the label
    // that named them): the role and salutation found before stay.
    const again = name?.value === value;
    name = { value, rank };
    role = (label ? roleOf(label) : undefined) ?? said ?? (again ? role : undefined);
    salutation = saluted ?? (again ? salutation : undefined);
  };

  lines.forEach((line, i) => {
    const next = lines[i + 1] ?? '';
    for (const [label, rank] of LABELS) {
      const m = label.exec(line);
      if (!m) continue;
      // "Geschäftsführer: Anna Alt"; the label alone, or ending in a reference ("… nach § 18 Abs. 2 MStV"), and the
      // name on the next line; "Inh. Anna Alt", "Vertreten durch den Geschäftsführer Ben Berg".
      // The colon after the label (not one inside it: "Inhaber:in: …").
      const colon = line.indexOf(':', m[0].length);
      // "Vertreten durch den Geschäftsführer Ben Berg": the office named after the label is the role.
      const office = colon >= 0 ? undefined : OFFICE_NAMED.exec(line.slice(m[0].length));
      const rest =
        colon >= 0 ? line.slice(colon + 1).trim() : line.slice(m[0].length + (office?.[0].length ?? 0)).trim();
      const source = (colon >= 0 && rest) || personIn(rest) ? rest : line.length < 80 ? next : '';
      const named = namedIn(source);
      offer(named?.person, rank, office?.[1] ?? m[0], named?.role ?? roleAfter(source), named?.salutation);
    }
    const phone = PHONE_LABEL.exec(line);
    if (phone && phones.length < 2) {
      const number = numberIn(line.slice(phone[0].length) || next);
      if (number && !phones.some((p) => phoneDigits(p) === phoneDigits(number))) phones.push(number);
    }
  });

  // The provider's block: the lines after the notice's start (and what a start says after a colon, "Angaben gemäß
  // § 5 DDG: Anna Alt"), up to the town of their address. A company is the one labelled so ("Firma: …"), else the
  // line with a legal form, else the first line that is not the person's, nor an address, a label or a heading.
  const at = Math.max(
    0,
    lines.findIndex((l) => START.test(l)),
  );
  const others: { line: string; person: string | undefined; namesake?: string | undefined }[] = [];
  // What they do, where the notice says it: the line below the name ("Freie Übersetzerin"), else the title it gives.
  const profession = lines.map((l) => PROFESSION.exec(l)?.[1]?.trim()).find(Boolean);
  let trade: string | undefined;
  let labelled: string | undefined;
  provider: for (const raw of lines.slice(at, at + 10)) {
    const colon = raw.indexOf(':');
    const whole = START.test(raw) ? (colon >= 0 ? raw.slice(colon + 1).trim() : '') : raw;
    // "Anna Alt, Musterweg 3, 50667 Köln": the parts of a line with the town each read as a line of their own.
    for (const part of TOWN.test(whole) ? whole.split(/\s*,\s*/) : [whole]) {
      const field = FIELD.exec(part);
      const line = field ? part.slice(field[0].length) : part;
      if (!line) continue;
      if (field?.[2]) {
        labelled ??= line;
        continue;
      }
      const town = TOWN.exec(line);
      if (town) {
        location = town[1]?.trim();
        break provider;
      }
      const afterName = !!(others.at(-1)?.person || others.at(-1)?.namesake);
      // Offices alone below the name ("Gründer & CEO") are theirs, though a label's words ("Gründer: …").
      if (!(afterName && rolesOnly(line)) && notTheProvider(line)) continue;
      const belowName =
        afterName && (OCCUPATION.test(line) || fieldsOnly(line) || professionFirst(line) || rolesOnly(line));
      if (TRADE.test(line) || belowName || (profession && line.toLowerCase() === profession.toLowerCase())) {
        trade ??= line;
        continue;
      }
      const named = namedIn(line);
      const person = named?.person;
      // A business named after its owner names them, and stays the company.
      const namesake = person ? undefined : namesakeOfBusiness(line);
      offer(person ?? namesake, 1, undefined, person ? (named?.role ?? roleAfter(line)) : undefined, named?.salutation);
      others.push({ line, person, namesake });
    }
  }
  // Not the chosen person's line, however written ("Dipl.-Ing. (FH) Thomas Muster" is Dipl.-Ing. Thomas Muster).
  const company =
    labelled ??
    others.find((o) => namesOrganisation(o.line))?.line ??
    others.find((o) => !name || (o.person !== name.value && o.line !== name.value))?.line;
  location ??= lines.map((l) => TOWN.exec(l)?.[1]?.trim()).find(Boolean);

  // A mail link first, one of the site's own domain before others; else an address the text writes out.
  const host = url.hostname.replace(/^www\./, '');
  const written = lines
    .filter((l) => /^(?:e-?mail|mail)\b/i.test(l) || MAIL.test(l))
    .map((l) => normalizeMail(MAIL.exec(l)?.[0] ?? ''));
  const email = [...clues.mails.map(decoded), ...written]
    .filter(isEmailAddress)
    .sort((a, b) => Number(!a.toLowerCase().endsWith(host)) - Number(!b.toLowerCase().endsWith(host)))[0];
  const chosen = name && unshouted(name.value);
  if (!chosen && !company) return null;
  const link = pageLink(url.origin);
  const draft: ContactDraft = { name: chosen ?? '' };
  // The professional title is the named person's: a company's alone is nobody's job.
  const does = role ?? trade ?? (chosen ? profession : undefined);
  if (does) draft.role = does;
  if (company && company !== chosen) draft.company = company;
  if (location) draft.location = unshouted(location);
  if (email) draft.emails = [email];
  if (phones.length) draft.phones = phones;
  if (link) draft.profiles = [link];
  if (name && salutation) draft.salutation = salutation;
  return draft;
}
