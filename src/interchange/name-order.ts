/**
 * The order a display name is written in: family name first, "Müller, Jürgen", as a display name to sort by is
 * written (Thunderbird set so, a vCard's FN beside its N), read given name first where the record's own name parts
 * say so. Shared by the CSV and vCard readers and sync's renaming.
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
