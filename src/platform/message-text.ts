/**
 * Texts beyond the reasons (reason-text.ts) for what follows a first screen: the short message draft a contact's
 * page offers to copy, and why someone could introduce the user (a contact's page, the capture card's extras).
 * Plain text, built from the contact's own data, no service asked.
 */
import type { IntroReason } from '../contacts/introduce';
import { nameWords } from '../contacts/normalize';
import type { Reason } from '../contacts/reasons';
import type { Contact } from '../contacts/types';
import { jobLine, type MessageKey, t, tn } from './i18n';

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

/** The first name to greet with: the name's first word after any title ("Dr. Anna Schmidt" → Anna). */
export const greetingName = (name: string) => nameWords(name)[0] ?? name;

/**
 * A short message to send, in the user's language: a greeting, the reason in a sentence, and a question. Plain
 * text, never sent anywhere: the user copies it, or it fills a new email. Someone addressed formally is greeted by
 * their whole name and, in German, with "Sie".
 */
export function draftMessage(c: Pick<Contact, 'name' | 'formal'>, r: Reason): string {
  const formal = c.formal === true;
  // A sentence in its formal form or not (the same words where the language has only one).
  const say = (plain: MessageKey, polite: MessageKey, ...subs: string[]) => t(formal ? polite : plain, ...subs);
  const body = (() => {
    switch (r.kind) {
      case 'birthday':
        return r.days === 0
          ? say('draftBirthdayToday', 'draftBirthdayTodayFormal')
          : say('draftBirthdaySoon', 'draftBirthdaySoonFormal');
      case 'change':
        return say('draftChange', 'draftChangeFormal', jobLine(r));
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
  const greeting = formal ? t('draftGreetingFormal', c.name.trim()) : t('draftGreeting', greetingName(c.name));
  return `${greeting}\n\n${body}\n\n${say('draftClosing', 'draftClosingFormal')}`;
}
