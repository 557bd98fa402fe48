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
import { addContact, markContacted } from '../../src/storage/contact-writes';
import { getContact, listAll } from '../../src/storage/contacts';
import { type DB, openDatabase } from '../../src/storage/db';

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
