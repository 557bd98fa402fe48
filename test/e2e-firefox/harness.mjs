// The Firefox harness: Debian's firefox-esr driven headless through WebDriver BiDi with puppeteer-core, with the
// built dist/e2e-firefox installed as a temporary add-on. Pages are served at their real URLs by request
// interception; nothing reaches the network.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION = join(root, 'dist/e2e-firefox');
export const FIREFOX = process.env.FIREFOX_PATH || '/usr/lib/firefox-esr/firefox-esr';
const GECKO_ID = 'reconnect@reconnect-extension.invalid';
// A fixed internal UUID gives the extension's pages a known address.
const UUID = '0b0c7e1a-5b5e-4c7a-9d55-1f6a3c2b9e01';
export const BASE = `moz-extension://${UUID}`;

/**
 * page.waitForFunction, again when it fails early: a wait that starts in about:blank loses its realm when the
 * extension page replaces it.
 */
export async function waitIn(page, fn, timeout = 15_000) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await page.waitForFunction(fn, { timeout: Math.max(1000, end - Date.now()) });
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * A new install opens the welcome page (src/background/welcome.ts): awaited in a fresh profile, then closed, so no
 * test meets a tab it did not open (a reused profile keeps its book, and none opens). Found by the extension's own
 * tabs API: over BiDi a tab at a moz-extension:// address reads as about:blank.
 */
async function closeWelcome(openExtensionPage) {
  const helper = await openExtensionPage('options.html');
  try {
    for (let i = 0; i < 100; i++) {
      const closed = await helper.evaluate(async () => {
        const ids = (await browser.tabs.query({}))
          .filter((tab) => /\/options\.html#welcome$/.test(tab.url ?? ''))
          .map((tab) => tab.id);
        await browser.tabs.remove(ids);
        return ids.length;
      });
      if (closed) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the welcome page did not open');
  } finally {
    await helper.close();
  }
}

/** `userDataDir` reuses a profile, to test that data survives a restart; `extension` installs another build. */
export async function launch({ locale = 'en-US', userDataDir, extension = EXTENSION } = {}) {
  const dir = userDataDir ?? mkdtempSync(join(tmpdir(), 'reconnect-ff-'));
  const browser = await puppeteer.launch({
    userDataDir: dir,
    browser: 'firefox',
    headless: true,
    executablePath: FIREFOX,
    // Without it, navigating to moz-extension:// is refused.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      // Keeps notifications listed in headless mode.
      'alerts.useSystemBackend': false,
      'intl.locale.requested': locale,
      'intl.locale.matchOS': false,
      // A temporary add-on is uninstalled when the browser closes; keep its data and address for the next start.
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
    },
  });
  try {
    await browser.installExtension(extension);
  } catch (e) {
    // The caller gets no handle to close: a browser left running would keep the suite from ever ending.
    await browser.close().catch(() => {});
    if (!userDataDir) rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const requests = [];
  const served = new Map();

  /** Opens an extension page; page.goto never resolves for moz-extension:// pages, so it is not awaited. */
  /** Requests the extension's pages made to anywhere outside the extension. */
  const own = [];
  const watch = (page) =>
    page.on('request', (r) => {
      const url = r.url();
      if (/^(moz-extension|data|blob|about):/.test(url)) return;
      // resourceType() is not available over BiDi; an image request asks for images first.
      const headers = r.headers();
      own.push({ url, type: /^image\//.test(headers.accept ?? '') ? 'image' : 'other', referer: headers.referer });
    });

  async function openExtensionPage(path) {
    const page = await browser.newPage();
    watch(page);
    // No timeout: an aborted navigation would unload the page under the test.
    page.goto(`${BASE}/${path}`, { timeout: 0 }).catch(() => {});
    await waitIn(page, () => document.querySelector('main[aria-busy="false"]'));
    return page;
  }

  if (!userDataDir)
    await closeWelcome(openExtensionPage).catch(async (e) => {
      // The caller gets no handle to close, as above.
      await browser.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
      throw e;
    });

  return {
    browser,
    requests,
    openExtensionPage,
    openPopup: (tabId) => openExtensionPage(`popup.html${tabId ? `?tab=${tabId}` : ''}`),
    /**
     * Turns an open extension page into the popup for `tabId`. Puppeteer runs all web content in one process, so
     * a new tab waits for a busy page to let go; an extension page opened before lives in the extension's process
     * and navigates without it, as the real popup does.
     */
    async turnIntoPopup(page, tabId) {
      await page.evaluate((path) => location.assign(path), `popup.html?tab=${tabId}`);
      await waitIn(
        page,
        () => location.pathname.endsWith('/popup.html') && document.querySelector('main[aria-busy="false"]'),
      );
      return page;
    },
    /** Serves `body` at `url` to pages opened later; `delayMs` holds the answer back (a page still loading). */
    serve(url, body, type = 'text/html; charset=utf-8', { delayMs = 0 } = {}) {
      served.set(url, { body, type, delayMs });
    },
    /**
     * Opens a web page served at its real address (request interception) and returns { page, tabId }. With
     * `wait: false` it does not wait for the page to load (a page still loading when the popup opens).
     */
    async openServed(url, body, { wait = true } = {}) {
      served.set(url, { body, type: 'text/html; charset=utf-8', delayMs: 0 });
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (req) => {
        requests.push(req.url());
        const entry = served.get(req.url());
        if (!entry) return void req.abort();
        setTimeout(() => void req.respond({ status: 200, contentType: entry.type, body: entry.body }), entry.delayMs);
      });
      const loading = page.goto(url, { timeout: 0 });
      if (wait) await loading;
      else loading.catch(() => {});
      const helper = await openExtensionPage('options.html');
      let tabId;
      for (let i = 0; i < 50 && tabId === undefined; i++) {
        tabId = await helper.evaluate(async (u) => (await browser.tabs.query({ url: u }))[0]?.id, url);
        if (tabId === undefined) await new Promise((r) => setTimeout(r, 100));
      }
      await helper.close();
      return { page, tabId };
    },
    dir,
    /** Requests of our own: anything but a contact's photo loaded without a referrer. */
    ownTraffic: () => own.filter((r) => !(r.type === 'image' && !r.referer)),
    photoRequests: () => own.filter((r) => r.type === 'image'),
    async close({ keepProfile = false } = {}) {
      await browser.close();
      if (!keepProfile) rmSync(dir, { recursive: true, force: true });
    },
  };
}
