/**
 * A vCard's name, FN and N (RFC 6350 §6.2.1–2): the name a card gives, and the FN and N a name changed here is written
 * as, so that a card's own name parts (which phones show and sort by) follow it where they can. Sync's field table
 * (vcard-fields.ts) reads and writes the name through these.
 */
import { familyFirst, givenNameFirst } from '../contacts/name-order';
import { clean, type Version } from './vcard-syntax';

/** N's five parts (RFC 6350 §6.2.2), each cleaned. */
export interface NameParts {
  family: string;
  given: string;
  additional: string;
  prefix: string;
  suffix: string;
}

/** N's parts from its components, in its order: family; given; additional; prefix; suffix. */
export function nameParts(components: readonly string[]): NameParts {
  const [family = '', given = '', additional = '', prefix = '', suffix = ''] = components.map(clean);
  return { family, given, additional, prefix, suffix };
}

const givenNames = (p: NameParts) => [p.given, p.additional].filter(Boolean).join(' ');
/** "Jürgen Müller". */
const givenFirst = (p: NameParts) => [givenNames(p), p.family].filter(Boolean).join(' ');
/** "Müller, Jürgen" (name-order.ts familyFirst); '' without both. */
const familyFirstOf = (p: NameParts) => familyFirst(givenNames(p), p.family);

/**
 * A card's name: its display name (FN), turned round where it is its own N family name first ("Müller, Jürgen",
 * read as "Jürgen Müller": a greeting says "Hallo Jürgen"), otherwise as written; without one, N's parts in order.
 */
export function displayName(fn: string, parts: NameParts | undefined): string {
  if (fn) return parts ? givenNameFirst(fn, givenNames(parts), parts.family) : fn;
  return parts
    ? [parts.prefix, parts.given, parts.additional, parts.family, parts.suffix].filter(Boolean).join(' ')
    : '';
}

/**
 * N's parts for a new name, where the name still has the old family name (at its end, or at its start where the
 * card put it first, "Kim Min-jun") or the old given names at its start; undefined where it has neither. A title or
 * suffix stays unless the old name showed it and the new one does not.
 */
function renamed(name: string, was: NameParts, wasName: string): NameParts | undefined {
  const { family: oldFamily } = was;
  const oldGiven = givenNames(was);
  // An N with the whole name as its family name (as a new 3.0 card is written) has no parts to follow.
  if (!oldFamily || !oldGiven) return undefined;
  let rest = name;
  let { prefix, suffix } = was;
  if (prefix) {
    if (rest.startsWith(`${prefix} `)) rest = rest.slice(prefix.length + 1);
    else if (wasName.startsWith(`${prefix} `)) prefix = '';
  }
  if (suffix) {
    if (rest.endsWith(` ${suffix}`)) rest = rest.slice(0, -suffix.length - 1).replace(/,$/, '');
    else if (wasName.endsWith(` ${suffix}`)) suffix = '';
  }
  let family: string;
  let given: string;
  if (rest.endsWith(` ${oldFamily}`)) [family, given] = [oldFamily, rest.slice(0, -oldFamily.length - 1)];
  else if (wasName.startsWith(`${oldFamily} `) && rest.startsWith(`${oldFamily} `))
    [family, given] = [oldFamily, rest.slice(oldFamily.length + 1)];
  else if (rest.startsWith(`${oldGiven} `)) [family, given] = [rest.slice(oldGiven.length + 1), oldGiven];
  else return undefined;
  if (!family.trim() || !given.trim()) return undefined;
  const keepsAdditional = was.additional && given.endsWith(` ${was.additional}`);
  return {
    family: family.trim(),
    given: keepsAdditional ? given.slice(0, -was.additional.length - 1).trim() : given.trim(),
    additional: keepsAdditional ? was.additional : '',
    prefix,
    suffix,
  };
}

/**
 * The FN and N values (unescaped; N's five parts, or none to write) for a name changed here, written onto a card
 * whose FN and N (its parts) were these: N's parts follow the name where it still has the old family name or given
 * names ("Anna Alt" → "Anna Berg" keeps Anna as the given name), and a display name written family name first stays
 * so; otherwise the name whole, as a new card's (3.0 requires N; a 4.0 card goes without).
 */
export function renamedLines(
  name: string,
  fnWas: string | undefined,
  nWas: readonly string[] | undefined,
  version: Version,
): { fn: string; n: string[] | undefined } {
  const was = nWas && nameParts(nWas);
  let parts = was && renamed(name, was, displayName(fnWas ?? '', was));
  // The order the card wrote its display name in ("Müller, Jürgen") is kept where the name allows it.
  let display =
    fnWas && was && parts && fnWas === familyFirstOf(was) && givenFirst(parts) === name ? familyFirstOf(parts) : name;
  if (!parts || displayName(display, parts) !== name) [parts, display] = [undefined, name];
  const n = parts
    ? [parts.family, parts.given, parts.additional, parts.prefix, parts.suffix]
    : version === '3.0'
      ? [name, '', '', '', '']
      : undefined;
  return { fn: display, n };
}
