/**
 * Reasons (contacts/reasons.ts) and "who can introduce" reasons in the user's language, and the short message
 * draft offered to copy: plain text, built here from the contact's own data, no service asked.
 */
import type { IntroReason } from '../contacts/introduce';
import { firstWords, type Reason } from '../contacts/reasons';
import type { Contact, InteractionKind } from '../contacts/types';
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

/** Why someone could introduce the user: "Knows them — worked together at Siemens", "Works at Acme". */
export function introReasonText(r: IntroReason): string {
  switch (r.kind) {
    case 'knows':
      return r.note ? t('introKnowsNote', r.note) : t('introKnows');
    case 'mutual':
      return t('introMutual');
    case 'worksAt':
      return t('introWorksAt', r.company);
    case 'workedAt':
      return t('introWorkedAt', r.company);
    case 'circle':
      return t('introCircle', r.circles.join(', '));
  }
}

/** The first name to greet with: the first word of the name (the whole name when it is one word). */
export const greetingName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

/**
 * A short message to send, in the user's language: a greeting, the reason in a sentence, and a question. Plain
 * text, never sent anywhere: the user copies it, or it fills a new email.
 */
export function draftMessage(c: Pick<Contact, 'name'>, r: Reason): string {
  const body = (() => {
    switch (r.kind) {
      case 'birthday':
        return r.days === 0 ? t('draftBirthdayToday') : t('draftBirthdaySoon');
      case 'change':
        return t('draftChange', jobLine(r));
      case 'followUp':
        return r.note ? t('draftFollowUpNote', r.note) : t('draftFollowUp');
      case 'anniversary':
        return r.metVia ? tn('draftMetAt', r.years, r.metVia) : tn('draftMet', r.years);
      case 'last':
        return t('draftLast');
      case 'never':
        return t('draftNever');
    }
  })();
  return `${t('draftGreeting', greetingName(c.name))}\n\n${body}\n\n${t('draftClosing')}`;
}
