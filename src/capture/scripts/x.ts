/** capture-x.js: the site's pages — its adapter, then the generic chain without h-card (SITE_CHAIN). */

import { siteScript } from '../../contacts/capture-scripts';
import { SITE_CHAIN } from '../generic/chain';
import { runCapture } from '../run';
import { x } from '../sites/x';

export const script = { file: siteScript('x'), sites: [x], chain: SITE_CHAIN };

export default runCapture(script);
