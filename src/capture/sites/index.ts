import type { SiteAdapter } from '../found';
import { github } from './github';
import { linkedin } from './linkedin';
import { mastodon } from './mastodon';
import { x } from './x';
import { xing } from './xing';

/**
 * Site adapters, tried in order; the first whose `matches` accepts the page is used. Hosts first, then Mastodon,
 * which is recognised by its markup on any domain. The generic chain in extract.ts always runs after the adapter
 * (test/unit/capture-conventions.test.ts checks each adapter has fixtures and a README row).
 */
export const SITES: SiteAdapter[] = [linkedin, xing, github, x, mastodon];
