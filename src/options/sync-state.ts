/**
 * The Sync section's state: setup in steps (server and credentials → address book → preview → on), then the
 * account's status and actions. All talking to the server happens in the worker (messages); what this page does
 * itself is ask the browser for the server's origin, in the user's click, before anything is sent.
 */
import { computed, type ReadonlySignal, signal } from '@preact/signals';
import type { MessageMap } from '../platform/messages';
import { type Change, rereads } from '../storage/changes';
import type { DB } from '../storage/db';
import {
  type Attention,
  getSyncAccount,
  getSyncStatus,
  type SyncAccount,
  type SyncErrorCode,
  type SyncStatus,
} from '../storage/sync-state';
import { originPattern, serverUrl } from '../sync/address';
import { SyncError } from '../sync/errors';
import type { AddressBook, LinkPreview } from '../sync/messages';
import { errorMessage } from '../ui/messages';

type Send = <T extends keyof MessageMap>(
  type: T,
  request: MessageMap[T]['request'],
) => Promise<MessageMap[T]['response']>;

export interface SyncDeps {
  db: DB;
  send: Send;
  /** Asks the browser for host permissions; must be called within the user's click, before any await. */
  requestOrigins: (patterns: string[]) => Promise<boolean>;
  onChange: (listener: (change: Change) => void) => () => void;
}

/** The account as the page shows it: never the password. */
export type AccountView = Omit<SyncAccount, 'password'>;

export type SetupStep =
  | { step: 'form' }
  | { step: 'books'; books: AddressBook[]; home: string }
  | { step: 'preview'; book: AddressBook; preview: LinkPreview };

export interface SyncForm {
  server: string;
  username: string;
  password: string;
}

export function createSyncState(deps: SyncDeps) {
  const account = signal<AccountView | null>(null);
  const status = signal<SyncStatus>({ linked: false, failures: 0 });
  const setup = signal<SetupStep>({ step: 'form' });
  const busy = signal(false);
  /**
   * The last action's failure, said in the view: `origin` when the server sends us to another host, `text` for an
   * error that is not sync's own (said as it is).
   */
  const problem = signal<{ code: SyncErrorCode; origin?: string; detail?: string; text?: string } | null>(null);
  /** What was typed, kept for a retry with another origin allowed. */
  let lastForm: (SyncForm & { origins: string[] }) | null = null;

  const active = computed(() => !!account.value?.book && (account.value.enabled || status.value.linked));
  const attention = computed<Attention | undefined>(() => status.value.attention);

  /** The account and its status as stored: asked for by each of a run's announcements, one read at a time. */
  const reload = rereads(async () => {
    const a = await getSyncAccount(deps.db);
    if (a) {
      const { password: _, ...view } = a;
      account.value = view;
    } else account.value = null;
    status.value = await getSyncStatus(deps.db);
  });

  /**
   * A step the user took, asked of the worker: the last step's problem goes, and a step the worker could not take at
   * all (an error in the worker, a database closed under it) is said as the section's problem instead of going
   * unhandled while the section looks as if nothing happened.
   */
  async function said<T>(work: () => Promise<T>): Promise<T | null> {
    problem.value = null;
    try {
      return await work();
    } catch (e) {
      problem.value = { code: 'failed', text: errorMessage(e) };
      return null;
    }
  }

  async function run<T>(
    work: () => Promise<{ ok: true; value: T } | { ok: false; code: SyncErrorCode; detail?: string }>,
  ) {
    // Its buttons stay focusable while a step runs (a disabled button loses the keyboard): a second press waits.
    if (busy.peek()) return null;
    busy.value = true;
    try {
      const r = await said(work);
      if (!r) return null;
      if (!r.ok) {
        problem.value =
          r.code === 'elsewhere' ? { code: r.code, origin: r.detail } : { code: r.code, detail: r.detail };
        return null;
      }
      return r.value;
    } finally {
      busy.value = false;
      await reload();
    }
  }

  async function connectWith(form: SyncForm & { origins: string[] }) {
    lastForm = form;
    const found = await run(() => deps.send('sync-connect', form));
    if (found) setup.value = { step: 'books', ...found };
  }

  /**
   * Step 1, in the user's click: the server's origin asked for first (nothing else may come before it in the
   * handler, or the browser refuses to ask), then the connection tried in the worker.
   */
  function connect(form: SyncForm): Promise<void> {
    let origin: string;
    try {
      origin = serverUrl(form.server).origin;
    } catch (e) {
      problem.value = { code: e instanceof SyncError ? (e.code as SyncErrorCode) : 'badAddress' };
      return Promise.resolve();
    }
    const asking = deps.requestOrigins([originPattern(origin)]);
    return (async () => {
      if (!(await asking)) {
        problem.value = { code: 'permission' };
        return;
      }
      await connectWith({ ...form, origins: [origin] });
    })();
  }

  /** The server keeps the book on another host (iCloud does): that origin too, asked in the user's click. */
  function allowElsewhere(): Promise<void> {
    const origin = problem.value?.origin;
    const form = lastForm;
    if (!origin || !form) return Promise.resolve();
    const asking = deps.requestOrigins([originPattern(origin)]);
    return (async () => {
      if (!(await asking)) {
        problem.value = { code: 'permission' };
        return;
      }
      await connectWith({ ...form, origins: [...new Set([...form.origins, origin])] });
    })();
  }

  async function createBook() {
    const s = setup.value;
    if (s.step !== 'books') return;
    const book = await run(() => deps.send('sync-create-book', { home: s.home }));
    if (book) await chooseBook(book);
  }

  async function chooseBook(book: AddressBook) {
    const preview = await run(() => deps.send('sync-choose-book', { book }));
    if (preview) setup.value = { step: 'preview', book, preview };
  }

  async function start() {
    await run(() => deps.send('sync-start', {}));
    setup.value = { step: 'form' };
  }

  // For the page's life: the state is made once per page (sync-view.tsx).
  deps.onChange((c) => {
    if (c.kind === 'sync') void reload();
  });

  return {
    account: account as ReadonlySignal<AccountView | null>,
    status: status as ReadonlySignal<SyncStatus>,
    setup: setup as ReadonlySignal<SetupStep>,
    busy: busy as ReadonlySignal<boolean>,
    problem: problem as ReadonlySignal<typeof problem.value>,
    active,
    attention,
    load: reload,
    connect,
    allowElsewhere,
    createBook,
    chooseBook,
    start,
    back: () => {
      setup.value = { step: 'form' };
      problem.value = null;
    },
    // A run's failure is kept in the status (and said from there): not said twice.
    syncNow: async () => {
      if (busy.peek()) return;
      busy.value = true;
      try {
        await said(() => deps.send('sync-now', {}));
      } finally {
        busy.value = false;
        await reload();
      }
    },
    setEnabled: async (enabled: boolean) => {
      await said(() => deps.send('sync-enable', { enabled }));
      await reload();
    },
    setInterval: async (minutes: number) => {
      await said(() => deps.send('sync-interval', { minutes }));
      await reload();
    },
    remove: async () => {
      // Only once the worker has forgotten the account does the section go back to its form.
      const removed = await said(async () => {
        await deps.send('sync-remove', {});
        return true;
      });
      if (!removed) return;
      setup.value = { step: 'form' };
      await reload();
    },
    resolve: (choice: 'restore' | 'delete') => run(() => deps.send('sync-resolve', { choice })),
  };
}

export type SyncState = ReturnType<typeof createSyncState>;
