// Every unit test file runs with these: a fake IndexedDB, and (in jsdom) a localStorage emptied before each test, so
// what one test typed into a form (ui/typed.ts keeps it there) is not given back to the next.
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';

beforeEach(() => {
  globalThis.localStorage?.clear();
});
