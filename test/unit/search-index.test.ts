import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { DAY } from '../../src/contacts/cadence';
import { createContact } from '../../src/contacts/merge';
import { fold } from '../../src/contacts/normalize';
import { haystack, RS, US } from '../../src/contacts/search';
import type { Contact } from '../../src/contacts/types';
import { sortContacts } from '../../src/popup/list-model';
import { bulkPut, deleteEverything, markContacted, snooze, updateContact } from '../../src/storage/contact-writes';
import { firstByDue, listAll } from '../../src/storage/contacts';
import { type DB, openDatabase } from '../../src/storage/db';
import { addContact, upsertDraft } from '../../src/storage/draft-writes';
import { applyImport, planImport } from '../../src/storage/import';
import { removeContact, restoreContact } from '../../src/storage/links';
import { copySearchIndex } from '../../src/storage/search-copy';
import { readSearchIndex } from '../../src/storage/search-index';
import {
  BUCKETS,
  bucketOf,
  buildBuckets,
  idOfLine,
  indexCheck,
  indexLine,
  lineId,
} from '../../src/storage/search-lines';
import { byDue, countLines, searchBuckets, searchInDueOrder } from '../../src/storage/search-scan';
import { DEFAULT_SETTINGS, saveSettingsRenaming } from '../../src/storage/settings';
import { applySyncWrite } from '../../src/storage/sync-steps';
import { sameIndex } from './support/same-index';

let db: DB;
let n = 0;
const newId = () => `c${++n}`;
const T0 = new Date(2026, 0, 5, 9).getTime();
const ctx = (now = T0) => ({ now, newId, defaultCadence: 30 });
const person = (id: string, name: string, over: Partial<Contact> = {}): Contact => ({
  ...createContact({ name }, 'manual', T0, () => id, 30),
  ...over,
});

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  n = 0;
  db = await openDatabase();
});

/** The index says exactly what the book does. */
async function inStep() {
  expect(sameIndex(await readSearchIndex(db), await listAll(db))).toBe(true);
}

