/**
 * Someone's profile on a known site (sites.ts) from their handle, as a list or a phone writes it. A module of its
 * own: only the importers and sync's field table ask for it, not the popup.
 */
import { type KnownSiteId, SITE_TABLE } from './sites';

/** Each site's page for a handle: keyed by every site of the table, so a site added there asks for its own here. */
const BY_HANDLE: Record<KnownSiteId, (handle: string) => string | undefined> = {
  linkedin: (h) => `https://www.linkedin.com/in/${h}`,
  xing: (h) => `https://www.xing.com/profile/${h}`,
  github: (h) => `https://github.com/${h}`,
  x: (h) => `https://x.com/${h}`,
  // A fediverse handle names its server: "@anna@social.example".
  mastodon: (h) => {
    const m = /^@?([\w.-]+)@([\w-]+(?:\.[\w-]+)+)$/.exec(h);
    return m ? `https://${m[2]}/@${m[1]}` : undefined;
  },
};

/**
 * The profile link of a handle on the site a word names (its id or the name its titles carry: "linkedin", "xing",
 * "github", "x" or "twitter", "mastodon"): "@anna", "anna-alt", "Anna_Alt", iOS's "x-apple:anna-alt", on Mastodon
 * "@anna@social.example". Undefined for a word naming no known site, and for a value that is no handle (spaces,
 * dots, a scheme), which the caller reads as it is.
 */
export function handleUrl(site: string, value: string): string | undefined {
  const row = SITE_TABLE.find((r) => [r.id, ...r.titleNames].some((n) => n.toLowerCase() === site));
  const v = value.trim().replace(/^x-apple:/i, '');
  if (!row || (row.id !== 'mastodon' && !/^@?[\p{L}\d_-]+$/u.test(v))) return undefined;
  return BY_HANDLE[row.id](row.id === 'mastodon' ? v : v.replace(/^@/, ''));
}
