/**
 * A follow-up planned on its own, no contact logged ("Wiedervorlage"): someone just saved, to write to next Tuesday;
 * someone of this week's reminder, to write to on Thursday; a planned day moved; or no follow-up any more. Logging a
 * contact with a follow-up is ContactedForm.tsx's. Where it is offered (the popup's contact page, the options' This
 * week) `onPlan` writes it and says so, with Undo.
 */
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { dayValue, readFollowUp } from '../contacts/follow-up';
import type { Contact, FollowUp } from '../contacts/types';
import { t } from '../platform/i18n';
import { FOLLOW_UP_ERROR, FollowUpFields } from './ContactedForm';
import { attempt } from './messages';
import { ErrorLine } from './StatusLine';
import { TypedBack } from './TypedBack';
import { typedFor, useTyping } from './typed';

export function PlanFollowUp({
  c,
  onPlan,
}: {
  c: Contact;
  /** Writes the plan (a follow-up), or its end (none), and says so. */
  onPlan: (followUp: FollowUp | undefined) => Promise<unknown>;
}) {
  const id = useId();
  const planned = c.followUp;
  // Filled with the day planned (and what about), to move it; typed over, what is typed stands, and is given back
  // when the popup closed before it was planned (ui/typed.ts: to look up a day in the calendar, say).
  const keep = `plan ${c.id}`;
  const [kept] = useState(() => typedFor(keep) ?? {});
  const text = (k: string) => (typeof kept[k] === 'string' ? (kept[k] as string) : undefined);
  const [date, setDate] = useState(() => text('date'));
  const [about, setAbout] = useState(() => text('about'));
  const typing = useTyping(
    keep,
    Object.fromEntries(Object.entries({ date, about }).filter(([, v]) => v !== undefined)),
    Object.keys(kept).length > 0,
  );
  const discard = () => {
    setDate(undefined);
    setAbout(undefined);
    typing.done();
  };
  const [error, setError] = useState('');
  // A day refused is marked and takes the keyboard, as the log's follow-up day does (ui/ContactedForm.tsx).
  const [refusedDay, setRefusedDay] = useState(false);
  const dayInput = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    if (refusedDay) dayInput.current?.focus();
  }, [refusedDay, error]);
  const shownDate = date ?? (planned ? dayValue(planned.at) : '');
  const shownAbout = about ?? planned?.note ?? '';
  /** Writes the plan (or its end); what was typed is cleared once written. */
  const write = (followUp: FollowUp | undefined) =>
    void attempt(async () => {
      await onPlan(followUp);
      discard();
      setError('');
      setRefusedDay(false);
    }, setError);
  function plan() {
    const given = readFollowUp(shownDate, shownAbout, Date.now());
    const followUp = given.ok ? given.followUp : undefined;
    setRefusedDay(!followUp);
    // A plan needs its day: none given (with what about or without) is refused as a day the input cannot read.
    if (!followUp) return setError(t(FOLLOW_UP_ERROR[given.ok || given.error === 'noDate' ? 'badDate' : given.error]));
    write(followUp);
  }
  const onEnter = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !e.isComposing) plan();
  };
  return (
    <details class="follow-up" open={date !== undefined || about !== undefined || !!error}>
      <summary>{t(planned ? 'followUpChange' : 'followUpPlan')}</summary>
      {typing.shown && <TypedBack onDiscard={discard} />}
      <FollowUpFields
        id={id}
        labels={['followUpPlanOn', 'followUpPlanAbout']}
        date={shownDate}
        about={shownAbout}
        onDate={setDate}
        onAbout={setAbout}
        onEnter={onEnter}
        invalid={refusedDay && error}
        dayRef={dayInput}
      />
      <div class="actions__row">
        <button type="button" onClick={plan}>
          {t('followUpPlanButton')}
        </button>
        {planned && (
          <button type="button" onClick={() => write(undefined)}>
            {t('followUpCancel')}
          </button>
        )}
      </div>
      <ErrorLine text={error} id={`${id}-error`} />
    </details>
  );
}
