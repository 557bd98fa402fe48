import { dueState } from '../contacts/due';
import type { Contact } from '../contacts/types';
import { formatRelative, t } from '../platform/i18n';

/** The badge a row shows: overdue, due soon, snoozed, or nothing. */
export function dueBadge(c: Contact, now: number): { text: string; kind: 'overdue' | 'due' | 'snoozed' } | null {
  const state = dueState(c, now);
  if (state === 'overdue') return { text: t('badgeOverdue'), kind: 'overdue' };
  if (state === 'due' && c.nextDueAt) return { text: t('badgeDue', formatRelative(c.nextDueAt, now)), kind: 'due' };
  if (state === 'snoozed' && c.snoozedUntil)
    return { text: t('badgeSnoozed', formatRelative(c.snoozedUntil, now)), kind: 'snoozed' };
  return null;
}
