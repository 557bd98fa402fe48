import type { Contact } from '../contacts/types';
import { makeBackup } from '../interchange';
import type { DB } from '../storage/db';
import { getSettings } from '../storage/settings';

/**
 * The JSON backup of `chosen` (everyone, or one circle's people), with the settings (the people carry their links
 * and "Different people" marks). In the import code's chunk (import-code.ts), as "Saved twice?" is.
 */
export async function backupFile(db: DB, chosen: Contact[], now: number): Promise<string> {
  return makeBackup(chosen, await getSettings(db), now);
}
