import { browser } from '../platform/browser';
import { t, tn } from '../platform/i18n';
import { countDue } from '../storage/contacts';
import type { DB } from '../storage/db';

/** The toolbar badge shows how many people are due now; empty when nobody is. */
export async function updateBadge(db: DB, now: number): Promise<number> {
  const due = await countDue(db, now);
  await browser.action.setBadgeText({ text: due ? (due > 99 ? '99+' : String(due)) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#0f766e' });
  await browser.action.setTitle({ title: due ? tn('badgeTitle', due) : t('actionTitle') });
  return due;
}
