import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { browserBundle } from '../e2e/harness.mjs';
import { allRecords, idbScript } from '../e2e/idb.mjs';
import { cuttable, phone, startRadicale } from '../support/dav-servers.mjs';
import { leftAfterFailedLaunch } from '../support/processes.mjs';
import { launch, waitIn } from './harness.mjs';

const fixture = (path) => {
  const html = readFileSync(new URL(`../fixtures/pages/${path}`, import.meta.url), 'utf8');
  return { html, url: /^<!--\s*(\S+)/.exec(html)[1] };
};
const text = (page, selector) => page.$eval(selector, (el) => el.textContent);
const value = (page, name) => page.$eval(`input[name="${name}"]`, (el) => el.value);

describe('Reconnect in Firefox ESR', () => {
  let ff;
  before(async () => {
    ff = await launch();
  });
  after(async () => {
    const own = ff.ownTraffic();
    await ff.close();
    assert.deepEqual(own, [], 'no request of our own');
  });

  test('the popup renders from IndexedDB in English', async () => {
    const popup = await ff.openPopup();
    assert.equal(await text(popup, 'h1'), 'Reconnect');
    assert.equal(await text(popup, '[data-testid="stats"]'), '0 people you know');
    // The same text size and font as in Chromium (13 px in the popup).
    assert.equal(
      await popup.$eval('.bar button', (el) => {
        const s = getComputedStyle(el);
        return `${s.fontSize} ${s.fontFamily.split(',')[0]}`;
      }),
      '13px system-ui',
    );
    // Its button in the toolbar from the install on, not in the extensions panel: capture starts from it.
    assert.equal(await popup.evaluate(() => browser.runtime.getManifest().action.default_area), 'navbar');
    await popup.close();
  });

  test('capture on a served LinkedIn profile → save → in the list', async () => {
    const { html, url } = fixture('linkedin/loggedin-de.html');
    const { tabId } = await ff.openServed(url, html);
    assert.ok(tabId, 'the served tab is found');
    const popup = await ff.openPopup(tabId);
    await popup.waitForSelector('#capture-heading');
    assert.equal(await value(popup, 'name'), 'Erika Mustermann');
    assert.equal(await value(popup, 'company'), 'Beispiel Design GmbH');
    // At the popup's largest size the card and list scroll; Firefox's scrollbar takes room from the 400 px, and
    // that must not bring a horizontal scrollbar too (its height is what innerHeight has beyond the layout).
    await popup.setViewport({ width: 400, height: 600 });
    const bars = await popup.evaluate(() => ({
      vertical: innerWidth - document.documentElement.clientWidth,
      horizontal: innerHeight - document.documentElement.clientHeight,
    }));
    assert.equal(bars.horizontal, 0, JSON.stringify(bars));
    await popup.$eval('.capture form', (form) => form.requestSubmit());
    await popup.waitForFunction(() =>
      document.querySelector('[role="status"]')?.textContent?.includes('Saved Erika Mustermann.'),
    );
    await popup.waitForFunction(() =>
      [...document.querySelectorAll('.row__name')].some((n) => n.textContent === 'Erika Mustermann'),
    );
    assert.equal(await text(popup, '[data-testid="stats"]'), '1 person you know');
    // Her photo came from its own address, without a referrer.
    const photos = ff.photoRequests();
    assert.ok(
      photos.some((r) => r.url.includes('media.licdn.com/dms/image/ERIKA')),
      JSON.stringify(photos),
    );
    assert.ok(photos.every((r) => !r.referer));
  });

  const person = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Person",
"name":"Erika Mustermann","jobTitle":"Produktdesignerin","worksFor":{"@type":"Organization","name":"Beispiel GmbH"}}</script>`;
  const has = (page, text) =>
    page.waitForFunction((t) => document.body.textContent.includes(t), { timeout: 20000 }, text);

  test('a busy page: the list is there at once, "not answering" after the bound, the late answer shown', async () => {
    const { page, tabId } = await ff.openServed(
      'https://people.example.org/busy',
      `<!doctype html>
      <title>Erika Mustermann</title>${person}`,
    );
    const popup = await ff.openExtensionPage('options.html');
    // The page's own script keeps its main thread busy for 6 s.
    await page.evaluate(() => {
      setTimeout(() => {
        const end = Date.now() + 6000;
        while (Date.now() < end) {}
      }, 0);
    });
    await new Promise((r) => setTimeout(r, 300));
    await ff.turnIntoPopup(popup, tabId);
    // The saved person from the test before is listed while the page is still busy.
    await popup.waitForFunction(
      () => [...document.querySelectorAll('.row__name')].some((n) => n.textContent === 'Erika Mustermann'),
      { timeout: 3000 },
    );
    await has(popup, 'This page is not answering.');
    assert.ok(await popup.$('button.retry'));
    await has(popup, 'Erika Mustermann');
    await popup.waitForSelector('#capture-heading', { timeout: 20000 });
    await popup.close();
    await page.close();
  });

  test('a page still loading: "not answering" with the form; the late answer fills only the empty fields', async () => {
    ff.serve('https://people.example.org/slow.js', 'window.slow = true;', 'text/javascript', { delayMs: 4000 });
    const loading = `<!doctype html><title>Erika Mustermann</title>${person}
      <script src="https://people.example.org/slow.js"></script><h1>Erika Mustermann</h1>`;
    const { page, tabId } = await ff.openServed('https://people.example.org/loading', loading, { wait: false });
    const popup = await ff.openPopup(tabId);
    await has(popup, 'This page is not answering.');
    await popup.type('.silent input[name="name"]', 'Erika M.');
    await has(popup, 'Found Erika Mustermann: empty fields filled in.');
    assert.equal(await popup.$eval('.silent input[name="name"]', (el) => el.value), 'Erika M.');
    assert.equal(await popup.$eval('.silent input[name="company"]', (el) => el.value), 'Beispiel GmbH');
    await popup.close();
    await page.close();
  });

  test("import LinkedIn's Connections.csv in the options page: the captured person is merged, not duplicated", async () => {
    const options = await ff.openExtensionPage('options.html#data');
    const input = await options.waitForSelector('#import-file');
    await input.uploadFile(fileURLToPath(new URL('../fixtures/contacts/linkedin-connections.csv', import.meta.url)));
    await options.waitForSelector('[data-testid="import-new"]');
    assert.equal(await text(options, '[data-testid="import-new"]'), '1 new person');
    assert.equal(await text(options, '[data-testid="import-merge"]'), '1 already in your contacts (will be merged)');
    await options.$eval('.preview .primary', (b) => b.click());
    await options.waitForFunction(
      () => document.querySelector('[role="status"]')?.textContent === 'Imported: 1 new, 1 merged.',
    );
    const popup = await ff.openPopup();
    await popup.waitForFunction(
      () => document.querySelector('[data-testid="stats"]')?.textContent === '2 people you know',
    );
    await popup.close();
    await options.close();
  });

  test('the weekly alarm raises a basic digest notification naming the due person with why now', async () => {
    const page = await ff.openExtensionPage('options.html');
    // Make the saved person due, then let a real alarm fire in a moment (Firefox fires near alarms within a second).
    await page.evaluate(
      idbScript(async (db, _, { req, done }) => {
        const tx = db.transaction(['contacts', 'meta'], 'readwrite');
        const store = tx.objectStore('contacts');
        const yesterday = Date.now() - 86_400_000;
        for (const c of await req(store.getAll()))
          if (c.name === 'Erika Mustermann') store.put({ ...c, nextDueAt: yesterday, dueAt: yesterday });
        tx.objectStore('meta').put({ installedAt: 0 }, 'reminder');
        await done(tx);
      }),
    );
    await page.evaluate(async () => {
      await browser.alarms.create('weekly-reconnect', { when: Date.now() + 300 });
    });
    let all = {};
    for (let i = 0; i < 50 && !Object.keys(all).length; i++) {
      await new Promise((r) => setTimeout(r, 200));
      all = await page.evaluate(() => browser.notifications.getAll());
    }
    const [n] = Object.values(all);
    assert.equal(n.type, 'basic');
    assert.equal(n.title, 'Time to reconnect');
    // Firefox shows one message: each person on a line with why now. The import above merged a new role into her
    // (saved today, never contacted since): that is her most relevant reason.
    assert.equal(
      n.message,
      'Erika Mustermann – New role since you saved them: Projektleiterin, Digital at Beispiel GmbH',
    );
    // The toolbar badge counts her (refreshed after the alarm).
    await waitIn(page, async () => (await browser.action.getBadgeText({})) === '1');
    assert.equal(await page.evaluate(() => browser.action.getTitle({})), 'Reconnect: 1 person is due');
    // The next weekly alarm is set again.
    const next = await page.evaluate(async () => (await browser.alarms.get('weekly-reconnect'))?.scheduledTime);
    assert.ok(next > Date.now());

    // A click (Firefox has no buttons) opens the reconnect view with this week's people.
    const [id] = Object.keys(all);
    const opened = new Promise((ok) => ff.browser.once('targetcreated', (t) => ok(t)));
    await page.evaluate(
      async (nid) => (await browser.runtime.getBackgroundPage()).reconnect.notificationClicked(nid),
      id,
    );
    const view = await (await opened).page();
    await waitIn(view, () => document.querySelector('.person h3')?.textContent === 'Erika Mustermann');
    // Puppeteer does not follow moz-extension:// navigations; the page itself knows where it is.
    assert.match(await view.evaluate(() => location.href), /options\.html#reconnect$/);
    assert.equal(await text(view, '.progress'), '0 of 1 done');
    // Clicked again with the view open (options.html on its settings is open too): that tab, no new one.
    const targets = [];
    const count = (t) => targets.push(t);
    ff.browser.on('targetcreated', count);
    await page.evaluate(
      async (nid) => (await browser.runtime.getBackgroundPage()).reconnect.notificationClicked(nid),
      id,
    );
    await new Promise((r) => setTimeout(r, 1500));
    ff.browser.off('targetcreated', count);
    assert.equal(targets.length, 0);
    await page.close();
  });

  test("a site's legal notice: whom it names fills the form, saved with the site's home page as the link", async () => {
    const notice = fixture('web/imprint-gmbh.html');
    const { tabId } = await ff.openServed(notice.url, notice.html);
    const popup = await ff.openPopup(tabId);
    await popup.waitForSelector('.manual .form-link');
    assert.deepEqual(
      {
        name: await value(popup, 'name'),
        role: await value(popup, 'role'),
        company: await value(popup, 'company'),
        location: await value(popup, 'location'),
        emails: await popup.$eval('textarea[name="emails"]', (el) => el.value),
        link: await text(popup, '.form-link span'),
      },
      {
        name: 'Dr. Anna Alt',
        role: 'Geschäftsführerin',
        company: 'Beispiel Consulting GmbH',
        location: 'München',
        emails: 'info@beispiel-consulting.de',
        link: "Saved with this site's address: beispiel-consulting.de",
      },
    );
    // Saved: the site is hers now, so the popup shows her, not a form that would add her again.
    await popup.$eval('.manual form', (form) => form.requestSubmit());
    await popup.waitForFunction(() => document.querySelector('#capture-heading')?.textContent === 'Dr. Anna Alt');
    assert.equal(await popup.$('.manual'), null);
    await popup.close();
  });

  test('a signature selected in a mailbox fills the manual form (the selection read by an injected function)', async () => {
    const { page, tabId } = await ff.openServed(
      'https://webmail.example.org/inbox',
      `<title>Angebot - Posteingang</title><main><p>Anbei das Angebot.</p><div id="sig">Viele Grüße<br>Paula Pohl<br>
      Geschäftsführerin<br>Pohl Medien GmbH<br>Tel.: +49 228 123456<br>paula@pohl-medien.example</div></main>`,
    );
    await page.evaluate(() => getSelection()?.selectAllChildren(document.getElementById('sig')));
    const popup = await ff.openPopup(tabId);
    await popup.waitForFunction(() => document.querySelector('input[name="name"]')?.value === 'Paula Pohl');
    assert.deepEqual(
      {
        role: await value(popup, 'role'),
        company: await value(popup, 'company'),
        hint: await text(popup, '.manual summary .hint'),
      },
      {
        role: 'Geschäftsführerin',
        company: 'Pohl Medien GmbH',
        hint: 'Read from the text you selected: check it before saving.',
      },
    );
    await popup.close();
    await page.close();
  });

  test("on a site's home page its legal notice is offered: one click opens it in the tab and the form starts with whom it names", async () => {
    const home = 'https://studio-muster.example/';
    const { page, tabId } = await ff.openServed(
      home,
      '<!doctype html><html><head><title>Studio Muster</title></head><body><main><h1>Design</h1></main>' +
        '<footer><a href="/imprint">Legal notice</a></footer></body></html>',
    );
    ff.serve(
      'https://studio-muster.example/imprint',
      '<!doctype html><html><head><title>Legal notice</title></head><body><main><h1>Legal notice</h1>' +
        '<p>Studio Muster<br>Owner: Erika Muster<br>Musterweg 3<br>50667 Köln</p></main></body></html>',
    );
    const popup = await ff.openPopup(tabId);
    const offer = await popup.waitForSelector('.manual .hint button.link');
    assert.equal(await offer.evaluate((b) => b.textContent), 'Read the legal notice');
    await offer.click();
    await waitIn(popup, () => document.querySelector('input[name="name"]')?.value === 'Erika Muster');
    assert.equal(page.url(), 'https://studio-muster.example/imprint');
    assert.deepEqual([await value(popup, 'company'), await value(popup, 'location')], ['Studio Muster', 'Köln']);
    await popup.close();
    await page.close();
  });
});

describe('Reconnect in Firefox ESR, German', () => {
  test('popup and options render in German', async () => {
    const ff = await launch({ locale: 'de' });
    try {
      const popup = await ff.openPopup();
      assert.equal(await text(popup, '[data-testid="stats"]'), '0 Personen, die du kennst');
      assert.equal(await popup.evaluate(() => document.documentElement.lang), 'de');
      const options = await ff.openExtensionPage('options.html');
      assert.equal(await text(options, 'h1'), 'Reconnect-Einstellungen');
    } finally {
      await ff.close();
    }
  });

  test("a homepage without a person: saved by hand with the page's address, the page is theirs from then on", async () => {
    const ff = await launch({ locale: 'de' });
    try {
      const url = 'https://jonas-doerr.example/ueber-mich/';
      const { tabId } = await ff.openServed(
        url,
        '<title>Über mich · Jonas Dörr</title><h1>Über mich</h1><p>Fotos.</p>',
      );
      let popup = await ff.openPopup(tabId);
      await popup.waitForSelector('.manual .form-link');
      assert.equal(await value(popup, 'name'), 'Jonas Dörr');
      assert.equal(
        await text(popup, '.form-link span'),
        'Wird mit der Adresse dieser Seite gespeichert: jonas-doerr.example/ueber-mich',
      );
      // Typed, and the popup closed before Save: opened again, the form gives it back.
      await popup.type('input[name="metVia"]', 'Fotokurs');
      await popup.close();
      popup = await ff.openPopup(tabId);
      await popup.waitForSelector('.manual .typed-back');
      assert.equal(await value(popup, 'metVia'), 'Fotokurs');
      assert.equal(
        await text(popup, '.typed-back span'),
        'Wieder da: was du hier eingegeben und nicht gespeichert hast.',
      );
      await popup.$eval('.manual form', (form) => form.requestSubmit());
      await popup.waitForFunction(() => document.querySelector('#capture-heading')?.textContent === 'Jonas Dörr');
      await popup.close();
      // Opened again on the same page: their card, not the form that would add them a second time.
      const again = await ff.openPopup(tabId);
      await again.waitForSelector('#open-contact');
      assert.equal(await text(again, '#capture-heading'), 'Jonas Dörr');
      assert.equal(await again.$('.manual'), null);
      assert.equal(await again.$('.typed-back'), null, 'saved: nothing to give back');
    } finally {
      await ff.close();
    }
  });
});

describe('Reconnect in Firefox ESR, across a restart', () => {
  test("a large book's search index: its copy in Blobs written and read back, what changed since from the strings; a search finds", async () => {
    const own = await launch();
    try {
      // The store's own code (test/e2e/store-entry.ts) in an extension page: 4,000 people with a long note (an index
      // of more than 3 million characters), the copy written, then someone added after it.
      const page = await own.openExtensionPage('options.html');
      const code = await browserBundle(
        fileURLToPath(new URL('../e2e/store-entry.ts', import.meta.url)),
        'ReconnectStore',
      );
      await page.evaluate(`${code};globalThis.ReconnectStore = ReconnectStore;`);
      const read = await page.evaluate(async (n) => {
        const store = globalThis.ReconnectStore;
        const db = await store.openDatabase();
        const now = Date.now();
        const person = (id, name, notes) => ({
          id,
          name,
          notes,
          profiles: [],
          emails: [],
          phones: [],
          circles: [],
          related: [],
          cadenceDays: 30,
          interactions: [],
          history: [],
          source: 'manual',
          createdAt: now,
          updatedAt: now,
          nextDueAt: now + 86_400_000,
        });
        const note = `Messe; ${'Kunde seit Jahren, Relaunch, Workshop '.repeat(22)}`;
        await store.bulkPut(
          db,
          Array.from({ length: n }, (_, i) => person(`p${i}`, `Person ${i}`, note)),
        );
        await store.copySearchIndex(db);
        await store.bulkPut(db, [person('yuki', 'Yuki Nachzügler', 'Beim Hackathon kennengelernt')]);
        const buckets = await store.readSearchIndex(db);
        // The store's database is idb's: its requests are promises.
        const search = db.transaction('search').objectStore('search');
        const [keys, values, parts, marks] = await Promise.all([
          search.getAllKeys(IDBKeyRange.bound(0, 255)),
          search.getAll(IDBKeyRange.bound(0, 255)),
          search.getAll(IDBKeyRange.bound('p', 'p\uffff')),
          search.getAllKeys(IDBKeyRange.bound('d', 'd\uffff')),
        ]);
        const strings = Array.from({ length: 256 }, () => '');
        for (const [i, k] of keys.entries()) strings[k] = values[i];
        db.close();
        return {
          same: JSON.stringify(buckets) === JSON.stringify(strings),
          blobs: parts.filter((p) => p.text instanceof Blob).length,
          marks: marks.length,
          yuki: buckets.some((b) => b.includes('hackathon')),
        };
      }, 4000);
      assert.deepEqual(read, { same: true, blobs: 8, marks: 1, yuki: true });
      await page.close();
      const popup = await own.openPopup();
      await popup.type('#search', 'hackathon');
      await popup.waitForFunction(
        () => [...document.querySelectorAll('.row__name')].map((e) => e.textContent).join() === 'Yuki Nachzügler',
      );
      await popup.close();
    } finally {
      await own.close();
    }
  });

  test('a person added by hand is still there after restarting with the same profile', async () => {
    const first = await launch();
    const popup = await first.openPopup();
    await popup.$$eval('.bar button', (buttons) => buttons[0]?.click());
    await popup.waitForSelector('#manual-heading');
    await popup.type('input[name="name"]', 'Oma Hildegard');
    await popup.$eval('.manual form', (form) => form.requestSubmit());
    await popup.waitForFunction(
      () => document.querySelector('[data-testid="stats"]')?.textContent === '1 person you know',
    );
    const dir = first.dir;
    await first.close({ keepProfile: true });

    const second = await launch({ userDataDir: dir });
    try {
      const again = await second.openPopup();
      await again.waitForFunction(
        () => document.querySelector('[data-testid="stats"]')?.textContent === '1 person you know',
      );
      const names = await again.$$eval('.row__name', (els) => els.map((e) => e.textContent));
      assert.deepEqual(names, ['Oma Hildegard']);
    } finally {
      await second.close();
    }
  });
});

describe('Reconnect in Firefox ESR, syncing with an address book (Radicale on this machine)', () => {
  /** Sync set up through the options page, as a user does it; returns that page (its "Sync now" runs a sync). */
  async function setUp(ff, server, { password = server.password } = {}) {
    const options = await ff.openExtensionPage('options.html#sync');
    await options.waitForSelector('input[name="server"]');
    await options.type('input[name="server"]', server.origin);
    await options.type('input[name="username"]', server.user);
    await options.type('input[name="password"]', password);
    // A real click: the browser asks for the server's origin only inside a user's action.
    await options.click('#sync-heading ~ form button[type="submit"]');
    if (password !== server.password) return options;
    await options.waitForSelector('input[type="radio"][name="book"]');
    await options.click('input[type="radio"][name="book"]');
    await options.click('.books .primary');
    await options.waitForSelector('#sync-preview-heading');
    await options.click('.preview .primary');
    await waitIn(options, () =>
      /^Synced/.test(document.querySelector('[data-testid="sync-status"]')?.textContent ?? ''),
    );
    return options;
  }
  /** Until `check` holds (polled, for what the worker does in its own time). */
  async function until(check, what, timeout = 20_000) {
    const end = Date.now() + timeout;
    while (Date.now() < end) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.fail(`timed out: ${what}`);
  }
  const serverNames = async (server) =>
    (await phone(server).all()).map((c) => /^FN:(.*)$/m.exec(c.text)?.[1]?.trim()).sort();
  const records = (page) => page.evaluate(idbScript(allRecords));
  /** A person added through the popup's "+ Add a person" form, and its "Saved …" toast seen. */
  async function addByHand(popup, name, role = '') {
    await press(popup, '+ Add a person');
    await popup.waitForSelector('.manual input[name="name"]');
    await popup.type('.manual input[name="name"]', name);
    if (role) await popup.type('.manual input[name="role"]', role);
    await popup.$eval('.manual form', (form) => form.requestSubmit());
    await waitIn(popup, `document.querySelector('.toast')?.textContent?.includes(${JSON.stringify(`Saved ${name}.`)})`);
  }
  /** A Radicale server and `count` fresh Firefox profiles for one test, all stopped after it, however it ends. */
  async function withSync(count, work) {
    const server = await startRadicale();
    const browsers = [];
    try {
      for (let i = 0; i < count; i++) browsers.push(await launch());
      await work(server, ...browsers);
    } finally {
      for (const b of browsers) await b.close();
      await server.remove();
    }
  }
  /** The options page's "Sync now" (the debounced run fired now rather than waited for). */
  const syncNow = (options) => options.click('.card .row-actions .primary');
  /** Clicks the button whose text includes `label`. */
  const press = (page, label) =>
    page.evaluate(
      (l) => [...document.querySelectorAll('button')].find((b) => b.textContent.includes(l))?.click(),
      label,
    );

  test('set up in the options page; a capture reaches the server; a card from a phone reaches the popup', () =>
    withSync(1, async (server, ff) => {
      const options = await setUp(ff, server);

      const { html, url } = fixture('linkedin/loggedin-de.html');
      const { tabId } = await ff.openServed(url, html);
      const popup = await ff.openPopup(tabId);
      await popup.waitForSelector('#capture-heading');
      await popup.$eval('.capture form', (form) => form.requestSubmit());
      await popup.waitForFunction(() =>
        document.querySelector('[role="status"]')?.textContent?.includes('Saved Erika Mustermann.'),
      );
      await syncNow(options);
      const end = Date.now() + 20_000;
      let cards = [];
      while (Date.now() < end && !cards.some((c) => c.text.includes('Erika Mustermann'))) {
        await new Promise((r) => setTimeout(r, 200));
        cards = await phone(server).all();
      }
      assert.ok(
        cards.some((c) => c.text.includes('FN:Erika Mustermann')),
        'the captured person is on the server',
      );

      await phone(server).put(
        'ff-phone.vcf',
        'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:ff-phone\r\nFN:Fiona Handy\r\nEND:VCARD\r\n',
      );
      await syncNow(options);
      const list = await ff.openPopup();
      await waitIn(list, () =>
        [...document.querySelectorAll('.row__name')].some((n) => n.textContent === 'Fiona Handy'),
      );
      assert.deepEqual(ff.ownTraffic(), [], 'the pages sent nothing; the worker alone talks to the server');
    }));

  test('edits on both sides are merged; deletes go both ways', () =>
    withSync(1, async (server, ff) => {
      const options = await setUp(ff, server);
      const popup = await ff.openPopup();
      await addByHand(popup, 'Mara Merge', 'Designerin');
      await addByHand(popup, 'Dirk Delete');
      await syncNow(options);
      await until(async () => (await serverNames(server)).length === 2, 'both on the server');

      // The phone adds a number to Mara and deletes Dirk; here Mara's role changes.
      const cards = await phone(server).all();
      const mara = cards.find((c) => c.text.includes('Mara Merge'));
      await phone(server).put(mara.name, mara.text.replace('END:VCARD', 'TEL:+49 30 5550123\r\nEND:VCARD'));
      await phone(server).delete(cards.find((c) => c.text.includes('Dirk Delete')).name);
      await press(popup, 'Mara Merge');
      await popup.waitForSelector('form.card input[name="role"]');
      await popup.$eval('form.card input[name="role"]', (input) => {
        input.value = '';
      });
      await popup.type('form.card input[name="role"]', 'Art Director');
      await popup.$eval('form.card', (form) => form.requestSubmit());
      await waitIn(popup, () => document.body.textContent.includes('Changes saved.'));
      await syncNow(options);
      await until(async () => (await records(options)).length === 1, 'Dirk deleted here');
      const here = (await records(options)).find((r) => r.name === 'Mara Merge');
      assert.equal(here.role, 'Art Director');
      assert.deepEqual(here.phones, ['+49 30 5550123']);
      // The run pulls before it pushes: the role reaches the server after Dirk is gone here.
      await until(
        async () => /TITLE:Art Director/.test((await phone(server).get(mara.name)).text),
        'the role on the server',
      );
      const there = (await phone(server).get(mara.name)).text;
      assert.match(there, /\+49 30 5550123/);

      // Deleted here: gone from the server after the next run.
      await popup.$eval('button.danger', (b) => b.click());
      await syncNow(options);
      await until(async () => (await serverNames(server)).length === 0, 'Mara deleted on the server');
      assert.deepEqual(ff.ownTraffic(), [], 'the pages sent nothing; the worker alone talks to the server');
    }));

  test('two browser profiles syncing through one server end up with the same people', () =>
    withSync(2, async (server, a, b) => {
      const optionsA = await setUp(a, server);
      const popupA = await a.openPopup();
      await addByHand(popupA, 'Anna Aus-A', 'Einkauf');
      await syncNow(optionsA);
      await until(async () => (await serverNames(server)).length === 1, 'A’s person on the server');

      const optionsB = await setUp(b, server);
      const popupB = await b.openPopup();
      await addByHand(popupB, 'Bert Aus-B');
      await syncNow(optionsB);
      await until(async () => (await serverNames(server)).length === 2, 'B’s person on the server');
      await syncNow(optionsA);
      await until(async () => (await records(optionsA)).length === 2, 'B’s person in A');
      const strip = (list) =>
        list
          .map(({ updatedAt: _u, dueAt: _d, matchKey: _m, profileUrls: _p, ...r }) => r)
          .sort((x, y) => x.name.localeCompare(y.name));
      assert.deepEqual(strip(await records(optionsB)), strip(await records(optionsA)));
      assert.equal((await records(optionsA)).find((r) => r.name === 'Anna Aus-A')?.role, 'Einkauf');
    }));

  test('the server gone in the middle of a sync: nothing lost; the next run completes, no duplicates', async () => {
    const server = await startRadicale();
    const cards = Array.from({ length: 600 }, (_, i) =>
      ['BEGIN:VCARD', 'VERSION:3.0', `UID:bulk-${i}`, `FN:Bulk ${String(i).padStart(3, '0')}`, 'END:VCARD', ''].join(
        '\r\n',
      ),
    );
    for (const [i, c] of cards.entries()) await phone(server).put(`bulk-${i}.vcf`, c);
    // The way to the server the test can cut: once armed, after the run's second report (the first asks what
    // changed, the second fetches the first batch of cards).
    let armed = false;
    let reports = 0;
    const way = await cuttable(server, (method, _url, w) => {
      if (armed && method === 'REPORT' && ++reports === 2) w.cut();
    });
    const ff = await launch();
    try {
      const options = await setUp(ff, way);
      assert.equal((await records(options)).length, 600);
      for (const [i, c] of cards.entries())
        await phone(server).put(`bulk-${i}.vcf`, c.replace('END:VCARD', 'NOTE:geändert\r\nEND:VCARD'));
      armed = true;
      await syncNow(options);
      await waitIn(
        options,
        () => [...document.querySelectorAll('[role="alert"]')].some((a) => a.textContent.includes('can’t be reached')),
        30_000,
      );
      const partly = (await records(options)).filter((r) => r.notes === 'geändert').length;
      assert.ok(partly > 0 && partly < 600, `stopped in the middle (${partly} of 600 written)`);
      armed = false;
      way.mend();
      await syncNow(options);
      await until(
        async () => (await records(options)).filter((r) => r.notes === 'geändert').length === 600,
        'the rest',
        60_000,
      );
      assert.equal((await records(options)).length, 600);
      assert.equal((await phone(server).all()).length, 600);
    } finally {
      await ff.close();
      await way.close();
      await server.remove();
    }
  });

  test('a wrong password is said clearly, and nothing is set up', () =>
    withSync(1, async (server, ff) => {
      const options = await setUp(ff, server, { password: 'wrong' });
      await waitIn(options, () =>
        [...document.querySelectorAll('[role="alert"]')].some((a) =>
          a.textContent.includes('The server refused the user name or password.'),
        ),
      );
      assert.equal(await options.$('input[type="radio"][name="book"]'), null, 'no address book offered');
      assert.equal(await options.$('[data-testid="sync-status"]'), null, 'nothing set up');
    }));
});

test('a browser whose add-on cannot be installed is closed when the harness gives up on it, so the suite still ends', async () => {
  // A folder without a manifest: the install fails, and the browser must not be left running (nothing could close
  // it: the test file, and the whole suite with it, would never end).
  const left = await leftAfterFailedLaunch(launch, {});
  assert.equal(left.length, 0, 'browser processes left running with the profile');
});
