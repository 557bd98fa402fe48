/**
 * One labelled control per editable field, chosen by the field's kind (contacts/fields.ts): the contact page's
 * editor and the short form of capture and quick add are both lists of these.
 */
import type { JSX } from 'preact';
import { type EditField, FIELDS } from '../contacts/fields';
import type { ProfileLink } from '../contacts/types';
import { type MessageKey, t } from '../platform/i18n';
import { CircleChips } from './CircleChips';
import { CadenceField } from './contact-controls';
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
  salutation: 'fieldSalutation',
  formal: 'fieldFormal',
};

/**
 * The controls passed in by the form that shows them, so the popup's first screen does not carry their code: the
 * contact page's editor has them all (its links, its yes-or-no fields, the birthday:
 * ui/EditorControls.tsx); the short form of capture and quick add only the birthday, drawn once its fold is
 * unfolded, from the popup's later code.
 */
export type ExtraControls = {
  profiles: (p: { value: ProfileLink[]; onChange: (v: ProfileLink[]) => void }) => JSX.Element;
  flag: (p: { label: string; value: boolean; onChange: (v: boolean) => void }) => JSX.Element;
  birthday: (p: {
    value: BirthdayInput;
    onChange: (v: BirthdayInput) => void;
    invalid?: string | undefined;
  }) => JSX.Element | null;
};

interface ControlProps {
  field: EditField;
  /** The controls passed in; a field of their kinds is shown only with its own. */
  extra?: Partial<ExtraControls> | undefined;
  value: FormValue | undefined;
  onChange: (v: FormValue) => void;
  /** The user's circles, for the circle chips. */
  circles: string[];
  autoFocus?: boolean;
  /** Values a one-line text field offers as the user types. */
  suggestions?: readonly string[];
  /** Why a save refused this field's value, shown below it. */
  invalid?: string | undefined;
}

export function FieldControl({
  field,
  value,
  onChange,
  circles,
  autoFocus,
  suggestions,
  extra,
  invalid,
}: ControlProps) {
  const label = t(FIELD_LABEL[field]);
  /** What every text field of these takes: its label, its name, its value, and why a save refused it. */
  const text = { label, name: field, value: (value as string | undefined) ?? '', onInput: onChange, invalid };
  /** The passed-in control for this field's kind: one missing is a programming error, said as such. */
  const own = <K extends keyof ExtraControls>(kind: K): ExtraControls[K] => {
    const control = extra?.[kind];
    if (!control) throw new Error(`FieldControl: ${field} needs the editor's controls`);
    return control;
  };
  switch (FIELDS[field].kind) {
    case 'circles':
      return <CircleChips all={circles} value={(value as string[]) ?? []} onChange={onChange} />;
    case 'profiles': {
      const Profiles = own('profiles');
      return <Profiles value={(value as ProfileLink[]) ?? []} onChange={onChange} />;
    }
    case 'birthday': {
      const Birthday = own('birthday');
      return <Birthday value={value as BirthdayInput} onChange={onChange} invalid={invalid} />;
    }
    case 'cadence':
      return <CadenceField label={label} value={(value as number | null) ?? null} onChange={onChange} />;
    case 'flag': {
      const Flag = own('flag');
      return <Flag label={label} value={value === true} onChange={onChange} />;
    }
    case 'note':
      return <TextField {...text} multiline maxLength={5000} />;
    case 'emails':
    case 'phones':
      // One per line (the label says so).
      return <TextField {...text} multiline />;
    case 'url':
      return <TextField {...text} type="url" maxLength={2048} />;
    default:
      return (
        <TextField
          {...text}
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
  invalid,
}: {
  fields: readonly EditField[];
  form: FormValues;
  onChange: (field: EditField, v: FormValue) => void;
  circles: string[];
  autoFocus?: boolean;
  /** Per field, values offered as the user types ("introduced by": the people in the book). */
  suggestions?: Partial<Record<EditField, readonly string[]>>;
  /** The controls passed in (ExtraControls). */
  extra?: Partial<ExtraControls>;
  /** The field whose value a save refused, and why, if any (useRefusal). */
  invalid?: { field: EditField; message: string } | undefined;
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
      invalid={invalid?.field === k ? invalid.message : undefined}
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
