import { useEffect, useRef, useState } from 'preact/hooks';
import { dueState } from '../contacts/due';
import { applyValues, EDIT_FIELDS } from '../contacts/fields';
import { withoutEntry } from '../contacts/log-edits';
import { followUpIsReason } from '../contacts/reasons';
import type { Contact, Interaction } from '../contacts/types';
import { formatDate, formatRelative, t } from '../platform/i18n';
import { Avatar } from '../ui/Avatar';
import { KIND_LABEL } from '../ui/contact-controls';
import { EDITOR_CONTROLS } from '../ui/EditorControls';
import { FieldControls } from '../ui/FieldControls';
import { fromForm } from '../ui/field-form';
import { safeHref } from '../ui/links';
import { attempt, errorMessage } from '../ui/messages';
import { PlanFollowUp } from '../ui/PlanFollowUp';
import { ReachOut } from '../ui/ReachOut';
import { ErrorLine, type Status, StatusLine } from '../ui/StatusLine';
import { TypedBack } from '../ui/TypedBack';
import { useFieldForm, useRefusal } from '../ui/useFieldForm';
import { Introducers } from './Introducers';
import { MergeNamesakes, MergeOther } from './Namesakes';
import { nameChoices, offersFor, personNamed, Relationships } from './Relationships';
import type { PopupState } from './state';

/**
 * Every field the user owns (the field table's editable ones), edited in one form. The record can change while the
 * form is open (a link made on this page fills "Introduced by"; a sync step): a field the user has not changed
 * follows it, and a save writes only the fields the user changed, so it never undoes what was written meanwhile.
 */
function Editor({ state, c }: { state: PopupState; c: Contact }) {
  const { form, setForm, changed, restored, discard } = useFieldForm(EDIT_FIELDS, c, c, `edit ${c.id}`);
  const [status, setStatus] = useState<Status>(null);
  const self = useRef<HTMLFormElement>(null);
  const refusal = useRefusal(self);
  // "Introduced by" offers the people in the book; a name that is one of them becomes a link on save (both sides).
  const people = nameChoices(state.contacts.value);
  async function save(e: Event) {
    e.preventDefault();
    const read = fromForm(EDIT_FIELDS, form, undefined, c);
    setStatus(null);
    if (!read.ok) return refusal.refuse(read.field, t(read.error, ...(read.subs ?? [])));
    const values = changed(read.values);
    try {
      await state.update(c.id, (old) => applyValues(old, values));
      const by = read.values.introducedBy as string | undefined;
      const introducer = by && by !== c.introducedBy ? personNamed(people, by, c.id) : undefined;
      if (introducer) await state.link(c.id, introducer.id, 'introducedBy');
      setStatus({ ok: true, text: t('savedChanges') });
    } catch (err) {
      setStatus({ ok: false, text: errorMessage(err) });
    }
  }
  return (
    <form class="card" onSubmit={save} noValidate ref={self}>
      {restored && <TypedBack onDiscard={discard} />}
      <FieldControls
        fields={EDIT_FIELDS}
        form={form}
        onChange={(k, v) => {
          refusal.changed(k);
          setForm((f) => ({ ...f, [k]: v }));
        }}
        invalid={refusal.invalid}
        circles={state.settings.value.circles}
        suggestions={{
          introducedBy: offersFor(people, String(form.introducedBy ?? ''), c.id),
          salutation: t('salutationSuggestions').split('|'),
        }}
        extra={EDITOR_CONTROLS}
      />
      {/* In sight while the form runs on below the popup (popup.css), with what the save did beside it. */}
      <div class="contact-form__actions">
        <button type="submit" class="primary">
          {t('save')}
        </button>
        <StatusLine status={status} />
      </div>
    </form>
  );
}

/**
 * When to get in touch, as the row's badge has it: snoozed until a day, due since, or next; a snooze or an overdue
 * date is not called "next".
 */
export function dueLine(c: Contact, now: number): string {
  const state = dueState(c, now);
  if (state === 'snoozed' && c.snoozedUntil) return t('dueLineSnoozed', formatDate(c.snoozedUntil));
  if (c.nextDueAt === undefined) return t('cadenceNone');
  return t(state === 'overdue' ? 'dueLineOverdue' : 'nextDue', formatRelative(c.nextDueAt, now));
}

