import { useState } from 'preact/hooks';
import type { ContactDraft } from '../contacts/types';
import { t } from '../platform/i18n';
import { CircleChips } from '../ui/CircleChips';
import { errorMessage } from '../ui/messages';
import { ErrorLine } from '../ui/StatusLine';
import { TextField } from '../ui/TextField';

interface Props {
  initial: ContactDraft;
  circles: string[];
  submitLabel: string;
  onSubmit: (draft: ContactDraft) => Promise<void>;
  autoFocus?: boolean;
}

/** Name, role, company, location, note and "how we met"; Enter in any single-line field saves. */
export function ContactForm({ initial, circles, submitLabel, onSubmit, autoFocus }: Props) {
  const [draft, setDraft] = useState<ContactDraft>(initial);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (k: keyof ContactDraft) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));

  async function submit(e: Event) {
    e.preventDefault();
    if (!draft.name.trim()) {
      setError(t('errorNameRequired'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      await onSubmit(draft);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="contact-form" onSubmit={submit} noValidate>
      <TextField
        label={t('fieldName')}
        name="name"
        value={draft.name}
        onInput={set('name')}
        required
        autoFocus={autoFocus}
      />
      <div class="field-row">
        <TextField label={t('fieldRole')} name="role" value={draft.role ?? ''} onInput={set('role')} />
        <TextField label={t('fieldCompany')} name="company" value={draft.company ?? ''} onInput={set('company')} />
      </div>
      <TextField label={t('fieldLocation')} name="location" value={draft.location ?? ''} onInput={set('location')} />
      <CircleChips
        all={circles}
        value={draft.circles ?? []}
        onChange={(v) => setDraft((d) => ({ ...d, circles: v }))}
      />
      <TextField label={t('fieldMetVia')} name="metVia" value={draft.metVia ?? ''} onInput={set('metVia')} />
      <TextField label={t('fieldNotes')} name="notes" value={draft.notes ?? ''} onInput={set('notes')} multiline />
      <ErrorLine text={error} />
      <button type="submit" class="primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
