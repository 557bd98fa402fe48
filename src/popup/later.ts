/**
 * Everything the popup loads after its first screen, in one chunk: a contact's page, the capture card's extras,
 * who can introduce, the name a page's title suggests, and the writes over two people. One dynamic import, so
 * esbuild splits the code the first screen shares with these into one chunk, not one per combination of lazy
 * modules using it (thirteen files for the first screen with six lazy modules, where two do). Loaded through
 * `later()` (load-later.ts).
 */

export * as introduce from '../contacts/introduce';
export { suggestName } from '../contacts/suggest';
export * as links from '../storage/links';
export { CaptureExtras } from './CaptureExtras';
export { ContactDetail } from './ContactDetail';
