import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { EXTENSION, launch, useExtension } from './harness.mjs';

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
      const options = await h.openOptions();
      await options.getByRole('heading', { name: 'Reconnect-Einstellungen' }).waitFor();
      assert.equal(await options.getByLabel('Tag').locator('option:checked').textContent(), 'Montag');
    } finally {
      await h.close();
    }
  });
});
