// Bundled into the sync benchmark's extension page: the engine as the worker runs it, and the bare requests it is
// measured against (one sync-collection REPORT, one multiget of every card), through the same fetch.
import { createContact } from '../../src/contacts/merge';
import { bulkPut } from '../../src/storage/contact-writes';
import { listAll } from '../../src/storage/contacts';
import { openDatabase, toRecord } from '../../src/storage/db';
import { Dav } from '../../src/sync/dav';
import { Engine } from '../../src/sync/engine';

export { bulkPut, createContact, listAll, openDatabase };

/** Every request goes through here, so a run's requests are counted. */
export const counter = { requests: 0 };
const counted: typeof fetch = (input, init) => {
  counter.requests++;
  return fetch(input, init);
};

export function dav(origin: string, username: string, password: string) {
  return new Dav({ credentials: { username, password }, origins: [origin], fetch: counted });
}

/** The heap in use, where the page can see it (Chromium with --enable-precise-memory-info). */
export const heap = () =>
  (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;

export function engine(db: Awaited<ReturnType<typeof openDatabase>>, d: Dav, book: string, onStep?: () => void) {
  return new Engine(
    {
      db,
      dav: d,
      now: Date.now,
      defaults: async () => ({ cadenceDays: 91, perWeek: 5 }),
      ...(onStep ? { onStep } : {}),
    },
    {
      server: book,
      username: '',
      password: '',
      origins: [new URL(book).origin],
      book: { url: book, name: 'bench' },
      enabled: true,
    },
  );
}

const auth = (u: string, p: string) => `Basic ${btoa(`${u}:${p}`)}`;

/** The bare incremental check: one sync-collection REPORT with a token, its answer read, nothing parsed. */
export async function bareReport(book: string, token: string, u: string, p: string): Promise<number> {
  const res = await fetch(book, {
    method: 'REPORT',
    headers: { Authorization: auth(u, p), Depth: '0', 'Content-Type': 'application/xml' },
    body: `<?xml version="1.0"?><d:sync-collection xmlns:d="DAV:"><d:sync-token>${token}</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>`,
  });
  return (await res.text()).length;
}

/** The bare download: one addressbook-multiget of these cards, the answer read as text, nothing parsed. */
export async function bareMultiget(book: string, hrefs: string[], u: string, p: string): Promise<number> {
  const res = await fetch(book, {
    method: 'REPORT',
    headers: { Authorization: auth(u, p), Depth: '1', 'Content-Type': 'application/xml' },
    body: `<?xml version="1.0"?><c:addressbook-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav"><d:prop><d:getetag/><c:address-data/></d:prop>${hrefs.map((h) => `<d:href>${new URL(h).pathname}</d:href>`).join('')}</c:addressbook-multiget>`,
  });
  return (await res.text()).length;
}

/**
 * The floor of storing what a first sync stores: the same people, sync states and cards as it wrote them, added to
 * a fresh database of the same schema in one transaction through the plain API (no reading, no merging).
 */
export async function bareStore(from: Awaited<ReturnType<typeof openDatabase>>): Promise<number> {
  const contacts = await listAll(from);
  const entries = await from.getAll('sync');
  const cards = await from.getAll('syncCards');
  const db = await openDatabase(() => {}, `bench-bare-store-${Date.now()}`);
  const records = contacts.map(toRecord);
  const t = performance.now();
  await new Promise((ok, ko) => {
    const tx = (db as unknown as { transaction: IDBDatabase['transaction'] }).transaction(
      ['contacts', 'sync', 'syncCards'],
      'readwrite',
      { durability: 'relaxed' },
    );
    for (const r of records) tx.objectStore('contacts').add(r);
    for (const e of entries) tx.objectStore('sync').add(e);
    for (const c of cards) tx.objectStore('syncCards').add(c);
    tx.oncomplete = ok;
    tx.onerror = () => ko(tx.error);
  });
  const ms = performance.now() - t;
  db.close();
  return ms;
}
