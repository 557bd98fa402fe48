import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { followPatches, patchBook } from '../../src/contacts/book';
import { DAY } from '../../src/contacts/cadence';
import { createContact } from '../../src/contacts/merge';
import { fold } from '../../src/contacts/normalize';
import { haystack } from '../../src/contacts/search';
import type { Contact } from '../../src/contacts/types';
import {
  LinkedBeyond,
  type ListQuery,
  matchesState,
  resortPatched,
  type SortedList,
  type StateFilter,
  searchTextCache,
  sortContacts,
  sortSteps,
  stats,
  visibleContacts,
} from '../../src/popup/list-model';

const NOW = new Date(2026, 10, 27, 12).getTime();
const WORDS = ['anna', 'müller', 'Acme', 'person', '12', '120', 'Ärztin', 'ß', 'x'];

/** What the search means, written plainly: every word in the text, then the filters, in the list's order. */
function naive(contacts: Contact[], q: ListQuery): string[] {
  const hay = new Map(contacts.map((c) => [c.id, haystack(c)]));
  const words = fold(q.text).split(' ').filter(Boolean);
  return sortContacts(contacts, haystack, q.sort)
    .contacts.filter((c) => words.every((w) => (hay.get(c.id) ?? '').includes(w)))
    .filter((c) => !q.circle || c.circles.includes(q.circle))
    .filter((c) => q.state === 'all' || matchesState(c, q.state, NOW))
    .map((c) => c.id);
}

