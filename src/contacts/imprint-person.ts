/**
 * Who a line of a legal notice names and what they do (contacts/imprint.ts reads the notice with these): a person's
 * name as a notice writes it, a profession or a field of work before, after or below it, a business named after its
 * owner, and the salutation the notice gives them. German, Austrian and Swiss notices' words.
 */
import { isTitle, withoutTitles } from './normalize';
import { salutationIn, withoutSalutation } from './salutation';
import { namesOrganisation, wordsIfName } from './suggest';

/**
 * A line that says what someone does rather than a company's name: a freelancer's trade below her name ("Freie
 * Übersetzerin", "Freiberuflicher Fotograf").
 */
export const TRADE = /^(?:freie[rs]?|freiberufliche[rs]?|selbst(?:st)?ändige[rs]?|freelance)\s+\p{L}/iu;
/**
 * One word that names a person's occupation by its ending (Architekt, Fotografin, Übersetzer, Rechtsanwältin,
 * Heilpraktikerin, Journalist, Ingenieur, Zahnarzt): below a name it is what they do, not a company, which a single
 * word rarely is without its legal form.
 */
export const OCCUPATION = /^\p{Lu}\p{Ll}+(?:in|er|ist|eur|ent|ant|ekt|graf|loge|walt|arzt|ärztin)$/u;
/**
 * A profession's title as one word ("Rechtsanwältin", "Steuerberater", "Architekt", "Notar", "Zahnärztin"), which
 * the notices of the professions that must name it put before the name or after it ("Rechtsanwältin Erika Muster",
 * "Hans Muster, Architekt"). By the word's end: a first name never ends so (Peter, Martin and Katrin end as the
 * single-word OCCUPATION rule below a name allows).
 */
const PROFESSION_ENDING =
  /^[\p{Ll}-]*(?:(?:berater|prüfer|praktiker|übersetzer|dolmetscher|apotheker|therapeut|architekt|ingenieur|fotograf|designer|notar)(?:in)?|anwalt|anwältin|arzt|ärztin|bevollmächtigter?|sachverständiger?|psycholog(?:e|in))$/u;
/**
 * A profession as the chambers abbreviate it before a name ("RAin Erika Muster", "StB Dipl.-Kfm. Max Muster", "WP StB
 * …"): lawyer, tax adviser, auditor, sworn accountant. Written so, in these capitals, it is nobody's name.
 */
const PROFESSION_SHORT = /^(?:RA|StB|WP|vBP)(?:in)?$|^RAuN$/;
const isProfession = (word: string) =>
  PROFESSION_SHORT.test(word) || (/^\p{Lu}/u.test(word) && PROFESSION_ENDING.test(word.toLowerCase()));
/**
 * A word naming a field of work ("Webdesign", "Kommunikation", "IT-Beratung"), which makes a line a business's name,
 * never a person's ("Muster Webdesign"), or below a name what they do ("Grafikdesign").
 */
const FIELD_ENDING =
  /^[\p{Ll}-]*(?:design|beratung|fotografie|photography|marketing|medien|media|technik|services|consulting|kommunikation|werbung|management|software|solutions|entwicklung|programmierung|illustration|coaching|supervision|mediation|training|übersetzung|übersetzungen|lektorat|redaktion|texte|film|video|produktion)$/u;
const isFieldOfWork = (word: string) => FIELD_ENDING.test(word.toLowerCase());
/** Words that join two fields of work or professions: "Text & Design", "Rechtsanwalt und Notar". */
const JOINER = /^(?:und|&|\/|\+)$/;
/** Lines that head a part of the notice, say a country, or register the company: nobody's name. */
export const NOT_A_NAME =
  /^(?:kontakt(?:adresse|daten|angaben)?|contact|anschrift|adresse|address|postanschrift|sitz|deutschland|germany|österreich|austria|schweiz|switzerland|registergericht|handelsregister|registernummer|register|umsatzsteuer|ust|vat|steuernummer|aufsichtsbehörde|berufsbezeichnung|kammer)\b|:$/i;

/**
 * The offices of who runs a business, as a notice names them before the person ("Geschäftsführerin: …", "Gründer &
 * CEO"): the labels that name the site's owner (imprint.ts) and the roles read from them.
 */
export const OFFICES = ((her: string) =>
  [
    `geschäftsführende[rn]? gesellschafter${her}`,
    `geschäftsführer${her}`,
    `inhaber${her}`,
    `gesellschafter${her}`,
    `partner${her}`,
    `(?:mit)?gründer${her}`,
    'owner|proprietor|managing directors?|(?:co-)?founder|ceo',
  ].join('|'))(
  // The feminine ending, and the forms that name both ("Geschäftsführer*in", "Inhaber:in", "GeschäftsführerInnen").
  '(?:[*:_/]?in(?:nen)?)?',
);
const ROLE = new RegExp(`^(?:${OFFICES}|geschäftsführung|geschäftsleitung|vorsitzende[r]?|cto)`, 'i');

