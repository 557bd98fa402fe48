import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { leftAfterFailedLaunch } from '../support/processes.mjs';
import { axeSchemes, contact, DAY, EXTENSION, launch, useExtension, waitFor } from './harness.mjs';

const manifest = JSON.parse(readFileSync(`${EXTENSION}/manifest.json`, 'utf8'));

describe('the built extension in Chromium', () => {
  const h = useExtension({ locale: 'en' });

  test('the service worker starts and runs our background script', async () => {
    assert.match(h.worker.url(), /^chrome-extension:\/\/[a-p]{32}\/background\.js$/);
    const name = await h.inWorker(() => chrome.runtime.getManifest().name);
    assert.equal(name, 'Reconnect');
    assert.equal(await h.inWorker(() => chrome.i18n.getMessage('extName')), 'Reconnect');
  });

  test('the popup renders from IndexedDB in English', async () => {
    const popup = await h.openPopup();
    assert.equal(await popup.locator('h1').textContent(), 'Reconnect');
    assert.equal(await popup.getByTestId('stats').textContent(), '0 people you know');
    assert.equal(await popup.locator('html').getAttribute('lang'), 'en');
    await popup.getByRole('heading', { name: 'Who do you know?' }).waitFor();
    // An empty book says when the weekly reminder first names people: the next Monday at 9:00, with its date.
    assert.match(
      await popup.getByTestId('first-reminder').textContent(),
      /^Once a week Reconnect names the people to get back in touch with, the first time on Monday, [A-Z][a-z]+ \d{1,2} at 9:00\sAM\. Change the time$/,
    );
    await popup.close();
  });

  test('the options page renders its settings; circles are editable and reach the popup', async () => {
    const options = await h.openOptions();
    await options.getByRole('heading', { name: 'Reconnect settings' }).waitFor();
    assert.equal(await options.getByLabel('Time').inputValue(), '09:00');
    await options.getByRole('button', { name: 'Remove Club' }).click();
    await options.getByLabel('New circle').fill('Nachbarn');
    await options.getByLabel('New circle').press('Enter');
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Settings saved.').waitFor();
    const popup = await h.openPopup();
    await popup.getByRole('button', { name: '+ Add a person' }).click();
    await popup.getByRole('button', { name: 'Nachbarn' }).waitFor();
    assert.equal(await popup.getByRole('button', { name: 'Club' }).count(), 0);
    await popup.close();
    await options.close();
  });

  test('the e2e build differs from the shipped one only by its host permission', () => {
    const chrome = JSON.parse(readFileSync(`${EXTENSION}/../chrome/manifest.json`, 'utf8'));
    assert.deepEqual(manifest.host_permissions, ['<all_urls>']);
    assert.equal(chrome.host_permissions, undefined);
    const { host_permissions: _, ...rest } = manifest;
    assert.deepEqual(rest, chrome);
  });

  test('the extension makes no network request of its own', async () => {
    const popup = await h.openPopup();
    await popup.close();
    const options = await h.openOptions();
    await options.close();
    assert.deepEqual(h.ownTraffic(), []);
  });
});

