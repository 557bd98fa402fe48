// @vitest-environment jsdom
/**
 * The capture scripts the popup injects (capture/scripts/, picked by contacts/capture-scripts.ts): one per site with hosts
 * of its own and one for any other page. Each carries only its site's adapter and part of the generic chain, so
 * every page fixture must read with the script its address picks exactly as with every adapter and the whole chain
 * (extractProfile). And the popup's side: which file it injects, and asking the right one when a page says so.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { jsonrepair } from 'jsonrepair';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { titleClues } from '../../src/capture/clues';
import { extractProfile, GENERIC_CHAIN } from '../../src/capture/extract';
import { SITE_CHAIN } from '../../src/capture/generic/chain';
import { pageOf } from '../../src/capture/page';
import { JSON_REPAIR_GLOBAL } from '../../src/capture/repair-hook';
import { type CaptureScript, runCapture } from '../../src/capture/run';
import { SITES } from '../../src/capture/sites';
import { ANY_PAGE_SCRIPT, captureScriptFor, isCaptureScript, siteScript } from '../../src/contacts/capture-scripts';
import { SITE_TABLE } from '../../src/contacts/sites';
import { browser } from '../../src/platform/browser';
import { captureTab, targetTab } from '../../src/platform/capture-tab';
import { pageFixtures } from './support/page-fixtures';

// Paths, not URLs: under jsdom the global URL is jsdom's, which node:fs does not take.
const here = dirname(fileURLToPath(import.meta.url));
const scriptsDir = join(here, '../../src/capture/scripts');
const names = readdirSync(scriptsDir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''));
const scripts = new Map<string, CaptureScript>();
for (const name of names) {
  const mod = (await import(`../../src/capture/scripts/${name}.ts`)) as { script: CaptureScript };
  scripts.set(mod.script.file, mod.script);
}

describe('capture scripts', () => {
  it('one per site with hosts, named as build.mjs names it, and one for any other page', () => {
    const withHosts = SITE_TABLE.filter((row) => row.hosts.length > 0).map((row) => row.id);
    expect(names.sort()).toEqual(['any', ...withHosts].sort());
    // build.mjs: any.ts is capture.js, <site>.ts capture-<site>.js.
    for (const name of names)
      expect(scripts.has(name === 'any' ? 'capture.js' : `capture-${name}.js`), name).toBe(true);
    for (const id of withHosts) {
      const script = scripts.get(siteScript(id));
      expect(script?.sites.map((s) => s.id)).toEqual([id]);
      expect(script?.chain).toBe(SITE_CHAIN);
    }
    // Pages of no site's hosts: the adapters that recognise their software anywhere, and the whole chain.
    const any = scripts.get(ANY_PAGE_SCRIPT);
    expect(any?.sites.map((s) => s.id)).toEqual(SITE_TABLE.filter((row) => row.hosts.length === 0).map((r) => r.id));
    expect(any?.chain).toBe(GENERIC_CHAIN);
    expect(SITE_CHAIN.map((g) => g.id)).toEqual(GENERIC_CHAIN.map((g) => g.id).filter((id) => id !== 'h-card'));
  });

  it("the popup picks the script by the address: a site's hosts and their subdomains, any other page", () => {
    expect(captureScriptFor('https://www.linkedin.com/in/lena-beispiel/')).toBe('capture-linkedin.js');
    expect(captureScriptFor('https://de.linkedin.com/in/lena-beispiel')).toBe('capture-linkedin.js');
    expect(captureScriptFor('https://www.xing.com/profile/Lena_Beispiel')).toBe('capture-xing.js');
    expect(captureScriptFor('https://github.com/octocat')).toBe('capture-github.js');
    expect(captureScriptFor('https://twitter.com/someone')).toBe('capture-x.js');
    expect(captureScriptFor('https://x.com/someone')).toBe('capture-x.js');
    expect(captureScriptFor('https://mastodon.social/@someone')).toBe('capture.js');
    expect(captureScriptFor('https://notlinkedin.com/in/x')).toBe('capture.js');
    expect(captureScriptFor('https://linkedin.com.example.org/in/x')).toBe('capture.js');
    expect(captureScriptFor('not a url')).toBe('capture.js');
  });

  it('knows its scripts by name, and no other file', () => {
    for (const file of scripts.keys()) expect(isCaptureScript(file), file).toBe(true);
    for (const file of ['capture-evil.js', 'evil.js', 'json-repair.js', 'capture.js.map', '../capture.js'])
      expect(isCaptureScript(file), file).toBe(false);
  });
});

const fixtures = pageFixtures().map((f) => ({ ...f, name: `${f.site}/${f.name}.html` }));

describe('every page fixture, read with the script its address picks', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>)[JSON_REPAIR_GLOBAL];
  });

  it('has fixtures of every site', () => {
    expect(new Set(fixtures.map((f) => captureScriptFor(f.url)))).toEqual(new Set(scripts.keys()));
  });

  for (const { name, html, url } of fixtures)
    it(`${name}: the same capture and clues as with every adapter and the whole chain`, () => {
      for (const repair of [false, true]) {
        if (repair) (globalThis as Record<string, unknown>)[JSON_REPAIR_GLOBAL] = jsonrepair;
        const doc = new JSDOM(html, { url }).window.document;
        const script = scripts.get(captureScriptFor(url)) as CaptureScript;
        const got = runCapture(script, doc, url);
        expect(got.otherScript).toBeUndefined();
        const full = extractProfile(doc, url);
        expect(got.capture).toEqual(full);
        expect(got.clues).toEqual(full ? undefined : titleClues(pageOf(doc, url), SITES));
      }
    });
});

describe('a page handed to another script', () => {
  it('reads nothing and names the script that reads it', () => {
    const html = fixtures.find((f) => f.name === 'linkedin/public-profile.html') as (typeof fixtures)[number];
    const doc = new JSDOM(html.html, { url: html.url }).window.document;
    const any = scripts.get(ANY_PAGE_SCRIPT) as CaptureScript;
    expect(runCapture(any, doc, html.url)).toEqual({
      url: html.url,
      title: expect.any(String),
      capture: null,
      otherScript: 'capture-linkedin.js',
    });
    const xing = scripts.get('capture-xing.js') as CaptureScript;
    expect(runCapture(xing, doc, 'https://example.org/about').otherScript).toBe('capture.js');
  });
});

describe('captureTab (the popup injecting a script)', () => {
  const injected: string[][] = [];
  function answer(reply: (files: string[]) => unknown) {
    injected.length = 0;
    const b = browser as unknown as Record<string, unknown>;
    b.scripting = {
      executeScript: async ({ files }: { files: string[] }) => {
        injected.push(files);
        return [{ result: reply(files) }];
      },
    };
  }
  const page = (url: string, over = {}) => ({ url, title: 't', capture: null, ...over });
  afterEach(() => vi.restoreAllMocks());

  it("injects the script for the tab's address, without asking the browser for it again", async () => {
    const get = vi.spyOn(browser.tabs, 'get');
    answer(() => page('https://www.linkedin.com/in/x'));
    const r = await captureTab({ id: 7, url: 'https://www.linkedin.com/in/x' });
    expect(injected).toEqual([['capture-linkedin.js']]);
    expect(r).toEqual({ kind: 'page', page: page('https://www.linkedin.com/in/x') });
    expect(get).not.toHaveBeenCalled();
  });

  it('a popup opened for a tab (?tab=…) asks the browser for its address, once, and injects by it', async () => {
    const get = vi.spyOn(browser.tabs, 'get').mockResolvedValue({ url: 'https://github.com/octocat' } as never);
    answer(() => page('https://github.com/octocat'));
    const tab = await targetTab('?tab=7');
    expect(tab).toEqual({ id: 7, url: 'https://github.com/octocat' });
    await captureTab(tab);
    expect(injected).toEqual([['capture-github.js']]);
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('asks the script a page names, once; never a file that is not a capture script', async () => {
    answer((files) =>
      files.includes('capture.js')
        ? page('https://www.xing.com/profile/x', { otherScript: 'capture-xing.js' })
        : page('https://www.xing.com/profile/x', { capture: { name: 'X' } }),
    );
    const r = await captureTab({ id: 7, url: 'https://example.org/' });
    expect(injected).toEqual([['capture.js'], ['capture-xing.js']]);
    expect(r.kind === 'page' && r.page.capture).toEqual({ name: 'X' });

    // Still another's after that (the tab moved on again): no third injection; the page's form, not "restricted".
    answer((files) =>
      page('https://a.example/', { otherScript: files.includes('capture.js') ? 'capture-x.js' : 'capture.js' }),
    );
    const again = await captureTab({ id: 7, url: 'https://a.example/' });
    expect(injected).toEqual([['capture.js'], ['capture-x.js']]);
    expect(again.kind).toBe('page');

    answer(() => page('https://a.example/', { otherScript: 'evil.js' }));
    await captureTab({ id: 7, url: 'https://a.example/' });
    expect(injected).toEqual([['capture.js']]);
  });

  it('a page the extension may not read is restricted, with the address and title the tab came with', async () => {
    const get = vi.spyOn(browser.tabs, 'get');
    const b = browser as unknown as Record<string, unknown>;
    b.scripting = {
      executeScript: async () => {
        throw new Error('Cannot access a chrome:// URL');
      },
    };
    expect(await captureTab({ id: 7, url: 'chrome://settings/', title: 'Settings' })).toEqual({
      kind: 'restricted',
      url: 'chrome://settings/',
      title: 'Settings',
    });
    expect(get).not.toHaveBeenCalled();
  });

  it('injects json-repair.js before the same script when the page asks for it', async () => {
    answer((files) => page('https://www.linkedin.com/in/x', files.length === 1 ? { retryWithRepair: true } : {}));
    await captureTab({ id: 7, url: 'https://www.linkedin.com/in/x' });
    expect(injected).toEqual([['capture-linkedin.js'], ['json-repair.js', 'capture-linkedin.js']]);
  });
});
