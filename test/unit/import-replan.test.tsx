// @vitest-environment jsdom
/**
 * An import's preview counts the file against the book as it is when the file is read. People saved or deleted
 * while the preview is open (the popup, a sync, "Delete everything") change what confirming does: the preview is
 * counted again, says so, and Import writes what it says — no one saved meanwhile is added a second time.
 */
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CIRCLES } from '../../src/contacts/circles';
import { createContact } from '../../src/contacts/merge';
import { makeBackup } from '../../src/interchange';
import { nameListProblemText } from '../../src/options/ImportPreview';
import { ImportSection } from '../../src/options/ImportSection';
import { PROMPTS } from '../../src/options/NameList';
import { t } from '../../src/platform/i18n';
import { deleteEverything } from '../../src/storage/contact-writes';
import { getContact, listAll } from '../../src/storage/contacts';
import { type DB, openDatabase } from '../../src/storage/db';
import { addContact } from '../../src/storage/draft-writes';
import { applyImport, planImport } from '../../src/storage/import';
import { DEFAULT_SETTINGS, getSettings } from '../../src/storage/settings';
import { setLanguage } from './support/fake-browser';

const CSV = [
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Erika,Muster,https://www.linkedin.com/in/erika-muster,,Beispiel GmbH,Leitung,12 Mar 2024',
  'John,Doe,https://www.linkedin.com/in/johndoe-1234,john@example.com,Acme,CTO,01 Jan 2020',
].join('\n');

let db: DB;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  setLanguage('en');
  db = await openDatabase();
});

/** The import section with the file read and its preview shown; `said(testid)` reads a line of the preview. */
async function preview(text: string, name = 'Connections.csv', onSettings = async () => {}) {
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  await act(async () =>
    render(<ImportSection db={db} circles={DEFAULT_SETTINGS.circles} onSettings={onSettings} />, root),
  );
  const input = root.querySelector<HTMLInputElement>('#import-file');
  if (!input) throw new Error('no file field');
  // jsdom's File cannot give its bytes: one that can, as the browser's does.
  const bytes = new TextEncoder().encode(text);
  const file = { name, type: 'text/plain', arrayBuffer: async () => bytes.buffer };
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change'));
  });
  const said = (id: string) => root.querySelector(`[data-testid="${id}"]`)?.textContent;
  await expect.poll(() => root.querySelector('.preview'), { timeout: 3000 }).not.toBeNull();
  return { root, said };
}

const importButton = (root: HTMLElement) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === t('importConfirm')) as HTMLButtonElement;

describe('an import preview open while people change', () => {
  it('a person saved meanwhile is merged, not added a second time, and the preview says it was counted again', async () => {
    const { root, said } = await preview(CSV);
    expect(said('import-new')).toBe('2 new people');
    expect(said('import-replanned')).toBeUndefined();
    await addContact(db, { name: 'John Doe', emails: ['john@example.com'] }, { now: 1 });
    await expect.poll(() => said('import-new'), { timeout: 3000 }).toBe('1 new person');
    expect(said('import-merge')).toBe('1 already in your contacts (will be merged)');
    expect(said('import-replanned')).toBe(t('importReplanned'));
    await act(async () => importButton(root).click());
    await expect
      .poll(() => root.querySelector('.import-done')?.textContent, { timeout: 3000 })
      .toBe('Imported: 1 new, 1 merged.');
    const people = await listAll(db);
    expect(people.map((p) => p.name).sort()).toEqual(['Erika Muster', 'John Doe']);
    expect(people.find((p) => p.name === 'John Doe')?.profiles?.map((p) => p.url)).toEqual([
      'https://www.linkedin.com/in/johndoe-1234',
    ]);
  });

  it('people deleted meanwhile are counted as new again, and Import brings them back', async () => {
    await addContact(db, { name: 'John Doe', emails: ['john@example.com'] }, { now: 1 });
    const { root, said } = await preview(CSV);
    expect(said('import-merge')).toBe('1 already in your contacts (will be merged)');
    await deleteEverything(db);
    await expect.poll(() => said('import-new'), { timeout: 3000 }).toBe('2 new people');
    expect(said('import-merge')).toBe('0 already in your contacts (will be merged)');
    await act(async () => importButton(root).click());
    await expect
      .poll(() => root.querySelector('.import-done')?.textContent, { timeout: 3000 })
      .toBe('Imported: 2 new, 0 merged.');
    expect((await listAll(db)).map((p) => p.name).sort()).toEqual(['Erika Muster', 'John Doe']);
  });

  it('a person deleted between the plan and its write comes back from the file instead of being dropped', async () => {
    const john = await addContact(db, { name: 'John Doe', emails: ['john@example.com'] }, { now: 1 });
    const plan = await planImport(db, [
      { name: 'John Doe', emails: ['john@example.com'], company: 'Acme' },
      { name: 'Erika Muster' },
    ]);
    expect(plan.merge.map((m) => m.id)).toEqual([john.id]);
    await deleteEverything(db);
    expect(await applyImport(db, plan, { now: 2, defaultCadence: 90, perWeek: 1 })).toEqual({
      added: 2,
      merged: 0,
      circles: [],
    });
    const people = await listAll(db);
    expect(people.map((p) => [p.name, p.company, p.source]).sort()).toEqual([
      ['Erika Muster', undefined, 'imported'],
      ['John Doe', 'Acme', 'imported'],
    ]);
    // Their first due dates are spread like any new people's (one a week here): not both in the same week.
    expect(new Set(people.map((p) => p.nextDueAt)).size).toBe(2);
  });
});

