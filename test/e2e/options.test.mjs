// The options page in real Chromium: its settings are never stale (its own saves, other tabs' saves), a circle
// renamed there is renamed everywhere, and "This week" keeps the photo promise.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { contact, DAY, useExtension, waitFor } from './harness.mjs';

describe('the options page in Chromium', () => {
  const h = useExtension({ locale: 'en' });

  test('saved settings are what the page shows after switching tabs and back', async () => {
    const options = await h.openOptions('#settings');
    await options.getByLabel('People per reminder').fill('7');
    await options.getByLabel('People per reminder').blur();
    await options.getByLabel('Load contact photos').uncheck();
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Settings saved.').waitFor();
    await options.getByRole('link', { name: 'Import & export' }).click();
    await options.getByRole('heading', { name: 'Export' }).waitFor();
    await options.getByRole('link', { name: 'Settings' }).click();
    assert.equal(await options.getByLabel('People per reminder').inputValue(), '7');
    assert.equal(await options.getByLabel('Load contact photos').isChecked(), false);
    await options.close();
  });

  test('a number of people out of range, or a circle that exists, is said and kept as typed; nothing is saved', async () => {
    const options = await h.openOptions('#settings');
    const per = options.getByLabel('People per reminder');
    const stored = await per.inputValue();
    for (const typed of ['0', '500', '']) {
      await per.fill(typed);
      await options.getByRole('button', { name: 'Save' }).click();
      await options
        .getByRole('alert')
        .filter({ hasText: 'A reminder names 1 to 50 people: please enter a whole number between them.' })
        .waitFor();
      assert.equal(await per.inputValue(), typed, 'the number stays as typed');
      assert.equal(await per.getAttribute('aria-invalid'), 'true');
    }
    const circle = options.getByLabel('New circle');
    await circle.fill('family');
    await circle.press('Enter');
    await options.getByRole('alert').filter({ hasText: 'There is a circle “family” already.' }).waitFor();
    assert.equal(await circle.inputValue(), 'family', 'the name stays as typed');
    await options.getByRole('button', { name: 'Rename Friends' }).click();
    await options.getByLabel('New name for Friends').fill('Clients');
    await options.getByLabel('New name for Friends').press('Enter');
    await options.getByRole('alert').filter({ hasText: 'There is a circle “Clients” already.' }).waitFor();
    assert.equal(await options.locator('.circles-editor li').filter({ hasText: 'Friends' }).count(), 1);
    await options.close();
    const again = await h.openOptions('#settings');
    assert.equal(await again.getByLabel('People per reminder').inputValue(), stored, 'nothing was saved');
    await again.close();
  });

  test('"This week" with photos off loads not one image; with photos on it does', async () => {
    const now = Date.now();
    await h.seed([
      contact('photo1', 'Paula Photo', {
        lastContactedAt: now - 100 * DAY,
        nextDueAt: now - 10 * DAY,
        photoUrl: 'https://media.example.org/paula.jpg',
      }),
    ]);
    await h.inWorker(async () => {
      await chrome.alarms.onAlarm.dispatch({ name: 'weekly-reconnect', scheduledTime: Date.now() });
    });
    const view = async () => {
      const page = await h.openOptions('#reconnect');
      await page.getByRole('listitem', { name: 'Paula Photo' }).waitFor();
      // Give a lazy image every chance to be asked for.
      await page.waitForTimeout(300);
      return page;
    };
    const off = await view();
    assert.equal(await off.locator('.person img').count(), 0);
    assert.equal(await off.locator('.person .avatar--initials').first().textContent(), 'PP');
    assert.deepEqual(h.photoRequests(), [], 'no photo requested while photos are off');
    await off.close();

    const options = await h.openOptions('#settings');
    await options.getByLabel('Load contact photos').check();
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Settings saved.').waitFor();
    await options.close();
    const on = await view();
    const deadline = Date.now() + 3000;
    while (!h.photoRequests().length && Date.now() < deadline) await on.waitForTimeout(50);
    assert.deepEqual(
      h.photoRequests().map((r) => [r.url, r.referer]),
      [['https://media.example.org/paula.jpg', undefined]],
    );
    await on.close();
  });

  test('a circle renamed in the settings: every person in it follows, and so does the export list', async () => {
    await h.seed([contact('client1', 'Karl Kunde', { circles: ['clients'] })]);
    const data = await h.openOptions('#data');
    const circleOptions = () => data.locator('#export-circle option').allTextContents();
    assert.ok((await circleOptions()).includes('Clients'));

    // Renamed in another tab: the open export list follows without a reload.
    const options = await h.openOptions('#settings');
    await options.getByRole('button', { name: 'Rename Clients' }).click();
    await options.getByLabel('New name for Clients').fill('Stammkunden');
    await options.getByLabel('New name for Clients').press('Enter');
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Settings saved; 1 person moved to the renamed circle.').waitFor();
    await options.close();

    await data.locator('#export-circle option', { hasText: 'Stammkunden' }).waitFor({ state: 'attached' });
    assert.ok(!(await circleOptions()).includes('Clients'));
    await data.getByLabel('Format').selectOption('csv');
    await data.getByLabel('Who').selectOption('Stammkunden');
    const downloading = data.waitForEvent('download');
    await data.getByRole('button', { name: 'Export', exact: true }).click();
    const csv = readFileSync(await (await downloading).path(), 'utf8');
    assert.match(csv, /Karl Kunde/);
    assert.match(csv, /Stammkunden/);
    const [stored] = (await h.records()).filter((r) => r.id === 'client1');
    assert.deepEqual(stored.circles, ['Stammkunden']);
    await data.close();
  });

  test('by keyboard, the keyboard stays in place: a circle renamed or removed, a file imported or its preview cancelled', async () => {
    const options = await h.openOptions('#settings');
    const focused = () =>
      options.evaluate(() => {
        const at = document.activeElement;
        return at?.getAttribute('aria-label') || at?.id || at?.textContent?.trim();
      });
    await options.getByRole('button', { name: 'Rename Club' }).focus();
    await options.keyboard.press('Enter');
    const renaming = options.getByRole('textbox', { name: 'New name for Club' });
    await waitFor(() => renaming.evaluate((el) => el === document.activeElement));
    await options.keyboard.press('Escape');
    await waitFor(async () => (await focused()) === 'Rename Club'); // Escape: back to its ✎
    await options.keyboard.press('Enter');
    await options.getByLabel('New name for Club').fill('Sportverein');
    await options.keyboard.press('Enter');
    await options.getByRole('button', { name: 'Rename Sportverein' }).waitFor();
    await waitFor(async () => (await focused()) === 'Rename Sportverein'); // Enter: the renamed circle's ✎
    await options.getByRole('button', { name: 'Remove Sportverein' }).focus();
    const next = await options.evaluate(
      () => document.activeElement?.closest('li')?.nextElementSibling?.querySelector('[data-to="remove"]')?.ariaLabel,
    );
    await options.keyboard.press('Enter');
    await options.getByRole('button', { name: 'Remove Sportverein' }).waitFor({ state: 'detached' });
    assert.ok(next);
    await waitFor(async () => (await focused()) === next); // removed: the × of the circle taking its place
    // To the tab by keyboard too: a focus the user can see (a mouse click before it would make the file field's focus
    // one the page leaves alone, and whether it then falls to the page's start depends on the browser's timing).
    await options.getByRole('link', { name: 'Import & export' }).focus();
    await options.keyboard.press('Enter');

    const file = options.getByLabel('Choose or drop a file');
    const card = (name) => Buffer.from(`BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nEND:VCARD\r\n`);
    await file.focus();
    await file.setInputFiles({ name: 'eins.vcf', mimeType: 'text/vcard', buffer: card('Ola Eins') });
    await options.getByRole('region', { name: 'Import preview' }).waitFor();
    await waitFor(async () => (await focused()) === 'eins.vcf');
    await options.keyboard.press('Tab');
    assert.equal(await focused(), 'Import');
    await options.keyboard.press('Tab');
    assert.equal(await focused(), 'Cancel');
    await options.keyboard.press('Enter');
    await waitFor(async () => (await focused()) === 'import-file');
    await file.setInputFiles({ name: 'eins.vcf', mimeType: 'text/vcard', buffer: card('Ola Eins') });
    await waitFor(async () => (await focused()) === 'eins.vcf');
    await options.keyboard.press('Tab');
    await options.keyboard.press('Enter');
    await options.getByText('Imported: 1 new, 0 merged.').waitFor();
    await waitFor(async () => (await focused()) === 'Imported: 1 new, 0 merged.');
    await options.close();
  });
});

