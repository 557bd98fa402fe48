import { IDBFactory } from 'fake-indexeddb';
import { type IDBPDatabase, openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { addDays, DAY } from '../../src/contacts/cadence';
import { effectiveDueAt, isDue } from '../../src/contacts/due';
import type { ContactDraft } from '../../src/contacts/fields';
import { createContact } from '../../src/contacts/merge';
import { matchKey as matchKeyOf } from '../../src/contacts/normalize';
import { haystack } from '../../src/contacts/search';
import { toContact } from '../../src/contacts/validate';
import { onChange } from '../../src/storage/changes';
import { bulkPut, markContacted, snooze, updateContact } from '../../src/storage/contact-writes';
import {
  birthdaysSoon,
  countDue,
  dueInOrder,
  findContactFor,
  findMatch,
  firstByDue,
  followUpsInOrder,
  getContact,
  getMany,
  linkHolders,
  listAll,
  listAllInChunks,
  matcherOf,
} from '../../src/storage/contacts';
import { type DB, DB_NAME, DB_VERSION, openDatabase } from '../../src/storage/db';
import { markDistinct } from '../../src/storage/distinct';
import { addContact, mergeInto, upsertDraft } from '../../src/storage/draft-writes';
import { asOpenError, asStoreError, guarded, StoreError, settle } from '../../src/storage/errors';
import { removeContact, restoreContact } from '../../src/storage/links';
import { namesakes } from '../../src/storage/namesakes';
import { readSearchIndex } from '../../src/storage/search-index';
import { BUCKETS, bucketOf, writeWholeIndex } from '../../src/storage/search-lines';
import { searchBuckets } from '../../src/storage/search-scan';
import { DEFAULT_SETTINGS, getSettings, saveSettings } from '../../src/storage/settings';
import { applySyncWrite } from '../../src/storage/sync-steps';
import SCHEMA_V1 from '../fixtures/schema-v1.json';
import SCHEMA_V2 from '../fixtures/schema-v2.json';
import SCHEMA_V3 from '../fixtures/schema-v3.json';
import SCHEMA_V4 from '../fixtures/schema-v4.json';
import SCHEMA_V5 from '../fixtures/schema-v5.json';
import SCHEMA_V6 from '../fixtures/schema-v6.json';
import SCHEMA_V7 from '../fixtures/schema-v7.json';
import SCHEMA_V8 from '../fixtures/schema-v8.json';
import SCHEMA_V9 from '../fixtures/schema-v9.json';
import SCHEMA_V10 from '../fixtures/schema-v10.json';
import { sameIndex } from './support/same-index';

let db: DB;
let n = 0;
const newId = () => `c${++n}`;
const T0 = new Date(2026, 0, 5, 9).getTime();
const ctx = (now = T0) => ({ now, newId, defaultCadence: 30 });

beforeEach(async () => {
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
  n = 0;
  db = await openDatabase();
});

const jane: ContactDraft = {
  name: 'Jane Müller',
  role: 'Designer',
  company: 'Acme',
  profiles: [{ url: 'https://www.linkedin.com/in/jane', site: 'linkedin' }],
};

describe('upsertDraft: never lose or duplicate a person', () => {
  it('creates, then recognises the same profile URL and reports what changed', async () => {
    const a = await upsertDraft(db, jane, 'captured', ctx());
    expect(a.status).toBe('created');
    const b = await upsertDraft(db, { ...jane, role: 'Head of Design' }, 'captured', ctx(T0 + DAY));
    expect(b).toMatchObject({ status: 'updated', changes: ['role'] });
    expect(b.contact.history).toEqual([{ at: T0 + DAY, field: 'role', from: 'Designer', to: 'Head of Design' }]);
    const c = await upsertDraft(db, { ...jane, role: 'Head of Design' }, 'captured', ctx(T0 + 2 * DAY));
    expect(c.status).toBe('unchanged');
    expect(await listAll(db)).toHaveLength(1);
  });

  it.each([
    ['an email', { name: 'J. Müller', emails: ['JANE@example.com'] }],
    ['name + company, umlaut-insensitive', { name: 'Jane Mueller', company: 'ACME' }],
  ])('matches by %s when no profile URL is shared', async (_, draft) => {
    await upsertDraft(db, { ...jane, emails: ['jane@example.com'] }, 'captured', ctx());
    const r = await upsertDraft(db, draft as ContactDraft, 'imported', ctx(T0 + DAY));
    expect(r.status).not.toBe('created');
    expect(await listAll(db)).toHaveLength(1);
  });

  it('mergeInto adds to the person named by id, whatever the draft would match; writes nothing when it adds nothing', async () => {
    const saved = await upsertDraft(db, jane, 'captured', ctx());
    // No link, another name: matching would make a second record of her.
    const r = await mergeInto(db, saved.contact.id, { name: 'J. M.', notes: 'Neue Nummer.' }, ctx(T0 + DAY));
    expect(r.status).toBe('updated');
    expect(await listAll(db)).toEqual([expect.objectContaining({ name: 'Jane Müller', notes: 'Neue Nummer.' })]);
    const again = await mergeInto(db, saved.contact.id, { name: 'J. M.', notes: 'Neue Nummer.' }, ctx(T0 + 2 * DAY));
    expect(again.status).toBe('unchanged');
    expect((await getContact(db, saved.contact.id))?.updatedAt).toBe(T0 + DAY);
  });

  it("mergeInto keeps their cadence against a draft's, and sets the one the user chose in the form", async () => {
    const saved = await upsertDraft(db, jane, 'captured', { ...ctx(), defaultCadence: 91 });
    // A draft's cadence (the form's, shown as hers) does not overwrite hers: only a choice does.
    const kept = await mergeInto(db, saved.contact.id, { name: 'Jane Müller', cadenceDays: 7 }, ctx(T0 + DAY));
    expect(kept.status).toBe('unchanged');
    const chosen = await mergeInto(
      db,
      saved.contact.id,
      { name: 'Jane Müller', notes: 'Kundin seit Mai.', cadenceDays: 30 },
      ctx(T0 + DAY),
      { cadenceDays: 30 },
    );
    expect(chosen.status).toBe('updated');
    expect(await getContact(db, saved.contact.id)).toMatchObject({
      cadenceDays: 30,
      notes: 'Kundin seit Mai.',
      nextDueAt: addDays(T0, 30),
    });
    // None (no reminders) is a choice too; the same choice again writes nothing.
    await mergeInto(db, saved.contact.id, { name: 'Jane Müller' }, ctx(T0 + 2 * DAY), { cadenceDays: null });
    expect(await getContact(db, saved.contact.id)).toMatchObject({ cadenceDays: null, updatedAt: T0 + 2 * DAY });
    expect((await getContact(db, saved.contact.id))?.nextDueAt).toBeUndefined();
    const again = await mergeInto(db, saved.contact.id, { name: 'Jane Müller' }, ctx(T0 + 3 * DAY), {
      cadenceDays: null,
    });
    expect(again.status).toBe('unchanged');
  });

  it('does not merge two people who only share a name', async () => {
    await upsertDraft(db, jane, 'captured', ctx());
    const other = await upsertDraft(
      db,
      { name: 'Jane Müller', profiles: [{ url: 'https://github.com/otherjane', site: 'github' }] },
      'captured',
      ctx(),
    );
    expect(other.status).toBe('created');
  });
});

describe('contact lifecycle', () => {
  it('marking contacted moves the due date to that day + cadence and ends a snooze', async () => {
    const c = await addContact(db, { name: 'Ben' }, ctx());
    expect(c.nextDueAt).toBe(new Date(2026, 1, 4, 9).getTime());
    await snooze(db, c.id, T0 + 60 * DAY, T0);
    const at = new Date(2026, 1, 10, 9).getTime();
    const after = await markContacted(db, c.id, 'call', ' Coffee next month ', at);
    expect(after.lastContactedAt).toBe(at);
    expect(after.nextDueAt).toBe(new Date(2026, 2, 12, 9).getTime());
    expect(after.snoozedUntil).toBeUndefined();
    expect(after.interactions).toEqual([{ at, kind: 'call', note: 'Coffee next month' }]);
  });

  it('remove hands the contact back and restore puts it back unchanged (undo)', async () => {
    const c = await addContact(db, jane, ctx());
    const removed = await removeContact(db, c.id);
    expect(await getContact(db, c.id)).toBeUndefined();
    await restoreContact(db, (removed as NonNullable<typeof removed>).contact);
    expect(await getContact(db, c.id)).toEqual(c);
  });

  it("an edit that leaves what the due date comes from alone keeps it: an import's spread first due date stands", async () => {
    // Imported and never contacted: first due in 9 weeks (the import's spread), not when added + cadence.
    const spread = T0 + 63 * DAY;
    await bulkPut(db, [{ ...createContact({ name: 'Ida' }, 'imported', T0, () => 'ida', 30), nextDueAt: spread }]);
    const edited = await updateContact(db, 'ida', (x) => ({ ...x, notes: 'Neue Nummer' }), ctx(T0 + DAY));
    expect(edited.nextDueAt).toBe(spread);
    expect((await snooze(db, 'ida', T0 + 7 * DAY, T0 + DAY)).nextDueAt).toBe(spread);
    expect((await getContact(db, 'ida'))?.nextDueAt).toBe(spread);
    // What it comes from changed: worked out again.
    const weekly = await updateContact(db, 'ida', (x) => ({ ...x, cadenceDays: 7 }), ctx(T0 + DAY));
    expect(weekly.nextDueAt).toBe(T0 + 7 * DAY);
  });

  it('update recomputes the due date when the cadence changes', async () => {
    const c = await addContact(db, { name: 'Ben' }, ctx());
    const u = await updateContact(db, c.id, (x) => ({ ...x, cadenceDays: 7 }), ctx(T0 + DAY));
    expect(u.nextDueAt).toBe(new Date(2026, 0, 12, 9).getTime());
    const none = await updateContact(db, c.id, (x) => ({ ...x, cadenceDays: null }), ctx(T0 + DAY));
    expect(none.nextDueAt).toBeUndefined();
    await expect(updateContact(db, 'missing', (x) => x, ctx())).rejects.toMatchObject({ code: 'notFound' });
  });
});

describe("queries: the store returns index order, the due rule is the domain's", () => {
  const all = async <T>(it: AsyncIterable<T>) => {
    const out: T[] = [];
    for await (const x of it) out.push(x);
    return out;
  };

  it('dueInOrder: who is due, earliest effective due date first; snoozed and cadence-less people are not', async () => {
    const a = await addContact(db, { name: 'A', cadenceDays: 7 }, ctx(T0));
    const b = await addContact(db, { name: 'B', cadenceDays: 7 }, ctx(T0 - 10 * DAY));
    const c = await addContact(db, { name: 'C', cadenceDays: 7 }, ctx(T0 - 20 * DAY));
    const e = await addContact(db, { name: 'E', cadenceDays: 7 }, ctx(T0 - 30 * DAY));
    await addContact(db, { name: 'D', cadenceDays: null }, ctx(T0 - 400 * DAY));
    await snooze(db, b.id, T0 + 30 * DAY, T0);
    // A snooze that ended moves the person to its end: E was due first, but its snooze ended after A's due date.
    await snooze(db, e.id, T0 + 7.5 * DAY, T0);
    expect((await all(dueInOrder(db, T0 + 8 * DAY))).map((x) => x.id)).toEqual([c.id, a.id, e.id]);
    expect(await countDue(db, T0 + 8 * DAY)).toBe(3);
    // Counted no further than asked (the badge's "99+"), and exactly below that.
    expect(await countDue(db, T0 + 8 * DAY, 2)).toBe(2);
    expect(await countDue(db, T0 + 8 * DAY, 5)).toBe(3);
    expect((await firstByDue(db, 10)).map((x) => x.id)).toEqual([c.id, a.id, e.id, b.id]);
  });

  it('the badge, the list and the digest agree on who is due: the index holds exactly the rule', async () => {
    const now = T0;
    const people = [
      { name: 'overdue', nextDueAt: now - DAY },
      { name: 'snoozed past due', nextDueAt: now - DAY, snoozedUntil: now + DAY },
      { name: 'snooze over', nextDueAt: now - 5 * DAY, snoozedUntil: now - DAY },
      { name: 'snooze shorter than due', nextDueAt: now + DAY, snoozedUntil: now - DAY },
      { name: 'later', nextDueAt: now + 3 * DAY },
      { name: 'none', nextDueAt: undefined },
    ];
    await bulkPut(
      db,
      people.map((p) => ({
        ...createContact({ name: p.name, cadenceDays: 7 }, 'manual', now - 100 * DAY, newId),
        ...p,
      })),
    );
    const stored = await listAll(db);
    for (const at of [now - 2 * DAY, now, now + 2 * DAY, now + 4 * DAY]) {
      const byRule = stored
        .filter((c) => isDue(c, at))
        .map((c) => c.name)
        .sort();
      expect(byRule).toEqual(
        stored
          .filter((c) => (effectiveDueAt(c) ?? Number.POSITIVE_INFINITY) <= at)
          .map((c) => c.name)
          .sort(),
      );
      expect(await countDue(db, at)).toBe(byRule.length);
      expect((await all(dueInOrder(db, at))).map((c) => c.name).sort()).toEqual(byRule);
    }
  });
});

describe('namesakes: who is saved under a name already', () => {
  it('whatever their company, folded as matching folds names, at most three, a damaged record left out', async () => {
    const a = await addContact(db, { name: 'Jürgen Müller', company: 'Bäckerei' }, ctx());
    const b = await addContact(db, { name: 'Jürgen Müller' }, ctx());
    await addContact(db, { name: 'Jürgen Müllerson' }, ctx());
    await addContact(db, { name: 'Anna Müller' }, ctx());
    const names = async (name: string, limit?: number) => (await namesakes(db, name, limit)).map((c) => c.id).sort();
    expect(await names('jurgen  mueller')).toEqual([a.id, b.id].sort());
    expect(await names('Jürgen Müller', 1)).toHaveLength(1);
    expect(await names('Jürgen')).toEqual([]);
    expect(await names('  ')).toEqual([]);
    // A record the list cannot read is not said either.
    await db.put('contacts', { ...(await db.get('contacts', b.id)), name: 42 } as never);
    expect(await names('Jürgen Müller')).toEqual([a.id]);
  });

  it('the titles before a name aside, both ways: "Dr. Jana Roth" on her XING profile is the Jana Roth saved', async () => {
    const jana = await addContact(db, { name: 'Jana Roth', company: 'Roth Design' }, ctx());
    const prof = await addContact(db, { name: 'Prof. Dr. Ute Lang' }, ctx());
    const names = async (name: string) => (await namesakes(db, name)).map((c) => c.id);
    expect(await names('Dr. Jana Roth')).toEqual([jana.id]);
    expect(await names('Ute Lang')).toEqual([prof.id]);
    // Matched by name and company too, so the capture card is hers, not a second Jana Roth.
    expect((await findContactFor(db, { name: 'Dr. Jana Roth', company: 'Roth Design' }))?.id).toBe(jana.id);
    expect(await findContactFor(db, { name: 'Dr. Jana Roth', company: 'Elsewhere' })).toBeUndefined();
  });

  it('asked for someone saved: those marked as different people ("Saved twice?") are left out', async () => {
    const a = await addContact(db, { name: 'Thomas Müller', company: 'Kanzlei' }, ctx());
    const b = await addContact(db, { name: 'Thomas Müller', company: 'Verein' }, ctx());
    const c = await addContact(db, { name: 'Thomas Mueller' }, ctx());
    await markDistinct(db, [a.id, b.id]);
    const of = async (id?: string) => (await namesakes(db, 'Thomas Müller', 3, id)).map((x) => x.id).sort();
    expect(await of(a.id)).toEqual([a.id, c.id].sort());
    expect(await of(c.id)).toEqual([a.id, b.id, c.id].sort());
    expect(await of()).toEqual([a.id, b.id, c.id].sort());
  });
});

describe('a homepage whose person the user said is someone saved under another name (ProfileLink.named)', () => {
  const home = { url: 'https://hanna.example', site: 'web' as const };
  const page = { name: 'Dr. Hanna Vogel-Berg', profiles: [home] };

  it("the page finds her under its name too, and its address is still one person's", async () => {
    const hanna = await addContact(db, { name: 'Hanna Vogel', profiles: [home] }, ctx());
    expect(await findContactFor(db, page)).toBeUndefined();
    await mergeInto(db, hanna.id, { name: 'Hanna Vogel', profiles: [{ ...home, named: page.name }] }, ctx());
    expect((await getContact(db, hanna.id))?.profiles).toEqual([{ ...home, named: page.name }]);
    expect((await findContactFor(db, page))?.id).toBe(hanna.id);
    expect((await findContactFor(db, { name: 'Hanna Vogel', profiles: [home] }))?.id).toBe(hanna.id);
    expect(await findContactFor(db, { name: 'Cy Other', profiles: [home] })).toBeUndefined();
    // Two keys in the index for her address, one person who has it.
    expect(await linkHolders(db, home, 2)).toMatchObject({ people: [{ id: hanna.id }], count: 1 });
    const colleague = await addContact(db, { name: 'Ben Berg', profiles: [home] }, ctx());
    const both = await linkHolders(db, home, 2);
    expect([both.count, both.people.map((c) => c.id).sort()]).toEqual([2, [hanna.id, colleague.id].sort()]);
  });

  it('kept as read back for a web address only; a later name said for the page replaces the earlier', async () => {
    expect(
      toContact({
        id: 'x',
        name: 'X',
        profiles: [
          { ...home, named: '  Dr. X  ' },
          { url: 'https://x.com/x', site: 'x', named: 'Y' },
        ],
      })?.profiles,
    ).toEqual([
      { ...home, named: 'Dr. X' },
      { url: 'https://x.com/x', site: 'x' },
    ]);
    const hanna = await addContact(db, { name: 'Hanna Vogel', profiles: [{ ...home, named: 'Hanna V.' }] }, ctx());
    await mergeInto(db, hanna.id, { name: 'Hanna Vogel', profiles: [{ ...home, named: page.name }] }, ctx());
    expect((await getContact(db, hanna.id))?.profiles).toEqual([{ ...home, named: page.name }]);
  });
});

describe('transactions and failures', () => {
  it('bulkPut is all or nothing: one conflicting profile URL writes none of the batch', async () => {
    const existing = await addContact(db, jane, ctx());
    const batch = [
      { ...existing, id: 'new-1', name: 'Fine', profiles: [] },
      { ...existing, id: 'new-2', name: 'Clash' },
    ];
    await expect(bulkPut(db, batch)).rejects.toBeInstanceOf(StoreError);
    expect((await listAll(db)).map((c) => c.id)).toEqual([existing.id]);
  });

  it('storage full in the middle of a batch: the quota error is what is reported, not the aborts it causes', async () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const abort = () => Promise.reject(new DOMException('aborted', 'AbortError'));
    const tx = { done: abort(), error: quota };
    await expect(settle(tx, [Promise.resolve(1), abort()])).rejects.toBe(quota);
    await expect(guarded(() => settle(tx, [abort()]))).rejects.toMatchObject({ code: 'quota' });
    // A request's own error (no transaction error) is passed on as it is.
    const constraint = new DOMException('dupe', 'ConstraintError');
    await expect(settle({ done: abort(), error: null }, [Promise.reject(constraint)])).rejects.toBe(constraint);
  });

  it('maps quota and constraint errors to clear codes', () => {
    expect(asStoreError(new DOMException('full', 'QuotaExceededError')).code).toBe('quota');
    expect(asStoreError(new DOMException('dupe', 'ConstraintError')).code).toBe('conflict');
    expect(asStoreError(new Error('boom')).code).toBe('failed');
  });

  it('a full disk (how storage ends with unlimitedStorage) is reported as full storage, opening or writing', () => {
    // The messages Chromium gives (seen in the disk-full e2e test): writing, then opening on a full disk.
    const writing = new DOMException(
      'Connection is closing because of: IO error: .../000004.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)',
      'UnknownError',
    );
    const opening = new DOMException(
      'Encountered full disk while opening backing store for indexedDB.open.',
      'UnknownError',
    );
    expect(asStoreError(writing).code).toBe('quota');
    expect(asOpenError(opening).code).toBe('quota');
    const other = asOpenError(new DOMException('Internal error opening backing store', 'UnknownError'));
    expect([other.code, other.message]).toEqual(['unavailable', 'Internal error opening backing store']);
  });

  it('a corrupted record is skipped and counted; everyone else stays usable', async () => {
    await addContact(db, { name: 'Fine' }, ctx());
    await db.put('contacts', { id: 'broken', garbage: true } as never);
    await db.put('contacts', { id: 'odd', name: 'Odd', emails: 'not-a-list', interactions: [{ at: 'x' }] } as never);
    const all = await listAll(db);
    expect(all.map((c) => c.name).sort()).toEqual(['Fine', 'Odd']);
    expect(all.corrupted).toBe(1);
    expect(all.find((c) => c.name === 'Odd')?.emails).toEqual([]);
    await expect(updateContact(db, 'broken', (c) => c, ctx())).rejects.toMatchObject({ code: 'corrupt' });
  });

  it('the first screen comes from the due index in due order, limited, without damaged records', async () => {
    // Same cadence, last contact further back = due sooner.
    for (const [name, daysAgo] of [
      ['Later', 10],
      ['Soon', 25],
      ['Sooner', 28],
      ['Latest', 1],
    ] as const) {
      await addContact(db, { name, cadenceDays: 30, lastContactedAt: ctx().now - daysAgo * DAY }, ctx());
    }
    await db.put('contacts', { id: 'broken', dueAt: ctx().now, garbage: true } as never);
    expect((await firstByDue(db, 3)).map((c) => c.name)).toEqual(['Sooner', 'Soon']);
    expect((await firstByDue(db, 10)).map((c) => c.name)).toEqual(['Sooner', 'Soon', 'Later', 'Latest']);
  });

  it('other views hear about every committed change', async () => {
    // One process stands in for two views here, so the listener asks to hear this context's announcements too.
    const heard: unknown[] = [];
    const own: unknown[] = [];
    const stop = onChange((c) => heard.push(c), { from: 'all' });
    const stopOwn = onChange((c) => own.push(c));
    const c = await addContact(db, { name: 'Ben' }, ctx());
    await new Promise((r) => setTimeout(r, 20));
    stop();
    stopOwn();
    expect(heard).toEqual([{ kind: 'contacts', ids: [c.id] }]);
    // A view does not reload after its own writes a second time.
    expect(own).toEqual([]);
  });

  it('a sync step names the people it wrote and removed: an open popup patches them in, not reading everyone', async () => {
    const gone = await addContact(db, { name: 'Vom Telefon gelöscht' }, ctx());
    const heard: unknown[] = [];
    const stop = onChange((c) => heard.push(c), { from: 'all' });
    const fromPhone = createContact({ name: 'Vom Telefon' }, 'imported', ctx().now, () => 'from-phone', 30);
    await applySyncWrite(db, { contacts: [fromPhone], deleteContacts: [gone.id] });
    // A step that writes no one (its sync status only) is no change to the list.
    await applySyncWrite(db, { status: (s) => s });
    await new Promise((r) => setTimeout(r, 20));
    stop();
    expect(heard).toEqual([{ kind: 'contacts', ids: ['from-phone', gone.id] }, { kind: 'sync' }]);
  });
});

