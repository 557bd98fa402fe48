/**
 * Restoring a JSON backup: its people as they were saved (same id, history, interactions), the pairs it marks as
 * different people, and — unless the user unticks it — its settings; in one transaction, all of it or nothing.
 * Loaded with the import code (options/import-code.ts), not with the options page's first screen.
 */
import { unwrap } from 'idb';
import type { Contact } from '../contacts/types';
import { announce } from './changes';
import { type DB, toRecord } from './db';
import { DISTINCT_KEY, pairsIn } from './distinct';
import { abort, guarded, settle } from './errors';
import { updateSearchIndex } from './search-index';
import { normalizeSettings } from './settings';

export interface Restore {
  contacts: Contact[];
  /** The backup's settings, to put back (absent: the settings here stay, but for circles the people bring). */
  settings?: unknown;
  /** The backup's "Different people" marks: added to those here. */
  distinct?: readonly string[];
}

/**
 * Writes a backup back. The circles stay the union of the book's (the backup's, when its settings are put back,
 * else those here) and every circle a restored person is in, so nobody's circle is missing from the filter, an
 * export's choice or Settings. Returns how many people were restored.
 */
export function restoreBackup(db: DB, what: Restore): Promise<number> {
  return guarded(async () => {
    const tx = db.transaction(['contacts', 'search', 'meta'], 'readwrite');
    const meta = tx.objectStore('meta');
    const stored = Promise.all([meta.get('settings'), meta.get(DISTINCT_KEY)]);
    let written: Promise<unknown>[];
    try {
      const store = unwrap(tx.objectStore('contacts'));
      for (const c of what.contacts) store.put(toRecord(c));
      written = [
        updateSearchIndex(
          tx,
          what.contacts.map((c) => ({ id: c.id, contact: c })),
        ),
        stored.then(([settings, marks]) => {
          const here = normalizeSettings(settings);
          const put = what.settings === undefined ? here : normalizeSettings(what.settings);
          const circles = [...new Set([...put.circles, ...here.circles, ...what.contacts.flatMap((c) => c.circles)])];
          const pairs = new Set([...pairsIn(marks), ...pairsIn(what.distinct)]);
          return Promise.all([meta.put({ ...put, circles }, 'settings'), meta.put([...pairs], DISTINCT_KEY)]);
        }),
      ];
    } catch (e) {
      // The reads above fail with the transaction: said by the throw, not as an unhandled rejection.
      stored.catch(() => {});
      abort(tx);
      throw e;
    }
    // A failed write aborts the transaction: every request above then fails with it, and nothing is kept.
    await settle(tx, written);
    announce({ kind: 'contacts' });
    announce({ kind: 'settings' });
    return what.contacts.length;
  });
}
