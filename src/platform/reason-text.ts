/**
 * Reasons (contacts/reasons.ts) in the user's language: the line a due row, a contact's page and the weekly digest
 * show. Plain text, built here from the contact's own data, no service asked. The message draft and why someone
 * could introduce are in message-text.ts, which the popup's first screen does not load.
 */
import { firstWords, type Reason } from '../contacts/reasons';
import type { InteractionKind } from '../contacts/types';
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
        ? t('reasonFollowUpNote', formatDate(r.at), firstWords(r.note))
        : t('reasonFollowUp', formatDate(r.at));
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
