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
    const [first] = await browser.scripting.executeScript({ target: { tabId }, files: ['capture.js'] });
    const page = first?.result as PageCapture | undefined;
    if (!page || typeof page.url !== 'string') return { kind: 'restricted' };
    return { kind: 'page', page };
  } catch {
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    return { kind: 'restricted', ...(tab?.url ? { url: tab.url } : {}), ...(tab?.title ? { title: tab.title } : {}) };
  }
}
