// @vitest-environment jsdom

import { computed, effect, signal } from '@preact/signals';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { DAY } from '../../src/contacts/cadence';
import type { ProfileCapture } from '../../src/contacts/capture';
import { createContact } from '../../src/contacts/merge';
import { haystack, searchCirclesAs } from '../../src/contacts/search';
import type { Contact } from '../../src/contacts/types';
import type { TabCapture } from '../../src/platform/capture-tab';
import { nameCirclesInSearch } from '../../src/platform/circles';
import { App, TOAST_MS } from '../../src/popup/App';
import { dueBadge } from '../../src/popup/due';
import { createEarlySearch } from '../../src/popup/early-search';
import { type ListQuery, sortContacts, stats } from '../../src/popup/list-model';
import { createListState } from '../../src/popup/list-state';
import { createPopupState, type PopupState } from '../../src/popup/state';

const later = () => import('../../src/popup/later');

import { t } from '../../src/platform/i18n';
import { bulkPut, updateContact } from '../../src/storage/contact-writes';
import { listAllInChunks } from '../../src/storage/contacts';
import { type DB, openDatabase } from '../../src/storage/db';
import { addContact } from '../../src/storage/draft-writes';
import { StoreError } from '../../src/storage/errors';
import { removeContact } from '../../src/storage/links';
import { readSearchIndex } from '../../src/storage/search-index';
import { DEFAULT_SETTINGS } from '../../src/storage/settings';
import { keepTyped, typedFor } from '../../src/ui/typed';
import { setLanguage } from './support/fake-browser';
import { sameIndex } from './support/same-index';

const NOW = new Date(2026, 10, 27, 12).getTime();
const capture: ProfileCapture = {
  name: 'Jürgen Müller',
  role: 'Bäckermeister',
  company: 'Bäckerei Müller',
  profileUrl: 'https://www.linkedin.com/in/juergen',
  site: 'linkedin',
  sources: { name: 'site' },
  degraded: false,
};
const onPage = (c: ProfileCapture | null, suggestedName = ''): TabCapture => ({
  kind: 'page',
  page: { url: 'https://www.linkedin.com/in/juergen/', title: 'Jürgen Müller | LinkedIn', capture: c, suggestedName },
});

let db: DB;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  setLanguage('en');
  db = await openDatabase();
});

/** The popup asks the service worker for the search index's copy; these tests have no worker, so the asks go nowhere. */
const noCopyAsked = async () => {};

/** The popup's state on this tab; `tabUrl`: the tab's address, which names the forms whose typing is kept. */
const make = (tab: TabCapture = onPage(capture), tabUrl?: string) =>
  createPopupState({
    askCopy: noCopyAsked,
    later,
    db,
    now: () => NOW,
    capture: async () => tab,
    ...(tabUrl ? { tabUrl: async () => tabUrl } : {}),
    settings: async () => DEFAULT_SETTINGS,
    sync: async () => null,
  });

/** Renders the popup on this state and waits for its first load. */
async function mountState(s: PopupState) {
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  await act(async () => {
    render(<App state={s} />, root);
    await s.load();
  });
  return root;
}

describe('popup state', () => {
  it('loads the page capture and the list, saves, and then knows the person', async () => {
    const s = make();
    await s.load();
    expect(s.page.value?.capture?.name).toBe('Jürgen Müller');
    expect(s.existing.value).toBeUndefined();
    const r = await s.saveCapture({
      name: 'Jürgen Müller',
      role: 'Bäckermeister',
      profiles: [{ url: capture.profileUrl, site: 'linkedin' }],
    });
    expect(r.status).toBe('created');
    expect(s.contacts.value).toHaveLength(1);
    expect(s.existing.value?.id).toBe(r.contact.id);
  });

  it('the page card settles once, with the saved person already known (drawn once, no flicker)', async () => {
    await addContact(
      db,
      { name: 'Jürgen Müller', profiles: [{ url: capture.profileUrl, site: 'linkedin' }] },
      { now: NOW },
    );
    const s = createPopupState({
      askCopy: noCopyAsked,
      later,
      db,
      now: () => NOW,
      capture: async () => onPage(capture),
      settings: async () => ({ ...DEFAULT_SETTINGS, loadPhotos: false }),
      sync: async () => null,
    });
    const seen: [string, string | undefined][] = [];
    const stop = effect(() => {
      if (s.phase.value === 'done') seen.push([s.page.value?.capture?.name ?? '', s.existing.value?.name]);
    });
    await s.load();
    stop();
    expect(seen).toEqual([['Jürgen Müller', 'Jürgen Müller']]);
    expect(s.arrival.value).toBe('full');
  });

  describe('a page that does not answer', () => {
    /** A capture the test answers by hand, as a busy page would, late. */
    function pending() {
      const calls: ((t: TabCapture) => void)[] = [];
      const again: boolean[] = [];
      const capture = (a?: boolean) => {
        again.push(!!a);
        return new Promise<TabCapture>((ok) => calls.push(ok));
      };
      return { calls, again, capture };
    }
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

    it('never holds up the list; after the bound it is "not answering", and Retry reads it anew', async () => {
      await addContact(db, { name: 'Anna' }, { now: NOW });
      const p = pending();
      const s = createPopupState({
        askCopy: noCopyAsked,
        later,
        db,
        now: () => NOW,
        capture: p.capture,
        tabUrl: async () => 'https://www.linkedin.com/in/juergen/',
        slowMs: 300,
        settings: async () => DEFAULT_SETTINGS,
        sync: async () => null,
      });
      const loading = s.load();
      await vi.waitFor(() => expect(s.contacts.value.map((c) => c.name)).toEqual(['Anna']));
      expect(s.loaded.value).toBe(true);
      expect(s.phase.value).toBe('reading');
      // Everyone is read once the page answered or the first paint's grace is over, whichever comes first.
      await vi.waitFor(() => expect(s.complete.value).toBe(true));
      expect(s.phase.value).not.toBe('done');
      await vi.waitFor(() => expect(s.phase.value).toBe('slow'));
      expect(s.tabUrl.value).toBe('https://www.linkedin.com/in/juergen/');
      const retried = s.retry();
      expect(p.again).toEqual([false, true]);
      // The retry answers first; the first read's late answer is then ignored.
      p.calls[1]?.(onPage(capture));
      await retried;
      expect(s.phase.value).toBe('done');
      expect(s.page.value?.capture?.name).toBe('Jürgen Müller');
      p.calls[0]?.(onPage(null));
      await loading;
      expect(s.page.value?.capture?.name).toBe('Jürgen Müller');
    });

    it('an answer that comes while the user is busy folds (or fills the manual form they type into)', async () => {
      for (const [doing, expected] of [
        ['nothing', 'full'],
        ['interacted', 'folded'],
        ['typing', 'fill'],
      ] as const) {
        const p = pending();
        const s = createPopupState({
          askCopy: noCopyAsked,
          later,
          db,
          now: () => NOW,
          capture: p.capture,
          slowMs: 10,
          settings: async () => DEFAULT_SETTINGS,
          sync: async () => null,
        });
        const loading = s.load();
        await wait(30);
        if (doing === 'interacted') s.markInteracted();
        if (doing === 'typing') s.markTypingInManual();
        p.calls[0]?.(onPage(capture));
        await loading;
        expect([doing, s.arrival.value]).toEqual([doing, expected]);
      }
    });
  });

  it('searches case-, accent- and umlaut-insensitively over name, role, company, circles and notes', async () => {
    await addContact(db, { name: 'Jürgen Müller', company: 'Bäckerei', circles: ['club'] }, { now: NOW });
    await addContact(db, { name: 'Ann Smith', notes: 'Met at the Mueller party' }, { now: NOW });
    const s = make();
    await s.load();
    const names = () => s.visible.value.map((c) => c.name).sort();
    s.setText('mueller');
    expect(names()).toEqual(['Ann Smith', 'Jürgen Müller']);
    s.setText('MÜLLER baeckerei');
    expect(names()).toEqual(['Jürgen Müller']);
    s.setText('club');
    expect(names()).toEqual(['Jürgen Müller']);
    s.setText('');
    s.setCircle('club');
    expect(names()).toEqual(['Jürgen Müller']);
  });

  it('sorts by due, name and recently added; a search keeps the order', async () => {
    const lastContact = (daysAgo: number) => ({ cadenceDays: 30, lastContactedAt: NOW - daysAgo * DAY });
    await addContact(db, { name: 'Zoe', ...lastContact(20) }, { now: NOW - 3 * DAY });
    await addContact(db, { name: 'ärne', ...lastContact(5) }, { now: NOW - DAY });
    await addContact(db, { name: 'Bob', ...lastContact(10) }, { now: NOW - 2 * DAY });
    const s = make();
    await s.load();
    const names = () => s.visible.value.map((c) => c.name);
    expect(names()).toEqual(['Zoe', 'Bob', 'ärne']);
    s.setSort('name');
    expect(names()).toEqual(['ärne', 'Bob', 'Zoe']);
    s.setSort('added');
    expect(names()).toEqual(['ärne', 'Bob', 'Zoe']);
    s.setText('o');
    expect(names()).toEqual(['Bob', 'Zoe']);
    s.setSort('due');
    expect(names()).toEqual(['Zoe', 'Bob']);
    s.setText('');
    expect(names()).toEqual(['Zoe', 'Bob', 'ärne']);
  });

  it('header figures: people, the network they reach, contacted this year, due this week, forgotten', async () => {
    const due = await addContact(db, { name: 'Due', cadenceDays: 7 }, { now: NOW - 10 * DAY });
    // Links to two people not in the book (one by id, one by name) and one who is: the network is five.
    await addContact(
      db,
      {
        name: 'Old',
        cadenceDays: null,
        related: [
          { kind: 'knows', id: 'not-here', name: 'Somebody' },
          { kind: 'knows', name: 'Text Only' },
          { kind: 'knows', id: due.id, name: 'Due' },
        ],
      },
      { now: NOW - 500 * DAY },
    );
    await addContact(db, { name: 'Recent', cadenceDays: 30, lastContactedAt: NOW - DAY }, { now: NOW - 40 * DAY });
    // Contacted last December: within 12 months, but not this year.
    const y = new Date(NOW).getFullYear();
    await addContact(
      db,
      { name: 'LastYear', cadenceDays: null, lastContactedAt: new Date(y - 1, 11, 31, 12).getTime() },
      { now: NOW - 40 * DAY },
    );
    const s = make();
    await s.load();
    expect(s.figures.value).toEqual({ total: 4, reach: 6, contactedThisYear: 1, dueThisWeek: 1, forgotten: 1 });
  });

  it('the reach of a book read in many chunks (counted as it is read): links to people of a later chunk are in it', async () => {
    const id = (i: number) => `p${String(i).padStart(4, '0')}`;
    // 700 people, read 250 at a time; each knows someone 300 further on (a later chunk, or wrapped to an earlier
    // one), ten of them someone not in the book, by id or by name.
    const people = Array.from({ length: 700 }, (_, i) => ({
      ...createContact({ name: `Person ${i}` }, 'manual', NOW - DAY, () => id(i), 30),
      related: [
        { kind: 'knows' as const, id: id((i + 300) % 700) },
        ...(i < 10
          ? [i % 2 ? { kind: 'knows' as const, name: `Elsewhere ${i}` } : { kind: 'knows' as const, id: `gone${i}` }]
          : []),
        ...(i === 20 ? [{ kind: 'distinct' as const, id: 'told-apart' }] : []),
      ],
    }));
    await bulkPut(db, people);
    const s = make(onPage(null));
    await s.load();
    expect(s.figures.value?.total).toBe(700);
    expect(s.figures.value?.reach).toBe(710);
    expect(s.figures.value?.reach).toBe(stats(await listAllInChunks(db), NOW).reach);
  });

  it('delete offers undo that brings the same person back', async () => {
    const c = await addContact(db, { name: 'Ben' }, { now: NOW });
    const s = make();
    await s.load();
    await s.remove(c.id, (n) => `Deleted ${n}.`);
    expect(s.contacts.value).toEqual([]);
    expect(s.toast.value?.text).toBe('Deleted Ben.');
    await s.toast.value?.undo?.();
    expect(s.contacts.value.map((x) => x.id)).toEqual([c.id]);
  });

  it('an undo that cannot be written says why in its toast, and Undo stays to try again', async () => {
    const c = await addContact(db, { name: 'Ben' }, { now: NOW });
    let full = true;
    const s = createPopupState({
      askCopy: noCopyAsked,
      later: async () => {
        const m = await later();
        return {
          ...m,
          restoreContact: (...args: Parameters<typeof m.restoreContact>) => {
            if (full) throw new StoreError('quota', 'full');
            return m.restoreContact(...args);
          },
        };
      },
      db,
      now: () => NOW,
      capture: async () => onPage(null),
      settings: async () => DEFAULT_SETTINGS,
      sync: async () => null,
    });
    await s.load();
    await s.remove(c.id, (n) => `Deleted ${n}.`);
    await s.toast.value?.undo?.();
    expect(s.toast.value?.text).toBe(t('errorQuota'));
    expect(s.contacts.value).toEqual([]);
    full = false;
    await s.toast.value?.undo?.();
    expect(s.toast.value).toBeNull();
    expect(s.contacts.value.map((x) => x.id)).toEqual([c.id]);
  });

  it('after a write, only the people it touched are read again: everyone else keeps their object', async () => {
    const anna = await addContact(db, { name: 'Anna' }, { now: NOW });
    const ben = await addContact(db, { name: 'Ben' }, { now: NOW });
    const cleo = await addContact(db, { name: 'Cleo' }, { now: NOW });
    const s = make();
    await s.load();
    const before = new Map(s.contacts.value.map((c) => [c.id, c]));
    const byName = () => new Map(s.contacts.value.map((c) => [c.name, c]));
    // After each patch the list is in the order sorting everyone anew gives (list-model.ts resortPatched), and the
    // header's figures are those counted anew (LinkedBeyond follows the patch).
    const inOrder = () => {
      expect(s.visible.value.map((c) => c.id)).toEqual(
        sortContacts(s.contacts.value, haystack, 'due').contacts.map((c) => c.id),
      );
      expect(s.figures.value).toEqual(stats(s.contacts.value, NOW));
    };
    await s.contacted(anna.id, 'call', 'Coffee');
    inOrder();
    expect(byName().get('Anna')?.lastContactedAt).toBe(NOW);
    expect(byName().get('Anna')).not.toBe(before.get(anna.id));
    expect(byName().get('Ben')).toBe(before.get(ben.id));
    expect(byName().get('Cleo')).toBe(before.get(cleo.id));
    // A link touches both; a delete takes the other side's link too; undo brings both back.
    await s.link(ben.id, cleo.id, 'knows');
    inOrder();
    expect(
      byName()
        .get('Cleo')
        ?.related.map((r) => r.id),
    ).toEqual([ben.id]);
    await s.remove(ben.id, (n) => n);
    inOrder();
    expect([...byName().keys()].sort()).toEqual(['Anna', 'Cleo']);
    expect(byName().get('Cleo')?.related).toEqual([]);
    await s.toast.value?.undo?.();
    inOrder();
    expect(
      byName()
        .get('Cleo')
        ?.related.map((r) => r.id),
    ).toEqual([ben.id]);
    // A change another view announces with ids is patched in; one without ids reads everyone anew.
    await addContact(db, { name: 'Dora' }, { now: NOW });
    const kept = byName().get('Anna');
    await s.refresh([(await listAllInChunks(db)).find((c) => c.name === 'Dora')?.id ?? '']);
    expect([...byName().keys()].sort()).toEqual(['Anna', 'Ben', 'Cleo', 'Dora']);
    inOrder();
    expect(byName().get('Anna')).toBe(kept);
    await s.refresh();
    expect(byName().get('Anna')).not.toBe(kept);
    expect(byName().get('Anna')).toEqual(kept);
  });
});

