// Runs dependency-cruiser (the layering rules in .dependency-cruiser.cjs) over src/.
//
// dependency-cruiser reads TypeScript through the TypeScript compiler's JS API, which TypeScript 7 (the native
// compiler this project builds with) no longer has. It is given TypeScript 5's instead (the dev dependency
// `typescript5`, used for nothing else): in the dependency-cruiser process, its imports and requires of
// `typescript` are answered with `typescript5`. Everything else, tsc included, keeps TypeScript 7.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FROM_CRUISER = '/node_modules/dependency-cruiser/';
const hooks = `export async function resolve(specifier, context, next) {
  if (/^typescript(\\/|$)/.test(specifier) && context.parentURL?.includes(${JSON.stringify(FROM_CRUISER)}))
    return next(specifier.replace(/^typescript/, 'typescript5'), context);
  return next(specifier, context);
}`;
// ESM imports go through the resolve hook; require() (its version check) through Module._resolveFilename.
const preload = `import Module, { register } from 'node:module';
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const fromCruiser = parent?.filename?.includes(${JSON.stringify(FROM_CRUISER)});
  const swapped = fromCruiser && /^typescript(\\/|$)/.test(request) ? request.replace(/^typescript/, 'typescript5') : request;
  return resolveFilename.call(this, swapped, parent, ...rest);
};`;

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const args = ['src', '--config', '.dependency-cruiser.cjs', ...process.argv.slice(2)];
const run = spawnSync(
  process.execPath,
  ['--import', `data:text/javascript,${encodeURIComponent(preload)}`, bin, ...args],
  {
    stdio: 'inherit',
    cwd: root,
  },
);
process.exit(run.status ?? 1);
