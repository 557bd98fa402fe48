/**
 * "Saved twice?" (contacts/duplicates.ts, options/state.ts mergeAll): who may be one person saved twice, across the
 * book, and a group merged whole or not at all, with Undo.
 */
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DAY } from '../../src/contacts/cadence';
import { duplicateGroups } from '../../src/contacts/duplicates';
import { blankContact } from '../../src/contacts/merge';
import type { Contact } from '../../src/contacts/types';
import { createOptionsState } from '../../src/options/state';
import { addContact, deleteEverything, markContacted } from '../../src/storage/contact-writes';
import { getContact, listAll } from '../../src/storage/contacts';
import { type DB, openDatabase } from '../../src/storage/db';
import { DISTINCT_KEY, distinctPairs, markDistinct, pairKey } from '../../src/storage/distinct';

const NOW = new Date(2026, 11, 4, 10).getTime();
const person = (id: string, name: string, over: Partial<Contact> = {}): Contact => ({
  ...blankContact(id, 'manual', NOW - 100 * DAY, 30),
  name,
  ...over,
});
const ids = (groups: ReturnType<typeof duplicateGroups>) => groups.map((g) => g.people.map((c) => c.id));

describe('who may be one person saved twice', () => {
  it('a name folded as matching folds it, an email address (case aside) or a profile link in common; a chain joins', () => {
    const book = [
      person('a1', 'Anna Alt', { company: 'Acme GmbH' }),
      person('a2', 'anna ALT', { company: 'ACME Group' }),
      person('b1', 'Ben Bauer', { emails: ['Ben@Example.org'] }),
      person('b2', 'Benjamin Bauer', { emails: ['ben@example.org '], phones: ['+49 30 1234567'] }),
      person('b3', 'B. Bauer', { profiles: [{ url: 'https://www.xing.com/profile/Ben_Bauer', site: 'xing' }] }),
      person('b4', 'Benny', {
        emails: ['benny@example.org', 'ben@example.org'],
        profiles: [{ url: 'https://www.xing.com/profile/Ben_Bauer', site: 'xing' }],
      }),
      // A phone number in common is no reason: a family's landline, an office's switchboard.
      person('c1', 'Cora Neu', { phones: ['+49 30 1234567'] }),
      person('d1', 'Dora'),
      person('e1', ''),
      person('e2', ''),
    ];
    const groups = duplicateGroups(book);
    expect(ids(groups)).toEqual([['a1', 'a2'], ['b1', 'b2', 'b4', 'b3'].sort()]);
    expect(groups.map((g) => g.reasons)).toEqual([['name'], ['email', 'profile']]);
  });

  it('whom to keep comes first: the most contacts logged, then the oldest record; groups by that name, titles aside', () => {
    const groups = duplicateGroups([
      person('z-new', 'Zora Zett', { createdAt: NOW - DAY }),
      person('z-old', 'Zora Zett', { createdAt: NOW - 900 * DAY }),
      person('m-few', 'Dr. Max Roe', { createdAt: NOW - 900 * DAY }),
      person('m-logged', 'Max Roe', {
        createdAt: NOW - DAY,
        interactions: [{ at: NOW - DAY, kind: 'call' }],
      }),
    ]);
    expect(ids(groups)).toEqual([
      ['m-logged', 'm-few'],
      ['z-old', 'z-new'],
    ]);
  });

  it('two people marked apart are not joined; a third of their name is, with each of them', () => {
    const book = [person('t1', 'Thomas Müller'), person('t2', 'Thomas Müller')];
    const apart = (pairs: string[][]) => (a: string, b: string) =>
      pairs.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
    expect(duplicateGroups(book, apart([['t1', 't2']]))).toEqual([]);
    const three = duplicateGroups([...book, person('t3', 'Thomas Mueller')], apart([['t2', 't1']]));
    expect(ids(three)).toEqual([['t1', 't2', 't3']]);
  });

  it("a company's website in common is no reason (colleagues share it); their name in common still is", () => {
    const site = { url: 'https://www.acme.example', site: 'web' as const };
    const groups = duplicateGroups([
      person('w1', 'Ada Acme', { profiles: [site] }),
      person('w2', 'Bo Acme', { profiles: [site] }),
      person('w3', 'Cy Acme', { profiles: [site] }),
      person('w4', 'Cy Acme', { profiles: [site] }),
    ]);
    expect(ids(groups)).toEqual([['w3', 'w4']]);
    expect(groups.map((g) => g.reasons)).toEqual([['name']]);
  });

  it('nobody twice: no group', () => {
    expect(duplicateGroups([person('a', 'Anna'), person('b', 'Ben')])).toEqual([]);
    expect(duplicateGroups([])).toEqual([]);
  });
});