describe('searchBuckets', () => {
  const buckets = buildBuckets([
    person('a1', 'Jürgen Weiß', { company: 'Siemens', nextDueAt: T0 + DAY }),
    person('b2', 'Anna Schmidt', { role: 'Designerin', nextDueAt: T0 - DAY }),
    person('c3', 'Zoë Brandt', { notes: 'met at the Siemens summer party', nextDueAt: undefined }),
  ]);

  it('finds every word (folded) in any field, with the due moment for the order', () => {
    const ids = (words: string[]) =>
      searchBuckets(buckets, words)
        .map((h) => h.id)
        .sort();
    expect(ids(['siemens'])).toEqual(['a1', 'c3']);
    expect(ids(['jurgen', 'weiss'])).toEqual(['a1']);
    expect(ids(['siemens', 'party'])).toEqual(['c3']);
    expect(ids(['designerin'])).toEqual(['b2']);
    expect(ids([])).toEqual(['a1', 'b2', 'c3']);
    expect(ids(['nobody'])).toEqual([]);
    const hit = searchBuckets(buckets, ['anna'])[0];
    expect(hit && { id: hit.id, due: hit.due, text: hit.text }).toEqual({
      id: 'b2',
      due: T0 - DAY,
      text: haystack(person('b2', 'Anna Schmidt', { role: 'Designerin' })),
    });
    expect(searchBuckets(buckets, [fold('Zoë')])[0]?.due).toBe(Number.POSITIVE_INFINITY);
  });

  it('never matches on the id or the due moment, only on what the user sees', () => {
    expect(searchBuckets(buckets, ['a1'])).toEqual([]);
    expect(searchBuckets(buckets, [String(T0 + DAY).slice(0, 6)])).toEqual([]);
  });

  it('keeps the separators out of the text, so a crafted name cannot forge a line', () => {
    const forged = person('x9', 'Eve\u001eevil\u001f0\u001fadmin');
    const b = buildBuckets([forged]);
    expect(b.filter(Boolean)).toHaveLength(1);
    expect(searchBuckets(b, ['admin']).map((h) => h.id)).toEqual(['x9']);
    expect(indexLine(forged).split('\u001e')).toHaveLength(1);
  });

  it('finds the same people whichever word it scans for first, and counts everyone', () => {
    const many = buildBuckets(
      Array.from({ length: 300 }, (_, i) => person(`m${i}`, `Person ${i}`, { company: `Company ${i % 7}` })),
    );
    const ids = (words: string[]) =>
      searchBuckets(many, words)
        .map((h) => h.id)
        .sort();
    expect(ids(['person', '12'])).toEqual(ids(['12', 'person']));
    expect(ids(['person', '12'])).toContain('m12');
    expect(ids(['person', '12'])).toContain('m120');
    expect(countLines(many)).toBe(300);
    expect(countLines(buildBuckets([]))).toBe(0);
  });

  it('finds exactly those whose text holds every word, with words that also occur in ids and due moments', () => {
    // Digits, a few letters and the characters packed ids and due moments are made of: the words turn up in ids
    // and due moments of lines that do not match, too.
    const unit = fc.constantFrom('1', '2', 'a', 'b', ' ', '\x80', '\x81', '\xc3');
    // Short names, and names longer than the scan looks ahead in the line it is at.
    const text = fc.oneof(
      fc.string({ unit, minLength: 1, maxLength: 8 }),
      fc.string({ unit, minLength: 250, maxLength: 300 }),
    );
    // UUIDs (packed ids), other ids — 12 characters put a packed due moment's end where a packed id's would be —
    // and ids kept marked; no due moment, small ones and ones of these years (6 packed characters).
    const id = fc.oneof(
      fc.uuid(),
      fc.constantFrom('id-000000012', 'x', '12ab', '\xe91', '\x7f\x80'),
      fc.string({ unit, minLength: 1, maxLength: 24 }),
    );
    const due = fc.option(fc.oneof(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: T0, max: T0 + 1e12 })));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ id, name: text, due }), { maxLength: 40, selector: (r) => r.id }),
        fc.array(
          fc.string({ unit: fc.constantFrom('1', '2', 'a', 'b', '\x80', '\x81', '\xc3'), minLength: 1, maxLength: 3 }),
          {
            maxLength: 3,
          },
        ),
        (rows, words) => {
          const people = rows.map((r) =>
            person(r.id, `x ${r.name}`, {
              nextDueAt: r.due === null ? undefined : r.due,
            }),
          );
          const found = searchBuckets(buildBuckets(people), words);
          const expected = people.filter((c) => words.every((w) => haystack(c).includes(w))).map((c) => c.id);
          expect(found.map((h) => h.id).sort()).toEqual(expected.sort());
          for (const h of found) {
            const c = people.find((c) => c.id === h.id) as Contact;
            expect(h.text).toBe(haystack(c));
            expect(h.due).toBe(c.nextDueAt ?? Number.POSITIVE_INFINITY);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads each line's own fields when the next line's separator falls where a packed due moment's would end", () => {
    // A due moment of 2 characters (200 ms after 1970), a text of one letter and a next line with a one-letter id:
    // the US 6 characters into the due moment is the next line's.
    const a = person('p', 'a', { nextDueAt: 200 });
    const b = person('q', 'b', { nextDueAt: undefined });
    const bucket = [indexLine(a, 'a'), indexLine(b, 'b')].join(RS);
    expect(bucket.indexOf(US, bucket.indexOf(US) + 1 + 6)).toBe(bucket.indexOf(US) + 1 + 6);
    expect(searchBuckets([bucket], ['a']).map((h) => [h.id, h.due, h.text])).toEqual([['p', 200, 'a']]);
    expect(searchBuckets([bucket], []).map((h) => [h.id, h.due, h.text])).toEqual([
      ['p', 200, 'a'],
      ['q', Number.POSITIVE_INFINITY, 'b'],
    ]);
  });

  it('spreads ids over the buckets and puts an id always in the same one', () => {
    const used = new Set(Array.from({ length: 5000 }, (_, i) => bucketOf(`id-${i}`)));
    expect(used.size).toBe(BUCKETS);
    expect(bucketOf('same')).toBe(bucketOf('same'));
  });
});

