import { batch, computed, type ReadonlySignal, signal } from '@preact/signals';
import type { PageCapture } from '../capture/page-capture';
import type { Contact, ContactDraft } from '../contacts/types';
import type { TabCapture } from '../platform/capture-tab';
import { addContact, findContactFor, listAll, type UpsertResult, upsertDraft } from '../storage/contacts';
import type { DB } from '../storage/db';
import { DEFAULT_SETTINGS, type Settings } from '../storage/settings';
import { draftFromCapture } from './draft';

/** Everything the popup needs from the outside world, injected so the state is tested without a browser. */
export interface PopupDeps {
  db: DB;
  now: () => number;
  capture: () => Promise<TabCapture>;
  settings: () => Promise<Settings>;
}

export type Notice = { kind: 'saved' | 'error'; text: string } | null;

export function createPopupState(deps: PopupDeps) {
  const contacts = signal<Contact[]>([]);
  const loaded = signal(false);
  const tab = signal<TabCapture | null>(null);
  const existing = signal<Contact | undefined>(undefined);
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  const lastSave = signal<UpsertResult | null>(null);

  const page: ReadonlySignal<PageCapture | null> = computed(() => (tab.value?.kind === 'page' ? tab.value.page : null));

  async function reloadContacts() {
    const list = await listAll(deps.db);
    contacts.value = list;
  }

  async function refreshExisting() {
    const capture = page.value?.capture;
    existing.value = capture ? await findContactFor(deps.db, draftFromCapture(capture)) : undefined;
  }

  /** Reads the list and the page in parallel; the page read never holds up the list. */
  async function load() {
    const [, captured, s] = await Promise.all([reloadContacts(), deps.capture(), deps.settings()]);
    batch(() => {
      tab.value = captured;
      settings.value = s;
      loaded.value = true;
    });
    await refreshExisting();
  }

  async function saveCapture(draft: ContactDraft): Promise<UpsertResult> {
    const result = await upsertDraft(deps.db, draft, 'captured', {
      now: deps.now(),
      defaultCadence: settings.value.defaultCadenceDays,
    });
    lastSave.value = result;
    existing.value = result.contact;
    await reloadContacts();
    return result;
  }

  async function quickAdd(draft: ContactDraft): Promise<Contact> {
    const contact = await addContact(deps.db, draft, {
      now: deps.now(),
      defaultCadence: settings.value.defaultCadenceDays,
    });
    await reloadContacts();
    return contact;
  }

  return {
    contacts: contacts as ReadonlySignal<Contact[]>,
    loaded: loaded as ReadonlySignal<boolean>,
    tab: tab as ReadonlySignal<TabCapture | null>,
    page,
    existing: existing as ReadonlySignal<Contact | undefined>,
    settings: settings as ReadonlySignal<Settings>,
    lastSave: lastSave as ReadonlySignal<UpsertResult | null>,
    load,
    reloadContacts,
    saveCapture,
    quickAdd,
  };
}

export type PopupState = ReturnType<typeof createPopupState>;
