import { nobodysHost } from './app-pages';
import { onSiteHost, SITE_TABLE, type SiteId } from './sites';
import type { ProfileLink } from './types';

/** Parses an http(s) URL, or returns null: other schemes (javascript:, data:, file:) are never kept. */
export function safeHttpUrl(raw: string, base?: string): URL | null {
  try {
    const url = base ? new URL(raw.trim(), base) : new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function firstSegments(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

/**
 * One canonical form per site, so the same person is recognised whatever link led to them:
 * linkedin.com/in/<slug>, xing.com/profile/<Name>, github.com/<login>, <instance>/@<user>, x.com/<handle>.
 * Returns null when the URL is not a person's profile on a known site (see genericProfileUrl for the rest).
 */
export function siteProfileUrl(raw: string): ProfileLink | null {
  const url = safeHttpUrl(raw);
  if (!url) return null;
  const seg = firstSegments(url);
  // A site's own host decides alone: linkedin.com/company/… is nobody's profile, on LinkedIn or elsewhere.
  const hosted = SITE_TABLE.find((row) => onSiteHost(row, url.hostname));
  for (const row of hosted ? [hosted] : SITE_TABLE.filter((r) => r.hosts.length === 0)) {
    const canonical = row.canonical(url, seg);
    if (canonical) return { site: row.id, url: canonical };
  }
  return null;
}

/** Any other page: lowercase host, no query, no fragment, no trailing slash. */
export function genericProfileUrl(raw: string): string | null {
  const url = safeHttpUrl(raw);
  if (!url) return null;
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host.toLowerCase()}${path}`;
}

export function canonicalProfile(raw: string, fallbackSite: SiteId = 'web'): ProfileLink | null {
  const known = siteProfileUrl(raw);
  if (known) return known;
  const url = genericProfileUrl(raw);
  return url ? { url, site: fallbackSite } : null;
}

/**
 * The link a page without a person stands for, as someone's: a profile on a known site, or any page of another
 * site (a homepage, a portfolio). A known site's other pages (LinkedIn's feed, a company page, a search) are
 * nobody's link, nor are the user's own apps (a mailbox, a calendar: app-pages.ts): the manual form is not
 * prefilled with them, and they are never matched to someone saved.
 */
export function pageLink(raw: string): ProfileLink | null {
  const known = siteProfileUrl(raw);
  if (known) return known;
  const host = safeHttpUrl(raw)?.hostname;
  return !host || nobodysHost(host) || SITE_TABLE.some((row) => onSiteHost(row, host)) ? null : canonicalProfile(raw);
}

/** Profile links from URL-like values, including ones written into a note (XING puts the profile there). */
export function profilesIn(values: string[]): ProfileLink[] {
  const out: ProfileLink[] = [];
  const seen = new Set<string>();
  for (const v of values) {
    if (!v.includes('://')) continue;
    for (const m of v.matchAll(/https?:\/\/[^\s<>"']+/gi)) {
      // The same address often comes twice (URL and X-SOCIALPROFILE): it is made canonical once.
      if (seen.has(m[0])) continue;
      seen.add(m[0]);
      const p = canonicalProfile(m[0]);
      if (p && !out.some((x) => x.url === p.url)) out.push(p);
    }
  }
  return out;
}
