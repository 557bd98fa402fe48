/**
 * The options page's state, built like the popup's: signals exposed read-only, actions that write through the store
 * and refresh what they change, and every dependency (database, clock, the worker, the change broadcast) passed in,
 * so it is tested without a browser. Other views' changes arrive through the change broadcast: the settings, the
 * circles and "This week" never show stale values.
 */
import { computed, type ReadonlySignal, signal } from '@preact/signals';
import type { Contact, FollowUp, InteractionKind } from '../contacts/types';
import { formatDate, t } from '../platform/i18n';
import type { MessageMap } from '../platform/messages';
import { type Change, rereads } from '../storage/changes';
import type { DB } from '../storage/db';
import { markDigestDone } from '../storage/reminder-state';
import { DEFAULT_SETTINGS, getSettings, type Settings, saveSettingsRenaming } from '../storage/settings';
import { contactActions, followUpPlanned } from '../ui/contact-actions';
import { readThisWeek, type ThisWeek } from './this-week';

/** The tabs, and the welcome page a new install opens (background/welcome.ts), which is none of them. */
export type Route = 'settings' | 'reconnect' | 'data' | 'sync' | 'welcome';
const ROUTES: Route[] = ['reconnect', 'data', 'sync', 'welcome'];
export const routeOf = (hash: string): Route => ROUTES.find((r) => hash.startsWith(`#${r}`)) ?? 'settings';

export interface OptionsDeps {
  db: DB;
  now: () => number;
  /** Tells the worker the settings changed (it moves the weekly alarm at once). */
  settingsChanged: () => Promise<MessageMap['settings-changed']['response']>;
  /** Listens to other views' changes (returns how to stop; the pages listen for their whole life). */
  onChange: (listener: (change: Change) => void) => () => void;
}

export function createOptionsState(deps: OptionsDeps) {
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  const loaded = signal(false);
  const thisWeek = signal<ThisWeek | null>(null);
  const circles = computed(() => settings.value.circles);
  const act = contactActions({ ...deps, links: () => import('../storage/links') });

  // Each asked for again by every announcement (a sync's steps): one read at a time, the last one's answer shown.
  const reloadSettings = rereads(async () => {
    settings.value = await getSettings(deps.db);
  });
  const reloadThisWeek = rereads(async () => {
    thisWeek.value = await readThisWeek(deps.db, deps.now());
  });

  async function load() {
    await reloadSettings();
    loaded.value = true;
  }

  /**
   * Saves the settings (and renames circles in every contact that has them), then moves the weekly alarm. Returns
   * how many people were in a renamed circle.
   */
  async function saveSettings(next: Settings, renames: ReadonlyMap<string, string> = new Map()): Promise<number> {
    const renamed = await saveSettingsRenaming(deps.db, next, renames, deps.now());
    await settingsWritten();
    return renamed;
  }

  /** Settings written here (saved, or put back by a restore): shown, and the weekly alarm moved. */
  async function settingsWritten() {
    await reloadSettings();
    await deps.settingsChanged();
  }

  /** The last step taken in This week, said above its list with Undo, until the next step or the undo. */
  const lastStep = signal<{ text: string; undo: () => Promise<void> } | null>(null);

  /**
   * One person of this week handled: the action (the person as it left them, if it wrote), then marked done in
   * this week's digest. Without one (who is due now), a person contacted or snoozed is simply no longer due, and
   * the next one due takes their place. Undo takes both back: the person as they were (what changed since stands),
   * and not done.
   */
  async function handled(c: Contact, work: () => Promise<Contact | undefined>, text: (after?: Contact) => string) {
    const after = await work();
    const digest = thisWeek.peek()?.from === 'reminder';
    if (digest) await markDigestDone(deps.db, c.id, deps.now());
    lastStep.value = {
      text: text(after),
      undo: async () => {
        if (after) await act.undo(c, after);
        if (digest) await markDigestDone(deps.db, c.id, deps.now(), false);
        lastStep.value = null;
        await reloadThisWeek();
      },
    };
    await reloadThisWeek();
  }

  // For the page's life: one state per options page.
  deps.onChange((change) => {
    if (change.kind === 'settings') void reloadSettings();
    // Someone contacted or snoozed elsewhere (the popup, a notification button, sync) changes this week's list; a
    // new slot or number of people changes who is due now, and when the reminder comes; the reminder shown (its
    // people are this week's list from then on) or one of them handled in another tab changes who is done.
    const week = change.kind === 'contacts' || change.kind === 'settings' || change.kind === 'reminder';
    if (week && thisWeek.value) void reloadThisWeek();
  });

  /**
   * Records of one person made one: each of `others` merged into `keep` in turn (storage/links.ts mergePeople); a
   * merge that fails takes back those done before it, so a group is merged whole or not at all. Hands back the undo,
   * which takes them back, the last first (what changed since stands).
   */
  async function mergeAll(keep: string, others: string[]): Promise<() => Promise<void>> {
    const done: Awaited<ReturnType<typeof act.merge>>[] = [];
    // Each taken back leaves the list: an undo that fails half way is tried again from where it stopped.
    const undo = async () => {
      for (let last = done.at(-1); last; last = done.at(-1)) {
        await act.unmerge(last);
        done.pop();
      }
    };
    try {
      for (const other of others) done.push(await act.merge(keep, other));
    } catch (e) {
      await undo();
      throw e;
    }
    return undo;
  }

  return {
    settings: settings as ReadonlySignal<Settings>,
    mergeAll,
    circles,
    loaded: loaded as ReadonlySignal<boolean>,
    thisWeek: thisWeek as ReadonlySignal<ThisWeek | null>,
    load,
    saveSettings,
    settingsWritten,
    reloadThisWeek,
    lastStep: lastStep as ReadonlySignal<{ text: string; undo: () => Promise<void> } | null>,
    contacted: (c: Contact, kind: InteractionKind, note?: string, followUp?: FollowUp, at?: number) =>
      handled(
        c,
        () => act.contacted(c.id, kind, note, followUp, at),
        () => t('loggedToast', c.name),
      ),
    snoozeWeek: (c: Contact) =>
      handled(
        c,
        () => act.snoozeFor(c.id, 7),
        (after) => t('snoozedToast', c.name, formatDate(after?.snoozedUntil ?? 0)),
      ),
    /** A day to get in touch planned, no contact logged (or no longer planned): handled for this week. */
    planFollowUp: (c: Contact, followUp: FollowUp | undefined) =>
      handled(
        c,
        () => act.planFollowUp(c.id, followUp),
        () => followUpPlanned(c.name, followUp),
      ),
    /** "Not this time": one of the reminder's people marked done without an action. */
    notThisTime: (c: Contact) =>
      handled(
        c,
        async () => undefined,
        () => t('skippedToast', c.name),
      ),
  };
}

export type OptionsState = ReturnType<typeof createOptionsState>;
