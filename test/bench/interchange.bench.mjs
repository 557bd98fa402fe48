// Import and export of 10k contacts in real Chromium (an extension page of dist/e2e), side by side with ical.js
// parsing the same vCard file, Papa Parse reading the same CSV, and the bare IndexedDB write of the same people
// (the floor of any import that stores them). Goal (issue 7): ≤ 1 s each.
import { join } from 'node:path';
import { launch } from '../e2e/harness.mjs';
import { browserBundle, root } from './support.mjs';

const N = Number(process.env.BENCH_IMPORT_SIZE ?? 10000);

export async function run() {
  const code = await browserBundle(join(root, 'test/bench/interchange-entry.ts'), 'Bench');
  const h = await launch();
  try {
    const page = await h.openOptions();
    await page.evaluate(`${code};globalThis.Bench = Bench;`);
    const r = await page.evaluate(async (n) => {
      const B = globalThis.Bench;
      const time = async (fn) => {
        const t = performance.now();
        const out = await fn();
        return [performance.now() - t, out];
      };
      const list = B.people(n);
      const [exportVcf, vcf] = await time(() => B.writeVCards(list, '4.0'));
      const [exportCsv, csv] = await time(() => B.writeGoogleCsv(list));
      const bytesVcf = new TextEncoder().encode(vcf);
      const bytesCsv = new TextEncoder().encode(csv);
      const [parseVcf, parsedVcf] = await time(() => B.parseContactsFile(bytesVcf, 'x.vcf'));
      const [peerVcf] = await time(() => B.ICAL.parse(new TextDecoder().decode(bytesVcf)));
      const [parseCsv, parsedCsv] = await time(() => B.parseContactsFile(bytesCsv, 'x.csv'));
      const [peerCsv] = await time(() => B.Papa.parse(new TextDecoder().decode(bytesCsv), { header: true }));
      const bare = await B.bareWrite(list, `bench-bare-${Date.now()}`);
      const db = await B.openDatabase(() => {}, `bench-import-${Date.now()}`);
      const [fullVcf] = await time(async () => {
        const plan = await B.planImport(db, B.parseContactsFile(bytesVcf, 'x.vcf').contacts);
        await B.applyImport(db, plan, { now: Date.now(), defaultCadence: 91 });
      });
      // The preview counted again (a change in the book while it is shown: ImportSection plans anew): the same file
      // against the book that now holds everyone in it, beside reading the whole book once.
      const parsedAgain = B.parseContactsFile(bytesVcf, 'x.vcf').contacts;
      const [replan, again] = await time(() => B.planImport(db, parsedAgain));
      const [readAll] = await time(() => db.getAll('contacts'));
      const db2 = await B.openDatabase(() => {}, `bench-import-csv-${Date.now()}`);
      const [fullCsv] = await time(async () => {
        const plan = await B.planImport(db2, B.parseContactsFile(bytesCsv, 'x.csv').contacts);
        await B.applyImport(db2, plan, { now: Date.now(), defaultCadence: 91 });
      });
      db.close();
      db2.close();
      const bareAfter = await B.bareWrite(list, `bench-bare-after-${Date.now()}`);

      return {
        exportVcf,
        exportCsv,
        parseVcf,
        peerVcf,
        parseCsv,
        peerCsv,
        bare,
        bareAfter,
        fullVcf,
        fullCsv,
        replan,
        readAll,
        replanMerged: again.merge.length,
        counts: [parsedVcf.contacts.length, parsedCsv.contacts.length],
      };
    }, N);
    if (r.counts[0] !== N || r.counts[1] !== N) throw new Error(`bench: parsed ${r.counts} of ${N}`);
    // Everyone in the file is in the book now: planned again, each is a merge.
    if (r.replanMerged !== N) throw new Error(`bench: planned again ${r.replanMerged} merges of ${N}`);
    const k = `${N / 1000}k`;
    // Measured before and after our imports (the database grows in between, and later writes are slower).
    const bare = (r.bare + r.bareAfter) / 2;
    return [
      {
        name: `import ${k}: parse vCard 4.0`,
        unit: 'ms',
        value: r.parseVcf,
        peer: 'ical.js ICAL.parse',
        peerValue: r.peerVcf,
        ratio: r.parseVcf / r.peerVcf,
      },
      {
        name: `import ${k}: parse Google CSV`,
        unit: 'ms',
        value: r.parseCsv,
        peer: 'Papa.parse alone (no decoding, no mapping)',
        peerValue: r.peerCsv,
        ratio: r.parseCsv / r.peerCsv,
      },
      ...[
        ['vCard', r.fullVcf],
        ['CSV', r.fullCsv],
      ].map(([what, value]) => ({
        name: `import ${k}: ${what}, parse + plan + one transaction`,
        unit: 'ms',
        value,
        peer: 'bare IndexedDB add of the same records',
        peerValue: bare,
        ratio: value / bare,
      })),
      {
        name: `import ${k}: the preview counted again, the book holding them all (plan only)`,
        unit: 'ms',
        value: r.replan,
        peer: 'reading every record of the book once (getAll)',
        peerValue: r.readAll,
        ratio: r.replan / r.readAll,
      },
      { name: `export ${k}: vCard 4.0`, unit: 'ms', value: r.exportVcf },
      { name: `export ${k}: Google CSV`, unit: 'ms', value: r.exportCsv },
    ];
  } finally {
    await h.close();
  }
}
