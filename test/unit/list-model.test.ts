import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY } from '../../src/contacts/cadence';
import { createContact } from '../../src/contacts/merge';
import { fold } from '../../src/contacts/normalize';
import { haystack } from '../../src/contacts/search';
import type { Contact } from '../../src/contacts/types';
import {
  type ListQuery,
  matchesState,
  type StateFilter,
  sortContacts,
  visibleContacts,
} from '../../src/popup/list-model';

const NOW = new Date(2026, 10, 27, 12).getTime();
const WORDS = ['anna', 'müller', 'Acme', 'person', '12', '120', 'Ärztin', 'ß', 'x'];

/** What the search means, written plainly: every word in the text, then the filters, in the list's order. */
function naive(contacts: Contact[], q: ListQuery): string[] {
  const hay = new Map(contacts.map((c) => [c.id, haystack(c)]));
  const words = fold(q.text).split(' ').filter(Boolean);
  return sortContacts(contacts, hay, q.sort)
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
          const hay = new Map(contacts.map((c) => [c.id, haystack(c)]));
          const got = visibleContacts(sortContacts(contacts, hay, sort), q, NOW).map((c) => c.id);
          expect(got).toEqual(naive(contacts, q));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never matches across two people, and a separator typed into the search is a space', () => {
    const a = createContact({ name: 'Anna Ende' }, 'manual', NOW, () => 'a', 30);
    const b = createContact({ name: 'Anfang Berg' }, 'manual', NOW - DAY, () => 'b', 30);
    const list = sortContacts([a, b], new Map([a, b].map((c) => [c.id, haystack(c)])), 'name');
    const q = (text: string): ListQuery => ({ text, circle: '', state: 'all', sort: 'name' });
    expect(visibleContacts(list, q('ende\u001eanfang'), NOW).map((c) => c.id)).toEqual([]);
    expect(visibleContacts(list, q('ende anfang'), NOW).map((c) => c.id)).toEqual([]);
    expect(visibleContacts(list, q('an'), NOW).map((c) => c.id)).toEqual(['b', 'a']);
  });
});
