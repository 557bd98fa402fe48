// @vitest-environment jsdom
/**
 * The field table (src/contacts/fields.ts) and everything derived from it: a contact with every field filled goes
 * through validation, the store, the JSON backup, vCard and CSV (for what each carries), merging and the editor.
 * Dropping a field from any one of them fails here; the lists below pin what each place carries.
 */
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CAPTURE_FIELDS,
  type ContactDraft,
  DRAFT_FIELDS,
  EDIT_FIELDS,
  type EditField,
  FIELD_NAMES,
  FIELDS,
  FORM_FIELDS,
  MORE_FIELDS,
  SEARCH_FIELDS,
} from '../../src/contacts/fields';
import { createContact, mergeDraft, uniteDrafts } from '../../src/contacts/merge';
import { haystack } from '../../src/contacts/search';
import { type Contact, INTERACTION_KINDS, isContact } from '../../src/contacts/types';
import { toContact } from '../../src/contacts/validate';
import { makeBackup, parseContactsFile, writeGoogleCsv, writeVCards } from '../../src/interchange';
import { CSV_FIELDS } from '../../src/interchange/csv-fields';
import { VCARD_FIELDS } from '../../src/interchange/vcard-fields';
import { t } from '../../src/platform/i18n';
import { ContactForm } from '../../src/popup/ContactForm';
import { bulkPut } from '../../src/storage/contact-writes';
import { getContact } from '../../src/storage/contacts';
import { openDatabase } from '../../src/storage/db';
import { CadenceSelect, KIND_LABEL, KINDS } from '../../src/ui/contact-controls';
import { EDITOR_CONTROLS } from '../../src/ui/EditorControls';
import { type ExtraControls, FIELD_LABEL, FieldControls } from '../../src/ui/FieldControls';
import { fromForm, toForm } from '../../src/ui/field-form';
import { setLanguage } from './support/fake-browser';

const T = new Date(2026, 2, 10, 9).getTime();
const DAY = 86_400_000;

/** Every field filled, with values that need escaping in every format. */
const FULL: Contact = {
  id: '6f1c2d3e-4b5a-4c6d-8e7f-0123456789ab',
  name: 'Jürgen Müller, Jr.',
  role: 'Inhaber; Bäckermeister',
  company: 'Bäckerei, Müller',
  location: 'Köln, NRW; Deutschland',
  photoUrl: 'https://media.example.org/juergen.jpg',
  profiles: [
    { url: 'https://www.xing.com/profile/Juergen_Mueller', site: 'xing' },
    { url: 'https://juergen.example.org', site: 'web' },
  ],
  emails: ['juergen@example.de', 'j@example.org'],
  phones: ['+49 221 555 0100', '+49 170 555 0101'],
  circles: ['clients', 'Kunden, A'],
  notes: 'Zeile 1\nZeile 2, mit Komma; Semikolon \\ Backslash',
  metVia: 'Vereinsfest 2019',
  introducedBy: 'Anna Beispiel',
  related: [
    { kind: 'introducedBy', id: '0b7e3a52-1c4d-4e8f-9a6b-2c3d4e5f6a7b', name: 'Anna Beispiel' },
    {
      kind: 'knows',
      id: '1c8f4b63-2d5e-4f90-8b7c-3d4e5f6a7b8c',
      name: 'Ben "Bäcker" Klein',
      note: 'Lehre zusammen; 1990, Köln\nzweite Zeile',
    },
    { kind: 'knows', name: 'Carla Ohne-Karte' },
  ],
  birthday: { month: 2, day: 29, year: 1972 },
  cadenceDays: 91,
  salutation: 'Frau',
  formal: true,
  lastContactedAt: T - 30 * DAY,
  nextDueAt: T + 61 * DAY,
  snoozedUntil: T + 3 * DAY,
  followUp: { at: T + 10 * DAY, note: 'Angebot, nachfassen' },
  interactions: [{ at: T - 30 * DAY, kind: 'call', note: 'Neuer Laden' }],
  history: [{ at: T - 60 * DAY, field: 'role', from: 'Geselle', to: 'Inhaber; Bäckermeister' }],
  source: 'captured',
  createdAt: T - 400 * DAY,
  updatedAt: T - 30 * DAY,
};

