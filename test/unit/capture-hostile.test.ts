/** Hostile pages: markup and script payloads, huge text, broken or cyclic JSON-LD, deep and wide DOMs. */
import { JSDOM } from 'jsdom';
import { jsonrepair } from 'jsonrepair';
import { describe, expect, it } from 'vitest';
import { MAX } from '../../src/capture/clean';
import { extractProfile } from '../../src/capture/extract';
import { pageOf } from '../../src/capture/page';
import { JSON_REPAIR_GLOBAL } from '../../src/capture/repair-hook';

function capture(html: string, url = 'https://evil.example/profile') {
  const dom = new JSDOM(html, { url });
  try {
    return extractProfile(dom.window.document, url);
  } finally {
    dom.window.close();
  }
}

// Pages escape '<' inside JSON-LD (else a "</script>" in a value would end the block), as JSON.stringify + \u003c.
const jsonLd = (obj: unknown) =>
  `<script type="application/ld+json">${JSON.stringify(obj).replace(/</g, '\\u003c')}</script>`;

describe('hostile pages', () => {
  it('keeps script and markup payloads as inert text, and drops javascript:/data: URLs', () => {
    const got = capture(
      jsonLd({
        '@type': 'Person',
        name: '<img src=x onerror=alert(1)>Eve',
        jobTitle: '"><script>alert(1)</script>',
        image: 'javascript:alert(1)',
        worksFor: { name: '<b>Evil</b> Corp' },
      }),
    );
    expect(got?.name).toBe('<img src=x onerror=alert(1)>Eve');
    expect(got?.role).toBe('"><script>alert(1)</script>');
    expect(got?.company).toBe('<b>Evil</b> Corp');
    expect(got?.photoUrl).toBeUndefined();
    expect(
      capture(jsonLd({ '@type': 'Person', name: 'Eve', image: 'data:image/svg+xml,<svg onload=alert(1)>' }))?.photoUrl,
    ).toBeUndefined();
  });

  it('strips zero-width and bidi tricks from names', () => {
    const got = capture(jsonLd({ '@type': 'Person', name: 'E\u200bv\u200de \u202eevil\u202c' }));
    expect(got?.name).toBe('Eve evil');
  });

  it('bounds every field, even on megabytes of text', () => {
    const long = 'A'.repeat(300_000);
    const got = capture(jsonLd({ '@type': 'Person', name: `Eve ${long}`, jobTitle: long, worksFor: { name: long } }));
    expect(got?.name.length).toBeLessThanOrEqual(MAX.name);
    expect(got?.role?.length).toBeLessThanOrEqual(MAX.role);
    expect(got?.company?.length).toBeLessThanOrEqual(MAX.company);
    // A JSON-LD block over 1 MB is not read at all, and 10 MB of body text is not a person.
    const huge = 'A'.repeat(10_000_000);
    expect(capture(jsonLd({ '@type': 'Person', name: 'Eve', description: huge }))).toBeNull();
    expect(capture(`<title>Eve</title><p>${huge}</p>`)).toBeNull();
  });

  it('survives malformed and cyclic JSON-LD', () => {
    expect(
      capture('<script type="application/ld+json">{"@type": "Person", "name": </script><title>x</title>'),
    ).toBeNull();
    const cyclic = jsonLd({
      '@graph': [
        { '@type': 'ProfilePage', mainEntity: { '@id': '#p' } },
        { '@id': '#p', '@type': 'Person', name: 'Eve', knows: { '@id': '#p' }, worksFor: { '@id': '#p' } },
      ],
    });
    expect(capture(cyclic)?.name).toBe('Eve');
    const deep = `{"@type":"Person","name":"Eve","worksFor":${'{"name":'.repeat(5000)}"x"${'}'.repeat(5000)}}`;
    expect(() => capture(`<script type="application/ld+json">${deep}</script>`)).not.toThrow();
  });

  it('JSON-LD that only a repairing parser reads: flagged for a second capture, read once jsonrepair is there', () => {
    const html = `<title>x</title><script type="application/ld+json">
      {"@type": "Person", // a comment
       "name": "Ines Beispiel", "jobTitle": "Head of \\'Design\\'"}}</script>
      <script type="application/ld+json">{"@type": "Person", "name": "Nobody", "url": "fine",}</script>`;
    const dom = new JSDOM(html, { url: 'https://studio.example.org/ines' });
    const doc = dom.window.document;
    // Without jsonrepair: the second block reads (a trailing comma is cheap to forgive), the first is counted.
    expect(pageOf(doc, 'https://studio.example.org/ines').jsonLdUnreadable()).toBe(1);
    expect(extractProfile(doc, 'https://studio.example.org/ines')?.name).toBe('Nobody');
    const g = globalThis as Record<string, unknown>;
    g[JSON_REPAIR_GLOBAL] = jsonrepair;
    try {
      expect(pageOf(doc, 'https://studio.example.org/ines').jsonLdUnreadable()).toBe(0);
      expect(extractProfile(doc, 'https://studio.example.org/ines')).toMatchObject({
        name: 'Ines Beispiel',
        role: "Head of 'Design'",
      });
      // What even jsonrepair cannot read stays unread and counted, never a throw.
      const broken = new JSDOM(
        '<script type="application/ld+json">{"a": [1, 2</script><script type="application/ld+json">]]]]</script>',
      );
      expect(() => pageOf(broken.window.document, 'https://x.example/').jsonLd()).not.toThrow();
    } finally {
      delete g[JSON_REPAIR_GLOBAL];
      dom.window.close();
    }
  });

  it('survives a deeply nested DOM and thousands of elements', () => {
    const deep = `${'<div class="h-card">'.repeat(300)}<span class="p-name">Eve</span>${'</div>'.repeat(300)}`;
    expect(() => capture(deep)).not.toThrow();
    const wide = `<div class="h-card"><span class="p-name">Eve</span>${'<span class="p-note">x</span>'.repeat(20_000)}</div>`;
    expect(capture(wide)?.name).toBe('Eve');
    const manyScripts = Array.from({ length: 500 }, () => jsonLd({ '@type': 'Thing' })).join('');
    expect(capture(manyScripts + jsonLd({ '@type': 'Person', name: 'Late' }))).toBeNull();
  });

  it('does not read a name from a fake h1 inside an iframe or a <noscript>', () => {
    const url = 'https://www.linkedin.com/in/victim/';
    const got = capture(
      `<title>Victim | LinkedIn</title><main><iframe srcdoc="<h1>Attacker</h1>"></iframe><noscript><h1>Attacker</h1></noscript></main>`,
      url,
    );
    expect(got?.name).toBe('Victim');
    expect(got?.degraded).toBe(true);
  });

  it('returns null, not a throw, for non-http pages and odd URLs', () => {
    expect(capture('<title>x</title>', 'file:///tmp/x.html')).toBeNull();
    expect(capture(jsonLd({ '@type': 'Person', name: 'Eve' }), 'about:blank')).toBeNull();
  });
});
