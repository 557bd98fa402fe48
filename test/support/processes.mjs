// The processes on this machine (Linux: /proc) whose command line names `text` (a browser's profile folder, say):
// to check that none was left running, or that a browser's extension process has ended.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The command lines of the processes that name every one of `texts`. */
function processesNaming(...texts) {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .map((p) => {
      try {
        return readFileSync(`/proc/${p}/cmdline`, 'utf8');
      } catch {
        return ''; // ended meanwhile
      }
    })
    .filter((cmd) => texts.every((text) => cmd.includes(text)));
}

/** The processes naming every one of `texts` still running once they have had up to `ms` to end; [] when all have. */
export async function processesLeft(texts, ms = 5000) {
  const end = Date.now() + ms;
  for (;;) {
    const left = processesNaming(...texts);
    if (!left.length || Date.now() > end) return left;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A harness's `launch` given an extension that cannot start (a folder holding `files`) and a fresh profile: checks
 * that it refuses (`error`, as assert.rejects takes it), and returns the browser processes still running with that
 * profile once they have had time to end. Both folders are removed after.
 */
export async function leftAfterFailedLaunch(launch, files, error) {
  const extension = mkdtempSync(join(tmpdir(), 'reconnect-broken-extension-'));
  const profile = mkdtempSync(join(tmpdir(), 'reconnect-failed-launch-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(extension, name), text);
  try {
    await assert.rejects(launch({ extension, userDataDir: profile }), error);
    return await processesLeft([profile]);
  } finally {
    rmSync(extension, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}
