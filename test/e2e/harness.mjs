// The end-to-end harness: real Chromium (Debian's, or CHROME_PATH) with the built dist/e2e extension loaded.
// Pages are served at their real URLs through request interception; nothing reaches the network.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';

// Lets context.on('request') and context.route() see the service worker's own requests too.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The store's own toRecord (src/storage/db.ts), bundled for Node, so seeded records carry exactly the index keys
 * the extension derives (sort name, match key, effective due date) instead of a test's imitation of them.
 */
const { toRecord } = await import(
  `data:text/javascript;base64,${Buffer.from(
    (
      await esbuild.build({
        stdin: { contents: "export { toRecord } from './src/storage/db';", resolveDir: root, loader: 'ts' },
        bundle: true,
        write: false,
        format: 'esm',
        platform: 'node',
        logLevel: 'silent',
      })
    ).outputFiles[0].text,
  ).toString('base64')}`
);
export const EXTENSION = join(root, 'dist/e2e');
export const CHROME = process.env.CHROME_PATH || '/usr/lib/chromium/chromium';

/**
 * Starts Chromium with the extension. `locale` sets the browser UI language (chrome.i18n follows it);
 * `userDataDir` reuses a profile (to test that data survives a restart); `extension` loads another build.
 */
export async function launch({ locale = 'en', userDataDir, extension = EXTENSION } = {}) {
  const dir = userDataDir ?? mkdtempSync(join(tmpdir(), 'reconnect-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
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
    ],
  });

  /** Every request the browser makes; `served` holds the URLs the test itself answers. */
  const requests = [];
  const served = new Map();
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
    if (page) await route.fulfill({ status: 200, contentType: page.type, body: page.body });
    else await route.abort('blockedbyclient');
  });

  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 10_000 });
  const extensionId = new URL(worker.url()).host;

  const h = {
    context,
    worker,
    extensionId,
    dir,
    requests,
    /** Answers `url` with this body from now on (a fixture page at its real address). */
    serve(url, body, type = 'text/html; charset=utf-8') {
      served.set(url, { body, type });
    },
    /** Opens a served page in a new tab and returns { page, tabId }. */
    async openServed(url, body) {
      h.serve(url, body);
      const page = await context.newPage();
      await page.goto(url);
      const tabId = await h.worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, url);
      return { page, tabId };
    },
    /** The popup as a tab; `tab` points it at the tab to capture (automation cannot click the toolbar icon). */
    async openPopup(tabId) {
      const page = await context.newPage();
      await page.setViewportSize({ width: 400, height: 600 });
      await page.goto(`chrome-extension://${extensionId}/popup.html${tabId ? `?tab=${tabId}` : ''}`);
      await page.waitForSelector('main[aria-busy="false"]');
      return page;
    },
    async openOptions(hash = '') {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html${hash}`);
      await page.waitForSelector('main[aria-busy="false"]');
      return page;
    },
    /** Runs a function in the extension's service worker (chrome.* available there). */
    inWorker(fn, arg) {
      return h.worker.evaluate(fn, arg);
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
    /**
     * Writes contacts straight into the extension's IndexedDB (through an extension page), with the index keys the
     * store derives. For tests that need people in a given state (due, overdue, never contacted) quickly.
     */
    async seed(contacts) {
      const page = await h.openOptions();
      await page.evaluate(async (list) => {
        const db = await new Promise((ok, fail) => {
          const r = indexedDB.open('reconnect');
          r.onsuccess = () => ok(r.result);
          r.onerror = () => fail(r.error);
        });
        const tx = db.transaction('contacts', 'readwrite');
        for (const c of list) tx.objectStore('contacts').put(c);
        await new Promise((ok, fail) => {
          tx.oncomplete = ok;
          tx.onerror = () => fail(tx.error);
        });
        db.close();
      }, contacts.map(toRecord));
      await page.close();
    },
    /** Stops the service worker (as the browser does when idle) and waits until an event has started a new one. */
    async restartWorker() {
      await h.worker.evaluate(() => {
        self.__beforeRestart = true;
      });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      const { targetInfos } = await cdp.send('Target.getTargets');
      const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(extensionId));
      await cdp.send('Target.closeTarget', { targetId: sw.targetId });
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
    },
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) rmSync(dir, { recursive: true, force: true });
    },
  };
  return h;
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

function safeFrameUrl(r) {
  try {
    return r.frame().url();
  } catch {
    return '';
  }
}
