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
import { parseContactsFile, writeVCards } from '../../src/interchange';
import { createOptionsState } from '../../src/options/state';
import { onChange } from '../../src/storage/changes';
import { deleteEverything, markContacted } from '../../src/storage/contact-writes';
import { getContact, listAll } from '../../src/storage/contacts';
import { type DB, openDatabase } from '../../src/storage/db';
import { markDistinct, moveListedMarks, pairKey, pairsOf } from '../../src/storage/distinct';
import { addContact } from '../../src/storage/draft-writes';
import { StoreError } from '../../src/storage/errors';
import { applyImport, planImport } from '../../src/storage/import';
import { linkPeople, mergePeople, removeContact, unlinkPeople } from '../../src/storage/links';

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
  const pairs = async () => pairsOf(await listAll(db));
  const marks = async (id: string) => (await getContact(db, id))?.related.filter((r) => r.kind === 'distinct');

  it('every pair of a group is marked on both people, either way round, until taken back; written as changed then', async () => {
    const [a, b, c] = await Promise.all(
      ['Ben Bauer', 'Ben Bauer', 'Ben Baur'].map((name, i) => addContact(db, { name }, { now: NOW - (i + 1) * DAY })),
    );
    if (!a || !b || !c) throw new Error('not added');
    await markDistinct(db, [c.id, a.id, b.id], true, NOW);
    let now = await pairs();
    expect(now.size).toBe(3);
    expect(now.has(pairKey(a.id, c.id)) && now.has(pairKey(c.id, a.id)) && now.has(pairKey(b.id, c.id))).toBe(true);
    expect((await marks(a.id))?.map((r) => [r.id, r.name]).sort()).toEqual(
      [
        [b.id, 'Ben Bauer'],
        [c.id, 'Ben Baur'],
      ].sort(),
    );
    expect((await getContact(db, b.id))?.updatedAt).toBe(NOW);
    await markDistinct(db, [a.id, b.id], false, NOW + DAY);
    now = await pairs();
    expect(now.has(pairKey(a.id, b.id))).toBe(false);
    expect(now.has(pairKey(a.id, c.id))).toBe(true);
    expect((await marks(b.id))?.map((r) => r.id)).toEqual([c.id]);
  });

  it('the finder leaves them apart, a merge keeps the marks of the one merged, and a delete takes its marks with it', async () => {
    const [a, b, c] = await Promise.all(
      ['Ben Bauer', 'Ben Bauer', 'Ben Bauer'].map((name, i) => addContact(db, { name }, { now: NOW - (i + 1) * DAY })),
    );
    if (!a || !b || !c) throw new Error('not added');
    await markDistinct(db, [a.id, c.id], true, NOW);
    await markDistinct(db, [b.id, c.id], true, NOW);
    const before = await listAll(db);
    const groups = duplicateGroups(before, (x, y) => pairsOf(before).has(pairKey(x, y)));
    expect(groups.map((g) => g.people.map((p) => p.id).sort())).toEqual([[a.id, b.id].sort()]);
    // b merged into a: c's mark of b is one of a now (one mark, not two).
    await mergePeople(db, a.id, b.id, NOW + DAY);
    expect((await marks(c.id))?.map((r) => r.id)).toEqual([a.id]);
    const after = await listAll(db);
    expect(duplicateGroups(after, (x, y) => pairsOf(after).has(pairKey(x, y)))).toEqual([]);
    await removeContact(db, a.id, NOW + 2 * DAY);
    expect(await marks(c.id)).toEqual([]);
  });

  it("0.7.0's list of marked pairs goes onto the people once (an update): both sides, written as changed; what it cannot place is dropped", async () => {
    const [a, b, c] = await Promise.all(
      ['Ben Bauer', 'Ben Bauer', 'Ben Bauer'].map((name, i) => addContact(db, { name }, { now: NOW - (i + 1) * DAY })),
    );
    if (!a || !b || !c) throw new Error('not added');
    await markDistinct(db, [a.id, c.id], true, NOW - DAY);
    const unchanged = await getContact(db, c.id);
    // As 0.7.0 kept them: b with a and c, one pair twice and once the other way round, one with someone deleted since,
    // one already on the people, one damaged.
    const listed = [`${a.id}\n${b.id}`, `${b.id}\n${a.id}`, `${c.id}\n${b.id}`, `${b.id}\ngone`, `${a.id}\n${c.id}`];
    await db.put('meta', [...listed, 'broken', 7], 'distinct');
    const said: unknown[] = [];
    const stop = onChange((change) => said.push(change), { from: 'all' });
    expect((await moveListedMarks(db, NOW)).sort()).toEqual([a.id, b.id, c.id].sort());
    await new Promise((r) => setTimeout(r, 20));
    stop();
    expect(said).toEqual([{ kind: 'contacts', ids: expect.arrayContaining([a.id, b.id, c.id]) }]);
    expect(await db.get('meta', 'distinct')).toBeUndefined();
    expect([...(await pairs())].sort()).toEqual([pairKey(a.id, b.id), pairKey(b.id, c.id), pairKey(a.id, c.id)].sort());
    expect((await marks(b.id))?.map((r) => r.id).sort()).toEqual([a.id, c.id].sort());
    expect((await getContact(db, b.id))?.updatedAt).toBe(NOW);
    // c's mark of a was on c already: one mark, not two.
    expect((await marks(c.id))?.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    expect(unchanged?.updatedAt).toBe(NOW - DAY);
    // Once moved, nothing is left to move.
    expect(await moveListedMarks(db, NOW + DAY)).toEqual([]);
    expect((await getContact(db, b.id))?.updatedAt).toBe(NOW);
  });

  it('a move that fails writes nothing: the list stays for the next start', async () => {
    const [a, b] = await Promise.all(['Ada', 'Ada'].map((name) => addContact(db, { name }, { now: NOW })));
    if (!a || !b) throw new Error('not added');
    await db.put('meta', [`${a.id}\n${b.id}`], 'distinct');
    // A record that breaks the write (two people with one profile link: the unique index refuses it).
    const clash = { url: 'https://x.com/one', site: 'x' as const };
    await db.put('contacts', {
      ...(await db.get('contacts', a.id)),
      profiles: [clash],
      profileUrls: [clash.url],
    } as never);
    await db.put('contacts', { ...(await db.get('contacts', b.id)), profileUrls: [] } as never);
    const broken = await db.get('contacts', b.id);
    await db.put('contacts', { ...broken, profiles: [clash] } as never);
    await expect(moveListedMarks(db, NOW)).rejects.toBeInstanceOf(StoreError);
    expect(await db.get('meta', 'distinct')).toEqual([`${a.id}\n${b.id}`]);
    expect(await marks(a.id)).toEqual([]);
  });

  it('two told apart who know each other: the link taken out on a contact page leaves the mark', async () => {
    const [a, b] = await Promise.all(['Tom Roe', 'Tom Roe'].map((name) => addContact(db, { name }, { now: NOW })));
    if (!a || !b) throw new Error('not added');
    await linkPeople(db, a.id, b.id, 'knows', 'Verein', NOW);
    await markDistinct(db, [a.id, b.id], true, NOW);
    await unlinkPeople(db, a.id, b.id, NOW + DAY);
    expect((await getContact(db, a.id))?.related.map((r) => r.kind)).toEqual(['distinct']);
    expect((await getContact(db, b.id))?.related.map((r) => r.kind)).toEqual(['distinct']);
  });

  it('a vCard export carries the marks: another book importing it keeps the two apart', async () => {
    const [a, b] = await Promise.all(['Kim Lee', 'Kim Lee'].map((name) => addContact(db, { name }, { now: NOW })));
    if (!a || !b) throw new Error('not added');
    await markDistinct(db, [a.id, b.id], true, NOW);
    const file = writeVCards(await listAll(db));
    expect(file.replace(/\r\n /g, '')).toContain(`X-RECONNECT-DISTINCT;X-NAME="Kim Lee":urn:uuid:${b.id}`);
    globalThis.indexedDB = new IDBFactory();
    const other = await openDatabase();
    const parsed = parseContactsFile(new TextEncoder().encode(file), 'kims.vcf');
    await applyImport(other, await planImport(other, parsed.contacts), { now: NOW, defaultCadence: 91 });
    const imported = await listAll(other);
    expect(imported).toHaveLength(2);
    expect(pairsOf(imported).size).toBe(1);
    expect(duplicateGroups(imported, (x, y) => pairsOf(imported).has(pairKey(x, y)))).toEqual([]);
  });

  it('"Delete everything" takes the marks with the people', async () => {
    const [a, b] = await Promise.all(['Ada', 'Ada'].map((name) => addContact(db, { name }, { now: NOW })));
    if (!a || !b) throw new Error('not added');
    await markDistinct(db, [a.id, b.id]);
    await deleteEverything(db);
    expect((await pairs()).size).toBe(0);
  });
});
