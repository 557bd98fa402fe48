// The processes on this machine (Linux: /proc) whose command line names `text`: a browser's profile folder, say,
// to check that none was left running.
import { readdirSync, readFileSync } from 'node:fs';

export function processesNaming(text) {
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
