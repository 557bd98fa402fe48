// @vitest-environment jsdom
/**
 * The options page's Sync tab comes in a chunk of its own (options/sync-view.tsx): drawn once the account is read,
 * so an account set up never shows the setup form for a moment, and its state kept when the tab is left.
 */
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { SyncView } from '../../src/options/sync-view';
import { t } from '../../src/platform/i18n';
import { type DB, openDatabase } from '../../src/storage/db';
import { saveSyncAccount } from '../../src/storage/sync-state';
import { setLanguage } from './support/fake-browser';

let db: DB;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openDatabase();
});

describe('the Sync tab', () => {
  it('says it is loading until the account is read, then shows the account: never the setup form', async () => {
    setLanguage('en');
    await saveSyncAccount(db, {
      server: 'https://cloud.example.org/',
      username: 'erika',
      password: 'app-password',
      origins: ['https://cloud.example.org'],
      book: { url: 'https://cloud.example.org/dav/erika/contacts/', name: 'Kontakte' },
      enabled: true,
    });
    const deps = {
      db,
      send: async () => {
        throw new Error('no worker in this test');
      },
      requestOrigins: async () => false,
      onChange: () => () => {},
    };
    const root = document.createElement('div');
    const seen: string[] = [];
    const look = () => seen.push(root.querySelector('input[name="server"]') ? 'setup form' : (root.textContent ?? ''));
    render(<SyncView deps={deps} />, root);
    look();
    expect(root.textContent).toBe(t('loading'));
    for (let i = 0; i < 20 && !root.querySelector('[data-testid="sync-status"]'); i++) {
      await act(async () => new Promise((r) => setTimeout(r, 10)));
      look();
    }
    expect(root.textContent).toContain(t('syncBookLine', 'Kontakte', 'cloud.example.org', 'erika'));
    expect(seen).not.toContain('setup form');
    // Left for another tab and shown again: the same state, drawn at once.
    await act(async () => render(null, root));
    await act(async () => render(<SyncView deps={deps} />, root));
    expect(root.querySelector('[data-testid="sync-status"]')).not.toBeNull();
  });
});
