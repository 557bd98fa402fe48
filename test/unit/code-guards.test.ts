/** Rules over src/ that keep page content inert: no HTML sinks, no eval, no string timers, no unchecked links. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../src/', import.meta.url);
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(ts|tsx)$/.test(f))
  .map((f) => ({ f, text: readFileSync(new URL(f, dir), 'utf8').replace(/^\s*(\/\/|\*|\/\*).*$/gm, '') }));

const FORBIDDEN: [string, RegExp][] = [
  ['innerHTML/outerHTML writes', /\.(inner|outer)HTML\s*=/],
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\.write(ln)?\s*\(/],
  ['eval', /(^|[^.\w])eval\s*\(/],
  ['new Function', /new\s+Function\s*\(/],
  ['string timers', /set(Timeout|Interval)\s*\(\s*['"`]/],
  // Markup from strings is never parsed as HTML; DOMParser only reads XML (a FRITZ!Box phone book), which builds an
  // inert document whose text alone is read: no script runs, nothing loads, no entity is fetched.
  [
    'DOMParser but for XML / createContextualFragment',
    /DOMParser(?![^;\n]*'application\/xml')|createContextualFragment/,
  ],
  ['fetch or XHR (no network of our own)', /\bfetch\s*\(|XMLHttpRequest|sendBeacon|new\s+WebSocket/],
];

describe('code guards over src/', () => {
  it('reads the source files', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(FORBIDDEN)('no %s', (_, pattern) => {
    const hits = files.filter(({ text }) => pattern.test(text)).map(({ f }) => f);
    expect(hits).toEqual([]);
  });

  it('every rendered link to page-derived data goes through safeHref (http(s), mailto, tel only)', () => {
    const offenders = files
      .filter(({ f }) => f.endsWith('.tsx'))
      .flatMap(({ f, text }) => [...text.matchAll(/href=\{([^}]+)\}/g)].map((m) => ({ f, expr: m[1] as string })))
      .filter(({ expr }) => !/^(p\.href|profile|safeHref\()/.test(expr.trim()));
    expect(offenders).toEqual([]);
  });

  /** Read-write transactions over `contacts` (and what they name) that leave the search index out. */
  const unindexedWrites = (text: string) =>
    [...text.matchAll(/transaction\(\s*(\[[^\]]*\]|'[^']*')\s*,\s*'readwrite'/g)]
      .map((m) => m[1] as string)
      .filter((stores) => stores.includes("'contacts'") && !stores.includes("'search'"));

  it('every read-write transaction over the contacts includes their search index (kept in step on write)', () => {
    expect(files.flatMap(({ f, text }) => unindexedWrites(text).map((s) => `${f}: ${s}`))).toEqual([]);
    // And the check catches one that forgets it.
    expect(unindexedWrites("db.transaction(['contacts', 'meta'], 'readwrite')")).toEqual(["['contacts', 'meta']"]);
    expect(unindexedWrites("db.transaction('contacts', 'readwrite')")).toEqual(["'contacts'"]);
  });

  it('the guard itself catches a sink (a check that cannot fail is no check)', () => {
    const sample = 'el.innerHTML = page.name; setTimeout("x()", 1); eval(code)';
    expect(FORBIDDEN.filter(([, p]) => p.test(sample)).map(([n]) => n)).toEqual([
      'innerHTML/outerHTML writes',
      'eval',
      'string timers',
    ]);
  });
});
