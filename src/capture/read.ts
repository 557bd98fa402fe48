/**
 * extractWith(page, sites, chain): the person this page is about, or null, with the site adapters and the generic
 * chain a capture script carries (capture/scripts/). Pure: no browser APIs, no awaiting, no DOM writes, so it runs
 * in the page, in jsdom and in benchmarks alike. It imports no adapter and no chain of its own: each script bundles
 * only what it passes in (extract.ts passes everything).
 *
 * The matching site adapter runs first; the generic chain (JSON-LD, microdata/RDFa, h-card, OpenGraph, then the
 * title as a last resort) fills every field the adapter left empty. Site wins per field; each field records its
 * source. An adapter that recognised its site but found no name marks the capture `degraded`.
 */

import type { Field, ProfileCapture, SourceId } from '../contacts/capture';
import { CAPTURE_FIELDS } from '../contacts/fields';
import { fold } from '../contacts/normalize';
import { canonicalProfile, siteProfileUrl } from '../contacts/profile-url';
import { onSiteHost, SITE_TABLE, siteRow } from '../contacts/sites';
import type { SiteId } from '../contacts/types';
import type { Found, GenericExtractor, SiteAdapter } from './found';
import { jsonLdSaysNotAProfile } from './generic/json-ld';
import { microdataSaysNotAProfile } from './generic/microdata';
import type { Page } from './page';

export function attempt<T>(work: () => T): T | null {
  try {
    return work();
  } catch {
    // One broken source (odd markup, hostile JSON) must not cost the others.
    return null;
  }
}

/** Two names are the same person's when one contains the other ("Jane Doe" / "Dr. Jane Doe"). */
function samePerson(a: string, b: string): boolean {
  const x = fold(a);
  const y = fold(b);
  return x.includes(y) || y.includes(x);
}

/** Whether the page is the adapter's site: by the site table's hosts, or by the adapter's own test of the page. */
export function isSite(site: SiteAdapter, page: Page): boolean {
  return site.matches ? site.matches(page) : onSiteHost(siteRow(site.id), page.url.hostname);
}

/** The canonical URL of the person this page of the site is about, or null when it is not a person's profile. */
function profileUrlOf(site: SiteAdapter, page: Page): string | null {
  const canonical = siteProfileUrl(page.href);
  return canonical?.site === site.id && (site.isProfile?.(page) ?? true) ? canonical.url : null;
}

/** Whether the page says it is about something other than one person (an article, a company, search results). */
export function notAProfile(page: Page): boolean {
  const type = page.meta('og:type').toLowerCase();
  if (type === 'article' || type === 'product' || type.startsWith('video') || type.startsWith('music')) return true;
  return jsonLdSaysNotAProfile(page.jsonLd()) || microdataSaysNotAProfile(page.doc);
}

/**
 * Whether the page belongs to a site of the site table (a profile of it or not): on one of its hosts, or recognised
 * by one of these adapters (federated software, on any host).
 */
export function isKnownSitePage(page: Page, sites: readonly SiteAdapter[]): boolean {
  const host = page.url.hostname;
  return (
    SITE_TABLE.some((row) => row.hosts.length > 0 && onSiteHost(row, host)) ||
    sites.some((s) => attempt(() => isSite(s, page)))
  );
}

/** The person on this page, read with these site adapters (the first that recognises the page) and this chain. */
export function extractWith(
  page: Page,
  sites: readonly SiteAdapter[],
  chain: readonly GenericExtractor[],
): ProfileCapture | null {
  if (!/^https?:$/.test(page.url.protocol)) return null;

  const site: SiteAdapter | undefined = sites.find((s) => attempt(() => isSite(s, page)));
  let ownUrl: string | null = null;
  if (site) {
    // A page of a known site that is not a person's profile (company, article, search, "not found") gives null.
    ownUrl = attempt(() => profileUrlOf(site, page));
    if (!ownUrl) return null;
  } else if (notAProfile(page)) return null;

  const values: Found = {};
  const sources: Partial<Record<Field, SourceId>> = {};
  const fromSite = site ? (attempt(() => site.extract(page)) ?? {}) : {};
  for (const f of CAPTURE_FIELDS) {
    if (fromSite[f]) {
      values[f] = fromSite[f];
      sources[f] = 'site';
    }
  }

  const profilePage = !!site || page.meta('og:type').toLowerCase() === 'profile';
  for (const step of chain) {
    if (step.id === 'title' && (!profilePage || values.name)) continue;
    const found = attempt(() => step.extract(page));
    if (!found) continue;
    // Data about someone else (a colleague's card, the viewer) never fills in this person's fields.
    if (values.name && found.name && !samePerson(values.name, found.name)) continue;
    for (const f of CAPTURE_FIELDS) {
      const value = found[f];
      if (values[f] || !value || site?.distrust?.[f]?.includes(step.id)) continue;
      if (site?.accept?.[f] && !site.accept[f](value)) continue;
      values[f] = value;
      sources[f] = step.id;
    }
  }
  if (!values.name) return null;

  const siteId: SiteId = site?.id ?? 'web';
  const profileUrl = ownUrl ?? canonicalProfile(page.href)?.url ?? page.href;
  return {
    name: values.name,
    ...(values.role ? { role: values.role } : {}),
    ...(values.company ? { company: values.company } : {}),
    ...(values.location ? { location: values.location } : {}),
    ...(values.photoUrl ? { photoUrl: values.photoUrl } : {}),
    profileUrl,
    site: siteId,
    sources,
    degraded: !!site && !fromSite.name,
    ...(fromSite.mutuals?.length ? { mutuals: fromSite.mutuals } : {}),
  };
}
