/** Conventions of src/capture, executable (after refined-github's features.test.ts). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERIC_CHAIN } from '../../src/capture/extract';
import { SITES } from '../../src/capture/sites';
import { isSiteId, SITE_IDS, SITE_TABLE } from '../../src/contacts/sites';
import { toContact } from '../../src/contacts/validate';

const pages = new URL('../fixtures/pages/', import.meta.url);
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const siteFiles = readdirSync(new URL('../../src/capture/sites/', import.meta.url))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'rules.ts')
  .map((f) => f.replace(/\.ts$/, ''));

function expectations(site: string) {
  const dir = new URL(`${site}/`, pages);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { degraded: boolean } | null);
}

describe('capture conventions', () => {
  it('every row of the site table has its adapter file, registered, and nothing else is in sites/', () => {
    const rows = SITE_TABLE.map((s) => s.id).sort();
    expect(SITES.map((s) => s.id).sort()).toEqual(rows);
    expect(siteFiles.sort()).toEqual(rows);
  });

  it('sites recognised by their hosts are tried before federated ones', () => {
    const firstFederated = SITES.findIndex((s) => SITE_TABLE.find((r) => r.id === s.id)?.hosts.length === 0);
    const hosted = SITES.filter((s) => SITE_TABLE.find((r) => r.id === s.id)?.hosts.length);
    expect(firstFederated).toBe(hosted.length);
  });

  it.each(SITE_TABLE.map((s) => [s.id]))('a stored %s profile reads back as %s (validation knows the site)', (id) => {
    expect(isSiteId(id)).toBe(true);
    expect(SITE_IDS).toContain(id);
    const read = toContact({ id: 'c', name: 'A', profiles: [{ url: 'https://example.org/a', site: id }] });
    expect(read?.profiles[0]?.site).toBe(id);
  });

  it.each(SITES.map((s) => [s.id]))('%s has ≥ 4 person fixtures, one of them degraded, and a negative', (id) => {
    const cases = expectations(id);
    const people = cases.filter((c) => c !== null);
    expect(people.length).toBeGreaterThanOrEqual(4);
    expect(people.some((c) => c?.degraded)).toBe(true);
    expect(cases.some((c) => c === null)).toBe(true);
  });

  it.each(SITES.map((s) => [s.id]))('%s has a row in the README "Supported sites" table', (id) => {
    expect(readme).toMatch(new RegExp(`^\\|[^\\n]*\`sites/${id}\\.ts\`[^\\n]*\\|$`, 'm'));
  });

  it('the generic chain runs in order of trust, the title last', () => {
    expect(GENERIC_CHAIN.map((g) => g.id)).toEqual(['json-ld', 'microdata', 'h-card', 'open-graph', 'title']);
  });

  it('generic pages have fixtures too, people and negatives', () => {
    const cases = expectations('web');
    expect(cases.filter((c) => c !== null).length).toBeGreaterThanOrEqual(5);
    expect(cases.filter((c) => c === null).length).toBeGreaterThanOrEqual(4);
  });
});
