/** capture-github.js: the site's pages — its adapter, then the generic chain without h-card (SITE_CHAIN). */

import { siteScript } from '../../contacts/capture-scripts';
import { SITE_CHAIN } from '../generic/chain';
import { runCapture } from '../run';
import { github } from '../sites/github';

export const script = { file: siteScript('github'), sites: [github], chain: SITE_CHAIN };

export default runCapture(script);
