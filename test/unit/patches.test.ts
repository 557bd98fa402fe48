import { describe, expect, it } from 'vitest';
import { patchBook } from '../../src/contacts/book';
import { createContact } from '../../src/contacts/merge';
import { patchTracker } from '../../src/popup/patches';

const person = (id: string, name: string) => createContact({ name }, 'manual', 0, () => id, 30);

describe('patchTracker', () => {
  it('tells what a patch made a list out of, and only from the list it was made from', () => {
    const { numberOf, patchOf } = patchTracker();
    const anna = person('a', 'Anna');
    const ben = person('b', 'Ben');
    const book = [anna, ben];
    const first = numberOf(book);
    expect(numberOf(book)).toBe(first);
    const renamed = { ...anna, name: 'Anna Berg' };
    const next = patchBook(book, new Map([['a', renamed]]));
    expect(patchOf(first, next)).toEqual({ from: first, removed: [anna], added: [renamed] });
    // Not from another list (a list read anew, or a patch skipped), and not for a list no patch made.
    expect(patchOf(first + 1, next)).toBeUndefined();
    expect(patchOf(undefined, next)).toBeUndefined();
    expect(patchOf(first, [...next])).toBeUndefined();
    // Patches in a row: each names the one before by its number.
    const after = patchBook(next, new Map([['b', null]]));
    expect(patchOf(numberOf(next), after)).toEqual({ from: numberOf(next), removed: [ben], added: [] });
    expect(numberOf(after)).not.toBe(numberOf(next));
  });

  it('perList: worked out once per list and how, followed through a patch, anew for another list or how', () => {
    const { perList } = patchTracker();
    const calls: string[] = [];
    const names = perList<string[], string>(
      (list, how) => {
        calls.push(`make ${how}`);
        return list.map((c) => c.name);
      },
      (before, p, how) => {
        calls.push(`follow ${how}`);
        return [...before.filter((n) => !p.removed.some((c) => c.name === n)), ...p.added.map((c) => c.name)];
      },
    );
    const book = [person('a', 'Anna'), person('b', 'Ben')];
    expect(names(book, 'x')).toEqual(['Anna', 'Ben']);
    expect(names(book, 'x')).toEqual(['Anna', 'Ben']);
    const next = patchBook(book, new Map([['b', null]]));
    expect(names(next, 'x')).toEqual(['Anna']);
    expect(names(next, 'y')).toEqual(['Anna']);
    expect(names([...next], 'y')).toEqual(['Anna']);
    expect(calls).toEqual(['make x', 'follow x', 'make y', 'make y']);
  });

  it("perList: a value primed for a list is that list's, and a patch follows it", () => {
    const { perList } = patchTracker();
    const calls: string[] = [];
    const names = perList<string[], string>(
      (list) => {
        calls.push('make');
        return list.map((c) => c.name);
      },
      (before, p) => {
        calls.push('follow');
        return [...before.filter((n) => !p.removed.some((c) => c.name === n)), ...p.added.map((c) => c.name)];
      },
    );
    const book = [person('a', 'Anna'), person('b', 'Ben')];
    names.prime(book, 'x', ['Anna (as read)', 'Ben']);
    expect(names(book, 'x')).toEqual(['Anna (as read)', 'Ben']);
    const next = patchBook(book, new Map([['b', null]]));
    expect(names(next, 'x')).toEqual(['Anna (as read)']);
    // Another how, or another list: worked out as ever.
    expect(names(next, 'y')).toEqual(['Anna']);
    expect(calls).toEqual(['follow', 'make']);
  });
});
