/**
 * Which capture script reads a page: on a host of the site table, that site's own (capture-<site>.js: its adapter
 * and the generic chain but h-card); everywhere else capture.js (the whole generic chain, and the adapters that
 * recognise their software by its markup on any host). The popup picks by the tab's address, so a page loads only the code its
 * site needs; a script handed a page that is not its own (the tab's address changed in between) answers with the
 * script that is, and the popup asks that one. build.mjs names the scripts (src/capture/scripts/) the same way.
 * Part of the contract between the popup and the scripts, as the types in capture.ts are.
 */
import { type KnownSiteId, onSiteHost, SITE_TABLE } from './sites';

/** The script for pages of no site with hosts of its own. */
export const ANY_PAGE_SCRIPT = 'capture.js';

/** The file of a site's own script. */
export const siteScript = (site: KnownSiteId) => `capture-${site}.js`;

/** Whether a file is one of the capture scripts. */
export function isCaptureScript(file: string): boolean {
  return file === ANY_PAGE_SCRIPT || SITE_TABLE.some((row) => row.hosts.length > 0 && siteScript(row.id) === file);
}

export function captureScriptFor(url: string): string {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return ANY_PAGE_SCRIPT;
  }
  const row = SITE_TABLE.find((r) => r.hosts.length > 0 && onSiteHost(r, host));
  return row ? siteScript(row.id) : ANY_PAGE_SCRIPT;
}
