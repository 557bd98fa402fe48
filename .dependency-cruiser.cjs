/**
 * The layering the README states, checked by dependency-cruiser in `npm test` (`npm run deps`). Arrows point down:
 * views (popup, options) and the worker (background) → sync → storage → interchange → contacts; capture → contacts;
 * the shared view parts (ui) and the browser edge (platform) sit between the views and the rest.
 */
const layer = (name, allowed) => ({
  name: `layer-${name}`,
  comment: `src/${name}/ may import ${allowed.length ? allowed.map((a) => `src/${a}/`).join(', ') : 'nothing else of src/'}`,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: { path: '^src/', pathNot: [`^src/(${[name, ...allowed].join('|')})/`, '^src/_locales/', '^src/env\\.d\\.ts$'] },
});

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'nothing-imports-the-top',
      comment: 'popup/, options/ and background/ are entry points: nothing else imports them',
      severity: 'error',
      from: { path: '^src/(?!(popup|options|background)/)' },
      to: { path: '^src/(popup|options|background)/' },
    },
    {
      name: 'views-do-not-import-each-other',
      severity: 'error',
      from: { path: '^src/(popup|options|background)/' },
      to: { path: '^src/(popup|options|background)/', pathNot: ['^src/$1/'] },
    },
    layer('contacts', []),
    layer('capture', ['contacts']),
    layer('interchange', ['contacts']),
    layer('storage', ['contacts', 'interchange']),
    layer('sync', ['storage', 'interchange', 'contacts', 'platform']),
    layer('platform', ['contacts']),
    layer('ui', ['platform', 'storage', 'contacts']),
    layer('background', ['sync', 'storage', 'interchange', 'contacts', 'platform']),
    {
      name: 'one-edge-to-the-browser',
      comment:
        'only src/platform/browser.ts imports webextension-polyfill (and native-browser.ts, its stand-in in the ' +
        'popup build, its types)',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/platform/(native-)?browser\\.ts$' },
      to: { path: 'node_modules/webextension-polyfill/' },
    },
    {
      name: 'the-domain-is-pure',
      comment:
        'src/contacts/ and src/capture/ use no package: no I/O, no browser API. Two exceptions, pure functions each in ' +
        'one file: jsonrepair in the file injected before a second capture (src/capture/json-repair.ts), node-diff3 ' +
        'in the line-by-line merge of two notes (src/contacts/notes.ts)',
      severity: 'error',
      from: { path: '^src/(contacts|capture)/', pathNot: '^src/(capture/json-repair|contacts/notes)\\.ts$' },
      to: { path: 'node_modules/' },
    },
    { name: 'not-to-unresolvable', severity: 'error', from: {}, to: { couldNotResolve: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Packages' export maps as esbuild reads them for the browser (nodemailer/lib/addressparser is one such path).
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'browser', 'default'],
    },
  },
};