/** Why now, ways to reach them, logging the contact; a follow-up planned, snooze and delete. */
function Actions({ state, c }: { state: PopupState; c: Contact }) {
  const [error, setError] = useState('');
  const run = (work: () => Promise<void>) => () => void attempt(work, setError);
  // A snooze a button away from the next one (and from Delete) is taken back as a log is.
  async function snooze(days: number) {
    const after = await state.snoozeFor(c.id, days);
    state.offerUndo(t('snoozedToast', c.name, formatDate(after.snoozedUntil ?? 0)), () => state.undo(c, after));
  }
  return (
    <div class="card actions">
      {/* When; the last contact (or that there was none) is the reasons' last line, below. */}
      <p class="hint">{dueLine(c, state.now.value)}</p>
      {/* A follow-up within the week is one of the reasons below (said once); further off, it is said here. */}
      {c.followUp && !followUpIsReason(c, state.now.value) && (
        <p class="hint">
          {c.followUp.note
            ? t('followUpPlannedNote', formatDate(c.followUp.at), c.followUp.note)
            : t('followUpPlanned', formatDate(c.followUp.at))}
        </p>
      )}
      <ReachOut
        c={c}
        now={state.now.value}
        onLog={async (kind, note, followUp, at) => {
          try {
            const after = await state.contacted(c.id, kind, note, followUp, at);
            setError('');
            state.offerUndo(t('loggedToast', c.name), () => state.undo(c, after));
          } catch (e) {
            setError(errorMessage(e));
            throw e;
          }
        }}
      />
      <PlanFollowUp c={c} onPlan={(followUp) => state.planFollowUp(c, followUp)} />
      <div class="actions__row">
        <button type="button" onClick={run(() => snooze(7))}>
          {t('snoozeWeek')}
        </button>
        <button type="button" onClick={run(() => snooze(30))}>
          {t('snoozeMonth')}
        </button>
        <button type="button" class="danger" onClick={run(() => state.remove(c.id, (name) => t('deletedToast', name)))}>
          {t('deleteContact')}
        </button>
      </div>
      <ErrorLine text={error} />
    </div>
  );
}

/**
 * What was logged, latest first, each entry with a button that takes it out (logged by mistake, or twice; Undo puts
 * it back); then the role and company changes seen on their pages.
 */
function Timeline({ state, c }: { state: PopupState; c: Contact }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState('');
  const remove = (entry: Interaction) =>
    void attempt(async () => {
      const after = await state.update(c.id, (now) => withoutEntry(now, entry));
      // The button is gone with its entry: the focus goes to the list's heading, not to the page's start.
      heading.current?.focus();
      state.offerUndo(t('entryRemoved', formatDate(entry.at)), () => state.undo(c, after));
    }, setError);
  return (
    <div class="card">
      <h3 tabIndex={-1} ref={heading}>
        {t('timelineHeading')}
      </h3>
      {c.interactions.length === 0 ? (
        <p class="hint">{t('timelineEmpty')}</p>
      ) : (
        <ol class="timeline timeline--log">
          {/* Two entries may be alike (the same call logged twice for one day): the place tells them apart. */}
          {[...c.interactions].reverse().map((i, n) => (
            <li key={`${i.at}-${n}`} class="timeline__entry">
              <span>
                <strong>{formatDate(i.at)}</strong> · {t(KIND_LABEL[i.kind])}
                {i.note ? ` — ${i.note}` : ''}
              </span>
              <button
                type="button"
                class="ghost"
                aria-label={t('entryRemove', formatDate(i.at), t(KIND_LABEL[i.kind]))}
                onClick={() => remove(i)}
              >
                ×
              </button>
            </li>
          ))}
        </ol>
      )}
      <ErrorLine text={error} />
      {c.history.length > 0 && (
        <>
          <h3>{t('historyHeading')}</h3>
          <ol class="timeline">
            {[...c.history].reverse().map((h) => (
              <li key={`${h.at}-${h.field}`}>
                <strong>{formatDate(h.at)}</strong> ·{' '}
                {t(h.field === 'role' ? 'historyRole' : 'historyCompany', h.from ?? '–', h.to ?? '–')}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

export function ContactDetail({ state, id }: { state: PopupState; id: string }) {
  const c = state.person(id);
  // A page of its own: the focus starts at its heading (the control that opened it is gone), as a new page's would.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [id, !c]);
  // Not found before everyone is read: not known to be gone yet.
  if (!c) return <p class="hint">{t(state.complete.value ? 'errorNotFound' : 'loading')}</p>;
  const links = c.profiles.map((p) => ({ ...p, href: safeHref(p.url) })).filter((p) => p.href);
  return (
    <section class="detail" aria-labelledby="detail-heading">
      <div class="detail__head">
        <button type="button" class="ghost" onClick={() => (state.view.value = { name: 'home' })}>
          ← {t('back')}
        </button>
        <Avatar name={c.name} photoUrl={c.photoUrl} size={40} load={state.settings.value.loadPhotos} />
        <h2 id="detail-heading" tabIndex={-1} ref={heading}>
          {c.name}
        </h2>
      </div>
      <Actions state={state} c={c} />
      {/* Who can introduce and the links between people need the whole book: a page opened before everyone is
          read (from an early search's row) shows them once they are, rather than taking someone for not in it. */}
      {!state.complete.value ? (
        <p class="hint">{t('loading')}</p>
      ) : (
        <>
          <MergeNamesakes state={state} c={c} />
          {c.lastContactedAt === undefined && <Introducers state={state} target={c} person={c} />}
          <Relationships state={state} c={c} />
          <MergeOther state={state} c={c} />
        </>
      )}
      {links.length > 0 && (
        <div class="card">
          <h3>{t('profilesHeading')}</h3>
          <ul class="links">
            {links.map((p) => (
              <li key={p.url}>
                <a href={p.href} target="_blank" rel="noopener noreferrer">
                  {p.url.replace(/^https?:\/\//, '')}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <Editor key={c.id} state={state} c={c} />
      <Timeline state={state} c={c} />
    </section>
  );
}
