import type { PageCapture } from '../contacts/capture';
import { ANY_PAGE_SCRIPT, captureScriptFor, isCaptureScript } from '../contacts/capture-scripts';
import { browser } from './browser';

export type TabCapture =
  | { kind: 'page'; page: PageCapture }
  /** A page the extension may not read: browser pages, the web store, the PDF viewer, or no tab at all. */
  | { kind: 'restricted'; url?: string; title?: string };

/** The tab to read, and its address and title (when the browser lets us see them). */
export interface TargetTab {
  id: number;
  url?: string;
  title?: string;
}

/** A tab as the browser describes it, as far as we use it. */
const described = (id: number, tab: { url?: string; title?: string } | undefined): TargetTab => ({
  id,
  ...(tab?.url ? { url: tab.url } : {}),
  ...(tab?.title ? { title: tab.title } : {}),
});

/**
 * The tab to read, asked once per popup: `?tab=<id>` (tests, and the full-tab view), else the active tab of the
 * current window. Its address picks the capture script and is the manual form's link while the page is silent.
 */
export async function targetTab(search: string): Promise<TargetTab | undefined> {
  const fromQuery = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) {
    // One call, as the toolbar's popup makes one: tabs.query gives the address with the tab.
    return described(fromQuery, await browser.tabs.get(fromQuery).catch(() => undefined));
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? undefined : described(tab.id, tab);
}

/**
 * Injects the capture script for the tab's address (contacts/capture-scripts.ts: its site's own, or the one for
 * any page) into the tab (activeTab grant from the toolbar click) and returns what it read. Nothing stays behind in
 * the page. Any refusal (chrome://, the store, PDFs) becomes 'restricted'.
 */
export async function captureTab(tab: TargetTab | undefined): Promise<TabCapture> {
  if (tab === undefined) return { kind: 'restricted' };
  const tabId = tab.id;
  try {
    const run = async (files: string[]) => {
      const results = await browser.scripting.executeScript({ target: { tabId }, files });
      // One result per frame (the main frame only here): the completion value of the last file injected.
      const page = results[0]?.result as PageCapture | undefined;
      return page && typeof page.url === 'string' ? page : undefined;
    };
    let file = tab.url ? captureScriptFor(tab.url) : ANY_PAGE_SCRIPT;
    let page = await run([file]);
    // The page is another script's (its address changed since the tab was looked at): that one reads it, once —
    // only a script of ours, whatever the answer names.
    const other = page?.otherScript;
    if (other && other !== file && isCaptureScript(other)) {
      file = other;
      page = await run([file]);
    }
    // Rare: JSON-LD only a repairing parser reads. jsonrepair is injected then, not on every page.
    if (page?.retryWithRepair) page = (await run(['json-repair.js', file])) ?? page;
    if (!page) return { kind: 'restricted' };
    return { kind: 'page', page };
  } catch {
    // What the browser said of the tab when it was asked for (targetTab: its address and title, where known).
    const { id: _id, ...seen } = tab;
    return { kind: 'restricted', ...seen };
  }
}