const pick = (c: Partial<Contact>, keys: readonly string[]) =>
  Object.fromEntries(keys.map((k) => [k, (c as Record<string, unknown>)[k]]));

describe('the field table', () => {
  it('the sample contact fills every field of the table', () => {
    for (const k of FIELD_NAMES) {
      const v = FULL[k];
      expect(v, k).not.toBeUndefined();
      if (Array.isArray(v) || typeof v === 'string') expect(v.length, k).toBeGreaterThan(0);
    }
  });

  it('pins what each place takes from it', () => {
    expect(DRAFT_FIELDS).toEqual([
      'name',
      'role',
      'company',
      'location',
      'photoUrl',
      'profiles',
      'emails',
      'phones',
      'circles',
      'notes',
      'metVia',
      'introducedBy',
      'related',
      'birthday',
      'cadenceDays',
      'salutation',
      'formal',
      'lastContactedAt',
      'followUp',
    ]);
    expect(CAPTURE_FIELDS).toEqual(['name', 'role', 'company', 'location', 'photoUrl']);
    expect(FORM_FIELDS).toEqual(['name', 'role', 'company', 'location', 'circles', 'notes', 'metVia', 'cadenceDays']);
    expect(MORE_FIELDS).toEqual(['emails', 'phones', 'birthday']);
    expect(SEARCH_FIELDS).toEqual(['name', 'role', 'company', 'location', 'circles', 'notes', 'metVia']);
    // Everything the user owns is editable; what the store keeps for itself is not, nor are the links (edited on
    // their own, both sides at once), nor what the contact log sets (the last contact, a follow-up).
    expect(EDIT_FIELDS).toEqual(
      DRAFT_FIELDS.filter((k) => k !== 'lastContactedAt' && k !== 'followUp' && k !== 'related'),
    );
  });

  it('validation reads every field back as it was stored', () => {
    expect(toContact(structuredClone(FULL))).toEqual(FULL);
  });

  it('a log stored in another order (a backup or card another app wrote) reads back oldest first', () => {
    const [a, b, c] = [1_700_000_000_000, 1_710_000_000_000, 1_720_000_000_000];
    const read = toContact({
      id: 'x',
      name: 'A',
      interactions: [
        { at: c, kind: 'call' },
        { at: a, kind: 'email', note: 'first' },
        { at: b, kind: 'meeting' },
        { at: a, kind: 'email', note: 'second' },
      ],
      history: [
        { at: b, field: 'role', to: 'CTO' },
        { at: a, field: 'role', to: 'Dev' },
      ],
    });
    expect(read?.interactions.map((i) => [i.at, i.note])).toEqual([
      [a, 'first'],
      [a, 'second'],
      [b, undefined],
      [c, undefined],
    ]);
    expect(read?.history.map((h) => h.to)).toEqual(['Dev', 'CTO']);
  });

  it('a stored record without its optional fields reads back without them, nothing invented', () => {
    const bare = toContact({ id: 'x', name: 'A' });
    expect(bare).toMatchObject({ id: 'x', name: 'A', profiles: [], emails: [], notes: '', cadenceDays: null });
    for (const k of ['role', 'company', 'location', 'photoUrl', 'metVia', 'introducedBy', 'birthday'] as const)
      expect(bare?.[k], k).toBeUndefined();
  });
});

describe('through the store and the backup', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });

  it('IndexedDB keeps every field', async () => {
    const db = await openDatabase();
    await bulkPut(db, [FULL]);
    expect(await getContact(db, FULL.id)).toEqual(FULL);
    db.close();
  });

  it('the JSON backup keeps every field', () => {
    const r = parseContactsFile(new TextEncoder().encode(makeBackup([FULL], {}, T)), 'backup.json');
    expect(r.backup?.contacts).toEqual([FULL]);
  });
});

