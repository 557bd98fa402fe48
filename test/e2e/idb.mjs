// Raw access to the extension's IndexedDB from a test, in any extension context (a page or the worker), for the
// few tests that must put the database in a given state or read it as stored. One helper instead of each test
// spelling out open/request/transaction callbacks.

/** Promise forms of an IDBRequest and an IDBTransaction, defined in the browser. */
const HELPERS = `({
  req: (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); }),
  done: (tx) => new Promise((ok, fail) => { tx.oncomplete = () => ok(); tx.onerror = tx.onabort = () => fail(tx.error); }),
})`;

/**
 * The expression that opens the extension's database (at `version`, or whatever it has), runs
 * `fn(db, arg, { req, done })` and closes it again. Evaluate it with page.evaluate or worker.evaluate: it is
 * evaluated by the automation protocol, not by the page's own (CSP-bound) script.
 */
export function idbScript(fn, arg = null, { version, name = 'reconnect' } = {}) {
  const open = version
    ? `indexedDB.open(${JSON.stringify(name)}, ${version})`
    : `indexedDB.open(${JSON.stringify(name)})`;
  return `(async () => {
    const idb = ${HELPERS};
    const db = await new Promise((ok, fail) => {
      const r = ${open};
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
      // An older connection that does not step aside would hold this open up for ever: fail instead.
      r.onblocked = () => fail(new Error('opening the database was blocked by another connection'));
    });
    try {
      return await (${fn})(db, ${JSON.stringify(arg)}, idb);
    } finally {
      db.close();
    }
  })()`;
}

/** Every contact record as stored (derived index keys included). */
export const allRecords = async (db, _arg, { req }) => req(db.transaction('contacts').objectStore('contacts').getAll());