describe('a group merged from the options page', () => {
  let db: DB;
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    db = await openDatabase();
  });
  const state = () =>
    createOptionsState({
      db,
      now: () => NOW,
      settingsChanged: async () => ({ nextAt: null }),
      onChange: () => () => {},
    });

  it('merges every other record into the one kept; Undo brings each back, a contact logged since stands', async () => {
    const keep = await addContact(db, { name: 'Anna Alt', emails: ['anna@acme.example'] }, { now: NOW - 9 * DAY });
    const two = await addContact(db, { name: 'Anna Alt', emails: ['anna@home.example'] }, { now: NOW - 8 * DAY });
    const three = await addContact(db, { name: 'Anna Alt', phones: ['+49 171 5550000'] }, { now: NOW - 7 * DAY });
    const undo = await state().mergeAll(keep.id, [two.id, three.id]);
    let all = await listAll(db);
    expect(all.map((c) => c.id)).toEqual([keep.id]);
    expect(all[0]?.emails.sort()).toEqual(['anna@acme.example', 'anna@home.example']);
    expect(all[0]?.phones).toEqual(['+49 171 5550000']);
    await markContacted(db, keep.id, 'call', 'after the merge', NOW, undefined, NOW);
    await undo();
    all = await listAll(db);
    expect(all.map((c) => c.id).sort()).toEqual([keep.id, two.id, three.id].sort());
    const kept = await getContact(db, keep.id);
    expect(kept?.emails).toEqual(['anna@acme.example']);
    expect(kept?.phones).toEqual([]);
    expect(kept?.interactions.map((i) => i.note)).toEqual(['after the merge']);
  });

  it('one record gone meanwhile: nothing of the group is merged, and the step says why', async () => {
    const keep = await addContact(db, { name: 'Ben Bauer' }, { now: NOW - 9 * DAY });
    const two = await addContact(db, { name: 'Ben Bauer', emails: ['ben@example.org'] }, { now: NOW - 8 * DAY });
    await expect(state().mergeAll(keep.id, [two.id, 'deleted-meanwhile'])).rejects.toMatchObject({ code: 'notFound' });
    const all = await listAll(db);
    expect(all.map((c) => c.id).sort()).toEqual([keep.id, two.id].sort());
    expect((await getContact(db, keep.id))?.emails).toEqual([]);
  });
});

describe('people marked apart (storage/distinct.ts)', () => {
  let db: DB;
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    db = await openDatabase();
  });

  it('every pair of a group is kept, either way round, until taken back; "Delete everything" takes them too', async () => {
    await markDistinct(db, ['c', 'a', 'b']);
    let pairs = await distinctPairs(db);
    expect([...pairs].length).toBe(3);
    expect(pairs.has(pairKey('a', 'c')) && pairs.has(pairKey('c', 'a')) && pairs.has(pairKey('b', 'c'))).toBe(true);
    await markDistinct(db, ['a', 'b'], false);
    pairs = await distinctPairs(db);
    expect(pairs.has(pairKey('a', 'b'))).toBe(false);
    expect(pairs.has(pairKey('a', 'c'))).toBe(true);
    await deleteEverything(db);
    expect((await distinctPairs(db)).size).toBe(0);
  });

  it('a damaged value reads as none', async () => {
    await db.put('meta', { not: 'a list' }, DISTINCT_KEY);
    expect((await distinctPairs(db)).size).toBe(0);
    await db.put('meta', ['a\nb', 7, null], DISTINCT_KEY);
    expect([...(await distinctPairs(db))]).toEqual(['a\nb']);
  });
});
