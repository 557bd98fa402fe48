// Resilience in real Chromium: damaged records, and a newer version of the database opened elsewhere. Each ends
// with a clear message and every other record intact. (The worker stopped between events: reminder.test.mjs.)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contact, useExtension } from './harness.mjs';

describe('resilience in Chromium', () => {
  const h = useExtension({ locale: 'en' });

  test('a damaged record is reported and left out; everyone else is listed', async () => {
    await h.seed([contact('ok1', 'Intact One'), contact('ok2', 'Intact Two')]);
    const page = await h.openOptions();
    await page.evaluate(async () => {
      const db = await new Promise((ok) => {
        const r = indexedDB.open('reconnect');
        r.onsuccess = () => ok(r.result);
      });
      const tx = db.transaction('contacts', 'readwrite');
      tx.objectStore('contacts').put({ id: 'broken', profileUrls: [], garbage: true });
      await new Promise((ok) => {
        tx.oncomplete = ok;
      });
      db.close();
    });
    await page.close();
    const popup = await h.openPopup();
    await popup.getByText('1 stored contacts are damaged and are not shown.', { exact: false }).waitFor();
    assert.deepEqual((await popup.locator('.row__name').allTextContents()).sort(), ['Intact One', 'Intact Two']);
    await popup.close();
  });

  test('a newer database version opened elsewhere: the open popup steps aside and says so; nothing is lost', async () => {
    const popup = await h.openPopup();
    await popup.getByRole('button', { name: /Intact One/ }).waitFor();
    const other = await h.openOptions();
    const kept = await other.evaluate(async () => {
      const current = await new Promise((ok) => {
        const r = indexedDB.open('reconnect');
        r.onsuccess = () => {
          const v = r.result.version;
          r.result.close();
          ok(v);
        };
      });
      // What a newer build in another window does: open the next version. The popup must not block it.
      const db = await new Promise((ok, fail) => {
        const r = indexedDB.open('reconnect', current + 1);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
        r.onblocked = () => fail(new Error('blocked by the open popup'));
      });
      const count = await new Promise((ok) => {
        const r = db.transaction('contacts').objectStore('contacts').count();
        r.onsuccess = () => ok(r.result);
      });
      db.close();
      return count;
    });
    assert.equal(kept, 3);
    await popup.getByRole('alert').filter({ hasText: 'Reconnect was updated.' }).waitFor();
    await popup.close();
    await other.close();
  });
});
