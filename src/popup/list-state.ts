/**
 * The list's part of the popup state: the people read (the first screen in due order, then everyone), the user's
 * search, filters and order, the header's figures, the early search from the stored index, and how a write's change
 * reaches the list (state.ts).
 */
import { batch, computed, signal } from '@preact/signals';
import { patchBook } from '../contacts/book';
import type { Contact } from '../contacts/types';
import { readQueue } from '../storage/changes';
import { firstByDue, listAllInChunks, readContacts } from '../storage/contacts';
import type { DB } from '../storage/db';
import { idleSteps, taskSteps } from '../ui/idle';
import { createEarlySearch, FIRST_SCREEN } from './early-search';
import {
  LinkedBeyond,
  type ListQuery,
  resortPatched,
  type SortedList,
  type SortOrder,
  searchTextCache,
  sortContacts,
  sortSteps,
  stats,
  visibleContacts,
} from './list-model';
import { patchTracker } from './patches';

export interface ListDeps {
  db: DB;
  now: () => number;
  /** Everyone, for the full list (default: read in chunks from the store); injected so tests can hold it back. */
  everyone?: () => Promise<Contact[] & { corrupted?: number }>;
  /** Groups the book for who can introduce, up to this many people (the popup's later code). */
  grouping: () => Promise<(list: readonly Contact[], upTo: number) => void>;
  /**
   * Asks for the search index's copy for reading to be written anew (storage/search-copy.ts): in the popup, of the
   * service worker, which writes it even if the popup is closed meanwhile.
   */
  askCopy: () => Promise<void>;
}

export function createListState(deps: ListDeps) {
  const contacts = signal<Contact[]>([]);
  const query = signal<ListQuery>({ text: '', circle: '', state: 'all', sort: 'due' });
  /** The clock for the list, read once per load so filters do not shift under the user's eyes. */
  const now = signal(deps.now());
  // Folded search text per contact object: worked out once, not for everyone again after a write.
  const textOf = searchTextCache();
  const sortOrder = computed(() => query.value.sort);
  // The sorted list and the header's reach follow a write's patch (refresh), not everyone again.
  const { perList } = patchTracker();
  const sortedList = perList<SortedList, SortOrder>(
    (list, order) => sortContacts(list, textOf, order),
    (before, p, order) => resortPatched(before, p.removed, p.added, textOf, order),
  );
  const linkedBeyond = perList(
    (list) => new LinkedBeyond(list),
    (linked, p) => linked.patch(p.removed, p.added),
  );
  const sorted = computed(() => sortedList(contacts.value, sortOrder.value));
  const figures = computed(() => stats(contacts.value, now.value, linkedBeyond(contacts.value, undefined).size));
  const visible = computed(() => visibleContacts(sorted.value, query.value, now.value));
  const corrupted = signal(0);

  /** False while only the first page is shown: the figures wait for everyone, so they never show wrong counts. */
  const complete = signal(false);

  const search = createEarlySearch({
    db: deps.db,
    query,
    complete,
    read: contacts,
    visible,
    total: computed(() => contacts.value.length),
    askCopy: deps.askCopy,
  });

  /**
   * After a write: the people it touched are read again and patched into the list (contacts/book.ts), everyone
   * else stays the very object it was. Without ids (an import, a restore, a renamed circle), or before everyone is
   * read, the list is read anew. One update of the list at a time, in the order asked: a read of everyone that
   * started before a write never lands after the write's patch.
   */
  const updates = readQueue(readEveryone);
  function refresh(ids?: readonly string[]): Promise<void> {
    // A read of everyone asked for while one waits to start is that one.
    if (!ids) return updates.read();
    return updates.after(async () => {
      if (!complete.value) return readEveryone();
      const changed = await readContacts(deps.db, ids);
      batch(() => {
        contacts.value = patchBook(contacts.value, changed);
        now.value = deps.now();
      });
    });
  }

  /**
   * Who can introduce groups the book (by company, folded name, links, circles) once everyone is read, a few
   * hundred people at a time when the page is idle, so a keystroke is never queued behind it and a capture card's
   * or contact page's question finds the book grouped. A question asked before it is done groups the rest then;
   * a write moves the grouping along with the list (contacts/book.ts); a new read starts it over.
   */
  function groupWhenIdle(list: readonly Contact[]) {
    deps.grouping().then(
      (group) =>
        idleSteps(
          (function* () {
            for (let upTo = 250; contacts.peek() === list; upTo += 250) {
              group(list, upTo);
              if (upTo >= list.length) return;
              yield;
            }
          })(),
        ),
      () => {},
    ); // A chunk that cannot load (the extension updated under an open popup): the first question groups.
  }

  async function readEveryone() {
    // Chunks wait for the rows an early search shows (read and drawn first, not behind everyone), the first chunk
    // too: a search typed before the index is read has its rows asked for the moment it is, just before this. A
    // later keystroke's rows wait at most for the one chunk under way: 250 records (about 4 ms of reading them on
    // this thread).
    // What the list works out for everyone (their search texts, the header's reach) is worked out for each chunk as
    // it is read: at 50,000 people, all at once when the last chunk arrived, the reach took 365–535 ms and the sort
    // 225–367 ms with the texts (53–75 ms without) of one task, which a keystroke waited for.
    const reach = new LinkedBeyond([]);
    const list = await (deps.everyone
      ? deps.everyone()
      : listAllInChunks(deps.db, {
          chunk: 250,
          between: search.pending,
          each: (read) => {
            for (const c of read) textOf(c);
            reach.patch([], read);
          },
        }));
    // Everyone in the list's order: in a large book the sort and its texts each a task of its own, a keystroke
    // handled between them and before the list shows them (at 50,000 people the sort, the texts, the header's
    // figures and the render were one task of 94–118 ms).
    const order = query.peek().sort;
    const ordered = await taskSteps(sortSteps(list, textOf, order));
    sortedList.prime(list, order, ordered);
    // The reach counted as they were read is theirs: not counted again for the list they make.
    if (!deps.everyone) linkedBeyond.prime(list, undefined, reach);
    batch(() => {
      contacts.value = list;
      corrupted.value = list.corrupted ?? 0;
      now.value = deps.now();
      complete.value = true;
    });
    groupWhenIdle(list);
    // Once per popup: the index is checked against everyone, with the search texts the list computes anyway.
    await search.settle(list, textOf);
  }

  /** The first screen of rows in due order, from the index, while the full list (for search) is still loading. */
  async function showFirstPage() {
    const first = await firstByDue(deps.db, FIRST_SCREEN);
    if (!complete.value) contacts.value = first;
  }

  return {
    contacts,
    query,
    now,
    visible,
    figures,
    corrupted,
    complete,
    search,
    refresh,
    showFirstPage,
    setQuery: (patch: Partial<ListQuery>) => {
      query.value = { ...query.value, ...patch };
    },
  };
}
