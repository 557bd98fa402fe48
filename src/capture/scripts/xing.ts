/** capture-xing.js: the site's pages — its adapter, then the generic chain without h-card (SITE_CHAIN). */
import { runCapture, siteCaptureScript } from '../run';
import { xing } from '../sites/xing';

export const script = siteCaptureScript(xing);

export default runCapture(script);