/** The label's word as the notice writes it ("Geschäftsführerin"), a role; not for "represented by" and the like. */
export function roleOf(label: string): string | undefined {
  const word = ROLE.exec(label.replace(/^vertretungsberechtigte[rn]?\s+|^\d\.\s*/i, ''))?.[0];
  // One person's office: a plural label's ("Geschäftsführer*innen: …") in the singular.
  return word ? (word.charAt(0).toUpperCase() + word.slice(1)).replace(/(in)nen$/i, '$1') : undefined;
}

/**
 * A name led by professions and titles, in whatever order a notice writes them ("Rechtsanwalt und Notar Dr. Max
 * Muster", "StB Dipl.-Kfm. Max Muster", "Dipl.-Ing. Architektin Erika Muster"): the name with its titles, and the
 * professions.
 */
function withoutProfessions(value: string): { name: string; role?: string } {
  const words = value.split(' ');
  const titles: string[] = [];
  const role: string[] = [];
  let n = 0;
  for (; n < words.length; n++) {
    const word = words[n] ?? '';
    if (isProfession(word)) role.push(word);
    else if (role.length && JOINER.test(word) && isProfession(words[n + 1] ?? '')) role.push(word);
    else if (isTitle(word)) titles.push(word);
    else break;
  }
  const name = [...titles, ...words.slice(n)].join(' ');
  return role.length ? { name, role: role.join(' ') } : { name };
}

/**
 * Whom a value names, as a person's name: the first of several ("Anna Alt, Ben Berg"), without "(Anschrift wie
 * oben)", without the "Herr" or "Frau" a notice addresses them with (a title, "Dr.", is part of a name as written)
 * and without the professions before it, which are their role ("Rechtsanwältin Erika Muster").
 */
export function namedIn(value: string): { person: string; role?: string; salutation?: string } | undefined {
  const cleaned = value
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const unsaluted = withoutSalutation(cleaned);
  // The salutation the notice addresses them with ("Inhaberin: Frau Erika Muster", "Herrn Dr. …"): theirs.
  const salutation = salutationIn(cleaned.slice(0, cleaned.length - unsaluted.length));
  const { name, role } = withoutProfessions(unsaluted);
  const first = name.split(/,|;|\s(?:und|and|sowie|&)\s/)[0]?.trim();
  if (!first || namesOrganisation(first) || NOT_A_NAME.test(first)) return undefined;
  if (first.split(' ').some(isFieldOfWork)) return undefined;
  const words = wordsIfName(withoutTitles(first));
  if (!words || words.length < 2) return undefined;
  return { person: first, ...(role ? { role } : {}), ...(salutation ? { salutation } : {}) };
}

/** A value as a person's name (namedIn). */
export const personIn = (value: string) => namedIn(value)?.person;

/** A line of offices only, each whole, below a name: "Gründer & CEO", "Inhaberin und Geschäftsführerin". */
export const rolesOnly = (line: string) =>
  line.split(/\s*(?:,|&|\/|\+|\sund\s|\sand\s)\s*/).every((part) => roleOf(part)?.length === part.length);

/** A line of fields of work only ("Grafikdesign", "Texte, Lektorat & Übersetzungen"): what someone does. */
export const fieldsOnly = (line: string) => {
  const words = line.split(/[\s,]+/).filter(Boolean);
  return isFieldOfWork(words[0] ?? '') && words.every((w) => isFieldOfWork(w) || JOINER.test(w));
};

/**
 * A line that says what someone is by a profession first ("Fachärztin für Innere Medizin", "Diplom-Designer (FH)"):
 * below a name, what they do.
 */
export const professionFirst = (line: string) => isProfession(line.split(' ')[0] ?? '') && !namesOrganisation(line);

/** A business's word before its owner's name: "Praxis Dr. Erika Muster", "Kanzlei Max Muster", "Atelier …". */
const OWNED = /^(?:praxis|kanzlei|studio|atelier|büro|agentur|werkstatt)\s+/i;

/**
 * The person a business is named after: before its fields of work ("Anna Alt Webdesign", "Erika Muster Text &
 * Design"), or after the word for their practice ("Praxis Dr. Erika Muster").
 */
export function namesakeOfBusiness(line: string): string | undefined {
  const owned = OWNED.exec(line);
  if (owned) return personIn(line.slice(owned[0].length));
  const words = line.split(' ');
  let n = words.length;
  while (n > 0 && (isFieldOfWork(words[n - 1] ?? '') || JOINER.test(words[n - 1] ?? ''))) n--;
  return n < words.length && n >= 2 ? personIn(words.slice(0, n).join(' ')) : undefined;
}

/**
 * What a person's line says they are after their name: "Hans Muster, Inhaber", "Eva Muster, Architektin", "Max
 * Muster (Geschäftsführer)".
 */
export function roleAfter(value: string): string | undefined {
  const bracketed = [...value.matchAll(/\(([^)]*)\)/g)].map((m) => m[1] ?? '');
  for (const part of [...value.split(',').slice(1), ...bracketed].map((p) => p.trim())) {
    const role = roleOf(part) ?? (isProfession(part) ? part : undefined);
    if (role) return role;
  }
  return undefined;
}
