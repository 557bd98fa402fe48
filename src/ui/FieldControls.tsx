/**
 * One labelled control per editable field, chosen by the field's kind (contacts/fields.ts): the contact page's
 * editor and the short form of capture and quick add are both lists of these.
 */
import type { JSX } from 'preact';
import { useId } from 'preact/hooks';
import { type EditField, FIELDS } from '../contacts/fields';
import type { ProfileLink } from '../contacts/types';
import { formatDate, type MessageKey, t, uiLocale } from '../platform/i18n';
import { CircleChips } from './CircleChips';
import type { BirthdayInput, FormValue, FormValues } from './field-form';
import { TextField } from './TextField';

/** Each editable field's label: a field the editor shows without one does not compile. */
export const FIELD_LABEL: Record<EditField, MessageKey> = {
  name: 'fieldName',
  role: 'fieldRole',
  company: 'fieldCompany',
  location: 'fieldLocation',
  photoUrl: 'fieldPhotoUrl',
  profiles: 'fieldProfiles',
  emails: 'fieldEmails',
  phones: 'fieldPhones',
  circles: 'fieldCircles',
  notes: 'fieldNotes',
  metVia: 'fieldMetVia',
  introducedBy: 'fieldIntroducedBy',
  birthday: 'fieldBirthday',
  cadenceDays: 'fieldCadence',
  formal: 'fieldFormal',
};

/** Month names in the user's language (January = 1). */
function months(): { value: number; label: string }[] {
  return Array.from({ length: 12 }, (_, i) => ({
    value: i + 1,
    label: formatDate(new Date(2024, i, 1).getTime(), { month: 'long' }),
  }));
}

function BirthdayField({ value, onChange }: { value: BirthdayInput; onChange: (v: BirthdayInput) => void }) {
  const id = useId();
  const set = (patch: Partial<BirthdayInput>) => onChange({ ...value, ...patch });
  return (
    <fieldset class="birthday">
      <legend>{t('fieldBirthday')}</legend>
      <div class="field-row">
        <div class="field">
          <label for={`${id}-d`}>{t('birthdayDay')}</label>
          <input
            id={`${id}-d`}
            type="number"
            min={1}
            max={31}
            value={value.day}
            onInput={(e) => set({ day: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for={`${id}-m`}>{t('birthdayMonth')}</label>
          <select id={`${id}-m`} value={value.month} onChange={(e) => set({ month: e.currentTarget.value })}>
            <option value="">–</option>
            {months().map((m) => (
              <option key={m.value} value={String(m.value)} lang={uiLocale()}>
                {m.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${id}-y`}>{t('birthdayYear')}</label>
          <input
            id={`${id}-y`}
            type="number"
            min={1900}
            max={new Date().getFullYear()}
            value={value.year}
            onInput={(e) => set({ year: e.currentTarget.value })}
          />
        </div>
      </div>
    </fieldset>
  );
}

/**
 * The controls only the contact page's editor shows (its links, its cadence, its yes-or-no fields): passed in by
 * it, so the short form of capture and quick add, which is on the popup's first screen, does not carry their code
 * (ui/EditorControls.tsx).
 */
export type ExtraControls = {
  profiles: (p: { value: ProfileLink[]; onChange: (v: ProfileLink[]) => void }) => JSX.Element;
  cadence: (p: { label: string; value: number | null; onChange: (v: number | null) => void }) => JSX.Element;
  flag: (p: { label: string; value: boolean; onChange: (v: boolean) => void }) => JSX.Element;
};

interface ControlProps {
  field: EditField;
  /** The editor's own controls; a field of their kinds is shown only with them. */
  extra?: ExtraControls | undefined;
  value: FormValue | undefined;
  onChange: (v: FormValue) => void;
  /** The user's circles, for the circle chips. */
  circles: string[];
  autoFocus?: boolean;
  /** Values a one-line text field offers as the user types. */
  suggestions?: readonly string[];
}

export function FieldControl({ field, value, onChange, circles, autoFocus, suggestions, extra }: ControlProps) {
  const label = t(FIELD_LABEL[field]);
  const text = (value as string | undefined) ?? '';
  switch (FIELDS[field].kind) {
    case 'circles':
      return <CircleChips all={circles} value={(value as string[]) ?? []} onChange={onChange} />;
    case 'profiles':
      if (!extra) throw new Error(`FieldControl: ${field} needs the editor's controls`);
      return <extra.profiles value={(value as ProfileLink[]) ?? []} onChange={onChange} />;
    case 'birthday':
      return <BirthdayField value={value as BirthdayInput} onChange={onChange} />;
    case 'cadence':
      if (!extra) throw new Error(`FieldControl: ${field} needs the editor's controls`);
      return <extra.cadence label={label} value={(value as number | null) ?? null} onChange={onChange} />;
    case 'flag':
      if (!extra) throw new Error(`FieldControl: ${field} needs the editor's controls`);
      return <extra.flag label={label} value={value === true} onChange={onChange} />;
    case 'note':
      return <TextField label={label} name={field} value={text} onInput={onChange} multiline maxLength={5000} />;
    case 'emails':
    case 'phones':
      // One per line (the label says so).
      return <TextField label={label} name={field} value={text} onInput={onChange} multiline />;
    case 'url':
      return <TextField label={label} name={field} value={text} onInput={onChange} type="url" maxLength={2048} />;
    default:
      return (
        <TextField
          label={label}
          name={field}
          value={text}
          onInput={onChange}
          required={FIELDS[field].kind === 'name'}
          autoFocus={autoFocus}
          {...(suggestions ? { suggestions } : {})}
        />
      );
  }
}

/**
 * The controls for these fields, in the table's order; two one-line text fields in a row share a line (role and
 * company, how we met and introduced by).
 */
export function FieldControls({
  fields,
  form,
  onChange,
  circles,
  autoFocus,
  suggestions,
  extra,
}: {
  fields: readonly EditField[];
  form: FormValues;
  onChange: (field: EditField, v: FormValue) => void;
  circles: string[];
  autoFocus?: boolean;
  /** Per field, values offered as the user types ("introduced by": the people in the book). */
  suggestions?: Partial<Record<EditField, readonly string[]>>;
  /** The editor's own controls (its links, its cadence). */
  extra?: ExtraControls;
}) {
  const rows: EditField[][] = [];
  for (const k of fields) {
    const last = rows[rows.length - 1];
    const pairs = (f: EditField) => FIELDS[f].kind === 'text';
    if (last && last.length === 1 && pairs(k) && pairs(last[0] as EditField)) last.push(k);
    else rows.push([k]);
  }
  const control = (k: EditField) => (
    <FieldControl
      key={k}
      field={k}
      value={form[k]}
      onChange={(v) => onChange(k, v)}
      circles={circles}
      extra={extra}
      autoFocus={autoFocus && FIELDS[k].kind === 'name'}
      {...(suggestions?.[k] ? { suggestions: suggestions[k] } : {})}
    />
  );
  return (
    <>
      {rows.map((row) =>
        row.length > 1 ? (
          <div key={row.join('+')} class="field-row">
            {row.map(control)}
          </div>
        ) : (
          control(row[0] as EditField)
        ),
      )}
    </>
  );
}
