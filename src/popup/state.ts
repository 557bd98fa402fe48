import { batch, computed, type ReadonlySignal, signal } from '@preact/signals';
import { patchBook } from '../contacts/book';
import type { PageCapture } from '../contacts/capture';
import type { ContactDraft, FieldValues } from '../contacts/fields';
import { canonicalProfile } from '../contacts/profile-url';
import type { Contact, FollowUp, InteractionKind, RelationKind } from '../contacts/types';
import type { TabCapture } from '../platform/capture-tab';
import type { UpsertResult } from '../storage/contact-writes';
import { findContactFor, firstByDue, listAllInChunks, readContacts } from '../storage/contacts';
import type { DB } from '../storage/db';
import { DEFAULT_SETTINGS, type Settings } from '../storage/settings';
import type { ContactActions, LinkWrites } from '../ui/contact-actions';
import { whenIdle } from '../ui/idle';
import { errorMessage } from '../ui/messages';
import { draftFromCapture } from './draft';
import { createEarlySearch, FIRST_SCREEN } from './early-search';
import {
  LinkedBeyond,
  type ListQuery,
  resortPatched,
  type SortedList,
  type SortOrder,
  type StateFilter,
  searchTextCache,
  sortContacts,
  stats,
  visibleContacts,
} from './list-model';
import { patchTracker } from './patches';

/** Everything the popup needs from the outside world, injected so the state is tested without a browser. */
export interface PopupDeps {
  db: DB;
  now: () => number;
  /** Reads the page; `again` injects anew (Retry) instead of returning the read started at open. */
  capture: (again?: boolean) => Promise<TabCapture>;
  /** The tab's address without touching the page: the manual form's link while the page is silent. */
  tabUrl?: () => Promise<string | undefined>;
  /** How long a page may take before the popup says it is not answering. */
  slowMs?: number;
  /** How long the first paint waits for the page, so a page that answers at once is drawn in its final layout. */
  graceMs?: number;
  settings: () => Promise<Settings>;
  /** Everyone, for the full list (default: read in chunks from the store); injected so tests can hold it back. */
  everyone?: () => Promise<Contact[] & { corrupted?: number }>;
  /** How sync with the user's address book stands (null: not set up, or off). */
  sync: () => Promise<SyncLine | null>;
  /** The code needed only after the first screen, loaded on first use (in the popup: later.ts, one chunk). */
  later: () => Promise<LaterCode>;
}

/** What the state itself uses of the popup's later code: every write is there (the first screen only reads). */
export interface LaterCode extends LinkWrites {
  groupForIntroductions: typeof import('../contacts/introduce').groupForIntroductions;
  suggestName: typeof import('../contacts/suggest').suggestName;
  addContact: typeof import('../storage/contact-writes').addContact;
  updateContact: typeof import('../storage/contact-writes').updateContact;
  upsertDraft: typeof import('../storage/contact-writes').upsertDraft;
  saveEdits: typeof import('../storage/contact-writes').saveEdits;
  contactActions: typeof import('../ui/contact-actions').contactActions;
}

/** What the popup says about sync: when it last ran, or what needs the user. */
export interface SyncLine {
  lastSyncAt?: number;
  problem: boolean;
}

export type View = { name: 'home' } | { name: 'detail'; id: string } | { name: 'add' };
/**
 * Where reading the page stands: asked and waiting; waiting longer than a page should (it is busy or still
 * loading); answered.
 */
export type PagePhase = 'reading' | 'slow' | 'done';
/**
 * How a page's answer is shown: in full; folded to one line, because the user was already busy elsewhere in the
 * popup when it came (nothing moves under their hands); or into the empty fields of the manual form they were
 * already typing into.
 */
export type Arrival = 'full' | 'folded' | 'fill';

/** A page that has not answered within this long is "not answering" (the list never waits for it). */
export const SLOW_PAGE_MS = 1500;
/**
 * The first paint waits this long for the page: pages answer in tens of milliseconds, so the card is usually drawn
 * once in its final place; a page slower than this gets the "reading" line and never holds up the list further.
 */
export const PAINT_GRACE_MS = 400;
export type Toast = { text: string; undo?: () => Promise<void> } | null;

