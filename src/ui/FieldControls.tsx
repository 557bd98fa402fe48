/**
 * One labelled control per editable field, chosen by the field's kind (contacts/fields.ts): the contact page's
 * editor and the short form of capture and quick add are both lists of these.
 */
import { useId, useState } from 'preact/hooks';
import { type EditField, FIELDS } from '../contacts/fields';
import { canonicalProfile } from '../contacts/profile-url';
import type { ProfileLink } from '../contacts/types';
import { formatDate, type MessageKey, t, uiLocale } from '../platform/i18n';
import { CircleChips } from './CircleChips';
import { CadenceSelect } from './contact-controls';
import type { BirthdayInput, FormValue, FormValues } from './field-form';
import { ErrorLine } from './StatusLine';
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
};

function ProfilesEditor({ value, onChange }: { value: ProfileLink[]; onChange: (v: ProfileLink[]) => void }) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState('');
  function add() {
    const link = canonicalProfile(typed);
    if (!link) return setError(t('errorWebAddress'));
    if (!value.some((p) => p.url === link.url)) onChange([...value, link]);
    setTyped('');
    setError('');
  }
  return (
    <fieldset class="profiles-editor">
      <legend>{t('fieldProfiles')}</legend>
      {value.length > 0 && (
        <ul class="links">
          {value.map((p) => {
            const shown = p.url.replace(/^https?:\/\//, '');
            return (
              <li key={p.url}>
                <span>{shown}</span>
                <button
                  type="button"
                  class="ghost"
                  aria-label={t('removeProfile', shown)}
                  onClick={() => onChange(value.filter((x) => x.url !== p.url))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div class="field-row">
        <div class="field">
          <label for={id}>{t('addProfile')}</label>
          <input
            id={id}
            type="url"
            value={typed}
            placeholder="https://"
            autoComplete="off"
            onInput={(e) => setTyped(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
        </div>
        <button type="button" class="add-link" onClick={add} disabled={!typed.trim()}>
          {t('addProfileButton')}
        </button>
      </div>
      <ErrorLine text={error} />
    </fieldset>
  );
}

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

interface ControlProps {
  field: EditField;
  value: FormValue | undefined;
  onChange: (v: FormValue) => void;
  /** The user's circles, for the circle chips. */
  circles: string[];
  autoFocus?: boolean;
  /** Values a one-line text field offers as the user types. */
  suggestions?: readonly string[];
}

export function FieldControl({ field, value, onChange, circles, autoFocus, suggestions }: ControlProps) {
  const label = t(FIELD_LABEL[field]);
  const text = (value as string | undefined) ?? '';
  switch (FIELDS[field].kind) {
    case 'circles':
      return <CircleChips all={circles} value={(value as string[]) ?? []} onChange={onChange} />;
    case 'profiles':
      return <ProfilesEditor value={(value as ProfileLink[]) ?? []} onChange={onChange} />;
    case 'birthday':
      return <BirthdayField value={value as BirthdayInput} onChange={onChange} />;
    case 'cadence':
      return <CadenceField label={label} value={(value as number | null) ?? null} onChange={onChange} />;
    case 'note':
      return <TextField label={label} name={field} value={text} onInput={onChange} multiline maxLength={5000} />;
    case 'emails':
    case 'lines':
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

function CadenceField({
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
}: {
  fields: readonly EditField[];
  form: FormValues;
  onChange: (field: EditField, v: FormValue) => void;
  circles: string[];
  autoFocus?: boolean;
  /** Per field, values offered as the user types ("introduced by": the people in the book). */
  suggestions?: Partial<Record<EditField, readonly string[]>>;
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
