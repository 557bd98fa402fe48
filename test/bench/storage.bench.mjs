// Contact store in real Chromium (an extension page of dist/e2e): at 1k, 10k and 50k contacts, our IndexedDB store
// side by side with one array in chrome.storage.local rewritten on each save.
// What the product runs: a backup restore (bulk), a capture's save (upsert), the badge's count of who is due, the
// popup's first screen in due order, the full load for search, and the weekly alarm's digest.
// The book has relationships, birthdays, follow-ups, role history and notes (storage-entry.ts makeContacts): the digest
// reads the follow-ups apart and computes each person's reasons, and "who can introduce" ranks the book for one
// captured profile.
// Goals at 10k: the badge ≤ 5 ms, upsert one ≤ 5 ms, first screen ≤ 20 ms (issue 4); alarm → notification ≤ 50 ms
// (issues 6 and 14, with reasons, at 10k and 50k); who can introduce for one profile ≤ 20 ms (issue 14).
import { join } from 'node:path';
import { launch } from '../e2e/harness.mjs';
import { browserBundle, root } from './support.mjs';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);

export async function run() {
  const code = await browserBundle(join(root, 'test/bench/storage-entry.ts'), 'Bench');
  const rows = [];
  // Each size in a browser of its own: with all three in one page, the page closed during 50k (2026-12-05 and
  // 2026-12-07), where 50k alone finished.
  for (const n of SIZES) {
    console.error(`bench: storage at ${n}…`);
    const h = await launch();
    try {
      const page = await h.openOptions();
      await page.evaluate(`${code};globalThis.Bench = Bench;`);
      const r = await page.evaluate(async (n) => {
        const B = globalThis.Bench;
        const now = Date.now();
        const middle = (s) => s.sort((a, b) => a - b)[Math.floor(s.length / 2)];
        /**
         * The median of `runs` timed calls, after two untimed. A call that takes seconds (the peer's rewrite of a
         * 50k array took 31 s) is warmed once and timed at least three times, until its timed calls pass 20 s: 50k
         * alone took 15 minutes otherwise, eleven calls of that upsert among them.
         */
        const med = async (fn, runs = 9) => {
          const s = [];
          let slow = false;
          let spent = 0;
          for (let i = 0; s.length < runs; i++) {
            const t = performance.now();
            await fn(i);
            const took = performance.now() - t;
            if (i === 0) slow = took > 1000;
            if (i === 0 || (i === 1 && !slow)) continue;
            s.push(took);
            spent += took;
            if (s.length >= 3 && spent > 20_000) break;
          }
          return middle(s);
        };
        const contacts = B.makeContacts(n, now);
        const name = `bench-${n}-${now}`;
        const db = await B.openDatabase(() => {}, name);
        let t = performance.now();
        await B.bulkPut(db, contacts);
        const bulk = performance.now() - t;
        t = performance.now();
        await B.peer.save(contacts);
        const peerBulk = performance.now() - t;
        const draft = (i) => ({
          name: 'New Person',
          company: 'X',
          profiles: [{ url: `https://x.com/new${i}`, site: 'x' }],
        });
        const upsert = await med((i) => B.upsertDraft(db, draft(i), 'captured', { now }));
        const peerUpsert = await med((i) =>
          B.peer.upsertOne({ ...contacts[0], id: `n${i}`, profiles: draft(i).profiles }),
        );
        // As the worker counts for the badge: to 100 at most ("99+" beyond 99; background/badge.ts).
        const due = await med(() => B.countDue(db, now, 100));
        const peerDue = await med(() => B.peer.countDue(now));
        const page1 = await med(() => B.firstByDue(db, 30));
        const peerPage1 = await med(() => B.peer.firstScreen(30));
        const digest = await med(async () => {
          await B.saveReminderState(db, { installedAt: 0 });
          await B.showDigest(db, now);
        }, 5);
        const peerDigest = await med(() => B.peer.digest(now, 5), 5);
        const full = await med(() => B.listAll(db), 3);
        const peerFull = await med(() => B.peer.load(), 3);
        // Who can introduce, as for a captured LinkedIn profile (mutual connections matched, then the ranking), on
        // the book as the popup holds it (everyone read). The first call in a page folds the names and companies it
        // compares and groups the book; after a write the popup patches its list and the grouping follows the patch;
        // a list read without grouping (new objects, mostly the same strings) is grouped at its first question.
        const book = await B.listAll(db);
        let t0 = performance.now();
        B.introduceFor(1, book);
        const introduceCold = performance.now() - t0;
        const reread = await B.listAll(db);
        t0 = performance.now();
        B.introduceFor(2, reread);
        const introduceFirst = performance.now() - t0;
        const introduce = await med((i) => B.introduceFor(i + 3, reread));
        const peerIntroduce = await med((i) => B.peer.introduce(B.introTarget(i + 3), reread));
        // The contact page of someone in the book (their links, company, history and circle), as for a person
        // never contacted.
        const contactPage = await med((i) => B.whoCanIntroduce(reread[(i * 331) % n], reread));
        const peerContactPage = await med((i) => B.peer.introduce(reread[(i * 331) % n], reread));
        // After a write in the popup, the list is patched with the person it touched (here: one moved company),
        // then a capture card asks: the patch and the question timed together.
        // The popup groups everyone once they are read, in slices while idle; a capture card then asks. Timed here
        // in one go on a list just read.
        const fresh = await B.listAll(db);
        t0 = performance.now();
        B.groupForIntroductions(fresh);
        const grouping = performance.now() - t0;
        t0 = performance.now();
        B.introduceFor(40, fresh);
        const afterGrouping = performance.now() - t0;
        // After a write: the list patched (the grouping follows the patch), then the question; each timed.
        let list = reread;
        const patches = [];
        const afterWrite = await med((i) => {
          const c = list[(i * 7919) % n];
          const t = performance.now();
          list = B.patchBook(list, new Map([[c.id, { ...c, company: `Company ${(i + 1) % 97}`, updatedAt: now + i }]]));
          if (i >= 2) patches.push(performance.now() - t);
          B.introduceFor(i + 20, list);
        });
        const patch = middle(patches);
        // The popup's list after a write (one person contacted): patched, put in order, its search texts, the
        // header's figures. Ours follows the patch (list-model.ts resortPatched and LinkedBeyond, texts kept per
        // contact object); the peer is what the popup did before: every search text worked out, everyone sorted
        // and every link counted again.
        const textOf = B.searchTextCache();
        let book2 = await B.listAll(db);
        let inOrder = B.sortContacts(book2, textOf, 'due');
        const linked = new B.LinkedBeyond(book2);
        let seen;
        B.followPatches((_, __, removed, added) => {
          seen = { removed, added };
        });
        const contacted = (list, i) => {
          const c = list[(i * 7919) % n];
          return B.patchBook(list, new Map([[c.id, { ...c, lastContactedAt: now + i, updatedAt: now + i }]]));
        };
        const listAfterWrite = await med((i) => {
          book2 = contacted(book2, i);
          inOrder = B.resortPatched(inOrder, seen.removed, seen.added, textOf, 'due');
          linked.patch(seen.removed, seen.added);
          B.stats(book2, now, linked.size);
        });
        let book3 = await B.listAll(db);
        const peerListAfterWrite = await med((i) => {
          book3 = contacted(book3, i);
          B.sortContacts(book3, B.haystack, 'due');
          B.stats(book3, now);
        }, 5);
        db.close();
        indexedDB.deleteDatabase(name);
        await chrome.storage.local.clear();
        return {
          bulk,
          peerBulk,
          upsert,
          peerUpsert,
          due,
          peerDue,
          page1,
          peerPage1,
          full,
          peerFull,
          digest,
          peerDigest,
          introduce,
          introduceFirst,
          introduceCold,
          afterWrite,
          patch,
          listAfterWrite,
          peerListAfterWrite,
          contactPage,
          peerContactPage,
          grouping,
          afterGrouping,
          peerIntroduce,
        };
      }, n);
      const k = n >= 1000 ? `${n / 1000}k` : String(n);
      const row = (what, value, peerValue) => ({
        name: `store ${k}: ${what}`,
        unit: 'ms',
        value,
        peer: 'chrome.storage.local array',
        peerValue,
        ratio: value / peerValue,
      });
      const intro = (what, value, peerValue) => ({
        ...row(what, value, peerValue),
        peer: 'every contact compared on each call',
      });
      rows.push(
        row('bulk insert', r.bulk, r.peerBulk),
        row('upsert one', r.upsert, r.peerUpsert),
        row('badge: count due (to 100: "99+" beyond)', r.due, r.peerDue),
        row('first screen (30 in due order)', r.page1, r.peerPage1),
        row('full load for search', r.full, r.peerFull),
        row('alarm → digest notification (with reasons)', r.digest, r.peerDigest),
        intro('who can introduce, one profile (mutuals matched + ranked)', r.introduce, r.peerIntroduce),
        intro(
          'who can introduce, after a write: list patched (grouping follows), then asked',
          r.afterWrite,
          r.peerIntroduce,
        ),
        { name: `store ${k}: … of which the list's patch (one person changed)`, unit: 'ms', value: r.patch },
        {
          name: `store ${k}: the popup's list after a write (patched, in order, search texts, header figures)`,
          unit: 'ms',
          value: r.listAfterWrite,
          peer: 'texts, order and figures worked out again',
          peerValue: r.peerListAfterWrite,
          ratio: r.listAfterWrite / r.peerListAfterWrite,
        },
        intro('who can introduce, a contact page (links, company, circle)', r.contactPage, r.peerContactPage),
        intro(
          'who can introduce, first after the grouping (the popup: grouped when idle after everyone is read)',
          r.afterGrouping,
          r.peerIntroduce,
        ),
        {
          name: `store ${k}: … the grouping itself, in one go (the popup does it in idle slices)`,
          unit: 'ms',
          value: r.grouping,
        },
        intro(
          'who can introduce, first on a list not grouped (the grouping done by the question)',
          r.introduceFirst,
          r.peerIntroduce,
        ),
        intro('who can introduce, first in a new page (nothing folded yet)', r.introduceCold, r.peerIntroduce),
      );
    } finally {
      await h.close();
    }
  }
  return rows;
}