describe('index lines', () => {
  const uuid = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';

  it('packs a UUID into 19 one-byte characters and reads it back; other ids stay as they are', () => {
    expect(lineId(uuid)).toHaveLength(19);
    expect(lineId(uuid)).toMatch(/^[\x80-\xff]+$/);
    expect(idOfLine(lineId(uuid))).toBe(uuid);
    expect(lineId('c12')).toBe('c12');
    // Only the form Reconnect writes is packed: capitals or braces would not come back the same.
    expect(lineId(uuid.toUpperCase())).toBe(uuid.toUpperCase());
    expect(lineId(`{${uuid}}`)).toBe(`{${uuid}}`);
  });

  it('gives every id back exactly, whatever it holds (separators become spaces, as in the text)', () => {
    const packedLike = fc.string({ unit: fc.integer({ min: 0x7f, max: 0xff }).map((c) => String.fromCharCode(c)) });
    const anyId = fc.oneof(fc.uuid(), fc.string(), packedLike, fc.string({ unit: 'binary' }));
    const cleaned = (id: string) => id.replaceAll('\u001e', ' ').replaceAll('\u001f', ' ');
    fc.assert(
      fc.property(anyId, (id) => {
        const field = lineId(id);
        expect(field.includes('\u001e') || field.includes('\u001f')).toBe(false);
        expect(idOfLine(field)).toBe(cleaned(id));
      }),
    );
    // Two ids share a line's id only if they are the same (once cleaned): a kept id never reads as a packed one.
    fc.assert(fc.property(anyId, anyId, (a, b) => (cleaned(a) === cleaned(b)) === (lineId(a) === lineId(b))));
    expect(lineId(idOfLine(lineId('f47ac10b-58cc-4372-a567-0e02b2c3d479')))).toHaveLength(19);
  });

  it('makes a line shorter: a packed id and a packed due moment, one-byte characters no typed word holds', () => {
    const c = person(uuid, 'Anna Schmidt', { nextDueAt: T0 });
    const [id, due, text] = indexLine(c).split('\u001f');
    expect(id).toBe(lineId(uuid));
    expect(text).toBe(haystack(c));
    expect(due).toMatch(/^[\x80-\xff]{6}$/);
  });

  it('reads back every due moment: none, whole milliseconds, before 1970, and fractions', () => {
    for (const due of [undefined, 0, 1, 127, 128, T0, Number.MAX_SAFE_INTEGER, -T0, -1, 1.5, -2.25, 1e300]) {
      const [hit] = searchBuckets(buildBuckets([person(uuid, 'Anna', { nextDueAt: due })]), ['anna']);
      expect(hit?.due).toBe(due ?? Number.POSITIVE_INFINITY);
      expect(hit?.id).toBe(uuid);
    }
  });

  it('finds people by what the user sees only, not by the characters of a due moment or an id', () => {
    const c = person(uuid, 'Anna', { nextDueAt: T0 });
    const [id = '', due = ''] = indexLine(c).split('\u001f');
    const b = buildBuckets([c]);
    for (const w of [due.slice(0, 2), due.slice(-2), id.slice(2, 6), 'm', '1'])
      expect(searchBuckets(b, [w])).toEqual([]);
  });
});

