/** capture-github.js: the site's pages — its adapter, then the generic chain without h-card (SITE_CHAIN). */
import { runCapture, siteCaptureScript } from '../run';
import { github } from '../sites/github';

export const script = siteCaptureScript(github);

export default runCapture(script);
