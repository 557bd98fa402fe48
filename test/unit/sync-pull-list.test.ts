// A pull's list of hrefs, kept in parts so a batch reads only what it fetches (src/storage/sync-state.ts).
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/db';
import { PULL_PART, pullCounts, pullHrefs } from '../../src/storage/sync-state';
import { applySyncWrite } from '../../src/storage/sync-steps';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const hrefs = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `/book/${tag}-${i}.vcf`);

describe('pull list', () => {
  it('reads back any stretch of the list, across its parts, and ends where the list ends', async () => {
    const db = await openDatabase(() => {});
    const changed = hrefs(2 * PULL_PART + 7, 'c');
    const removed = hrefs(3, 'r');
    await applySyncWrite(db, { pullList: { changed, removed } });
    expect(await pullCounts(db)).toEqual({ changed: changed.length, removed: 3 });
    for (const [from, count] of [
      [0, 200],
      [PULL_PART - 50, 200],
      [PULL_PART, PULL_PART],
      [2 * PULL_PART - 1, 200],
      [changed.length, 200],
    ] as const)
      expect(await pullHrefs(db, 'changed', from, count)).toEqual(changed.slice(from, from + count));
    expect(await pullHrefs(db, 'removed', 0, 200)).toEqual(removed);
    db.close();
  });

  it('a new list replaces every part of the old one; null removes it', async () => {
    const db = await openDatabase(() => {});
    await applySyncWrite(db, { pullList: { changed: hrefs(3 * PULL_PART, 'old'), removed: [] } });
    await applySyncWrite(db, { pullList: { changed: hrefs(10, 'new'), removed: [] } });
    expect(await pullCounts(db)).toEqual({ changed: 10, removed: 0 });
    expect(await pullHrefs(db, 'changed', PULL_PART, 10)).toEqual([]);
    await applySyncWrite(db, { pullList: null });
    expect(await pullCounts(db)).toEqual({ changed: 0, removed: 0 });
    expect(await db.getAllKeys('meta')).not.toContainEqual(expect.stringMatching(/^syncPull/));
    db.close();
  });

  it('a pull under way written by an earlier version (the whole list in one record) goes on from where it was', async () => {
    const db = await openDatabase(() => {});
    const changed = hrefs(450, 'c');
    await db.put('meta', { changed, removed: ['/book/gone.vcf'] }, 'syncPull');
    expect(await pullCounts(db)).toEqual({ changed: 450, removed: 1 });
    expect(await pullHrefs(db, 'changed', 400, 200)).toEqual(changed.slice(400));
    expect(await pullHrefs(db, 'removed', 0, 200)).toEqual(['/book/gone.vcf']);
    db.close();
  });
});
