/** What the e2e harness seeds people with: the store's own open and bulkPut (harness.mjs `seed`). */
import { nameCirclesInSearch } from '../../src/platform/circles';

// As the extension's pages and worker do before they write: search texts name the starting circles in the
// browser's language.
nameCirclesInSearch();

export { bulkPut } from '../../src/storage/contact-writes';
export { openDatabase } from '../../src/storage/db';
