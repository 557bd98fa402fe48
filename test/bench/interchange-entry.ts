// Bundled into the benchmark page: our importers and exporters next to ical.js, an established vCard parser.
import ICAL from 'ical.js';
import { parseContactsFile, writeGoogleCsv, writeVCards } from '../../src/interchange';
import { openDatabase } from '../../src/storage/db';
import { applyImport, planImport } from '../../src/storage/import';

export { applyImport, ICAL, openDatabase, parseContactsFile, planImport, writeGoogleCsv, writeVCards };

/** n people as an address book would hold them. */
export function people(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    name: `Person ${i} Müller`,
    company: `Company ${i % 97}`,
    role: 'Consultant',
    emails: [`p${i}@example.com`],
    phones: [`+49 30 555 ${String(i).padStart(4, '0')}`],
    profiles: [{ url: `https://www.linkedin.com/in/person-${i}`, site: 'linkedin' as const }],
    notes: i % 3 ? '' : 'Met at the spring meetup, talked about a project.',
  }));
}
