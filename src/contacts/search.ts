/** What a search looks at: the same folded text for the popup's list and the stored search index. */
import { SEARCH_FIELDS } from './fields';
import { fold } from './normalize';
import type { Contact } from './types';

/** Everything a search looks at, folded once per contact (case-, accent- and umlaut-insensitive). */
export function haystack(c: Contact): string {
  return fold(
    SEARCH_FIELDS.map((k) => {
      const v = c[k];
      return Array.isArray(v) ? v.join(' ') : v;
    })
      .filter(Boolean)
      .join('\n'),
  );
}
