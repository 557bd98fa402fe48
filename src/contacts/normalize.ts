/**
 * Folds text for matching and search: case-, accent- and umlaut-insensitive, so that
 * "Müller" = "Mueller" = "muller" and "José" = "jose". Both sides of every comparison go through here.
 */
export function fold(text: string): string {
  // ASCII (most names, companies and notes) has no ß, no accents and nothing NFKD changes: the costly steps are
  // skipped, with the same result (a property test holds the two ways equal).
  if (ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/([aou])e/g, '$1')
      .replace(/\s+/g, ' ')
      .trim();
  return foldAny(text);
}

/** Only ASCII: no character at or above U+0080 (surrogates included). */
const ASCII = /^[^\u0080-\uffff]*$/;

/** fold without the ASCII shortcut (exported for the test that holds the two equal). */
export function foldAny(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/([aou])e/g, '$1')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** The key a contact list is sorted by: folded, but with word order as written. */
export function sortKey(name: string): string {
  const folded = fold(name);
  return ASCII.test(name) ? folded.replace(/[^a-z0-9 ]+/g, '') : folded.replace(/[^\p{L}\p{N} ]+/gu, '');
}

/** sortKey without the ASCII shortcut (exported for the test that holds the two equal). */
export function sortKeyAny(name: string): string {
  return foldAny(name).replace(/[^\p{L}\p{N} ]+/gu, '');
}

/** A title before a name: an abbreviation ("Dr.", "Dipl.-Ing.", "rer.", "Hr."), or one written without its dot. */
const TITLE = /^(?:[\w.-]*[a-z]{2}\.|dr|prof|herr|frau|mrs?|ms)$/i;
/** A word a name may start with that is not the person's name: "Dr.", "Prof.", "Dipl.-Ing.", "Herr". */
export const isTitle = (word: string) => TITLE.test(word);

/**
 * A name without the titles before it ("Prof. Dr. Anna Schmidt" → "Anna Schmidt"): whom a greeting, initials and
 * the list's name order are of. A name of titles only keeps its last word.
 */
export function withoutTitles(name: string): string {
  let rest = name.trim();
  for (let word = /^(\S+)\s+/.exec(rest); word && isTitle(word[1] ?? ''); word = /^(\S+)\s+/.exec(rest))
    rest = rest.slice(word[0].length);
  return rest;
}

/** The words of a name without the titles before it (withoutTitles). */
export const nameWords = (name: string): string[] => withoutTitles(name).split(/\s+/);

/**
 * Name + company identity used for matching when there is no profile URL or email in common; the titles before a
 * name aside ("Dr. Anna Alt" on her XING profile is the Anna Alt saved), as everywhere a name is matched.
 */
export function matchKey(name: string, company?: string): string {
  return `${sortKey(withoutTitles(name))}|${company ? sortKey(company) : ''}`;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * A phone number's digits and leading +, the "(0)" of an international number left out (the trunk prefix, not
 * dialled from abroad): "+49 (0)30 123 45-67", "+49 30 1234567" and "+49301234567" are one number.
 */
export function phoneDigits(phone: string): string {
  const p = phone.trim();
  return (p.startsWith('+') ? p.replace(/\(\s*0\s*\)/g, '') : p).replace(/(?!^\+)[^\d]/g, '');
}

/**
 * A phone number as the importers take one: anything with a digit ("0228 123456", "+49 171 …", "110"), so a list's
 * "privat", "k. A." or "siehe Notiz" in a phone column is no number to call (said, and left out), while whatever a
 * number is written with is kept as written.
 */
export const isPhoneNumber = (v: string) => /\p{Nd}/u.test(v);

/**
 * Digits enough for a whole number to call, an area code's and a subscriber's (6 or more): not an area code written
 * apart ("0228 / 123456" is one number), an extension ("Durchwahl 12") or a house number.
 */
export const isWholeNumber = (v: string) => (v.match(/\d/g)?.length ?? 0) >= 6;

/** An email address as the importers take one: anything with an @, so that nothing a file or server holds is lost. */
export const isAddress = (v: string) => v.includes('@');

/**
 * One email address as a person writes it, the rule of every form, of the list written down and of the links: a
 * part before a single @ and a host after it (an intranet's dotless host included), with no space and none of the
 * characters that enclose an address or separate several (< > " , ;).
 */
export const isEmailAddress = (v: string) => /^[^\s@<>",;]+@[^\s@<>",;]+$/.test(v.trim());
