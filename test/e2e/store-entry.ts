/**
 * The store's own code for the e2e harness (harness.mjs `inStore`): its open and bulkPut (`seed`), and the search
 * index's read and copy, checked against the strings in a real browser's IndexedDB.
 */
import { nameCirclesInSearch } from '../../src/platform/circles';

// As the extension's pages and worker do before they write: search texts name the starting circles in the
// browser's language.
nameCirclesInSearch();

export { bulkPut } from '../../src/storage/contact-writes';
export { openDatabase } from '../../src/storage/db';
export { copySearchIndex } from '../../src/storage/search-copy';
export { readSearchIndex } from '../../src/storage/search-index';