describe('schema upgrades', () => {
  it('steps aside when another context upgrades, and says so', async () => {
    const events: string[] = [];
    const mine = await openDatabase((e) => events.push(e), 'reconnect-upgrade-test');
    await addContact(mine, { name: 'Kept' }, ctx());
    // Another context (a newer build in another tab) opens a higher version: ours must close, not block it.
    const newer = await openDB('reconnect-upgrade-test', DB_VERSION + 1);
    expect(events).toEqual(['versionchange']);
    expect((await newer.getAll('contacts')).map((c) => c.name)).toEqual(['Kept']);
    newer.close();
  });

  /**
   * Every shipped schema, as it was created, so the upgrade from each to the current one is tested with data.
   * Append a builder here whenever DB_VERSION goes up; never edit one.
   */
  /** Everything in a database (by name, opened at whatever version it has, or an open connection). */
  async function readAll(from: string | DB) {
    const d = (typeof from === 'string' ? await openDB(from) : from) as unknown as IDBPDatabase;
    const contacts = d.objectStoreNames.contains('contacts') ? await d.getAll('contacts') : [];
    const meta = d.objectStoreNames.contains('meta') ? await d.getAll('meta') : [];
    if (typeof from === 'string') d.close();
    return { contacts: contacts as Record<string, unknown>[], meta };
  }

  /** A database exactly as a shipped version created it (its frozen description in test/fixtures). */
  async function createShipped(name: string, schema: typeof SCHEMA_V1) {
    return openDB(name, schema.version, {
      upgrade(d) {
        for (const store of schema.stores) {
          const created = d.createObjectStore(store.name, store.keyPath ? { keyPath: store.keyPath } : {});
          for (const [index, keyPath, options] of store.indexes as [string, string, IDBIndexParameters][])
            created.createIndex(index, keyPath, options);
        }
      },
    });
  }

  /** Records as a shipped version wrote them: derived keys of that version, one damaged record among them. */
  function shippedRecords(version: number) {
    // Until version 9 the key was the name folded as an older rule did; since then as matchKey writes it.
    const record = (id: string, over: Record<string, unknown>) => ({
      id,
      name: `Person ${id}`,
      profiles: [{ url: `https://x.com/${id}`, site: 'x' }],
      profileUrls: [`https://x.com/${id}`],
      emails: [],
      phones: [],
      circles: ['clients'],
      notes: 'kept as is',
      cadenceDays: 30,
      interactions: [{ at: T0 - DAY, kind: 'call' }],
      history: [],
      source: 'captured',
      createdAt: T0 - 60 * DAY,
      updatedAt: T0 - DAY,
      sortName: `person ${id}`,
      matchKey: version >= 9 ? matchKeyOf(`Person ${id}`, undefined) : `person ${id}|`,
      ...over,
    });
    // A profile link and a web address: both in the unique profile-link index until version 8, then the address in
    // the one of web addresses, with the name (titles aside).
    const withWebAddress = (id: string, url: string) => ({
      profiles: [
        { url: `https://x.com/${id}`, site: 'x' },
        { url, site: 'web' },
      ],
      profileUrls: version >= 8 ? [`https://x.com/${id}`] : [`https://x.com/${id}`, url],
      ...(version >= 8 ? { pageKeys: [`${url} person ${id}`] } : {}),
    });
    // Version 2 wrote the effective due date into every record with a due date.
    const due = (nextDueAt: number, snoozedUntil?: number) => ({
      nextDueAt,
      ...(snoozedUntil ? { snoozedUntil } : {}),
      ...(version >= 2 ? { dueAt: Math.max(nextDueAt, snoozedUntil ?? 0) } : {}),
    });
    return [
      record('due', due(T0 - DAY)),
      record('snoozed', due(T0 - 2 * DAY, T0 + 5 * DAY)),
      record('snooze-over', due(T0 - 9 * DAY, T0 - 3 * DAY)),
      record('no-cadence', { cadenceDays: null }),
      record('later', due(T0 + 20 * DAY)),
      // A profile link and a company's website.
      record('site', { ...due(T0 + 10 * DAY), ...withWebAddress('site', 'https://www.acme.example/') }),
      // A name with a title, and a homepage: keyed with the title until version 9.
      record('titled', {
        ...due(T0 + 30 * DAY),
        name: 'Dr. Person titled',
        matchKey: version >= 9 ? matchKeyOf('Dr. Person titled', undefined) : 'dr person titled|',
        ...withWebAddress('titled', 'https://titled.example/'),
      }),
      // A birthday in three days: in the birthday index from version 10 on.
      record('birthday', { ...due(T0 + 40 * DAY), birthday: { month: 1, day: 8, year: 1980 } }),
      // A follow-up in two days: in the follow-up index from version 11 on.
      record('follow-up', { ...due(T0 + 2 * DAY), followUp: { at: T0 + 2 * DAY, note: 'Angebot' } }),
      { id: 'damaged', garbage: true, nextDueAt: 'soon', profileUrls: [] },
    ];
  }

  /**
   * The search index as versions 5 and 6 wrote it: lines `id US due US text` with the id as it is and the due
   * moment in decimal, in the buckets of the id's hash (both unchanged since).
   */
  function shippedIndex(records: unknown[]): string[] {
    const buckets: string[][] = Array.from({ length: BUCKETS }, () => []);
    for (const c of records.flatMap((r) => toContact(r) ?? [])) {
      const due = effectiveDueAt(c);
      buckets[bucketOf(c.id)]?.push(`${c.id}\u001f${due === undefined ? '' : due}\u001f${haystack(c)}`);
    }
    return buckets.map((lines) => lines.join('\u001e'));
  }

  /** A version that kept a search index (5 and 6): its records, their index as it wrote it, and settings. */
  async function withIndex(name: string, version: number, schema: typeof SCHEMA_V1): Promise<void> {
    const db = await createShipped(name, schema);
    const records = shippedRecords(version);
    for (const r of records) await db.put('contacts', r);
    for (const [b, lines] of shippedIndex(records).entries()) if (lines) await db.put('search', lines, b);
    await db.put('meta', { weekday: 2, minutes: 540 }, 'settings');
    db.close();
  }

  /** A version whose search index's lines are packed (7 and later): its records, their index, and settings. */
  async function withPackedIndex(name: string, version: number, schema: typeof SCHEMA_V1): Promise<void> {
    const db = await createShipped(name, schema);
    const records = shippedRecords(version);
    for (const r of records) await db.put('contacts', r);
    const tx = db.transaction('search', 'readwrite');
    await Promise.all([...writeWholeIndex(tx.store, records), tx.done]);
    await db.put('meta', { weekday: 2, minutes: 540 }, 'settings');
    db.close();
  }

  const SHIPPED: Record<number, (name: string) => Promise<void>> = {
    // Version 0: no database yet (first install): nothing to keep, the upgrade creates everything.
    0: async () => {},
    // Version 1 (0.1.0): contacts with seven indexes and meta; records carry profileUrls, sortName, matchKey.
    1: async (name) => {
      const v1 = await createShipped(name, SCHEMA_V1);
      for (const r of shippedRecords(1)) await v1.put('contacts', r);
      await v1.put('meta', { weekday: 2, minutes: 540 }, 'settings');
      v1.close();
    },
    // Version 2 (0.2.0): version 1 plus byDueAt over the effective due date every record carries as dueAt.
    2: async (name) => {
      const v2 = await createShipped(name, SCHEMA_V2);
      for (const r of shippedRecords(2)) await v2.put('contacts', r);
      await v2.put('meta', { weekday: 2, minutes: 540 }, 'settings');
      await v2.put('meta', { installedAt: T0 - 90 * DAY, lastShownAt: T0 - 7 * DAY }, 'reminder');
      v2.close();
    },
    // Version 3 (0.3.0): four indexes, byDue over dueAt; records as version 2 wrote them.
    3: async (name) => {
      const v3 = await createShipped(name, SCHEMA_V3);
      for (const r of shippedRecords(3)) await v3.put('contacts', r);
      await v3.put('meta', { weekday: 2, minutes: 540 }, 'settings');
      v3.close();
    },
    // Version 4 (0.4.0): version 3 plus sync's state per linked card; records as version 2 wrote them.
    4: async (name) => {
      const v4 = await createShipped(name, SCHEMA_V4);
      for (const r of shippedRecords(4)) await v4.put('contacts', r);
      await v4.put('meta', { weekday: 2, minutes: 540 }, 'settings');
      await v4.put('sync', { id: 'due', href: '/book/due.vcf', etag: '"1"', hasCard: true, updatedAt: T0 - DAY });
      await v4.put('syncCards', { id: 'due', text: 'BEGIN:VCARD\r\nEND:VCARD\r\n' });
      v4.close();
    },
    // Version 5 (0.5.0): version 4 plus the search index, built from the records as version 2 wrote them.
    5: (name) => withIndex(name, 5, SCHEMA_V5),
    // Version 6 (0.6.0 before the index's lines were packed): version 5 plus byRelated over relatedIds.
    6: (name) => withIndex(name, 6, SCHEMA_V6),
    // Version 7 (0.6.0): version 6 with the index's lines packed, as search-lines.ts writes them (unchanged since).
    7: (name) => withPackedIndex(name, 7, SCHEMA_V7),
    // Version 8 (0.7.0): version 7 plus byPageKey; records with a web address keyed in it with the name.
    8: (name) => withPackedIndex(name, 8, SCHEMA_V8),
    // Version 9 (0.8.1): version 8's stores; the name + company key without the titles before a name.
    9: (name) => withPackedIndex(name, 9, SCHEMA_V9),
    // Version 10 (0.8.2): version 9 plus byBirthday over the stored birthday's month and day.
    10: (name) => withPackedIndex(name, 10, SCHEMA_V10),
  };

  it.each(Object.keys(SHIPPED).map(Number))('upgrades a filled version-%i database keeping every record', async (v) => {
    const name = `reconnect-v${v}`;
    await SHIPPED[v]?.(name);
    // (Version 0 has no database to read: opening one to look would create it.)
    const before = v === 0 ? { contacts: [], meta: [] } : await readAll(name);
    const upgraded = await openDatabase(() => {}, name);
    expect(upgraded.version).toBe(DB_VERSION);
    expect([...upgraded.objectStoreNames].sort()).toEqual(['contacts', 'meta', 'search', 'sync', 'syncCards']);
    expect(await upgraded.count('sync')).toBe(v === 4 ? 1 : 0);
    const store = upgraded.transaction('contacts').store;
    expect([...store.indexNames].sort()).toEqual([
      'byBirthday',
      'byDue',
      'byEmail',
      'byFollowUp',
      'byMatchKey',
      'byPageKey',
      'byProfileUrl',
      'byRelated',
    ]);
    expect(store.index('byDue').keyPath).toBe('dueAt');
    expect(store.index('byFollowUp').keyPath).toBe('followUp.at');
    expect(store.index('byBirthday').keyPath).toEqual(['birthday.month', 'birthday.day']);
    expect(store.index('byProfileUrl').unique).toBe(true);
    expect(store.index('byPageKey').unique).toBe(false);
    // Every record and setting kept, field for field; records gain only the keys a later version derives.
    const after = await readAll(upgraded);
    expect(after.meta).toEqual(before.meta);
    expect(after.contacts.map((r) => r.id)).toEqual(before.contacts.map((r) => r.id));
    for (const [i, r] of after.contacts.entries()) {
      const { dueAt, profileUrls, pageKeys, matchKey, ...rest } = r;
      const {
        dueAt: dueBefore,
        profileUrls: urlsBefore,
        pageKeys: pagesBefore,
        matchKey: keyBefore,
        ...restBefore
      } = before.contacts[i] ?? {};
      expect(rest).toEqual(restBefore);
      // Version 2 derived the effective due date; a later step rewriting the record keeps it.
      expect(dueAt).toEqual(v >= 2 ? dueBefore : effectiveDueAt(toContact(r) ?? {}));
      // Version 9: the name + company key as the rule writes it now, titles aside (and any written under an older
      // rule), for every readable record; a damaged one keeps its own.
      const readable = toContact(r);
      expect(matchKey).toEqual(readable ? matchKeyOf(readable.name, readable.company) : keyBefore);
      if (r.id === 'titled') expect(matchKey).toBe('person titled|');
      if (r.id === 'site' || r.id === 'titled') {
        // Version 8: the website leaves the unique index for the one of web addresses, with the name (titles
        // aside), and version 9's rewrite of the titled record keeps that.
        expect(profileUrls).toEqual([`https://x.com/${r.id}`]);
        expect(pageKeys).toEqual([
          r.id === 'site' ? 'https://www.acme.example/ person site' : 'https://titled.example/ person titled',
        ]);
      } else {
        expect(profileUrls).toEqual(urlsBefore);
        expect(pageKeys).toEqual(pagesBefore);
      }
    }
    if (v > 0) {
      // By effective due date: the snooze that ended 3 days ago comes before the one due since yesterday.
      const due: string[] = [];
      for await (const c of dueInOrder(upgraded, T0)) due.push(c.id);
      expect(due).toEqual(['snooze-over', 'due']);
      expect(await countDue(upgraded, T0)).toBe(2);
      // In six days the snoozed one's snooze is over, and the follow-up's day has come.
      expect(await countDue(upgraded, T0 + 6 * DAY)).toBe(4);
      // Version 10: the birthday index holds the records stored with a birthday, the weekly reminder's lookup.
      expect((await birthdaysSoon(upgraded, T0)).map((c) => c.id)).toEqual(['birthday']);
      expect(await birthdaysSoon(upgraded, T0 + 4 * DAY)).toEqual([]);
      // Version 11: the follow-up index holds the records stored with a follow-up, by its day.
      const followUps = async (until: number) => {
        const ids: string[] = [];
        for await (const c of followUpsInOrder(upgraded, until)) ids.push(c.id);
        return ids;
      };
      expect(await followUps(T0 + 2 * DAY)).toEqual(['follow-up']);
      expect(await followUps(T0 + DAY)).toEqual([]);
      // The search index is built from every readable record (the damaged one is left out, as in the list).
      const index = await readSearchIndex(upgraded);
      const readable = after.contacts.flatMap((r) => toContact(r) ?? []);
      expect(readable).toHaveLength(9);
      expect(sameIndex(index, readable)).toBe(true);
      expect(searchBuckets(index, ['person', 'snoozed']).map((h) => h.id)).toEqual(['snoozed']);
    }
    if (v > 0) {
      // The website is not one person's any more: a colleague saved with it is another person, found by name.
      const ben = await addContact(
        upgraded,
        { name: 'Ben Acme', profiles: [{ url: 'https://www.acme.example/', site: 'web' }] },
        ctx(),
      );
      const site = (name: string) => ({ name, profiles: [{ url: 'https://www.acme.example/', site: 'web' as const }] });
      expect((await findContactFor(upgraded, site('Person Site')))?.id).toBe('site');
      expect((await findContactFor(upgraded, site('Ben Acme')))?.id).toBe(ben.id);
      expect(await findContactFor(upgraded, site('Cy Acme'))).toBeUndefined();
      // Saved with a title, found by the name without it: the key version 9 wrote anew.
      expect((await namesakes(upgraded, 'Person Titled')).map((c) => c.id)).toEqual(['titled']);
    }
    upgraded.close();
  });

  it('the current schema reopens with thousands of records intact', async () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({
      id: `m${i}`,
      name: `Person ${i}`,
      profiles: [{ url: `https://x.com/p${i}`, site: 'x' as const }],
      emails: [],
      phones: [],
      circles: i % 2 ? ['clients'] : [],
      related: [],
      notes: '',
      cadenceDays: 30,
      interactions: [],
      history: [],
      source: 'imported' as const,
      createdAt: T0,
      updatedAt: T0,
    }));
    await bulkPut(db, many);
    db.close();
    const reopened = await openDatabase(() => {}, DB_NAME);
    expect(await reopened.count('contacts')).toBe(2000);
    expect((await listAll(reopened)).filter((c) => c.circles.includes('clients'))).toHaveLength(1000);
    reopened.close();
  });
});

