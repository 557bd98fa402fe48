// Every unit test file runs with these: a fake IndexedDB, and (in jsdom) a localStorage emptied before each test, so
// what one test typed into a form (ui/typed.ts keeps it there) is not given back to the next.
import 'fake-indexeddb/auto';
import { afterAll, beforeEach } from 'vitest';

beforeEach(() => {
  globalThis.localStorage?.clear();
});

// In jsdom, a file's last renders may have left Preact's after-paint timer (35 ms) running: it fires before the
// document is taken down, not after (then it calls a cancelAnimationFrame that is gone, an unhandled error).
afterAll(async () => {
  if (globalThis.document) await new Promise((ok) => setTimeout(ok, 50));
});
