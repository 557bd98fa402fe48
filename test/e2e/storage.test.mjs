import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { launch } from './harness.mjs';

const SCHEMA_V1 = JSON.parse(readFileSync(new URL('../fixtures/schema-v1.json', import.meta.url), 'utf8'));

test('a saved person survives closing the popup and restarting the browser', async () => {
  const first = await launch({ locale: 'en' });
  const popup = await first.openPopup();
  await popup.getByRole('button', { name: '+ Add a person' }).click();
  await popup.getByLabel('Name').fill('Oma Hildegard');
  await popup.getByLabel('How we met').fill('Family');
  await popup.getByRole('button', { name: 'Family' }).click();
  await popup.getByRole('button', { name: 'Save' }).click();
  await popup.getByRole('status').filter({ hasText: 'Saved Oma Hildegard.' }).waitFor();
  await popup.getByRole('listitem').filter({ hasText: 'Oma Hildegard' }).waitFor();
  await popup.close();

  const reopened = await first.openPopup();
  await reopened.getByRole('listitem').filter({ hasText: 'Oma Hildegard' }).waitFor();
  const dir = first.dir;
  assert.deepEqual(first.ownTraffic(), [], 'no request of our own');
  await first.close({ keepProfile: true });

  const second = await launch({ locale: 'en', userDataDir: dir });
  try {
    const again = await second.openPopup();
    await again.getByRole('listitem').filter({ hasText: 'Oma Hildegard' }).waitFor();
    assert.equal(await again.getByTestId('stats').textContent(), '1 person you know');
    assert.deepEqual(second.ownTraffic(), [], 'no request of our own');
  } finally {
    await second.close();
  }
});

test('a version-1 database from 0.1.0 is upgraded in place: every record kept, the badge counts from the new index', async () => {
  const h = await launch({ locale: 'en' });
  try {
    // The extension's own origin without running any of its code: the browser's JSON view of the manifest.
    const raw = await h.context.newPage();
    await raw.goto(`chrome-extension://${h.extensionId}/manifest.json`);
    const now = Date.now();
    await raw.evaluate(
      async ({ now, schema }) => {
        const DAY = 86_400_000;
        const req = (r) =>
          new Promise((ok, fail) => Object.assign(r, { onsuccess: () => ok(r.result), onerror: () => fail(r.error) }));
        await req(indexedDB.deleteDatabase('reconnect'));
        const open = indexedDB.open('reconnect', 1);
        // Version 1 exactly as 0.1.0 created it.
        open.onupgradeneeded = () => {
          for (const store of schema.stores) {
            const created = open.result.createObjectStore(store.name, store.keyPath ? { keyPath: store.keyPath } : {});
            for (const [index, keyPath, options] of store.indexes) created.createIndex(index, keyPath, options);
          }
        };
        const db = await req(open);
        const tx = db.transaction('contacts', 'readwrite');
        for (let i = 0; i < 500; i++) {
          const name = `Old Friend ${i}`;
          tx.objectStore('contacts').put({
            id: `old-${i}`,
            name,
            profiles: [],
            profileUrls: [],
            emails: [`old${i}@example.org`],
            phones: [],
            circles: ['friends'],
            notes: `note ${i}`,
            cadenceDays: 30,
            interactions: [],
            history: [],
            source: 'manual',
            createdAt: now - 90 * DAY,
            updatedAt: now - 90 * DAY,
            // 0–99 due now, 100–199 due but snoozed for a week, the rest due later.
            nextDueAt: i < 200 ? now - DAY : now + 20 * DAY,
            ...(i >= 100 && i < 200 ? { snoozedUntil: now + 7 * DAY } : {}),
            sortName: name.toLowerCase(),
            matchKey: `${name.toLowerCase()}|`,
          });
        }
        await new Promise((ok) => {
          tx.oncomplete = ok;
        });
        db.close();
      },
      { now, schema: SCHEMA_V1 },
    );

    const popup = await h.openPopup();
    await popup.getByRole('button', { name: /Old Friend 0\b/ }).waitFor();
    await popup.locator('.stats:not([aria-busy])').waitFor();
    assert.equal(await popup.getByTestId('stats').textContent(), '500 people you know');
    await popup.close();

    const after = await raw.evaluate(async () => {
      const req = (r) =>
        new Promise((ok, fail) => Object.assign(r, { onsuccess: () => ok(r.result), onerror: () => fail(r.error) }));
      const db = await req(indexedDB.open('reconnect'));
      const store = db.transaction('contacts').objectStore('contacts');
      const all = await req(store.getAll());
      const out = {
        version: db.version,
        indexes: [...store.indexNames],
        count: all.length,
        withDueAt: all.filter((r) => typeof r.dueAt === 'number').length,
        notesKept: all.filter((r) => r.notes === `note ${r.id.slice(4)}` && r.circles[0] === 'friends').length,
      };
      db.close();
      return out;
    });
    assert.equal(after.version, 2);
    assert.ok(after.indexes.includes('byDueAt'));
    assert.deepEqual([after.count, after.withDueAt, after.notesKept], [500, 500, 500]);

    await h.inWorker(() => chrome.alarms.onAlarm.dispatch({ name: 'daily-badge', scheduledTime: Date.now() }));
    const end = Date.now() + 5000;
    while ((await h.inWorker(() => chrome.action.getBadgeText({}))) !== '99+' && Date.now() < end)
      await new Promise((r) => setTimeout(r, 50));
    // 100 due now (the snoozed 100 not): shown as 99+, the title has the exact number.
    assert.equal(await h.inWorker(() => chrome.action.getTitle({})), 'Reconnect: 100 people are due');
    assert.deepEqual(h.ownTraffic(), [], 'no request of our own');
  } finally {
    await h.close();
  }
});
