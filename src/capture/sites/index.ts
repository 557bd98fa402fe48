import { type KnownSiteId, SITE_TABLE } from '../../contacts/sites';
import type { SiteAdapter } from '../found';
import { github } from './github';
import { linkedin } from './linkedin';
import { mastodon } from './mastodon';
import { x } from './x';
import { xing } from './xing';

/** One adapter per row of the site table: a row without its adapter (or the reverse) does not compile. */
const ADAPTERS: { [K in KnownSiteId]: SiteAdapter & { id: K } } = { linkedin, xing, github, x, mastodon };

/**
 * Site adapters, tried in order; the first that recognises the page is used: sites known by their hosts first,
 * then federated software, which is recognised by its markup on any host. The generic chain in extract.ts always
 * runs after the adapter (test/unit/capture-conventions.test.ts checks each has fixtures and a README row).
 */
export const SITES: SiteAdapter[] = [...SITE_TABLE]
  .sort((a, b) => Number(a.hosts.length === 0) - Number(b.hosts.length === 0))
  .map((row) => ADAPTERS[row.id]);
