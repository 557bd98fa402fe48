/**
 * The one place that touches the browser's extension API. Everything else imports `browser` from here, so unit
 * tests mock a single module and the promise-based polyfill works the same in Chrome and Firefox.
 */
import browser from 'webextension-polyfill';

export type { Notifications } from 'webextension-polyfill';
export { browser };
