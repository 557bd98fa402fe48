/**
 * Runs every page fixture in test/fixtures/pages/<site>/<case>.html through extractProfile and compares the
 * result with <case>.json. The first line of each page is a comment giving its URL and provenance.
 * UPDATE_FIXTURES=1 npx vitest run test/unit/capture-fixtures.test.ts rewrites the expectations for review.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { jsonrepair } from 'jsonrepair';
import { describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/capture/extract';
import { JSON_REPAIR_GLOBAL } from '../../src/capture/repair-hook';
import { pageFixtures } from './support/page-fixtures';

// As on a page where the popup injected json-repair.js before a second capture (capture-tab.ts); the first
// capture without it is tested in capture-hostile.test.ts.
(globalThis as Record<string, unknown>)[JSON_REPAIR_GLOBAL] = jsonrepair;

const update = process.env.UPDATE_FIXTURES === '1';

const fixtures = pageFixtures();

describe('capture fixtures', () => {
  it('finds fixtures to run', () => {
    expect(fixtures.length).toBeGreaterThan(30);
  });

  it.each(fixtures.map((f) => [`${f.site}/${f.name}`, f] as const))('%s', (_, f) => {
    const dom = new JSDOM(f.html, { url: f.url });
    const got = extractProfile(dom.window.document, f.url);
    dom.window.close();
    if (update) writeFileSync(f.jsonPath, `${JSON.stringify(got, null, 2)}\n`);
    expect(existsSync(f.jsonPath), `${f.jsonPath} is missing: run with UPDATE_FIXTURES=1 and review`).toBe(true);
    expect(got).toEqual(JSON.parse(readFileSync(f.jsonPath, 'utf8')));
  });
});
