import { useEffect, useRef, useState } from 'preact/hooks';
import type { Contact } from '../contacts/types';
import { formatSlot, jobLine, t } from '../platform/i18n';
import { Avatar } from '../ui/Avatar';
import { keyboardIn, refocusIfLost } from '../ui/focus-lost';
import { lazyComponent } from '../ui/lazy';
import { attempt } from '../ui/messages';
import { ErrorLine, StepLine } from '../ui/StatusLine';
import { useNow } from '../ui/useNow';
import type { OptionsState } from './state';

/**
 * Why now, the ways to reach them, the log form and a day planned: their own chunk (person-code.ts), so the page's
 * first screen stays small.
 */
const ReachOut = lazyComponent(() => import('./person-code').then((m) => m.ReachOut));
const PlanFollowUp = lazyComponent(() => import('./person-code').then((m) => m.PlanFollowUp));

/** The view's heading: the keyboard goes there where the control it was on is gone. */
const heading = () => document.getElementById('reconnect-heading');

function Person({
  state,
  contact,
  done,
  skippable,
}: {
  state: OptionsState;
  contact: Contact;
  done: boolean;
  /** "Not this time" is for the reminder's people: who is merely due now stays due. */
  skippable: boolean;
}) {
  const [error, setError] = useState('');
  const self = useRef<HTMLLIElement>(null);
  /**
   * A step takes this person's controls away (they leave the list, or are marked done): the keyboard that was on
   * one of them goes to the view's heading, as after Undo. A step that fails throws, and changes no focus.
   */
  const step = async (work: () => Promise<unknown>) => {
    const had = keyboardIn(self.current);
    await work();
    if (had) await refocusIfLost(heading);
  };
  /** A step whose failure is said below the person. */
  const act = (work: () => Promise<unknown>) => async () => {
    await attempt(() => step(work), setError);
  };
  const job = jobLine(contact);
  return (
    <li class={`card person${done ? ' person--done' : ''}`} aria-label={contact.name} ref={self}>
      <div class="person__head">
        <Avatar name={contact.name} photoUrl={contact.photoUrl} size={40} load={state.settings.value.loadPhotos} />
        <div>
          <h3>{contact.name}</h3>
          {job && <p class="hint">{job}</p>}
        </div>
      </div>
      {done ? (
        <p class="hint ok">{t('reconnectDone')}</p>
      ) : (
        <div class="person__actions">
          <ReachOut
            c={contact}
            now={Date.now()}
            onLog={(kind, note, followUp, at) => act(() => state.contacted(contact, kind, note, followUp, at))()}
          />
          {/* Its own refusal and failure are said in it, below its fields. */}
          <PlanFollowUp c={contact} onPlan={(followUp) => step(() => state.planFollowUp(contact, followUp))} />
          <button type="button" onClick={act(() => state.snoozeWeek(contact))}>
            {t('snoozeWeek')}
          </button>
          {skippable && (
            <button type="button" class="ghost" onClick={act(() => state.notThisTime(contact))}>
              {t('notThisTime')}
            </button>
          )}
        </div>
      )}
      <ErrorLine text={error} />
    </li>
  );
}

/**
 * The last step taken here (a contact logged, a snooze, "Not this time") with Undo: a person handled by mistake
 * leaves the list, or is marked done, and comes back with it. The focus then goes to the view's heading (the button
 * is gone).
 */
function LastStep({ state }: { state: OptionsState }) {
  return <StepLine step={state.lastStep.value} undone={() => heading()?.focus()} class="last-step" />;
}

/**
 * The people of this week's reminder, each to contact, snooze or skip; the notification opens this view. Before this
 * week's reminder, who is due now (the people it would name), and when it comes.
 */
export function ReconnectView({ state }: { state: OptionsState }) {
  // Read when shown, then again each minute and when the tab is shown again: people fall due as time passes, on a
  // page left open too.
  const now = useNow();
  useEffect(() => {
    void state.reloadThisWeek();
  }, [now]);
  const week = state.thisWeek.value;
  if (!week) return <p class="hint">{t('loading')}</p>;
  const { people } = week;
  const reminder = week.from === 'reminder';
  /** Handled this week: only the reminder's own list keeps count (who is merely due leaves the list instead). */
  const isDone = (id: string) => week.from === 'reminder' && week.done.includes(id);
  return (
    <section aria-labelledby="reconnect-heading">
      <h2 id="reconnect-heading" tabIndex={-1}>
        {t('reconnectHeading')}
      </h2>
      <LastStep state={state} />
      {!reminder && people.length > 0 && (
        <p data-testid="due-now">
          {week.nextAt === null ? t('reconnectDueNowOff') : t('reconnectDueNow', formatSlot(week.nextAt))}
        </p>
      )}
      {people.length === 0 ? (
        <p class="hint">{t('reconnectNobody')}</p>
      ) : (
        <>
          {reminder && (
            <p class="progress" role="status">
              {t('reconnectProgress', people.filter((p) => isDone(p.id)).length, people.length)}
            </p>
          )}
          <ul class="people">
            {people.map((c) => (
              <Person key={c.id} state={state} contact={c} done={isDone(c.id)} skippable={reminder} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