describe('indexCheck (whether the index is in step, a step at a time, for the idle moments)', () => {
  const book = Array.from({ length: 2500 }, (_, i) =>
    person(`p${i}`, `Person ${i}`, { company: `Company ${i % 7}`, nextDueAt: T0 + (i % 30) * DAY }),
  );
  /** Runs the check to its end: its answer and how many times it paused. */
  const run = (stored: readonly string[], contacts: readonly Contact[]) => {
    const steps = indexCheck(stored, contacts, haystack, 1000);
    for (let pauses = 0; ; pauses++) {
      const step = steps.next();
      if (step.done) return { same: step.value, pauses };
    }
  };

  it('answers whether the index says what the book does, pausing every thousand lines taken apart or people compared', () => {
    const stored = buildBuckets(book);
    // 2,500 lines taken apart, then 2,500 people compared: a pause after every thousand.
    expect(run(stored, book)).toEqual({ same: true, pauses: 5 });
    expect(sameIndex(stored, book)).toBe(true);
  });

  it('finds a book out of step: a person changed, missing or added', () => {
    const stored = buildBuckets(book);
    const changed = book.map((c, i) => (i === 2222 ? { ...c, company: 'Elsewhere' } : c));
    expect(run(stored, changed).same).toBe(false);
    expect(sameIndex(stored, changed)).toBe(false);
    expect(run(stored, book.slice(1)).same).toBe(false);
    expect(run(stored, [...book, person('new', 'Neu')]).same).toBe(false);
    // The answer comes as soon as a person differs: not all of them compared.
    expect(run(stored, changed).pauses).toBeLessThan(run(stored, book).pauses);
  });
});

describe('searchInDueOrder', () => {
  const people = fc.array(
    fc.record({
      name: fc.constantFrom('anna', 'ben', 'anna ben', 'cem'),
      due: fc.constantFrom<number | undefined>(1, 2, 30, undefined),
    }),
    { maxLength: 50 },
  );

  it('gives the hits in the order a stable sort by due moment and text would, however far the list looks', () => {
    fc.assert(
      fc.property(
        people,
        fc.subarray(['an', 'ben', 'e']),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 60 }),
        (rows, words, head, look) => {
          const buckets = buildBuckets(rows.map((r, i) => person(`p${i}`, r.name, { nextDueAt: r.due })));
          const sorted = searchBuckets(buckets, words)
            .sort(byDue)
            .map((h) => h.id);
          const ordered = searchInDueOrder(buckets, words, head);
          expect(ordered.length).toBe(sorted.length);
          // The first screens before anything past them is asked for, then a look past them, then all again.
          for (let i = 0; i < Math.min(head, sorted.length); i++) expect(ordered.at(i)?.id).toBe(sorted[i]);
          expect(ordered.at(look)?.id).toBe(sorted[look]);
          expect(Array.from({ length: sorted.length }, (_, i) => ordered.at(i)?.id)).toEqual(sorted);
        },
      ),
    );
  });

  it("puts ties in due order by id, as the store's due index and the list do, and people without a cadence by their text: the first screen, an early search and the full list agree", async () => {
    // Ids as the store gives them (UUIDs, packed in the lines), as older versions or tests wrote them (kept as they
    // are), and some that start as a packed one would (marked): ties among all of them.
    const anId = fc.oneof(
      fc.uuid(),
      fc.string({ minLength: 1, maxLength: 4 }),
      fc.constantFrom('\x7fx', 'é1', 'ä', 'Z', '0'),
    );
    const rows = fc.uniqueArray(
      fc.record({
        id: anId,
        // Names whose order by name (a collator) and by folded text differ: umlauts written out or not, numbers.
        name: fc.constantFrom('anna', 'ben', 'anna ben', 'Mueller', 'Müller', 'Muller Z', 'person 2', 'person 10'),
        due: fc.constantFrom<number | undefined>(T0, T0 + DAY, undefined),
      }),
      { selector: (r) => r.id, maxLength: 40 },
    );
    await fc.assert(
      fc.asyncProperty(rows, async (rows) => {
        globalThis.indexedDB = new IDBFactory();
        const store = await openDatabase();
        const book = rows.map((r) => person(r.id, r.name, { nextDueAt: r.due }));
        await bulkPut(store, book);
        const list = sortContacts(book, haystack, 'due').contacts.map((c) => c.id);
        const early = searchBuckets(buildBuckets(book), [])
          .sort(byDue)
          .map((h) => h.id);
        expect(early).toEqual(list);
        const head = searchInDueOrder(buildBuckets(book), [], 12);
        expect(Array.from({ length: Math.min(12, list.length) }, (_, i) => head.at(i)?.id)).toEqual(list.slice(0, 12));
        // The first screen, read from the due index before everyone is: the list's first rows (people with a
        // cadence; those without come last and are not in that index).
        const first = (await firstByDue(store, 12)).map((c) => c.id);
        expect(first).toEqual(list.filter((id) => rows.find((r) => r.id === id)?.due !== undefined).slice(0, 12));
        store.close();
      }),
      { numRuns: 60 },
    );
  });

  it('reads a due moment that is not plain digits as a number too (before 1970: a minus sign)', () => {
    const buckets = buildBuckets([
      person('late', 'Anna Late', { nextDueAt: 5 }),
      person('early', 'Anna Early', { nextDueAt: -5 }),
    ]);
    expect(searchInDueOrder(buckets, ['anna'], 2).at(0)?.due).toBe(-5);
    expect(searchBuckets(buckets, ['anna']).map((h) => h.due)).toContain(-5);
  });

  it('scans the buckets again only when a row past the first ones is asked for', () => {
    const buckets = buildBuckets(
      Array.from({ length: 100 }, (_, i) => person(`p${i}`, `Person ${i}`, { nextDueAt: T0 + (100 - i) * DAY })),
    );
    let scans = 0;
    const watched = new Proxy(buckets, {
      get(target, key, receiver) {
        if (key === 'reduce') scans++;
        return Reflect.get(target, key, receiver);
      },
    });
    const ordered = searchInDueOrder(watched, ['person'], 5);
    expect(scans).toBe(1);
    expect(ordered.length).toBe(100);
    expect([0, 1, 2, 3, 4].map((i) => ordered.at(i)?.id)).toEqual(['p99', 'p98', 'p97', 'p96', 'p95']);
    expect(scans).toBe(1);
    expect(ordered.at(5)?.id).toBe('p94');
    expect(scans).toBe(2);
    expect(ordered.at(99)?.id).toBe('p0');
    expect(scans).toBe(2);
  });
});

