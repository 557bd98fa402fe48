// Builds Reconnect from manifest.json and src/ into
//   dist/chrome/   the Chrome/Edge extension (MV3 module service worker)
//   dist/firefox/  the Firefox extension (background.scripts beside service_worker, gecko settings)
//   dist/e2e/      dist/chrome plus host permission <all_urls>, for automated tests only (automation cannot
//                  click the toolbar icon, so activeTab is never granted there). Nothing else differs.
//   dist/e2e-firefox/  dist/firefox plus the same host permission, for the Firefox tests only.
//
//   node build.mjs          production build: minified, no source maps
//   node build.mjs --watch  development build, rebuilt on every change, with source maps
//   node build.mjs --zip    production build plus store-ready zips in dist/ (no source maps inside)
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { zipSync } from 'fflate';
import { minify as terser } from 'terser';

const root = dirname(fileURLToPath(import.meta.url));
const args = new Set(process.argv.slice(2));
const watchMode = args.has('--watch');
const zip = args.has('--zip');
const dist = join(root, 'dist');
const out = {
  chrome: join(dist, 'chrome'),
  firefox: join(dist, 'firefox'),
  e2e: join(dist, 'e2e'),
  'e2e-firefox': join(dist, 'e2e-firefox'),
};

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
export const GECKO_ID = 'reconnect@reconnect-extension.invalid';

/** Files copied as they are: [source, destination inside the build]. */
const statics = [
  ['src/popup/popup.html', 'popup.html'],
  ['src/options/options.html', 'options.html'],
  ['src/_locales', '_locales'],
  ['icons', 'icons'],
];

