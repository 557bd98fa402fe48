/**
 * Sync as the worker runs it (src/sync/service.ts): nothing is sent while sync is off or once the browser no
 * longer grants the server's origin; removing the account deletes its credentials and gives the permission back.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBackup } from '../../src/interchange';
import { listAll } from '../../src/storage/contacts';
import { type DB, openDatabase } from '../../src/storage/db';
import { addContact } from '../../src/storage/draft-writes';
import { getSettings } from '../../src/storage/settings';
import { getSyncAccount, getSyncStatus, saveSyncAccount, syncEntries } from '../../src/storage/sync-state';
import { backoff, removeAccount, runSync } from '../../src/sync/service';
import { calls, granted, reset } from './support/fake-browser';

const ORIGIN = 'https://cloud.example.org';
let db: DB;
let sent: string[];
const realFetch = globalThis.fetch;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  reset();
  db = await openDatabase();
  sent = [];
  globalThis.fetch = (async (input: RequestInfo | URL) => {
    sent.push(String(input instanceof Request ? input.url : input));
    return new Response('', { status: 503 });
  }) as typeof fetch;
  await saveSyncAccount(db, {
    server: `${ORIGIN}/`,
    username: 'jane',
    password: 'app-password-123',
    origins: [ORIGIN],
    book: { url: `${ORIGIN}/dav/jane/contacts/`, name: 'Contacts' },
    enabled: true,
  });
  await addContact(db, { name: 'Anna' }, { now: Date.now() });
});
afterEach(() => {
  globalThis.fetch = realFetch;
  db.close();
});

describe('what stops all traffic', () => {
  it('the permission withdrawn: not one request, and the status says why', async () => {
    expect(await runSync(db)).toBeNull();
    expect(sent).toEqual([]);
    expect((await getSyncStatus(db)).error?.code).toBe('permission');
  });

  it('sync turned off: not one request', async () => {
    granted.add('https://cloud.example.org/*');
    const account = await getSyncAccount(db);
    if (account) await saveSyncAccount(db, { ...account, enabled: false });
    expect(await runSync(db)).toBeNull();
    expect(sent).toEqual([]);
  });

  it('with the permission, requests go to the server’s origin only; a failure is kept and retried later', async () => {
    granted.add('https://cloud.example.org/*');
    await expect(runSync(db)).rejects.toBeTruthy();
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((u) => u.startsWith(`${ORIGIN}/`))).toBe(true);
    const status = await getSyncStatus(db);
    expect(status).toMatchObject({ failures: 1, error: { code: 'server' } });
    expect([backoff(1), backoff(2), backoff(3), backoff(20)]).toEqual([30_000, 60_000, 120_000, 15 * 60_000]);
  });

  it('removing the account deletes the credentials and the sync state, and gives the permission back', async () => {
    granted.add('https://cloud.example.org/*');
    await removeAccount(db);
    expect(await getSyncAccount(db)).toBeNull();
    expect(await syncEntries(db)).toEqual([]);
    expect(JSON.stringify(await db.getAll('meta'))).not.toContain('app-password-123');
    expect(calls.find((c) => c.method === 'permissions.remove')?.args).toEqual([['https://cloud.example.org/*']]);
    expect(granted.size).toBe(0);
  });

  it('the password is never in a backup', async () => {
    const backup = makeBackup(await listAll(db), await getSettings(db), Date.now());
    expect(backup).toContain('Anna');
    expect(backup).not.toContain('app-password-123');
  });
});
