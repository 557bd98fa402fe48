/** What the e2e harness seeds people with: the store's own open and bulkPut (harness.mjs `seed`). */
export { bulkPut } from '../../src/storage/contact-writes';
export { openDatabase } from '../../src/storage/db';
