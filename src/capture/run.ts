/**
 * What every capture script does in the viewed tab (injected on demand: scripting.executeScript, activeTab). It
 * adds no listeners and changes nothing in the page: it reads the page once, and the script's completion value is
 * handed back to the popup (see the footer in build.mjs). Injecting it twice is harmless.
 */
import type { ImprintClues, PageCapture } from '../contacts/capture';
import { captureScriptFor, siteScript } from '../contacts/capture-scripts';
import { cleanText } from './clean';
import { titleClues } from './clues';
import type { GenericExtractor, SiteAdapter } from './found';
import { SITE_CHAIN } from './generic/chain';
import { type Page, pageOf } from './page';
import { attempt, extractWith } from './read';
import { jsonRepair } from './repair-hook';

/** A capture script: its file (contacts/capture-scripts.ts), the site adapters it carries and its generic chain. */
export interface CaptureScript {
  file: string;
  sites: readonly SiteAdapter[];
  chain: readonly GenericExtractor[];
  /** Reads a legal notice's text (capture/imprint.ts): in the script for pages of no known site only. */
  imprint?: (page: Page) => ImprintClues | undefined;
  /** Finds the link to the site's legal notice on a page that is not one (capture/imprint.ts), beside `imprint`. */
  imprintLink?: (page: Page) => string | undefined;
}

/** A site's own script (capture/scripts/<site>.ts): its adapter, then the generic chain without h-card. */
export const siteCaptureScript = (site: SiteAdapter): CaptureScript => ({
  file: siteScript(site.id),
  sites: [site],
  chain: SITE_CHAIN,
});

/** Reads `doc` (the tab's document) with this script; `url` is its address. */
export function runCapture(script: CaptureScript, doc: Document = document, url: string = location.href): PageCapture {
  const title = cleanText(doc.title, 300);
  try {
    const own = captureScriptFor(url);
    if (own !== script.file) return { url, title, capture: null, otherScript: own };
    const page = pageOf(doc, url);
    const capture = extractWith(page, script.sites, script.chain);
    const result: PageCapture = { url, title, capture };
    // Without a person: what the popup needs to suggest a name from the title (it weighs it, not this script).
    const clues = capture ? undefined : titleClues(page, script.sites);
    if (clues) result.clues = clues;
    // A site's legal notice names who runs it: its text, for the popup to read them from (beside the person the
    // page's markup names, too: the notice adds what the markup does not say, an email address, a phone).
    const imprint = script.imprint && attempt(() => script.imprint?.(page));
    if (imprint) result.imprint = imprint;
    // A page without a person that is not the notice: where the site's notice is, for the popup to offer it.
    const link = !capture && !imprint ? attempt(() => script.imprintLink?.(page)) : undefined;
    if (link) result.imprintLink = link;
    // Structured data we could not read: the popup injects json-repair.js and asks once more.
    if (page.jsonLdUnreadable() > 0 && !jsonRepair()) result.retryWithRepair = true;
    return result;
  } catch (e) {
    // A page we cannot read still gets the manual form, with its address.
    return { url, title, capture: null, error: String(e).slice(0, 200) };
  }
}