describe('German UI', () => {
  test('popup and options render in German', async () => {
    const h = await launch({ locale: 'de' });
    try {
      const popup = await h.openPopup();
      assert.equal(await popup.getByTestId('stats').textContent(), '0 Personen, die du kennst');
      assert.equal(await popup.locator('html').getAttribute('lang'), 'de');
      await popup.getByRole('heading', { name: 'Wen kennst du?' }).waitFor();
      assert.match(
        await popup.getByTestId('first-reminder').textContent(),
        /^Einmal pro Woche nennt dir Reconnect, bei wem du dich melden solltest, zum ersten Mal am Montag, \d{1,2}\. [A-Z][a-zä]+ um 0?9:00\. Zeit ändern$/,
      );
      assert.deepEqual(await axeSchemes(popup), { light: [], dark: [] });
      // "Zeit ändern" opens the settings, where the slot is set.
      const opened = h.context.waitForEvent('page');
      await popup.getByRole('link', { name: 'Zeit ändern' }).click();
      const settings = await opened;
      await settings.getByLabel('Uhrzeit').waitFor();
      assert.match(settings.url(), /\/options\.html#settings$/);
      await settings.close();
      const options = await h.openOptions();
      await options.getByRole('heading', { name: 'Reconnect-Einstellungen' }).waitFor();
      assert.equal(await options.getByLabel('Tag').locator('option:checked').textContent(), 'Montag');
      // Text in the size and font our stylesheet says, not Chromium's own for an extension's body (75%, its font).
      const font = (page, selector) =>
        page
          .locator(selector)
          .first()
          .evaluate((el) => {
            const s = getComputedStyle(el);
            return `${s.fontSize} ${s.fontFamily.split(',')[0]}`;
          });
      assert.equal(await font(popup, 'body'), '13px system-ui');
      assert.equal(await font(popup, '.bar button'), '13px system-ui');
      assert.equal(await font(options, 'body'), '14px system-ui');
      assert.equal(await font(options, 'select'), '14px system-ui');
      // In a narrow window the tabs wrap between words, never inside one ("Synchronisier-en").
      await options.setViewportSize({ width: 480, height: 800 });
      const brokenWords = await options.locator('.tabs a').evaluateAll((links) =>
        links.flatMap((a) => {
          const text = a.firstChild;
          if (!text) return [];
          return text.textContent.split(' ').flatMap((word, i, words) => {
            const start = words.slice(0, i).join(' ').length + (i ? 1 : 0);
            const range = document.createRange();
            range.setStart(text, start);
            range.setEnd(text, start + word.length);
            return range.getClientRects().length > 1 ? [word] : [];
          });
        }),
      );
      assert.deepEqual(brokenWords, []);
    } finally {
      await h.close();
    }
  });

  test('a new install opens the welcome page: the toolbar button, saving from a profile, everyone written down, the weekly slot; not again at a restart', async () => {
    const h = await launch({ locale: 'de', keepWelcome: true });
    let again;
    try {
      const page = h.welcome;
      assert.ok(page, 'the welcome page opened');
      await page.getByRole('heading', { name: 'Willkommen bei Reconnect' }).waitFor();
      assert.equal(await page.title(), 'Willkommen bei Reconnect');
      assert.deepEqual(await page.locator('ol > li h3').allTextContents(), [
        'Reconnect in die Symbolleiste holen',
        'Auf einem Profil speichern',
        'Alle aufschreiben',
        'Eine feste Zeit pro Woche',
      ]);
      // The keys that open the popup, as this browser has them (the manifest's suggestion).
      await page.getByText(/Oder öffne Reconnect mit Alt\+(Shift|Umschalt)\+K\./).waitFor();
      assert.match(
        await page.getByTestId('first-reminder').textContent(),
        /zum ersten Mal am Montag, \d{1,2}\. [A-Z][a-zä]+ um 0?9:00\. Zeit ändern$/,
      );
      // None of the tabs is this page, and nothing on it falls short in either colour scheme.
      assert.equal(await page.locator('.tabs a[aria-current="page"]').count(), 0);
      assert.deepEqual(await axeSchemes(page), { light: [], dark: [] });
      // Its links lead to the tabs of the same page: the names written down, unfolded; the slot's settings.
      await page.emulateMedia({ colorScheme: 'light' });
      await page.getByRole('link', { name: 'Aufschreiben oder importieren' }).click();
      await page.getByRole('heading', { name: 'Kontakte importieren' }).waitFor();
      assert.equal(await page.locator('details.name-list').getAttribute('open'), '');
      await page.evaluate(() => {
        location.hash = '#welcome';
      });
      await page.getByRole('link', { name: 'Zeit ändern' }).click();
      assert.equal(await page.getByLabel('Uhrzeit').inputValue(), '09:00');
      assert.equal(await page.title(), 'Reconnect-Einstellungen');
      assert.equal(h.context.pages().length, 1 + 1, 'the welcome page and the first blank tab, no other');
      await h.close({ keepProfile: true });
      // A restart is no new install: the browser installs its unpacked build anew, but the book is there.
      again = await launch({ locale: 'de', userDataDir: h.dir, keepWelcome: true });
      const popup = await again.openPopup();
      await popup.getByRole('heading', { name: 'Wen kennst du?' }).waitFor();
      assert.deepEqual(
        again.context.pages().filter((p) => p.url().includes('#welcome')),
        [],
        'no welcome page after a restart',
      );
    } finally {
      await (again ?? h).close();
    }
  });

  test("the weekly notification's dates are German too, as its sentences are (the worker's own language may not be)", async () => {
    const h = await launch({ locale: 'de' });
    try {
      const now = Date.now();
      const soon = new Date(now + 3 * DAY);
      const lastCall = now - 100 * DAY;
      await h.seed([
        contact('anna', 'Anna Alt', {
          nextDueAt: now - 29 * DAY,
          lastContactedAt: now - 120 * DAY,
          birthday: { month: soon.getMonth() + 1, day: soon.getDate() },
        }),
        contact('ben', 'Ben Bauer', {
          nextDueAt: now - 9 * DAY,
          lastContactedAt: lastCall,
          interactions: [{ at: lastCall, kind: 'call', note: 'Angebot' }],
        }),
      ]);
      const { title, items } = await h.weeklyReminder();
      assert.equal(title, 'Zeit, dich zu melden');
      const weekday = new Intl.DateTimeFormat('de', { weekday: 'long' }).format(soon);
      const day = new Intl.DateTimeFormat('de', { dateStyle: 'long' }).format(lastCall);
      assert.deepEqual(items, [
        { title: 'Anna Alt', message: `Geburtstag am ${weekday}` },
        { title: 'Ben Bauer', message: `Zuletzt: Anruf am ${day} — Angebot` },
      ]);
    } finally {
      await h.close();
    }
  });

  test('a search finds people by their circles as the German UI names them, whoever wrote them', async () => {
    const h = await launch({ locale: 'de' });
    try {
      // The stored search index's lines, which a search before everyone is read scans.
      const lineOf = async (name) =>
        (await h.idb(async (db, _, { req }) => req(db.transaction('search').objectStore('search').getAll())))
          .flatMap((bucket) => bucket.split('\u001e'))
          .find((line) => line.includes(name)) ?? '';
      // Written by the worker: a due person snoozed from the weekly notification, her line written anew there.
      await h.seed([contact('cora', 'Cora Neu', { circles: ['clients'], nextDueAt: Date.now() - 2 * DAY })]);
      const seeded = await lineOf('cora neu');
      await h.inWorker(
        (name) => chrome.alarms.onAlarm.dispatch({ name, scheduledTime: Date.now() }),
        'weekly-reconnect',
      );
      const notifications = () => h.inWorker(() => chrome.notifications.getAll());
      await waitFor(async () => Object.keys(await notifications()).length === 1);
      const [id] = Object.keys(await notifications());
      await h.inWorker((nid) => chrome.notifications.onButtonClicked.dispatch(nid, 1), id);
      await waitFor(async () => (await h.records()).some((c) => c.snoozedUntil > Date.now()));
      const snoozed = await lineOf('cora neu');
      assert.notEqual(snoozed, seeded, 'the worker wrote her line anew (her due moment moved)');
      assert.match(snoozed, /kunden/);
      // Written by the popup: a person added by hand in a circle.
      const popup = await h.openPopup();
      await popup.getByRole('button', { name: '+ Person hinzufügen' }).click();
      await popup.getByLabel('Name').fill('Eva Ehemalig');
      await popup.getByRole('button', { name: 'Ehemalige Kollegen' }).click();
      await popup.getByRole('button', { name: 'Speichern' }).click();
      await popup.getByRole('listitem').filter({ hasText: 'Eva Ehemalig' }).waitFor();
      assert.match(await lineOf('eva ehemalig'), /ehemalige kollegen/);
      const search = popup.getByLabel('Kontakte durchsuchen');
      await search.fill('Kunden');
      await popup.locator('.row__name').filter({ hasText: 'Cora Neu' }).waitFor();
      assert.deepEqual(await popup.locator('.row__name').allTextContents(), ['Cora Neu']);
      await search.fill('kollegen');
      await popup.locator('.row__name').filter({ hasText: 'Eva Ehemalig' }).waitFor();
      assert.deepEqual(await popup.locator('.row__name').allTextContents(), ['Eva Ehemalig']);
    } finally {
      await h.close();
    }
  });
});

test('a browser whose extension never starts is closed when the harness gives up on it, so the suite still ends', async () => {
  // An extension without a service worker: launch waits for one, gives up, and must not leave the browser running
  // (nothing could close it: the test file, and the whole suite with it, would never end).
  const manifest = JSON.stringify({ manifest_version: 3, name: 'x', version: '1' });
  const left = await leftAfterFailedLaunch(launch, { 'manifest.json': manifest }, /serviceworker/);
  assert.equal(left.length, 0, 'browser processes left running with the profile');
});
