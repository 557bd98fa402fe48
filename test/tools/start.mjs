// npm start: rebuilds on every change (node build.mjs --watch) and opens a browser with the extension loaded in a
// fresh profile, for trying Reconnect by hand. Chromium by default (CHROME_PATH, else the Debian binary);
// `npm start -- --firefox` uses web-ext run with dist/firefox instead.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const firefox = process.argv.includes('--firefox');
const children = [];
const run = (cmd, args) => {
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit' });
  children.push(child);
  child.on('exit', (code) => {
    for (const c of children) if (c !== child) c.kill();
    process.exit(code ?? 0);
  });
  return child;
};

run(process.execPath, ['build.mjs', '--watch']);
// Wait for the first build before the browser looks for the extension.
const manifest = join(root, firefox ? 'dist/firefox/manifest.json' : 'dist/chrome/manifest.json');
while (!existsSync(manifest)) await new Promise((r) => setTimeout(r, 200));

if (firefox) {
  run(join(root, 'node_modules/.bin/web-ext'), ['run', '--source-dir', 'dist/firefox']);
} else {
  const chrome =
    process.env.CHROME_PATH ||
    ['/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/google-chrome'].find((p) => existsSync(p));
  if (!chrome) {
    console.error(
      'npm start: no Chromium found. Install it (Debian/Ubuntu: apt-get install chromium) or set CHROME_PATH.',
    );
    process.exit(1);
  }
  const profile = mkdtempSync(join(tmpdir(), 'reconnect-dev-'));
  const ext = join(root, 'dist/chrome');
  console.log(`npm start: ${chrome} with ${ext} (profile ${profile}); reload the extension after a rebuild.`);
  run(chrome, [
    `--user-data-dir=${profile}`,
    `--disable-extensions-except=${ext}`,
    `--load-extension=${ext}`,
    '--no-first-run',
  ]);
}
