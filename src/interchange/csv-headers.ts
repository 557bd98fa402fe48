/**
 * What a CSV file's header says each column holds: the names exports and lists give their columns, in English and
 * German first, then French, Spanish, Italian, Dutch and Polish, and the words of email, phone and web address
 * columns; a header about another column's value ("E-mail 1 - Type") or someone else's ("Assistant's Phone") holds
 * none of the person's.
 */
import { handleUrl } from '../contacts/handles';
import type { ColumnRole } from './csv-fields';

/** A header's words: in lower case, punctuation as spaces ("E-Mail-Adresse" → "e mail adresse"). */
export const headerWords = (h: string) =>
  h
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Column names by role: English and German exports first, then the French, Spanish, Italian, Dutch and Polish
 * names of the same columns; where several columns have one role, all are read.
 */
const NAMES: Partial<Record<ColumnRole, readonly string[]>> = {
  name: [
    'name',
    'display name',
    'full name',
    'anzeigename',
    'kontaktname',
    'vorname nachname',
    // A company list's person ("Firma;Ansprechpartner;Telefon"), often written with the salutation.
    'ansprechpartner',
    'ansprechpartnerin',
    'ansprechpartner in',
    'kontaktperson',
    'contact person',
    'contact name',
    'file as',
    'nom complet',
    'nombre completo',
  ],
  // "Nachname, Vorname": one column, family name first.
  familyFirst: ['nachname vorname', 'name vorname', 'last name first name', 'surname first name'],
  first: ['first name', 'given name', 'vorname', 'rufname', 'prénom', 'nombre', 'nome', 'voornaam', 'imię'],
  middle: ['middle name', 'additional name', 'weitere vornamen', 'deuxième prénom', 'segundo nombre'],
  last: [
    'last name',
    'family name',
    'surname',
    'nachname',
    'familienname',
    'zuname',
    'nom',
    'apellidos',
    'apellido',
    'cognome',
    'achternaam',
    'nazwisko',
  ],
  // A German list's "Titel" beside its "Anrede" is the academic one (Dr., Prof.); the job is its "Position".
  prefix: ['name prefix', 'anrede', 'salutation', 'titel', 'civilité', 'tratamiento'],
  suffix: ['name suffix', 'suffix', 'namenszusatz'],
  company: [
    'company',
    'organization',
    'organisation',
    'organization name',
    'company name',
    'firmenname',
    'organization 1 name',
    'firma',
    'unternehmen',
    'arbeitgeber',
    'name des unternehmens',
    'société',
    'entreprise',
    'empresa',
    'azienda',
    'bedrijf',
  ],
  role: [
    'occupation',
    'arbeitstitel',
    'beruf',
    'position',
    'job title',
    'title',
    'organization title',
    'organization 1 title',
    'berufsbezeichnung',
    'jobtitel',
    'job',
    'role',
    'rolle',
    'funktion',
    'fonction',
    'poste',
    'cargo',
    'puesto',
    'posizione',
    'ruolo',
    'functie',
    'stanowisko',
  ],
  notes: [
    'notes',
    'note',
    'comments',
    'notizen',
    'notiz',
    'bemerkung',
    'bemerkungen',
    'anmerkungen',
    'kommentar',
    'beschreibung',
    'description',
    'memo',
    'info',
    'infos',
    'sonstiges',
    'remarques',
    'notas',
    'opmerkingen',
    'notatki',
  ],
  birthday: [
    'birthday',
    'date of birth',
    'birth date',
    'birthdate',
    'dob',
    'geburtstag',
    'geburtsdatum',
    'geb datum',
    'geb',
    'anniversaire',
    'date de naissance',
    'cumpleaños',
    'fecha de nacimiento',
    'compleanno',
    'data di nascita',
    'verjaardag',
    'geboortedatum',
    'urodziny',
    'data urodzenia',
  ],
  // Thunderbird's birthday in three columns; in German, "Geburtstag" beside the other two is the day.
  birthYear: ['birth year', 'geburtsjahr'],
  birthMonth: ['birth month', 'geburtsmonat'],
  birthDay: ['birth day'],
  labels: [
    'labels',
    'group membership',
    'categories',
    'tags',
    'kategorien',
    'kategorie',
    'category',
    'gruppe',
    'gruppen',
    'gruppenzugehörigkeit',
    'group',
    'groups',
    'catégories',
    'categorías',
    // Reconnect's own list for a spreadsheet (writeSheetCsv).
    'circles',
    'kreise',
  ],
  town: [
    'location',
    'ort',
    'wohnort',
    'stadt',
    'stadt ort',
    'city',
    'address 1 city',
    'home city',
    'business city',
    'work city',
    'ort geschäftlich',
    'ort privat',
    'plz ort',
    'plz und ort',
    'plz wohnort',
    'privat ort',
    'dienstlich ort',
    'ville',
    'ciudad',
    'città',
    'plaats',
    'woonplaats',
    'miasto',
  ],
  // A whole postal address in one cell (a list's "Adresse", "Anschrift"): the person's location, as written, where no
  // town column says it (csv-fields.ts).
  address: [
    'address 1 formatted',
    'address',
    'adresse',
    'anschrift',
    'postanschrift',
    'adresse privat',
    'adresse geschäftlich',
    'privatadresse',
    'geschäftsadresse',
    'home address',
    'business address',
    'indirizzo',
    'dirección',
    'adres',
    'adres zamieszkania',
  ],
  photo: ['photo', 'foto', 'photo link', 'foto link'],
  metVia: [
    'how we met',
    'met at',
    'met via',
    'where we met',
    'kennengelernt',
    'kennengelernt bei',
    'kennengelernt über',
    'wie kennengelernt',
    'wie wir uns kennen',
    'woher bekannt',
    'woher',
  ],
  cadence: [
    'cadence',
    'contact cadence',
    'get in touch',
    'frequency',
    'contact frequency',
    // "Melden": the German label before "Wie oft melden", in the spreadsheets exported then.
    'melden',
    'wie oft melden',
    'kontaktrhythmus',
    'rhythmus',
    'kontaktintervall',
    'intervall',
    'turnus',
    'frequenz',
    'wie oft',
  ],
  introducedBy: [
    'introduced by',
    'referred by',
    'vorgestellt von',
    'empfohlen von',
    'vermittelt von',
    'empfehlung von',
  ],
  // The contact form's "Nachfassen am" / "Follow up on" (a spreadsheet's list's heading), and what lists call it.
  followUp: [
    'follow up',
    'followup',
    'follow up on',
    'follow up date',
    'next contact',
    'next follow up',
    'next touch',
    'wiedervorlage',
    'wiedervorlage am',
    'nächster kontakt',
    'nächster kontakt am',
    'nachfassen',
    'nachfassen am',
    'prochain contact',
    'relance',
    'próximo contacto',
    'prossimo contatto',
    'volgend contact',
    'następny kontakt',
  ],
  // What the follow-up is about: the spreadsheet list's heading, and a list's next step.
  followUpNote: [
    'nachfassen worum es geht',
    'follow up about',
    'nächster schritt',
    'nächste schritte',
    'next step',
    'next steps',
    'wiedervorlage grund',
    'wiedervorlage notiz',
    'follow up note',
  ],
  lastContact: [
    'last contact',
    'last contacted',
    'last contact date',
    'date of last contact',
    'last touch',
    'letzter kontakt',
    'zuletzt kontaktiert',
    'letzter kontakt am',
    'kontaktiert am',
    'zuletzt gesprochen',
    'letztes gespräch',
    'letztes treffen',
    'dernier contact',
    'último contacto',
    'ultimo contatto',
    'laatste contact',
    'ostatni kontakt',
  ],
};

