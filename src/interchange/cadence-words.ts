/**
 * How often to get in touch as a list writes it ("monatlich", "jedes Quartal", "every 2 weeks", "alle 10 Tage", "14",
 * "nie"), in German or English, as Reconnect's own cadence: days, or null for no reminders; undefined when it says
 * none of these. The presets' words are those the contact form shows (so a spreadsheet's list Reconnect wrote reads
 * back) and those lists use.
 */
import { CADENCES } from '../contacts/cadence';

const WORDS: [number | null, string[]][] = [
  [1, ['täglich', 'jeden tag', 'daily', 'every day']],
  [CADENCES.weekly, ['wöchentlich', 'jede woche', 'weekly', 'every week']],
  [CADENCES.monthly, ['monatlich', 'jeden monat', 'monthly', 'every month']],
  [
    CADENCES.quarterly,
    ['vierteljährlich', 'quartalsweise', 'jedes quartal', 'quarterly', 'every quarter', 'every three months'],
  ],
  [
    CADENCES.halfYearly,
    ['halbjährlich', 'jedes halbe jahr', 'half yearly', 'semiannually', 'semi annually', 'every six months'],
  ],
  [CADENCES.yearly, ['jährlich', 'jedes jahr', 'yearly', 'annually', 'every year']],
  [CADENCES.none, ['keine erinnerung', 'keine', 'kein', 'nie', 'never', 'none', 'no reminders', 'no reminder']],
];

/** A number of months as the presets count them (3 a quarter, 6 half a year, 12 a year), else 30.44 days each. */
const MONTHS: Record<number, number> = { 1: CADENCES.monthly, 3: CADENCES.quarterly, 6: CADENCES.halfYearly, 12: 365 };

const EVERY = /^(?:alle|every|each)?\s*(\d+)\s*(tage?n?|days?|wochen|woche|weeks?|monate?n?|months?|jahre?n?|years?)?$/;

export function readCadence(written: string): number | null | undefined {
  const w = written
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  for (const [days, words] of WORDS) if (words.includes(w)) return days;
  const m = EVERY.exec(w);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2] ?? 'tage';
  const days = /^(?:w|we)/.test(unit)
    ? n * 7
    : /^m/.test(unit)
      ? (MONTHS[n] ?? Math.round(n * 30.44))
      : /^(?:j|y)/.test(unit)
        ? n * 365
        : n;
  return days >= 1 && days <= 3650 ? days : undefined;
}