describe('popup rendering', () => {
  async function mount(tab: TabCapture, lang: 'en' | 'de' = 'en') {
    setLanguage(lang);
    return mountState(make(tab));
  }

  /** The popup on a page that has not answered yet, past the bound: `answer` gives the page's answer. */
  async function silentPopup() {
    let answer: (t: TabCapture) => void = () => {};
    const s = createPopupState({
      askCopy: noCopyAsked,
      later,
      db,
      now: () => NOW,
      capture: () => new Promise<TabCapture>((ok) => (answer = ok)),
      tabUrl: async () => 'https://www.linkedin.com/in/juergen/',
      slowMs: 20,
      graceMs: 10,
      settings: async () => DEFAULT_SETTINGS,
      sync: async () => null,
    });
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    let loading: Promise<void> = Promise.resolve();
    await act(async () => {
      render(<App state={s} />, root);
      loading = s.load();
      await new Promise((r) => setTimeout(r, 60));
    });
    // Everyone read while the page stays silent (its answer is never waited for); on a busy machine that takes
    // longer than the 60 ms in which the page is said not to answer.
    await expect
      .poll(
        async () => {
          await act(async () => {});
          return s.complete.value;
        },
        { timeout: 5000 },
      )
      .toBe(true);
    return { s, root, answer, loading };
  }

  /** Types into a field of the silent page's manual form, as the user would. */
  async function typeInto(root: HTMLElement, name: string, value: string) {
    const field = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`.silent [name="${name}"]`);
    if (!field) throw new Error('no manual form');
    await act(async () => {
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }

  it('a silent page: the list at once, then "not answering" with Retry and the form; a late answer fills only empty fields', async () => {
    await addContact(db, { name: 'Anna' }, { now: NOW });
    const { root, answer, loading } = await silentPopup();
    // The list and its figures are there while the page is silent (rows are windowed: jsdom lays out none).
    expect(root.textContent).toContain('1 person you know');
    expect(root.textContent).toContain('1 of 1');
    expect(root.textContent).toContain('This page is not answering.');
    expect(root.querySelector('button.retry')?.textContent).toBe('Try again');
    await typeInto(root, 'name', 'Jürgen M.');
    await act(async () => {
      answer(onPage(capture));
      await loading;
    });
    const value = (n: string) => root.querySelector<HTMLInputElement>(`.silent input[name="${n}"]`)?.value;
    expect(value('name')).toBe('Jürgen M.');
    expect(value('company')).toBe('Bäckerei Müller');
    expect(root.textContent).toContain('Found Jürgen Müller: empty fields filled in.');
  });

  it.each([
    {
      what: 'naming someone saved (the page is their profile)',
      name: 'Jürgen Müller',
      answer: onPage(capture),
      status:
        'Found Jürgen Müller, saved already: empty fields filled in; Update adds what you typed to the saved contact.',
      // The page's values fill the empty fields, and are saved with what was typed.
      stored: { company: 'Bäckerei Müller' },
    },
    {
      what: "without a person, from a page that is one of a saved person's links",
      name: 'Erika Mustermann',
      answer: onPage(null),
      status:
        "This page is one of Erika Mustermann's saved links: empty fields filled in; Update adds what you typed to the saved contact.",
      stored: {},
    },
  ])(
    'a late answer $what: the form typed into while the page was silent saves to them, not to a second record',
    async ({ name, answer: late, status, stored }) => {
      await addContact(
        db,
        { name, notes: 'Stammtisch.', profiles: [{ url: capture.profileUrl, site: 'linkedin' }] },
        { now: NOW },
      );
      const { root, answer, loading } = await silentPopup();
      await typeInto(root, 'notes', 'Ruft wegen der Torte zurück.');
      expect(root.querySelector('.silent .form-link')?.textContent).toContain('linkedin.com/in/juergen');
      await act(async () => {
        answer(late);
        await loading;
      });
      expect(root.querySelector('#page-status')?.textContent).toBe(status);
      // The page's address is one of their links already: the form neither says it saves it nor offers to leave
      // it out (which would leave nothing out).
      expect(root.querySelector('.silent .form-link')).toBeNull();
      expect(root.querySelector<HTMLInputElement>('.silent input[name="name"]')?.value).toBe(name);
      const submit = root.querySelector<HTMLButtonElement>('.silent button[type="submit"]');
      expect(submit?.textContent).toBe('Update');
      await act(async () => {
        submit?.click();
      });
      await vi.waitFor(() => expect(root.querySelector('.toast')?.textContent ?? '').toContain(`Updated ${name}.`));
      const all = await listAllInChunks(db);
      expect(all).toHaveLength(1);
      expect(all[0]).toMatchObject({ name, notes: 'Stammtisch.\n\nRuft wegen der Torte zurück.', ...stored });
    },
  );

  it("a late answer naming someone saved by name, not by this page: the page's address can still be left out", async () => {
    await addContact(db, { name: capture.name, company: capture.company, notes: 'Stammtisch.' }, { now: NOW });
    const { root, answer, loading } = await silentPopup();
    await typeInto(root, 'notes', 'Ruft zurück.');
    await act(async () => {
      answer(onPage(capture));
      await loading;
    });
    expect(root.querySelector('#page-status')?.textContent).toContain('Jürgen Müller');
    await act(async () => {
      root.querySelector<HTMLButtonElement>('.silent .form-link button')?.click();
    });
    expect(root.querySelector('.silent .form-link')).toBeNull();
    await act(async () => {
      root.querySelector<HTMLButtonElement>('.silent button[type="submit"]')?.click();
    });
    await vi.waitFor(() => expect(root.querySelector('.toast')?.textContent ?? '').toContain('Updated Jürgen Müller.'));
    const all = await listAllInChunks(db);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ notes: 'Stammtisch.\n\nRuft zurück.', profiles: [] });
  });

  it('an answer folded while the user was busy says whether it is someone saved: update, not save', async () => {
    await addContact(
      db,
      { name: 'Jürgen Müller', profiles: [{ url: capture.profileUrl, site: 'linkedin' }] },
      { now: NOW },
    );
    const { s, root, answer, loading } = await silentPopup();
    s.markInteracted();
    await act(async () => {
      answer(onPage(capture));
      await loading;
    });
    expect(root.querySelector('.slot .hint')?.textContent).toBe('Jürgen Müller is on this page.');
    expect(root.querySelector('.slot summary')?.textContent).toBe('Update this person');
  });

  it('a late answer without a person says so, not "Reading this page" for ever', async () => {
    const { root, answer, loading } = await silentPopup();
    await typeInto(root, 'name', 'Jürgen');
    await act(async () => {
      answer(onPage(null));
      await loading;
    });
    expect(root.querySelector('#page-status')?.textContent).toBe(t('captureNoPerson'));
    expect(root.querySelector<HTMLInputElement>('.silent input[name="name"]')?.value).toBe('Jürgen');
  });

  it('a toast without an action goes after a while; one with Undo stays until it is used or dismissed', async () => {
    const s = make(onPage(null));
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    await act(async () => {
      render(<App state={s} />, root);
      await s.load();
    });
    vi.useFakeTimers();
    try {
      await act(() => {
        s.toast.value = { text: 'Saved Anna.' };
      });
      expect(root.querySelector('.toast')?.textContent).toContain('Saved Anna.');
      await act(() => {
        vi.advanceTimersByTime(TOAST_MS - 1);
      });
      expect(root.querySelector('.toast')).not.toBeNull();
      await act(() => {
        vi.advanceTimersByTime(1);
      });
      expect(root.querySelector('.toast')).toBeNull();
      await act(() => {
        s.toast.value = { text: 'Deleted Anna.', undo: async () => {} };
      });
      await act(() => {
        vi.advanceTimersByTime(10 * TOAST_MS);
      });
      expect(root.querySelector('.toast')?.textContent).toContain('Undo');
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows the capture card with every field editable, rendering page text as text', async () => {
    const root = await mount(onPage({ ...capture, role: '<img src=x onerror=alert(1)>' }));
    const input = (name: string) => root.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value;
    expect(input('name')).toBe('Jürgen Müller');
    expect(input('company')).toBe('Bäckerei Müller');
    expect(input('role')).toBe('<img src=x onerror=alert(1)>');
    expect(root.querySelector('img[src="x"]')).toBeNull();
    // What a profile does not give, folded: the number the user has from elsewhere.
    const more = root.querySelector<HTMLDetailsElement>('.capture details.contact-form__more');
    expect(more?.querySelector('summary')?.textContent).toBe('Email, phone, birthday');
    expect(more?.open).toBe(false);
  });

  it("a saved person's card says so: update, not save, with what the page now says differently", async () => {
    const fresh = await mount(onPage(capture));
    const heading = (root: HTMLElement) => root.querySelector('#capture-heading')?.textContent;
    const submit = (root: HTMLElement) => root.querySelector('.capture button[type="submit"]')?.textContent;
    expect(heading(fresh)).toBe('Save this person');
    expect(submit(fresh)).toBe('Save');
    await addContact(
      db,
      {
        name: 'Jürgen Müller',
        role: 'Geselle',
        circles: ['clients', 'Stammtisch'],
        profiles: [{ url: capture.profileUrl, site: 'linkedin' }],
      },
      { now: NOW },
    );
    const known = await mount(onPage(capture), 'de');
    expect(heading(known)).toBe('Diese Person aktualisieren');
    expect(submit(known)).toBe('Aktualisieren');
    expect(known.querySelector('.changed')?.textContent).toContain('Jetzt auf der Seite: Bäckermeister');
    // The form shows what is stored (the page's role is offered above it), the circles they are in pressed.
    expect(known.querySelector<HTMLInputElement>('.capture input[name="role"]')?.value).toBe('Geselle');
    const pressed = [...known.querySelectorAll('.capture .chip[aria-pressed="true"]')].map((b) => b.textContent);
    expect(pressed).toEqual(['Kunden', 'Stammtisch']);
    // Their page is one click away (to log the message just sent); a new person's card has no such button.
    expect(fresh.querySelector('.capture__open')).toBeNull();
    await act(async () => known.querySelector<HTMLButtonElement>('.capture__open')?.click());
    expect(known.querySelector('.capture')).toBeNull();
    await vi.waitFor(() => expect(known.querySelector('h2')?.textContent).toBe('Jürgen Müller'));
  });

  it('a mutual connection ticked on the card comes back ticked after the popup closed; the save links only chips shown', async () => {
    const jana = await addContact(db, { name: 'Jana Jüngling' }, { now: NOW });
    const onCard = onPage({ ...capture, mutuals: ['Jana Jüngling'] });
    const open = () => mountState(make(onCard, 'https://www.linkedin.com/in/juergen/'));
    const chip = (root: HTMLElement) => root.querySelector<HTMLButtonElement>('.mutuals .chip');
    let root = await open();
    await vi.waitFor(() => expect(chip(root)?.textContent).toBe('Knows Jana Jüngling'), { timeout: 5000 });
    expect(chip(root)?.getAttribute('aria-pressed')).toBe('false');
    // In the form above its Save, which links them: not below it, where a tick came after the save.
    const save = root.querySelector('.capture button[type="submit"]') as HTMLButtonElement;
    expect(chip(root)?.closest('form')).toBe(save.closest('form'));
    expect(chip(root)?.compareDocumentPosition(save)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    await act(async () => chip(root)?.click());
    expect(chip(root)?.getAttribute('aria-pressed')).toBe('true');
    // A click outside closes the popup; someone ticked then (here: a record gone since) is kept too.
    await act(async () => render(null, root));
    const kept = typedFor('page https://www.linkedin.com/in/juergen/ knows');
    expect(kept).toEqual({ ids: [jana.id] });
    keepTyped('page https://www.linkedin.com/in/juergen/ knows', { ids: [jana.id, 'deleted-since'] });
    root = await open();
    await vi.waitFor(() => expect(chip(root)?.getAttribute('aria-pressed')).toBe('true'), { timeout: 5000 });
    await act(async () => root.querySelector<HTMLButtonElement>('.capture button[type="submit"]')?.click());
    await vi.waitFor(
      async () => {
        const stored = (await listAllInChunks(db)).find((c) => c.id === jana.id);
        expect(stored?.related.map((r) => r.kind)).toEqual(['knows']);
      },
      { timeout: 5000 },
    );
    expect(root.querySelector('.capture .error')?.textContent ?? '').toBe('');
    expect(typedFor('page https://www.linkedin.com/in/juergen/ knows')).toBeUndefined();
  });

  it('an edit on their page ("Open contact") shows on the card after the way back, and the card\'s save keeps it', async () => {
    await addContact(
      db,
      { name: 'Jürgen Müller', role: 'Geselle', profiles: [{ url: capture.profileUrl, site: 'linkedin' }] },
      { now: NOW },
    );
    const s = make(onPage(capture));
    const root = await mountState(s);
    await act(async () => root.querySelector<HTMLButtonElement>('.capture__open')?.click());
    await vi.waitFor(() => expect(root.querySelector('.detail [name="role"]')).not.toBeNull(), { timeout: 5000 });
    const detailRole = root.querySelector<HTMLInputElement>('.detail [name="role"]');
    await act(() => {
      if (!detailRole) return;
      detailRole.value = 'Konditormeister';
      detailRole.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () =>
      detailRole?.closest('form')?.querySelector<HTMLButtonElement>('button[type="submit"]')?.click(),
    );
    await vi.waitFor(async () => expect((await listAllInChunks(db))[0]?.role).toBe('Konditormeister'));
    await act(async () => {
      s.view.value = { name: 'home' };
    });
    const cardRole = () => root.querySelector<HTMLInputElement>('.capture input[name="role"]');
    await vi.waitFor(() => expect(cardRole()?.value).toBe('Konditormeister'));
    // The card's save (a note added) writes what the user changed there, not the role as it was when the popup opened.
    const notes = root.querySelector<HTMLTextAreaElement>('.capture textarea[name="notes"]');
    await act(() => {
      if (!notes) return;
      notes.value = 'Backt für den Stammtisch.';
      notes.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => root.querySelector<HTMLButtonElement>('.capture button[type="submit"]')?.click());
    await vi.waitFor(async () => expect((await listAllInChunks(db))[0]?.notes).toBe('Backt für den Stammtisch.'));
    const [stored] = await listAllInChunks(db);
    expect(stored?.role).toBe('Konditormeister');
  });

  it('deleted on their page, they are no longer "saved" on the card: it offers Save; an undo makes them saved again', async () => {
    const saved = await addContact(
      db,
      { name: 'Jürgen Müller', profiles: [{ url: capture.profileUrl, site: 'linkedin' }] },
      { now: NOW },
    );
    const s = make(onPage(capture));
    const root = await mountState(s);
    expect(root.querySelector('#capture-heading')?.textContent).toBe('Update this person');
    await act(() => s.remove(saved.id, (name) => `Deleted ${name}.`));
    expect(s.view.value.name).toBe('home');
    expect(root.querySelector('#capture-heading')?.textContent).toBe('Save this person');
    // Undone: saved again, and the card says so.
    await act(async () => s.toast.value?.undo?.());
    await vi.waitFor(async () => expect(await listAllInChunks(db)).toHaveLength(1));
    expect(root.querySelector('#capture-heading')?.textContent).toBe('Update this person');
    // Deleted again and saved from the card instead: one record, known to the card.
    await act(() => s.remove(saved.id, (name) => `Deleted ${name}.`));
    await act(async () => root.querySelector<HTMLButtonElement>('.capture button[type="submit"]')?.click());
    await vi.waitFor(async () => expect(await listAllInChunks(db)).toHaveLength(1));
    expect(root.querySelector('#capture-heading')?.textContent).toBe('Update this person');
  });

  it("a saved person's form edits what is stored: a cleared or changed field is saved as left, the page's link added", async () => {
    const ada = await addContact(
      db,
      {
        name: 'Jürgen Müller',
        company: 'Bäckerei Müller',
        role: 'Geselle',
        notes: 'Kennt den Stammtisch.',
        metVia: 'Messe',
        circles: ['club'],
      },
      { now: NOW - DAY },
    );
    const s = make();
    await s.load();
    // Matched by name and company (no profile link yet): saving the form as it is only adds the page's link.
    expect(s.existing.value?.id).toBe(ada.id);
    const r = await s.saveKnown(
      ada.id,
      { name: 'Jürgen Müller', notes: 'Kennt den Stammtisch.' },
      {
        name: capture.name,
        role: capture.role,
        profiles: [{ url: capture.profileUrl, site: 'linkedin' }],
      },
    );
    expect(r.status).toBe('updated');
    expect(r.contact.profiles.map((p) => p.url)).toEqual([capture.profileUrl]);
    expect(r.contact.role).toBe('Geselle');
    // The same again changes nothing, and nothing is written.
    const again = await s.saveKnown(ada.id, { name: 'Jürgen Müller' }, { name: capture.name });
    expect(again.status).toBe('unchanged');
    expect(again.contact.updatedAt).toBe(r.contact.updatedAt);
    // What a merge would keep (the name, a "how we met" already set) or only append to (the note) is the user's.
    const edited = await s.saveKnown(
      ada.id,
      { name: 'Jürgen M.', metVia: 'Stammtisch', notes: '', circles: [], role: undefined },
      { name: capture.name },
    );
    expect(edited.status).toBe('updated');
    const [stored] = (await listAllInChunks(db)).filter((c) => c.id === ada.id);
    expect(stored).toMatchObject({ name: 'Jürgen M.', metVia: 'Stammtisch', notes: '', circles: [] });
    expect(stored?.role).toBeUndefined();
    expect(s.existing.value?.name).toBe('Jürgen M.');
    expect(s.lastSave.value?.status).toBe('updated');
  });

  it('"Update from page" that cannot be written says why, and keeps the offer', async () => {
    await addContact(
      db,
      { name: 'Jürgen Müller', role: 'Geselle', profiles: [{ url: capture.profileUrl, site: 'linkedin' }] },
      { now: NOW },
    );
    const s = createPopupState({
      askCopy: noCopyAsked,
      later: async () => ({
        ...(await later()),
        mergeInto: async () => {
          throw new StoreError('quota', 'full');
        },
      }),
      db,
      now: () => NOW,
      capture: async () => onPage(capture),
      settings: async () => DEFAULT_SETTINGS,
      sync: async () => null,
    });
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    await act(async () => {
      render(<App state={s} />, root);
      await s.load();
    });
    await act(async () => root.querySelector<HTMLButtonElement>('.changed button')?.click());
    await vi.waitFor(() => expect(root.querySelector('.capture [role="alert"]')?.textContent).toBe(t('errorQuota')));
    expect(root.querySelector('.changed button')?.textContent).toBe('Update from page');
  });

  it('says a degraded capture needs checking, in German too', async () => {
    const root = await mount(onPage({ ...capture, degraded: true }), 'de');
    expect(root.textContent).toContain('Aus den Metadaten der Seite übernommen – bitte prüfen.');
    expect(root.textContent).toContain('0 Personen, die du kennst');
  });

  it('a page without a person opens the manual form prefilled with the name its title suggests', async () => {
    const root = await mount(onPage(null, 'Jürgen Müller'));
    expect(root.querySelector<HTMLInputElement>('input[name="name"]')?.value).toBe('Jürgen Müller');
    expect(root.querySelector('details.manual')?.hasAttribute('open')).toBe(true);
  });

  it('on a page Reconnect may not read, the form is one click away: its fields drawn when opened, kept when closed', async () => {
    const root = await mountState(make({ kind: 'restricted', url: 'chrome://version/' }, 'chrome://version/'));
    const manual = root.querySelector<HTMLDetailsElement>('details.manual');
    expect(manual?.open).toBe(false);
    expect(manual?.textContent).toContain(t('captureRestricted'));
    // Nothing of the form on the first screen, where it held up the list's rows.
    expect(manual?.querySelector('input, textarea, select')).toBeNull();
    const toggle = () => act(async () => manual?.querySelector('summary')?.click());
    await toggle();
    const name = () => manual?.querySelector<HTMLInputElement>('input[name="name"]');
    await vi.waitFor(() => expect(name()?.value).toBe(''));
    await act(async () => {
      const input = name() as HTMLInputElement;
      input.value = 'Oma Erna';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // Closed and opened again: the same form, with what was typed, not a form given it back.
    await toggle();
    expect(manual?.open).toBe(false);
    await toggle();
    expect(name()?.value).toBe('Oma Erna');
    expect(manual?.querySelector('.typed-back')).toBeNull();
  });

  it('on a page Reconnect may not read, a form that holds what was typed before starts open, given back', async () => {
    keepTyped('page chrome://version/', { name: 'Oma Erna' });
    const root = await mountState(make({ kind: 'restricted', url: 'chrome://version/' }, 'chrome://version/'));
    const manual = root.querySelector<HTMLDetailsElement>('details.manual');
    expect(manual?.open).toBe(true);
    expect(manual?.querySelector<HTMLInputElement>('input[name="name"]')?.value).toBe('Oma Erna');
    expect(manual?.querySelector('.typed-back')).not.toBeNull();
  });

  it('a row not yet due says what the person does, or, without a role or company, their last contact: never blank', async () => {
    await addContact(db, { name: 'Anna Berg', role: 'Architektin', company: 'Berg & Söhne' }, { now: NOW });
    await addContact(db, { name: 'Tom Becker' }, { now: NOW });
    // Not due either, but her birthday is on Tuesday: that is the reason to get in touch, said where her job was.
    await addContact(
      db,
      { name: 'Clara Dorn', role: 'Lektorin', birthday: { month: 12, day: 1, year: 1985 } },
      { now: NOW },
    );
    // His too, but he has no reminders (nor would the weekly reminder name him): his job, as before.
    await addContact(
      db,
      { name: 'Dirk Ebert', role: 'Fotograf', birthday: { month: 11, day: 30 }, cadenceDays: null },
      { now: NOW },
    );
    // jsdom lays nothing out: once the virtual list's library is loaded (by a test before), it measures the list as
    // the popup's is.
    const sizes = [
      vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(360),
      vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(400),
    ];
    onTestFinished(() => {
      for (const s of sizes) s.mockRestore();
    });
    const root = await mount({ kind: 'restricted' });
    await vi.waitFor(() => expect(root.querySelectorAll('.row')).toHaveLength(4));
    const line = (name: string) =>
      [...root.querySelectorAll('.row')]
        .find((r) => r.querySelector('.row__name')?.textContent === name)
        ?.querySelector('.row__sub');
    expect(line('Anna Berg')?.textContent).toBe('Architektin at Berg & Söhne');
    expect(line('Tom Becker')?.textContent).toBe('Never contacted — added today');
    expect(line('Clara Dorn')?.textContent).toBe('Birthday on Tuesday');
    expect(line('Dirk Ebert')?.textContent).toBe('Fotograf');
    // Neither of the others is due: only the birthday's line is styled as the reason to get in touch now.
    expect([...root.querySelectorAll('.row__reason')].map((r) => r.textContent)).toEqual(['Birthday on Tuesday']);
  });

  it('the empty list teaches the idea and offers quick add and import', async () => {
    const root = await mount({ kind: 'restricted' });
    expect(root.textContent).toContain('Write down everyone you have contact with at least once a year');
    expect(root.querySelector('a[href="options.html#data-list"]')?.textContent).toBe('Write them down or import');
  });
});

describe('the list after changes elsewhere', () => {
  /** The popup's list over the test database; `reads()` is how many times it has read everyone. */
  function countingList(read: () => Promise<Contact[]> = () => listAllInChunks(db)) {
    let count = 0;
    const list = createListState({
      db,
      now: () => NOW,
      grouping: async () => () => {},
      askCopy: noCopyAsked,
      everyone: () => {
        count++;
        return read();
      },
    });
    return { list, reads: () => count };
  }

  it('changes without ids that come before a read of everyone starts share that read; later ones get one more', async () => {
    await addContact(db, { name: 'Anna Berg' }, { now: NOW });
    const held: (() => void)[] = [];
    const { list, reads } = countingList(() => new Promise((ok) => held.push(() => ok(listAllInChunks(db)))));
    // An import, a restore, a renamed circle: three announced before the first read has started.
    const first = list.refresh();
    expect([list.refresh(), list.refresh()]).toEqual([first, first]);
    await vi.waitFor(() => expect(reads()).toBe(1));
    // Announced while it reads: it may have missed them, so one more read, shared by both.
    const second = list.refresh();
    expect(list.refresh()).toBe(second);
    held.shift()?.();
    await first;
    await vi.waitFor(() => expect(reads()).toBe(2));
    held.shift()?.();
    await second;
    expect(reads()).toBe(2);
    expect(list.contacts.value.map((c) => c.name)).toEqual(['Anna Berg']);
  });

  it('sorts a large book in tasks of their own before showing it: what comes meanwhile (a new order) is handled first', async () => {
    await addContact(db, { name: 'Zoe', cadenceDays: 30 }, { now: NOW - 40 * DAY });
    await addContact(db, { name: 'Anna', cadenceDays: 30 }, { now: NOW - 10 * DAY });
    // Every step as long as a large book's (the clock moves 20 ms each time it is read).
    let clock = 0;
    const slow = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 20));
    onTestFinished(() => slow.mockRestore());
    let completeMeanwhile: boolean | undefined;
    const { list } = countingList(async () => {
      const everyone = await listAllInChunks(db);
      // A task queued as everyone is read (a keystroke, a click on "Name"): it runs before the list shows them.
      setTimeout(() => {
        completeMeanwhile = list.complete.peek();
        list.setQuery({ sort: 'name' });
      });
      return everyone;
    });
    await list.refresh();
    expect(completeMeanwhile).toBe(false);
    expect(list.complete.value).toBe(true);
    expect(list.visible.value.map((c) => c.name)).toEqual(['Anna', 'Zoe']);
    list.setQuery({ sort: 'due' });
    expect(list.visible.value.map((c) => c.name)).toEqual(['Zoe', 'Anna']);
  });

  it('a change that names its people (a save, a sync step) patches them in once everyone is read', async () => {
    const anna = await addContact(db, { name: 'Anna Berg' }, { now: NOW });
    const { list, reads } = countingList();
    await list.refresh();
    const ben = await addContact(db, { name: 'Ben Sync' }, { now: NOW });
    await list.refresh([ben.id, anna.id]);
    expect(reads()).toBe(1);
    expect(list.contacts.value.map((c) => c.name).toSorted()).toEqual(['Anna Berg', 'Ben Sync']);
  });
});

/**
 * A popup loading, its read of everyone held until `release()`: searches go to the index meanwhile. `askCopy` gets
 * its asks for the index's copy.
 */
function loadingHeld(askCopy = noCopyAsked) {
  let release = () => {};
  const held = new Promise<void>((ok) => {
    release = ok;
  });
  const s = createPopupState({
    askCopy,
    later,
    db,
    now: () => NOW,
    capture: async () => onPage(null),
    settings: async () => DEFAULT_SETTINGS,
    sync: async () => null,
    everyone: () => held.then(() => listAllInChunks(db)),
  });
  return { s, release, loading: s.load() };
}

describe("the search index's copy for reading (a large book)", () => {
  it('is asked for as soon as the index is read, before everyone is (a popup closed then still gets it written); not for a small book', async () => {
    await bulkPut(
      db,
      Array.from({ length: 300 }, (_, i) => createContact({ name: `Person ${i}` }, 'manual', NOW, () => `s${i}`)),
    );
    let asked = 0;
    const askCopy = async () => void asked++;
    const small = loadingHeld(askCopy);
    small.release();
    await small.loading;
    await new Promise((r) => setTimeout(r, 20));
    expect(asked).toBe(0);
    // About 3.3 million characters of lines.
    const notes = 'Messe Köln, Kunden, Relaunch der Website '.repeat(20);
    await bulkPut(
      db,
      Array.from({ length: 4000 }, (_, i) =>
        createContact({ name: `Reader ${i}`, notes }, 'manual', NOW, () => `r${i}`),
      ),
    );
    const large = loadingHeld(askCopy);
    await vi.waitFor(() => expect(asked).toBe(1));
    expect(large.s.complete.value).toBe(false);
    large.release();
    await large.loading;
    // Once per popup: everyone read asks for it no second time.
    await new Promise((r) => setTimeout(r, 20));
    expect(asked).toBe(1);
  });
});

describe('search before everyone is read (the stored search index)', () => {
  // A test that fails while it spies on the store's reads leaves none behind for the next.
  afterEach(() => vi.restoreAllMocks());

  /** Every contact read by id from now on (`get.mockRestore()` stops counting). */
  function contactReads() {
    const read: string[] = [];
    const original = IDBObjectStore.prototype.get;
    const get = vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(function (this: IDBObjectStore, key) {
      if (this.name === 'contacts') read.push(String(key));
      return original.call(this, key);
    });
    return { read, get };
  }

  const people = () =>
    Array.from({ length: 40 }, (_, i) => ({
      ...createContact({ name: `Person ${i}`, company: i % 2 ? 'Acme' : 'Globex' }, 'manual', NOW, () => `p${i}`, 30),
      nextDueAt: NOW + (i + 1) * DAY,
    }));

  it("puts the index in place after the next frame, so the first screen's frame comes first; at once for a search waiting for it", async () => {
    await bulkPut(db, people());
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
    onTestFinished(() => {
      vi.unstubAllGlobals();
    });
    const make = () => {
      const query = signal<ListQuery>({ text: '', circle: '', state: 'all', sort: 'due' });
      const firstScreen = signal<Contact[]>([]);
      const search = createEarlySearch({
        db,
        query,
        complete: signal(false),
        read: firstScreen,
        visible: firstScreen,
        total: computed(() => firstScreen.value.length),
        askCopy: noCopyAsked,
      });
      return { query, search };
    };
    const indexRead = () => performance.getEntriesByName('popup:index-read').length;

    // Nothing typed: read, but not in place (no total from it) until the frame after it is drawn.
    performance.clearMarks('popup:index-read');
    const quiet = make();
    const placed = quiet.search.read();
    await vi.waitFor(() => expect(indexRead()).toBe(1), { interval: 2 });
    await new Promise((ok) => setTimeout(ok, 10));
    expect(quiet.search.rows.value.total).toBeUndefined();
    for (const f of frames.splice(0)) f(performance.now());
    await placed;
    expect(quiet.search.rows.value.total).toBe(40);

    // Words typed before the index is read: their hits as soon as it is, no frame waited for.
    performance.clearMarks('popup:index-read');
    const typing = make();
    typing.query.value = { ...typing.query.value, text: 'person 3' };
    void typing.search.read();
    await vi.waitFor(() => expect(indexRead()).toBe(1), { interval: 2 });
    // "3" in 13 of the 40: 3, 13, 23 and 30–39.
    await vi.waitFor(() => expect(typing.search.rows.value.length).toBe(13), { timeout: 50, interval: 2 });
    expect(typing.search.rows.value.total).toBe(40);

    // Typed while the index waits for the frame: in place at once.
    performance.clearMarks('popup:index-read');
    const late = make();
    void late.search.read();
    await vi.waitFor(() => expect(indexRead()).toBe(1), { interval: 2 });
    expect(late.search.rows.value.total).toBeUndefined();
    late.query.value = { ...late.query.value, text: 'person 3' };
    await vi.waitFor(() => expect(late.search.rows.value.length).toBe(13), { timeout: 30, interval: 2 });
    frames.length = 0;
  });

  it('a person found by the index opens before everyone is read: their page, not "no longer exists"', async () => {
    await bulkPut(db, [
      ...people(),
      { ...createContact({ name: 'Anna Berg' }, 'manual', NOW, () => 'anna-b', 30), nextDueAt: NOW + 90 * DAY },
    ]);
    const { s, release, loading } = loadingHeld();
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    await act(async () => {
      render(<App state={s} />, root);
    });
    await act(async () => {
      s.setText('anna');
      await vi.waitFor(() => expect(s.rows.value.length).toBe(1));
      await s.need([s.rows.value.id(0)]);
    });
    await act(async () => {
      s.view.value = { name: 'detail', id: 'anna-b' };
    });
    // The contact page's code is a chunk of its own: drawn once it is loaded.
    await act(() => vi.waitFor(() => expect(root.querySelector('.detail')).not.toBeNull()));
    expect(s.complete.value).toBe(false);
    expect(root.querySelector('#detail-heading')?.textContent).toBe('Anna Berg');
    expect(root.textContent).not.toContain(t('errorNotFound'));
    // Links between people need the whole book: not offered (nor anyone taken for not in it) until it is read.
    expect(root.querySelector('.relationships')).toBeNull();
    await act(async () => {
      release();
      await loading;
    });
    expect(root.querySelector('#detail-heading')?.textContent).toBe('Anna Berg');
    expect(root.querySelector('.relationships')).not.toBeNull();
  });

  it('finds people in the index, reads the rows it shows by id, and hands over to the full list', async () => {
    await bulkPut(db, [
      ...people(),
      { ...createContact({ name: 'Anna Berg' }, 'manual', NOW, () => 'anna-b', 30), nextDueAt: NOW + 90 * DAY },
      { ...createContact({ name: 'Anna Schmidt' }, 'manual', NOW, () => 'anna-s', 30), nextDueAt: NOW - DAY },
    ]);
    const { s, release, loading } = loadingHeld();
    s.setText('ANNA');
    await vi.waitFor(() => expect(s.rows.value.length).toBe(2));
    expect(s.complete.value).toBe(false);
    const rows = s.rows.value;
    // Everyone is counted from the index; the hits in due order; their people not read yet.
    expect(rows.total).toBe(42);
    expect([rows.id(0), rows.id(1)]).toEqual(['anna-s', 'anna-b']);
    await s.need([rows.id(0), rows.id(1)]);
    expect([s.rows.value.at(0)?.name, s.rows.value.at(1)?.name]).toEqual(['Anna Schmidt', 'Anna Berg']);
    // Another order is not in the index: no rows until everyone is read (not those read so far, in another order).
    s.setSort('name');
    expect([s.rows.value.length, s.rows.value.searching, s.rows.value.total]).toEqual([0, true, 42]);
    s.setSort('due');
    expect(s.rows.value.searching).toBe(false);
    release();
    await loading;
    expect(s.complete.value).toBe(true);
    expect(s.visible.value.map((c) => c.name)).toEqual(['Anna Schmidt', 'Anna Berg']);
    expect(s.rows.value.total).toBe(42);
  });

  it('a filter or another order before everyone is read: "Searching", never "Nobody"; in due order the first screen\'s matches, the answer\'s first rows', async () => {
    // The first screen (the 30 earliest due) holds one of the circle and nobody never due; the book holds one more.
    await bulkPut(db, [
      ...people().map((c) => (c.id === 'p3' ? { ...c, circles: ['club'] } : c)),
      {
        ...createContact({ name: 'Zora Vereinsfreundin', circles: ['club'] }, 'manual', NOW, () => 'zora', 30),
        nextDueAt: NOW + 365 * DAY,
      },
    ]);
    const { s, release, loading } = loadingHeld();
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    await act(async () => {
      render(<App state={s} />, root);
    });
    await vi.waitFor(() => expect(root.querySelector('.list__count')?.textContent).toBe('30 of 41'));
    const count = () => root.querySelector('.list__count')?.textContent;
    const noMatch = () => root.textContent?.includes(t('listNoMatch'));
    const shown = () => Array.from({ length: s.rows.value.length }, (_, i) => s.rows.value.at(i)?.name);
    const firstScreen = people()
      .slice(0, 30)
      .map((c) => c.name);
    const asks: [() => void, (string | undefined)[]][] = [
      [() => s.setCircle('club'), ['Person 3']],
      [() => s.setState('never'), firstScreen],
      [() => s.setState('overdue'), []],
      [() => s.setSort('name'), []],
    ];
    for (const [ask, rows] of asks) {
      await act(async () => {
        ask();
      });
      expect(count()).toBe('Searching everyone…');
      expect(shown()).toEqual(rows);
      expect(noMatch()).toBe(false);
      await act(async () => s.setQuery({ circle: '', state: 'all', sort: 'due' }));
      expect(count()).toBe('30 of 41');
    }
    await act(async () => {
      s.setCircle('club');
      release();
      await loading;
    });
    // Everyone read: the first screen's one is still first, Zora below her.
    expect(count()).toBe('2 of 41');
    expect(shown()).toEqual(['Person 3', 'Zora Vereinsfreundin']);
    // Once everyone is read, a filter nobody meets says so (nobody is overdue).
    await act(async () => s.setState('overdue'));
    expect([count(), noMatch()]).toEqual(['0 of 41', true]);
  });

  it("words typed before the index is read (or when it cannot be read): the first screen's matches, searching on", () => {
    const query = signal<ListQuery>({ text: '', circle: '', state: 'all', sort: 'due' });
    const complete = signal(false);
    const firstScreen = signal<Contact[]>(people().slice(0, 30));
    const search = createEarlySearch({
      db: {} as DB,
      query,
      complete,
      read: firstScreen,
      visible: computed(() => firstScreen.value.filter((c) => c.name.includes(query.value.text))),
      total: computed(() => firstScreen.value.length),
      askCopy: noCopyAsked,
    });
    const shown = () => Array.from({ length: search.rows.value.length }, (_, i) => search.rows.value.at(i)?.name);
    expect([search.rows.value.length, search.rows.value.searching]).toEqual([30, false]);
    // Those of the first screen it matches are shown, and the list goes on searching: the book may hold more.
    query.value = { ...query.value, text: 'Person 3' };
    expect([shown(), search.rows.value.searching]).toEqual([['Person 3'], true]);
    // In another order those read so far are not the answer's first rows: none shown.
    query.value = { ...query.value, sort: 'name' };
    expect([search.rows.value.length, search.rows.value.searching]).toEqual([0, true]);
    query.value = { ...query.value, sort: 'due' };
    // Spaces are no words: the first screen again.
    query.value = { ...query.value, text: '  ' };
    expect(search.rows.value.searching).toBe(false);
    query.value = { ...query.value, text: 'Person 3' };
    complete.value = true;
    expect([search.rows.value.length, search.rows.value.searching]).toEqual([1, false]);
  });

  it('counts everyone from the index while only the first screen is read, not the first screen ("30 of 30")', async () => {
    await bulkPut(db, people());
    const { s, release, loading } = loadingHeld();
    await vi.waitFor(() => expect(s.rows.value.total).toBe(40));
    expect(s.complete.value).toBe(false);
    expect(s.rows.value.length).toBe(30);
    release();
    await loading;
    expect([s.rows.value.length, s.rows.value.total]).toEqual([40, 40]);
  });

  it('reads a row asked for while it is being read only once (the rows drawn while their people load ask again)', async () => {
    await bulkPut(db, people());
    const { read, get } = contactReads();
    const { s, release, loading } = loadingHeld();
    s.setText('person');
    await vi.waitFor(() => expect(s.rows.value.length).toBe(40));
    // The rows drawn first are the earliest due, read already for the first screen: not read again by id.
    await vi.waitFor(() => expect(s.rows.value.at(11)).toBeDefined());
    expect(read).toEqual([]);
    const id = (i: number) => s.rows.value.id(i);
    const next = Array.from({ length: 8 }, (_, i) => id(30 + i));
    // Rows further down asked for (a scroll), and again before they arrive with two more: ten reads, none twice.
    const first = s.need(next);
    const again = s.need([...next, id(38), id(39)]);
    await Promise.all([first, again]);
    get.mockRestore();
    expect(read.toSorted()).toEqual([...next, id(38), id(39)].toSorted());
    // Every row shown: the first screen's people as read for it, the others as read by id.
    expect(Array.from({ length: 40 }, (_, i) => s.rows.value.at(i)?.id)).toEqual(
      Array.from({ length: 40 }, (_, i) => id(i)),
    );
    release();
    await loading;
  });

  it("reads by id only an early search's rows that the first screen did not read", async () => {
    await bulkPut(db, people());
    const { read, get } = contactReads();
    const { s, release, loading } = loadingHeld();
    // "3" in 13 people: 3, 13 and 23 are in the first screen (the 30 earliest due); of the others, the rows drawn
    // first (12 in all) are read by id at once, and only those.
    s.setText('person 3');
    await vi.waitFor(() => expect(s.rows.value.length).toBe(13));
    await vi.waitFor(() => expect(s.rows.value.at(11)).toBeDefined());
    get.mockRestore();
    expect(Array.from({ length: 12 }, (_, i) => s.rows.value.at(i)?.name)).toEqual([
      'Person 3',
      'Person 13',
      'Person 23',
      ...Array.from({ length: 9 }, (_, i) => `Person ${30 + i}`),
    ]);
    expect(read.toSorted()).toEqual(Array.from({ length: 9 }, (_, i) => `p${30 + i}`).toSorted());
    release();
    await loading;
  });

  it('rebuilds an index that is out of step with the records (written around the store), once everyone is read', async () => {
    await bulkPut(db, people());
    // A record written straight into the store: the index does not know it.
    const raw = {
      ...createContact({ name: 'Written Around' }, 'manual', NOW, () => 'raw', 30),
      profileUrls: [],
      matchKey: 'x',
    };
    await db.put('contacts', raw);
    expect(sameIndex(await readSearchIndex(db), await listAllInChunks(db))).toBe(false);
    const s = make(onPage(null));
    await s.load();
    expect(sameIndex(await readSearchIndex(db), await listAllInChunks(db))).toBe(true);
  });
});

describe('circles in a search, by the names the user sees', () => {
  afterEach(() => {
    searchCirclesAs((circle) => circle);
    setLanguage('en');
  });

  it('finds the starting circles by their German names, in the stored index and in the list, and a circle the user named by its name', async () => {
    setLanguage('de');
    nameCirclesInSearch();
    await addContact(db, { name: 'Kim Kunde', circles: ['clients'] }, { now: NOW });
    await addContact(db, { name: 'Eva Ehemalig', circles: ['formerColleagues', 'Laufgruppe'] }, { now: NOW });
    await addContact(db, { name: 'Ohne Kreis' }, { now: NOW });
    // What the index holds, as an early search scans it (written by the store with the names above).
    const index = (await readSearchIndex(db)).join('\n');
    expect(index).toContain('kunden');
    expect(index).toContain('ehemalige kollegen');
    const s = make(onPage(null));
    await s.load();
    // The index says what the list does: no rewrite was needed.
    expect(sameIndex(await readSearchIndex(db), await listAllInChunks(db), haystack)).toBe(true);
    const names = () => s.visible.value.map((c) => c.name).sort();
    s.setText('Kunden');
    expect(names()).toEqual(['Kim Kunde']);
    s.setText('kollegen');
    expect(names()).toEqual(['Eva Ehemalig']);
    s.setText('laufgruppe');
    expect(names()).toEqual(['Eva Ehemalig']);
  });

  it('rewrites an index whose circles are named otherwise (before this, or in another language) once everyone is read', async () => {
    // Written as before: the starting circles by their keys.
    await addContact(db, { name: 'Kim Kunde', circles: ['clients', 'formerColleagues'] }, { now: NOW });
    setLanguage('de');
    nameCirclesInSearch();
    expect((await readSearchIndex(db)).join('\n')).not.toContain('kunden');
    const s = make(onPage(null));
    await s.load();
    expect((await readSearchIndex(db)).join('\n')).toContain('kunden ehemalige kollegen');
  });
});

describe('a page without a person', () => {
  it('gets the name its title suggests, weighed in the popup from what the capture read', async () => {
    const s = make({
      kind: 'page',
      page: {
        url: 'https://erika-mustermann.example/',
        title: 'Erika Mustermann – Illustration',
        capture: null,
        clues: { title: 'Erika Mustermann – Illustration', heading: '', author: '', siteName: '' },
      },
    });
    await s.load();
    expect(s.page.value?.suggestedName).toBe('Erika Mustermann');
    const none = make({
      kind: 'page',
      page: { url: 'https://news.example/', title: 'Weather today', capture: null },
    });
    await none.load();
    expect(none.page.value?.suggestedName).toBeUndefined();
  });
});

describe("a site's page without a person, whose legal notice it links to", () => {
  const home = 'https://studio-muster.example/';
  const notice = 'https://studio-muster.example/impressum';
  const homePage = (imprintLink = notice): TabCapture => ({
    kind: 'page',
    page: { url: home, title: 'Studio Muster', capture: null, imprintLink },
  });
  const noticePage: TabCapture = {
    kind: 'page',
    page: {
      url: notice,
      title: 'Impressum',
      capture: null,
      imprint: { text: 'Impressum\nStudio Muster\nInhaberin: Erika Muster\nMusterweg 3\n50667 Köln', mails: [] },
    },
  };

  /**
   * The popup on these answers of the tab, one per read; `steps`: what the popup asked of the tab, in order (a read,
   * or a page opened in it).
   */
  async function mountOn(answers: TabCapture[], steps: string[] = [], { openMs = 0, slowMs = 1500 } = {}) {
    const s = createPopupState({
      slowMs,
      askCopy: noCopyAsked,
      later,
      db,
      now: () => NOW,
      capture: async () => {
        steps.push('read');
        return answers.shift() ?? { kind: 'restricted' };
      },
      open: async (url) => {
        steps.push(`open ${url}`);
        await new Promise((r) => setTimeout(r, openMs));
      },
      settings: async () => DEFAULT_SETTINGS,
      sync: async () => null,
    });
    return { s, root: await mountState(s) };
  }
  const offerIn = (root: HTMLElement) =>
    [...root.querySelectorAll<HTMLButtonElement>('.manual button')].find(
      (b) => b.textContent === 'Read the legal notice',
    );

  it('offers it; one click opens it in the tab and starts the form with whom it names', async () => {
    const steps: string[] = [];
    const { root } = await mountOn([homePage(), noticePage], steps);
    await vi.waitFor(() => expect(offerIn(root)).toBeDefined());
    expect(offerIn(root)?.parentElement?.textContent).toContain('Who runs this site is in its legal notice.');
    await act(async () => offerIn(root)?.click());
    await vi.waitFor(() =>
      expect(root.querySelector<HTMLInputElement>('.manual input[name="name"]')?.value).toBe('Erika Muster'),
    );
    // Opened first, then read.
    expect(steps).toEqual(['read', `open ${notice}`, 'read']);
    expect(root.querySelector('.manual summary')?.textContent).toContain('legal notice');
    // On the notice itself, nothing more to offer.
    expect(offerIn(root)).toBeUndefined();
  });

  it("a read the browser refuses after opening it (Firefox: the click's grant was for the page before) asks for another click", async () => {
    const { root } = await mountOn([homePage(), { kind: 'restricted' }]);
    await vi.waitFor(() => expect(offerIn(root)).toBeDefined());
    await act(async () => offerIn(root)?.click());
    await vi.waitFor(() =>
      expect(root.querySelector('.manual summary')?.textContent).toContain(
        'The legal notice is open: click the Reconnect icon once more to read it.',
      ),
    );
  });

  it('a notice slower to load than a page may take to answer is read, not said to be "not answering"', async () => {
    const { s, root } = await mountOn([homePage(), noticePage], [], { openMs: 120, slowMs: 30 });
    await vi.waitFor(() => expect(offerIn(root)).toBeDefined());
    await act(async () => {
      offerIn(root)?.click();
      await new Promise((r) => setTimeout(r, 80));
    });
    expect(s.phase.value).toBe('reading');
    await vi.waitFor(() => expect(s.page.value?.fromImprint?.name).toBe('Erika Muster'));
  });

  it("a link to another site's notice is not offered", async () => {
    const { root } = await mountOn([homePage('https://hoster.example/impressum')]);
    // The later code that would draw the offer has loaded (it draws the offer's place empty).
    await later();
    await act(async () => {});
    expect(root.querySelector('.manual input[name="name"]')).not.toBeNull();
    expect(offerIn(root)).toBeUndefined();
  });
});

describe("a page without a person that is one of a saved person's links", () => {
  const homepage = (url: string): TabCapture => ({
    kind: 'page',
    page: { url, title: 'Erika Mustermann – Illustration', capture: null },
  });
  /** Erika, saved with this link (and added at `at`). */
  const saveErika = (url: string, at = NOW) =>
    addContact(db, { name: 'Erika Mustermann', profiles: [{ url, site: 'web' }] }, { now: at });

  /** Types a name into the page's manual form and saves it, as the user would. */
  async function saveByHand(root: HTMLElement, typed: string) {
    const name = root.querySelector<HTMLInputElement>('.manual input[name="name"]');
    if (!name) throw new Error('no manual form');
    await act(async () => {
      name.value = typed;
      name.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      root.querySelector<HTMLButtonElement>('.manual button[type="submit"]')?.click();
    });
  }

  async function mountOn(tab: TabCapture) {
    const s = make(tab);
    return { s, root: await mountState(s) };
  }

  it('shows that person and their page, not a form that would add them again', async () => {
    const erika = await saveErika('https://erika-mustermann.example/portfolio', NOW - 30 * DAY);
    // The tab's address as the browser gives it: another case, a trailing slash, a query.
    const { s, root } = await mountOn(homepage('https://Erika-Mustermann.example/portfolio/?ref=x'));
    expect(s.existing.value?.id).toBe(erika.id);
    expect(root.querySelector('#capture-heading')?.textContent).toBe('Erika Mustermann');
    expect(root.querySelector('.capture .hint')?.textContent).toContain('This page is one of their saved links.');
    expect(root.querySelector('.manual')).toBeNull();
    await act(async () => {
      root.querySelector<HTMLButtonElement>('#open-contact')?.click();
    });
    expect(s.view.value).toEqual({ name: 'detail', id: erika.id });
    expect(await listAllInChunks(db)).toHaveLength(1);
  });

  it('is matched by the address alone: a page whose suggested name is a saved name still gets the form', async () => {
    await addContact(db, { name: 'Erika Mustermann' }, { now: NOW });
    const { s, root } = await mountOn({
      kind: 'page',
      page: {
        url: 'https://news.example/erika',
        title: 'Erika Mustermann',
        capture: null,
        suggestedName: 'Erika Mustermann',
      },
    });
    expect(s.existing.value).toBeUndefined();
    expect(root.querySelector('.manual input[name="name"]')).not.toBeNull();
  });

  it("a company's website that several people have is none of theirs: the form names them, and saves the next colleague with it", async () => {
    const site = 'https://www.acme.example/';
    const ada = await addContact(
      db,
      { name: 'Ada Acme', profiles: [{ url: 'https://www.acme.example', site: 'web' }] },
      { now: NOW },
    );
    const bo = await addContact(
      db,
      { name: 'Bo Acme', role: 'Einkauf', profiles: [{ url: 'https://www.acme.example', site: 'web' }] },
      { now: NOW },
    );
    const { s, root } = await mountOn(homepage(site));
    expect(s.existing.value).toBeUndefined();
    const line = () => root.querySelector('[data-testid="page-holders"]')?.textContent;
    await vi.waitFor(() => expect(line()).toBe("Saved with this page's address: Ada Acme, Bo Acme (Einkauf)"));
    expect(root.querySelector('.manual input[name="name"]')).not.toBeNull();
    await saveByHand(root, 'Cy Acme');
    await vi.waitFor(() => expect(line()).toBe("Saved with this page's address: Ada Acme, Bo Acme (Einkauf), Cy Acme"));
    expect(s.existing.value).toBeUndefined();
    await vi.waitFor(async () => expect(await listAllInChunks(db)).toHaveLength(3));
    const book = await listAllInChunks(db);
    expect(book.map((c) => [c.name, c.profiles.map((p) => p.url)]).sort()).toEqual([
      ['Ada Acme', ['https://www.acme.example']],
      ['Bo Acme', ['https://www.acme.example']],
      ['Cy Acme', ['https://www.acme.example']],
    ]);
    // Each a click from their page.
    await act(async () => {
      [...root.querySelectorAll<HTMLButtonElement>('[data-testid="page-holders"] button')][1]?.click();
    });
    expect(s.view.value).toEqual({ name: 'detail', id: bo.id });
    // Bo deleted (here or in another view): named no more; Cy's link to the page taken out: neither.
    await removeContact(db, bo.id);
    const cy = book.find((c) => c.name === 'Cy Acme');
    await updateContact(db, cy?.id ?? '', (c) => ({ ...c, profiles: [] }), { now: NOW });
    await act(async () => {
      s.view.value = { name: 'home' };
      await s.refresh([bo.id, cy?.id ?? '']);
    });
    await vi.waitFor(() => expect(line()).toBe("Saved with this page's address: Ada Acme"));
    // One of them alone with it: the page is that one's.
    const again = await mountOn(homepage(site));
    expect(again.s.existing.value?.id).toBe(ada.id);
  });

  it('a website that many have names the first five and how many more', async () => {
    for (const name of ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7'])
      await addContact(db, { name, profiles: [{ url: 'https://www.acme.example', site: 'web' }] }, { now: NOW });
    const { root } = await mountOn(homepage('https://www.acme.example'));
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="page-holders"]')?.textContent).toMatch(
        /^Saved with this page's address: (A\d, ){4}A\d and 2 more$/,
      ),
    );
  });

  it("a known site's other pages are nobody's link: the feed is not matched, nor given to whom the form adds", async () => {
    // Saved by hand on the feed before its address stopped being prefilled.
    await saveErika('https://www.linkedin.com/feed');
    const { s, root } = await mountOn({
      kind: 'page',
      page: { url: 'https://www.linkedin.com/feed/', title: 'Feed | LinkedIn', capture: null },
    });
    expect(s.existing.value).toBeUndefined();
    await saveByHand(root, 'Jonas Dörr');
    await vi.waitFor(async () => expect(await listAllInChunks(db)).toHaveLength(2));
    const jonas = (await listAllInChunks(db)).find((c) => c.name === 'Jonas Dörr');
    expect(jonas?.profiles).toEqual([]);
  });

  it('the form says it saves the page\'s address as their link; saved so, the card shows them, with the focus on "Open contact"', async () => {
    const { s, root } = await mountOn(homepage('https://erika-mustermann.example/'));
    expect(root.querySelector('.form-link')?.textContent).toContain(
      "Saved with this page's address: erika-mustermann.example",
    );
    await saveByHand(root, 'Erika Mustermann');
    await vi.waitFor(() => expect(root.querySelector('#capture-heading')?.textContent).toBe('Erika Mustermann'));
    expect(root.querySelector('.manual')).toBeNull();
    expect(document.activeElement?.id).toBe('open-contact');
    const [erika] = await listAllInChunks(db);
    expect(erika?.profiles).toEqual([{ url: 'https://erika-mustermann.example', site: 'web' }]);
    expect(s.existing.value?.id).toBe(erika?.id);
  });

  it("the page's address can be left out: saved without it, and the form stays for the next person", async () => {
    const { root } = await mountOn(homepage('https://news.example/story-1'));
    const leaveOut = root.querySelector<HTMLButtonElement>('.form-link button');
    expect(leaveOut?.getAttribute('aria-label')).toBe("Leave out this page's address");
    await act(async () => {
      leaveOut?.click();
    });
    expect(root.querySelector('.form-link')).toBeNull();
    // The button went with its line: the focus is in the form, not at the page's start.
    expect(document.activeElement).toBe(root.querySelector('.manual input[name="name"]'));
    await saveByHand(root, 'Tom Beispiel');
    await vi.waitFor(async () => expect(await listAllInChunks(db)).toHaveLength(1));
    expect((await listAllInChunks(db))[0]).toMatchObject({ name: 'Tom Beispiel', profiles: [] });
    expect(root.querySelector('.manual input[name="name"]')).not.toBeNull();
  });

  it('folds to one line when the answer came while the user was busy', async () => {
    await saveErika('https://erika-mustermann.example');
    const s = make(homepage('https://erika-mustermann.example/'));
    s.markInteracted();
    const root = await mountState(s);
    expect(root.querySelector('.slot #page-status')?.textContent).toBe(
      'Erika Mustermann: this page is one of their saved links.',
    );
    expect(root.querySelector('.slot #open-contact')).not.toBeNull();
  });
});

describe('a page with a person whose address someone saved has under another name', () => {
  /** A page of no known site with a person on it (a homepage's h-card, a company's team page). */
  const personOn = (url: string, name: string): TabCapture => ({
    kind: 'page',
    page: {
      url,
      title: name,
      capture: { name, profileUrl: url, site: 'web', sources: { name: 'json-ld' }, degraded: false },
    },
  });
  const line = (root: HTMLElement) => root.querySelector('.capture .namesakes p')?.textContent;
  const steps = (root: HTMLElement) => [...root.querySelectorAll<HTMLButtonElement>('.capture .namesakes button')];

  it('a homepage whose name is written otherwise than saved offers its saved person: the card becomes theirs', async () => {
    const erika = await addContact(
      db,
      { name: 'Erika Mustermann', profiles: [{ url: 'https://erika.example', site: 'web' }] },
      { now: NOW - 30 * DAY },
    );
    const s = make(personOn('https://erika.example', 'Erika Schmidt-Mustermann'));
    const root = await mountState(s);
    expect(s.existing.value).toBeUndefined();
    await vi.waitFor(() =>
      expect(line(root)).toBe("Saved with this page's address under another name. The same person?"),
    );
    expect(steps(root).map((b) => b.textContent)).toEqual(['This is Erika Mustermann']);
    await act(async () => {
      steps(root)[0]?.click();
    });
    await vi.waitFor(() => expect(s.existing.value?.id).toBe(erika.id));
    expect(root.querySelector('#capture-heading')?.textContent).toBe(t('captureHeadingKnown'));
    expect(root.querySelector('.capture .namesakes')).toBeNull();
    // Nothing of the page was taken unasked: the form shows her as saved, and edits her.
    const name = root.querySelector<HTMLInputElement>('.capture input[name="name"]');
    expect(name?.value).toBe('Erika Mustermann');
    expect((await listAllInChunks(db)).map((c) => c.name)).toEqual(['Erika Mustermann']);
    await act(async () => {
      if (name) name.value = 'Erika Schmidt-Mustermann';
      name?.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      root.querySelector<HTMLButtonElement>('.capture button[type="submit"]')?.click();
    });
    await vi.waitFor(async () =>
      expect((await listAllInChunks(db)).map((c) => c.name)).toEqual(['Erika Schmidt-Mustermann']),
    );
    // Under the page's name now, the next open finds her by the address at once.
    const again = make(personOn('https://erika.example', 'Erika Schmidt-Mustermann'));
    await mountState(again);
    expect(again.existing.value?.id).toBe(erika.id);
  });

  it("a colleague with the company's address is offered, not taken: Save adds the page's person", async () => {
    await addContact(
      db,
      { name: 'Ada Acme', role: 'Einkauf', profiles: [{ url: 'https://www.acme.example', site: 'web' }] },
      { now: NOW },
    );
    const s = make(personOn('https://www.acme.example', 'Max Acme'));
    const root = await mountState(s);
    await vi.waitFor(() => expect(steps(root).map((b) => b.textContent)).toEqual(['This is Ada Acme (Einkauf)']));
    await act(async () => {
      root.querySelector<HTMLButtonElement>('.capture button[type="submit"]')?.click();
    });
    await vi.waitFor(async () => expect(await listAllInChunks(db)).toHaveLength(2));
    expect(s.existing.value?.name).toBe('Max Acme');
    expect(root.querySelector('.capture .namesakes')).toBeNull();
    const max = (await listAllInChunks(db)).find((c) => c.name === 'Max Acme');
    expect(max?.profiles).toEqual([{ url: 'https://www.acme.example', site: 'web' }]);
  });

  it('a person on a website that several people have is none of theirs: nobody offered', async () => {
    for (const name of ['Ada Acme', 'Bo Acme'])
      await addContact(db, { name, profiles: [{ url: 'https://www.acme.example', site: 'web' }] }, { now: NOW });
    const s = make(personOn('https://www.acme.example', 'Max Acme'));
    const root = await mountState(s);
    expect(s.existing.value).toBeUndefined();
    expect(s.sharing.value).toBeUndefined();
    expect(s.complete.value).toBe(true);
    expect(root.querySelector('.capture .namesakes')).toBeNull();
  });

  it('a profile on a known site is matched by its link alone: no address line', async () => {
    await addContact(
      db,
      { name: 'Jürgen Müller', profiles: [{ url: 'https://www.linkedin.com/in/juergen', site: 'linkedin' }] },
      { now: NOW },
    );
    const s = make(onPage({ ...capture, name: 'Jürgen Müller-Lüdenscheidt' }));
    const root = await mountState(s);
    expect(s.existing.value?.name).toBe('Jürgen Müller');
    expect(s.sharing.value).toBeUndefined();
    expect(root.querySelector('.capture .namesakes')).toBeNull();
  });
});

describe("a contact's page: its form", () => {
  /** The popup on Anna's page, its form drawn. */
  async function annasPage() {
    setLanguage('en');
    const anna = await addContact(db, { name: 'Anna Berg', phones: ['+49 30 1234'] }, { now: NOW });
    const bernd = await addContact(db, { name: 'Bernd Vogel' }, { now: NOW });
    const s = make(onPage(null));
    const root = await mountState(s);
    await act(async () => {
      s.view.value = { name: 'detail', id: anna.id };
    });
    // The contact page is a chunk of its own: the first test to open it waits for its first transform.
    await vi.waitFor(() => expect(root.querySelector('.detail form')).not.toBeNull(), { timeout: 5000 });
    const field = (name: string) =>
      root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`.detail form [name="${name}"]`);
    const type = async (name: string, value: string) =>
      act(() => {
        const el = field(name);
        if (!el) throw new Error(`no field ${name}`);
        el.value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      });
    // The page's form of fields (the log's form above it has a submit button too).
    const save = () =>
      act(async () => {
        field('notes')?.closest('form')?.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      });
    const stored = async () => (await listAllInChunks(db)).find((c) => c.id === anna.id);
    return { s, root, anna, bernd, field, type, save, stored };
  }

  it('says the last contact once: in the reasons, not again beside when', async () => {
    const { s, root, anna } = await annasPage();
    const said = (text: RegExp) =>
      [...root.querySelectorAll('.detail *')].filter(
        (el) => text.test(el.textContent ?? '') && el.children.length === 0,
      );
    expect(root.querySelector('.detail .actions .hint')?.textContent).toMatch(/^Next: /);
    expect(said(/never contacted/i).map((el) => el.textContent)).toEqual([
      expect.stringMatching(/^Never contacted — added /),
    ]);
    await act(async () => {
      await s.contacted(anna.id, 'call', 'Über das Dach gesprochen');
    });
    await vi.waitFor(() => expect(said(/^Last: /).length).toBe(1));
    expect(said(/last contact|never contacted/i)).toEqual([]);
  });

  it('a link made on the page ("introduced by") shows in the form, and a save of another field keeps it', async () => {
    const { s, anna, bernd, field, type, save, stored } = await annasPage();
    await act(() => s.link(anna.id, bernd.id, 'introducedBy'));
    expect(field('introducedBy')?.value).toBe('Bernd Vogel');
    await type('notes', 'Kennt sich mit Dächern aus.');
    await save();
    await vi.waitFor(async () => expect((await stored())?.notes).toBe('Kennt sich mit Dächern aus.'));
    const after = await stored();
    expect(after?.introducedBy).toBe('Bernd Vogel');
    expect(after?.related.map((r) => [r.kind, r.id])).toEqual([['introducedBy', bernd.id]]);
  });

  it('a field changed elsewhere while the form is open keeps that change; what the user changed is saved', async () => {
    const { s, anna, field, type, save, stored } = await annasPage();
    await type('role', 'Architektin');
    // A sync step writes her new number meanwhile, and names her.
    const { updateContact } = await import('../../src/storage/contact-writes');
    await updateContact(db, anna.id, (old) => ({ ...old, phones: ['+49 30 9999'] }), { now: NOW, defaultCadence: 91 });
    await act(() => s.refresh([anna.id]));
    // The untouched field follows; the one being typed into keeps what was typed.
    expect(field('phones')?.value).toBe('+49 30 9999');
    expect(field('role')?.value).toBe('Architektin');
    await save();
    await vi.waitFor(async () => expect((await stored())?.role).toBe('Architektin'));
    expect((await stored())?.phones).toEqual(['+49 30 9999']);
  });
});

