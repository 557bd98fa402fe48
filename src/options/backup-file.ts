import type { Contact } from '../contacts/types';
import { makeBackup } from '../interchange';
import type { DB } from '../storage/db';
import { distinctPairs } from '../storage/distinct';
import { getSettings } from '../storage/settings';

/**
 * The JSON backup of `chosen` (everyone, or one circle's people): with the settings and the "Different people"
 * marks between the people in it. In the import code's chunk (import-code.ts), as "Saved twice?" is.
 */
export async function backupFile(db: DB, chosen: Contact[], now: number): Promise<string> {
  const inIt = new Set(chosen.map((c) => c.id));
  const pairs = [...(await distinctPairs(db))].filter((p) => p.split('\n').every((id) => inIt.has(id)));
  return makeBackup(chosen, await getSettings(db), now, pairs);
}