/** Google's names for its labels column (now and before): its cells separate labels with " ::: " alone. */
export const GOOGLE_LABELS: readonly string[] = ['labels', 'group membership'];

/** Not the value itself but what kind it is or how it is shown ("E-mail Type", "E-Mail-Typ", "E-Mail: Angezeigter Name"). */
export const ABOUT_VALUE = /(type|label|display|(^| )typ( |$)|angezeigt|anzeige)/;
/**
 * Words (headerWords) that say a value is not the person's to reach them by: someone else's (Outlook's "Assistant's
 * Phone", "Telefon Assistent"), or a fax number ("Business Fax", "Telefax"), no one's to call. A header's, or a
 * label's beside a value (Google's "Phone 1 - Label: Work Fax").
 */
export const notThePersons = (words: string) => /assist|fax/.test(words);
/** Whether a header names what kind another column's value is or how it is shown, or a value not the person's. */
export const aboutAnother = (h: string) => ABOUT_VALUE.test(h) || notThePersons(h);
/** Headers that name an email column, a phone column, a column of web addresses, in the words they are written in. */
const EMAIL = /(^| )((e ?)?mail(adresse)?|email address|courriel|correo electrónico|correo|posta elettronica)( |$)/;
// "Phonetic First Name" (Google's export: a name's pronunciation) is no phone column.
const PHONE =
  /(phone(?!tic)|mobil|telefon|handy|natel|festnetz|(^| )(tel|cell|fon)( |$)|téléphone|teléfono|telefono|móvil|cellulare|portable|telefoon)/;
