/** capture-linkedin.js: the site's pages — its adapter, then the generic chain without h-card (SITE_CHAIN). */
import { runCapture, siteCaptureScript } from '../run';
import { linkedin } from '../sites/linkedin';

export const script = siteCaptureScript(linkedin);

export default runCapture(script);
