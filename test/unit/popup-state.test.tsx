// @vitest-environment jsdom

import { effect } from '@preact/signals';
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { DAY } from '../../src/contacts/cadence';
import type { ProfileCapture } from '../../src/contacts/capture';
import type { TabCapture } from '../../src/platform/capture-tab';
import { App } from '../../src/popup/App';
import { createPopupState } from '../../src/popup/state';
import { addContact } from '../../src/storage/contacts';
import { type DB, openDatabase } from '../../src/storage/db';
import { DEFAULT_SETTINGS } from '../../src/storage/settings';
import { setLanguage } from './support/fake-browser';

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

const make = (tab: TabCapture = onPage(capture)) =>
  createPopupState({
    db,
    now: () => NOW,
    capture: async () => tab,
    settings: async () => DEFAULT_SETTINGS,
    sync: async () => null,
  });

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

  it('is loaded only when the page, the settings and the saved person are all known (drawn once, no flicker)', async () => {
    await addContact(
      db,
      { name: 'Jürgen Müller', profiles: [{ url: capture.profileUrl, site: 'linkedin' }] },
      { now: NOW },
    );
    const s = createPopupState({
      db,
      now: () => NOW,
      capture: async () => onPage(capture),
      settings: async () => ({ ...DEFAULT_SETTINGS, loadPhotos: false }),
      sync: async () => null,
    });
    const seen: [boolean, string | undefined, boolean][] = [];
    const stop = effect(() => {
      if (s.loaded.value) seen.push([s.loaded.value, s.existing.value?.name, s.settings.value.loadPhotos]);
    });
    await s.load();
    stop();
    expect(seen[0]).toEqual([true, 'Jürgen Müller', false]);
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

  it('header figures: people, contacted in 12 months, due this week, forgotten', async () => {
    await addContact(db, { name: 'Due', cadenceDays: 7 }, { now: NOW - 10 * DAY });
    await addContact(db, { name: 'Old', cadenceDays: null }, { now: NOW - 500 * DAY });
    await addContact(db, { name: 'Recent', cadenceDays: 30, lastContactedAt: NOW - DAY }, { now: NOW - 40 * DAY });
    const s = make();
    await s.load();
    expect(s.figures.value).toEqual({ total: 3, contactedLastYear: 1, dueThisWeek: 1, forgotten: 1 });
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
});

describe('popup rendering', () => {
  async function mount(tab: TabCapture, lang: 'en' | 'de' = 'en') {
    setLanguage(lang);
    const s = make(tab);
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    await act(async () => {
      render(<App state={s} />, root);
      await s.load();
    });
    return root;
  }

  it('shows the capture card with every field editable, rendering page text as text', async () => {
    const root = await mount(onPage({ ...capture, role: '<img src=x onerror=alert(1)>' }));
    const input = (name: string) => root.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value;
    expect(input('name')).toBe('Jürgen Müller');
    expect(input('company')).toBe('Bäckerei Müller');
    expect(input('role')).toBe('<img src=x onerror=alert(1)>');
    expect(root.querySelector('img[src="x"]')).toBeNull();
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

  it('the empty list teaches the idea and offers quick add and import', async () => {
    const root = await mount({ kind: 'restricted' });
    expect(root.textContent).toContain('Write down everyone you have contact with at least once a year');
    expect(root.querySelector('a[href="options.html#data"]')?.textContent).toBe('Import contacts');
  });
});
