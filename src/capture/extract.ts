/**
 * extractProfile(document, url): the person this page is about, or null, read with every site adapter and the
 * whole generic chain (read.ts has the how). The scripts injected into pages (capture/scripts/) each carry only
 * their site's part of it, and must read every page of their site as this does
 * (test/unit/capture-scripts.test.ts).
 */
import type { ProfileCapture } from '../contacts/capture';
import { GENERIC_CHAIN } from './generic/chain';
import { type Page, pageOf } from './page';
import { attempt, extractWith } from './read';
import { SITES } from './sites';

export { GENERIC_CHAIN };

export function extractProfile(doc: Document, url: string): ProfileCapture | null {
  const page = attempt(() => pageOf(doc, url));
  return page ? extractFrom(page) : null;
}

/** extractProfile for a page already read. */
export function extractFrom(page: Page): ProfileCapture | null {
  return extractWith(page, SITES, GENERIC_CHAIN);
}
