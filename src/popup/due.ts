import { isForgotten } from '../contacts/cadence';
import { dueState } from '../contacts/due';
import type { Contact } from '../contacts/types';
import { formatDate, formatRelative, t } from '../platform/i18n';

/**
 * The badge a row shows: overdue, due soon, snoozed, forgotten (no contact for over a year, though not due: no
 * cadence, or a long one), or nothing.
 */
export function dueBadge(
  c: Contact,
  now: number,
): { text: string; kind: 'overdue' | 'due' | 'snoozed' | 'forgotten' } | null {
  const state = dueState(c, now);
  if (state === 'overdue') return { text: t('badgeOverdue'), kind: 'overdue' };
  if (state === 'due' && c.nextDueAt) return { text: t('badgeDue', formatRelative(c.nextDueAt, now)), kind: 'due' };
  // "snoozed until Dec 10": a day, not "until in 7 days".
  if (state === 'snoozed' && c.snoozedUntil)
    return { text: t('badgeSnoozed', formatDate(c.snoozedUntil, { day: 'numeric', month: 'short' })), kind: 'snoozed' };
  if (isForgotten(c, now)) return { text: t('badgeForgotten'), kind: 'forgotten' };
  return null;
}
