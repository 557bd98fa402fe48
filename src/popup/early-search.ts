/**
 * Search before everyone is read: the stored search index (storage/search-index.ts) is read in one request after
 * the first screen, a search in the list's default order and without filters is answered from it, and the rows it
 * finds are read by id as they are shown (the first screen of them at once). Once everyone is read the list takes
 * over, and the index is checked against everyone and rebuilt if it is out of step (written around the store).
 */
import { computed, effect, type ReadonlySignal, signal } from '@preact/signals';
import { searchWords } from '../contacts/search';
import type { Contact } from '../contacts/types';
import { toContact } from '../contacts/validate';
import { contactRecords } from '../storage/contacts';
import type { DB } from '../storage/db';
import { readSearchIndex, rebuildSearchIndex } from '../storage/search-index';
import { indexCheck } from '../storage/search-lines';
import { countLines, searchInDueOrder } from '../storage/search-scan';
import { idleSteps } from '../ui/idle';
import type { ListQuery } from './list-model';
import { FIRST_DRAWN } from './rows-geometry';

/** The rows a first screen shows (and a few more): read before everyone is. */
export const FIRST_SCREEN = 30;

/** How many of an early search's hits are put in order at once: a few screens of rows. */
const ORDERED_AT_ONCE = 4 * FIRST_DRAWN;

/**
 * The rows the list shows, by position: `at(i)` is undefined for a row found by an early search whose contact is
 * not read yet (the list asks for it with `need`). `total` is how many people there are: from the index until
 * everyone is read, undefined while neither is (not the first screen's count: "30 of 30" in a book of 50,000).
 * `searching`: the query needs everyone, who are not read yet, and no row is shown until they are.
 */
export interface RowList {
  length: number;
  id(i: number): string;
  at(i: number): Contact | undefined;
  total: number | undefined;
  searching: boolean;
}

/** After the next frame is drawn (a hidden page draws none: then at most 100 ms). */
const drawn = () =>
  new Promise<void>((ok) => {
    globalThis.requestAnimationFrame?.(() => setTimeout(ok));
    setTimeout(ok, 100);
  });

/** The list's default order without a filter: what the first screen and the index answer. */
const plain = (q: ListQuery) => !q.circle && q.state === 'all' && q.sort === 'due';

