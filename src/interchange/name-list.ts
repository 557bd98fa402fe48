/**
 * A list of people written down or pasted (the Data tab's "write them down"): one per line, a name, or a name with
 * an email address as mail programs write and copy them ("Anna Alt <anna@alt.de>", several on a line parted by
 * commas or semicolons, "Anna Alt, anna@alt.de"). A list as a notes app writes it is read past its bullets and
 * numbers, names parted by semicolons are several people, and what a line says after a name ("Anna Alt –
 * Physiotherapeutin", "Ben Berg (Kunde)") is kept as the person's note. The addresses are read by nodemailer's
 * address parser, which reads what mail programs put on the clipboard (groups, quoted names, comments); a name
 * Outlook writes family name first is turned round. A line that cannot become people is said with its number, and nothing of the list is taken until it
 * is mended.
 */
import addressparser from 'nodemailer/lib/addressparser';
import type { ContactDraft } from '../contacts/fields';
import { firstLast } from '../contacts/name-order';
import { isEmailAddress, normalizeEmail, sortKey } from '../contacts/normalize';

/** Why a line cannot become people. */
type LineProblem =
  | { kind: 'noName'; address: string }
  | { kind: 'badAddress'; address: string }
  | { kind: 'unclear' }
  | { kind: 'columns' };
/** A problem with its line's number (from 1). */
export type NameListProblem = LineProblem & { line: number };

export interface NameList {
  /** Each person once (names folded as matching folds them), with every address the list gives them. */
  people: ContactDraft[];
  problems: NameListProblem[];
}

/** A list's bullet before a name ("- ", "• ", "* "). */
const BULLET = /^[-–—*•·▪◦‣+]\s+/;
/** A numbered list's number before a name ("1. ", "2) "): taken off where two lines or more are numbered. */
const NUMBER = /^\d{1,3}[.)]\s+/;

/**
 * A name and what the line says about the person after it: after a spaced dash ("Anna Alt – Physiotherapeutin"),
 * or in brackets at its end ("Ben Berg (Kunde)"). Names have neither; a line of nothing else is all name.
 */
function nameAndNote(written: string): { name: string; note?: string } {
  const dash = /\s(?:--?|[–—])\s/.exec(written);
  const bracket = /\s\(([^()]+)\)$/.exec(written);
  const cut = dash ?? bracket;
  const name = cut ? written.slice(0, cut.index).trim() : '';
  if (!cut || !name) return { name: written };
  const note = (dash ? written.slice(dash.index + dash[0].length) : (bracket?.[1] ?? '')).trim();
  return note ? { name, note } : { name };
}

export function readNameList(text: string): NameList {
  const people = new Map<string, ContactDraft>();
  const problems: NameListProblem[] = [];
  const add = (name: string, address?: string, note?: string) => {
    const key = sortKey(name);
    if (!key) return;
    const person = people.get(key) ?? { name };
    if (address && !person.emails?.some((e) => normalizeEmail(e) === normalizeEmail(address)))
      person.emails = [...(person.emails ?? []), address];
    // Written twice with something to say each time: both kept, once each.
    if (note && !person.notes?.split('\n').includes(note))
      person.notes = person.notes ? `${person.notes}\n${note}` : note;
    people.set(key, person);
  };
  const lines = text.split(/\r?\n/);
  const numbered = lines.filter((l) => NUMBER.test(l.trim())).length >= 2;
  for (const [at, raw] of lines.entries()) {
    const line = at + 1;
    let trimmed = raw.trim().replace(BULLET, '');
    if (numbered) trimmed = trimmed.replace(NUMBER, '');
    if (!trimmed) continue;
    // Cells copied from a spreadsheet: which is the name is the CSV import's question (its column mapping).
    if (trimmed.includes('\t')) {
      problems.push({ line, kind: 'columns' });
      continue;
    }
    const written = trimmed.replace(/\s+/g, ' ');
    if (!written.includes('@')) {
      // Names parted by semicolons, as between addresses, are several people.
      for (const part of written.split(/\s*;\s*/)) {
        const { name, note } = nameAndNote(part);
        add(name, undefined, note);
      }
      continue;
    }
    const problem = readAddresses(written, add);
    if (problem) problems.push({ line, ...problem });
  }
  return { people: [...people.values()], problems };
}

/** The people of a line with addresses, given to `add`; what the line lacks instead, and none of it added. */
function readAddresses(written: string, add: (name: string, address?: string) => void): LineProblem | undefined {
  // An address in brackets after a name ("Anna Alt (anna@alt.de)") is the person's address, not a comment (as a
  // mail program would read it, losing the address); a dash between them ("Anna Alt - anna@alt.de") is no name.
  const entries = addressparser(written.replace(/\(\s*([^()\s]+@[^()\s]+)\s*\)/g, '<$1>'), { flatten: true }).map(
    (e) => ({ name: firstLast(e.name.replace(/\s*[-–—:]+$/, '')), address: e.address }),
  );
  const found: [string, string | undefined][] = [];
  for (let i = 0; i < entries.length; i++) {
    const { name, address } = entries[i] as (typeof entries)[number];
    const next = entries[i + 1];
    // "Anna Alt, anna@alt.de": a name, then its address alone.
    if (!address && next?.address && !next.name) {
      found.push([name, next.address]);
      i++;
    } else found.push([name, address || undefined]);
  }
  for (const [name, address] of found) {
    if (name.includes('@')) return { kind: 'unclear' };
    if (address && !isEmailAddress(address)) return { kind: 'badAddress', address };
    if (!name && address) return { kind: 'noName', address };
  }
  for (const [name, address] of found) add(name, address);
  return undefined;
}
