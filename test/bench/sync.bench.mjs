// Sync with a CardDAV address book of 10k cards (Radicale on loopback, filled by writing its storage folder: one
// by one, Radicale's creates slow down as the book grows), run by our engine in an extension page of real Chromium
// — side by side with the bare requests (one sync-collection REPORT; one multiget of every card) and with
// vdirsyncer (Debian's package) syncing the same collection to a local folder.
// Goals (issue 13): an incremental sync with no change is one request and ≤ 2× the bare REPORT; the first sync of
// 10k ≤ 2× the bare multiget of the same cards; memory stays flat (batches, no whole-book strings).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from '../e2e/harness.mjs';
import { makeBook, phone, startRadicale } from '../support/dav-servers.mjs';
import { browserBundle, median, root } from './support.mjs';

const N = Number(process.env.BENCH_SYNC_SIZE ?? 10000);
/** Uploading into an empty book is one create each, which Radicale makes slower the fuller the book: a smaller book. */
const M = Number(process.env.BENCH_SYNC_EMPTY_SIZE ?? 1000);
const USER = 'jane';
const PASSWORD = 'secret';

/** A card as a phone would hold it (~550 bytes). */
const card = (i) =>
  [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `UID:bench-${i}`,
    `N:Beispiel;Person ${i};;;`,
    `FN:Person ${i} Beispiel`,
    `ORG:Company ${i % 97};Sales`,
    'TITLE:Consultant',
    `EMAIL;TYPE=INTERNET;TYPE=WORK:person${i}@example.com`,
    `TEL;TYPE=CELL:+49 170 555 ${String(i).padStart(5, '0')}`,
    `item1.ADR;TYPE=WORK:;;Hauptstraße ${i % 200};Köln;;50667;Deutschland`,
    'item1.X-ABADR:de',
    `URL:https://www.linkedin.com/in/person-${i}`,
    `NOTE:Met at the spring meetup\\, talked about project ${i % 13}.`,
    'CATEGORIES:clients',
    `REV:2026-11-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z`,
    'END:VCARD',
    '',
  ].join('\r\n');

function fillRadicale(dir, book, n) {
  const folder = join(dir, 'collections', 'collection-root', USER, book);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, '.Radicale.props'), JSON.stringify({ tag: 'VADDRESSBOOK', 'D:displayname': book }));
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const text = card(i);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(folder, `bench-${i}.vcf`), text);
  }
  return bytes;
}

