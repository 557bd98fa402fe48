// @vitest-environment jsdom
/**
 * The options page's Sync tab comes in a chunk of its own (options/sync-view.tsx): drawn once the account is read,
 * so an account set up never shows the setup form for a moment, and its state kept when the tab is left.
 */
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SyncView } from '../../src/options/sync-view';
import { t } from '../../src/platform/i18n';
import { type DB, openDatabase } from '../../src/storage/db';
import { saveSyncAccount, updateSyncStatus } from '../../src/storage/sync-state';
import { setLanguage } from './support/fake-browser';

let db: DB;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openDatabase();
});

/** An account set up, enabled, on a book called "Kontakte". */
const withAccount = () =>
  saveSyncAccount(db, {
    server: 'https://cloud.example.org/',
    username: 'erika',
    password: 'app-password',
    origins: ['https://cloud.example.org'],
    book: { url: 'https://cloud.example.org/dav/erika/contacts/', name: 'Kontakte' },
    enabled: true,
  });

/**
 * The Sync tab as a page of its own shows it (the tab's state is made once per page), in the language asked for:
 * the text of what `selector` finds once the account is drawn.
 */
async function shown(lang: 'en' | 'de', selector: string): Promise<string | undefined> {
  vi.resetModules();
  (await import('./support/fake-browser')).setLanguage(lang);
  const { SyncView: FreshView } = await import('../../src/options/sync-view');
  const deps = { db, send: async () => null, requestOrigins: async () => true, onChange: () => () => {} };
  const root = document.createElement('div');
  await act(async () => render(<FreshView deps={deps} />, root));
  for (let i = 0; i < 20 && !root.querySelector('[data-testid="sync-status"]'); i++)
    await act(async () => new Promise((r) => setTimeout(r, 10)));
  const text = root.querySelector(selector)?.textContent;
  await act(async () => render(null, root));
  return text;
}

