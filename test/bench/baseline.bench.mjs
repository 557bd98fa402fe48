// The popup's open figures against an earlier build (issue 14: they must not get worse): this build and the
// baseline (BENCH_BASELINE, a git revision; 0.5.0, the last build before issue 14, by default), each built from
// its own sources and loaded as two extensions of one browser, hold the same people, written through each build's
// own store (without the links and history an older build does not know), and are opened in turn. Timed inside the
// page as popup.bench.mjs does (support.mjs popupTimings): the search box on screen (after the first rows are
// painted), the first keystroke typed at that moment to its rows painted, and that answer painted counted from the
// open.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../e2e/harness.mjs';
import { browserBundle, median, openTimed, popupTimings, root, tmp } from './support.mjs';

const BASELINE = process.env.BENCH_BASELINE ?? 'b625b89';
const SIZES = (process.env.BENCH_BASELINE_SIZES ?? '1000,10000,50000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_BASELINE_RUNS ?? 16);
const QUERY = 'person 12';

/** The baseline's sources in a worktree, built as its own build.mjs builds them. */
function baselineBuild() {
  const dir = tmp('reconnect-baseline-');
  try {
    execFileSync('git', ['worktree', 'add', '--detach', '--force', dir, BASELINE], { cwd: root, stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `bench: the baseline ${BASELINE} is not in this clone's history (a shallow clone?): fetch it, or set BENCH_BASELINE`,
    );
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  execFileSync(process.execPath, ['build.mjs', '--e2e'], { cwd: dir, stdio: 'ignore' });
  if (!existsSync(join(dir, 'dist/e2e/popup.html'))) throw new Error(`bench: the baseline ${BASELINE} did not build`);
  return {
    dir,
    remove: () => {
      execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: root, stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function run() {
  const base = baselineBuild();
  try {
    const people = await browserBundle(join(root, 'test/bench/storage-entry.ts'), 'People');
    const builds = [
      { name: 'ours', sources: root },
      { name: 'baseline', sources: base.dir },
    ];
    for (const b of builds) b.store = await browserBundle(join(b.sources, 'test/bench/storage-entry.ts'), 'Store');
    const rows = [];
    for (const n of SIZES) rows.push(...(await measureSize(n, builds, people)));
    return rows;
  } finally {
    base.remove();
  }
}

/**
 * Both builds as two extensions of one browser, each found by its popup.js as built: two browsers of one build,
 * opened alternately, differed by as much as a change is worth (on screen 189.9 against 165.9 ms, six opens each;
 * everyone read up to 2.0 s apart; bench log, 2026-12-06 from 02:52 UTC). Each extension has its own database.
 */
async function launchBoth(builds) {
  const dirs = builds.map((b) => join(b.sources, 'dist/e2e'));
  const h = await launch({ extension: dirs.join(',') });
  try {
    while (h.context.serviceWorkers().length < dirs.length)
      await h.context.waitForEvent('serviceworker', { timeout: 10_000 });
    const ids = [];
    for (const dir of dirs) {
      const built = readFileSync(join(dir, 'popup.js'), 'utf8');
      for (const w of h.context.serviceWorkers())
        if ((await w.evaluate(() => fetch('/popup.js').then((r) => r.text()))) === built)
          ids.push(new URL(w.url()).host);
    }
    if (new Set(ids).size !== dirs.length)
      throw new Error('bench: the two builds could not be told apart (is the baseline the same build?)');
    return { h, ids };
  } catch (e) {
    await h.close();
    throw e;
  }
}

async function measureSize(n, builds, people) {
  const { h, ids } = await launchBoth(builds);
  try {
    for (const [k, b] of builds.entries()) {
      const options = await h.context.newPage();
      await options.goto(`chrome-extension://${ids[k]}/options.html`);
      await options.waitForSelector('main[aria-busy="false"]');
      await options.evaluate(`${people};globalThis.People = People;${b.store};globalThis.Store = Store;`);
      await options.evaluate(async (count) => {
        const everyone = globalThis.People.makeContacts(count, Date.now()).map((c) => ({
          ...c,
          related: [],
          interactions: [],
          history: [],
        }));
        const db = await globalThis.Store.openDatabase();
        await globalThis.Store.bulkPut(db, everyone);
        db.close();
      }, n);
      await options.close();
      // Opened once and left open until everyone is read and the page is idle, as a user's first look at a new
      // book: what a build writes then for the next open (the search index's copy in Blobs) is there for the opens
      // timed below, which close the popup the moment its answer is painted.
      const first = await h.context.newPage();
      await first.goto(`chrome-extension://${ids[k]}/popup.html`);
      await first.waitForTimeout(3000);
      await first.close();
    }
    await h.context.addInitScript(popupTimings);
    const times = builds.map(() => ({ onScreen: [], key: [], answered: [] }));
    // Alternating, and each build first in every other pair.
    for (let i = 0; i < RUNS; i++)
      for (const k of i % 2 ? [1, 0] : [0, 1]) {
        const page = await h.context.newPage();
        await page.setViewportSize({ width: 400, height: 600 });
        await openTimed(
          page,
          `chrome-extension://${ids[k]}/popup.html#type=${encodeURIComponent(QUERY)}`,
          'resultPainted',
        );
        const t = await page.evaluate(() => ({ on: globalThis.searchOnScreen, done: globalThis.resultPainted }));
        times[k].onScreen.push(t.on);
        times[k].key.push(t.done - t.on);
        times[k].answered.push(t.done);
        await page.close();
      }
    const label = `${n / 1000}k`;
    const peer = `build ${BASELINE} (0.5.0 by default), same people`;
    const row = (name, key) => {
      const value = median(times[0][key]);
      const peerValue = median(times[1][key]);
      return {
        name: `popup vs baseline ${label}: ${name}`,
        unit: 'ms',
        value,
        peer,
        peerValue,
        ratio: value / peerValue,
      };
    };
    return [
      row('rows and search box on screen', 'onScreen'),
      row('first keystroke typed then, to its rows painted', 'key'),
      row('… that answer painted, from the open', 'answered'),
    ];
  } finally {
    await h.close();
  }
}
