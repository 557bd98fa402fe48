/**
 * Logging a contact: how (call, meeting, …), a note, and an optional follow-up. Apart from the other contact
 * controls: only the contact page and "This week" need it, not the popup's first screen.
 */
import type { Ref } from 'preact';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { dayValue, readContactDay, readFollowUp } from '../contacts/follow-up';
import type { FollowUp, InteractionKind } from '../contacts/types';
import { type MessageKey, t } from '../platform/i18n';
import { KIND_LABEL, KINDS } from './contact-controls';
import { ErrorLine, refused } from './StatusLine';
import { TypedBack } from './TypedBack';
import { typedFor, useTyping } from './typed';

/** A follow-up refused: what the user reads. */
export const FOLLOW_UP_ERROR: Record<'badDate' | 'past' | 'tooFar' | 'noDate', MessageKey> = {
  badDate: 'errorFollowUpDate',
  past: 'errorFollowUpPast',
  tooFar: 'errorFollowUpFar',
  noDate: 'errorFollowUpNoDate',
};

/** Logs a contact: how, a note, a follow-up, and when (`at`, an earlier day's; now without one). */
export type LogContact = (kind: InteractionKind, note: string, followUp?: FollowUp, at?: number) => Promise<void>;

/**
 * How you got in touch (call, meeting, …) and on which day (today unless you pick an earlier one: a contact logged
 * afterwards), an optional note, an optional follow-up (a day, and what about: it becomes the next due date and the
 * reason then), and the button that logs it. The kind may be set from outside (an "Email" action sets email).
 */
