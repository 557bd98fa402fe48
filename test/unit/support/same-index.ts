import { haystack } from '../../../src/contacts/search';
import type { Contact } from '../../../src/contacts/types';
import { indexCheck } from '../../../src/storage/search-lines';
import { allSteps } from '../../../src/ui/idle';

/** Whether the stored buckets say exactly what these contacts would: the popup's check (indexCheck) run to its end. */
export function sameIndex(
  stored: readonly string[],
  contacts: readonly Contact[],
  textOf: (c: Contact) => string = haystack,
): boolean {
  return allSteps(indexCheck(stored, contacts, textOf));
}
