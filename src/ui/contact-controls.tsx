/** Controls used wherever a contact is acted on: the popup's contact page and the options' "This week". */
import { useId } from 'preact/hooks';
import { CADENCES } from '../contacts/cadence';
import type { InteractionKind } from '../contacts/types';
import { type MessageKey, t, tn } from '../platform/i18n';

/** Each kind of contact's label, in the order the menu offers them (the most common first); every kind must have one. */
export const KIND_LABEL: Record<InteractionKind, MessageKey> = {
  message: 'kindMessage',
  call: 'kindCall',
  meeting: 'kindMeeting',
  email: 'kindEmail',
  other: 'kindOther',
  introduction: 'kindIntroduction',
};
/** What the user logs by hand: an introduction asked for is logged by its own action (introduce.ts). */
export const KINDS = (Object.keys(KIND_LABEL) as InteractionKind[]).filter((k) => k !== 'introduction');
const CADENCE_LABEL: Record<keyof typeof CADENCES, MessageKey> = {
  weekly: 'cadenceWeekly',
  monthly: 'cadenceMonthly',
  quarterly: 'cadenceQuarterly',
  halfYearly: 'cadenceHalfYearly',
  yearly: 'cadenceYearly',
  none: 'cadenceNone',
};

/** A cadence as the form names it: a preset's name ("jeden Monat", "keine Erinnerung"), else in days ("alle 10 Tage"). */
export function cadenceName(days: number | null): string {
  const preset = (Object.keys(CADENCES) as (keyof typeof CADENCES)[]).find((k) => CADENCES[k] === days);
  return preset ? t(CADENCE_LABEL[preset]) : tn('cadenceEveryDays', days ?? 0);
}

/**
 * The cadence presets (weekly … yearly, none); an unusual stored value (a synced card's, a backup's: any whole number
 * of days) is kept as an extra option, said in days.
 */
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
      {value !== null && !known.includes(value) && <option value={String(value)}>{cadenceName(value)}</option>}
    </select>
  );
}

/**
 * How often to get in touch, labelled: in the short form of capture and quick add (a new person starts with the
 * settings' cadence, a saved one with theirs) and in the contact page's editor.
 */
export function CadenceField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number | null;
  onChange: (v: number | null) => void;
}) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <CadenceSelect id={id} value={value} onChange={onChange} />
    </div>
  );
}