/** vdirsyncer between the collection and a local folder; returns how long `vdirsyncer sync` took (ms). */
function vdirsyncer(dir, url) {
  mkdirSync(join(dir, 'local'), { recursive: true });
  mkdirSync(join(dir, 'status'), { recursive: true });
  const config = join(dir, 'config');
  writeFileSync(
    config,
    `[general]\nstatus_path = "${join(dir, 'status')}/"\n\n[pair contacts]\na = "local"\nb = "remote"\ncollections = null\nconflict_resolution = "a wins"\n\n[storage local]\ntype = "filesystem"\npath = "${join(dir, 'local')}/"\nfileext = ".vcf"\n\n[storage remote]\ntype = "carddav"\nurl = "${url}"\nusername = "${USER}"\npassword = "${PASSWORD}"\n`,
  );
  // vdirsyncer keeps what it discovered in its status folder: once, untimed (it asks before creating anything).
  execFileSync('/usr/bin/vdirsyncer', ['-c', config, 'discover', 'contacts'], {
    input: 'y\ny\n',
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  return () => {
    const t = performance.now();
    execFileSync('/usr/bin/vdirsyncer', ['-c', config, 'sync'], { stdio: 'ignore' });
    return performance.now() - t;
  };
}

export async function run() {
  const work = mkdtempSync(join(tmpdir(), 'reconnect-bench-sync-'));
  const dir = join(work, 'radicale');
  mkdirSync(dir);
  const bookBytes = fillRadicale(dir, 'contacts', N);
  const smallBytes = fillRadicale(dir, 'small', N / 10);
  const server = await startRadicale({ dir, user: USER, password: PASSWORD, book: false });
  const book = `${server.origin}/${USER}/contacts/`;
  const code = await browserBundle(join(root, 'test/bench/sync-entry.ts'), 'Sync');
  // gc() for the memory runs: what a run holds, without the garbage not collected yet.
  const h = await launch({ args: ['--enable-precise-memory-info', '--js-flags=--expose-gc'] });
  h.allow(server.origin);
  const rows = [];
  try {
    const page = await h.rawPage();
    await page.evaluate(`${code};globalThis.Sync = Sync;`);
    const inPage = (fn, arg) => page.evaluate(fn, { book, user: USER, password: PASSWORD, ...arg });

    // Radicale builds its caches on the first listing and the first sync-collection (a minute cold for 10k):
    // both once, untimed, so neither side pays for them.
    const hrefs = await inPage(async ({ book, user, password }) => {
      const d = globalThis.Sync.dav(new URL(book).origin, user, password);
      await d.changesSince(book, undefined);
      return (await d.listing(book)).map((c) => c.href);
    });

    // The bare requests: the incremental check, and the download of every card in one request.
    const bare = await inPage(
      async ({ book, user, password, hrefs }) => {
        const S = globalThis.Sync;
        const { token } = await S.dav(new URL(book).origin, user, password).collectionTags(book);
        const reports = [];
        for (let i = 0; i < 7; i++) {
          const t = performance.now();
          await S.bareReport(book, token, user, password);
          reports.push(performance.now() - t);
        }
        const gets = [];
        for (let i = 0; i < 2; i++) {
          const t = performance.now();
          await S.bareMultiget(book, hrefs, user, password);
          gets.push(performance.now() - t);
        }
        return { reports, gets };
      },
      { hrefs },
    );

    // Ours: the first sync from the filled book, then incremental runs with no change and with 10 changes.
    const first = await inPage(async ({ book, user, password }) => {
      const S = globalThis.Sync;
      const db = await S.openDatabase(() => {}, `bench-sync-${Date.now()}`);
      globalThis.benchDb = db;
      const d = S.dav(new URL(book).origin, user, password);
      globalThis.benchDav = d;
      const base = S.heap();
      let peak = base;
      const sample = () => {
        peak = Math.max(peak, S.heap());
      };
      const timer = setInterval(sample, 50);
      S.counter.requests = 0;
      const t = performance.now();
      await S.engine(db, d, book, sample).run();
      const ms = performance.now() - t;
      clearInterval(timer);
      return { ms, requests: S.counter.requests, growth: peak - base, people: (await S.listAll(db)).length };
    });
    const floor = await page.evaluate(() => globalThis.Sync.bareStore(globalThis.benchDb));
    if (first.people !== N) throw new Error(`first sync brought ${first.people} of ${N}`);

    // Memory: the same first sync again, into a fresh database, the heap sampled after a garbage collection before
    // each batch (what the run holds, not garbage not collected yet) — from the book of N and from one of N / 10.
    // Flat: what it holds does not grow with the book.
    const held = (path) =>
      inPage(
        async ({ book, user, password, path }) => {
          const S = globalThis.Sync;
          const at = book.replace(/contacts\/$/, path);
          const d = S.dav(new URL(book).origin, user, password);
          await d.changesSince(at, undefined); // Radicale's caches for this book, as above
          const db = await S.openDatabase(() => {}, `bench-held-${path}-${Date.now()}`);
          const live = () => {
            globalThis.gc();
            return S.heap();
          };
          const base = live();
          let peak = base;
          await S.engine(db, d, at, () => {
            peak = Math.max(peak, live());
          }).run();
          const people = (await S.listAll(db)).length;
          db.close();
          return { held: peak - base, people };
        },
        { path },
      );
    const heldSmall = await held('small/');
    const heldLarge = await held('contacts/');
    if (heldSmall.people !== N / 10 || heldLarge.people !== N)
      throw new Error(`memory runs brought ${heldSmall.people} and ${heldLarge.people} people`);

    const incremental = async (changes) => {
      const runs = [];
      for (let r = 0; r < 5; r++) {
        for (let c = 0; c < changes; c++) {
          const i = (r * 37 + c * 101) % N;
          await phone({ ...server, book }).put(`bench-${i}.vcf`, card(i).replace('Consultant', `Consultant ${r}`));
        }
        runs.push(
          await page.evaluate(async (book) => {
            const S = globalThis.Sync;
            S.counter.requests = 0;
            const t = performance.now();
            await S.engine(globalThis.benchDb, globalThis.benchDav, book).run();
            return { ms: performance.now() - t, requests: S.counter.requests };
          }, book),
        );
      }
      return { ms: median(runs.map((r) => r.ms)), requests: median(runs.map((r) => r.requests)) };
    };
    const quiet = await incremental(0);
    const ten = await incremental(10);

    // vdirsyncer on the same collection: the first sync downloads every card, then the same incremental runs.
    const vdir = vdirsyncer(join(work, 'vdirsyncer'), book);
    const vFirst = vdir();
    const vQuiet = median([vdir(), vdir(), vdir()]);
    const vTen = [];
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 10; c++) {
        const i = (r * 53 + c * 89) % N;
        await phone({ ...server, book }).put(`bench-${i}.vcf`, card(i).replace('Consultant', `Advisor ${r}`));
      }
      vTen.push(vdir());
    }

    // Into an empty book: every card a create (M of them, both sides the same people).
    for (const name of ['empty-ours', 'empty-vdir'])
      await makeBook(`${server.origin}/${USER}/${name}/`, { user: USER, password: PASSWORD });
    const upload = await inPage(
      async ({ book, user, password, m }) => {
        const S = globalThis.Sync;
        const empty = book.replace(/contacts\/$/, 'empty-ours/');
        const db = await S.openDatabase(() => {}, `bench-upload-${Date.now()}`);
        const now = Date.now();
        await S.bulkPut(
          db,
          Array.from({ length: m }, (_, i) =>
            S.createContact(
              { name: `Person ${i} Beispiel`, company: `Company ${i % 97}`, emails: [`person${i}@example.com`] },
              'imported',
              now,
              () => `up-${i}`,
            ),
          ),
        );
        const d = S.dav(new URL(book).origin, user, password);
        S.counter.requests = 0;
        const t = performance.now();
        await S.engine(db, d, empty).run();
        return { ms: performance.now() - t, requests: S.counter.requests };
      },
      { m: M },
    );
    const vUploadDir = join(work, 'vdir-upload');
    const vUpload = vdirsyncer(vUploadDir, `${server.origin}/${USER}/empty-vdir/`);
    for (let i = 0; i < M; i++) writeFileSync(join(vUploadDir, 'local', `up-${i}.vcf`), card(i));
    const vUploadMs = vUpload();

    const k = (n) => (n >= 1000 ? `${n / 1000}k` : String(n));
    const row = (name, value, peer, peerValue, unit = 'ms') => ({
      name,
      unit,
      value,
      ...(peer ? { peer, peerValue, ratio: value / peerValue } : {}),
    });
    const bareGet = median(bare.gets);
    const bareReport = median(bare.reports);
    rows.push(
      row(`sync ${k(N)}: first sync from a filled book`, first.ms, 'bare multiget of every card', bareGet),
      row(
        `sync ${k(N)}: … the same`,
        first.ms,
        'bare multiget + bare IndexedDB write of what it stores',
        bareGet + floor,
      ),
      row(`sync ${k(N)}: … the same`, first.ms, 'vdirsyncer to a folder', vFirst),
      row(`sync ${k(N)}: incremental, no change`, quiet.ms, 'bare sync-collection REPORT', bareReport),
      row(`sync ${k(N)}: … requests it made`, quiet.requests, undefined, undefined, 'requests'),
      row(`sync ${k(N)}: … the same`, quiet.ms, 'vdirsyncer to a folder', vQuiet),
      row(`sync ${k(N)}: incremental, 10 changes`, ten.ms, 'vdirsyncer to a folder', median(vTen)),
      row(`sync ${k(N)}: … requests it made`, ten.requests, undefined, undefined, 'requests'),
      row(`sync ${k(M)}: first sync to an empty book`, upload.ms, 'vdirsyncer from a folder', vUploadMs),
      row(
        `sync ${k(N)}: heap growth during the first sync`,
        first.growth / 1048576,
        'the book as text',
        bookBytes / 1048576,
        'MB',
      ),
      row(
        `sync ${k(N / 10)}: first sync, most heap held at a batch (after GC)`,
        heldSmall.held / 1048576,
        'the book as text',
        smallBytes / 1048576,
        'MB',
      ),
      row(
        `sync ${k(N)}: first sync, most heap held at a batch (after GC)`,
        heldLarge.held / 1048576,
        'the book as text',
        bookBytes / 1048576,
        'MB',
      ),
    );
  } finally {
    await h.close();
    await server.remove();
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}
