/**
 * The email addresses a file's email cell holds, and the name a cell gives with one, as mail programs write them:
 * one address, or several parted by commas or semicolons, a name with its address ("Anna Alt <anna@alt.de>"), read
 * by nodemailer's address parser (the list written down reads its lines with it too). Addresses parted otherwise, as
 * spreadsheets hold them ("anna@alt.de / anna@work.example", one a line in a cell, "… oder …"), the parser reads as
 * the first one's display name: they are taken from there too. A cell it finds no address in that still has an @ is
 * kept as written, as the importers always kept one: nothing a file holds is lost.
 */
import addressparser from 'nodemailer/lib/addressparser';
import { firstLast } from '../contacts/name-order';
import { isAddress, isEmailAddress } from '../contacts/normalize';

export function addressesIn(cell: string): string[] {
  // A mail link's address ("mailto:anna@alt.de?subject=…", a link copied from a site): the address alone.
  const text = cell.trim().replace(/^mailto:([^?]*)(?:\?.*)?$/is, '$1');
  if (isEmailAddress(text)) return [text];
  const found = addressparser(text, { flatten: true })
    .flatMap((e) => [e.address, ...addressesInName(e.name)])
    .filter(isEmailAddress);
  return found.length ? [...new Set(found)] : isAddress(text) ? [text] : [];
}

/** The addresses the parser left in a display name: "/ anna@work.example", "oder b@y.de", a second line's. */
const addressesInName = (name: string) => (name.includes('@') ? name.split(/[\s/|()<>",;]+/) : []);

/** The addresses of several email cells or properties, each once. */
export const addressesOf = (cells: readonly string[]): string[] => [...new Set(cells.flatMap(addressesIn))];

/**
 * The name a cell gives with its one address ("Anna Alt <anna@alt.de>", '"Müller, Jürgen" <j@mueller.de>' as
 * "Jürgen Müller"); '' for a cell that is not one named address.
 */
export function nameWithAddress(cell: string): string {
  const text = cell.trim();
  if (!text.includes('<') || !text.includes('@')) return '';
  const found = addressparser(text, { flatten: true });
  const one = found.length === 1 ? found[0] : undefined;
  // A "name" holding an address is a second address the cell gives, not a name ("Anna Alt <a@alt.de> / b@alt.de").
  return one?.name && isEmailAddress(one.address) && !one.name.includes('@') ? firstLast(one.name) : '';
}
