import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Kept in test/ (the project's top level holds the manifest, the build and the package files); the root is the
// project's, so the paths below are as from there.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: {
    // Unit tests never load the real polyfill (it throws outside an extension); they get a small fake browser.
    alias: { 'webextension-polyfill': fileURLToPath(new URL('./unit/support/fake-browser.ts', import.meta.url)) },
  },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/unit/support/setup.ts'],
    testTimeout: 20_000,
    // Date maths is tested in a zone with DST (this machine and CI run in UTC, which has none).
    env: { TZ: 'Europe/Berlin' },
  },
});
