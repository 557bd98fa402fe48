// Bundled into the benchmark page: our importers and exporters next to ical.js, an established vCard parser.
import ICAL from 'ical.js';
import { unwrap } from 'idb';
import Papa from 'papaparse';
import { createContact } from '../../src/contacts/merge';
import { parseContactsFile, writeGoogleCsv, writeVCards } from '../../src/interchange';
import { openDatabase, toRecord } from '../../src/storage/db';
import { applyImport, planImport } from '../../src/storage/import';

export { applyImport, ICAL, openDatabase, Papa, parseContactsFile, planImport, writeGoogleCsv, writeVCards };

/**
 * The floor any import into IndexedDB pays here: the same people as finished records, added in one transaction
 * to a database with the store's schema (made by openDatabase) through the plain API: no library, no matching, no
 * parsing, no batching.
 */
export async function bareWrite(list: ReturnType<typeof people>, name: string): Promise<number> {
  const records = list.map((d, i) => toRecord(createContact(d, 'imported', 0, () => `bare-${i}`, 91)));
  const db = unwrap(await openDatabase(() => {}, name));
  const t = performance.now();
  await new Promise((ok, ko) => {
    const tx = db.transaction('contacts', 'readwrite');
    const store = tx.objectStore('contacts');
    for (const r of records) store.add(r);
    tx.oncomplete = ok;
    tx.onerror = () => ko(tx.error);
  });
  db.close();
  return performance.now() - t;
}

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