describe("a backup's settings", () => {
  const backup = (perReminder: number) =>
    makeBackup(
      [
        {
          ...createContact({ name: 'Tina Tennis', circles: ['Tennis'] }, 'manual', 1, () => 'tina', 30),
          related: [{ kind: 'distinct', id: 'kim', name: 'Tina Tennis' }],
        },
      ],
      { ...DEFAULT_SETTINGS, perReminder, circles: ['friends'] },
      1,
    );
  const box = (root: HTMLElement) =>
    [...root.querySelectorAll('label')]
      .find((l) => l.textContent === t('restoreSettings'))
      ?.querySelector<HTMLInputElement>('input[type="checkbox"]');

  it('are offered, ticked, and put back with the people; the page is told (the weekly alarm follows)', async () => {
    let told = 0;
    const { root } = await preview(backup(7), 'reconnect-backup.json', async () => {
      told++;
    });
    expect(box(root)?.checked).toBe(true);
    await act(async () => importButton(root).click());
    await expect
      .poll(() => root.querySelector('.import-done')?.textContent, { timeout: 3000 })
      .toBe(`Restored 1 contact. ${t('restoreDoneSettings')}`);
    expect(told).toBe(1);
    const settings = await getSettings(db);
    expect(settings.perReminder).toBe(7);
    expect(settings.circles).toEqual(['friends', ...DEFAULT_SETTINGS.circles.filter((c) => c !== 'friends'), 'Tennis']);
    // The "Different people" mark she carries comes back with her.
    expect((await getContact(db, 'tina'))?.related).toEqual([{ kind: 'distinct', id: 'kim', name: 'Tina Tennis' }]);
  });

  it('unticked, stay out: the settings here are kept, with the circles the people bring', async () => {
    let told = 0;
    const { root } = await preview(backup(9), 'reconnect-backup.json', async () => {
      told++;
    });
    const tick = box(root);
    if (!tick) throw new Error('no settings box');
    await act(async () => tick.click());
    expect(tick.checked).toBe(false);
    await act(async () => importButton(root).click());
    await expect
      .poll(() => root.querySelector('.import-done')?.textContent, { timeout: 3000 })
      .toBe('Restored 1 contact.');
    expect(told).toBe(0);
    const settings = await getSettings(db);
    expect(settings.perReminder).toBe(DEFAULT_SETTINGS.perReminder);
    expect(settings.circles).toEqual([...DEFAULT_SETTINGS.circles, 'Tennis']);
  });

  it('a backup without settings offers none', async () => {
    const bare = JSON.stringify({ ...JSON.parse(backup(7)), settings: undefined });
    const { root } = await preview(bare, 'reconnect-backup.json');
    expect(root.querySelector('.preview')?.textContent).toContain('Restore 1 contact from this backup.');
    expect(box(root)).toBeUndefined();
  });
});

