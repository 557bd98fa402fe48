/**
 * jsdom lays nothing out, so its elements have no innerText. This gives a window's elements one that breaks lines
 * as a browser does for plain markup — after each block and at each <br> — and leaves out what is not rendered
 * (scripts, styles, templates, hidden elements). Enough for the capture tests; the end-to-end tests read Chromium's.
 */
const BLOCK = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DIV DL DT FIGCAPTION FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TR UL'.split(
    ' ',
  ),
);
const UNRENDERED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE']);

function rendered(node: Node): string {
  let out = '';
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) out += (child.nodeValue ?? '').replace(/\s+/g, ' ');
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    if (UNRENDERED.has(el.tagName) || el.hasAttribute('hidden')) continue;
    if (el.tagName === 'BR') out += '\n';
    else if (BLOCK.has(el.tagName)) out += `\n${rendered(el)}\n`;
    else out += rendered(el);
  }
  return out;
}

export function giveInnerText(window: { HTMLElement: typeof HTMLElement }): void {
  Object.defineProperty(window.HTMLElement.prototype, 'innerText', {
    configurable: true,
    get(this: HTMLElement) {
      return rendered(this)
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .join('\n');
    },
  });
}
