// The processes on this machine (Linux: /proc) whose command line names `text` (a browser's profile folder, say),
// to check that none was left running.
import { readdirSync, readFileSync } from 'node:fs';

function processesNaming(text) {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .map((p) => {
      try {
        return readFileSync(`/proc/${p}/cmdline`, 'utf8');
      } catch {
        return ''; // ended meanwhile
      }
    })
    .filter((cmd) => cmd.includes(text));
}

/** The processes naming `text` still running once they have had up to `ms` to end; [] when all have. */
export async function processesLeft(text, ms = 5000) {
  const end = Date.now() + ms;
  for (;;) {
    const left = processesNaming(text);
    if (!left.length || Date.now() > end) return left;
    await new Promise((r) => setTimeout(r, 50));
  }
}
