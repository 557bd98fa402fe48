import { canonicalProfile } from '../contacts/profile-url';
import type { ContactDraft, ProfileCapture } from '../contacts/types';

/** A capture as a draft the store can match and merge. */
export function draftFromCapture(c: ProfileCapture): ContactDraft {
  const draft: ContactDraft = { name: c.name, profiles: [{ url: c.profileUrl, site: c.site }] };
  for (const k of ['role', 'company', 'location', 'photoUrl'] as const) if (c[k]) draft[k] = c[k];
  return draft;
}

/** The draft for the manual form on a page without a person: the page's title and address as a starting point. */
export function draftFromPage(title: string, url: string | undefined): ContactDraft {
  const profile = url ? canonicalProfile(url) : null;
  return { name: title, ...(profile ? { profiles: [profile] } : {}) };
}
