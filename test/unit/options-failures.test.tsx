// @vitest-environment jsdom
/**
 * The options page's data tools when their code cannot be loaded (an extension updated under an open page): the
 * backup the user makes before deleting everything, and an export, say so instead of failing without a word. And the
 * words "delete everything" asks in, where it puts the keyboard, and the count it says, kept up to date.
 */
import { signal } from '@preact/signals';
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ImportExport } from '../../src/options/ImportExport';
import type { OptionsState } from '../../src/options/state';
import { t } from '../../src/platform/i18n';
import { type DB, openDatabase } from '../../src/storage/db';
import { addContact } from '../../src/storage/draft-writes';
import { setLanguage } from './support/fake-browser';

vi.mock('../../src/options/interchange', () => ({
  interchange: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
}));

let db: DB;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  setLanguage('en');
  db = await openDatabase();
});

async function mount() {
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  const state = { circles: signal(['family', 'clients']) } as unknown as OptionsState;
  await act(async () => render(<ImportExport db={db} state={state} />, root));
  return root;
}

const button = (root: HTMLElement, text: string) => {
  const b = [...root.querySelectorAll('button')].find((x) => x.textContent === text);
  if (!b) throw new Error(`no button "${text}"`);
  return b;
};

describe('data tools whose code cannot be loaded', () => {
  it('"Download a backup" says it failed (before anyone deletes everything believing a backup was made)', async () => {
    const root = await mount();
    await act(async () => button(root, t('backupNow')).click());
    await vi.waitFor(() =>
      expect(root.querySelector('[role="alert"]')?.textContent).toBe(
        t('errorFailed', 'Failed to fetch dynamically imported module'),
      ),
    );
  });

  it('an export says it failed instead of doing nothing', async () => {
    const root = await mount();
    await act(async () => button(root, t('exportButton')).click());
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toContain('Failed to fetch'));
    expect(root.querySelector('.hint.ok')).toBeNull();
  });
});

describe('delete everything', () => {
  it('asks in words that fit how many people there are: one, or all of them', async () => {
    setLanguage('de');
    await addContact(db, { name: 'Anna Alt' }, { now: 1 });
    let root = await mount();
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="storage-used"]')?.textContent).toMatch(/^1 Kontakt/),
    );
    await act(async () => button(root, t('deleteAll')).click());
    expect(root.querySelector('#confirm-text')?.textContent).toBe(
      'Damit wird dein einziger Kontakt samt Verlauf aus diesem Browser gelöscht. Das lässt sich nicht rückgängig machen. Lade zuerst eine Sicherung herunter und tippe dann „löschen“ zur Bestätigung.',
    );
    await addContact(db, { name: 'Ben Bauer' }, { now: 2 });
    setLanguage('en');
    root = await mount();
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="storage-used"]')?.textContent).toMatch(/^2 contacts/),
    );
    await act(async () => button(root, t('deleteAll')).click());
    expect(root.querySelector('#confirm-text')?.textContent).toMatch(/^This deletes all 2 contacts and their history/);
  });

  it('the keyboard goes into the confirmation, and Escape or Cancel brings it back to "Delete everything…"', async () => {
    const root = await mount();
    const opener = button(root, t('deleteAll'));
    opener.focus();
    await act(async () => opener.click());
    await vi.waitFor(() => expect(document.activeElement).toBe(button(root, t('backupFirst'))));
    await act(async () => {
      document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(root.querySelector('[role="alertdialog"]')).toBeNull();
    await vi.waitFor(() => expect(document.activeElement).toBe(opener));
    await act(async () => opener.click());
    await vi.waitFor(() => expect(document.activeElement).toBe(button(root, t('backupFirst'))));
    await act(async () => button(root, t('cancel')).click());
    expect(root.querySelector('[role="alertdialog"]')).toBeNull();
    await vi.waitFor(() => expect(document.activeElement).toBe(opener));
  });
});

describe('the count of people stored', () => {
  it('follows a change made meanwhile (the popup, an import, a sync), the confirmation too', async () => {
    await addContact(db, { name: 'Anna Alt' }, { now: 1 });
    const root = await mount();
    const said = () => root.querySelector('[data-testid="storage-used"]')?.textContent;
    await vi.waitFor(() => expect(said()).toMatch(/^1 contact stored/));
    await act(async () => button(root, t('deleteAll')).click());
    await addContact(db, { name: 'Ben Bauer' }, { now: 2 });
    await vi.waitFor(() => expect(said()).toMatch(/^2 contacts stored/));
    expect(root.querySelector('#confirm-text')?.textContent).toMatch(/^This deletes all 2 contacts/);
  });

  it('counts a record that cannot be read, which "delete everything" deletes as well', async () => {
    await addContact(db, { name: 'Anna Alt' }, { now: 1 });
    await db.put('contacts', { id: 'broken' } as never);
    const root = await mount();
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="storage-used"]')?.textContent).toMatch(/^2 contacts stored/),
    );
  });
});