describe('listAllInChunks', () => {
  it('reads everyone a chunk at a time, in id order, letting the reader hold the next chunk back', async () => {
    await bulkPut(
      db,
      Array.from({ length: 20 }, (_, i) =>
        createContact({ name: `P${i}` }, 'manual', T0, () => `id-${String(i).padStart(2, '0')}`),
      ),
    );
    await db.put('contacts', { id: 'id-99', garbage: true } as never);
    let pauses = 0;
    const chunks: string[][] = [];
    const all = await listAllInChunks(db, {
      chunk: 7,
      between: async () => {
        pauses++;
      },
      each: (read) => chunks.push(read.map((c) => c.id)),
    });
    expect(all.map((c) => c.id)).toEqual(Array.from({ length: 20 }, (_, i) => `id-${String(i).padStart(2, '0')}`));
    expect(all.corrupted).toBe(1);
    // 21 records in chunks of 7: three full chunks, then an empty one that ends it; held back before each.
    expect(pauses).toBe(4);
    // Each chunk's people handed over as read, the corrupted record left out: everyone once, in the same order.
    expect(chunks.map((c) => c.length)).toEqual([7, 7, 6, 0]);
    expect(chunks.flat()).toEqual(all.map((c) => c.id));
    expect(await listAllInChunks(db)).toEqual(await listAll(db));
  });

  it('holds back the first chunk too: nothing is read until the reader lets it', async () => {
    await bulkPut(db, [createContact({ name: 'First' }, 'manual', T0, () => 'id-1')]);
    let release = () => {};
    const held = new Promise<void>((ok) => {
      release = ok;
    });
    let asked = 0;
    const reading = listAllInChunks(db, {
      chunk: 5,
      between: () => (asked++ === 0 ? held : Promise.resolve()),
    });
    // Written while the first chunk is held back: a read already under way would have missed it.
    await bulkPut(db, [createContact({ name: 'Second' }, 'manual', T0, () => 'id-2')]);
    release();
    expect((await reading).map((c) => c.name)).toEqual(['First', 'Second']);
  });
});