describe('readSearchIndex', () => {
  it('reads every bucket, in their order, though it asks for them in parts', async () => {
    const people = Array.from({ length: 3000 }, (_, i) => person(`r${i}`, `Reader ${i}`));
    await bulkPut(db, people);
    const read = await readSearchIndex(db);
    expect(read).toEqual(await db.getAll('search', IDBKeyRange.bound(0, BUCKETS - 1)));
    expect(countLines(read)).toBe(3000);
    expect(new Set(people.map((p) => bucketOf(p.id))).size).toBe(BUCKETS);
  });

  it('hands over each part as it arrives, before the whole: together they are the index', async () => {
    await bulkPut(
      db,
      Array.from({ length: 500 }, (_, i) => person(`r${i}`, `Reader ${i}`)),
    );
    const parts: (readonly string[])[] = [];
    const reading = readSearchIndex(db, (part) => parts.push(part));
    expect(parts).toEqual([]);
    const read = await reading;
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flat().sort()).toEqual([...read].sort());
    expect(parts.reduce((n, part) => n + countLines(part), 0)).toBe(500);
  });
});

describe("a large index's copy in Blobs (read as files, faster than strings)", () => {
  /** 4,000 people with a long note: about 3.3 million characters of lines, above the size that has a copy. */
  const large = () =>
    Array.from({ length: 4000 }, (_, i) =>
      person(`r${i}`, `Reader ${i}`, {
        notes: `Notiz ${i}: ${'Messe Köln, Kunden, Relaunch der Website '.repeat(20)}`,
      }),
    );
  const strings = () => db.getAll('search', IDBKeyRange.bound(0, BUCKETS - 1)) as Promise<string[]>;
  const keys = async (prefix: string) =>
    (await db.getAllKeys('search', IDBKeyRange.bound(prefix, `${prefix}\uffff`))).map(String);
  /** Reads the index, and whether the read asked for a new copy. */
  const read = async () => {
    let stale = false;
    const buckets = await readSearchIndex(db, undefined, () => {
      stale = true;
    });
    return { buckets, stale };
  };

  it('asked for once the index is large; then read from it, with the buckets changed since as they are now', async () => {
    await bulkPut(db, large());
    const first = await read();
    expect(first).toEqual({ buckets: await strings(), stale: true });
    await copySearchIndex(db);
    expect(await keys('p')).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']);
    expect((await db.get('search', 'p0')) as { text: Blob }).toMatchObject({ text: expect.any(Blob) });
    expect(await keys('d')).toEqual([]);
    expect(await read()).toEqual({ buckets: await strings(), stale: false });
    // What is read is the copy: a bucket's string changed around the store (no mark) is not seen.
    const at = (await strings()).findIndex(Boolean);
    const original = (await db.get('search', at)) as string;
    await db.put('search', 'changed around the store', at);
    expect((await read()).buckets[at]).toBe(original);
    await db.put('search', original, at);
    // Every write marks the buckets it changed, and a read takes those from the strings.
    const a = await addContact(db, { name: 'Ada Lovelace' }, ctx());
    await upsertDraft(db, { name: 'Grace Hopper', company: 'Navy' }, 'captured', ctx());
    await updateContact(db, a.id, (c) => ({ ...c, name: 'Ada King', circles: ['friends'] }), ctx());
    await markContacted(db, 'r7', 'call', 'talked', T0 + DAY);
    await snooze(db, 'r8', T0 + 40 * DAY, T0);
    await applySyncWrite(db, { contacts: [person('s1', 'From The Phone')], deleteContacts: ['r9'] });
    const marked = await keys('d');
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.length).toBeLessThanOrEqual(8);
    const after = await read();
    expect(after).toEqual({ buckets: await strings(), stale: false });
    expect(searchBuckets(after.buckets, ['ada', 'king']).map((h) => h.id)).toEqual([a.id]);
    expect(searchBuckets(after.buckets, ['phone']).map((h) => h.id)).toEqual(['s1']);
    expect(searchBuckets(after.buckets, ['reader', '9']).map((h) => h.id)).not.toContain('r9');
    await inStep();
    // Many buckets changed since: the read asks for a new copy, which takes the marks away.
    await bulkPut(
      db,
      Array.from({ length: 40 }, (_, i) => person(`n${i}`, `Newcomer ${i}`)),
    );
    expect(await read()).toEqual({ buckets: await strings(), stale: true });
    await copySearchIndex(db);
    expect(await keys('d')).toEqual([]);
    expect(await read()).toEqual({ buckets: await strings(), stale: false });
    await inStep();
    // A copy the browser cannot give back as it was written: the strings are read, and a new copy asked for.
    await db.put('search', { lengths: [1], text: new Blob(['x']) }, 'p3');
    expect(await read()).toEqual({ buckets: await strings(), stale: true });
    await copySearchIndex(db);
    expect(await read()).toEqual({ buckets: await strings(), stale: false });
    // Everyone deleted: no copy, nothing found.
    await deleteEverything(db);
    expect(await keys('p')).toEqual([]);
    expect((await readSearchIndex(db)).filter(Boolean)).toEqual([]);
  });

  it('none for a small index, nor for text a Blob cannot hold as it is (a lone surrogate)', async () => {
    await bulkPut(db, large().slice(0, 500));
    expect((await read()).stale).toBe(false);
    await copySearchIndex(db);
    expect(await keys('p')).toEqual([]);
    await bulkPut(db, [...large(), person('odd', 'Broken \ud800 Name')]);
    await copySearchIndex(db);
    expect(await keys('p')).toEqual([]);
    // Nor does a read of it ask for one (it would be refused again at every popup).
    expect(await read()).toEqual({ buckets: await strings(), stale: false });
  });
});

