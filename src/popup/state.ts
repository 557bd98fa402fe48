/**
 * The popup's state, as its views use it: the page's part (page-state.ts) and the list's (list-state.ts) put
 * together, the settings and sync's line beside them, the first load that reads them all in parallel, and every
 * write, each followed by the list's refresh. The writes' code comes with the later chunk (later.ts).
 */
import { batch, computed, effect, type ReadonlySignal, signal } from '@preact/signals';
import type { ContactDraft, FieldValues } from '../contacts/fields';
import type { Contact, FollowUp, InteractionKind, RelationKind } from '../contacts/types';
import type { TabCapture } from '../platform/capture-tab';
import type { Holders } from '../storage/contacts';
import type { UpsertResult } from '../storage/draft-writes';
import { DEFAULT_SETTINGS, type Settings } from '../storage/settings';
import type { ContactActions, LinkWrites } from '../ui/contact-actions';
import { errorMessage } from '../ui/messages';
import { linkOfPage } from './draft';
import type { ListQuery, SortOrder, StateFilter } from './list-model';
import { createListState, type ListDeps } from './list-state';
import { type Arrival, createPageState, type PageDeps, type PagePhase } from './page-state';

/** Everything the popup needs from the outside world, injected so the state is tested without a browser. */
export interface PopupDeps extends Omit<PageDeps, 'suggest'>, Omit<ListDeps, 'grouping'> {
  settings: () => Promise<Settings>;
  /** How sync with the user's address book stands (null: not set up, or off). */
  sync: () => Promise<SyncLine | null>;
  /** The code needed only after the first screen, loaded on first use (in the popup: later.ts, one chunk). */
  later: () => Promise<LaterCode>;
}

/** What the state itself uses of the popup's later code: every write is there (the first screen only reads). */
export interface LaterCode extends LinkWrites {
  groupForIntroductions: typeof import('../contacts/introduce').groupForIntroductions;
  suggestFor: typeof import('./page-suggestion').suggestFor;
  addContact: typeof import('../storage/draft-writes').addContact;
  updateContact: typeof import('../storage/contact-writes').updateContact;
  upsertDraft: typeof import('../storage/draft-writes').upsertDraft;
  saveEdits: typeof import('../storage/draft-writes').saveEdits;
  mergeInto: typeof import('../storage/draft-writes').mergeInto;
  namesakes: typeof import('../storage/namesakes').namesakes;
  contactActions: typeof import('../ui/contact-actions').contactActions;
  followUpPlanned: typeof import('../ui/contact-actions').followUpPlanned;
}

/** What the popup says about sync: when it last ran, or what needs the user. */
export interface SyncLine {
  lastSyncAt?: number;
  problem: boolean;
}

export type View = { name: 'home' } | { name: 'detail'; id: string } | { name: 'add' };
export type Toast = { text: string; undo?: () => Promise<void> } | null;