describe("a contact's page: when to get in touch", () => {
  it('says snoozed, due or next as the row does; a snooze or an overdue date is not "next"', async () => {
    setLanguage('en');
    const { dueLine } = await import('../../src/popup/ContactDetail');
    const now = new Date(2026, 11, 3, 10).getTime();
    const c = createContact({ name: 'Anna' }, 'manual', now - 100 * DAY, () => 'anna', 90);
    expect(dueLine({ ...c, nextDueAt: now + 5 * DAY }, now)).toBe('Next: in 5 days');
    expect(dueLine({ ...c, nextDueAt: now - DAY }, now)).toBe('Due: yesterday');
    const snoozed = { ...c, nextDueAt: now - DAY, snoozedUntil: new Date(2026, 11, 10, 10).getTime() };
    expect(dueLine(snoozed, now)).toBe('Snoozed until Dec 10, 2026');
    // The row's badge says the same day, short: not "snoozed until in 7 days".
    expect(dueBadge(snoozed, now)?.text).toBe('snoozed until Dec 10');
    expect(dueBadge({ ...c, nextDueAt: now - DAY }, now)?.text).toBe('overdue');
    const { nextDueAt: _, ...noCadence } = c;
    expect(dueLine({ ...noCadence, cadenceDays: null }, now)).toBe(t('cadenceNone'));
  });

  it('a row says "forgotten" of someone the user has not contacted for over a year, urgent where overdue too', () => {
    setLanguage('en');
    const now = new Date(2026, 11, 3, 10).getTime();
    const c = createContact({ name: 'Anna' }, 'manual', now - 500 * DAY, () => 'anna', 730);
    const { nextDueAt: _, ...noCadence } = c;
    // No cadence, added 500 days ago and never contacted; every two years, last contacted 400 days ago.
    expect(dueBadge({ ...noCadence, cadenceDays: null }, now)).toEqual({ text: 'forgotten', kind: 'forgotten' });
    const longAgo = { ...c, lastContactedAt: now - 400 * DAY, nextDueAt: now + 330 * DAY };
    expect(dueBadge(longAgo, now)).toEqual({ text: 'forgotten', kind: 'forgotten' });
    // Contacted this year: nothing to say. Overdue as well (as nearly everyone forgotten is), "forgotten" is said, as
    // urgently as "overdue"; due within the week, "forgotten" too. Snoozed: the user's snooze stands.
    expect(dueBadge({ ...longAgo, lastContactedAt: now - 200 * DAY }, now)).toBeNull();
    expect(dueBadge({ ...longAgo, lastContactedAt: now - 200 * DAY, nextDueAt: now - DAY }, now)?.kind).toBe('overdue');
    expect(dueBadge({ ...longAgo, nextDueAt: now - DAY }, now)).toEqual({
      text: 'forgotten',
      kind: 'forgotten',
      urgent: true,
    });
    expect(dueBadge({ ...longAgo, nextDueAt: now + 2 * DAY }, now)).toEqual({ text: 'forgotten', kind: 'forgotten' });
    expect(dueBadge({ ...longAgo, snoozedUntil: now + 7 * DAY }, now)?.kind).toBe('snoozed');
    setLanguage('de');
    expect(dueBadge(longAgo, now)?.text).toBe('vergessen');
    setLanguage('en');
  });
});

