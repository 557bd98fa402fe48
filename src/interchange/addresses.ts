/**
 * The email addresses a file's email cell holds, and the name a cell gives with one, as mail programs write them:
 * one address, or several parted by commas or semicolons, a name with its address ("Anna Alt <anna@alt.de>"), read
 * by nodemailer's address parser (the list written down reads its lines with it too). A cell it finds no address in
 * that still has an @ is kept as written, as the importers always kept one: nothing a file holds is lost.
 */
import addressparser from 'nodemailer/lib/addressparser';
import { firstLast } from '../contacts/name-order';
import { isAddress, isEmailAddress } from '../contacts/normalize';

export function addressesIn(cell: string): string[] {
  const text = cell.trim();
  if (isEmailAddress(text)) return [text];
  const found = addressparser(text, { flatten: true }).flatMap((e) => (isEmailAddress(e.address) ? [e.address] : []));
  return found.length ? found : isAddress(text) ? [text] : [];
}

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
  return one?.name && isEmailAddress(one.address) ? firstLast(one.name) : '';
}