export function createPopupState(deps: PopupDeps) {
  const contacts = signal<Contact[]>([]);
  const loaded = signal(false);
  const tab = signal<TabCapture | null>(null);
  const phase = signal<PagePhase>('reading');
  const arrival = signal<Arrival>('full');
  /** The user has started doing something in the popup (a key, a click, a focused field). */
  const interacted = signal(false);
  /** The user is typing into the manual form shown while the page was silent. */
  const typingInManual = signal(false);
  const tabUrl = signal<string | undefined>(undefined);
  /** The first paint has waited long enough for the page (or the page has answered). */
  const graceOver = signal(false);
  let attempt = 0;
  const existing = signal<Contact | undefined>(undefined);
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  const syncLine = signal<SyncLine | null>(null);
  const lastSave = signal<UpsertResult | null>(null);
  const view = signal<View>({ name: 'home' });
  const toast = signal<Toast>(null);
  const query = signal<ListQuery>({ text: '', circle: '', state: 'all', sort: 'due' });
  /** The clock for the list, read once per load so filters do not shift under the user's eyes. */
  const now = signal(deps.now());

  const page = computed(() => (tab.value?.kind === 'page' ? tab.value.page : null));
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
  });

  /**
   * After a write: the people it touched are read again and patched into the list (contacts/book.ts), everyone
   * else stays the very object it was. Without ids (an import, a sync, a renamed circle), or before everyone is
   * read, the list is read anew. One update of the list at a time, in the order asked: a read of everyone that
   * started before a write never lands after the write's patch.
   */
  let updating: Promise<void> = Promise.resolve();
  function refresh(ids?: readonly string[]): Promise<void> {
    const run = async () => {
      if (!ids || !complete.value) return readEveryone();
      const changed = await readContacts(deps.db, ids);
      batch(() => {
        contacts.value = patchBook(contacts.value, changed);
        now.value = deps.now();
      });
    };
    updating = updating.then(run, run);
    return updating;
  }

  /**
   * Who can introduce groups the book (by company, folded name, links, circles) once everyone is read, a few
   * hundred people at a time when the page is idle, so a keystroke is never queued behind it and a capture card's
   * or contact page's question finds the book grouped. A question asked before it is done groups the rest then;
   * a write moves the grouping along with the list (contacts/book.ts); a new read starts it over.
   */
  function groupWhenIdle(list: readonly Contact[]) {
    deps.later().then(
      ({ groupForIntroductions }) => {
        let upTo = 0;
        const step = (deadline?: IdleDeadline) => {
          if (contacts.peek() !== list) return;
          do {
            upTo += 250;
            groupForIntroductions(list, upTo);
          } while (upTo < list.length && deadline && deadline.timeRemaining() > 4);
          if (upTo < list.length) whenIdle(step);
        };
        whenIdle(step);
      },
      () => {},
    ); // A chunk that cannot load (the extension updated under an open popup): the first question groups.
  }

  async function readEveryone() {
    // Chunks wait for the rows an early search shows (read and drawn first, not behind everyone), the first chunk
    // too: a search typed before the index is read has its rows asked for the moment it is, just before this. A
    // later keystroke's rows wait at most for the one chunk under way: 250 records (about 4 ms of reading them on
    // this thread).
    const list = await (deps.everyone
      ? deps.everyone()
      : listAllInChunks(deps.db, { chunk: 250, between: search.pending }));
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

  /**
   * Reads the page, once or again (Retry). After SLOW_PAGE_MS without an answer the phase says so (the popup
   * offers Retry and the manual form); an answer that comes later still counts, unless a later attempt already
   * answered. Tab, known person and phase change together, so the card is drawn once in its final content.
   */
  const answered = () => phase.peek() === 'done';

  /** A page without a person gets the name its title suggests; the weighing's code is loaded for such pages only. */
  async function withSuggestion(t: TabCapture): Promise<TabCapture> {
    if (t.kind !== 'page' || !t.page.clues) return t;
    const clues = t.page.clues;
    // A chunk that cannot be loaded (the extension updated under an open popup) costs the suggestion, not the page.
    const suggestedName = await deps.later().then(
      ({ suggestName }) => suggestName(clues, t.page.url),
      () => '',
    );
    return { ...t, page: { ...t.page, suggestedName } };
  }

  /**
   * Who in the book the page is about: its person, by the matching rule; a page without a person (a homepage, a
   * portfolio) by its own address among the saved links, so its manual form never adds a second record of them.
   */
  function savedFor(page: PageCapture): Promise<Contact | undefined> {
    if (page.capture) return findContactFor(deps.db, draftFromCapture(page.capture));
    const link = canonicalProfile(page.url);
    // An address alone: never matched by a name (no name is asked for without a link).
    return link ? findContactFor(deps.db, { name: '', profiles: [link] }) : Promise.resolve(undefined);
  }

  async function readPage(again = false) {
    const mine = ++attempt;
    if (phase.value !== 'slow') phase.value = 'reading';
    const timer = setTimeout(() => {
      if (mine === attempt && phase.value === 'reading') phase.value = 'slow';
    }, deps.slowMs ?? SLOW_PAGE_MS);
    try {
      const captured = await withSuggestion(await deps.capture(again));
      if (answered() && mine !== attempt) return;
      const known = captured.kind === 'page' ? await savedFor(captured.page) : undefined;
      performance.mark('popup:page-matched');
      if (answered() && mine !== attempt) return;
      batch(() => {
        arrival.value = phase.value === 'slow' && typingInManual.value ? 'fill' : interacted.value ? 'folded' : 'full';
        tab.value = captured;
        existing.value = known;
        phase.value = 'done';
      });
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Reads the list, the settings and the page in parallel, and nothing waits for the page: `loaded` comes with
   * the settings (the list and quick add are usable then), the page's card whenever the page answers.
   */
  async function load() {
    // The first screen is asked for before anything else: the page read and the settings run beside it.
    const first = showFirstPage();
    const reading = readPage();
    const grace = new Promise<void>((ok) =>
      setTimeout(() => {
        graceOver.value = true;
        ok();
      }, deps.graceMs ?? PAINT_GRACE_MS),
    );
    void deps.tabUrl?.().then((url) => {
      tabUrl.value = url;
    });
    const both = Promise.all([deps.settings(), deps.sync()]);
    // The search index (one request: at 50,000 people a few MB of text) is asked for behind the first screen and
    // the settings, so that a keystroke the moment the search box is on screen finds it read.
    const indexed = search.read();
    const [s, line] = await both;
    performance.mark('popup:settings-read');
    batch(() => {
      settings.value = s;
      syncLine.value = line;
      loaded.value = true;
    });
    await first;
    // Everyone waits for the page's card, at most as long as the first paint does (the card's lookup in the book
    // is not queued behind thousands of records), and for the index (its read is not slowed by theirs).
    await Promise.race([reading, grace]);
    await indexed;
    await refresh();
    await reading;
  }

  const ctx = () => ({ now: deps.now(), defaultCadence: settings.value.defaultCadenceDays });

  async function saveCapture(draft: ContactDraft): Promise<UpsertResult> {
    const { upsertDraft } = await deps.later();
    return saved(await upsertDraft(deps.db, draft, 'captured', ctx()));
  }

  /** The page's person saved: the card says so, and knows them from now on. */
  async function saved(result: UpsertResult): Promise<UpsertResult> {
    lastSave.value = result;
    existing.value = result.contact;
    await refresh([result.contact.id]);
    return result;
  }

  /** The capture card's form for someone saved: it shows what is stored, and saves what the user left in it. */
  async function saveKnown(id: string, values: FieldValues, page: ContactDraft): Promise<UpsertResult> {
    const { saveEdits } = await deps.later();
    return saved(await saveEdits(deps.db, id, values, page, ctx()));
  }

  async function quickAdd(draft: ContactDraft): Promise<Contact> {
    const { addContact } = await deps.later();
    const contact = await addContact(deps.db, draft, ctx());
    await refresh([contact.id]);
    return contact;
  }

  /** The actions the options page offers too, from the later chunk on first use. */
  let actions: Promise<ContactActions> | undefined;
  const act = () => (actions ??= deps.later().then((m) => m.contactActions({ ...deps, links: async () => m })));

  async function contacted(id: string, kind: InteractionKind, note?: string, followUp?: FollowUp) {
    await (await act()).contacted(id, kind, note, followUp);
    await refresh([id]);
  }

  async function link(a: string, b: string, kind: RelationKind, note?: string) {
    await (await act()).link(a, b, kind, note);
    await refresh([a, b]);
  }

  async function unlink(a: string, b: string) {
    await (await act()).unlink(a, b);
    await refresh([a, b]);
  }

  /**
   * "Ask for an introduction", logged on both: the target must be in the book, so a captured person not yet saved
   * is saved first (as the capture card's form would).
   */
  async function askIntroduction(introducer: Contact, target: Contact | ContactDraft) {
    const saved = 'id' in target ? target : (await saveCapture(target)).contact;
    const [, target2] = await (await act()).askIntroduction(introducer, saved);
    if (existing.value?.id === target2.id) existing.value = target2;
    await refresh([introducer.id, target2.id]);
  }

  async function snoozeFor(id: string, days: number) {
    await (await act()).snoozeFor(id, days);
    await refresh([id]);
  }

  async function update(id: string, change: (c: Contact) => Contact) {
    const { updateContact } = await deps.later();
    await updateContact(deps.db, id, change, ctx());
    await refresh([id]);
  }

  /** Deletes at once and offers undo, which puts the very same record back. */
  async function remove(id: string, message: (name: string) => string) {
    const removed = await (await act()).remove(id);
    if (!removed) return;
    view.value = { name: 'home' };
    await refresh(removed.touched);
    const undo = async () => {
      try {
        const touched = await (await act()).restore(removed.contact);
        toast.value = null;
        await refresh(touched);
      } catch (e) {
        // Said where Undo was clicked; Undo stays, to try again.
        toast.value = { text: errorMessage(e), undo };
      }
    };
    toast.value = { text: message(removed.contact.name), undo };
  }

  const setQuery = (patch: Partial<ListQuery>) => {
    query.value = { ...query.value, ...patch };
  };

  return {
    contacts: contacts as ReadonlySignal<Contact[]>,
    loaded: loaded as ReadonlySignal<boolean>,
    tab: tab as ReadonlySignal<TabCapture | null>,
    page,
    phase: phase as ReadonlySignal<PagePhase>,
    arrival: arrival as ReadonlySignal<Arrival>,
    tabUrl: tabUrl as ReadonlySignal<string | undefined>,
    interacted: interacted as ReadonlySignal<boolean>,
    /** Whether the page's slot and the list may be drawn: the page answered, or the first paint waited enough. */
    drawable: computed(() => loaded.value && (phase.value === 'done' || graceOver.value)),
    /** The page once more: Retry after it did not answer. */
    retry: () => readPage(true),
    /** Called on the user's first key, click or focus in the popup. */
    markInteracted: () => {
      interacted.value = true;
    },
    /** Called when the user types into the manual form (a late answer then fills its empty fields only). */
    markTypingInManual: () => {
      typingInManual.value = true;
      interacted.value = true;
    },
    existing: existing as ReadonlySignal<Contact | undefined>,
    settings: settings as ReadonlySignal<Settings>,
    syncLine: syncLine as ReadonlySignal<SyncLine | null>,
    reloadSync: async () => {
      syncLine.value = await deps.sync();
    },
    lastSave: lastSave as ReadonlySignal<UpsertResult | null>,
    visible,
    rows: search.rows,
    need: search.need,
    figures,
    corrupted: corrupted as ReadonlySignal<number>,
    complete: complete as ReadonlySignal<boolean>,
    query: query as ReadonlySignal<ListQuery>,
    now: now as ReadonlySignal<number>,
    view,
    toast,
    load,
    /** The list after these people changed (a write here or another view's announcement); everyone without ids. */
    refresh,
    saveCapture,
    saveKnown,
    quickAdd,
    contacted,
    link,
    unlink,
    askIntroduction,
    snoozeFor,
    update,
    remove,
    setQuery,
    setText: (text: string) => setQuery({ text }),
    setCircle: (circle: string) => setQuery({ circle }),
    setState: (state: StateFilter) => setQuery({ state }),
    setSort: (sort: SortOrder) => setQuery({ sort }),
  };
}

export type PopupState = ReturnType<typeof createPopupState>;