export function createPopupState(deps: PopupDeps) {
  const list = createListState({
    ...deps,
    grouping: () => deps.later().then((m) => m.groupForIntroductions),
  });
  const page = createPageState({
    ...deps,
    // A chunk that cannot be loaded (the extension updated under an open popup) costs the suggestion, not the page.
    suggest: (page) =>
      deps.later().then(
        (m) => m.suggestFor(page),
        () => page,
      ),
  });
  const { refresh, search } = list;
  const existing = page.existing;
  // The page's saved person as the list has them now: an edit on their page, a logged contact, a link or a sync step
  // shows on the card, and its form saves from what is stored now. Gone once everyone is read: saved no longer.
  effect(() => {
    const people = list.contacts.value;
    const known = existing.peek();
    if (!known) return;
    const now = people.find((c) => c.id === known.id);
    // Another object of the same record (everyone read anew) changes nothing on the card: not drawn again.
    if (now && now !== known && JSON.stringify(now) !== JSON.stringify(known)) existing.value = now;
    else if (!now && list.complete.value) existing.value = undefined;
  });
  const loaded = signal(false);
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  const syncLine = signal<SyncLine | null>(null);
  const lastSave = signal<UpsertResult | null>(null);
  const view = signal<View>({ name: 'home' });
  const toast = signal<Toast>(null);

  /**
   * Reads the list, the settings and the page in parallel, and nothing waits for the page: `loaded` comes with
   * the settings (the list and quick add are usable then), the page's card whenever the page answers.
   */
  async function load() {
    // The first screen is asked for before anything else: the page read and the settings run beside it.
    const first = list.showFirstPage();
    const { reading, grace } = page.start();
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
  async function saveKnown(id: string, values: FieldValues, fromPage: ContactDraft): Promise<UpsertResult> {
    const { saveEdits } = await deps.later();
    return saved(await saveEdits(deps.db, id, values, fromPage, ctx()));
  }

  /**
   * A draft added to someone saved, by id: the page's news ("Update from page"), or what was typed into the silent
   * page's form when the late answer named them.
   */
  async function mergeKnown(id: string, draft: ContactDraft, chosen?: FieldValues): Promise<UpsertResult> {
    const { mergeInto } = await deps.later();
    return saved(await mergeInto(deps.db, id, draft, ctx(), chosen));
  }

  /**
   * Someone added by hand. Added with the page's address as their link (the form on a page without a person), they
   * are who the page is about from now on: its card shows them, as it will on the next open, not a form that would
   * add them again.
   */
  async function quickAdd(draft: ContactDraft): Promise<Contact> {
    const { addContact } = await deps.later();
    const contact = await addContact(deps.db, draft, ctx());
    // The page's link: a legal notice's site, else the page's own.
    const link = page.page.value && linkOfPage(page.page.value);
    const shared = page.sharing.peek();
    // An address several people have (a company's website) stays none of theirs: the newcomer joins the line.
    if (link && draft.profiles?.some((p) => p.url === link.url))
      if (shared) page.sharing.value = { people: [...shared.people, contact], count: shared.count + 1 };
      else existing.value = contact;
    // Added from the text the user selected: saved now, so the form updates them rather than adding them again.
    if (page.page.value?.fromSelection) existing.value = contact;
    await refresh([contact.id]);
    return contact;
  }

  /** Who is saved under this name already (the manual form says so before it adds a second record). */
  async function namesakes(name: string, apartFrom?: string): Promise<Contact[]> {
    return (await deps.later()).namesakes(deps.db, name, 3, apartFrom);
  }

  /** The actions the options page offers too, from the later chunk on first use. */
  let actions: Promise<ContactActions> | undefined;
  const act = () => (actions ??= deps.later().then((m) => m.contactActions({ ...deps, links: async () => m })));

  /** Logs a contact; hands the person back as logged (an Undo takes the step back from it). */
  async function contacted(id: string, kind: InteractionKind, note?: string, followUp?: FollowUp, at?: number) {
    const after = await (await act()).contacted(id, kind, note, followUp, at);
    await refresh([id]);
    return after;
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
    // The card's person, when it is them, follows the list's patch.
    await refresh([introducer.id, target2.id]);
  }

  /** Snoozes; hands the person back as snoozed (an Undo takes the step back from it). */
  async function snoozeFor(id: string, days: number) {
    const after = await (await act()).snoozeFor(id, days);
    await refresh([id]);
    return after;
  }

  /** A follow-up planned for a day with no contact logged, or no longer planned: said, with Undo. */
  async function planFollowUp(c: Contact, followUp: FollowUp | undefined) {
    const after = await (await act()).planFollowUp(c.id, followUp);
    await refresh([c.id]);
    offerUndo((await deps.later()).followUpPlanned(c.name, followUp), () => undo(c, after));
  }

  async function update(id: string, change: (c: Contact) => Contact) {
    const { updateContact } = await deps.later();
    const after = await updateContact(deps.db, id, change, ctx());
    await refresh([id]);
    return after;
  }

  /** A step on one person taken back (a log, an entry taken out, a snooze); what changed since stands. */
  async function undo(before: Contact, after: Contact) {
    await (await act()).undo(before, after);
    await refresh([before.id]);
  }

  /** Says what was done, with Undo: `back` takes it back. A failed undo is said there, and Undo stays to try again. */
  function offerUndo(text: string, back: () => Promise<unknown>) {
    const undo = async () => {
      try {
        await back();
        toast.value = null;
      } catch (e) {
        toast.value = { text: errorMessage(e), undo };
      }
    };
    toast.value = { text, undo };
  }

  /** Deletes at once and offers undo, which puts the very same record back. */
  async function remove(id: string, message: (name: string) => string) {
    // The page's person deleted: the card offers to save them again (the list's follow), and an undo makes them its
    // saved person once more.
    const wasPage = existing.peek()?.id === id;
    const removed = await (await act()).remove(id);
    if (!removed) return;
    view.value = { name: 'home' };
    await refresh(removed.touched);
    offerUndo(message(removed.contact.name), async () => {
      const touched = await (await act()).restore(removed.contact);
      if (wasPage) existing.value = removed.contact;
      await refresh(touched);
    });
  }

  const { setQuery } = list;
  return {
    contacts: list.contacts as ReadonlySignal<Contact[]>,
    loaded: loaded as ReadonlySignal<boolean>,
    tab: page.tab as ReadonlySignal<TabCapture | null>,
    page: page.page,
    phase: page.phase as ReadonlySignal<PagePhase>,
    arrival: page.arrival as ReadonlySignal<Arrival>,
    tabUrl: page.tabUrl as ReadonlySignal<string | undefined>,
    interacted: page.interacted as ReadonlySignal<boolean>,
    /** Whether the page's slot and the list may be drawn: the page answered, or the first paint waited enough. */
    drawable: computed(() => loaded.value && (page.phase.value === 'done' || page.graceOver.value)),
    /** The page once more: Retry after it did not answer. */
    retry: () => page.read(true),
    /** Opens the site's legal notice in the tab and reads who it names. */
    readImprint: (url: string) => page.read(true, url),
    /** The popup opened the site's legal notice in the tab (a refused read then asks for another click). */
    opened: page.opened as ReadonlySignal<boolean>,
    /** Called on the user's first key, click or focus in the popup. */
    markInteracted: () => {
      page.interacted.value = true;
    },
    /** Called when the user types into the manual form (a late answer then fills its empty fields only). */
    markTypingInManual: () => {
      batch(() => {
        page.typingInManual.value = true;
        page.interacted.value = true;
      });
    },
    existing: existing as ReadonlySignal<Contact | undefined>,
    sharing: page.sharing as ReadonlySignal<Holders | undefined>,
    /**
     * Someone by id, for their page: from everyone read, or before that from the rows an early search read or the
     * page's person, so a row or "Open contact" opens at once, not after everyone is read.
     */
    person: (id: string): Contact | undefined =>
      list.contacts.value.find((c) => c.id === id) ??
      (list.complete.value
        ? undefined
        : (search.contact(id) ??
          (existing.value?.id === id ? existing.value : page.sharing.value?.people.find((c) => c.id === id)))),
    settings: settings as ReadonlySignal<Settings>,
    syncLine: syncLine as ReadonlySignal<SyncLine | null>,
    reloadSync: async () => {
      syncLine.value = await deps.sync();
    },
    lastSave: lastSave as ReadonlySignal<UpsertResult | null>,
    visible: list.visible,
    rows: search.rows,
    need: search.need,
    figures: list.figures,
    corrupted: list.corrupted as ReadonlySignal<number>,
    complete: list.complete as ReadonlySignal<boolean>,
    query: list.query as ReadonlySignal<ListQuery>,
    now: list.now as ReadonlySignal<number>,
    view,
    toast,
    load,
    /** The list after these people changed (a write here or another view's announcement); everyone without ids. */
    refresh,
    saveCapture,
    saveKnown,
    mergeKnown,
    quickAdd,
    namesakes,
    contacted,
    link,
    unlink,
    askIntroduction,
    snoozeFor,
    planFollowUp,
    update,
    offerUndo,
    undo,
    remove,
    /** The actions shared with the options page, for the rarer ones (a merge) that need no state of their own. */
    actions: act,
    setQuery,
    setText: (text: string) => setQuery({ text }),
    setCircle: (circle: string) => setQuery({ circle }),
    setState: (state: StateFilter) => setQuery({ state }),
    setSort: (sort: SortOrder) => setQuery({ sort }),
  };
}

export type PopupState = ReturnType<typeof createPopupState>;
