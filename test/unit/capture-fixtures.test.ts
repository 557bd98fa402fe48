/**
 * Runs every page fixture in test/fixtures/pages/<site>/<case>.html through extractProfile and compares the
 * result with <case>.json. The first line of each page is a comment giving its URL and provenance.
 * UPDATE_FIXTURES=1 npx vitest run test/unit/capture-fixtures.test.ts rewrites the expectations for review.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { jsonrepair } from 'jsonrepair';
import { describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/capture/extract';
import { JSON_REPAIR_GLOBAL } from '../../src/capture/repair-hook';

// As on a page where the popup injected json-repair.js before a second capture (capture-tab.ts); the first
// capture without it is tested in capture-hostile.test.ts.
(globalThis as Record<string, unknown>)[JSON_REPAIR_GLOBAL] = jsonrepair;

const root = new URL('../fixtures/pages/', import.meta.url);
const update = process.env.UPDATE_FIXTURES === '1';

function loadFixtures() {
  return readdirSync(root).flatMap((site) =>
    readdirSync(new URL(`${site}/`, root))
      .filter((f) => f.endsWith('.html'))
      .map((f) => {
        const htmlPath = new URL(`${site}/${f}`, root);
        const html = readFileSync(htmlPath, 'utf8');
        const url = /^<!--\s*(\S+)/.exec(html)?.[1];
        if (!url) throw new Error(`${site}/${f}: first line must be <!-- URL | provenance -->`);
        const jsonPath = new URL(`${site}/${f.replace(/\.html$/, '.json')}`, root);
        return { site, name: f.replace(/\.html$/, ''), html, url, jsonPath };
      }),
  );
}

const fixtures = loadFixtures();

describe('capture fixtures', () => {
  it('finds fixtures to run', () => {
    expect(fixtures.length).toBeGreaterThan(30);
  });

  it.each(fixtures.map((f) => [`${f.site}/${f.name}`, f] as const))('%s', (_, f) => {
    const dom = new JSDOM(f.html, { url: f.url });
    const got = extractProfile(dom.window.document, f.url);
    dom.window.close();
    if (update) writeFileSync(f.jsonPath, `${JSON.stringify(got, null, 2)}\n`);
    expect(existsSync(f.jsonPath), `${f.jsonPath.pathname} is missing: run with UPDATE_FIXTURES=1 and review`).toBe(
      true,
    );
    expect(got).toEqual(JSON.parse(readFileSync(f.jsonPath, 'utf8')));
  });
});