describe('through vCard and CSV, for what each carries', () => {
  const VCARD_CARRIES = [
    'name',
    'role',
    'company',
    'location',
    'photoUrl',
    'profiles',
    'emails',
    'phones',
    'circles',
    'notes',
    'related',
    'birthday',
    // Reconnect's own property in sync; in a file, N's prefix (vCard) or Google's "Name Prefix", which say formal
    // address too (FULL is addressed formally).
    'salutation',
    'formal',
  ];
  // CSV has no column for links between people.
  const CSV_CARRIES = VCARD_CARRIES.filter((k) => k !== 'related');

  it('the tables carry what the README says', () => {
    // A file carries an own field where it reads one from what any address book writes.
    expect(DRAFT_FIELDS.filter((k) => !VCARD_FIELDS[k].own || VCARD_FIELDS[k].fromFile)).toEqual(VCARD_CARRIES);
    expect(DRAFT_FIELDS.filter((k) => CSV_FIELDS[k]?.google || k === 'formal')).toEqual(CSV_CARRIES);
  });

  // "Köln, NRW; Deutschland" comes back from ADR's locality as written.
  it.each(['4.0', '3.0'] as const)('vCard %s: every carried field comes back exactly', (version) => {
    const [back] = parseContactsFile(new TextEncoder().encode(writeVCards([FULL], version)), 'x.vcf').contacts;
    expect(pick(back as ContactDraft, VCARD_CARRIES)).toEqual(pick(FULL, VCARD_CARRIES));
  });

  it('Google CSV: every carried field comes back exactly', () => {
    const [back] = parseContactsFile(new TextEncoder().encode(writeGoogleCsv([FULL])), 'x.csv').contacts;
    expect(pick(back as ContactDraft, CSV_CARRIES)).toEqual(pick(FULL, CSV_CARRIES));
  });
});

describe('drafts: creating and merging go field by field', () => {
  const draft: ContactDraft = Object.fromEntries(DRAFT_FIELDS.map((k) => [k, FULL[k]])) as ContactDraft;

  it('a new contact takes every field of a draft', () => {
    const c = createContact(draft, 'manual', T, () => 'new');
    expect(pick(c, DRAFT_FIELDS)).toEqual(pick(FULL, DRAFT_FIELDS));
  });

  it('merging a full draft into someone with nothing: each field by its rule', () => {
    const empty = createContact({ name: 'Someone' }, 'manual', T - DAY, () => 'e', null);
    const merged = mergeDraft(empty, draft, T);
    for (const k of DRAFT_FIELDS) {
      const rule = FIELDS[k].merge;
      if (rule === 'keep') expect(merged[k], k).toEqual(empty[k]);
      else expect(merged[k], k).toEqual(FULL[k]);
    }
    expect(merged.history).toEqual([
      { at: T, field: 'role', to: FULL.role },
      { at: T, field: 'company', to: FULL.company },
    ]);
  });

  it('two drafts of one person: the first wins per field, every list is united', () => {
    const other: ContactDraft = {
      name: 'Other',
      role: 'Other role',
      emails: ['x@example.org'],
      phones: ['+1'],
      circles: ['friends'],
      profiles: [{ url: 'https://github.com/x', site: 'github' }],
    };
    const u = uniteDrafts(draft, other);
    expect(u.name).toBe(FULL.name);
    expect(u.role).toBe(FULL.role);
    expect(u.emails).toEqual([...FULL.emails, 'x@example.org']);
    expect(u.phones).toEqual([...FULL.phones, '+1']);
    expect(u.circles).toEqual([...FULL.circles, 'friends']);
    expect(u.profiles).toEqual([...FULL.profiles, { url: 'https://github.com/x', site: 'github' }]);
  });

  it("two drafts of one person: both notes' lines, a line they share once, and the later last contact", () => {
    const first: ContactDraft = { name: 'Vera Vogel', notes: 'Messe Köln 2024\nKinder: 2', lastContactedAt: 1_000 };
    const second: ContactDraft = { name: 'Vera Vogel', notes: 'vom Handy\nMesse Köln 2024', lastContactedAt: 2_000 };
    expect(uniteDrafts(first, second)).toMatchObject({
      notes: 'vom Handy\nMesse Köln 2024\nKinder: 2',
      lastContactedAt: 2_000,
    });
    expect(uniteDrafts(second, { name: 'Vera Vogel' })).toEqual(second);
    expect(uniteDrafts({ name: 'Vera Vogel' }, first)).toMatchObject({ name: 'Vera Vogel', notes: first.notes });
  });

  it('two cards of one person that say when they were changed (REV): the one changed last is the newer account', () => {
    const older: ContactDraft = {
      name: 'Vera Vogel',
      role: 'Praktikantin',
      emails: ['v@alt.example'],
      writtenAt: 1_000,
    };
    const newer: ContactDraft = { name: 'Vera Vogel', role: 'Leiterin', emails: ['v@vogel.example'], writtenAt: 2_000 };
    for (const u of [uniteDrafts(older, newer), uniteDrafts(newer, older)])
      expect(u).toMatchObject({ role: 'Leiterin', emails: ['v@vogel.example', 'v@alt.example'], writtenAt: 2_000 });
    // Only one says when: the file's order stands.
    const { writtenAt: _, ...undated } = older;
    expect(uniteDrafts(undated, newer).role).toBe('Praktikantin');
    expect(uniteDrafts(newer, undated).role).toBe('Leiterin');
  });

  it('two drafts of one person: an empty value of the first is no value, the second fills it', () => {
    const first: ContactDraft = { name: 'Vera Vogel', role: 'Inhaberin', company: '', emails: [] };
    const second: ContactDraft = {
      name: 'Vera Vogel',
      role: 'CEO',
      company: 'Vogel GmbH',
      emails: ['v@vogel.example'],
    };
    expect(uniteDrafts(first, second)).toMatchObject({
      role: 'Inhaberin',
      company: 'Vogel GmbH',
      emails: ['v@vogel.example'],
    });
  });

  it('the search text holds every searched field', () => {
    const hay = haystack(FULL);
    for (const w of ['jurgen', 'backermeister', 'backerei', 'koln', 'kunden, a', 'semikolon', 'vereinsfest'])
      expect(hay, w).toContain(w);
  });
});

