import type { ProfileLink, SiteId } from './types';

/** Query parameters that only track where a click came from. Everything else in a query is dropped for profiles. */
const GITHUB_RESERVED = new Set(
  'about account apps blog collections contact customer-stories enterprise events explore features gist issues login logout marketplace new notifications orgs organizations pricing pulls search security settings site sponsors team teams topics trending users readme codespaces copilot dashboard'.split(
    ' ',
  ),
);
const X_RESERVED = new Set(
  'home explore notifications messages search settings i intent share compose login signup tos privacy hashtag'.split(
    ' ',
  ),
);

/** Parses an http(s) URL, or returns null: other schemes (javascript:, data:, file:) are never kept. */
export function safeHttpUrl(raw: string, base?: string): URL | null {
  try {
    const url = base ? new URL(raw.trim(), base) : new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function hostIs(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
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
  const host = url.hostname.toLowerCase();
  const seg = firstSegments(url);
  const [a, b] = seg;
  if (hostIs(host, 'linkedin.com')) {
    if (a === 'in' && b && /^[\p{L}\p{N}_-]{2,100}$/u.test(b))
      return { site: 'linkedin', url: `https://www.linkedin.com/in/${encodeURIComponent(b.toLowerCase())}` };
    return null;
  }
  if (hostIs(host, 'xing.com')) {
    if (a === 'profile' && b && /^[\p{L}\p{N}_.-]{2,100}$/u.test(b))
      return { site: 'xing', url: `https://www.xing.com/profile/${encodeURIComponent(b)}` };
    return null;
  }
  if (host === 'github.com' || host === 'www.github.com') {
    if (a && seg.length === 1 && /^[a-z\d](?:[a-z\d-]{0,38})$/i.test(a) && !GITHUB_RESERVED.has(a.toLowerCase()))
      return { site: 'github', url: `https://github.com/${a.toLowerCase()}` };
    return null;
  }
  if (hostIs(host, 'x.com') || hostIs(host, 'twitter.com')) {
    if (
      a &&
      /^\w{1,15}$/.test(a) &&
      !X_RESERVED.has(a.toLowerCase()) &&
      (seg.length === 1 || seg[1] === 'with_replies')
    )
      return { site: 'x', url: `https://x.com/${a.toLowerCase()}` };
    return null;
  }
  // Mastodon and other fediverse servers: any host, /@user (not /@user/123 posts). The site is confirmed by the
  // page (see capture/sites/mastodon.ts); by URL alone this is only the canonical form.
  if (a?.startsWith('@') && seg.length === 1 && /^@\w[\w.-]{0,63}$/.test(a))
    return { site: 'mastodon', url: `https://${host}/${a.toLowerCase()}` };
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
