// The end-to-end harness: real Chromium (Debian's, or CHROME_PATH) with the built dist/e2e extension loaded.
// Pages are served at their real URLs through request interception; nothing reaches the network.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { allRecords, idbScript } from './idb.mjs';

// Lets context.on('request') and context.route() see the service worker's own requests too.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Bundles a module (ours or a peer's) as an IIFE exposing its exports on globalThis[name], for a page to evaluate. */
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

/**
 * The store's own write path (src/storage/contact-writes.ts bulkPut: the records with the index keys the store
 * derives, and the search index's lines, in one transaction), bundled for an extension page: seeded people are
 * written exactly as the extension writes them, not by a test's imitation.
 */
const STORE = await browserBundle(join(root, 'test/e2e/store-entry.ts'), 'ReconnectStore');
export const EXTENSION = join(root, 'dist/e2e');
export const CHROME = process.env.CHROME_PATH || '/usr/lib/chromium/chromium';

/** Chromium with the extension loaded, in a fresh (or the given) profile. */
async function startChromium({ locale, dir, extension, args = [] }) {
  return chromium.launchPersistentContext(dir, {
    headless: true,
    executablePath: CHROME,
    locale,
    env: { ...process.env, LANGUAGE: locale, LANG: `${locale}.UTF-8` },
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      `--lang=${locale}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...args,
    ],
  });
}

/**
 * Records every request the browser makes and answers only the pages a test serves (at their real addresses);
 * everything else is blocked, so nothing reaches the network.
 */
async function interceptNetwork(context) {
  const requests = [];
  const served = new Map();
  /** Origins a test lets through to a real server on this machine (the user's address book server, for sync). */
  const allowed = new Set();
  context.on('request', (r) =>
    requests.push({
      url: r.url(),
      type: r.resourceType(),
      referer: r.headers().referer,
      frame: safeFrameUrl(r),
      sw: !!r.serviceWorker?.(),
    }),
  );
  await context.route(/^(https?|wss?):\/\//, async (route) => {
    const url = route.request().url();
    const page = served.get(url);
    if (page?.delayMs) await new Promise((r) => setTimeout(r, page.delayMs));
    if (page) await route.fulfill({ status: 200, contentType: page.type, body: page.body });
    else if (allowed.has(safeOrigin(url))) await route.continue();
    else await route.abort('blockedbyclient');
  });
  return {
    requests,
    /** Lets requests to `origin` through (a server the test runs on this machine); they are not "our own" traffic. */
    allow(origin) {
      allowed.add(origin);
    },
    /** Requests the extension made to an allowed origin. */
    allowedTraffic() {
      return requests.filter((r) => allowed.has(safeOrigin(r.url)));
    },
    /** Answers `url` with this body from now on (a fixture page at its real address). */
    /** Serves `body` at `url`; `delayMs` holds the answer back (a page still loading). */
    serve(url, body, type = 'text/html; charset=utf-8', { delayMs = 0 } = {}) {
      served.set(url, { body, type, delayMs });
    },
    /**
     * Requests of our own: anything the extension's pages or worker asked for outside the extension (what the
     * served web pages load themselves is theirs). The one exception is a contact's photo, loaded as an image
     * from its own address and without a referrer.
     */
    ownTraffic() {
      return requests.filter(
        (r) =>
          (r.sw || r.frame.startsWith('chrome-extension://') || r.frame === '') &&
          !r.url.startsWith('chrome-extension://') &&
          !served.has(r.url) &&
          !allowed.has(safeOrigin(r.url)) &&
          !r.url.startsWith('data:') &&
          !(r.type === 'image' && r.frame.startsWith('chrome-extension://') && !r.referer),
      );
    },
    /** Photos requested by extension pages (each must carry no referrer). */
    photoRequests() {
      return requests.filter(
        (r) =>
          r.type === 'image' && r.frame.startsWith('chrome-extension://') && !r.url.startsWith('chrome-extension://'),
      );
    },
  };
}

/** Stops the service worker, as the browser does after 30 s without an event, and starts nothing (none running: nothing). */
async function stopWorker(h, page) {
  const cdp = await h.context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(h.extensionId));
  if (sw) await cdp.send('Target.closeTarget', { targetId: sw.targetId });
  await cdp.detach();
}

/** Stops the service worker (as the browser does when idle) and waits until an event has started a new one. */
async function restartWorker(h) {
  const { context, extensionId } = h;
  if (!h.worker) await wakeWorker(h);
  await h.worker.evaluate(() => {
    self.__beforeRestart = true;
  });
  const page = await context.newPage();
  await stopWorker(h, page);
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  // A message wakes the worker, as any real event would.
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ping' }).catch(() => {}));
  const end = Date.now() + 10_000;
  for (;;) {
    const [worker] = context.serviceWorkers();
    const fresh = worker && (await worker.evaluate(() => !self.__beforeRestart).catch(() => false));
    if (fresh) {
      h.worker = worker;
      break;
    }
    if (Date.now() > end) throw new Error('the service worker did not start again');
    await new Promise((r) => setTimeout(r, 100));
  }
  await page.close();
}

const isWelcome = (page) => /\/options\.html#welcome$/.test(page.url());

/**
 * A new install opens the welcome page (src/background/welcome.ts): in a fresh profile it is awaited, then kept for
 * the test that asks for it or closed, so no test meets a tab it did not open. With several builds loaded (the
 * bench's baseline, which may predate the page) each one that has it opens its own, now or a moment later: those are
 * closed as they come. A reused profile (a restart) keeps its book, and no welcome page opens.
 */
async function welcomeOnInstall(context, { fresh, keep, several }) {
  if (!fresh) return undefined;
  await waitFor(() => context.pages().some(isWelcome), 10_000);
  const pages = context.pages().filter(isWelcome);
  if (keep) return pages[0];
  if (several)
    context.on('page', (p) => {
      p.waitForURL(/\/options\.html#welcome$/, { timeout: 10_000 }).then(
        () => p.close(),
        () => {},
      );
    });
  await Promise.all(pages.map((p) => p.close()));
  return undefined;
}

/**
 * Starts Chromium with the extension. `locale` sets the browser UI language (chrome.i18n follows it);
 * `userDataDir` reuses a profile (to test that data survives a restart); `extension` loads another build; `args`
 * adds browser switches; `keepWelcome` leaves the welcome page a new install opens (`h.welcome`).
 */
export async function launch({ locale = 'en', userDataDir, extension = EXTENSION, args, keepWelcome = false } = {}) {
  const dir = userDataDir ?? mkdtempSync(join(tmpdir(), 'reconnect-e2e-'));
  const context = await startChromium({ locale, dir, extension, args });
  let network;
  let worker;
  let welcome;
  try {
    network = await interceptNetwork(context);
    [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker', { timeout: 10_000 });
    welcome = await welcomeOnInstall(context, {
      fresh: !userDataDir,
      keep: keepWelcome,
      several: extension.includes(','),
    });
  } catch (e) {
    // The caller gets no handle to close: a browser left running would keep the test file, and the suite, from
    // ever ending.
    await context.close().catch(() => {});
    if (!userDataDir) rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const extensionId = new URL(worker.url()).host;
  let databaseReady = false;
  const page = async (path, { size } = {}) => {
    const p = await context.newPage();
    if (size) await p.setViewportSize(size);
    await p.goto(`chrome-extension://${extensionId}/${path}`);
    if (/\.html/.test(path)) await p.waitForSelector('main[aria-busy="false"]');
    return p;
  };

  const h = {
    context,
    worker,
    extensionId,
    /** The welcome page the install opened, with `keepWelcome` (else it is closed before the test starts). */
    welcome,
    dir,
    ...network,
    /** Opens a served page in a new tab and returns { page, tabId }. */
    async openServed(url, body, { waitUntil = 'load' } = {}) {
      h.serve(url, body);
      const tab = await context.newPage();
      await tab.goto(url, { waitUntil });
      const tabId = await h.worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, url);
      return { page: tab, tabId };
    },
    /** The popup as a tab; `tab` points it at the tab to capture (automation cannot click the toolbar icon). */
    openPopup: (tabId) => page(`popup.html${tabId ? `?tab=${tabId}` : ''}`, { size: { width: 400, height: 600 } }),
    openOptions: (hash = '') => page(`options.html${hash}`),
    /** The extension's own origin without running any of its code: the browser's view of its manifest. */
    rawPage: () => page('manifest.json'),
    /** Runs a function in the extension's service worker (chrome.* available there), starting it if stopped. */
    async inWorker(fn, arg) {
      if (!h.worker) await wakeWorker(h);
      return h.worker.evaluate(fn, arg);
    },
    /**
     * Runs `fn(db, arg, { req, done })` against the extension's IndexedDB (test/e2e/idb.mjs), in a raw extension
     * page (no extension code running there) unless `on` names a page or the worker.
     */
    async idb(fn, arg, { on, version } = {}) {
      const target = on ?? (await h.rawPage());
      try {
        return await target.evaluate(idbScript(fn, arg, { version }));
      } finally {
        if (!on) await target.close();
      }
    },
    /** Every contact record as stored. */
    records: () => h.idb(allRecords),
    /**
     * Keeps what the worker raises from now on, as it raises it (getAll lists ids only): `h.raised()` reads it, each
     * `{ id, options }`.
     */
    recordRaised: () =>
      h.inWorker(() => {
        // Wrapped once a worker's life (a restarted worker has its own notifications API again).
        if (!globalThis.raised) {
          const raise = chrome.notifications.create.bind(chrome.notifications);
          chrome.notifications.create = (id, options, ...rest) => {
            globalThis.raised.push({ id, options });
            return raise(id, options, ...rest);
          };
        }
        globalThis.raised = [];
      }),
    /** What the worker raised since `h.recordRaised()`. */
    raised: () => h.inWorker(() => globalThis.raised),
    /** The weekly alarm fired now: the options of the notification the worker raised for it. */
    async weeklyReminder() {
      await h.recordRaised();
      await h.inWorker(
        (name) => chrome.alarms.onAlarm.dispatch({ name, scheduledTime: Date.now() }),
        'weekly-reconnect',
      );
      await waitFor(async () => (await h.raised()).length === 1);
      return (await h.raised())[0].options;
    },
    /** A new week: the last reminder shown counts as an earlier slot's, so the weekly alarm raises one again. */
    newReminderWeek: () =>
      h.idb(
        async (db, _, { req, done }) => {
          const tx = db.transaction('meta', 'readwrite');
          const state = await req(tx.objectStore('meta').get('reminder'));
          tx.objectStore('meta').put({ ...state, lastShownAt: 0 }, 'reminder');
          await done(tx);
        },
        null,
        { on: h.worker },
      ),
    /**
     * Writes contacts into the extension's IndexedDB with the store's own bulkPut (one transaction, the search index
     * kept in step, the change announced to open views). For tests that need people in a given state (due,
     * overdue, never contacted) quickly.
     */
    async seed(contacts) {
      // Right after launch the extension may not have created its database yet: an extension page that opened
      // it (aria-busy false) rules that out, so the seed never races the first upgrade.
      if (!databaseReady) {
        await (await page('popup.html')).close();
        databaseReady = true;
      }
      await h.inStore(
        (store, db, people) => store.bulkPut(db, people),
        contacts.map((c) => ({ related: [], ...c })),
      );
    },
    /**
     * Runs `fn(store, db, arg)` in a raw extension page with the store's own code (test/e2e/store-entry.ts) and the
     * extension's database open; returns what it returns.
     */
    async inStore(fn, arg) {
      const target = await h.rawPage();
      try {
        await target.evaluate(`${STORE};globalThis.ReconnectStore = ReconnectStore;`);
        // The function goes as its source, in an expression the browser evaluates (the page's own script may not
        // evaluate text: the extension's CSP); `arg` as JSON.
        return await target.evaluate(`(async () => {
          const store = globalThis.ReconnectStore;
          const db = await store.openDatabase();
          try {
            return await (${fn.toString()})(store, db, ${JSON.stringify(arg ?? null)});
          } finally {
            db.close();
          }
        })()`);
      } finally {
        await target.close();
      }
    },
    restartWorker: () => restartWorker(h),
    /** Stops the service worker and leaves it stopped until an event (or h.inWorker) starts it. */
    async stopWorker() {
      const page = await context.newPage();
      try {
        await stopWorker(h, page);
        h.worker = undefined;
      } finally {
        await page.close();
      }
    },
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) rmSync(dir, { recursive: true, force: true });
    },
  };
  return h;
}

