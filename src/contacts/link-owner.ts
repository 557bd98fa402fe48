/**
 * The book's one rule for profile links: each is one person's (the unique byProfileUrl index). Whoever writes people
 * from elsewhere — a sync's card, a backup's person — asks here first whether a link they bring is someone else's,
 * rather than fail the write. Not on any page's first screen: the sync engine and the restore load it.
 */
import { profileLinks } from './match';
import type { ProfileLink } from './types';

/**
 * Who else has a profile link of `c` (the first found; undefined: nobody), as `ownerOf` says; ids `ours` says are of
 * the same write (the rest of a backup restored with it) are not someone else.
 */
export async function otherOwner(
  c: { id: string; profiles: readonly ProfileLink[] },
  ownerOf: (url: string) => Promise<string | undefined> | string | undefined,
  ours: (id: string) => boolean = () => false,
): Promise<string | undefined> {
  for (const url of profileLinks(c.profiles)) {
    const owner = await ownerOf(url);
    if (owner !== undefined && owner !== c.id && !ours(owner)) return owner;
  }
  return undefined;
}
