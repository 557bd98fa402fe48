/** capture-x.js: the site's pages — its adapter, then the generic chain without h-card (SITE_CHAIN). */
import { runCapture, siteCaptureScript } from '../run';
import { x } from '../sites/x';

export const script = siteCaptureScript(x);

export default runCapture(script);
