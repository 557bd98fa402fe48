import { type Node, topLevelNodes } from './generic/nodes';

/** The page being read, with the parsed pieces several extractors need computed once. */
export interface Page {
  doc: Document;
  url: URL;
  href: string;
  jsonLd(): Node[];
  /** How many JSON-LD blocks could not be read, even leniently. */
  jsonLdUnreadable(): number;
  meta(name: string): string;
}

export function pageOf(doc: Document, href: string): Page {
  let read: ReturnType<typeof topLevelNodes> | undefined;
  let metas: Map<string, string> | undefined;
  const url = new URL(href);
  return {
    doc,
    url,
    href,
    jsonLd: () => {
      read ??= topLevelNodes(doc);
      return read.nodes;
    },
    jsonLdUnreadable: () => {
      read ??= topLevelNodes(doc);
      return read.unreadable;
    },
    /** <meta property|name="…" content|value="…">, first one wins, names lowercased. */
    meta: (name) => {
      if (!metas) {
        metas = new Map();
        for (const m of doc.querySelectorAll('meta')) {
          const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? '').toLowerCase();
          const value = m.getAttribute('content') ?? m.getAttribute('value') ?? '';
          if (key && value && !metas.has(key)) metas.set(key, value);
          if (metas.size > 500) break;
        }
      }
      return metas.get(name) ?? '';
    },
  };
}
