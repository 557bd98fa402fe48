/**
 * The email addresses a file's email cell holds, as mail programs write them: one address, or several parted by
 * commas or semicolons, a name with its address ("Anna Alt <anna@alt.de>"), read by nodemailer's address parser (the
 * list written down reads its lines with it too). A cell it finds no address in that still has an @ is kept as
 * written, as the importers always kept one: nothing a file holds is lost.
 */
import addressparser from 'nodemailer/lib/addressparser';
import { isAddress, isEmailAddress } from '../contacts/normalize';

export function addressesIn(cell: string): string[] {
  const text = cell.trim();
  if (isEmailAddress(text)) return [text];
  const found = addressparser(text, { flatten: true }).flatMap((e) => (isEmailAddress(e.address) ? [e.address] : []));
  return found.length ? found : isAddress(text) ? [text] : [];
}
