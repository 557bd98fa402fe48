/**
 * Everything the popup loads after its first screen, in one chunk: a contact's page, the capture card's extras,
 * the short form's birthday (in its fold), an empty book's screen, who can introduce, the name a page's title suggests, and the writes over
 * two people. One dynamic import, so esbuild splits the code the first screen shares with these into one chunk, not
 * one per combination of lazy modules using it (thirteen files for the first screen with six lazy modules, where two
 * do). Loaded through `later()` (load-later.ts).
 *
 * The writes are here too (storage/contact-writes.ts, and through it how drafts are created and merged): the first
 * screen only reads, and a write waits for a click, by which time this chunk is loaded (index.tsx preloads it once
 * everyone is read).
 */

import { tellWorkerOfWrites } from '../ui/tell-worker';

// The writes below are the only ones this page makes: from the moment they can be made, the worker is told of them
// by a message (the change broadcast does not start a stopped worker).
tellWorkerOfWrites();

export { groupForIntroductions } from '../contacts/introduce';
export { openInTab } from '../platform/open-in-tab';
export { selectionIn } from '../platform/tab-selection';
export { updateContact } from '../storage/contact-writes';
export { addContact, mergeInto, saveEdits, upsertDraft } from '../storage/draft-writes';
export {
  linkPeople,
  logIntroductionAsked,
  mergePeople,
  removeContact,
  restoreContact,
  takeBack,
  unlinkPeople,
  unmerge,
} from '../storage/links';
export { namesakes } from '../storage/namesakes';
export { BirthdayField } from '../ui/BirthdayField';
export { contactActions, followUpPlanned } from '../ui/contact-actions';
export { CaptureExtras, MutualChips } from './CaptureExtras';
export { ContactDetail } from './ContactDetail';
export { EmptyBook } from './EmptyBook';
export { ImprintOffer } from './ImprintOffer';
export { CaptureHolders, CaptureNamesakes, Namesakes, PageHolders } from './Namesakes';
export { suggestFor } from './page-suggestion';
