/**
 * Salutations: how someone is addressed (Herr, Frau, Mr., Mme …), not part of their name as written, unlike a title
 * (Dr., Prof., Mag.), which German writes as part of it. A list's "Anrede" column and a legal notice's "Inhaberin:
 * Frau Erika Muster" give one; the name is kept without it, and a file's salutation says the person is addressed
 * formally, and a formal draft greets by it. Apart from normalize.ts: only the import (CSV and vCard files, through
 * the field tables, which the worker loads too) and the notice's reader ask, not the popup's first screen.
 */

import { nameWords } from './normalize';

/** German, English, French, Spanish, Italian, Dutch and Polish salutations, written out or shortened. */
const SALUTATION =
  /^(?:herrn?|frau|hr\.|fr\.|mr\.?|mrs\.?|ms\.?|miss|mx\.?|monsieur|madame|mademoiselle|mme\.?|mlle\.?|señora?|sra?\.|signora?|sig\.(?:ra)?|dhr\.?|mevr\.?|pan|pani)$/i;

/** Whether a word is a salutation. */
const isSalutation = (word: string): boolean => SALUTATION.test(word.trim());

/** A list's prefix cell ("Herr Dr.", "Herr und Frau", "Prof. Dr.") without its salutations: the titles it holds. */
export function titlesIn(prefix: string): string {
  const words = prefix.split(/\s+/);
  const joined = words.some(isSalutation);
  return words.filter((w) => !isSalutation(w) && !(joined && /^(?:und|and|&|u\.)$/i.test(w))).join(' ');
}

/** Salutations written short or in another case, as a greeting writes them out. */
const WRITTEN_OUT: Record<string, string> = {
  herrn: 'Herr',
  'hr.': 'Herr',
  'fr.': 'Frau',
  mr: 'Mr.',
  mrs: 'Mrs.',
  ms: 'Ms.',
};

/**
 * The salutation a prefix gives ("Herr Dr." → "Herr", "Hr." → "Herr", "Herr und Frau" → "Herr und Frau"), as a
 * greeting writes it; undefined where it gives none.
 */
export function salutationIn(prefix: string): string | undefined {
  const words = prefix.split(/\s+/).filter(Boolean);
  if (!words.some(isSalutation)) return undefined;
  const kept = words.filter((w) => isSalutation(w) || /^(?:und|and|&)$/i.test(w));
  return kept.map((w) => WRITTEN_OUT[w.toLowerCase()] ?? w).join(' ');
}

/** A name without the salutations before it: "Frau Dr. Anna Alt" → "Dr. Anna Alt"; "Herr" alone stays. */
export function withoutSalutation(name: string): string {
  let rest = name.trim();
  for (let m = /^(\S+)\s+/.exec(rest); m && isSalutation(m[1] ?? ''); m = /^(\S+)\s+/.exec(rest))
    rest = rest.slice(m[0].length);
  return rest;
}

/**
 * A whole name written with the salutation before it ("Herr Max Muster", "Frau Dr. Anna Alt": a CRM's
 * "Ansprechpartner" column): the name without it and the salutation, where the rest names the person by two words or
 * more, titles aside. "Frau Müller" stays whole, as the user knows her; so does a couple, "Herr und Frau Muster".
 */
export function salutedName(written: string): { name: string; salutation?: string } {
  const rest = withoutSalutation(written);
  const said = salutationIn(written.slice(0, written.length - rest.length));
  if (!said || /^(?:und|and|&|u\.)\s/i.test(rest) || nameWords(rest).length < 2) return { name: written };
  return { name: rest, salutation: said };
}
