// npm run bench: runs every test/bench/*.bench.mjs, prints one table, and with --json FILE writes
// [{ name, unit, value, peer?, peerValue?, ratio? }]. Each benchmark measures its peer in the same run, so the
// ratio (value / peerValue; below 1 means faster than the peer) compares like with like on this machine.
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
const only = args.find((a, i) => !a.startsWith('--') && (jsonAt < 0 || i !== jsonAt + 1));

const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs') && (!only || f.includes(only)))
  .sort();
if (!files.length) {
  console.error('bench: no benchmarks found');
  process.exit(1);
}

const rows = [];
for (const f of files) {
  const mod = await import(join(here, f));
  console.error(`bench: ${f}…`);
  for (const row of await mod.run()) rows.push(row);
}

const fmt = (v) => (v === undefined ? '' : v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toFixed(3));
const table = [
  ['benchmark', 'value', 'unit', 'peer', 'peer value', 'ratio'],
  ...rows.map((r) => [
    r.name,
    fmt(r.value),
    r.unit,
    r.peer ?? '',
    fmt(r.peerValue),
    r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`,
  ]),
];
const widths = table[0].map((_, i) => Math.max(...table.map((row) => String(row[i]).length)));
for (const [i, row] of table.entries()) {
  console.log(row.map((c, j) => String(c).padEnd(widths[j])).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify(rows, null, 2)}\n`);