describe('the options page at 320 CSS pixels wide (a 1280-pixel window at 400% zoom), in German', () => {
  const h = useExtension({ locale: 'de' });

  test('every tab reflows: nothing scrolls sideways, the tabs and the fields side by side wrap instead of squeezing', async () => {
    const options = await h.openOptions('#settings');
    await options.setViewportSize({ width: 320, height: 640 });
    for (const tab of ['Diese Woche', 'Import & Export', 'Synchronisieren', 'Einstellungen']) {
      await options.getByRole('link', { name: tab }).click();
      await options.locator('.tabs a[aria-current="page"]', { hasText: tab }).waitFor();
      await options.locator('main[aria-busy="false"]').waitFor();
      const page = await options.evaluate(() => ({
        wide: document.documentElement.scrollWidth,
        seen: document.documentElement.clientWidth,
        // A tab's name on more than one line ("Import / & / Export") is a tab squeezed.
        tabLines: [...document.querySelectorAll('.tabs a')].map((a) => {
          const range = document.createRange();
          range.selectNodeContents(a);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        }),
        // The narrowest field of a row of fields, in the page's em.
        narrowest: Math.min(
          ...[...document.querySelectorAll('.field-row > .field')].map(
            (f) => f.getBoundingClientRect().width / Number.parseFloat(getComputedStyle(f).fontSize),
          ),
        ),
      }));
      assert.ok(page.wide <= page.seen, `${tab}: ${page.wide} px wide in a ${page.seen} px window`);
      assert.deepEqual(page.tabLines, [1, 1, 1, 1], `${tab}: every tab's name on one line`);
      if (Number.isFinite(page.narrowest)) assert.ok(page.narrowest >= 6, `${tab}: a field ${page.narrowest} em wide`);
    }
    await options.close();
  });
});
