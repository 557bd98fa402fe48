import type { Field, SiteId } from '../contacts/types';
import type { Page } from './page';

/** What one extractor found on a page; every value already cleaned. */
export type Found = Partial<Record<Field, string>> & { profileUrl?: string };

/** One step of the generic chain (JSON-LD, microdata, h-card, OpenGraph, title). */
export interface GenericExtractor {
  id: 'json-ld' | 'microdata' | 'h-card' | 'open-graph' | 'title';
  extract(page: Page): Found | null;
}

/**
 * A site adapter: recognises its site by the page (not only the host), says whether the page is a person's
 * profile at all, and reads the fields its selectors know. The generic chain fills whatever it leaves empty.
 */
export interface SiteAdapter {
  id: Exclude<SiteId, 'web'>;
  /** Is this page from this site (host or, for federated software, the page's own markers)? */
  matches(page: Page): boolean;
  /** The canonical profile URL of the person this page is about, or null when it is not a profile page. */
  profileUrl(page: Page): string | null;
  extract(page: Page): Found;
  /** Generic sources this site is known to fill with someone else's data (e.g. a viewer's avatar). */
  distrust?: Partial<Record<Field, GenericExtractor['id'][]>>;
  /** Per-field checks on values from the generic chain (e.g. a site's placeholder images are no photo). */
  accept?: Partial<Record<Field, (value: string) => boolean>>;
}
