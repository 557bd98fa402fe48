/**
 * The email addresses a file's email cell holds, and the name a cell gives with one, as mail programs write them:
 * one address, or several parted by commas or semicolons, a name with its address ("Anna Alt <anna@alt.de>"), read
 * by nodemailer's address parser (the list written down reads its lines with it too). A cell it finds no address in
 * that still has an @ is kept as written, as the importers always kept one: nothing a file holds is lost.
 */
import addressparser from 'nodemailer/lib/addressparser';
import { isAddress, isEmailAddress } from '../contacts/normalize';

export function addressesIn(cell: string): string[] {
  const text = cell.trim();
  if (isEmailAddress(text)) return [text];
  const found = addressparser(text, { flatten: true }).flatMap((e) => (isEmailAddress(e.address) ? [e.address] : []));
  return found.length ? found : isAddress(text) ? [text] : [];
}

/** The addresses of several email cells or properties, each once. */
export const addressesOf = (cells: readonly string[]): string[] => [...new Set(cells.flatMap(addressesIn))];

/** A part of a name: words of letters, with hyphens, apostrophes and dots ("Dr.", "O'Neill", "Müller-Lüdenscheidt"). */
const NAME_PART = /^\p{L}[\p{L}\p{M}'’. -]*$/u;

/** What follows a name after a comma without being a given name ("Jürgen Müller, Jr.", "Anna Alt, PhD"). */
const NAME_SUFFIX = /^(?:jr|sr|jun|sen|ii|iii|iv|esq|phd|md|mba)\.?$/i;

/**
 * A display name as a person is written: Outlook's directories put the family name first ("Müller, Jürgen"), which
 * is turned round ("Jürgen Müller"); anything else is kept as written, a suffix after a comma too ("Jürgen Müller,
 * Jr.").
 */
export function firstLast(name: string): string {
  const parts = name.trim().split(',');
  const [family, given] = parts.map((p) => p.trim());
  return parts.length === 2 &&
    family &&
    given &&
    NAME_PART.test(family) &&
    NAME_PART.test(given) &&
    !NAME_SUFFIX.test(given)
    ? `${given} ${family}`
    : name.trim();
}

/**
 * The name a cell gives with its one address ("Anna Alt <anna@alt.de>", '"Müller, Jürgen" <j@mueller.de>' as
 * "Jürgen Müller"); '' for a cell that is not one named address.
 */
export function nameWithAddress(cell: string): string {
  const text = cell.trim();
  if (!text.includes('<') || !text.includes('@')) return '';
  const found = addressparser(text, { flatten: true });
  const one = found.length === 1 ? found[0] : undefined;
  return one?.name && isEmailAddress(one.address) ? firstLast(one.name) : '';
}
