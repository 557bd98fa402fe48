import { useEffect, useRef, useState } from 'preact/hooks';
import { BY_HAND_FIELDS, type ContactDraft, type EditField, FORM_FIELDS } from '../contacts/fields';
import { t } from '../platform/i18n';
import { FieldControls } from '../ui/FieldControls';
import { applyValues, type FormValue, fromForm, toForm } from '../ui/field-form';
import { errorMessage } from '../ui/messages';
import { ErrorLine } from '../ui/StatusLine';

interface Props {
  initial: ContactDraft;
  circles: string[];
  submitLabel: string;
  onSubmit: (draft: ContactDraft) => Promise<void>;
  autoFocus?: boolean;
  /** Values that arrived late (the page answered while the user typed): they fill only fields still untouched. */
  fill?: ContactDraft;
  /** The user typed into the form. */
  onInput?: () => void;
  /** Someone added by hand: the fields a page does not give (email, phone, birthday) too, folded. */
  byHand?: boolean;
}

/** The short form (the field table's form fields: name, role, company, …); Enter in any single-line field saves. */
export function ContactForm({ initial, circles, submitLabel, onSubmit, autoFocus, fill, onInput, byHand }: Props) {
  const fields: readonly EditField[] = byHand ? [...FORM_FIELDS, ...BY_HAND_FIELDS] : FORM_FIELDS;
  const [form, setForm] = useState(() => toForm(fields, initial));
  const untouched = useRef(form);
  useEffect(() => {
    if (!fill) return;
    const late = toForm(fields, fill);
    setForm((f) => {
      const next = { ...f };
      for (const k of Object.keys(late) as (keyof typeof late)[])
        if (f[k] === untouched.current[k] && late[k]) next[k] = late[k];
      return next;
    });
    // Keyed by content: the parent builds the draft anew on every render.
  }, [fill && JSON.stringify(fill)]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const change = (k: EditField, v: FormValue) => {
    onInput?.();
    setForm((f) => ({ ...f, [k]: v }));
  };

  async function submit(e: Event) {
    e.preventDefault();
    const read = fromForm(fields, form);
    if (!read.ok) return setError(t(read.error));
    setBusy(true);
    setError('');
    try {
      // What the form does not show (the page's profile link and photo) stays as the draft had it.
      await onSubmit(applyValues(fill ? { ...initial, ...fill } : initial, read.values));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="contact-form" onSubmit={submit} noValidate>
      <FieldControls fields={FORM_FIELDS} form={form} onChange={change} circles={circles} autoFocus={autoFocus} />
      {byHand && (
        <details class="contact-form__more">
          <summary>{t('byHandMore')}</summary>
          <FieldControls fields={BY_HAND_FIELDS} form={form} onChange={change} circles={circles} />
        </details>
      )}
      <ErrorLine text={error} />
      <button type="submit" class="primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
