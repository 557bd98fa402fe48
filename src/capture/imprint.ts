/**
 * A site's legal notice (Impressum), read as the page shows it: the popup finds who runs the site in it
 * (contacts/imprint.ts weighs the text there, outside the page). Only in the script for pages of no known site
 * (capture.js), only on http(s) pages whose address or a heading says they are one, and only as text.
 */
import type { ImprintClues } from '../contacts/capture';
import type { Page } from './page';

const SAYS_IMPRINT = /impressum|imprint|legal[\s_-]?notice|anbieterkennzeichnung/i;

/**
 * On a page that is not the notice, the link to it ("Impressum" in the footer): on this site, over http(s), its text
 * the notice's name alone ("Impressum", "Impressum & Datenschutz", "Legal notice"). The popup offers to read it.
 */
export function imprintLink({ doc, url }: Page): string | undefined {
  for (const a of doc.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const text = a.textContent?.trim() ?? '';
    if (text.length < 40 && SAYS_IMPRINT.test(text) && a.origin === url.origin && a.pathname !== url.pathname)
      return /^https?:$/.test(a.protocol) ? a.href : undefined;
  }
  return undefined;
}

export function imprintClues({ doc, url }: Page): ImprintClues | undefined {
  if (!/^https?:$/.test(url.protocol)) return undefined;
  const heading = [...doc.querySelectorAll<HTMLElement>('h1, h2, h3')].find((h) => {
    const text = h.textContent ?? '';
    return text.length < 60 && SAYS_IMPRINT.test(text);
  });
  if (!heading && !SAYS_IMPRINT.test(url.pathname)) return undefined;
  const root =
    heading?.closest<HTMLElement>('main, article, [role="main"]') ??
    doc.querySelector<HTMLElement>('main, [role="main"]') ??
    doc.body;
  // The text as rendered: a line per line break and block, nothing hidden, no scripts (innerText). From the
  // notice's heading on, where the page has one: the menu and the page's header before it are not the notice.
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text's line breaks are the notice's lines
  const text = root?.innerText ?? '';
  // biome-ignore lint/performance/useDomNodeTextContent: found in the rendered text as rendered (text-transform)
  const at = heading ? Math.max(0, text.indexOf(heading.innerText)) : 0;
  const mails = [...(root?.querySelectorAll('a[href^="mailto:" i]') ?? [])]
    .slice(0, 5)
    .map((a) => (a.getAttribute('href') ?? '').slice(7).split('?')[0] ?? '');
  return { text: text.slice(at, at + 6000), mails };
}
