/**
 * The weekly reconnect: one named alarm at the user's next slot, the digest notification, and what its click and
 * buttons do. Every function reads what it needs from storage: the worker may have been stopped in between.
 */

import { topReason } from '../contacts/reasons';
import { nextSlot, previousSlot, reminderOwed } from '../contacts/schedule';
import type { DigestEntry } from '../contacts/select';
import { browser, type Notifications } from '../platform/browser';
import { t, tn } from '../platform/i18n';
import { peopleLine } from '../platform/people-line';
import { reasonText } from '../platform/reason-text';
import { snoozeFor } from '../storage/contact-writes';
import type { DB } from '../storage/db';
import { getReminderState, reminderPicks, saveReminderState } from '../storage/reminder-state';
import { getSettings } from '../storage/settings';

export const WEEKLY_ALARM = 'weekly-reconnect';
export const DIGEST_PREFIX = 'digest-';
export const REMINDER_VIEW = 'options.html#reconnect';

/** Firefox has neither notification buttons nor list notifications (runtime.getBrowserInfo is Firefox-only). */
const isFirefox = () => typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';

/**
 * Whether the system shows a list notification whole, its message ("Anna, Ben and 3 more") and every item. Chrome
 * does on Linux and ChromeOS; macOS shows the first item alone, without the message, and Windows up to four items
 * without it (Chromium's notification builders for each), so a user there would not learn of the others. There, as
 * in Firefox, which has no list notifications, the digest is one message with a line per person.
 */
async function showsWholeLists(): Promise<boolean> {
  if (isFirefox()) return false;
  const { os } = await browser.runtime.getPlatformInfo();
  return os !== 'mac' && os !== 'win';
}

/**
 * Makes sure the alarm is set for the next slot. An alarm that already points there is left alone (never reset
 * on a worker wake); a different one — settings changed, or the time zone moved — is replaced.
 */
export async function ensureAlarm(db: DB, now: number): Promise<number | null> {
  const settings = await getSettings(db);
  if (!settings.remindersOn) {
    await browser.alarms.clear(WEEKLY_ALARM);
    return null;
  }
  const want = nextSlot(now, settings);
  const have = await browser.alarms.get(WEEKLY_ALARM);
  // A past-due alarm is about to fire (the browser just started): let it.
  if (have && (have.scheduledTime === want || have.scheduledTime <= now)) return have.scheduledTime;
  await browser.alarms.create(WEEKLY_ALARM, { when: want });
  return want;
}

/** "Anna, Ben and 3 more" in the user's language. */
export function digestNames(picks: DigestEntry[]): string {
  const names = picks.map((p) => p.contact.name);
  return peopleLine(names.length <= 3 ? names : names.slice(0, 2), names.length);
}

/** Why to write to them now (their most relevant reason), and that they were forgotten. */
export function itemLine(p: DigestEntry, now: number): string {
  const why = reasonText(topReason(p.contact, now), now);
  return p.forgotten ? `${why} · ${t('digestForgotten')}` : why;
}

/**
 * One message: each person on a line with their reason (the first few; the view has them all), "Dora Dahl –
 * Follow-up for Wednesday: the offer", the name set off by a dash, as the reasons have colons of their own.
 */
function basicMessage(picks: DigestEntry[], now: number): string {
  const shown = picks.slice(0, 3).map((p) => t('digestLine', p.contact.name, itemLine(p, now)));
  return picks.length > shown.length
    ? `${shown.join('\n')}\n${tn('digestMore', picks.length - shown.length)}`
    : shown.join('\n');
}

/**
 * Shows this week's digest, once per slot: whichever comes first — the alarm, or catching up at start-up after
 * the browser was closed at the slot — shows it; the other finds it already shown.
 */
export async function showDigest(db: DB, now: number): Promise<string | null> {
  const settings = await getSettings(db);
  const state = await getReminderState(db, now);
  if (state.lastShownAt !== undefined && state.lastShownAt >= previousSlot(now, settings)) return null;
  const picks = await reminderPicks(db, now, settings);
  state.lastShownAt = now;
  if (!picks.length || !settings.remindersOn) {
    await saveReminderState(db, state);
    return null;
  }
  const id = `${DIGEST_PREFIX}${now}`;
  state.digest = { id, at: now, ids: picks.map((p) => p.contact.id), done: [] };
  // Saved before the notification is raised: a click can come at once, or after the worker restarted.
  await saveReminderState(db, state);
  const base = {
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title: t('digestTitle'),
    message: digestNames(picks),
  };
  const options: Notifications.CreateNotificationOptions & {
    buttons?: { title: string }[];
    requireInteraction?: boolean;
  } = (await showsWholeLists())
    ? { type: 'list', ...base, items: picks.map((p) => ({ title: p.contact.name, message: itemLine(p, now) })) }
    : { type: 'basic', ...base, message: basicMessage(picks, now) };
  // Chrome's `buttons` and `requireInteraction` are not in the polyfill's (Firefox-based) types; Firefox has
  // neither. The week's reminder stays on screen until it is acted on or closed, not a few seconds at a moment the
  // user may be away (Windows' toasts, ChromeOS and Linux otherwise leave only the notification centre's entry).
  if (!isFirefox()) {
    options.buttons = [{ title: t('digestShow') }, { title: t('digestSnooze') }];
    options.requireInteraction = true;
  }
  await browser.notifications.create(id, options);
  return id;
}

/** At start-up: if the browser was closed at the slot, show the digest once now (no burst for missed weeks). */
export async function catchUp(db: DB, now: number): Promise<string | null> {
  const settings = await getSettings(db);
  const state = await getReminderState(db, now);
  if (!settings.remindersOn || !reminderOwed(now, settings, state.lastShownAt, state.installedAt)) return null;
  return showDigest(db, now);
}

/** A page of Reconnect's open in a tab (runtime.getContexts: Chrome 116, Firefox 128; none where it is missing). */
type PageContext = { documentUrl?: string; tabId: number; windowId: number };
type GetContexts = (filter: { contextTypes: string[] }) => Promise<PageContext[]>;

/**
 * The week's people: a tab that shows them already is brought to the front (its list is read again as it is shown),
 * so a reminder clicked week after week, or twice, does not pile up tabs of the same view; a tab of Reconnect's page
 * on another of its views (an import under way, say) is left as it is, and a new tab opened.
 */
export async function openReminderView(): Promise<void> {
  const url = browser.runtime.getURL(REMINDER_VIEW);
  const runtime = browser.runtime as unknown as { getContexts?: GetContexts };
  const pages = runtime.getContexts ? await runtime.getContexts({ contextTypes: ['TAB'] }).catch(() => []) : [];
  const open = pages.find((c) => c.documentUrl?.startsWith(url));
  if (!open) {
    await browser.tabs.create({ url });
    return;
  }
  await browser.tabs.update(open.tabId, { active: true });
  await browser.windows.update(open.windowId, { focused: true });
}

/** "Snooze a week": everyone the digest named, snoozed for seven days, or until their birthday (select.ts snoozeEnd). */
export async function snoozeDigest(db: DB, notificationId: string, now: number): Promise<number> {
  const state = await getReminderState(db, now);
  if (state.digest?.id !== notificationId) return 0;
  let n = 0;
  for (const id of state.digest.ids) {
    try {
      await snoozeFor(db, id, 7, now);
      n++;
    } catch {
      // Deleted since the digest was shown: nothing to snooze.
    }
  }
  return n;
}
