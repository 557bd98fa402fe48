/**
 * The controls the popup's first screen does not carry: the contact page's editor's own (its profile links, added
 * and removed one by one, its yes-or-no fields) and the birthday, which the short form shows only once
 * its fold is unfolded (ui/BirthdayField.tsx). Handed to FieldControls by the editor (ContactDetail.tsx), so they
 * load with the contact page.
 */
import { useId, useRef, useState } from 'preact/hooks';
import { canonicalProfile } from '../contacts/profile-url';
import type { ProfileLink } from '../contacts/types';
import { withScheme } from '../contacts/web-address';
import { t } from '../platform/i18n';
import { BirthdayField } from './BirthdayField';
import type { ExtraControls } from './FieldControls';
import { ErrorLine } from './StatusLine';

function ProfilesEditor({ value, onChange }: { value: ProfileLink[]; onChange: (v: ProfileLink[]) => void }) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState('');
  // The field takes the keyboard back after a link is added (the Add button turns off with the field empty) or
  // removed (its × goes with it): a disabled or removed control would leave it at the page's start.
  const field = useRef<HTMLInputElement>(null);
  function add() {
    // "www.anna.de" is a web address too, as in a browser's address bar.
    const link = canonicalProfile(withScheme(typed));
    if (!link) return setError(t('errorWebAddress'));
    if (!value.some((p) => p.url === link.url)) onChange([...value, link]);
    setTyped('');
    setError('');
    field.current?.focus();
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
                  onClick={() => {
                    onChange(value.filter((x) => x.url !== p.url));
                    field.current?.focus();
                  }}
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
            ref={field}
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

/** A yes-or-no field (formal address): a checkbox, its label beside it. */
function FlagField({ label, value, onChange }: { label: string; value: boolean; onChange: (v: boolean) => void }) {
  return (
    <label class="check">
      <input type="checkbox" checked={value} onChange={(e) => onChange(e.currentTarget.checked)} />
      {label}
    </label>
  );
}

/** All of them, as FieldControls takes them. */
export const EDITOR_CONTROLS: ExtraControls = {
  profiles: ProfilesEditor,
  flag: FlagField,
  birthday: BirthdayField,
};
