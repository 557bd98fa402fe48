// Bundled into the benchmark page: our importers and exporters next to ical.js, an established vCard parser.
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { createContact } from '../../src/contacts/merge';
import { parseContactsFile, writeGoogleCsv, writeVCards } from '../../src/interchange';
import { openDatabase, toRecord } from '../../src/storage/db';
import { applyImport, planImport } from '../../src/storage/import';
import SCHEMA_V1 from '../fixtures/schema-v1.json';

export { applyImport, ICAL, openDatabase, Papa, parseContactsFile, planImport, writeGoogleCsv, writeVCards };

/**
 * The floor any import into IndexedDB pays here: the same people as finished records, added in one transaction
 * to a bare database with the same indexes, through the plain API (no library, no matching, no parsing).
 */
export async function bareWrite(list: ReturnType<typeof people>, name: string): Promise<number> {
  const records = list.map((d, i) => toRecord(createContact(d, 'imported', 0, () => `bare-${i}`, 91)));
  const db = await new Promise<IDBDatabase>((ok, ko) => {
    const req = indexedDB.open(name, 1);
    // The store's schema: version 1's stores and indexes, and the effective-due index version 2 added.
    req.onupgradeneeded = () => {
      for (const store of SCHEMA_V1.stores) {
        const created = req.result.createObjectStore(store.name, store.keyPath ? { keyPath: store.keyPath } : {});
        for (const [index, keyPath, options] of store.indexes as [string, string, IDBIndexParameters][])
          created.createIndex(index, keyPath, options);
      }
      req.transaction?.objectStore('contacts').createIndex('byDueAt', 'dueAt');
    };
    req.onsuccess = () => ok(req.result);
    req.onerror = () => ko(req.error);
  });
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
