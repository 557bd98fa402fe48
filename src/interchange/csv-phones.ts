/**
 * Phone numbers a spreadsheet saved as numbers. Excel and LibreOffice read a cell of digits alone as a number, so a
 * list opened and saved again there has "01711234567" as "1711234567" and "+491711234567" as "491711234567": the
 * leading 0 or the "+" gone, the number no longer one that can be called. Numbers with a space or a slash in them
 * ("0171 1234567", "+49 30 1234567", "030/123456") stay text, and say how the file writes its numbers.
 * Import only (CSV): a vCard or a FRITZ!Box phone book is written by its program, not by a spreadsheet.
 */

import { isWholeNumber } from '../contacts/normalize';

/**
 * The numbers one phone cell of a list holds: one a line (a spreadsheet's cell with line breaks), or several on a
 * line parted by a slash, a comma, a semicolon or "oder" / "or" / "und" / "and" ("0228 123456 / 0171 1234567")
 * where each part is a whole number. A part too short to be one ("0228 / 123456", "0228 123456, Durchwahl 12")
 * keeps its line whole, as written.
 */
export function numbersInCell(cell: string): string[] {
  return cell
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .flatMap((line) => {
      const parts = line.split(/\s+(?:\/|oder|or|und|and|&)\s+|\s*[,;]\s*/i).map((p) => p.trim());
      return parts.length > 1 && parts.every(isWholeNumber) ? parts : [line];
    });
}

/** Digits alone, without a leading 0 or "+": what such a spreadsheet leaves of a number. */
const BARE = /^[1-9]\d{5,14}$/;

/**
 * Calling codes taken as known in every file: the German-speaking countries'. A bare number long enough to be an
 * international one and starting with one of them lost its "+".
 */
const HOME_CODES = ['49', '43', '41'];

/** How a file writes its phone numbers, from the ones it wrote as text. */
export interface PhoneHabit {
  /** The first two digits of the calling codes the file's numbers are written with ("+49 …", "0049 …", "+1 212 …"). */
  codes: ReadonlySet<string>;
  /**
   * The file writes national numbers with their leading 0 ("030 …", "0171 …"), or holds a number of the
   * German-speaking countries that lost its "+": a bare number of national length lost its 0.
   */
  trunkZero: boolean;
}

/** A bare number that lost its "+": long enough for an international number, starting with a calling code known. */
const lostPlus = (d: string, codes: ReadonlySet<string>) =>
  d.length >= 11 && codes.has(d.slice(0, 2)) && (d[0] === '1' || d[2] !== '0');

/** How the file writes its numbers (every phone cell of the file, as written). */
export function phoneHabit(values: readonly string[]): PhoneHabit {
  const codes = new Set(HOME_CODES);
  let trunkZero = false;
  for (const raw of values) {
    const v = raw.trim();
    const international = /^(?:\+|00)\D*([1-9])\D*(\d)/.exec(v);
    if (international) codes.add(`${international[1]}${international[2]}`);
    else if (/^\(?0[1-9]/.test(v)) trunkZero = true;
  }
  const home = new Set(HOME_CODES);
  trunkZero ||= values.some((v) => BARE.test(v.trim()) && lostPlus(v.trim(), home));
  return { codes, trunkZero };
}

/**
 * The number as written before a spreadsheet saved it as a number: its "+" or its leading 0 put back where the
 * file's habit says which was lost; any other value as it is.
 */
export function mendedPhone(value: string, habit: PhoneHabit): string {
  const d = value.trim();
  if (!BARE.test(d)) return value;
  if (lostPlus(d, habit.codes)) return `+${d}`;
  return habit.trunkZero && d.length <= 11 ? `0${d}` : value;
}