describe("a file's new circles", () => {
  it("are named in the preview and become the book's with the people; the page is told", async () => {
    let told = 0;
    const card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tina Tennis\r\nCATEGORIES:Tennis,Freunde\r\nEND:VCARD\r\n';
    const { root, said } = await preview(card, 'tina.vcf', async () => {
      told++;
    });
    expect(said('import-circles')).toBe('New circles, from this file: Tennis.');
    await act(async () => importButton(root).click());
    await expect
      .poll(() => root.querySelector('.import-done')?.textContent, { timeout: 3000 })
      .toBe('Imported: 1 new, 0 merged. New circles: Tennis.');
    expect(told).toBe(1);
    expect((await getSettings(db)).circles).toEqual([...DEFAULT_SETTINGS.circles, 'Tennis']);
    expect((await listAll(db))[0]?.circles).toEqual(['Tennis', 'friends']);
  });
});

describe('a list of names written down (NameList)', () => {
  it('names with addresses pasted from a mail program: a line without a name is said at the field, nothing previewed; mended, the addresses find who is saved', async () => {
    const ben = await addContact(db, { name: 'Benjamin Bauer', emails: ['ben@bauer.de'] }, { now: 1 });
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    await act(async () =>
      render(<ImportSection db={db} circles={DEFAULT_SETTINGS.circles} onSettings={async () => {}} />, root),
    );
    const field = root.querySelector<HTMLTextAreaElement>('#name-list');
    const previewButton = [...root.querySelectorAll('button')].find((b) => b.textContent === t('nameListPreview'));
    if (!field || !previewButton) throw new Error('no list form');
    const write = (text: string) =>
      act(async () => {
        field.value = text;
        field.dispatchEvent(new Event('input'));
      });
    const problem = () => document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent;
    await write('Anna Alt <anna@alt.de>, Ben Bauer <BEN@bauer.de>\ncem@cakir.de\nDora\tdora@dietz.de');
    await act(async () => previewButton.click());
    await expect
      .poll(problem, { timeout: 3000 })
      .toBe(
        'Line 2: cem@cakir.de has no name. Write it before the address: Name <cem@cakir.de>. 1 more line cannot be read either.',
      );
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field);
    expect(root.querySelector('.preview')).toBeNull();
    // Nothing lost: the list is as written, to mend.
    expect(field.value).toBe('Anna Alt <anna@alt.de>, Ben Bauer <BEN@bauer.de>\ncem@cakir.de\nDora\tdora@dietz.de');
    await write('Anna Alt <anna@alt.de>, Ben Bauer <BEN@bauer.de>\nCem Cakir <cem@cakir.de>\nDora Dietz');
    expect(field.getAttribute('aria-invalid')).toBeNull();
    await act(async () => previewButton.click());
    await expect.poll(() => root.querySelector('.preview'), { timeout: 3000 }).not.toBeNull();
    const said = (id: string) => root.querySelector(`[data-testid="${id}"]`)?.textContent;
    expect(said('import-new')).toBe('3 new people');
    expect(said('import-merge')).toBe('1 already in your contacts (will be merged)');
    await act(async () => importButton(root).click());
    await expect
      .poll(() => root.querySelector('.import-done')?.textContent, { timeout: 3000 })
      .toBe('Imported: 3 new, 1 merged.');
    const people = await listAll(db);
    expect(people.map((p) => [p.name, p.emails]).sort()).toEqual([
      ['Anna Alt', ['anna@alt.de']],
      ['Benjamin Bauer', ['ben@bauer.de']],
      ['Cem Cakir', ['cem@cakir.de']],
      ['Dora Dietz', []],
    ]);
    expect(people.find((p) => p.id === ben.id)?.name).toBe('Benjamin Bauer');
  });

  it("says a list's problem in German too", () => {
    setLanguage('de');
    expect(nameListProblemText([{ line: 3, kind: 'columns' }])).toBe(
      'Zeile 3 hat mehrere Spalten, wie aus einer Tabelle kopiert: Importiere die Tabelle lieber als CSV-Datei, oder schreib eine Person pro Zeile.',
    );
    expect(
      nameListProblemText([
        { line: 1, kind: 'badAddress', address: 'a@' },
        { line: 2, kind: 'unclear' },
        { line: 4, kind: 'noName', address: 'x@y.de' },
      ]),
    ).toBe('Zeile 1: a@ ist keine E-Mail-Adresse. 2 weitere Zeilen sind ebenfalls nicht lesbar.');
  });

  it('every starting circle has its prompt, in both languages', () => {
    expect(Object.keys(PROMPTS).sort()).toEqual([...DEFAULT_CIRCLES].sort());
    for (const key of Object.values(PROMPTS)) expect(t(key)).not.toBe('');
  });

  it('goes through the preview into the book, in the circle chosen; a cancelled preview keeps the list, an import clears it', async () => {
    await addContact(db, { name: 'Ben Bauer' }, { now: 1 });
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    await act(async () =>
      render(<ImportSection db={db} circles={DEFAULT_SETTINGS.circles} onSettings={async () => {}} />, root),
    );
    const field = root.querySelector<HTMLTextAreaElement>('#name-list');
    const circle = root.querySelector<HTMLSelectElement>('#name-list-circle');
    const previewButton = [...root.querySelectorAll('button')].find((b) => b.textContent === t('nameListPreview'));
    if (!field || !circle || !previewButton) throw new Error('no list form');
    // Nothing written: said at the field, which gets the keyboard; nothing is previewed.
    await act(async () => previewButton.click());
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent).toBe(t('nameListEmpty'));
    expect(document.activeElement).toBe(field);
    expect(root.querySelector('.preview')).toBeNull();
    // Former colleagues: the prompt describes the field.
    await act(async () => {
      circle.value = 'formerColleagues';
      circle.dispatchEvent(new Event('change'));
    });
    await act(async () => {
      field.value = 'Anna Alt\nBen Bauer\n\nCem Cakir\n';
      field.dispatchEvent(new Event('input'));
    });
    expect(field.getAttribute('aria-invalid')).toBeNull();
    expect(document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      t('circlePrompt_formerColleagues'),
    );
    await act(async () => previewButton.click());
    await expect
      .poll(() => root.querySelector('.preview h3')?.textContent, { timeout: 3000 })
      .toBe('Your list: Former colleagues');
    const said = (id: string) => root.querySelector(`[data-testid="${id}"]`)?.textContent;
    expect(said('import-new')).toBe('2 new people');
    expect(said('import-merge')).toBe('1 already in your contacts (will be merged)');
    const cancel = [...root.querySelectorAll('button')].find((b) => b.textContent === t('cancel'));
    if (!cancel) throw new Error('no Cancel');
    await act(async () => cancel.click());
    expect(root.querySelector('.preview')).toBeNull();
    expect(field.value).toBe('Anna Alt\nBen Bauer\n\nCem Cakir\n');
    await act(async () => previewButton.click());
    await expect.poll(() => root.querySelector('.preview'), { timeout: 3000 }).not.toBeNull();
    await act(async () => importButton(root).click());
    await expect
      .poll(() => root.querySelector('.import-done')?.textContent, { timeout: 3000 })
      .toBe('Imported: 2 new, 1 merged.');
    expect(field.value).toBe('');
    const people = await listAll(db);
    expect(people.map((p) => [p.name, p.circles]).sort()).toEqual([
      ['Anna Alt', ['formerColleagues']],
      ['Ben Bauer', ['formerColleagues']],
      ['Cem Cakir', ['formerColleagues']],
    ]);
  });
});

describe("the entries' notes", () => {
  it('are counted on the folded details, the first 50 listed and the rest counted, in both languages', async () => {
    const rows = Array.from({ length: 53 }, (_, i) => `Person ${i + 1},not an address ${i + 1}`);
    const csv = ['Name,E-mail Address', ...rows].join('\n');
    const { root } = await preview(csv, 'kontakte.csv');
    const details = root.querySelector('.preview details');
    expect(details?.querySelector('summary')?.textContent).toBe('Details: 53 notes on entries');
    const items = [...(details?.querySelectorAll('li') ?? [])].map((li) => li.textContent);
    expect(items).toHaveLength(51);
    expect(items[0]).toBe('Entry 1: “not an address 1” is not an email address. The person is imported without it.');
    expect(items[50]).toBe('… and 3 more notes');

    setLanguage('de');
    const one = await preview('Name,E-mail Address\nAnna Alt,anna at alt\n', 'kontakte.csv');
    const de = one.root.querySelector('.preview details');
    expect(de?.querySelector('summary')?.textContent).toBe('Details: 1 Hinweis zu einem Eintrag');
    expect(de?.querySelectorAll('li')).toHaveLength(1);
  });
});
