/**
 * Folds text for matching and search: case-, accent- and umlaut-insensitive, so that
 * "Müller" = "Mueller" = "muller" and "José" = "jose". Both sides of every comparison go through here.
 */
export function fold(text: string): string {
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
  return fold(name).replace(/[^\p{L}\p{N} ]+/gu, '');
}

/** Name + company identity used for matching when there is no profile URL or email in common. */
export function matchKey(name: string, company?: string): string {
  return `${sortKey(name)}|${company ? sortKey(company) : ''}`;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
