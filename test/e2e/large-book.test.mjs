// A large book (20,000 people): the popup's first screen comes from the due index and a search typed the moment
// the search box is there is answered at once — from the stored search index while everyone is still being read
// (storage/search-index.ts), or from everyone once read. Either way the right person, and no one else.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contact, DAY, useExtension, waitFor } from './harness.mjs';

const N = 20_000;

/**
 * What the list showed in each extension page of the context from its first render on: every count text with the
 * row names under it, and whether "Nobody matches" was drawn (globalThis.listViews). Installed once per context.
 */
const recording = new WeakSet();
async function recordList(context) {
  if (recording.has(context)) return;
  recording.add(context);
  await context.addInitScript(() => {
    if (location.protocol !== 'chrome-extension:') return;
    const views = [];
    globalThis.listViews = views;
    new MutationObserver(() => {
      const count = document.querySelector('.list__count')?.textContent;
      const names = [...document.querySelectorAll('.row__name')].map((n) => n.textContent);
      const noMatch = !!document.querySelector('.rows .hint');
      const last = views.at(-1);
      if (count && (count !== last?.count || names.join('|') !== last.names.join('|') || noMatch !== last.noMatch))
        views.push({ count, names, noMatch });
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
}

/** The count texts of these views, each once where it follows itself. */
const countTexts = (views) => views.map((v) => v.count).filter((c, i, all) => c !== all[i - 1]);

describe('a book of 20,000 people in Chromium', () => {
  const h = useExtension({ locale: 'en' });

  test('the first screen at once, and a search typed at once finds the one person it names', async (t) => {
    const people = Array.from({ length: N }, (_, i) =>
      contact(`p${i}`, `Person ${i}`, { company: `Company ${i % 97}`, nextDueAt: Date.now() + (i % 300) * DAY }),
    );
    people[12_345] = contact('zelda', 'Zelda Quux', {
      notes: 'Met at the Berlin meetup',
      nextDueAt: Date.now() + 200 * DAY,
    });
    await h.seed(people);
    // Opened without waiting for the popup to be complete (h.openPopup waits for everyone to be read).
    const popup = await h.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
    const search = popup.getByLabel('Search contacts');
    await search.waitFor();
    // Typed before everyone is read where this machine is slow enough; the answer must be the same either way.
    const early = await popup.evaluate(() => !!document.querySelector('.stats[aria-busy]'));
    await search.fill('berlin meetup');
    await popup.getByRole('button', { name: /Zelda Quux/ }).waitFor();
    assert.equal(await popup.locator('.list__count').textContent(), `1 of ${N.toLocaleString('en')}`);
    assert.equal(await popup.locator('.row__name').count(), 1);
    // Then everyone arrives: the figures, and the same single hit from the full list.
    await popup.locator('.stats:not([aria-busy])').waitFor();
    assert.equal(await popup.getByTestId('stats').textContent(), `${N.toLocaleString('en')} people you know`);
    assert.equal(await popup.locator('.row__name').count(), 1);
    assert.equal(await popup.locator('.row__name').textContent(), 'Zelda Quux');
    // Clearing the search shows everyone again, in due order (the first one due first).
    await search.fill('');
    await popup.getByRole('button', { name: /Person 0\b/ }).waitFor();
    assert.equal(await popup.locator('.row__name').first().textContent(), 'Person 0');
    t.diagnostic(`searched before everyone was read: ${early}`);
  });

  test('people due at the same moment keep their places when everyone is read, and an early search shows them so', async (t) => {
    // Due before everyone above, 20 at each of three moments; ids (UUIDs, as the store gives) in the reverse order
    // of the names, so an order by name and one by id differ at every place.
    const at = Date.now() - 400 * DAY;
    const tied = Array.from({ length: 60 }, (_, i) =>
      contact(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, `Tied ${99 - i}`, {
        nextDueAt: at + Math.floor(i / 20) * DAY,
      }),
    );
    await h.seed(tied);
    const want = tied.map((c) => c.name);
    const names = (page) => page.locator('.row__name').allTextContents();
    const open = async () => {
      const popup = await h.context.newPage();
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
      return popup;
    };

    const popup = await open();
    await popup.locator('.row__name').first().waitFor();
    const firstEarly = await popup.evaluate(() => !!document.querySelector('.stats[aria-busy]'));
    const first = await names(popup);
    await popup.locator('.stats:not([aria-busy])').waitFor();
    assert.deepEqual(first, want.slice(0, first.length), 'the first screen, from the due index');
    assert.deepEqual(await names(popup), want.slice(0, (await names(popup)).length), 'the full list, the same');
    await popup.close();

    const searching = await open();
    const search = searching.getByLabel('Search contacts');
    await search.waitFor();
    const searchEarly = await searching.evaluate(() => !!document.querySelector('.stats[aria-busy]'));
    await search.fill('tied');
    await searching.getByRole('button', { name: /Tied 99\b/ }).waitFor();
    const found = await names(searching);
    assert.deepEqual(found, want.slice(0, found.length), 'an early search, the same');
    await searching.locator('.stats:not([aria-busy])').waitFor();
    assert.deepEqual(await names(searching), want.slice(0, (await names(searching)).length));
    await searching.close();
    t.diagnostic(`first screen before everyone was read: ${firstEarly}; searched before: ${searchEarly}`);
  });

  test("a filter chosen before everyone is read shows the first screen's matches at once, and everyone adds rows below them", async (t) => {
    await recordList(h.context);
    const popup = await h.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
    const show = popup.getByRole('combobox', { name: 'Show' });
    await show.waitFor();
    // The views from the choice on.
    const [from, early] = await popup.evaluate(() => [
      globalThis.listViews.length,
      !!document.querySelector('.stats[aria-busy]'),
    ]);
    // The 60 people tied 400 days ago are overdue and due before everyone else: the first screen is 30 of them.
    await show.selectOption('overdue');
    await popup.locator('.stats:not([aria-busy])').waitFor();
    await popup.getByRole('button', { name: /Tied 99\b/ }).waitFor();
    const final = await popup.locator('.row__name').allTextContents();
    assert.deepEqual(final.slice(0, 3), ['Tied 99', 'Tied 98', 'Tied 97']);
    const views = (await popup.evaluate(() => globalThis.listViews)).slice(from);
    const searching = views.filter((v) => v.count === 'Searching everyone…');
    for (const v of searching) {
      // While searching: never nobody (the first screen holds 30 overdue), and never rows the answer moves.
      assert.ok(v.names.length > 0, "the first screen's overdue people, while everyone is read");
      const n = Math.min(v.names.length, final.length);
      assert.deepEqual(v.names.slice(0, n), final.slice(0, n));
    }
    await popup.close();
    t.diagnostic(`filtered before everyone was read: ${early}; views while searching: ${searching.length}`);
  });

  test('the list counts everyone while only its first screen is read: never the first screen as the whole book', async (t) => {
    await recordList(h.context);
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
    await popup.locator('.stats:not([aria-busy])').waitFor();
    const all = (N + 60).toLocaleString('en');
    const texts = countTexts(await popup.evaluate(() => globalThis.listViews));
    assert.equal(texts.at(-1), `${all} of ${all}`);
    // Before everyone is read: the index's count, or "…" before the index is read — never "30 of 30".
    for (const text of texts) assert.match(text, new RegExp(`^[\\d,]+ of (…|${all})$`));
    await popup.close();
    t.diagnostic(`count texts: ${texts.join(' → ')}`);
  });

  test('a filter chosen before everyone is read says it is searching, never "Nobody matches", then the answer', async (t) => {
    // Due long after the first screen: only the full read finds her.
    await h.seed([contact('vera', 'Vera Vereinsfreundin', { circles: ['club'], nextDueAt: Date.now() + 299 * DAY })]);
    await recordList(h.context);
    const popup = await h.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
    const circle = popup.getByLabel('Circle');
    await circle.waitFor();
    // The texts from the choice on (the first screen's count before it is not looked at).
    const [from, early] = await popup.evaluate(() => [
      globalThis.listViews.length,
      !!document.querySelector('.stats[aria-busy]'),
    ]);
    await circle.selectOption('club');
    await popup.getByRole('button', { name: /Vera Vereinsfreundin/ }).waitFor();
    const all = (N + 61).toLocaleString('en');
    assert.equal(await popup.locator('.list__count').textContent(), `1 of ${all}`);
    const views = await popup.evaluate(() => globalThis.listViews);
    // The first screen's count may still be completed by the index (30 of …, then of everyone) before the choice
    // takes effect: that one is not the filter's answer.
    const texts = countTexts(views.slice(from)).filter((text, i) => !(i === 0 && text === `30 of ${all}`));
    // Chosen before everyone was read: "Searching", then the answer; after: the answer at once. Never the first
    // screen's answer ("0 of …": she is not in it), never "Nobody matches".
    const want = texts.length > 1 ? ['Searching everyone…', `1 of ${all}`] : [`1 of ${all}`];
    assert.deepEqual(texts, want);
    assert.equal(
      views.some((v) => v.noMatch),
      false,
    );
    await popup.close();
    t.diagnostic(`filtered before everyone was read: ${early}; count texts after: ${texts.join(' → ')}`);
  });

  test("the index's copy in Blobs: written for a popup closed as soon as it read the index, read with what changed since", async () => {
    const copyKeys = () =>
      h.idb(async (db, _, { req }) =>
        (await req(db.transaction('search').objectStore('search').getAllKeys(IDBKeyRange.bound('p', 'p\uffff')))).map(
          String,
        ),
      );
    // A large book (an index of more than 3 million characters: 15,000 more people with a note), whose popup
    // asks the service worker for the copy as soon as its read of the index finds none.
    await h.seed(
      Array.from({ length: 15_000 }, (_, i) =>
        contact(`noted${i}`, `Noted ${i}`, {
          notes: `Kennengelernt auf der Messe ${i % 40}; ${'Kunde seit Jahren, Relaunch, Workshop '.repeat(4)}`,
          nextDueAt: Date.now() + (i % 300) * DAY,
        }),
      ),
    );
    // Closed the moment the index is read, long before everyone is (a capture saved, a contact logged, and the
    // popup closed): the copy is written all the same, for the next popup.
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
    await popup.waitForFunction(() => performance.getEntriesByName('popup:index-read').length > 0);
    const busy = await popup.evaluate(() => document.querySelector('main')?.getAttribute('aria-busy'));
    await popup.close();
    assert.equal(busy, 'true', 'everyone was read before the popup closed: the test would not tell');
    await waitFor(async () => (await copyKeys()).length === 8, 15_000);
    const part = await h.idb(async (db, _, { req }) => {
      const p = await req(db.transaction('search').objectStore('search').get('p0'));
      return { blob: p.text instanceof Blob, buckets: p.lengths.length, bytes: p.text.size };
    });
    assert.deepEqual({ ...part, bytes: part.bytes > 50_000 }, { blob: true, buckets: 32, bytes: true });
    // Someone saved after the copy: their bucket is marked, and the index as read is the strings as they are.
    await h.seed([
      contact('yuki', 'Yuki Nachzügler', { notes: 'Beim Hackathon kennengelernt', nextDueAt: Date.now() }),
    ]);
    const read = await h.inStore((store, db) => store.readSearchIndex(db));
    const stored = await h.idb(async (db, _, { req }) => {
      const store = db.transaction('search').objectStore('search');
      const range = IDBKeyRange.bound(0, 255);
      const [keys, values, marks] = await Promise.all([
        req(store.getAllKeys(range)),
        req(store.getAll(range)),
        req(store.getAllKeys(IDBKeyRange.bound('d', 'd\uffff'))),
      ]);
      const strings = Array.from({ length: 256 }, () => '');
      for (const [i, k] of keys.entries()) strings[k] = values[i];
      return { strings, marks: marks.length };
    });
    // Her bucket is marked (with any other changed since the copy: few, so the read takes the copy, and those from
    // the strings).
    assert.ok(stored.marks >= 1 && stored.marks <= 8, `${stored.marks} buckets marked`);
    assert.deepEqual(read, stored.strings);
    assert.ok(read.some((bucket) => bucket.includes('hackathon')));
    // And a search in the next popup finds her, and someone from the copy.
    const next = await h.openPopup();
    const search = next.getByLabel('Search contacts');
    await search.fill('hackathon');
    await next.getByRole('button', { name: /Yuki Nachzügler/ }).waitFor();
    await search.fill('berlin meetup');
    await next.getByRole('button', { name: /Zelda Quux/ }).waitFor();
    await next.close();
  });
});
