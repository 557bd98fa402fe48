/** Controls used wherever a contact is acted on: the popup's contact page and the options' "This week". */
import { useState } from 'preact/hooks';
import { CADENCES } from '../contacts/cadence';
import type { InteractionKind } from '../contacts/types';
import { type MessageKey, t } from '../platform/i18n';

/** Each kind of contact's label, in the order the menu offers them (the most common first); every kind must have one. */
export const KIND_LABEL: Record<InteractionKind, MessageKey> = {
  message: 'kindMessage',
  call: 'kindCall',
  meeting: 'kindMeeting',
  email: 'kindEmail',
  other: 'kindOther',
};
const KINDS = Object.keys(KIND_LABEL) as InteractionKind[];
const CADENCE_LABEL: Record<keyof typeof CADENCES, MessageKey> = {
  weekly: 'cadenceWeekly',
  monthly: 'cadenceMonthly',
  quarterly: 'cadenceQuarterly',
  halfYearly: 'cadenceHalfYearly',
  yearly: 'cadenceYearly',
  none: 'cadenceNone',
};

/** How you got in touch (call, meeting, …), an optional note, and the button that logs it. */
export function ContactedForm({ onLog }: { onLog: (kind: InteractionKind, note: string) => Promise<void> }) {
  const [kind, setKind] = useState<InteractionKind>('message');
  const [note, setNote] = useState('');
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
      <button
        type="button"
        class="primary"
        onClick={() =>
          void onLog(kind, note).then(
            () => setNote(''),
            () => {},
          )
        }
      >
        {t('markContacted')}
      </button>
    </>
  );
}

/** The cadence presets (weekly … yearly, none); an unusual stored value is kept as an extra option. */
export function CadenceSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: number | null;
  onChange: (v: number | null) => void;
}) {
  const known = Object.values(CADENCES) as (number | null)[];
  return (
    <select
      id={id}
      value={String(value)}
      onChange={(e) => onChange(e.currentTarget.value === 'null' ? null : Number(e.currentTarget.value))}
    >
      {(Object.keys(CADENCES) as (keyof typeof CADENCES)[]).map((k) => (
        <option key={k} value={String(CADENCES[k])}>
          {t(CADENCE_LABEL[k])}
        </option>
      ))}
      {!known.includes(value) && <option value={String(value)}>{value}</option>}
    </select>
  );
}
