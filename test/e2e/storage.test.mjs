import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { launch } from './harness.mjs';

const frozen = (name) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
const SCHEMA_V1 = frozen('schema-v1.json');
const SCHEMA_V2 = frozen('schema-v2.json');
const SCHEMA_V3 = frozen('schema-v3.json');
const SCHEMA_V4 = frozen('schema-v4.json');
const SCHEMA_V5 = frozen('schema-v5.json');
const SCHEMA_V6 = frozen('schema-v6.json');

test('a saved person survives closing the popup and restarting the browser', async () => {
  const first = await launch({ locale: 'en' });
  const popup = await first.openPopup();
  await popup.getByRole('button', { name: '+ Add a person' }).click();
  await popup.getByLabel('Name').fill('Oma Hildegard');
  await popup.getByLabel('How we met').fill('Family');
  await popup.getByRole('button', { name: 'Family' }).click();
  // Someone not online: what a page would not give is one fold away.
  await popup.getByText('Email, phone, birthday').click();
  await popup.getByLabel('Phone numbers (one per line)').fill('+49 221 123456');
  await popup.getByLabel('Day').fill('10');
  await popup.getByLabel('Month').selectOption({ label: 'December' });
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
    const [oma] = await second.records();
    assert.deepEqual([oma.phones, oma.birthday, oma.metVia], [['+49 221 123456'], { month: 12, day: 10 }, 'Family']);
    assert.deepEqual(second.ownTraffic(), [], 'no request of our own');
  } finally {
    await second.close();
  }
});

for (const schema of [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6]) {
  test(`a version-${schema.version} database (0.${schema.version}.0) is upgraded in place: every record kept, the badge counts from the due index`, async () => {
    const h = await launch({ locale: 'en' });
    try {
      const raw = await h.rawPage();
      const now = Date.now();
      await raw.evaluate(
        async ({ now, schema }) => {
          const DAY = 86_400_000;
          const req = (r) =>
            new Promise((ok, fail) =>
              Object.assign(r, { onsuccess: () => ok(r.result), onerror: () => fail(r.error) }),
            );
          // The freshly installed extension creates its own database at start, and may do so again between a
          // delete and the open below (then the open fails with a VersionError): delete and open until the old
          // version is what is there.
          let db;
          for (let attempt = 0; !db; attempt++) {
            await req(indexedDB.deleteDatabase('reconnect'));
            const open = indexedDB.open('reconnect', schema.version);
            // Exactly as that version created it.
            open.onupgradeneeded = () => {
              for (const store of schema.stores) {
                const created = open.result.createObjectStore(
                  store.name,
                  store.keyPath ? { keyPath: store.keyPath } : {},
                );
                for (const [index, keyPath, options] of store.indexes) created.createIndex(index, keyPath, options);
              }
            };
            db = await req(open).catch((e) => {
              if (e?.name !== 'VersionError' || attempt >= 5) throw e;
              return undefined;
            });
          }
          const tx = db.transaction(
            db.objectStoreNames.contains('search') ? ['contacts', 'search'] : 'contacts',
            'readwrite',
          );
          // Versions 5 and 6 kept a search index, its lines with ids as they are and due moments in decimal (here
          // without the notes, so only a rebuilt index finds a person by them).
          const lines = [];
          for (let i = 0; i < 500; i++) {
            const name = `Old Friend ${i}`;
            // 0–59 due now, 60–159 due but snoozed for a week, the rest due later (fewer than 100 due: the badge
            // says the exact number).
            const nextDueAt = i < 160 ? now - DAY : now + 20 * DAY;
            const snoozedUntil = i >= 60 && i < 160 ? now + 7 * DAY : undefined;
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
              nextDueAt,
              ...(snoozedUntil ? { snoozedUntil } : {}),
              sortName: name.toLowerCase(),
              matchKey: `${name.toLowerCase()}|`,
              // Version 2 kept the effective due date in every record.
              ...(schema.version >= 2 ? { dueAt: Math.max(nextDueAt, snoozedUntil ?? 0) } : {}),
            });
            lines.push(`old-${i}\u001f${Math.max(nextDueAt, snoozedUntil ?? 0)}\u001f${name.toLowerCase()}`);
          }
          if (schema.version >= 5) tx.objectStore('search').put(lines.join('\u001e'), 0);
          await new Promise((ok) => {
            tx.oncomplete = ok;
          });
          db.close();
        },
        { now, schema },
      );

      const popup = await h.openPopup();
      await popup.getByRole('button', { name: /Old Friend 0\b/ }).waitFor();
      await popup.locator('.stats:not([aria-busy])').waitFor();
      assert.equal(await popup.getByTestId('stats').textContent(), '500 people you know');
      // The search index the upgrade built finds a person by a word of their notes.
      await popup.getByLabel('Search contacts').fill('note 321');
      await popup.getByRole('button', { name: /Old Friend 321\b/ }).waitFor();
      assert.equal(await popup.locator('.list__count').textContent(), '1 of 500');
      await popup.close();

      const after = await h.idb(async (db, _, { req }) => {
        const store = db.transaction('contacts').objectStore('contacts');
        const records = await req(store.getAll());
        return {
          version: db.version,
          stores: [...db.objectStoreNames].sort(),
          indexed: (await req(db.transaction('search').objectStore('search').getAll()))
            .flatMap((lines) => lines.split('\u001e'))
            // Each line as this version writes it: the due moment packed (characters U+0080 and above).
            .filter((line) => line.startsWith('old-') && /^[\x80-\xff]+$/.test(line.split('\u001f')[1])).length,
          indexes: [...store.indexNames].sort(),
          count: records.length,
          withDueAt: records.filter((r) => typeof r.dueAt === 'number').length,
          notesKept: records.filter((r) => r.notes === `note ${r.id.slice(4)}` && r.circles[0] === 'friends').length,
        };
      });
      assert.equal(after.version, 7);
      assert.deepEqual(after.indexes, ['byDue', 'byEmail', 'byMatchKey', 'byProfileUrl', 'byRelated']);
      assert.deepEqual(after.stores, ['contacts', 'meta', 'search', 'sync', 'syncCards']);
      assert.equal(after.indexed, 500);
      assert.deepEqual([after.count, after.withDueAt, after.notesKept], [500, 500, 500]);

      await h.inWorker(() => chrome.alarms.onAlarm.dispatch({ name: 'badge-next-due', scheduledTime: Date.now() }));
      // The badge's text and title are set one after the other: wait for both.
      const badge = () => h.inWorker(() => Promise.all([chrome.action.getBadgeText({}), chrome.action.getTitle({})]));
      const want = ['60', 'Reconnect: 60 people are due'];
      const end = Date.now() + 5000;
      let shown = await badge();
      while (JSON.stringify(shown) !== JSON.stringify(want) && Date.now() < end) {
        await new Promise((r) => setTimeout(r, 50));
        shown = await badge();
      }
      // 60 due now (the snoozed 100 not).
      assert.deepEqual(shown, want);
      assert.deepEqual(h.ownTraffic(), [], 'no request of our own');
    } finally {
      await h.close();
    }
  });
}
