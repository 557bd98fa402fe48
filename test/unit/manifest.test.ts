import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8'));

describe('source manifest', () => {
  it('asks only for the permissions features use, and no host permissions', () => {
    expect(manifest.permissions.sort()).toEqual(
      ['activeTab', 'alarms', 'notifications', 'scripting', 'storage', 'unlimitedStorage'].sort(),
    );
    expect(manifest.host_permissions).toBeUndefined();
  });

  it('may ask, at sync setup, for one address book server: any https host, or one on this machine', () => {
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*']);
  });

  it('exposes nothing to web pages and injects nothing on its own', () => {
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('runs extension pages under a strict CSP: own scripts only; connections only over https or to this machine', () => {
    const csp: string = manifest.content_security_policy.extension_pages;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain('connect-src https: http://127.0.0.1:* http://localhost:*;'.replace(/;$/, ''));
    expect(csp).not.toMatch(/unsafe-(eval|inline)|wasm/);
  });

  it.each(['popup', 'options'])('the %s page allows no connection at all (only the worker syncs)', (page) => {
    const html = readFileSync(new URL(`../../src/${page}/${page}.html`, import.meta.url), 'utf8');
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="connect-src \'none\'" />');
  });

  it('names only icons that exist', () => {
    for (const path of Object.values<string>(manifest.icons)) {
      expect(
        readFileSync(new URL(`../../${path}`, import.meta.url))
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');
    }
  });
});
