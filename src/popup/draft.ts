import type { ProfileCapture } from '../contacts/capture';
import type { ContactDraft } from '../contacts/fields';
import { PAGE_FIELDS } from '../contacts/fields';
import { canonicalProfile } from '../contacts/profile-url';

/** A capture as a draft the store can match and merge. */
export function draftFromCapture(c: ProfileCapture): ContactDraft {
  const draft: ContactDraft = { name: c.name, profiles: [{ url: c.profileUrl, site: c.site }] };
  for (const k of PAGE_FIELDS) if (c[k]) draft[k] = c[k];
  return draft;
}

/** The draft for the manual form on a page without a person: the page's title and address as a starting point. */
export function draftFromPage(title: string, url: string | undefined): ContactDraft {
  const profile = url ? canonicalProfile(url) : null;
  return { name: title, ...(profile ? { profiles: [profile] } : {}) };
}
