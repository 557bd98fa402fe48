import { browser } from '../platform/browser';
import { t, tn } from '../platform/i18n';
import { countDue, nextDueAfter } from '../storage/contacts';
import type { DB } from '../storage/db';

/** Refreshes the badge at the moment the next person falls due (scheduled by updateBadge). */
export const BADGE_ALARM = 'badge-next-due';

/** The most the badge counts; beyond it, it says "99+". */
export const BADGE_MAX = 99;

/**
 * The toolbar badge shows how many people are due now ("99+" beyond 99); empty when nobody is. Returns the count,
 * BADGE_MAX + 1 for any number beyond: counted no further, so a recount after every write stays cheap.
 *
 * People fall due at any time of day (their last contact's time plus their cadence), so the badge is counted again
 * at the next such moment (BADGE_ALARM), not once a day: it says what the popup's list says.
 */
export async function updateBadge(db: DB, now: number): Promise<number> {
  const [due, next] = await Promise.all([countDue(db, now, BADGE_MAX + 1), nextDueAfter(db, now)]);
  if (next === undefined) await browser.alarms.clear(BADGE_ALARM);
  else if ((await browser.alarms.get(BADGE_ALARM))?.scheduledTime !== next)
    await browser.alarms.create(BADGE_ALARM, { when: next });
  const many = due > BADGE_MAX;
  await browser.action.setBadgeText({ text: due ? (many ? `${BADGE_MAX}+` : String(due)) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#0f766e' });
  await browser.action.setTitle({
    title: many ? t('badgeTitleMany', String(BADGE_MAX)) : due ? tn('badgeTitle', due) : t('actionTitle'),
  });
  return due;
}