// A list's column of profile links named by its site ("XING-Profil", "LinkedIn"), Outlook's "Personal Web Page".
const URL_COLUMN =
  /^(url|web ?page|website|web ?seite|internetseite|internet( |$)|homepage|site web|sitio web|sito web|profile url|profil)|(^| )(xing|linkedin|github|mastodon|twitter|facebook|instagram|web page|website|homepage)( |$)/;

/**
 * A column named by a site ("Twitter", "GitHub-Name", "XING", "Mastodon"): a handle in it, as a list writes it
 * ("@anna", "anna-alt", "Anna_Alt", "@anna@social.example"), as that site's profile link; any other value as it is.
 */
export function handleLink(header: string, value: string): string {
  for (const site of headerWords(header).split(' ')) {
    const link = handleUrl(site, value);
    if (link) return link;
  }
  return value;
}

/**
 * The role of a column by its header's words (headerWords): a name an export gives it, else none where the header
 * is about another value or someone else's, else an email, phone or web address column by its words.
 */
export function roleOf(h: string): ColumnRole {
  for (const [role, names] of Object.entries(NAMES)) if (names.includes(h)) return role as ColumnRole;
  if (aboutAnother(h)) return 'ignore';
  return EMAIL.test(h) ? 'email' : PHONE.test(h) ? 'phone' : URL_COLUMN.test(h) ? 'url' : 'ignore';
}

/** Each column's role, from the header row. */
export function rolesFromHeader(header: string[]): ColumnRole[] {
  // A header with a hint in brackets, "Geburtstag (TT.MM.JJJJ)", "Name (Nachname)", is read by its words before them,
  // unless the brackets say the column is about another value or someone else's ("E-Mail (Anzeigename)").
  const names = header.map((h) => {
    const n = headerWords(h);
    return roleOf(n) !== 'ignore' || aboutAnother(n) ? n : headerWords(h.replace(/\([^)]*\)/g, ''));
  });
  // Outlook's "Title" is the name prefix (Mr., Dr.), not a job title, when "Job Title" is also there.
  const outlook = names.includes('job title');
  const roles = names.map((h) => (outlook && h === 'title' ? 'prefix' : roleOf(h)));
  // "Name" beside a first name and no last name ("Name;Vorname", as German lists have it) is the family name.
  const family = roles.includes('first') && !roles.includes('last');
  // "Geburtstag" beside "Geburtsjahr" and "Geburtsmonat" (German Thunderbird's) is the day of the month.
  const day = roles.includes('birthMonth') && !roles.includes('birthDay') ? roles.indexOf('birthday') : -1;
  return roles.map((r, i) => (family && r === 'name' && names[i] === 'name' ? 'last' : i === day ? 'birthDay' : r));
}