describe('every write keeps the search index in step with the book, in the same transaction', () => {
  it('add, capture, update, contact logged, snooze, delete, undo, bulk, import, circle rename, sync, delete all', async () => {
    const a = await addContact(db, { name: 'Ada Lovelace' }, ctx());
    await inStep();
    const captured = await upsertDraft(db, { name: 'Grace Hopper', company: 'Navy' }, 'captured', ctx());
    await upsertDraft(db, { name: 'Grace Hopper', company: 'Navy', role: 'Admiral' }, 'captured', ctx(T0 + DAY));
    await inStep();
    expect(searchBuckets(await readSearchIndex(db), ['admiral']).map((h) => h.id)).toEqual([captured.contact.id]);
    await updateContact(db, a.id, (c) => ({ ...c, name: 'Ada King', circles: ['friends'] }), ctx());
    await markContacted(db, a.id, 'call', 'talked', T0 + DAY);
    await snooze(db, a.id, T0 + 40 * DAY, T0);
    await inStep();
    expect(searchBuckets(await readSearchIndex(db), ['lovelace'])).toEqual([]);
    const removed = await removeContact(db, a.id);
    await inStep();
    if (removed) await restoreContact(db, removed.contact);
    await inStep();
    await bulkPut(db, [person('p1', 'Bulk One'), person('p2', 'Bulk Two', { circles: ['clients'] })]);
    await inStep();
    const plan = await planImport(db, [
      { name: 'Imported Person', company: 'Acme' },
      { name: 'Bulk One', role: 'CTO' },
    ]);
    await applyImport(db, plan, { now: T0, defaultCadence: 91, newId });
    await inStep();
    await saveSettingsRenaming(db, DEFAULT_SETTINGS, new Map([['clients', 'Kundschaft']]), T0);
    await inStep();
    expect(searchBuckets(await readSearchIndex(db), ['kundschaft']).map((h) => h.id)).toEqual(['p2']);
    await applySyncWrite(db, { contacts: [person('s1', 'From The Phone')], deleteContacts: ['p1'] });
    await inStep();
    await deleteEverything(db);
    await inStep();
    expect((await readSearchIndex(db)).filter(Boolean)).toEqual([]);
  });

  it('a record the list cannot read (no name) is not indexed: a search never finds a row it cannot show', async () => {
    await bulkPut(db, [person('ok', 'Readable Person'), person('blank', ' ')]);
    expect(searchBuckets(await readSearchIndex(db), []).map((h) => h.id)).toEqual(['ok']);
    await inStep();
  });

  it('an import that fails writes nothing to the index either', async () => {
    await addContact(db, { name: 'Kept Person' }, ctx());
    const before = await readSearchIndex(db);
    const plan = await planImport(db, [{ name: 'New One' }, { name: 'New Two' }]);
    // Two new people with one id: the second add fails and the whole import is rolled back.
    await expect(applyImport(db, plan, { now: T0, defaultCadence: 91, newId: () => 'same' })).rejects.toBeTruthy();
    expect(await readSearchIndex(db)).toEqual(before);
    await inStep();
  });

  it('holds over any sequence of writes (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({ op: fc.constant('add' as const), name: fc.string({ minLength: 1, maxLength: 12 }) }),
            fc.record({ op: fc.constant('rename' as const), at: fc.nat(), name: fc.string({ minLength: 1 }) }),
            fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
            fc.record({
              op: fc.constant('bulk' as const),
              names: fc.array(fc.string({ minLength: 1 }), { maxLength: 5 }),
            }),
          ),
          { maxLength: 12 },
        ),
        async (ops) => {
          globalThis.indexedDB = new IDBFactory();
          db = await openDatabase();
          for (const o of ops) {
            const ids = (await listAll(db)).map((c) => c.id);
            const pick = 'at' in o ? ids[o.at % Math.max(1, ids.length)] : undefined;
            if (o.op === 'add') await addContact(db, { name: o.name }, ctx());
            else if (o.op === 'bulk')
              await bulkPut(
                db,
                o.names.map((name) => person(newId(), name)),
              );
            else if (pick && o.op === 'rename') await updateContact(db, pick, (c) => ({ ...c, name: o.name }), ctx());
            else if (pick && o.op === 'remove') await removeContact(db, pick);
          }
          const index = await readSearchIndex(db);
          const all = await listAll(db);
          expect(sameIndex(index, all)).toBe(true);
          expect(searchBuckets(index, []).length).toBe(all.length);
        },
      ),
      { numRuns: 40 },
    );
  });
});
