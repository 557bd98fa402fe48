import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DAY, launch } from './harness.mjs';

const frozen = (name) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
const SCHEMA_V1 = frozen('schema-v1.json');
const SCHEMA_V2 = frozen('schema-v2.json');
const SCHEMA_V3 = frozen('schema-v3.json');
const SCHEMA_V4 = frozen('schema-v4.json');
const SCHEMA_V5 = frozen('schema-v5.json');
const SCHEMA_V6 = frozen('schema-v6.json');
const SCHEMA_V7 = frozen('schema-v7.json');
const SCHEMA_V8 = frozen('schema-v8.json');
const SCHEMA_V9 = frozen('schema-v9.json');
const SCHEMA_V10 = frozen('schema-v10.json');
/** The release that created each version (0.6.0 created two). */
const RELEASE = {
  1: '0.1.0',
  2: '0.2.0',
  3: '0.3.0',
  4: '0.4.0',
  5: '0.5.0',
  6: '0.6.0',
  7: '0.6.0',
  8: '0.7.0',
  9: '0.8.1',
  10: '0.8.2',
};

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

for (const schema of [
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_V6,
  SCHEMA_V7,
  SCHEMA_V8,
  SCHEMA_V9,
  SCHEMA_V10,
]) {
  test(`a version-${schema.version} database (${RELEASE[schema.version]}) is upgraded in place: every record kept, the badge counts from the due index`, async () => {
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
          // without the notes, so only a rebuilt index finds a person by them); version 7 its due moments in base
          // 128 (a digit a character from U+0080) in the buckets of the id's FNV-1a hash, which version 8 keeps.
          const birthdayIn = (days) => {
            const d = new Date(now + days * DAY);
            return { month: d.getMonth() + 1, day: d.getDate(), year: 1980 };
          };
          const packed = (n) => {
            let out = '';
            for (; n > 0 || !out; n = Math.floor(n / 128)) out = String.fromCharCode(0x80 + (n % 128)) + out;
            return out;
          };
          const bucketOf = (id) => {
            let h = 0x811c9dc5;
            for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
            return (h >>> 0) % 256;
          };
          const buckets = new Map();
          const lines = [];
          for (let i = 0; i < 500; i++) {
            // Every tenth with a title before the name: keyed with it until version 9.
            const name = `${i % 10 ? '' : 'Dr. '}Old Friend ${i}`;
            // 0–59 due now, 60–159 due but snoozed for a week, the rest due later (fewer than 100 due: the badge
            // says the exact number).
            // Every 50th from 160 on with a follow-up in three days instead (then the day it is due): in the
            // follow-up index from version 11 on.
            const followUp = i >= 160 && i % 50 === 10 ? { at: now + 3 * DAY } : undefined;
            const nextDueAt = followUp?.at ?? (i < 160 ? now - DAY : now + 20 * DAY);
            const snoozedUntil = i >= 60 && i < 160 ? now + 7 * DAY : undefined;
            // Each with a homepage: until version 8 in the unique index of profile links, then in the one of web
            // addresses with the name (titles aside).
            const home = `https://old${i}.example`;
            tx.objectStore('contacts').put({
              id: `old-${i}`,
              name,
              profiles: [{ url: home, site: 'web' }],
              profileUrls: schema.version >= 8 ? [] : [home],
              ...(schema.version >= 8 ? { pageKeys: [`${home} old friend ${i}`] } : {}),
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
              ...(followUp ? { followUp } : {}),
              sortName: name.toLowerCase(),
              // Version 9 wrote the key without the title.
              matchKey: schema.version >= 9 ? `old friend ${i}|` : `${name.toLowerCase()}|`,
              // Every 50th with a birthday the day after tomorrow, every 50th after 25 one in a month: in the
              // birthday index from version 10 on.
              ...(i % 25 === 0 ? { birthday: birthdayIn(i % 50 === 0 ? 2 : 30) } : {}),
              // Version 2 kept the effective due date in every record.
              ...(schema.version >= 2 ? { dueAt: Math.max(nextDueAt, snoozedUntil ?? 0) } : {}),
            });
            const due = Math.max(nextDueAt, snoozedUntil ?? 0);
            if (schema.version < 7) lines.push(`old-${i}\u001f${due}\u001f${name.toLowerCase()}`);
            else {
              const b = bucketOf(`old-${i}`);
              buckets.set(b, [
                ...(buckets.get(b) ?? []),
                `old-${i}\u001f${packed(due)}\u001f${name.toLowerCase()} note ${i}`,
              ]);
            }
          }
          if (schema.version >= 5 && schema.version < 7) tx.objectStore('search').put(lines.join('\u001e'), 0);
          for (const [b, held] of buckets) tx.objectStore('search').put(held.join('\u001e'), b);
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

      const soon = new Date(now + 2 * DAY);
      const birthdayKey = [soon.getMonth() + 1, soon.getDate()];
      const after = await h.idb(
        async (db, { birthdayKey, by2, by3 }, { req }) => {
          const store = db.transaction('contacts').objectStore('contacts');
          // Version 10: whose birthday is the day after tomorrow, one lookup of the birthday index.
          // Version 11: who has a follow-up by the day after tomorrow and by three days on, in the follow-up index.
          const [records, birthdays, withBirthday, followUpsBy2, followUpsBy3] = await Promise.all([
            req(store.getAll()),
            req(store.index('byBirthday').count(birthdayKey)),
            req(store.index('byBirthday').count()),
            req(store.index('byFollowUp').count(IDBKeyRange.upperBound(by2))),
            req(store.index('byFollowUp').getAllKeys(IDBKeyRange.upperBound(by3))),
          ]);
          return {
            version: db.version,
            stores: [...db.objectStoreNames].sort(),
            indexed: (await req(db.transaction('search').objectStore('search').getAll()))
              .flatMap((lines) => lines.split('\u001e'))
              // Each line as this version writes it: the due moment packed (characters U+0080 and above).
              .filter((line) => line.startsWith('old-') && /^[\x80-\xff]+$/.test(line.split('\u001f')[1])).length,
            indexes: [...store.indexNames].sort(),
            birthdays,
            withBirthday,
            followUps: [followUpsBy2, followUpsBy3],
            count: records.length,
            withDueAt: records.filter((r) => typeof r.dueAt === 'number').length,
            notesKept: records.filter((r) => r.notes === `note ${r.id.slice(4)}` && r.circles[0] === 'friends').length,
            // Version 9: the name + company key without the title (every tenth had one).
            keysKept: records.filter((r) => r.matchKey === `old friend ${r.id.slice(4)}|`).length,
            titled: records.filter((r) => r.name.startsWith('Dr. ')).length,
            // Version 8: each homepage left the unique index for the one of web addresses, with the name.
            pagesKept: records.filter(
              (r) =>
                r.profileUrls.length === 0 &&
                r.profiles[0].url === `https://old${r.id.slice(4)}.example` &&
                JSON.stringify(r.pageKeys) ===
                  JSON.stringify([`https://old${r.id.slice(4)}.example old friend ${r.id.slice(4)}`]),
            ).length,
          };
        },
        { birthdayKey, by2: now + 2 * DAY, by3: now + 3 * DAY },
      );
      assert.equal(after.version, 11);
      assert.deepEqual(after.indexes, [
        'byBirthday',
        'byDue',
        'byEmail',
        'byFollowUp',
        'byMatchKey',
        'byPageKey',
        'byProfileUrl',
        'byRelated',
      ]);
      // 20 people with a birthday, 10 of them the day after tomorrow.
      assert.deepEqual([after.withBirthday, after.birthdays], [20, 10]);
      // 7 follow-ups, all in three days.
      assert.deepEqual(after.followUps, [
        0,
        ['old-160', 'old-210', 'old-260', 'old-310', 'old-360', 'old-410', 'old-460'],
      ]);
      assert.deepEqual(after.stores, ['contacts', 'meta', 'search', 'sync', 'syncCards']);
      assert.equal(after.indexed, 500);
      // The due dates version 2 derived are kept by version 8's and 9's rewrites of the same records, and version 8's
      // web address keys by version 9's rewrite of the titled ones.
      assert.deepEqual(
        [after.count, after.withDueAt, after.notesKept, after.pagesKept, after.keysKept, after.titled],
        [500, 500, 500, 500, 500, 50],
      );

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
