// Shared helpers for benchmarks: medians, esbuild bundles of our source for the browser, and Chromium.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { browserBundle } from '../e2e/harness.mjs';
import { processesLeft } from '../support/processes.mjs';

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

/** Bundles a module as an IIFE on globalThis[name] (the e2e harness's; the benches use it too). */
export { browserBundle };

/**
 * `n` people written into the extension's database through the bench's own store bundle (storage-entry.ts), then the
 * popup opened once and left open until everyone is read and the page is idle, as a user's first look at a new book:
 * what is written then for the next open (the search index's copy in Blobs, which the service worker writes when
 * this popup's read asks for it: storage/search-copy.ts; the index checked against everyone) is there for the opens
 * timed, which close the popup the moment their answer is painted.
 */
export async function seedBook(h, n) {
  const storage = await browserBundle(join(root, 'test/bench/storage-entry.ts'), 'Store');
  const options = await h.openOptions();
  await options.evaluate(`${storage};globalThis.Store = Store;`);
  await options.evaluate(async (count) => {
    const db = await globalThis.Store.openDatabase();
    await globalThis.Store.bulkPut(db, globalThis.Store.makeContacts(count, Date.now()));
    db.close();
  }, n);
  await options.close();
  const first = await h.openPopup();
  await first.waitForTimeout(3000);
  await first.close();
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

/**
 * Opens `url` in `page` and waits until the page's timing script (an init script) has set `globalThis[key]`: it
 * writes `bench:<key>` to the console then. The harness does not poll the page (waitForFunction): Playwright's own
 * script, evaluated in the page for that, ran on the page's main thread while it was being timed. Measured on
 * 56030b4 (15 opens each way, alternating, two runs): the captured name on screen 79.5 / 90.0 ms waiting on the
 * console, 91.4 / 100.9 ms polling; the page that only injects and writes the name 60.1 / 67.2 against 64.0 / 66.2.
 */
export async function openTimed(page, url, key, timeout = 60_000) {
  const done = page.waitForEvent('console', { predicate: (m) => m.text() === `bench:${key}`, timeout });
  await page.goto(url);
  await done;
}

/**
 * Timings inside a popup page, as an init script (it runs before the page's own code). "Painted": the first frame
 * after the first row entered the document has run (rAF, then a task), seen from inside the page, so the harness's
 * own polling does not count. With #type=… in the address, the query is typed the moment the search box is on
 * screen, and the frame that shows its first matching row is timed.
 * Sets rowsPainted, searchOnScreen, resultPainted and countPainted (the frame showing the query's count, not
 * "Searching everyone…") as performance.now() of the page.
 */
export function popupTimings() {
  if (location.protocol !== 'chrome-extension:') return;
  const painted = (key) =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        globalThis[key] = performance.now();
        console.debug(`bench:${key}`); // what openTimed waits for
      }),
    );
  const typed = new URLSearchParams(location.hash.slice(1)).get('type');
  let state = 'rows';
  let countBefore;
  new MutationObserver((_, observer) => {
    if (state === 'rows' && document.querySelector('.row')) {
      painted('rowsPainted');
      state = typed ? 'search' : 'done';
    }
    const input = document.getElementById('search');
    if (state === 'search' && input) {
      state = 'typing';
      requestAnimationFrame(() =>
        setTimeout(() => {
          globalThis.searchOnScreen = performance.now();
          countBefore = document.querySelector('.list__count')?.textContent;
          input.value = typed;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          state = 'result';
        }),
      );
    }
    // The query's rows: the count changed, and the rows on screen are drawn (none still being read by id).
    const count = document.querySelector('.list__count')?.textContent;
    const drawn = document.querySelector('.row__name') && !document.querySelector('.row--pending');
    if (state === 'result' && count !== countBefore && drawn) {
      state = 'counting';
      painted('resultPainted');
    }
    // Its count ("3 of 50,000"): rows of the first screen may be drawn while the list still says it is searching.
    if (state === 'counting' && count && !count.includes('…')) {
      state = 'done';
      painted('countPainted');
    }
    if (state === 'done') observer.disconnect();
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

/**
 * Stops the extension's service worker and waits until the extension's process in this browser has ended, so the
 * next page of the extension starts a fresh one (Chromium's extension renderer, `--extension-process`), and then
 * until the browser has closed the database's files too: it keeps them open 2 s after the last connection closed.
 * Measured 2026-12-06 (a probe, 1,000 people): the database open 9.6 ms after the popup's first line 1.5 s after the
 * last page closed, 33 ms after 2.5 s, 27 ms after 4 s; a user's popup, hours apart, opens them anew.
 */
async function freshProcess(h) {
  await h.stopWorker();
  if ((await processesLeft([`--user-data-dir=${h.dir}`, '--extension-process'], 10_000)).length)
    throw new Error('bench: the extension process did not end with no page and no worker');
  await new Promise((r) => setTimeout(r, DATABASE_KEPT_MS + 1000));
}

/** How long Chromium keeps a database's files open after its last connection closed (its grace period). */
const DATABASE_KEPT_MS = 2000;

/**
 * Each of `files` opened `runs` times in turn, each open in a fresh extension process (freshProcess); `measure(file)`
 * opens one and gives what it measured (a time, or a page's timings). What it gave, one list per file in `files`'
 * order. The worker is started again at the
 * end, so the opens after these are warm, as those before were: without it no worker and no page keeps the
 * extension's process between two opens, and each starts one (the captured name with 1,000 people "warm" at 142 and
 * 143 ms, the static page 78 and 70, where a warm run gives 83 and 46).
 */
export async function freshOpens(h, runs, files, measure) {
  const measured = files.map(() => []);
  for (let i = 0; i < runs; i++)
    for (const [k, file] of files.entries()) {
      await freshProcess(h);
      measured[k].push(await measure(file));
    }
  await h.inWorker(() => true);
  return measured;
}
