/**
 * Texts beyond the reasons (reason-text.ts) for what follows a first screen: the short message draft a contact's
 * page offers to copy, and why someone could introduce the user (a contact's page, the capture card's extras).
 * Plain text, built from the contact's own data, no service asked.
 */
import type { IntroReason } from '../contacts/introduce';
import { nameWords, withoutTitles } from '../contacts/normalize';
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

/** Words that belong to the family name before it ("von Schmidt", "van der Berg", "de la Cruz"). */
const PARTICLE = /^(?:von|vom|zu|zum|zur|van|der|den|de|del|della|di|da|du|la|le|ten|ter)$/;
/** A suffix after the family name, which a greeting leaves out ("Jr.", "Sr.", "III"). */
const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;

/**
 * Whom a formal greeting with a salutation names: the salutation, a doctor's or professor's title, and the family
 * name ("Herr Dr. Mustermann", "Frau von Berg"; in English "Dr. Smith" or "Mr. Smith"), as the user's language writes
 * it. Other titles before the name (Dipl.-Ing.) are not said in a greeting.
 */
export function formalAddress(name: string, salutation: string): string {
  const written = name.trim();
  const rest = withoutTitles(written);
  const words = rest.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  while (words.length > 1 && SUFFIX.test(words.at(-1) ?? '')) words.pop();
  let from = words.length - 1;
  while (from > 1 && PARTICLE.test(words[from - 1] ?? '')) from--;
  const family = words.slice(from).join(' ');
  // Of the titles before the name, those a greeting says: "Prof." and "Dr." (any doctor's: "Dr. med.", "Dr.-Ing.").
  const said = written
    .slice(0, written.length - rest.length)
    .split(/\s+/)
    .map((w) => (/^prof\.?$/i.test(w) ? 'Prof.' : /^dr\b/i.test(w) ? 'Dr.' : ''));
  const titles = [...new Set(said.filter(Boolean))].join(' ');
  // German keeps the salutation before the title ("Herr Dr. Müller"), English says the title instead ("Dr. Smith").
  const before = !titles ? salutation : t('draftTitleKeepsSalutation') === '1' ? `${salutation} ${titles}` : titles;
  return t('draftAddress', before, family);
}

/**
 * A short message to send, in the user's language: a greeting, the reason in a sentence, and a question. Plain
 * text, never sent anywhere: the user copies it, or it fills a new email. Someone addressed formally is greeted by
 * their salutation and family name ("Guten Tag Herr Dr. Mustermann,"), or by their whole name where no salutation is
 * known, and, in German, with "Sie".
 */
export function draftMessage(c: Pick<Contact, 'name' | 'formal' | 'salutation'>, r: Reason): string {
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
  const whom = c.salutation?.trim() ? formalAddress(c.name, c.salutation.trim()) : c.name.trim();
  const greeting = formal ? t('draftGreetingFormal', whom) : t('draftGreeting', greetingName(c.name));
  return `${greeting}\n\n${body}\n\n${say('draftClosing', 'draftClosingFormal')}`;
}
