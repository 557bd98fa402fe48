// Shared helpers for benchmarks: medians, esbuild bundles of our source for the browser, and Chromium.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROME = process.env.CHROME_PATH || '/usr/lib/chromium/chromium';

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Runs fn `runs` times after `warmup` runs and returns the median duration in ms. */
export async function time(fn, { runs = 15, warmup = 3 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

/** Bundles a module (ours or a peer's) as an IIFE exposing its exports on globalThis[name]. */
export async function browserBundle(entry, name) {
  const out = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: name,
    platform: 'browser',
    minify: !process.env.BENCH_NO_MINIFY,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'silent',
    absWorkingDir: root,
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return out.outputFiles[0].text;
}

export async function launchChromium() {
  return chromium.launch({
    executablePath: CHROME,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** The page fixtures: { site, name, url, html } with the URL from each file's first line. */
export function pageFixtures() {
  const dir = join(root, 'test/fixtures/pages');
  return readdirSync(dir).flatMap((site) =>
    readdirSync(join(dir, site))
      .filter((f) => f.endsWith('.html'))
      .map((f) => {
        const html = readFileSync(join(dir, site, f), 'utf8');
        return { site, name: f, url: /^<!--\s*(\S+)/.exec(html)[1], html };
      }),
  );
}

export const tmp = (prefix) => mkdtempSync(join(tmpdir(), prefix));