/**
 * The running service worker, started with a message from an extension page (as any event would) if there is none;
 * after stopWorker, the one an event of the test itself (a page's message) may have started already.
 */
async function wakeWorker(h) {
  const page = await h.rawPage();
  try {
    await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ping' }).catch(() => {}));
    const end = Date.now() + 10_000;
    for (;;) {
      for (const w of h.context.serviceWorkers()) {
        if (await w.evaluate(() => true).catch(() => false)) {
          h.worker = w;
          return;
        }
      }
      if (Date.now() > end) throw new Error('the service worker did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await page.close();
  }
}

/**
 * For a describe block: launches the browser before its tests, and afterwards checks that the extension made no
 * request of its own in all of them (a contact's photo, without a referrer, is the only exception).
 */
export function useExtension(options) {
  let real;
  before(async () => {
    real = await launch(options);
  });
  after(async () => {
    const own = real.ownTraffic();
    await real.close();
    assert.deepEqual(own, [], 'no request of our own');
  });
  return new Proxy({}, { get: (_, key) => real[key] });
}

const DAY = 86_400_000;

/**
 * The README's screenshots are taken by the tests that reach those screens, but written only on request
 * (`npm run screenshots`): a plain test run leaves the tree as it was.
 */
export async function readmeScreenshot(page, name) {
  if (!process.env.SCREENSHOTS) return;
  await page.screenshot({ path: fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url)) });
}

/** A contact record as the store keeps it (Contact + derived index keys); `over` sets any field. */
export function contact(id, name, over = {}) {
  const now = Date.now();
  return {
    id,
    name,
    profiles: [],
    emails: [],
    phones: [],
    circles: [],
    related: [],
    notes: '',
    cadenceDays: 30,
    interactions: [],
    history: [],
    source: 'manual',
    createdAt: now - 60 * DAY,
    updatedAt: now,
    nextDueAt: now - 30 * DAY,
    ...over,
  };
}

export { DAY };

/** The day `days` from today (before it when negative) as a date input takes it: YYYY-MM-DD, local, by calendar. */
export function dateInput(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Polls `check` until it holds; fails after `timeout` ms. */
export async function waitFor(check, timeout = 5000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met in time');
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on a page, one line each (rule: elements); [] when clean. */
export async function axe(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await globalThis.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** axe-core's violations in each colour scheme, `{ light, dark }` (the page is left dark); each [] when clean. */
export async function axeSchemes(page) {
  const found = {};
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    found[colorScheme] = await axe(page);
  }
  return found;
}

function safeOrigin(url) {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

function safeFrameUrl(r) {
  try {
    return r.frame().url();
  } catch {
    return '';
  }
}
