/**
 * The order a display name is written in: family name first, "Müller, Jürgen", as a display name to sort by is
 * written (Thunderbird set so, a vCard's FN beside its N, Outlook's directories, a mail program's names), read given
 * name first where the record's own name parts say so, or where nothing beside it can and its shape does. Shared by
 * the CSV and vCard readers, the list written down, sync's renaming and a selected mail's sender (signature.ts).
 */

/** "Müller, Jürgen": a name family name first, as a display name to sort by is written; '' without both parts. */
export const familyFirst = (given: string, family: string): string => (given && family ? `${family}, ${given}` : '');

/**
 * A display name given name first where it is the person's own given and family names family name first ("Müller,
 * Jürgen" beside Jürgen and Müller: a display name to sort by, a CSV's or a vCard's); any other name as written, its
 * comma too ("Jürgen Müller, Jr." is not "Jr. Jürgen Müller").
 */
export function givenNameFirst(written: string, given: string, family: string): string {
  return given && family && written.replace(/\s+/g, ' ') === familyFirst(given, family)
    ? `${given} ${family}`
    : written;
}

/** What follows a name after a comma without being a given name ("Jürgen Müller, Jr.", "Anna Alt, PhD"). */
const NAME_SUFFIX = /^(?:jr|sr|jun|sen|ii|iii|iv|esq|phd|md|mba)\.?$/i;

/**
 * A display name family name first with nothing beside it to confirm it ("Müller, Jürgen": Outlook's directories, a
 * mail program's names, a list's column the user said is written so) turned round, "Jürgen Müller"; anything else
 * as written, a suffix after a comma too ("Jürgen Müller, Jr."), and a company ("Schmidt & Partner, Berlin").
 */
export function firstLast(name: string): string {
  // A part of a name: words of letters, with hyphens, apostrophes and dots ("Dr.", "O'Neill", "Müller-Lüdenscheidt").
  // Made here, not beside the module's other names: esbuild writes it as `new RegExp(…)`, which it cannot tell is
  // free of side effects, so at the module's top level it would stay in the service worker, which reads no lists.
  const NAME_PART = /^\p{L}[\p{L}\p{M}'’. -]*$/u;
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
