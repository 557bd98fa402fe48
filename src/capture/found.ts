import type { Field } from '../contacts/capture';
import type { KnownSiteId } from '../contacts/sites';
import type { Page } from './page';

/** What one extractor found on a page; every value already cleaned. */
export type Found = Partial<Record<Field, string>> & { profileUrl?: string; mutuals?: string[] };

/** One step of the generic chain (JSON-LD, microdata, h-card, OpenGraph, title). */
export interface GenericExtractor {
  id: 'json-ld' | 'microdata' | 'h-card' | 'open-graph' | 'title';
  extract(page: Page): Found | null;
}

/**
 * A site adapter: how the pages of one site in the site table (contacts/sites.ts) are read. The table says which
 * hosts are the site's and which URLs are profiles; the adapter reads the fields its selectors know, and the
 * generic chain fills whatever it leaves empty.
 */
export interface SiteAdapter {
  id: KnownSiteId;
  /** Is this page from this site? By default its host is one of the table's; federated software says by markup. */
  matches?(page: Page): boolean;
  /** A profile URL that is still not a person's page (GitHub organisations share the user URL form). */
  isProfile?(page: Page): boolean;
  extract(page: Page): Found;
  /** Generic sources this site is known to fill with someone else's data (e.g. a viewer's avatar). */
  distrust?: Partial<Record<Field, GenericExtractor['id'][]>>;
  /** Per-field checks on values from the generic chain (e.g. a site's placeholder images are no photo). */
  accept?: Partial<Record<Field, (value: string) => boolean>>;
}
