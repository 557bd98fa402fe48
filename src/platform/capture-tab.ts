import type { PageCapture } from '../contacts/capture';
import { browser } from './browser';

export type TabCapture =
  | { kind: 'page'; page: PageCapture }
  /** A page the extension may not read: browser pages, the web store, the PDF viewer, or no tab at all. */
  | { kind: 'restricted'; url?: string; title?: string };

/** The tab to read: `?tab=<id>` (tests, and the full-tab view), else the active tab of the current window. */
export async function targetTabId(search: string): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/**
 * Injects the capture bundle into the tab (activeTab grant from the toolbar click) and returns what it read.
 * Nothing stays behind in the page. Any refusal (chrome://, the store, PDFs) becomes 'restricted'.
 */
export async function captureTab(tabId: number | undefined): Promise<TabCapture> {
  if (tabId === undefined) return { kind: 'restricted' };
  try {
    const run = async (files: string[]) => {
      const results = await browser.scripting.executeScript({ target: { tabId }, files });
      // One result per frame (the main frame only here): the completion value of the last file injected.
      const page = results[0]?.result as PageCapture | undefined;
      return page && typeof page.url === 'string' ? page : undefined;
    };
    let page = await run(['capture.js']);
    // Rare: JSON-LD only a repairing parser reads. jsonrepair is injected then, not on every page.
    if (page?.retryWithRepair) page = (await run(['json-repair.js', 'capture.js'])) ?? page;
    if (!page) return { kind: 'restricted' };
    return { kind: 'page', page };
  } catch {
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    return { kind: 'restricted', ...(tab?.url ? { url: tab.url } : {}), ...(tab?.title ? { title: tab.title } : {}) };
  }
}
