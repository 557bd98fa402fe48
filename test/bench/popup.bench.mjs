// The popup with 10k contacts in real Chromium: open to first rows painted (goal ≤ 100 ms) and keystroke to
// filtered rows painted (goal ≤ 16 ms), side by side with rendering every row unvirtualised and with Fuse.js
// searching the same data (search alone, no rendering: in Fuse's favour).
import { join } from 'node:path';
import { launch } from '../e2e/harness.mjs';
import { browserBundle, median, root } from './support.mjs';

const N = Number(process.env.BENCH_POPUP_SIZE ?? 10000);
const QUERIES = ['mueller', 'person 12', 'company 4', 'consultant', 'zzz', 'müller 99'];

export async function run() {
  const storage = await browserBundle(join(root, 'test/bench/storage-entry.ts'), 'Store');
  const fuse = await browserBundle(join(root, 'test/bench/popup-entry.ts'), 'Peer');
  const h = await launch();
  try {
    const options = await h.openOptions();
    await options.evaluate(`${storage};globalThis.Store = Store;`);
    await options.evaluate(async (n) => {
      const db = await globalThis.Store.openDatabase();
      await globalThis.Store.bulkPut(db, globalThis.Store.makeContacts(n, Date.now()));
      db.close();
    }, N);

    const opens = [];
    let popup;
    for (let i = 0; i < 5; i++) {
      popup = await h.context.newPage();
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
      await popup.waitForFunction(() => document.querySelector('.row'), null, { polling: 'raf' });
      opens.push(await popup.evaluate(() => performance.now()));
      if (i < 4) await popup.close();
    }

    // Everyone loaded (the figures are shown) before the list is searched or rendered in full.
    await popup.waitForFunction(() => !document.querySelector('.stats[aria-busy]'));
    await popup.evaluate(`${fuse};globalThis.Peer = Peer;`);
    const r = await popup.evaluate(
      async ({ queries }) => {
        const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
        // Unvirtualised: every row built and laid out, as a list without windowing would.
        const row = document.querySelector('.row');
        const t0 = performance.now();
        const box = document.createElement('div');
        const n = Number(document.querySelector('.list__count')?.textContent?.split(' ').pop());
        for (let i = 0; i < n; i++) box.append(row.cloneNode(true));
        document.body.append(box);
        void box.offsetHeight;
        await frame();
        const unvirtualised = performance.now() - t0;
        box.remove();

        const input = document.getElementById('search');
        const keystrokes = [];
        for (const q of [...queries, ...queries]) {
          const t = performance.now();
          input.value = q;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await frame();
          keystrokes.push(performance.now() - t);
        }
        // Fuse.js over the same people (the popup's own list, read from IndexedDB).
        const db = await new Promise((ok) => {
          const req = indexedDB.open('reconnect');
          req.onsuccess = () => ok(req.result);
        });
        const all = await new Promise((ok) => {
          const req = db.transaction('contacts').objectStore('contacts').getAll();
          req.onsuccess = () => ok(req.result);
        });
        const fuse = new globalThis.Peer.Fuse(all, {
          keys: ['name', 'role', 'company', 'notes', 'circles'],
          threshold: 0.3,
        });
        const fuseTimes = [];
        for (const q of [...queries, ...queries]) {
          const t = performance.now();
          fuse.search(q);
          fuseTimes.push(performance.now() - t);
        }
        return { unvirtualised, keystrokes, fuseTimes };
      },
      { queries: QUERIES },
    );
    const k = `${N / 1000}k`;
    const open = median(opens);
    const key = median(r.keystrokes);
    const fuseKey = median(r.fuseTimes);
    return [
      {
        name: `popup ${k}: open to first rows painted`,
        unit: 'ms',
        value: open,
        peer: 'all rows unvirtualised (render only)',
        peerValue: r.unvirtualised,
        ratio: open / r.unvirtualised,
      },
      {
        name: `popup ${k}: keystroke to filtered rows painted`,
        unit: 'ms',
        value: key,
        peer: 'Fuse.js search only',
        peerValue: fuseKey,
        ratio: key / fuseKey,
      },
    ];
  } finally {
    await h.close();
  }
}
