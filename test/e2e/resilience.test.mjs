// Resilience in real Chromium: damaged records, a newer version of the database opened elsewhere, a page closed
// in the middle of a save, and a full disk. Each ends with a clear message (or a whole save, or none of it) and every other record
// intact. (The worker stopped between events: reminder.test.mjs.)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { contact, launch, useExtension } from './harness.mjs';

describe('resilience in Chromium', () => {
  const h = useExtension({ locale: 'en' });

  test('a damaged record is reported and left out; everyone else is listed', async () => {
    await h.seed([contact('ok1', 'Intact One'), contact('ok2', 'Intact Two')]);
    await h.idb(async (db, _, { done }) => {
      const tx = db.transaction('contacts', 'readwrite');
      tx.objectStore('contacts').put({ id: 'broken', profileUrls: [], garbage: true });
      await done(tx);
    });
    const popup = await h.openPopup();
    await popup.getByText('1 stored contact is damaged and is not shown.', { exact: false }).waitFor();
    assert.deepEqual((await popup.locator('.row__name').allTextContents()).sort(), ['Intact One', 'Intact Two']);
    await popup.close();
  });

  test('a newer database version opened elsewhere: the open popup steps aside and says so; nothing is lost', async () => {
    const popup = await h.openPopup();
    await popup.getByRole('button', { name: /Intact One/ }).waitFor();
    const other = await h.openOptions();
    const current = await h.idb(async (db) => db.version, null, { on: other });
    // What a newer build in another window does: open the next version. The popup must not block it.
    const kept = await h.idb(
      async (db, _, { req }) => req(db.transaction('contacts').objectStore('contacts').count()),
      null,
      { on: other, version: current + 1 },
    );
    assert.equal(kept, 3);
    await popup.getByRole('alert').filter({ hasText: 'Reconnect was updated.' }).waitFor();
    await popup.close();
    await other.close();
  });
});

const personPage = (i) => `<!doctype html><html lang="en"><head><title>Person ${i}</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Person","name":"Closed Save ${i}",
"jobTitle":"Engineer ${i}","worksFor":{"@type":"Organization","name":"Firm ${i}"}}</script></head>
<body><h1>Closed Save ${i}</h1></body></html>`;

describe('a page closed in the middle of a save, in Chromium', () => {
  const h = useExtension({ locale: 'en' });

  test('the options page closed while an import is written: all of the file or none of it, the rest intact', async (t) => {
    await h.seed([contact('kept1', 'Kept One', { emails: ['one@example.org'] }), contact('kept2', 'Kept Two')]);
    const n = 6000;
    const rows = Array.from({ length: n }, (_, i) => `Person ${i},p${i}@example.org,Company ${i % 50}`);
    const options = await h.openOptions('#data');
    await options.getByLabel('Choose or drop a file').setInputFiles({
      name: 'big.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['Name,E-mail Address,Company', ...rows].join('\n')),
    });
    await options
      .getByTestId('import-new')
      .filter({ hasText: /^6,?000 new people$/ })
      .waitFor();
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    // Part of the file is written (the database confirmed whole batches), not all of it, so nothing is committed
    // yet: the user closes the page now.
    const partly = /^Importing: [1-9][\d,]* of 6,000 written/;
    const status = options.getByRole('status').filter({ hasText: partly });
    await status.waitFor();
    const seen = await status.textContent();
    await options.close();
    assert.doesNotMatch(seen ?? '', /6,000 of 6,000/);
    t.diagnostic(`closed at "${seen}"`);

    const after = await h.records();
    const imported = after.filter((r) => r.name.startsWith('Person '));
    assert.equal(imported.length, 0, `rolled back entirely, not ${imported.length} of ${n} kept`);
    assert.deepEqual(
      after
        .filter((r) => r.name.startsWith('Kept'))
        .map((r) => [r.id, r.name, r.emails])
        .sort(),
      [
        ['kept1', 'Kept One', ['one@example.org']],
        ['kept2', 'Kept Two', []],
      ],
    );
    // The store still works: the popup lists everyone there is, and the same file can be imported afterwards.
    const popup = await h.openPopup();
    await popup.getByRole('button', { name: /Kept One/ }).waitFor();
    await popup.close();
  });

  test('the popup closed right after Save: each person is saved whole or not at all; the others stay', async (t) => {
    const before = await h.records();
    const outcomes = [];
    for (let i = 0; i < 4; i++) {
      const { page, tabId } = await h.openServed(`https://people.example/closed-${i}`, personPage(i));
      const popup = await h.openPopup(tabId);
      assert.equal(await popup.getByLabel('Name').inputValue(), `Closed Save ${i}`);
      await popup.getByRole('button', { name: 'Friends' }).click();
      await popup.getByLabel('Name').press('Enter');
      await popup.close();
      await page.close();
      outcomes.push(i);
    }
    const after = await h.records();
    const saved = after.filter((r) => r.name.startsWith('Closed Save '));
    for (const r of saved) {
      const i = r.name.split(' ').pop();
      // Whole: every field of the capture and the chosen circle, with the index keys the store derives.
      assert.equal(r.role, `Engineer ${i}`);
      assert.equal(r.company, `Firm ${i}`);
      assert.deepEqual(r.circles, ['friends']);
      assert.equal(typeof r.nextDueAt, 'number');
      assert.equal(typeof r.matchKey, 'string');
    }
    t.diagnostic(`${saved.length} of ${outcomes.length} saves had committed when their popup closed`);
    assert.deepEqual(
      after
        .filter((r) => !r.name.startsWith('Closed Save '))
        .map((r) => r.id)
        .sort(),
      before.map((r) => r.id).sort(),
    );
  });
});