export function ContactedForm({
  onLog,
  kind: outer,
  onKind,
  keep,
}: {
  onLog: LogContact;
  kind?: InteractionKind;
  onKind?: (k: InteractionKind) => void;
  /** The form's name for what is typed into it and not logged (ui/typed.ts): given back when it is shown again. */
  keep?: string;
}) {
  // What was typed here and not logged before the popup closed, if any: each text given back, and the kind chosen
  // with them.
  const [kept] = useState(() => (keep && typedFor(keep)) || {});
  const typed = (k: string) => (typeof kept[k] === 'string' ? (kept[k] as string) : '');
  const keptKind = KINDS.find((k) => k === kept.kind);
  const [own, setOwn] = useState<InteractionKind>(keptKind ?? 'message');
  const kind = outer ?? own;
  const setKind = onKind ?? setOwn;
  // A kind set from outside (ReachOut's links set it) is given back there, before the form is first painted.
  useLayoutEffect(() => {
    if (keptKind && onKind) onKind(keptKind);
  }, []);
  const [note, setNote] = useState(() => typed('note'));
  // The day of the contact: '' is today, whenever the form is used (a page left open past midnight too).
  const [day, setDay] = useState(() => typed('day'));
  const [date, setDate] = useState(() => typed('date'));
  const [about, setAbout] = useState(() => typed('about'));
  const texts = Object.fromEntries(Object.entries({ note, day, date, about }).filter(([, v]) => v));
  // The kind is kept with what was typed, not alone: choosing one is no typing to give back.
  const filled = Object.keys(texts).length && kind !== 'message' ? { ...texts, kind } : texts;
  const typing = useTyping(keep, filled, Object.keys(kept).length > 0);
  const discard = () => {
    for (const set of [setNote, setDay, setDate, setAbout]) set('');
    setKind('message');
    typing.done();
  };
  // What is wrong, and which of the two days it is about (that input is marked invalid and described by it).
  const [error, setError] = useState<{ text: string; on: 'day' | 'followUp' } | null>(null);
  const dayInput = useRef<HTMLInputElement>(null);
  const followUpInput = useRef<HTMLInputElement>(null);
  // Each refusal puts the keyboard on the day it is about, as a refused save does (focus-invalid.ts; this form has
  // no element of its own around its two days: a ref to each).
  useLayoutEffect(() => {
    if (error) (error.on === 'day' ? dayInput : followUpInput).current?.focus();
  }, [error]);
  const id = useId();
  /** Enter in the note or the follow-up's "about" logs, as Enter in the capture card's fields saves. */
  const onEnter = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !e.isComposing) log();
  };
  function log() {
    const now = Date.now();
    const when = readContactDay(day, now);
    if (!when.ok)
      return setError({ text: t(when.error === 'future' ? 'errorContactFuture' : 'errorFollowUpDate'), on: 'day' });
    const given = readFollowUp(date, about, now);
    if (!given.ok) return setError({ text: t(FOLLOW_UP_ERROR[given.error]), on: 'followUp' });
    setError(null);
    void onLog(kind, note, given.followUp, when.at === now ? undefined : when.at).then(
      () => {
        setNote('');
        setDay('');
        setDate('');
        setAbout('');
      },
      () => {},
    );
  }
  return (
    <>
      {typing.shown && <TypedBack onDiscard={discard} />}
      <select
        aria-label={t('contactKind')}
        value={kind}
        onChange={(e) => setKind(e.currentTarget.value as InteractionKind)}
      >
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(KIND_LABEL[k])}
          </option>
        ))}
      </select>
      <input
        type="date"
        ref={dayInput}
        aria-label={t('contactDay')}
        value={day || dayValue(Date.now())}
        max={dayValue(Date.now())}
        {...refused(error?.on === 'day' && error.text, `${id}-error`)}
        onInput={(e) => setDay(e.currentTarget.value === dayValue(Date.now()) ? '' : e.currentTarget.value)}
      />
      <label class="grow">
        <span class="visually-hidden">{t('fieldNotes')}</span>
        <input
          value={note}
          placeholder={t('notePlaceholder')}
          onInput={(e) => setNote(e.currentTarget.value)}
          onKeyDown={onEnter}
        />
      </label>
      <button type="button" class="primary" onClick={log}>
        {t('markContacted')}
      </button>
      <details class="follow-up" open={!!(date || about)}>
        <summary>{t('followUpAdd')}</summary>
        <FollowUpFields
          id={id}
          labels={['followUpOn', 'followUpAbout']}
          date={date}
          about={about}
          onDate={setDate}
          onAbout={setAbout}
          onEnter={onEnter}
          invalid={error?.on === 'followUp' && error.text}
          dayRef={followUpInput}
        />
      </details>
      <ErrorLine text={error?.text ?? ''} id={`${id}-error`} />
    </>
  );
}

/**
 * A follow-up's day (today or later) and what it is about, each labelled (the log's labels, or a plan's of its own:
 * popup/PlanFollowUp.tsx); Enter in either does what the form's button does. A refused day is marked and described
 * by the form's error line (`${id}-error`).
 */
export function FollowUpFields({
  id,
  labels: [dayLabel, aboutLabel],
  date,
  about,
  onDate,
  onAbout,
  onEnter,
  invalid,
  dayRef,
}: {
  id: string;
  labels: [day: MessageKey, about: MessageKey];
  date: string;
  about: string;
  onDate: (value: string) => void;
  onAbout: (value: string) => void;
  onEnter: (e: KeyboardEvent) => void;
  invalid: string | false | undefined;
  dayRef: Ref<HTMLInputElement>;
}) {
  return (
    <div class="follow-up__fields">
      <label for={`${id}-date`}>{t(dayLabel)}</label>
      <input
        id={`${id}-date`}
        ref={dayRef}
        type="date"
        value={date}
        min={dayValue(Date.now())}
        {...refused(invalid, `${id}-error`)}
        onInput={(e) => onDate(e.currentTarget.value)}
        onKeyDown={onEnter}
      />
      <label for={`${id}-about`}>{t(aboutLabel)}</label>
      <input
        id={`${id}-about`}
        value={about}
        maxLength={200}
        onInput={(e) => onAbout(e.currentTarget.value)}
        onKeyDown={onEnter}
      />
    </div>
  );
}
