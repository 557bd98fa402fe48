/**
 * A form of fields that shows something that can change under it: a saved person's record (written meanwhile by a
 * link, a sync step, their own page), or the page's late answer. Fields the user has not changed follow it
 * (field-form.ts followValues); `changed` gives, of the values read back, those of the fields the user changed
 * (changedValues), which is what a save of someone saved writes, so it never undoes what was written meanwhile.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ContactDraft, EditField, FieldValues } from '../contacts/fields';
import { changedValues, type FormValues, followValues, toForm } from './field-form';

export function useFieldForm(fields: readonly EditField[], initial: ContactDraft, shown?: ContactDraft) {
  const [form, setForm] = useState(() => toForm(fields, initial));
  /** What the form last showed as given (its start, then each `shown`): a field that differs is the user's. */
  const base = useRef<FormValues>(form);
  // Keyed by the values the form would show: the caller builds its source anew on every render, and a saved
  // person's record carries far more than the form (their whole history).
  const next = shown && toForm(fields, shown);
  useEffect(() => {
    if (!next) return;
    const before = base.current;
    base.current = next;
    setForm((f) => followValues(fields, f, before, next));
  }, [next && JSON.stringify(next)]);
  return {
    form,
    setForm,
    changed: (values: FieldValues): FieldValues => changedValues(fields, form, base.current, values),
  };
}