/**
 * Mounts a small tmpfs over the profile's IndexedDB folder (keeping what is in it), so the extension's storage runs
 * out of space for real. With unlimitedStorage there is no browser quota to exhaust (and CDP's quota override has
 * no effect on this Chromium): a full disk is how "storage full" happens to our users. Needs root, as CI has.
 */
function smallDisk(dir, size) {
  const keep = mkdtempSync(join(tmpdir(), 'reconnect-idb-'));
  cpSync(dir, keep, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  cpSync(keep, dir, { recursive: true });
  rmSync(keep, { recursive: true, force: true });
  return {
    grow: (to) => execFileSync('mount', ['-o', `remount,size=${to}`, dir]),
    remove: () => execFileSync('umount', [dir]),
  };
}

const canMount = () => {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'reconnect-mount-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe]);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
};

describe('a full disk, in Chromium', () => {
  test('an import that does not fit says storage is full and writes nothing; the popup says so too; with space again everyone is there', {
    skip: canMount() ? false : 'needs root to mount a small tmpfs (CI runs as root)',
  }, async () => {
    const profile = mkdtempSync(join(tmpdir(), 'reconnect-full-'));
    let h = await launch({ userDataDir: profile });
    await h.seed([contact('a', 'Alpha Intact', { emails: ['alpha@example.org'] }), contact('b', 'Beta Intact')]);
    await h.close({ keepProfile: true });
    const idb = join(profile, 'Default', 'IndexedDB');
    mkdirSync(idb, { recursive: true });
    const disk = smallDisk(idb, '1m');
    try {
      h = await launch({ userDataDir: profile });
      const options = await h.openOptions('#data');
      // Random text does not compress: 12,000 people take several MB on disk, far over the 1 MB left.
      const r = () => Math.random().toString(36).slice(2);
      const rows = Array.from(
        { length: 12_000 },
        (_, i) => `Person ${i} ${r()},p${i}.${r()}@example.org,${r()} ${r()}`,
      );
      await options.getByLabel('Choose or drop a file').setInputFiles({
        name: 'everyone.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(['Name,E-mail Address,Company', ...rows].join('\n')),
      });
      await options.getByTestId('import-new').waitFor();
      await options.getByRole('button', { name: 'Import', exact: true }).click();
      await options
        .getByRole('alert')
        .filter({ hasText: "Your browser's storage is full. Free some space, then try again — nothing was changed." })
        .waitFor();

      // Opening the popup while the disk is still full: the same clear sentence, not a technical one.
      const popup = await h.context.newPage();
      await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
      await popup.getByRole('alert').filter({ hasText: "Your browser's storage is full." }).waitFor();
      await popup.close();

      // Space again: everyone from before is there, none of the file is.
      disk.grow('64m');
      const again = await h.openPopup();
      await again.getByRole('button', { name: /Alpha Intact/ }).waitFor();
      assert.equal(await again.getByTestId('stats').textContent(), '2 people you know');
      assert.deepEqual((await again.locator('.row__name').allTextContents()).sort(), ['Alpha Intact', 'Beta Intact']);
      assert.deepEqual(h.ownTraffic(), [], 'no request of our own');
    } finally {
      await h.close({ keepProfile: true }).catch(() => {});
      disk.remove();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
