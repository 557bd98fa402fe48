import { isForgotten } from '../contacts/cadence';
import { dueState } from '../contacts/due';
import type { Contact } from '../contacts/types';
import { formatDate, formatRelative, t } from '../platform/i18n';

/**
 * The badge a row shows: forgotten (no contact for over a year: said before "overdue", which it almost always is
 * too, and drawn as urgent as that where it is), overdue, due soon, snoozed, or nothing.
 */
export function dueBadge(
  c: Contact,
  now: number,
): { text: string; kind: 'overdue' | 'due' | 'snoozed' | 'forgotten'; urgent?: true } | null {
  const state = dueState(c, now);
  // "snoozed until Dec 10": a day, not "until in 7 days". A snooze is the user's own word: it stands.
  if (state === 'snoozed' && c.snoozedUntil)
    return { text: t('badgeSnoozed', formatDate(c.snoozedUntil, { day: 'numeric', month: 'short' })), kind: 'snoozed' };
  if (isForgotten(c, now))
    return { text: t('badgeForgotten'), kind: 'forgotten', ...(state === 'overdue' ? { urgent: true as const } : {}) };
  if (state === 'overdue') return { text: t('badgeOverdue'), kind: 'overdue' };
  if (state === 'due' && c.nextDueAt) return { text: t('badgeDue', formatRelative(c.nextDueAt, now)), kind: 'due' };
  return null;
}