describe('import plan and apply', () => {
  it('new, merged and invalid; twins in one file become one; due dates spread over the coming weeks', async () => {
    const { applyImport, planImport } = await import('../../src/storage/import');
    await addContact(db, { name: 'Known', emails: ['known@example.org'] }, ctx());
    const drafts = [
      { name: 'Known Person', emails: ['KNOWN@example.org'], role: 'CTO' },
      { name: '', emails: [] },
      ...Array.from({ length: 11 }, (_, i) => ({ name: `New ${i}`, emails: [`n${i}@example.org`] })),
      { name: 'New 0 again', emails: ['n0@example.org'], phones: ['+49 1'] },
    ];
    const plan = await planImport(db, drafts);
    expect(plan.merge.map((m) => m.name)).toEqual(['Known']);
    expect(plan.invalid).toEqual([{ record: 2, reason: 'noName' }]);
    expect(plan.add).toHaveLength(11);
    expect(plan.add[0]?.phones).toEqual(['+49 1']);
    const r = await applyImport(db, plan, { now: T0, defaultCadence: 91, newId, perWeek: 5 });
    expect(r).toEqual({ added: 11, merged: 1, circles: [] });
    const all = await listAll(db);
    expect(all.find((c) => c.name === 'Known')?.role).toBe('CTO');
    const weeks = all
      .filter((c) => c.source === 'imported')
      .map((c) => Math.round(((c.nextDueAt ?? 0) - T0) / (7 * DAY)));
    expect(weeks.sort()).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3]);
    // The same file again: nothing new.
    expect((await planImport(db, drafts)).add).toHaveLength(0);
  });

  it("a list's last contact: the person is due counted from it, not spread; a merge keeps the later of the two", async () => {
    const { applyImport, planImport } = await import('../../src/storage/import');
    const known = await addContact(db, { name: 'Known', emails: ['known@example.org'] }, ctx());
    await markContacted(db, known.id, 'call', undefined, T0 - 10 * DAY);
    const file = [
      { name: 'Anna Alt', lastContactedAt: T0 - 100 * DAY },
      { name: 'Ben Berg' },
      // An older day than the one logged here: the log's stays.
      { name: 'Known', emails: ['known@example.org'], lastContactedAt: T0 - 40 * DAY },
    ];
    await applyImport(db, await planImport(db, file), { now: T0, defaultCadence: 30, newId, perWeek: 5 });
    const book = await listAll(db);
    const anna = book.find((c) => c.name === 'Anna Alt');
    // Thirty calendar days after it (a summer time change lies between).
    const due = new Date(T0 - 100 * DAY);
    due.setDate(due.getDate() + 30);
    expect([anna?.lastContactedAt, anna?.nextDueAt]).toEqual([T0 - 100 * DAY, due.getTime()]);
    // Someone without one is spread over the coming weeks, as before.
    expect(book.find((c) => c.name === 'Ben Berg')?.nextDueAt).toBeGreaterThan(T0);
    expect(book.find((c) => c.name === 'Known')?.lastContactedAt).toBe(T0 - 10 * DAY);
  });

  it("a list's follow-up: the new person is due on its day, not spread over the coming weeks", async () => {
    const { applyImport, planImport } = await import('../../src/storage/import');
    const plan = { at: T0 + 40 * DAY };
    const file = [{ name: 'Anna Alt', followUp: plan }, { name: 'Ben Berg' }];
    await applyImport(db, await planImport(db, file), { now: T0, defaultCadence: 30, newId, perWeek: 5 });
    const book = await listAll(db);
    const anna = book.find((c) => c.name === 'Anna Alt');
    expect([anna?.followUp, anna?.nextDueAt]).toEqual([plan, plan.at]);
    expect(book.find((c) => c.name === 'Ben Berg')?.nextDueAt).toBeLessThan(T0 + 14 * DAY);
  });

  it("a file's starting circles, named in either language, are the book's own; a renamed one is not", async () => {
    const { planImport } = await import('../../src/storage/import');
    await addContact(db, { name: 'Known', emails: ['known@example.org'], circles: ['clients'] }, ctx());
    const file = [
      { name: 'New', circles: ['Familie', 'Former colleagues', 'Stammtisch', 'family'] },
      { name: 'Known', emails: ['known@example.org'], circles: ['Kunden', 'Freunde'] },
    ];
    const plan = await planImport(db, file);
    expect(plan.add[0]?.circles).toEqual(['family', 'formerColleagues', 'Stammtisch']);
    expect(plan.merge[0]?.draft.circles).toEqual(['clients', 'friends']);
    // Renamed in Settings: the book has no "family" any more, so "Familie" is a name like any other.
    const settings = await getSettings(db);
    await saveSettings(db, { ...settings, circles: settings.circles.map((c) => (c === 'family' ? 'Verwandte' : c)) });
    expect((await planImport(db, file)).add[0]?.circles).toEqual([
      'Familie',
      'formerColleagues',
      'Stammtisch',
      'family',
    ]);
  });

  it("a company's website in several people's rows makes nobody one person, and stays everyone's link", async () => {
    const { applyImport, planImport } = await import('../../src/storage/import');
    const site = { url: 'https://www.acme.example', site: 'web' as const };
    const home = { url: 'https://anna-alt.example', site: 'web' as const };
    // Someone here has it already: the file's other people are not merged into her, nor refused on it.
    const cem = await addContact(db, { name: 'Cem Cakir', profiles: [site] }, ctx());
    const file = [
      { name: 'Anna Alt', emails: ['anna@acme.example'], profiles: [site, home] },
      { name: 'Ben Bauer', emails: ['ben@acme.example'], profiles: [site] },
      // Her own homepage in two rows of hers: one person.
      { name: 'ANNA ALT', emails: ['a.alt@example.org'], profiles: [home] },
      { name: 'Cem Cakir', emails: ['cem@acme.example'], profiles: [site] },
    ];
    const plan = await planImport(db, file);
    expect(plan.add.map((d) => [d.name, d.profiles?.map((p) => p.url)])).toEqual([
      ['Anna Alt', [site.url, home.url]],
      ['Ben Bauer', [site.url]],
    ]);
    // Cem is the one here with that site under his name.
    expect(plan.merge.map((m) => m.id)).toEqual([cem.id]);
    expect(await applyImport(db, plan, { now: T0, defaultCadence: 30, newId })).toMatchObject({ added: 2, merged: 1 });
    const book = await listAll(db);
    expect(book.map((c) => [c.name, c.profiles.map((p) => p.url)]).sort()).toEqual([
      ['Anna Alt', [site.url, home.url]],
      ['Ben Bauer', [site.url]],
      ['Cem Cakir', [site.url]],
    ]);
    expect(book.find((c) => c.name === 'Anna Alt')?.emails).toEqual(['anna@acme.example', 'a.alt@example.org']);
    expect(book.find((c) => c.name === 'Cem Cakir')?.emails).toEqual(['cem@acme.example']);
    // The same file again: everyone found by their own name with the site, nobody added.
    const again = await planImport(db, file);
    expect(again.add).toEqual([]);
    expect(again.merge.map((m) => m.name).sort()).toEqual(['Anna Alt', 'Ben Bauer', 'Cem Cakir']);
  });

  it("a file's circles the book does not have become the book's, with the people: named once, whatever their case", async () => {
    const { applyImport, planImport } = await import('../../src/storage/import');
    await saveSettings(db, { ...(await getSettings(db)), circles: ['family', 'Chor'] });
    const file = [
      { name: 'Tina', circles: ['Tennis', 'chor', 'Familie'] },
      { name: 'Tom', circles: ['TENNIS', 'Laufen'] },
    ];
    const plan = await planImport(db, file);
    expect(plan.circles).toEqual(['Tennis', 'Laufen']);
    expect(plan.add.map((d) => d.circles)).toEqual([
      ['Tennis', 'Chor', 'family'],
      ['Tennis', 'Laufen'],
    ]);
    const heard: unknown[] = [];
    const stop = onChange((c) => heard.push(c), { from: 'all' });
    const r = await applyImport(db, plan, { now: T0, defaultCadence: 30, newId });
    await new Promise((done) => setTimeout(done, 20));
    stop();
    expect(r.circles).toEqual(['Tennis', 'Laufen']);
    expect((await getSettings(db)).circles).toEqual(['family', 'Chor', 'Tennis', 'Laufen']);
    expect(heard).toEqual([{ kind: 'contacts' }, { kind: 'settings' }]);
    // The same file again: no circle is new, and the settings are not written.
    const again = await planImport(db, file);
    expect(again.circles).toEqual([]);
    expect((await applyImport(db, again, { now: T0, defaultCadence: 30, newId })).circles).toEqual([]);
  });

  it("a backup's restore says beforehand who comes back and who loses the changes made since; it then puts its copies back", async () => {
    const { planRestore, restoreBackup } = await import('../../src/storage/restore');
    const kept = await addContact(db, { name: 'Kept' }, ctx());
    const changed = await addContact(db, { name: 'Changed' }, ctx());
    const gone = await addContact(db, { name: 'Gone' }, ctx());
    const backup = await listAll(db);
    await updateContact(db, changed.id, (c) => ({ ...c, notes: 'met again' }), { ...ctx(), now: T0 + DAY });
    await removeContact(db, gone.id);
    expect(await planRestore(db, backup)).toEqual({ back: 1, older: 1, merged: 0 });
    expect(await restoreBackup(db, { contacts: backup, now: T0 })).toBe(3);
    const after = await listAll(db);
    expect(after.find((c) => c.id === changed.id)?.notes).toBe('');
    expect(after.map((c) => c.id).sort()).toEqual([kept.id, changed.id, gone.id].sort());
    expect(await planRestore(db, backup)).toEqual({ back: 0, older: 0, merged: 0 });
  });

  it("a restore puts the backup's settings and an older backup's marks back; the circles stay those of both and of everyone restored", async () => {
    const { restoreBackup } = await import('../../src/storage/restore');
    const { pairKey, pairsOf } = await import('../../src/storage/distinct');
    await saveSettings(db, { ...(await getSettings(db)), perReminder: 3, circles: ['family', 'Chor'] });
    const [here1, here2] = [await addContact(db, { name: 'Ida' }, ctx()), await addContact(db, { name: 'Ida' }, ctx())];
    await markDistinct(db, [here1.id, here2.id]);
    const tina = createContact({ name: 'Tina', circles: ['Tennis', 'Laufen'] }, 'manual', T0, () => 'tina', 30);
    const kim = createContact({ name: 'Kim' }, 'manual', T0, () => 'kim', 30);
    const backupSettings = {
      ...DEFAULT_SETTINGS,
      perReminder: 7,
      minutes: 10 * 60 + 30,
      circles: ['friends', 'Tennis'],
    };
    const said: unknown[] = [];
    const stop = onChange((c) => said.push(c), { from: 'all' });
    // As 0.7.0 wrote them: a list of pairs (one twice, one damaged, one with someone not in the backup).
    await restoreBackup(db, {
      contacts: [tina, kim],
      settings: backupSettings,
      distinct: ['tina\nkim', 'broken', 'kim\ntina', 'tina\nx9'],
      now: T0,
    });
    await new Promise((r) => setTimeout(r, 20));
    stop();
    // Every view reads everyone and the settings again.
    expect(said).toEqual([{ kind: 'contacts' }, { kind: 'settings' }]);
    const after = await getSettings(db);
    expect(after.perReminder).toBe(7);
    expect(after.minutes).toBe(10 * 60 + 30);
    expect(after.circles).toEqual(['friends', 'Tennis', 'family', 'Chor', 'Laufen']);
    const book = await listAll(db);
    expect([...pairsOf(book)].sort()).toEqual([pairKey(here1.id, here2.id), pairKey('kim', 'tina')].sort());
    expect(book.find((c) => c.id === 'tina')?.related).toEqual([{ kind: 'distinct', id: 'kim', name: 'Kim' }]);
    expect(book.map((c) => c.id).sort()).toEqual([here1.id, here2.id, 'kim', 'tina'].sort());

    // Without its settings (unticked): the settings here stay, and the people's circles are added to them.
    await saveSettings(db, { ...after, perReminder: 4, circles: ['family'] });
    await restoreBackup(db, { contacts: [tina], distinct: [], now: T0 });
    const kept = await getSettings(db);
    expect(kept.perReminder).toBe(4);
    expect(kept.circles).toEqual(['family', 'Tennis', 'Laufen']);
  });

  it('someone saved here again since the backup (the same profile link, another record) is merged into that record', async () => {
    const { planRestore, restoreBackup } = await import('../../src/storage/restore');
    const { pairKey, pairsOf } = await import('../../src/storage/distinct');
    const link = { url: 'https://www.linkedin.com/in/anna-alt', site: 'linkedin' as const };
    const anna = createContact(
      { name: 'Anna Alt', profiles: [link], circles: ['friends'] },
      'captured',
      T0,
      () => 'a1',
      30,
    );
    const backup = [
      { ...anna, interactions: [{ at: T0 + DAY, kind: 'call' as const }], lastContactedAt: T0 + DAY },
      createContact({ name: 'Ben', related: [{ id: 'a1', kind: 'knows' }] }, 'manual', T0, () => 'b1', 30),
    ];
    // The book emptied, and Anna captured again before the restore: another record holds her profile link.
    const again = await addContact(
      db,
      { name: 'Anna Alt', profiles: [link], notes: 'captured again' },
      ctx(T0 + 9 * DAY),
    );
    expect(await planRestore(db, backup)).toEqual({ back: 1, older: 0, merged: 1 });
    expect(await restoreBackup(db, { contacts: backup, distinct: ['a1\nx9', 'a1\nb1'], now: T0 + 10 * DAY })).toBe(2);
    const all = await listAll(db);
    expect(all.map((c) => c.id).sort()).toEqual([again.id, 'b1'].sort());
    const merged = all.find((c) => c.id === again.id);
    expect(merged?.interactions.map((i) => i.kind)).toEqual(['call']);
    expect(merged?.circles).toEqual(['friends']);
    expect(merged?.notes).toBe('captured again');
    expect(merged?.updatedAt).toBe(T0 + 10 * DAY);
    // Ben's links to the backup's Anna are links to her record here: who he knows, and the older backup's mark.
    expect(all.find((c) => c.id === 'b1')?.related).toEqual([
      { id: again.id, kind: 'knows' },
      { id: again.id, kind: 'distinct', name: 'Anna Alt' },
    ]);
    expect([...pairsOf(all)]).toEqual([pairKey(again.id, 'b1')]);
    expect(await planRestore(db, backup)).toEqual({ back: 0, older: 0, merged: 1 });
  });

  it("a colleague here with the backup's company website is another person: nobody is merged into them", async () => {
    const { planRestore, restoreBackup } = await import('../../src/storage/restore');
    const site = { url: 'https://www.acme.example', site: 'web' as const };
    const ada = createContact({ name: 'Ada Acme', profiles: [site] }, 'manual', T0, () => 'ada', 30);
    const bo = await addContact(db, { name: 'Bo Acme', profiles: [site] }, ctx(T0 + DAY));
    expect(await planRestore(db, [ada])).toEqual({ back: 1, older: 0, merged: 0 });
    expect(await restoreBackup(db, { contacts: [ada], now: T0 + 2 * DAY })).toBe(1);
    const book = await listAll(db);
    expect(book.map((c) => [c.name, c.id, c.profiles.map((p) => p.url)]).sort()).toEqual([
      ['Ada Acme', 'ada', [site.url]],
      ['Bo Acme', bo.id, [site.url]],
    ]);
  });

  it('a restore that fails (a backup edited by hand: two people with one profile link) writes nothing', async () => {
    const { restoreBackup } = await import('../../src/storage/restore');
    const { pairsOf } = await import('../../src/storage/distinct');
    const clash = { url: 'https://x.com/same', site: 'x' as const };
    await addContact(db, { name: 'Has it' }, ctx());
    const before = await getSettings(db);
    const fine = createContact({ name: 'Fine', circles: ['Tennis'] }, 'manual', T0, () => 'fine', 30);
    const one = createContact({ name: 'One', profiles: [clash] }, 'manual', T0, () => 'one', 30);
    const other = createContact({ name: 'Clash', profiles: [clash] }, 'manual', T0, () => 'other', 30);
    await expect(
      restoreBackup(db, {
        contacts: [fine, one, other],
        settings: { ...before, perReminder: 9 },
        distinct: ['a\nb'],
        now: T0,
      }),
    ).rejects.toBeInstanceOf(StoreError);
    expect((await listAll(db)).map((c) => c.name)).toEqual(['Has it']);
    expect(await getSettings(db)).toEqual(before);
    expect(pairsOf(await listAll(db)).size).toBe(0);
    expect((await readSearchIndex(db)).join('')).not.toMatch(/fine/i);
  });

  it('a failing import writes nothing', async () => {
    const { applyImport } = await import('../../src/storage/import');
    const clash = { url: 'https://x.com/same', site: 'x' as const };
    await addContact(db, { name: 'Has it', profiles: [clash] }, ctx());
    const plan = { add: [{ name: 'Fine' }, { name: 'Clash', profiles: [clash] }], merge: [], invalid: [] };
    const before = await getSettings(db);
    const withCircle = { ...plan, add: plan.add.map((d) => ({ ...d, circles: ['Tennis'] })) };
    await expect(applyImport(db, withCircle, { now: T0, defaultCadence: 91, newId })).rejects.toBeInstanceOf(
      StoreError,
    );
    expect((await listAll(db)).map((c) => c.name)).toEqual(['Has it']);
    expect(await getSettings(db)).toEqual(before);
  });

  it('a large import is written in batches, reports its progress, and is still all or nothing', async () => {
    const { applyImport } = await import('../../src/storage/import');
    const clash = { url: 'https://x.com/taken', site: 'x' as const };
    await addContact(db, { name: 'Has it', profiles: [clash] }, ctx());
    const people = Array.from({ length: 1200 }, (_, i) => ({ name: `Person ${i}` }));
    const progress: number[] = [];
    const r = await applyImport(
      db,
      { add: people, merge: [], invalid: [] },
      { now: T0, defaultCadence: 91, onProgress: (done, total) => progress.push(done / total) },
    );
    expect(r.added).toBe(1200);
    expect(await db.count('contacts')).toBe(1201);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
    // A clash in the third batch, after two batches were written: none of the file stays.
    const late = [...people.map((p) => ({ name: `Late ${p.name}` })), { name: 'Clash', profiles: [clash] }];
    await expect(
      applyImport(db, { add: late, merge: [], invalid: [] }, { now: T0, defaultCadence: 91 }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await db.count('contacts')).toBe(1201);
    // A clash in the first batch, found while later batches are being issued: the same clear code, nothing kept.
    const early = [{ name: 'Clash', profiles: [clash] }, ...late.slice(0, 1100)];
    await expect(
      applyImport(db, { add: early, merge: [], invalid: [] }, { now: T0, defaultCadence: 91 }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await db.count('contacts')).toBe(1201);
  });

  it('a write refused on the spot (an invalid key) rolls back the writes already made', async () => {
    const { applyImport } = await import('../../src/storage/import');
    await addContact(db, { name: 'Before' }, ctx());
    let n = 0;
    const badAtThree = () => (++n === 3 ? (undefined as unknown as string) : `imp-${n}`);
    const plan = { add: [1, 2, 3, 4].map((i) => ({ name: `New ${i}` })), merge: [], invalid: [] };
    await expect(applyImport(db, plan, { now: T0, defaultCadence: 91, newId: badAtThree })).rejects.toBeInstanceOf(
      StoreError,
    );
    expect((await listAll(db)).map((c) => c.name)).toEqual(['Before']);
  });

  it('a damaged person to merge stops the import with a clear code, and nothing of it is written', async () => {
    const { applyImport } = await import('../../src/storage/import');
    await db.put('contacts', { id: 'broken', garbage: true } as never);
    const plan = {
      add: [{ name: 'New One' }, { name: 'New Two' }],
      merge: [{ id: 'broken', name: 'Broken', draft: { name: 'Broken', role: 'CTO' } }],
      invalid: [],
    };
    await expect(applyImport(db, plan, { now: T0, defaultCadence: 91, newId })).rejects.toMatchObject({
      code: 'corrupt',
    });
    expect(await db.count('contacts')).toBe(1);
  });

  it('several rows for one known person become one merge', async () => {
    const { applyImport, planImport } = await import('../../src/storage/import');
    const known = await addContact(db, { name: 'Known', emails: ['k@example.org'] }, ctx());
    const plan = await planImport(db, [
      { name: 'Known', emails: ['k@example.org'], role: 'CTO' },
      { name: 'Known', emails: ['k@example.org'], phones: ['+49 2'] },
    ]);
    expect(plan.merge).toHaveLength(1);
    await applyImport(db, plan, { now: T0, defaultCadence: 91, newId });
    const after = await getContact(db, known.id);
    expect([after?.role, after?.phones]).toEqual(['CTO', ['+49 2']]);
  });

  it('the in-memory matcher of an import answers as the indexes do, shared keys included', async () => {
    const drafts: ContactDraft[] = [
      { name: 'Ann Berg', company: 'ACME', emails: ['ann@x.org'], profiles: [{ url: 'https://x.com/ann', site: 'x' }] },
      { name: 'Ann Berg', company: 'Other', emails: ['ann@x.org'] },
      { name: 'Ann Berg', company: 'acme' },
      { name: 'Jürgen Müller', company: 'Bäckerei', emails: ['J@Y.org', 'j2@y.org'] },
      { name: 'Juergen Mueller', company: 'Baeckerei' },
      { name: 'Solo' },
    ];
    let n = 0;
    const ids = () => `id-${String(9 - n++)}`; // later records get lower ids
    for (const d of drafts.slice(0, 2)) await addContact(db, d, { ...ctx(), newId: ids });
    await addContact(db, drafts[3] as ContactDraft, { ...ctx(), newId: ids });
    // A company's website that two people have, one of them twice under his name (saved twice by hand).
    const site = { url: 'https://www.acme.example', site: 'web' as const };
    for (const name of ['Cy Acme', 'Dee Acme', 'Dee Acme'])
      await addContact(db, { name, profiles: [site] }, { ...ctx(), newId: ids });
    const probes: ContactDraft[] = [
      ...drafts,
      { name: 'Cy Acme', profiles: [site] },
      { name: 'Dr. Cy Acme', profiles: [site] },
      { name: 'DEE ACME', profiles: [site] },
      { name: 'Eve Acme', profiles: [site] },
      { name: 'Someone', profiles: [{ url: 'https://x.com/ann', site: 'x' }] },
      { name: 'Someone', emails: ['j2@y.org'] },
      { name: 'Nobody', profiles: [{ url: 'https://x.com/nobody', site: 'x' }] },
    ];
    const store = db.transaction('contacts').store;
    const match = matcherOf(await store.getAll());
    for (const d of probes) expect((await match(d))?.id, d.name).toBe((await findMatch(store, d))?.id);
    // Not trivially agreeing on "nothing": most probes find someone.
    expect((await Promise.all(probes.map(match))).filter(Boolean).length).toBeGreaterThan(5);
    // The website with the name, titles aside, finds that one; with a name nobody here has, nobody.
    const byName = async (name: string) => (await match({ name, profiles: [site] }))?.name;
    expect(await Promise.all(['Cy Acme', 'Dr. Cy Acme', 'DEE ACME', 'Eve Acme'].map(byName))).toEqual([
      'Cy Acme',
      'Cy Acme',
      'Dee Acme',
      undefined,
    ]);
  });

  it('getMany reads by id with one get each or, for many, one getAll', async () => {
    for (const name of ['A', 'B', 'C']) await addContact(db, { name }, ctx());
    const ids = (await listAll(db)).map((c) => c.id);
    const store = db.transaction('contacts').store;
    for (const many of [64, 1]) {
      const got = await getMany(store, [ids[0] as string, 'missing', ids[2] as string], many);
      expect([...got.keys()].sort()).toEqual([ids[0], ids[2]].sort());
    }
  });
});