/** The capture script must *return* the capture as its completion value: executeScript hands that back. */
const captureEntry = {
  // One script per file in src/capture/scripts/: any.ts is capture.js, <site>.ts capture-<site>.js (the names
  // src/contacts/capture-scripts.ts gives the popup).
  entryPoints: Object.fromEntries(
    readdirSync(join(root, 'src/capture/scripts'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.replace(/\.ts$/, ''))
      .map((name) => [name === 'any' ? 'capture' : `capture-${name}`, join(root, `src/capture/scripts/${name}.ts`)]),
  ),
  format: 'iife',
  globalName: 'reconnectCapture',
  // The value of a script's last expression statement is what scripting.executeScript returns.
  footer: { js: 'reconnectCapture.default;' },
};

/** jsonrepair for the capture script, injected only before a second capture on pages with broken JSON-LD. */
const repairEntry = {
  entryPoints: { 'json-repair': join(root, 'src/capture/json-repair.ts') },
  format: 'iife',
};

/** The service worker: one file (a worker cannot import chunks in every browser), with the polyfill. */
const backgroundEntry = {
  entryPoints: { background: join(root, 'src/background/index.ts') },
  format: 'esm',
};

/**
 * The pages, each split into chunks: what the first screen needs is in popup.js / options.js, the rest (the list's
 * rows, a contact's page, import and export) in chunks/ loaded after it. Both pages call only APIs both browsers
 * answer with promises (see src/platform/native-browser.ts), so they go without webextension-polyfill.
 */
const withoutPolyfill = { 'webextension-polyfill': join(root, 'src/platform/native-browser.ts') };
const popupEntry = {
  entryPoints: { popup: join(root, 'src/popup/index.tsx') },
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  alias: withoutPolyfill,
};
const optionsEntry = {
  entryPoints: { options: join(root, 'src/options/index.tsx') },
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  alias: withoutPolyfill,
};

/** Every page and script the build writes, for the size budget (test/tools/budgets.mjs) and the bench. */
const entries = {
  background: backgroundEntry,
  popup: popupEntry,
  options: optionsEntry,
  capture: captureEntry,
};

function shared() {
  return {
    bundle: true,
    outdir: out.chrome,
    target: ['chrome120', 'firefox142'],
    minify: !watchMode,
    sourcemap: watchMode ? 'linked' : false,
    legalComments: 'none',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': JSON.stringify(watchMode ? 'development' : 'production') },
    logLevel: 'warning',
    metafile: true,
  };
}

function manifestFor(target) {
  const base = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  const m = { ...base, version: pkg.version };
  if (target === 'firefox' || target === 'e2e-firefox') {
    delete m.minimum_chrome_version;
    m.background = { scripts: ['background.js'], service_worker: 'background.js', type: 'module' };
    // Firefox puts a new extension's button in its extensions panel unless told otherwise; capture starts from the
    // button, so it goes in the toolbar. Chrome has no such key (there the welcome page says how to pin it).
    m.action = { ...m.action, default_area: 'navbar' };
    m.browser_specific_settings = {
      gecko: { id: GECKO_ID, strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
    };
  }
  if (target === 'e2e' || target === 'e2e-firefox') m.host_permissions = ['<all_urls>'];
  return m;
}

/**
 * dist/meta.json: for each entry, the files it loads before its first screen (static imports) and all the files
 * it may load (dynamic imports too), from esbuild's metafiles. Read by the size budget and the bench.
 */
function writeMeta(results) {
  const outputs = Object.assign({}, ...results.map((r) => r.metafile.outputs));
  const rel = (file) => relative(out.chrome, join(root, file)).split('\\').join('/');
  const meta = {};
  for (const name of Object.values(entries).flatMap((e) => Object.keys(e.entryPoints))) {
    const entryFile = Object.keys(outputs).find((f) => rel(f) === `${name}.js`);
    const closure = (kinds) => {
      const seen = new Set();
      const visit = (f) => {
        if (seen.has(f)) return;
        seen.add(f);
        for (const i of outputs[f].imports) if (kinds.includes(i.kind) && outputs[i.path]) visit(i.path);
      };
      visit(entryFile);
      return [...seen].map(rel);
    };
    const sources = new Set(
      closure(['import-statement', 'dynamic-import'])
        .map((f) => outputs[Object.keys(outputs).find((k) => rel(k) === f)])
        .flatMap((o) => Object.keys(o.inputs)),
    );
    meta[name] = {
      first: closure(['import-statement']),
      all: closure(['import-statement', 'dynamic-import']),
      sources: [...sources].filter((f) => !f.startsWith('node_modules/')).sort(),
    };
  }
  writeFileSync(join(dist, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
  return meta;
}

/**
 * `<link rel="modulepreload">` in each page for every chunk its first screen loads (its static imports, as
 * writeMeta lists them). Without them the browser learns of a chunk only once the file importing it has been
 * fetched and parsed, so the files arrive one level after another. Measured for the popup at 1,000 people (open to
 * first rows painted, median of 20 opens, each run beside the 0.5.0 build, which loaded five files fewer): 272 ms
 * without (0.5.0: 221 ms), 192 ms with (0.5.0: 201 ms), when the popup's first screen was 15 files (2 today).
 */
function addPreloads(meta) {
  for (const name of ['popup', 'options']) {
    const links = meta[name].first
      .filter((f) => f !== `${name}.js`)
      .map((f) => `<link rel="modulepreload" href="${f}" />`);
    const file = join(out.chrome, `${name}.html`);
    const html = readFileSync(file, 'utf8');
    const script = html.match(/^( *)<script type="module"/m);
    if (!script) throw new Error(`build: ${name}.html has no module script`);
    writeFileSync(file, html.replace(script[0], `${links.map((l) => script[1] + l).join('\n')}\n${script[0]}`));
  }
}

function copyStatics() {
  for (const [from, to] of statics) {
    const src = join(root, from);
    if (!existsSync(src)) throw new Error(`build: missing ${from}`);
    cpSync(src, join(out.chrome, to), { recursive: true });
  }
}

/**
 * esbuild bundles and minifies; terser then minifies each written file once more (production builds only). Its
 * compressor and its mangler, which names locals by how often they are used, leave smaller files after gzip -9
 * (measured on 816cd99: the popup's first bundle 30,652 → 29,735 bytes, all popup 43.9 → 42.6 KB, the service
 * worker 50.3 → 48.0 KB), for about 3 s more per build. Its safe defaults only (no `unsafe`, no `pure_getters`:
 * reading a signal's value is how a component subscribes to it). The capture scripts and jsonrepair are classic
 * scripts whose last expression is what executeScript returns, so their completion value is kept (`expression`).
 */
async function minifyOutputs(builds, results) {
  for (const [i, r] of results.entries()) {
    const module = builds[i].format === 'esm';
    for (const file of Object.keys(r.metafile.outputs).filter((f) => f.endsWith('.js'))) {
      await minifyFile(join(root, file), module);
    }
  }
}

async function minifyFile(path, module) {
  const result = await terser(readFileSync(path, 'utf8'), {
    module,
    ecma: 2020,
    compress: { ecma: 2020, expression: !module },
    mangle: true,
    format: { comments: false },
  });
  if (result.code === undefined) throw new Error(`build: terser gave nothing for ${path}`);
  writeFileSync(path, result.code);
}

/** dist/chrome is built first; Firefox and e2e are copies of it with their own manifest. */
function deriveVariants() {
  for (const target of ['firefox', 'e2e', 'e2e-firefox']) {
    rmSync(out[target], { recursive: true, force: true });
    cpSync(out.chrome, out[target], { recursive: true });
  }
  for (const target of Object.keys(out)) {
    writeFileSync(join(out[target], 'manifest.json'), `${JSON.stringify(manifestFor(target), null, 2)}\n`);
  }
}

function listFiles(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p, base) : [relative(base, p)];
  });
}

function writeZips() {
  for (const target of ['chrome', 'firefox']) {
    const files = {};
    for (const f of listFiles(out[target])) {
      if (f.endsWith('.map')) continue;
      files[f.split('\\').join('/')] = readFileSync(join(out[target], f));
    }
    const file = join(dist, `reconnect-${pkg.version}-${target}.zip`);
    writeFileSync(file, zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
    console.log(`build: wrote ${relative(root, file)}`);
  }
}

async function buildOnce() {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(out.chrome, { recursive: true });
  const builds = [...Object.values(entries), repairEntry];
  const results = await Promise.all(builds.map((entry) => esbuild.build({ ...shared(), ...entry })));
  await minifyOutputs(builds, results);
  const meta = writeMeta(results);
  copyStatics();
  addPreloads(meta);
  deriveVariants();
  if (zip) writeZips();
  console.log(`build: dist/chrome, dist/firefox, dist/e2e, dist/e2e-firefox (version ${pkg.version})`);
}

async function watchAll() {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(out.chrome, { recursive: true });
  let pending;
  const refresh = () => {
    clearTimeout(pending);
    pending = setTimeout(() => {
      try {
        copyStatics();
        deriveVariants();
        console.log(`build: rebuilt at ${new Date().toLocaleTimeString()}`);
      } catch (e) {
        console.error(String(e));
      }
    }, 50);
  };
  const onEnd = { name: 'derive', setup: (b) => b.onEnd((r) => r.errors.length === 0 && refresh()) };
  const contexts = await Promise.all(
    [...Object.values(entries), repairEntry].map((entry) =>
      esbuild.context({ ...shared(), ...entry, plugins: [onEnd] }),
    ),
  );
  await Promise.all(contexts.map((c) => c.watch()));
  // esbuild watches what it bundles; HTML, locales and icons are watched here.
  for (const dir of ['src', 'icons', 'manifest.json']) watch(join(root, dir), { recursive: true }, refresh);
  console.log('build: watching for changes (Ctrl+C to stop)');
}

if (watchMode) await watchAll();
else await buildOnce();
