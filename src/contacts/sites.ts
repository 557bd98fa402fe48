/**
 * The sites Reconnect knows, one row each: its id, how its name is written, the hosts it serves profiles on, the
 * canonical form of a profile URL and the names its page titles carry. The id union, profile-URL
 * canonicalisation, validation of stored profiles and title cleaning all derive from this table; the capture
 * adapter of each site (src/capture/sites/<id>.ts) adds how its pages are read.
 *
 * Adding a site: a row here, an adapter file, fixtures and a README row (test/unit/capture-conventions.test.ts
 * checks all four), and its page for a handle in handles.ts (the compiler asks for it).
 */

export interface SiteRow {
  id: string;
  /** The site's name as it writes it (the README table, notices). */
  label: string;
  /**
   * Domains whose pages are this site (a subdomain counts: de.linkedin.com). Empty for federated software, which
   * runs on any host and is recognised by its page (Mastodon) or, by URL alone, by its profile path.
   */
  hosts: readonly string[];
  /** The canonical profile URL, or null when the URL is not a person's profile on this site. */
  canonical(url: URL, segments: string[]): string | null;
  /** Names the site appends to its page titles ("Jane Doe | LinkedIn"); removed from names read off titles. */
  titleNames: readonly string[];
}

/** Paths of github.com that are not users. */
const GITHUB_RESERVED = new Set(
  'about account apps blog collections contact customer-stories enterprise events explore features gist issues login logout marketplace new notifications orgs organizations pricing pulls search security settings site sponsors team teams topics trending users readme codespaces copilot dashboard'.split(
    ' ',
  ),
);
/** Paths of x.com that are not accounts. */
const X_RESERVED = new Set(
  'home explore notifications messages search settings i intent share compose login signup tos privacy hashtag'.split(
    ' ',
  ),
);

export const SITE_TABLE = [
  {
    id: 'linkedin',
    label: 'LinkedIn',
    hosts: ['linkedin.com'],
    canonical: (_url, [a, b]) =>
      a === 'in' && b && /^[\p{L}\p{N}_-]{2,100}$/u.test(b)
        ? `https://www.linkedin.com/in/${encodeURIComponent(b.toLowerCase())}`
        : null,
    titleNames: ['LinkedIn'],
  },
  {
    id: 'xing',
    label: 'XING',
    hosts: ['xing.com'],
    canonical: (_url, [a, b]) =>
      a === 'profile' && b && /^[\p{L}\p{N}_.-]{2,100}$/u.test(b)
        ? `https://www.xing.com/profile/${encodeURIComponent(b)}`
        : null,
    titleNames: ['XING'],
  },
  {
    id: 'github',
    label: 'GitHub',
    hosts: ['github.com'],
    canonical: (url, seg) => {
      const [a] = seg;
      if (url.hostname !== 'github.com' && url.hostname !== 'www.github.com') return null;
      return a && seg.length === 1 && /^[a-z\d](?:[a-z\d-]{0,38})$/i.test(a) && !GITHUB_RESERVED.has(a.toLowerCase())
        ? `https://github.com/${a.toLowerCase()}`
        : null;
    },
    titleNames: ['GitHub'],
  },
  {
    id: 'x',
    label: 'X',
    hosts: ['x.com', 'twitter.com'],
    canonical: (_url, seg) => {
      const [a] = seg;
      return a &&
        /^\w{1,15}$/.test(a) &&
        !X_RESERVED.has(a.toLowerCase()) &&
        (seg.length === 1 || seg[1] === 'with_replies')
        ? `https://x.com/${a.toLowerCase()}`
        : null;
    },
    titleNames: ['X', 'Twitter'],
  },
  {
    // Mastodon and other fediverse servers: any host, /@user (not /@user/123, a post). By URL alone this is only
    // the canonical form; the capture confirms the site by the page (src/capture/sites/mastodon.ts).
    id: 'mastodon',
    label: 'Mastodon',
    hosts: [],
    canonical: (url, seg) => {
      const [a] = seg;
      return a?.startsWith('@') && seg.length === 1 && /^@\w[\w.-]{0,63}$/.test(a)
        ? `https://${url.hostname.toLowerCase()}/${a.toLowerCase()}`
        : null;
    },
    titleNames: ['Mastodon'],
  },
] as const satisfies readonly SiteRow[];

/** A site with its own row; 'web' is any other page with a person's structured data. */
export type KnownSiteId = (typeof SITE_TABLE)[number]['id'];
export type SiteId = KnownSiteId | 'web';

export const SITE_IDS: readonly SiteId[] = [...SITE_TABLE.map((s) => s.id), 'web'];

export const isSiteId = (v: unknown): v is SiteId => SITE_IDS.includes(v as SiteId);

export function siteRow(id: KnownSiteId): SiteRow {
  return SITE_TABLE.find((s) => s.id === id) as SiteRow;
}

/** Whether `host` is one of the site's domains or below one (de.linkedin.com). */
export function onSiteHost(row: SiteRow, host: string): boolean {
  const h = host.toLowerCase();
  return row.hosts.some((d) => h === d || h.endsWith(`.${d}`));
}
