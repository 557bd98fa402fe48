import { browser } from '../platform/browser';
import { t, tn } from '../platform/i18n';
import { countDue } from '../storage/contacts';
import type { DB } from '../storage/db';

/** The most the badge counts; beyond it, it says "99+". */
export const BADGE_MAX = 99;

/**
 * The toolbar badge shows how many people are due now ("99+" beyond 99); empty when nobody is. Returns the count,
 * BADGE_MAX + 1 for any number beyond: counted no further, so a recount after every write stays cheap.
 */
export async function updateBadge(db: DB, now: number): Promise<number> {
  const due = await countDue(db, now, BADGE_MAX + 1);
  const many = due > BADGE_MAX;
  await browser.action.setBadgeText({ text: due ? (many ? `${BADGE_MAX}+` : String(due)) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#0f766e' });
  await browser.action.setTitle({
    title: many ? t('badgeTitleMany', String(BADGE_MAX)) : due ? tn('badgeTitle', due) : t('actionTitle'),
  });
  return due;
}
