/**
 * The page fixtures, test/fixtures/pages/<site>/<case>.html, each with the URL its first line names
 * (`<!-- URL | provenance -->`) and the path of its expected capture, <case>.json. Paths, not URLs: under jsdom the
 * global URL is jsdom's, which node:fs does not take.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/pages');

export interface PageFixture {
  site: string;
  /** The case, without .html. */
  name: string;
  html: string;
  url: string;
  jsonPath: string;
}

export function pageFixtures(): PageFixture[] {
  return readdirSync(root).flatMap((site) =>
    readdirSync(join(root, site))
      .filter((f) => f.endsWith('.html'))
      .map((f) => {
        const html = readFileSync(join(root, site, f), 'utf8');
        const url = /^<!--\s*(\S+)/.exec(html)?.[1];
        if (!url) throw new Error(`${site}/${f}: first line must be <!-- URL | provenance -->`);
        const name = f.replace(/\.html$/, '');
        return { site, name, html, url, jsonPath: join(root, site, `${name}.json`) };
      }),
  );
}