describe('text the user selected on a page without a person (a mail’s signature)', () => {
  const signature =
    'Mit freundlichen Grüßen\nPaul Pohl\nGeschäftsführer\nPohl Medien GmbH\nTel.: +49 228 123456\n' +
    'paul@pohl-medien.example\nwww.pohl-medien.example · XING: https://www.xing.com/profile/Paul_Pohl';
  const mailbox = (url = 'https://mail.example.org/inbox'): TabCapture => ({
    kind: 'page',
    page: { url, title: 'Angebot - Posteingang', capture: null },
  });

  /** The popup on this tab; `asked` counts the selection's reads. */
  async function mountWith(tab: TabCapture, selected: string, asked: string[] = []) {
    const s = createPopupState({
      askCopy: noCopyAsked,
      later,
      db,
      now: () => NOW,
      capture: async () => tab,
      selection: async () => {
        asked.push('selection');
        return selected;
      },
      settings: async () => DEFAULT_SETTINGS,
      sync: async () => null,
    });
    return { s, root: await mountState(s) };
  }
  const field = (root: HTMLElement, name: string) =>
    root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`.manual [name="${name}"]`)?.value;

  it('starts the manual form with whom it names, its links said as the text’s; left out, the person is saved without them', async () => {
    const { root } = await mountWith(mailbox(), signature);
    await vi.waitFor(() => expect(field(root, 'name')).toBe('Paul Pohl'));
    expect([field(root, 'role'), field(root, 'company')]).toEqual(['Geschäftsführer', 'Pohl Medien GmbH']);
    expect(root.querySelector('.manual summary')?.textContent).toContain('Read from the text you selected');
    const links = root.querySelector('.manual .form-link');
    expect(links?.textContent).toContain(
      'Saved with the web addresses in the text: www.pohl-medien.example, www.xing.com/profile/Paul_Pohl',
    );
    await act(async () => {
      links?.querySelector<HTMLButtonElement>('button')?.click();
    });
    await act(async () => {
      root.querySelector<HTMLButtonElement>('.manual button[type="submit"]')?.click();
    });
    await vi.waitFor(async () => expect(await listAllInChunks(db)).toHaveLength(1));
    const [paul] = await listAllInChunks(db);
    expect([paul?.name, paul?.emails, paul?.phones, paul?.profiles]).toEqual([
      'Paul Pohl',
      ['paul@pohl-medien.example'],
      ['+49 228 123456'],
      [],
    ]);
  });

  it('names someone saved (by their email address): the form says so and Update adds what the text says to them', async () => {
    const saved = await addContact(db, { name: 'Paul Pohl', emails: ['paul@pohl-medien.example'] }, { now: NOW });
    const { root } = await mountWith(mailbox(), signature);
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="selection-known"]')?.textContent).toBe(
        'Already saved: Paul Pohl. “Update” adds what the text says that is new.',
      ),
    );
    const submit = root.querySelector<HTMLButtonElement>('.manual button[type="submit"]');
    expect(submit?.textContent).toBe('Update');
    await act(async () => submit?.click());
    await vi.waitFor(async () => expect((await listAllInChunks(db))[0]?.phones).toEqual(['+49 228 123456']));
    const people = await listAllInChunks(db);
    expect(people.map((c) => [c.id, c.company])).toEqual([[saved.id, 'Pohl Medien GmbH']]);
  });

  it('once saved from the text, the form updates them: a second Save adds no second record', async () => {
    const { root } = await mountWith(mailbox(), signature);
    await vi.waitFor(() => expect(field(root, 'name')).toBe('Paul Pohl'));
    await act(async () => root.querySelector<HTMLButtonElement>('.manual button[type="submit"]')?.click());
    await vi.waitFor(() => expect(root.querySelector('.manual button[type="submit"]')?.textContent).toBe('Update'));
    await act(async () => root.querySelector<HTMLButtonElement>('.manual button[type="submit"]')?.click());
    await act(async () => {});
    expect(await listAllInChunks(db)).toHaveLength(1);
  });

  it('is not asked for on a page with a person, and a page without one and nothing selected is as before', async () => {
    const asked: string[] = [];
    const { s } = await mountWith(onPage(capture), signature, asked);
    expect(s.page.value?.capture?.name).toBe('Jürgen Müller');
    expect(asked).toEqual([]);
    const { root } = await mountWith(mailbox(), '', asked);
    expect(asked).toEqual(['selection']);
    await vi.waitFor(() =>
      expect(root.querySelector('.manual summary')?.textContent).toContain(
        "In an email: select the sender's signature, then click the Reconnect icon.",
      ),
    );
    expect(field(root, 'name')).toBe('');
    expect(root.querySelector('.manual .form-link')).toBeNull();
  });
});