describe('the editor edits every field a user owns', () => {
  it('a form of the contact reads back to the same values', () => {
    const form = toForm(EDIT_FIELDS, FULL);
    const read = fromForm(EDIT_FIELDS, form, T);
    expect(read).toEqual({ ok: true, values: pick(FULL, EDIT_FIELDS) });
  });

  it.each([
    ['birthday', { day: '30', month: '2', year: '' }, 'errorBirthday'],
    ['birthday', { day: '1', month: '1', year: '1820' }, 'errorBirthday'],
    ['birthday', { day: '1', month: '1', year: '2031' }, 'errorBirthday'],
    ['photoUrl', 'javascript:alert(1)', 'errorWebAddress'],
    ['name', '   ', 'errorNameRequired'],
  ] as const)('refuses a bad %s with a message', (field, value, error) => {
    const form = { ...toForm(EDIT_FIELDS, FULL), [field]: value };
    expect(fromForm(EDIT_FIELDS, form, T)).toEqual({ ok: false, field, error });
  });

  it.each([
    ['a@example.org\nnot an address', 'not an address'],
    ['<anna@example.org>', '<anna@example.org>'],
    ['anna@example.org\n anna,bo@example.org ', 'anna,bo@example.org'],
  ])('refuses an email that is none, named in the message: %j', (emails, bad) => {
    const form = { ...toForm(EDIT_FIELDS, FULL), emails };
    expect(fromForm(EDIT_FIELDS, form, T)).toEqual({ ok: false, field: 'emails', error: 'errorEmail', subs: [bad] });
  });

  it.each([
    ['0228 123456\nprivat', 'privat'],
    ['k. A.', 'k. A.'],
  ])('refuses a phone line without a digit, named in the message: %j', (phones, bad) => {
    const form = { ...toForm(EDIT_FIELDS, FULL), phones };
    expect(fromForm(EDIT_FIELDS, form, T)).toEqual({ ok: false, field: 'phones', error: 'errorPhone', subs: [bad] });
  });

  it('a phone line stored already without a digit (an earlier import kept it) is not refused: the other edits are saved', () => {
    const form = { ...toForm(EDIT_FIELDS, FULL), phones: 'privat\n0228 123456', notes: 'neu' };
    expect(fromForm(EDIT_FIELDS, form, T, { phones: ['privat'] })).toMatchObject({
      ok: true,
      values: { phones: ['privat', '0228 123456'], notes: 'neu' },
    });
    expect(fromForm(EDIT_FIELDS, { ...form, phones: 'privat\nbüro' }, T, { phones: ['privat'] })).toMatchObject({
      ok: false,
      subs: ['büro'],
    });
  });

  it('a phone line as people write numbers is one (+, spaces, slashes, brackets, an extension)', () => {
    const phones = '+49 (0)30 123 45-67\n0228/123456\n(030) 1234567 Durchwahl 12';
    expect(fromForm(['phones'], { ...toForm(EDIT_FIELDS, FULL), phones }, T)).toEqual({
      ok: true,
      values: { phones: ['+49 (0)30 123 45-67', '0228/123456', '(030) 1234567 Durchwahl 12'] },
    });
  });

  it("an email address with a dotless host (an intranet's) or an apostrophe and a plus is one", () => {
    const form = { ...toForm(EDIT_FIELDS, FULL), emails: "anna@intranet\no'brien+news@example.ie" };
    expect(fromForm(['emails'], form, T)).toEqual({
      ok: true,
      values: { emails: ['anna@intranet', "o'brien+news@example.ie"] },
    });
  });

  it('29 February without a year is a birthday; an empty birthday clears it', () => {
    const form = toForm(EDIT_FIELDS, FULL);
    expect(fromForm(['birthday'], { ...form, birthday: { day: '29', month: '2', year: '' } }, T)).toEqual({
      ok: true,
      values: { birthday: { month: 2, day: 29 } },
    });
    expect(fromForm(['birthday'], { ...form, birthday: { day: '', month: '', year: '' } }, T)).toEqual({
      ok: true,
      values: { birthday: undefined },
    });
  });

  it('the short form folds what a page does not give (closed), and saves it', async () => {
    setLanguage('en');
    const root = document.createElement('div');
    document.body.append(root);
    const saved: ContactDraft[] = [];
    render(
      <ContactForm
        initial={{ name: 'Oma' }}
        circles={[]}
        defaultCadence={91}
        submitLabel="Save"
        onSubmit={async (d) => void saved.push(d)}
      />,
      root,
    );
    const fold = root.querySelector('details');
    expect(fold?.querySelector('summary')?.textContent).toBe('Email, phone, birthday');
    expect(fold?.open).toBe(false);
    // Closed, its controls are not drawn (the capture card is drawn while the user waits); unfolded, they are.
    expect(fold?.querySelectorAll('input, textarea, select')).toHaveLength(0);
    fold?.querySelector('summary')?.click();
    await new Promise((r) => setTimeout(r));
    expect(fold?.open).toBe(true);
    // Its birthday comes with the popup's later code: drawn once that is loaded.
    await vi.waitFor(() => expect(fold?.querySelector('.birthday select')).not.toBeNull());
    const phones = [...(fold?.querySelectorAll('textarea') ?? [])].find(
      (a) => a.labels?.[0]?.textContent === t('fieldPhones'),
    );
    if (!phones) throw new Error('no phone field in the fold');
    phones.value = '+49 221 123456';
    phones.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r));
    root.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await new Promise((r) => setTimeout(r));
    expect(saved).toMatchObject([{ name: 'Oma', phones: ['+49 221 123456'], cadenceDays: 91 }]);
    render(null, root);
    root.remove();
  });

  it("the closed fold says what it holds: the book's values, and what a late page answer put there", async () => {
    setLanguage('en');
    const root = document.createElement('div');
    document.body.append(root);
    const summary = () => root.querySelector('details summary')?.textContent;
    const form = (fill?: ContactDraft) => (
      <ContactForm
        initial={{ name: 'Jan M.' }}
        circles={[]}
        defaultCadence={91}
        submitLabel="Save"
        onSubmit={async () => {}}
        fill={fill}
      />
    );
    render(form(), root);
    expect(summary()).toBe('Email, phone, birthday');
    // The page answered late (its legal notice): the fold stays closed, under the user's typing, and says it.
    render(form({ name: 'Jan Muster', emails: ['jan@studio.example'], phones: ['0221 123456'] }), root);
    await vi.waitFor(() => expect(summary()).toBe('Email, phone, birthday: jan@studio.example, 0221 123456'));
    expect(root.querySelector('details')?.open).toBe(false);
    // A birthday as a date, with its year or without.
    render(form({ name: 'Jan Muster', birthday: { day: 23, month: 4, year: 1985 } }), root);
    await vi.waitFor(() => expect(summary()).toBe('Email, phone, birthday: April 23, 1985'));
    render(null, root);
    render(form({ name: 'Jan Muster', birthday: { day: 29, month: 2 } }), root);
    await vi.waitFor(() => expect(summary()).toBe('Email, phone, birthday: February 29'));
    // Open, the fields say it themselves.
    (root.querySelector('details summary') as HTMLElement).click();
    await new Promise((r) => setTimeout(r));
    expect(summary()).toBe('Email, phone, birthday');
    render(null, root);
    root.remove();
  });

  it('the short form says how often to get in touch: the cadence new people get, a saved person their own', async () => {
    setLanguage('de');
    const root = document.createElement('div');
    document.body.append(root);
    const saved: ContactDraft[] = [];
    const form = (fill?: ContactDraft) => (
      <ContactForm
        initial={{ name: 'Oma' }}
        circles={[]}
        defaultCadence={30}
        submitLabel="Speichern"
        onSubmit={async (d) => void saved.push(d)}
        fill={fill}
      />
    );
    const select = () => root.querySelector('select') as HTMLSelectElement;
    const chosen = () => select().selectedOptions[0]?.textContent;
    render(form(), root);
    // In sight with the other fields (not in the fold), labelled.
    expect(select().closest('details')).toBeNull();
    expect(select().labels?.[0]?.textContent).toBe('Wie oft melden');
    expect(chosen()).toBe('jeden Monat');
    // A page's late answer carries no cadence: the field keeps the one new people get.
    render(form({ name: 'Oma', location: 'Köln' }), root);
    await new Promise((r) => setTimeout(r));
    expect(chosen()).toBe('jeden Monat');
    // Someone saved (the late answer named them): theirs.
    render(form({ name: 'Oma', cadenceDays: 365 }), root);
    await vi.waitFor(() => expect(chosen()).toBe('jedes Jahr'));
    // The user's choice stands against what comes later, and is saved; none (no reminders) is one too.
    select().value = 'null';
    select().dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => setTimeout(r));
    render(form({ name: 'Oma', cadenceDays: 91 }), root);
    await new Promise((r) => setTimeout(r));
    expect(chosen()).toBe('keine Erinnerung');
    root.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await new Promise((r) => setTimeout(r));
    expect(saved).toMatchObject([{ name: 'Oma', cadenceDays: null }]);
    render(null, root);
    // Chosen without a late answer: saved as chosen.
    render(form(), root);
    select().value = '7';
    select().dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => setTimeout(r));
    root.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await new Promise((r) => setTimeout(r));
    expect(saved[1]).toMatchObject({ name: 'Oma', cadenceDays: 7 });
    render(null, root);
    root.remove();
  });

  it('a refused save marks its field and puts the focus there, unfolding the fold it is in', async () => {
    setLanguage('en');
    const root = document.createElement('div');
    document.body.append(root);
    const saved: ContactDraft[] = [];
    render(
      <ContactForm
        initial={{ name: '' }}
        circles={[]}
        defaultCadence={91}
        submitLabel="Save"
        onSubmit={async (d) => void saved.push(d)}
      />,
      root,
    );
    const settle = () => new Promise((r) => setTimeout(r));
    const submit = async () => {
      root.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
      await settle();
    };
    const type = async (el: HTMLInputElement | HTMLTextAreaElement, value: string) => {
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      await settle();
    };
    const name = root.querySelector('input[name="name"]') as HTMLInputElement;
    await submit();
    // The message stands below the field it is about, which it describes.
    const message = () => document.getElementById(name.getAttribute('aria-describedby') ?? '');
    expect(message()?.textContent).toBe(t('errorNameRequired'));
    expect(message()?.getAttribute('role')).toBe('alert');
    expect(message()?.parentElement).toBe(name.parentElement);
    expect(root.querySelectorAll('[role="alert"]')).toHaveLength(1);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(name);
    await type(name, 'Oma');
    expect(name.hasAttribute('aria-invalid')).toBe(false);
    expect(root.querySelector('[role="alert"]')).toBeNull();
    // An email typed in the fold, the fold closed again: the refusal unfolds it and goes to the email.
    const fold = root.querySelector('details') as HTMLDetailsElement;
    fold.querySelector('summary')?.click();
    await settle();
    await type(root.querySelector('textarea[name="emails"]') as HTMLTextAreaElement, 'oma@');
    fold.querySelector('summary')?.click();
    await settle();
    expect(root.querySelector('textarea[name="emails"]')).toBeNull();
    await submit();
    await settle();
    const emails = root.querySelector('textarea[name="emails"]') as HTMLTextAreaElement;
    expect(fold.open).toBe(true);
    expect(emails.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(emails.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      t('errorEmail', 'oma@'),
    );
    expect(document.activeElement).toBe(emails);
    expect(name.hasAttribute('aria-invalid')).toBe(false);
    expect(saved).toEqual([]);
    await type(emails, 'oma@example.org');
    await submit();
    expect(saved).toMatchObject([{ name: 'Oma', emails: ['oma@example.org'] }]);
    await vi.waitFor(() => expect(fold.querySelector('.birthday select')).not.toBeNull());
    render(null, root);
    root.remove();
  });

  it('renders a labelled control for every editable field', () => {
    setLanguage('en');
    const root = document.createElement('div');
    render(
      <FieldControls
        fields={EDIT_FIELDS}
        form={toForm(EDIT_FIELDS, FULL)}
        onChange={() => {}}
        circles={[]}
        extra={EDITOR_CONTROLS}
      />,
      root,
    );
    const labels = [...root.querySelectorAll('label, legend')].map((l) => l.textContent);
    for (const k of EDIT_FIELDS) expect(labels, k).toContain(t(FIELD_LABEL[k]));
    expect(new Set(EDIT_FIELDS.map((k) => t(FIELD_LABEL[k]))).size).toBe(EDIT_FIELDS.length);
  });

  it("the short form needs none of the editor's own controls, which stay out of the popup's first screen", () => {
    const root = document.createElement('div');
    const controls = (fields: EditField[], extra?: Partial<ExtraControls>) =>
      render(
        <FieldControls fields={fields} form={toForm(fields, FULL)} onChange={() => {}} circles={[]} extra={extra} />,
        root,
      );
    controls([...FORM_FIELDS]);
    const labels = [...root.querySelectorAll('label, legend')].map((l) => l.textContent);
    for (const k of FORM_FIELDS) expect(labels, k).toContain(t(FIELD_LABEL[k]));
    // Its fold only the birthday, which comes with the later code.
    controls([...MORE_FIELDS], { birthday: EDITOR_CONTROLS.birthday });
    expect(root.querySelector<HTMLSelectElement>('.birthday select')?.selectedOptions[0]?.textContent).toBe('February');
    // A field of a passed-in kind without its control is a programming error, said as such.
    expect(() => controls(['formal'], { birthday: EDITOR_CONTROLS.birthday })).toThrow(
      "formal needs the editor's controls",
    );
    expect(() => controls([...MORE_FIELDS])).toThrow("birthday needs the editor's controls");
  });

  it('a cadence that is no preset (a synced card, a backup) is said in days, in either language', () => {
    const root = document.createElement('div');
    const shown = (value: number | null) => {
      render(<CadenceSelect id="c" value={value} onChange={() => {}} />, root);
      const select = root.querySelector('select') as HTMLSelectElement;
      return { chosen: select.selectedOptions[0]?.textContent, options: select.options.length };
    };
    setLanguage('de');
    expect(shown(90)).toEqual({ chosen: 'alle 90 Tage', options: 7 });
    expect(shown(1)).toEqual({ chosen: 'jeden Tag', options: 7 });
    expect(shown(91)).toEqual({ chosen: 'jedes Quartal', options: 6 });
    expect(shown(null)).toEqual({ chosen: 'keine Erinnerung', options: 6 });
    setLanguage('en');
    expect(shown(90)).toEqual({ chosen: 'every 90 days', options: 7 });
    expect(shown(1000)).toEqual({ chosen: 'every 1,000 days', options: 7 });
  });
});

describe('the log', () => {
  it('offers by hand the kinds that are a contact, most common first: an introduction asked for is neither', () => {
    expect(KINDS).toEqual(['message', 'call', 'meeting', 'email', 'other']);
    for (const kind of INTERACTION_KINDS) {
      expect(KIND_LABEL[kind], kind).toBeTruthy();
      expect((KINDS as readonly string[]).includes(kind), kind).toBe(isContact({ at: T, kind }));
    }
  });
});