describe('visibleContacts (the scan over the joined text)', () => {
  it('finds exactly who a plain every-word test finds, in the same order (property)', () => {
    const contact = fc.record({
      name: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }),
      company: fc.option(fc.constantFrom(...WORDS), { nil: undefined }),
      circles: fc.subarray(['clients', 'friends']),
      due: fc.integer({ min: -40, max: 40 }),
    });
    fc.assert(
      fc.property(
        fc.array(contact, { maxLength: 40 }),
        fc.array(fc.constantFrom(...WORDS, 'zz'), { maxLength: 3 }),
        fc.constantFrom('', 'clients'),
        fc.constantFrom<StateFilter>('all', 'due', 'overdue', 'never'),
        fc.constantFrom<ListQuery['sort']>('due', 'name', 'added'),
        (people, words, circle, state, sort) => {
          const contacts = people.map((p, i) => ({
            ...createContact(
              { name: p.name.join(' '), ...(p.company ? { company: p.company } : {}), circles: p.circles },
              'manual',
              NOW - i * DAY,
              () => `c${i}`,
              30,
            ),
            nextDueAt: NOW + p.due * DAY,
          }));
          const q: ListQuery = { text: words.join(' '), circle, state, sort };
          const got = visibleContacts(sortContacts(contacts, haystack, sort), q, NOW).map((c) => c.id);
          expect(got).toEqual(naive(contacts, q));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never matches across two people, and a separator typed into the search is a space', () => {
    const a = createContact({ name: 'Anna Ende' }, 'manual', NOW, () => 'a', 30);
    const b = createContact({ name: 'Anfang Berg' }, 'manual', NOW - DAY, () => 'b', 30);
    const list = sortContacts([a, b], haystack, 'name');
    const q = (text: string): ListQuery => ({ text, circle: '', state: 'all', sort: 'name' });
    expect(visibleContacts(list, q('ende\u001eanfang'), NOW).map((c) => c.id)).toEqual([]);
    expect(visibleContacts(list, q('ende anfang'), NOW).map((c) => c.id)).toEqual([]);
    expect(visibleContacts(list, q('an'), NOW).map((c) => c.id)).toEqual(['b', 'a']);
  });
});

describe('"Due this week" (the filter and the header figure)', () => {
  // Friday 27 November 2026: the coming week's birthdays are 27 November to 3 December.
  const person = (id: string, over: Partial<Contact>) => ({
    ...createContact({ name: id }, 'manual', NOW - 90 * DAY, () => id),
    lastContactedAt: NOW - 20 * DAY,
    nextDueAt: NOW + 40 * DAY,
    ...over,
  });
  const book = [
    person('due-monday', { nextDueAt: NOW + 3 * DAY }),
    person('birthday-tuesday', { birthday: { month: 12, day: 1 } }),
    person('birthday-next-month', { birthday: { month: 12, day: 27 } }),
    person('birthday-no-reminders', { birthday: { month: 12, day: 1 }, cadenceDays: null, nextDueAt: undefined }),
    person('birthday-wished', { birthday: { month: 11, day: 27 }, lastContactedAt: NOW - DAY }),
    person('later', {}),
  ];

  it('holds who is due within the week and whom the weekly reminder names for their birthday', () => {
    expect(book.filter((c) => matchesState(c, 'due', NOW)).map((c) => c.id)).toEqual([
      'due-monday',
      'birthday-tuesday',
    ]);
    expect(stats(book, NOW).dueThisWeek).toBe(2);
    // A week on, Tuesday's birthday is past: nobody of them is named for one.
    expect(stats(book, NOW + 7 * DAY).dueThisWeek).toBe(1);
  });
});

describe('the name order', () => {
  it('reads a name without the titles before it, as a reader looks for the person', () => {
    const people = ['Zoë Zander', 'Dr. Anna Roth', 'Prof. Dr.-Ing. Bernd Berg', 'anna Adler', 'Dr. Zacharias Ohm'];
    const list = people.map((name, i) => createContact({ name }, 'manual', NOW, () => `c${i}`, 30));
    expect(sortContacts(list, haystack, 'name').contacts.map((c) => c.name)).toEqual([
      'anna Adler',
      'Dr. Anna Roth',
      'Prof. Dr.-Ing. Bernd Berg',
      'Dr. Zacharias Ohm',
      'Zoë Zander',
    ]);
  });
});

describe('resortPatched (the list after a write)', () => {
  /** What the last patch removed and added, as the popup's state hears it. */
  let patch: { removed: readonly Contact[]; added: readonly Contact[] } | undefined;
  followPatches((_, __, removed, added) => {
    patch = { removed, added };
  });

  it('is the patched list sorted anew, in every order, whatever the patch adds, replaces or removes (property)', () => {
    const person = fc.record({
      name: fc.constantFrom('Anna', 'anna', 'Ben', 'Person 2', 'Person 10', 'Zoë'),
      due: fc.option(fc.integer({ min: -3, max: 3 }), { nil: undefined }),
      added: fc.integer({ min: 0, max: 3 }),
    });
    const make = (p: { name: string; due: number | undefined; added: number }, id: string): Contact => ({
      ...createContact({ name: p.name }, 'manual', NOW - p.added * DAY, () => id, 30),
      nextDueAt: p.due === undefined ? undefined : NOW + p.due * DAY,
    });
    fc.assert(
      fc.property(
        fc.array(person, { maxLength: 30 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.option(person, { nil: null })), { maxLength: 6 }),
        fc.constantFrom<ListQuery['sort']>('due', 'name', 'added'),
        (people, changes, sort) => {
          const book = people.map((p, i) => make(p, `c${i}`));
          // Same ids again (a replacement or a delete), or new ones (a person added).
          const changed = new Map(changes.map(([i, p]) => [`c${i}`, p && make(p, `c${i}`)]));
          const textOf = searchTextCache();
          const before = sortContacts(book, textOf, sort);
          patch = undefined;
          const after = patchBook(book, changed);
          expect(patch).toBeDefined();
          const seen = patch ?? { removed: [], added: [] };
          const got = resortPatched(before, seen.removed, seen.added, textOf, sort);
          const want = sortContacts(after, haystack, sort);
          expect(got.contacts.map((c) => c.id)).toEqual(want.contacts.map((c) => c.id));
          expect(got.contacts).toEqual(want.contacts);
          expect({ hay: got.hay, text: got.text, starts: [...got.starts] }).toEqual({
            hay: want.hay,
            text: want.text,
            starts: [...want.starts],
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('works out a search text once per contact object', () => {
    const a = createContact({ name: 'Anna' }, 'manual', NOW, () => 'a', 30);
    const textOf = searchTextCache();
    expect(textOf(a)).toBe(haystack(a));
    expect(textOf(a)).toBe(textOf(a));
    const renamed = { ...a, name: 'Anna Berg' };
    expect(textOf(renamed)).toBe(haystack(renamed));
  });
});

describe('sortSteps (everyone sorted in two tasks)', () => {
  it('sorts in the first step and joins the texts in the second: the texts are not asked for before', () => {
    const people = ['Zoë', 'Anna', 'Ben'].map((name, i) =>
      createContact({ name, role: `Role ${i}` }, 'manual', NOW - i * DAY, () => `c${i}`, 30),
    );
    for (const sort of ['name', 'added'] as const) {
      const asked: string[] = [];
      const steps = sortSteps(
        people,
        (c) => {
          asked.push(c.name);
          return haystack(c);
        },
        sort,
      );
      expect(steps.next().done).toBe(false);
      expect(asked).toEqual([]);
      const last = steps.next();
      expect(last.done).toBe(true);
      const sorted = last.value as SortedList;
      const want = sort === 'name' ? ['Anna', 'Ben', 'Zoë'] : ['Zoë', 'Anna', 'Ben'];
      expect(sorted.contacts.map((c) => c.name)).toEqual(want);
      expect(asked).toEqual(want);
      expect(sorted.hay).toEqual(sorted.contacts.map(haystack));
    }
  });
});

describe('LinkedBeyond (the reach beyond the book, in the header)', () => {
  /** The plain meaning: distinct link targets that are not in the book (an id of nobody here, or a name only). */
  const plain = (book: readonly Contact[]) => {
    const ids = new Set(book.map((c) => c.id));
    const out = new Set<string>();
    for (const c of book)
      for (const r of c.related)
        if (r.id) {
          if (!ids.has(r.id)) out.add(`id ${r.id}`);
        } else if (r.name) out.add(`name ${fold(r.name)}`);
    return out.size;
  };
  let patch: { removed: readonly Contact[]; added: readonly Contact[] } | undefined;
  followPatches((_, __, removed, added) => {
    patch = { removed, added };
  });

  it('counts as counting anew would, after any patches (property)', () => {
    const link = fc.oneof(
      fc.record({ kind: fc.constant('knows' as const), id: fc.constantFrom('c0', 'c1', 'c2', 'c3', 'gone') }),
      fc.record({ kind: fc.constant('knows' as const), name: fc.constantFrom('Anna', 'anna', 'Ben') }),
    );
    const person = fc.array(link, { maxLength: 4 });
    fc.assert(
      fc.property(
        fc.array(person, { maxLength: 5 }),
        fc.array(
          fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.option(person, { nil: null })), { maxLength: 3 }),
          {
            maxLength: 4,
          },
        ),
        (people, writes) => {
          const make = (related: Contact['related'], i: number): Contact => ({
            ...createContact({ name: `P${i}` }, 'manual', NOW, () => `c${i}`, 30),
            related,
          });
          let book = people.map(make);
          const linked = new LinkedBeyond(book);
          expect(linked.size).toBe(plain(book));
          for (const write of writes) {
            patch = undefined;
            book = patchBook(book, new Map(write.map(([i, related]) => [`c${i}`, related && make(related, i)])));
            const seen = patch ?? { removed: [], added: [] };
            linked.patch(seen.removed, seen.added);
            expect(linked.size).toBe(plain(book));
          }
          expect(stats(book, NOW).reach).toBe(book.length + plain(book));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts as counting anew would when the book is added a chunk at a time, as it is read (property)', () => {
    const link = fc.oneof(
      fc.record({ kind: fc.constant('knows' as const), id: fc.constantFrom('c0', 'c3', 'c7', 'gone') }),
      fc.record({ kind: fc.constant('knows' as const), name: fc.constantFrom('Anna', 'anna', 'Ben') }),
      fc.record({ kind: fc.constant('distinct' as const), id: fc.constantFrom('c1', 'elsewhere') }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(link, { maxLength: 4 }), { maxLength: 9 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 4 }),
        (people, cuts) => {
          const book = people.map((related, i) => ({
            ...createContact({ name: `P${i}` }, 'manual', NOW, () => `c${i}`, 30),
            related,
          }));
          // Chunks in any sizes: links to people of a later chunk are outside the book until that chunk comes.
          const at = [0, ...cuts.toSorted((a, b) => a - b), book.length];
          const read = new LinkedBeyond([]);
          for (let i = 1; i < at.length; i++)
            read.patch([], book.slice(at[i - 1], Math.max(at[i - 1] ?? 0, at[i] ?? 0)));
          expect(read.size).toBe(new LinkedBeyond(book).size);
          expect(read.size).toBe(
            plain(book.map((c) => ({ ...c, related: c.related.filter((r) => r.kind !== 'distinct') }))),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
