import type { PageCapture, ProfileCapture } from '../contacts/capture';
import type { ContactDraft } from '../contacts/fields';
import { PAGE_FIELDS } from '../contacts/fields';
import { pageLink } from '../contacts/profile-url';
import type { ProfileLink } from '../contacts/types';

/**
 * A capture as a draft the store can match and merge; with the email addresses and phones its site's legal notice
 * gives them, where the page is that notice (page-suggestion.ts).
 */
export function draftFromCapture(c: ProfileCapture, notice?: Pick<ContactDraft, 'emails' | 'phones'>): ContactDraft {
  const draft: ContactDraft = { name: c.name, profiles: [{ url: c.profileUrl, site: c.site }] };
  for (const k of PAGE_FIELDS) if (c[k]) draft[k] = c[k];
  if (notice?.emails) draft.emails = notice.emails;
  if (notice?.phones) draft.phones = notice.phones;
  return draft;
}

/**
 * The draft for the manual form on a page without a person: whom the text the user selected names; else whom a
 * site's legal notice names, with the site as their link; else the name the page's title suggests (never the whole
 * title of an article or a shop) and the page's address as a starting point, unless it is nobody's (pageLink).
 */
export function draftFromPage(
  page: Pick<PageCapture, 'suggestedName' | 'url' | 'fromImprint' | 'fromSelection'>,
): ContactDraft {
  // What the user selected is whom they want: with the links the text gives, never the page's.
  if (page.fromSelection) return page.fromSelection;
  if (page.fromImprint) return { ...page.fromImprint, name: page.fromImprint.name || (page.suggestedName ?? '') };
  const profile = linkOfPage(page);
  return { name: page.suggestedName ?? '', ...(profile ? { profiles: [profile] } : {}) };
}

/**
 * The link a page without a person stands for: a legal notice's, its site's home page; else the page's (pageLink);
 * none where the user selected whom they want (the page is where they read of them, not theirs).
 */
export function linkOfPage(page: Pick<PageCapture, 'url' | 'fromImprint' | 'fromSelection'>): ProfileLink | null {
  if (page.fromSelection) return null;
  return page.fromImprint ? (page.fromImprint.profiles?.[0] ?? null) : page.url ? pageLink(page.url) : null;
}