export function createEarlySearch(deps: {
  db: DB;
  query: ReadonlySignal<ListQuery>;
  /** Everyone is read: the list answers from then on. */
  complete: ReadonlySignal<boolean>;
  /** The people read so far (the first screen, before everyone is). */
  read: ReadonlySignal<readonly Contact[]>;
  /** The list's rows from what is read. */
  visible: ReadonlySignal<Contact[]>;
  /** How many are read. */
  total: ReadonlySignal<number>;
  /**
   * Asks for the index's copy for reading to be written anew (storage/search-copy.ts): of the service worker, so a
   * popup closed the moment it has what it came for still leaves the copy written for the next one.
   */
  askCopy: () => Promise<void>;
}) {
  const searchIndex = signal<readonly string[] | null>(null);
  /** Contacts read by id for the rows of an early search. */
  const known = signal<ReadonlyMap<string, Contact>>(new Map());
  /**
   * The people the list has read already (its first screen): not read again for an early search's rows. A search
   * that many match shows the earliest due first, who are mostly those.
   */
  const readById = computed(() => new Map(deps.read.value.map((c) => [c.id, c])));
  /** How many lines the index holds (everyone), counted as its parts arrive: a first search does not wait for it. */
  const indexTotal = signal<number>();
  /** The search's words, folded once per query. */
  const words = computed(() => searchWords(deps.query.value.text));
  /** The index's hits in due order (the list's default order), or null when the list answers. */
  const early = computed(() => {
    const index = searchIndex.value;
    // Only in the default order and without filters (what the index holds); otherwise the list answers.
    if (deps.complete.value || !index || !words.value.length || !plain(deps.query.value)) return null;
    // Ordered as far as the rows look: the first screens at once, everyone only when scrolled past them.
    return searchInDueOrder(index, words.value, ORDERED_AT_ONCE);
  });

  /**
   * `wait`, or less if words are typed meanwhile (or are already): a search waiting for the index gets it at once.
   * The index is put in place after the next frame otherwise: read with a book of 1,000 people, it came between the
   * captured person's entering the document and its frame in most opens, and its render (the list's count, its
   * rows' layout) held that frame up. Measured 2026-12-06 (1,000 people, the build without it alternating, 10–20
   * opens each): the captured name on screen warm 91.2 against 92.9, 89.9 against 92.7 and 86.8 against 90.8 ms;
   * fresh 141.0 against 147.9, 141.7 against 159.6 and 140.8 against 147.7.
   */
  function unlessTyped(wait: Promise<void>): Promise<void> {
    if (words.peek().length) return Promise.resolve();
    let stop = () => {};
    const typed = new Promise<void>((ok) => {
      stop = words.subscribe((w) => {
        if (w.length) ok();
      });
    });
    return Promise.race([wait, typed]).finally(stop);
  }

  /** The index's read, until everyone is read and it is checked. */
  let reading: Promise<readonly string[] | null> | undefined;
  const wanted = new Set<string>();
  /** The ids being read now: asked for again meanwhile (the rows drawn while they load), they are not read twice. */
  const inFlight = new Set<string>();
  /** The reading of wanted rows under way, if any. */
  let fetching: Promise<void> | undefined;

  /** Reads these contacts by id (rows of an early search shown), a batch at a time. */
  function need(ids: readonly string[]): Promise<void> {
    for (const id of ids) if (!known.peek().has(id) && !readById.peek().has(id) && !inFlight.has(id)) wanted.add(id);
    if (fetching || !wanted.size) return fetching ?? Promise.resolve();
    fetching = (async () => {
      try {
        while (wanted.size) {
          const batch = [...wanted];
          wanted.clear();
          for (const id of batch) inFlight.add(id);
          try {
            const found = (await contactRecords(deps.db, batch)).flatMap((r) => toContact(r) ?? []);
            const next = new Map(known.peek());
            for (const c of found) next.set(c.id, c);
            known.value = next;
          } finally {
            inFlight.clear();
          }
        }
      } finally {
        fetching = undefined;
      }
    })();
    return fetching;
  }

  // An early search's first screen of people is read at once, not a frame later when the rows ask for it.
  effect(() => {
    const hits = early.value;
    if (hits?.length)
      void need(Array.from({ length: Math.min(FIRST_DRAWN, hits.length) }, (_, i) => hits.at(i)?.id ?? ''));
  });

  /**
   * The query needs everyone, and the index does not answer it (yet): a filter or another order, or words typed
   * before the index is read. The list says it is searching, never "Nobody matches" for a filter the first screen's
   * 30 do not meet.
   */
  const waiting = computed(
    () => !deps.complete.value && !early.value && (words.value.length > 0 || !plain(deps.query.value)),
  );

  return {
    /**
     * What the list shows: everyone matching (read), or an early search's hits with the rows read so far. While a
     * query waits for everyone: in due order, those of the first screen it matches — they are the answer's first
     * rows, as whoever else matches is due later, so rows are only added below them; in another order none (the
     * first screen's would move under the pointer as everyone arrives).
     */
    rows: computed<RowList>(() => {
      const hits = early.value;
      const searching = waiting.value;
      if (!hits) {
        const list = searching && deps.query.value.sort !== 'due' ? [] : deps.visible.value;
        const total = deps.complete.value ? deps.total.value : indexTotal.value;
        return { length: list.length, id: (i) => list[i]?.id ?? '', at: (i) => list[i], total, searching };
      }
      const map = known.value;
      const read = readById.value;
      return {
        length: hits.length,
        id: (i) => hits.at(i)?.id ?? '',
        at: (i) => {
          const id = hits.at(i)?.id ?? '';
          return map.get(id) ?? read.get(id);
        },
        total: indexTotal.value,
        searching: false,
      };
    }),
    need,
    /** Someone an early search's rows show, read by id (or with the first screen), until everyone is read. */
    contact: (id: string): Contact | undefined => known.value.get(id) ?? readById.value.get(id),
    /**
     * Settles once no rows are being read by id, and the rows they were read for are drawn (a frame later): the full
     * load's chunks wait for it, so those rows come first.
     */
    pending: async () => {
      if (!fetching) return;
      await fetching;
      await drawn();
    },
    /** Starts reading the index; settles when it is read. Without it (a read error) a search waits for everyone. */
    read(): Promise<void> {
      let lines = 0;
      /** The read said its copy in Blobs should be written anew (storage/search-index.ts). */
      let copyStale = false;
      reading = readSearchIndex(
        deps.db,
        (part) => {
          lines += countLines(part);
        },
        () => {
          copyStale = true;
        },
      ).catch(() => null);
      return reading.then(async (index) => {
        performance.mark('popup:index-read');
        // Asked for at once, not once everyone is read and the page idle: a large book's popup is often closed
        // before then (at 50,000 people everyone is read 2.5–5.7 s after the open), and the copy was never written.
        if (copyStale) void deps.askCopy().catch((e) => console.warn('search index copy not asked for', e));
        await unlessTyped(drawn());
        if (deps.complete.peek() || !index) return;
        indexTotal.value = lines;
        searchIndex.value = index;
      });
    },
    /**
     * Everyone is read (`textOf`: their search texts, as the list has them): the index's strings are let go, and
     * once per popup it is checked against everyone and rebuilt if it is out of step (the rebuild takes its copy
     * away with the rest: the next popup's read asks for it again).
     */
    async settle(everyone: readonly Contact[], textOf: (c: Contact) => string): Promise<void> {
      const pendingRead = reading;
      reading = undefined;
      if (!pendingRead) return;
      const stored = await pendingRead;
      searchIndex.value = null;
      // Checked in the page's idle moments (storage/search-lines.ts indexCheck), not in one piece a keystroke waits for.
      if (stored && !(await idleSteps(indexCheck(stored, everyone, textOf)))) await rebuildSearchIndex(deps.db);
    },
  };
}
