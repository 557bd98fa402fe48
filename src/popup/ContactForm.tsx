import { useState } from 'preact/hooks';
import { type ContactDraft, FORM_FIELDS } from '../contacts/fields';
import { t } from '../platform/i18n';
import { FieldControls } from '../ui/FieldControls';
import { applyValues, fromForm, toForm } from '../ui/field-form';
import { errorMessage } from '../ui/messages';
import { ErrorLine } from '../ui/StatusLine';

interface Props {
  initial: ContactDraft;
  circles: string[];
  submitLabel: string;
  onSubmit: (draft: ContactDraft) => Promise<void>;
  autoFocus?: boolean;
}

/** The short form (the field table's form fields: name, role, company, …); Enter in any single-line field saves. */
export function ContactForm({ initial, circles, submitLabel, onSubmit, autoFocus }: Props) {
  const [form, setForm] = useState(() => toForm(FORM_FIELDS, initial));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    const read = fromForm(FORM_FIELDS, form);
    if (!read.ok) return setError(t(read.error));
    setBusy(true);
    setError('');
    try {
      // What the form does not show (the page's profile link and photo) stays as the draft had it.
      await onSubmit(applyValues(initial, read.values));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="contact-form" onSubmit={submit} noValidate>
      <FieldControls
        fields={FORM_FIELDS}
        form={form}
        onChange={(k, v) => setForm((f) => ({ ...f, [k]: v }))}
        circles={circles}
        autoFocus={autoFocus}
      />
      <ErrorLine text={error} />
      <button type="submit" class="primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