describe('the Sync tab', () => {
  it('says it is loading until the account is read, then shows the account: never the setup form', async () => {
    setLanguage('en');
    await withAccount();
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

  it('a refused connection puts the keyboard on the field it is about, marked and described, its message below it', async () => {
    setLanguage('en');
    const deps = {
      db,
      send: async () => ({ ok: false as const, code: 'auth' as const }),
      requestOrigins: async () => true,
      onChange: () => () => {},
    };
    // The tab's state is made once per page (the test above set an account up in it): this page's is new.
    vi.resetModules();
    const { SyncView: FreshView } = await import('../../src/options/sync-view');
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => render(<FreshView deps={deps} />, root));
    for (let i = 0; i < 20 && !root.querySelector('input[name="server"]'); i++)
      await act(async () => new Promise((r) => setTimeout(r, 10)));
    const server = root.querySelector('input[name="server"]') as HTMLInputElement;
    const password = root.querySelector('input[type="password"]') as HTMLInputElement;
    const type = (el: HTMLInputElement, value: string) =>
      act(async () => {
        el.value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      });
    const connect = () =>
      act(async () => {
        root.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
        await new Promise((r) => setTimeout(r, 10));
      });
    await type(server, 'not a server');
    await connect();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(t('syncErrorBadAddress'));
    expect(server.getAttribute('aria-invalid')).toBe('true');
    // Said once, below the field, and read with it where the focus lands.
    const said = (input: HTMLInputElement) => {
      const message = document.getElementById(input.getAttribute('aria-describedby') ?? '');
      return { text: message?.textContent, below: message?.parentElement === input.closest('.field') };
    };
    expect(root.querySelectorAll('[role="alert"]')).toHaveLength(1);
    expect(said(server)).toEqual({ text: t('syncErrorBadAddress'), below: true });
    expect(document.activeElement).toBe(server);
    await type(server, 'https://cloud.example.org');
    await type(password, 'wrong');
    await connect();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(t('syncErrorAuth'));
    expect(server.hasAttribute('aria-invalid')).toBe(false);
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelectorAll('[role="alert"]')).toHaveLength(1);
    expect(said(password)).toEqual({ text: t('syncErrorAuth'), below: true });
    expect(server.hasAttribute('aria-describedby')).toBe(false);
    expect(document.activeElement).toBe(password);
    await act(async () => render(null, root));
    root.remove();
  });

  it('cards and deletes the server refused: one person in the singular; many named, the first five, then how many more', async () => {
    await withAccount();
    const said = async (
      lang: 'en' | 'de',
      names: string[] | undefined,
      count: number | undefined,
      undeleted?: { names: string[]; count: number },
    ) => {
      await updateSyncStatus(db, (s) => ({
        ...s,
        linked: true,
        error: {
          code: 'refused',
          at: 1,
          ...(names ? { names, count } : {}),
          ...(undeleted ? { undeleted } : {}),
        },
      }));
      return shown(lang, '[role="alert"]');
    };
    expect(await said('en', ['Bert Breit'], 1)).toBe(
      'The address book server did not accept the card of Bert Breit. Everyone else is synced. The card is tried again at each sync; a very long note, or a card locked or read-only there, is the usual reason.',
    );
    expect(await said('de', ['Bert Breit'], 1)).toMatch(
      /^Der Adressbuch-Server hat die Karte von Bert Breit nicht angenommen\. .*Die Karte wird/,
    );
    const seven = ['A Eins', 'B Zwei', 'C Drei', 'D Vier', 'E Fünf'];
    expect(await said('en', seven, 7)).toMatch(
      /^The address book server did not accept the cards of these people: A Eins, B Zwei, C Drei, D Vier, E Fünf and 2 more\. .*Their cards are/,
    );
    expect(await said('de', seven, 7)).toMatch(
      /^Der Adressbuch-Server hat die Karten dieser Personen nicht angenommen: A Eins, B Zwei, C Drei, D Vier, E Fünf und 2 weitere\. .*Die Karten werden/,
    );
    expect(await said('de', ['A Eins', 'B Zwei'], 2)).toMatch(/nicht angenommen: A Eins und B Zwei\. Alle anderen/);
    // Deletes the server refused, alone and beside cards it refused: each said, in its number.
    expect(await said('en', undefined, undefined, { names: ['Cora Neu'], count: 1 })).toBe(
      'Cora Neu was deleted here, but the server refused to delete their card: it stays in the address book, and the delete is tried again at each sync.',
    );
    const both = await said('de', ['Bert Breit'], 1, { names: seven, count: 9 });
    expect(both).toMatch(/^Der Adressbuch-Server hat die Karte von Bert Breit nicht angenommen\. /);
    expect(both).toMatch(
      / Diese Personen wurden hier gelöscht, der Server hat das Löschen ihrer Karten aber abgelehnt: A Eins, B Zwei, C Drei, D Vier, E Fünf und 4 weitere\. Sie bleiben/,
    );
  });

  it('cards held back (a profile link someone here has: two cards of one person there) are named, in their number', async () => {
    await withAccount();
    const held = async (lang: 'en' | 'de', names: string[], here?: string) => {
      await updateSyncStatus(db, (s) => ({
        ...s,
        linked: true,
        lastSyncAt: 1,
        held: names.map((name, i) => ({
          href: `https://cloud.example.org/dav/erika/contacts/${i}.vcf`,
          name,
          ...(here ? { here } : {}),
        })),
      }));
      return shown(lang, '[data-testid="sync-held"]');
    };
    expect(await held('en', ['Anna Alt (Arbeit)'])).toBe(
      'The card of Anna Alt (Arbeit) in the address book has a profile link that someone here has already (two cards of one person there?), so it was not brought here. Merge the two cards in your address book, or take the link out of one; it is tried again at each sync.',
    );
    expect(await held('de', ['A Eins', 'B Zwei', 'C Drei', 'D Vier', 'E Fünf', 'F Sechs', 'G Sieben'])).toMatch(
      /^Die Karten dieser Personen im Adressbuch .* nicht übernommen: A Eins, B Zwei, C Drei, D Vier, E Fünf und 2 weitere\. /,
    );
    // Who has the link here is named with each card, for the user to know which two to make one.
    expect(await held('en', ['Cem Cakir'], 'Anna Alt')).toMatch(
      /^The card of Cem Cakir \(the link is with Anna Alt here\) in the address book has a profile link /,
    );
    expect(await held('de', ['Cem Cakir', 'Dora'], 'Anna Alt')).toMatch(
      /nicht übernommen: Cem Cakir \(der Link ist hier bei Anna Alt\) und Dora \(der Link ist hier bei Anna Alt\)\. /,
    );
    expect(await held('en', [])).toBeUndefined();
  });
});
