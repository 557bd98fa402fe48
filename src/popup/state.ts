import { batch, computed, type ReadonlySignal, signal } from '@preact/signals';
import type { ContactDraft } from '../contacts/fields';
import type { Contact, InteractionKind } from '../contacts/types';
import type { TabCapture } from '../platform/capture-tab';
import {
  addContact,
  findContactFor,
  firstByDue,
  listAll,
  removeContact,
  restoreContact,
  type UpsertResult,
  updateContact,
  upsertDraft,
} from '../storage/contacts';
import type { DB } from '../storage/db';
import { DEFAULT_SETTINGS, type Settings } from '../storage/settings';
import { contactActions } from '../ui/contact-actions';
import { draftFromCapture } from './draft';
import {
  haystack,
  type ListQuery,
  type SortOrder,
  type StateFilter,
  sortContacts,
  stats,
  visibleContacts,
} from './list-model';

/** Everything the popup needs from the outside world, injected so the state is tested without a browser. */
export interface PopupDeps {
  db: DB;
  now: () => number;
  capture: () => Promise<TabCapture>;
  settings: () => Promise<Settings>;
  /** How sync with the user's address book stands (null: not set up, or off). */
  sync: () => Promise<SyncLine | null>;
}

/** What the popup says about sync: when it last ran, or what needs the user. */
export interface SyncLine {
  lastSyncAt?: number;
  problem: boolean;
}

export type View = { name: 'home' } | { name: 'detail'; id: string } | { name: 'add' };
export type Toast = { text: string; undo?: () => Promise<void> } | null;

export function createPopupState(deps: PopupDeps) {
  const contacts = signal<Contact[]>([]);
  const loaded = signal(false);
  const tab = signal<TabCapture | null>(null);
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
  // Folded search text per contact, recomputed only when the list itself changes (not on every keystroke).
  const index = computed(() => new Map(contacts.value.map((c) => [c.id, haystack(c)])));
  const sortOrder = computed(() => query.value.sort);
  const sorted = computed(() => sortContacts(contacts.value, index.value, sortOrder.value));
  const visible = computed(() => visibleContacts(sorted.value, query.value, now.value));
  const figures = computed(() => stats(contacts.value, now.value));
  const corrupted = signal(0);

  /** False while only the first page is shown: the figures wait for everyone, so they never show wrong counts. */
  const complete = signal(false);

  async function reloadContacts() {
    const list = await listAll(deps.db);
    batch(() => {
      contacts.value = list;
      corrupted.value = list.corrupted ?? 0;
      now.value = deps.now();
      complete.value = true;
    });
  }

  /** The first screen of rows in due order, from the index, while the full list (for search) is still loading. */
  async function showFirstPage() {
    const first = await firstByDue(deps.db, 30);
    if (!complete.value) contacts.value = first;
  }

  /**
   * Reads the list and the page in parallel; the page read never waits for the whole list. `loaded` comes once
   * the page, the settings and whether the page's person is already saved are known, so the view is drawn once in
   * its final layout (no card pushing the rows down, no photo loaded before the settings say whether to).
   */
  async function load() {
    // The first screen is asked for before anything else: the page read and the settings run beside it.
    const first = showFirstPage();
    const pageRead = (async () => {
      const [captured, s, line] = await Promise.all([deps.capture(), deps.settings(), deps.sync()]);
      const capture = captured.kind === 'page' ? captured.page.capture : null;
      const known = capture ? await findContactFor(deps.db, draftFromCapture(capture)) : undefined;
      batch(() => {
        tab.value = captured;
        settings.value = s;
        syncLine.value = line;
        existing.value = known;
        loaded.value = true;
      });
    })();
    await first;
    await reloadContacts();
    await pageRead;
  }

  const ctx = () => ({ now: deps.now(), defaultCadence: settings.value.defaultCadenceDays });

  async function saveCapture(draft: ContactDraft): Promise<UpsertResult> {
    const result = await upsertDraft(deps.db, draft, 'captured', ctx());
    lastSave.value = result;
    existing.value = result.contact;
    await reloadContacts();
    return result;
  }

  async function quickAdd(draft: ContactDraft): Promise<Contact> {
    const contact = await addContact(deps.db, draft, ctx());
    await reloadContacts();
    return contact;
  }

  const act = contactActions(deps);

  async function contacted(id: string, kind: InteractionKind, note?: string) {
    await act.contacted(id, kind, note);
    await reloadContacts();
  }

  async function snoozeFor(id: string, days: number) {
    await act.snoozeFor(id, days);
    await reloadContacts();
  }

  async function update(id: string, change: (c: Contact) => Contact) {
    await updateContact(deps.db, id, change, ctx());
    await reloadContacts();
  }

  /** Deletes at once and offers undo, which puts the very same record back. */
  async function remove(id: string, message: (name: string) => string) {
    const removed = await removeContact(deps.db, id);
    if (!removed) return;
    view.value = { name: 'home' };
    await reloadContacts();
    toast.value = {
      text: message(removed.name),
      undo: async () => {
        await restoreContact(deps.db, removed);
        toast.value = null;
        await reloadContacts();
      },
    };
  }

  const setQuery = (patch: Partial<ListQuery>) => {
    query.value = { ...query.value, ...patch };
  };

  return {
    contacts: contacts as ReadonlySignal<Contact[]>,
    loaded: loaded as ReadonlySignal<boolean>,
    tab: tab as ReadonlySignal<TabCapture | null>,
    page,
    existing: existing as ReadonlySignal<Contact | undefined>,
    settings: settings as ReadonlySignal<Settings>,
    syncLine: syncLine as ReadonlySignal<SyncLine | null>,
    reloadSync: async () => {
      syncLine.value = await deps.sync();
    },
    lastSave: lastSave as ReadonlySignal<UpsertResult | null>,
    visible,
    figures,
    corrupted: corrupted as ReadonlySignal<number>,
    complete: complete as ReadonlySignal<boolean>,
    query: query as ReadonlySignal<ListQuery>,
    now: now as ReadonlySignal<number>,
    view,
    toast,
    load,
    reloadContacts,
    saveCapture,
    quickAdd,
    contacted,
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
