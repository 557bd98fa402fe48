/**
 * The birthday's three controls (day, month by name, year). Not on the popup's first screen: the editor loads it
 * with the contact page (ui/EditorControls.tsx), the short form from the later code once its fold is unfolded.
 */
import { useId } from 'preact/hooks';
import { formatDate, t, uiLocale } from '../platform/i18n';
import { type BirthdayInput, MIN_BIRTH_YEAR } from './field-form';
import { ErrorLine, refused } from './StatusLine';

/** Month names in the user's language (January = 1). */
function months(): { value: number; label: string }[] {
  return Array.from({ length: 12 }, (_, i) => ({
    value: i + 1,
    label: formatDate(new Date(2024, i, 1).getTime(), { month: 'long' }),
  }));
}

export function BirthdayField({
  value,
  onChange,
  invalid,
}: {
  value: BirthdayInput;
  onChange: (v: BirthdayInput) => void;
  /** A save refused it: the message, shown below its three controls, which are marked. */
  invalid?: string | undefined;
}) {
  const id = useId();
  const marked = refused(invalid, `${id}-error`);
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
            {...marked}
            onInput={(e) => set({ day: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for={`${id}-m`}>{t('birthdayMonth')}</label>
          <select
            id={`${id}-m`}
            value={value.month}
            onChange={(e) => set({ month: e.currentTarget.value })}
            {...marked}
          >
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
            min={MIN_BIRTH_YEAR}
            max={new Date().getFullYear()}
            value={value.year}
            {...marked}
            onInput={(e) => set({ year: e.currentTarget.value })}
          />
        </div>
      </div>
      <ErrorLine text={invalid} id={`${id}-error`} />
    </fieldset>
  );
}
