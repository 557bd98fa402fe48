import type { GenericExtractor } from '../found';
import { hCard } from './h-card';
import { jsonLd } from './json-ld';
import { microdata } from './microdata';
import { openGraph } from './open-graph';
import { title } from './title';

/** The generic chain, in order of trust. The title runs last and only on pages known to be profiles. */
export const GENERIC_CHAIN: readonly GenericExtractor[] = [jsonLd, microdata, hCard, openGraph, title];

/**
 * The chain in a site's own script (capture/scripts/<site>.ts): all but h-card, the microformat of personal
 * homepages and federated software, which the sites with an adapter do not publish (every page of theirs in the
 * fixtures reads the same without it: test/unit/capture-scripts.test.ts). So each script stays under 8 KB gzip.
 */
export const SITE_CHAIN: readonly GenericExtractor[] = [jsonLd, microdata, openGraph, title];
