/**
 * Reasons (contacts/reasons.ts) in the user's language: the line a due row, a contact's page and the weekly digest
 * show. Plain text, built here from the contact's own data, no service asked. The message draft and why someone
 * could introduce are in message-text.ts, which the popup's first screen does not load.
 */
import { calendarDays } from '../contacts/cadence';
import { firstWords, type Reason } from '../contacts/reasons';
import type { InteractionKind } from '../contacts/types';
import { REASON_DAYS } from '../contacts/yearly';
import { formatDate, formatRelative, jobLine, type MessageKey, t, tn } from './i18n';

/** How a contact was made, as a noun in a sentence ("call on 3 May 2025"). */
const HOW: Record<InteractionKind, MessageKey> = {
  call: 'howCall',
  meeting: 'howMeeting',
  message: 'howMessage',
  email: 'howEmail',
  other: 'howOther',
  introduction: 'howOther',
};

const weekday = (at: number) => formatDate(at, { weekday: 'long' });

/**
 * A planned day as a reason says it: today, tomorrow, its weekday within the coming week (yearly.ts REASON_DAYS, as a
 * birthday's), else its date ("am Mittwoch", "am 3. Dezember 2026"), so a week's reasons read alike.
 */
function dayPhrase(at: number, now: number): string {
  const days = calendarDays(now, at);
  if (days === 0) return t('reasonDayToday');
  if (days === 1) return t('reasonDayTomorrow');
  return t('reasonDayOn', days > 1 && days <= REASON_DAYS ? weekday(at) : formatDate(at, { dateStyle: 'long' }));
}

/** A reason as one short line: "Birthday on Friday", "Last: call on 3 May 2025 — about the offer". */
export function reasonText(r: Reason, now: number): string {
  switch (r.kind) {
    case 'birthday':
      return r.days === 0
        ? t('reasonBirthdayToday')
        : r.days === 1
          ? t('reasonBirthdayTomorrow')
          : t('reasonBirthday', weekday(r.at));
    case 'change': {
      const job = jobLine(r);
      return t(r.sinceContact ? 'reasonChange' : 'reasonChangeSinceSaved', job);
    }
    case 'followUp':
      return r.note
        ? t('reasonFollowUpNote', dayPhrase(r.at, now), firstWords(r.note))
        : t('reasonFollowUp', dayPhrase(r.at, now));
    case 'anniversary':
      return r.metVia ? tn('reasonMetAt', r.years, r.metVia) : tn('reasonMet', r.years);
    case 'last': {
      const base = t('reasonLast', t(HOW[r.how]), formatDate(r.at, { dateStyle: 'long' }));
      return r.note ? `${base} — ${firstWords(r.note)}` : base;
    }
    case 'never':
      return t('reasonNever', formatRelative(r.at, now));
  }
}
