// The popup with 10k contacts in real Chromium: open to first rows painted (goal ≤ 100 ms, beside a static page
// with no script: the browser's own floor for opening an extension page) and keystroke to
// filtered rows painted (goal ≤ 16 ms), side by side with rendering every row unvirtualised and with Fuse.js
// searching the same data (search alone, no rendering: in Fuse's favour).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../e2e/harness.mjs';
import { allRecords, idbScript } from '../e2e/idb.mjs';
import { browserBundle, median, root, tmp } from './support.mjs';

const N = Number(process.env.BENCH_POPUP_SIZE ?? 10000);
const QUERIES = ['mueller', 'person 12', 'company 4', 'consultant', 'zzz', 'müller 99'];

export async function run() {
  const storage = await browserBundle(join(root, 'test/bench/storage-entry.ts'), 'Store');
  const fuse = await browserBundle(join(root, 'test/bench/popup-entry.ts'), 'Peer');
  const h = await launch({ extension: withFloorPage() });
  try {
    const options = await h.openOptions();
    await options.evaluate(`${storage};globalThis.Store = Store;`);
    await options.evaluate(async (n) => {
      const db = await globalThis.Store.openDatabase();
      await globalThis.Store.bulkPut(db, globalThis.Store.makeContacts(n, Date.now()));
      db.close();
    }, N);

    // "Painted": the first frame after the first row entered the document has run (rAF, then a task), seen from
    // inside the page, so the harness's own polling does not count.
    await h.context.addInitScript(() => {
      if (location.protocol !== 'chrome-extension:') return;
      new MutationObserver((_, observer) => {
        if (!document.querySelector('.row')) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => Object.assign(globalThis, { rowsPainted: performance.now() })));
      }).observe(document, { childList: true, subtree: true });
    });
    const open = async (file) => {
      const page = await h.context.newPage();
      await page.setViewportSize({ width: 400, height: 600 });
      await page.goto(`chrome-extension://${h.extensionId}/${file}`);
      await page.waitForFunction(() => globalThis.rowsPainted);
      return [page, await page.evaluate(() => globalThis.rowsPainted)];
    };
    // Alternating with the floor: a static extension page with the popup's stylesheet and one row, no script.
    const opens = [];
    const floors = [];
    let popup;
    for (let i = 0; i < 7; i++) {
      const [floorPage, floor] = await open('floor.html');
      floors.push(floor);
      await floorPage.close();
      let ms;
      [popup, ms] = await open('popup.html');
      opens.push(ms);
      if (i < 6) await popup.close();
    }

    // Everyone loaded (the figures are shown) before the list is searched or rendered in full.
    await popup.waitForFunction(() => !document.querySelector('.stats[aria-busy]'));
    await popup.evaluate(`${fuse};globalThis.Peer = Peer;`);
    // The popup's own people, as stored, for Fuse.js to search.
    await popup.evaluate(`globalThis.Peer.records = ${idbScript(allRecords)};`);
    const r = await popup.evaluate(
      async ({ queries }) => {
        const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
        // Unvirtualised: every row built and laid out, as a list without windowing would.
        const row = document.querySelector('.row');
        const t0 = performance.now();
        const box = document.createElement('div');
        const n = Number(document.querySelector('.list__count')?.textContent?.split(' ').pop()?.replace(/\D/g, ''));
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
        const all = await globalThis.Peer.records;
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
    const opened = median(opens);
    const floor = median(floors);
    const key = median(r.keystrokes);
    const fuseKey = median(r.fuseTimes);
    return [
      {
        name: `popup ${k}: open to first rows painted`,
        unit: 'ms',
        value: opened,
        peer: 'static extension page, no script',
        peerValue: floor,
        ratio: opened / floor,
      },
      {
        name: `popup ${k}: … of which ours (beyond the static page)`,
        unit: 'ms',
        value: opened - floor,
        peer: 'all rows unvirtualised (render only)',
        peerValue: r.unvirtualised,
        ratio: (opened - floor) / r.unvirtualised,
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

/**
 * A copy of the e2e build with floor.html: the popup's page and stylesheet with one row and no script. Opening it
 * measures what the browser itself takes to open an extension page and paint a row on this machine.
 */
function withFloorPage() {
  const dir = tmp('reconnect-bench-ext-');
  cpSync(join(root, 'dist/e2e'), dir, { recursive: true });
  const html = readFileSync(join(dir, 'popup.html'), 'utf8')
    .replace(/<script[^>]*><\/script>/, '')
    .replace(/<main([^>]*)><\/main>/, '<main$1><ul><li class="row">Person 1</li></ul></main>');
  if (html.includes('<script') || !html.includes('class="row"')) throw new Error('bench: popup.html changed shape');
  writeFileSync(join(dir, 'floor.html'), html);
  return dir;
}
