/** capture-xing.js: the site's pages — its adapter, then the generic chain without h-card (SITE_CHAIN). */

import { siteScript } from '../../contacts/capture-scripts';
import { SITE_CHAIN } from '../generic/chain';
import { runCapture } from '../run';
import { xing } from '../sites/xing';

export const script = { file: siteScript('xing'), sites: [xing], chain: SITE_CHAIN };

export default runCapture(script);
