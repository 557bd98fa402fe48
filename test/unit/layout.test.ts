/** The project's top level holds the package, the build, the manifest and the README: the rest is in src/ or test/. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const TOP_LEVEL = new Set([
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'manifest.json',
  'build.mjs',
  'README.md',
  'src',
  'icons',
  'test',
]);

/** Top-level names outside that list; dotfiles and dot-folders (.ci/, tools' configuration) are allowed. */
const strays = (paths: string[]) =>
  [...new Set(paths.map((p) => p.split('/')[0] as string))].filter((n) => !TOP_LEVEL.has(n) && !n.startsWith('.'));

describe('the project layout', () => {
  it('tracks nothing at the top level beyond the package, build, manifest, README, src/, icons/, test/ and dotfiles', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(tracked.length).toBeGreaterThan(100);
    expect(strays(tracked)).toEqual([]);
  });

  it('the check names a config file left at the top level', () => {
    expect(strays(['vitest.config.ts', 'biome.json', 'src/popup/App.tsx', '.ci/run', 'README.md'])).toEqual([
      'vitest.config.ts',
      'biome.json',
    ]);
  });
});
