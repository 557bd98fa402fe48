/**
 * Logging a contact: how (call, meeting, …), a note, and an optional follow-up. Apart from the other contact
 * controls: only the contact page and "This week" need it, not the popup's first screen.
 */
import { useId, useState } from 'preact/hooks';
import { readFollowUpDate } from '../contacts/follow-up';
import type { FollowUp, InteractionKind } from '../contacts/types';
import { type MessageKey, t } from '../platform/i18n';
import { KIND_LABEL, KINDS } from './contact-controls';
import { ErrorLine } from './StatusLine';

/** A follow-up refused: what the user reads. */
const FOLLOW_UP_ERROR: Record<'badDate' | 'past' | 'tooFar', MessageKey> = {
  badDate: 'errorFollowUpDate',
  past: 'errorFollowUpPast',
  tooFar: 'errorFollowUpFar',
};

export type LogContact = (kind: InteractionKind, note: string, followUp?: FollowUp) => Promise<void>;

/**
 * How you got in touch (call, meeting, …), an optional note, an optional follow-up (a day, and what about: it
 * becomes the next due date and the reason then), and the button that logs it. The kind may be set from outside
 * (an "Email" action sets email).
 */
export function ContactedForm({
  onLog,
  kind: outer,
  onKind,
}: {
  onLog: LogContact;
  kind?: InteractionKind;
  onKind?: (k: InteractionKind) => void;
}) {
  const [own, setOwn] = useState<InteractionKind>('message');
  const kind = outer ?? own;
  const setKind = onKind ?? setOwn;
  const [note, setNote] = useState('');
  const [date, setDate] = useState('');
  const [about, setAbout] = useState('');
  const [error, setError] = useState('');
  const id = useId();
  function log() {
    let followUp: FollowUp | undefined;
    if (date.trim()) {
      const read = readFollowUpDate(date, Date.now());
      if (!read.ok) return setError(t(FOLLOW_UP_ERROR[read.error]));
      followUp = { at: read.at, ...(about.trim() ? { note: about.trim() } : {}) };
    } else if (about.trim()) return setError(t('errorFollowUpNoDate'));
    setError('');
    void onLog(kind, note, followUp).then(
      () => {
        setNote('');
        setDate('');
        setAbout('');
      },
      () => {},
    );
  }
  return (
    <>
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
      <label class="grow">
        <span class="visually-hidden">{t('fieldNotes')}</span>
        <input value={note} placeholder={t('notePlaceholder')} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <button type="button" class="primary" onClick={log}>
        {t('markContacted')}
      </button>
      <details class="follow-up" open={!!(date || about)}>
        <summary>{t('followUpAdd')}</summary>
        <div class="follow-up__fields">
          <label for={`${id}-date`}>{t('followUpOn')}</label>
          <input
            id={`${id}-date`}
            type="date"
            value={date}
            aria-invalid={error ? 'true' : undefined}
            onInput={(e) => setDate(e.currentTarget.value)}
          />
          <label for={`${id}-about`}>{t('followUpAbout')}</label>
          <input id={`${id}-about`} value={about} maxLength={200} onInput={(e) => setAbout(e.currentTarget.value)} />
        </div>
      </details>
      <ErrorLine text={error} />
    </>
  );
}
