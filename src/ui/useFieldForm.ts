/**
 * A form of fields that shows something that can change under it: a saved person's record (written meanwhile by a
 * link, a sync step, their own page), or the page's late answer. Fields the user has not changed follow it
 * (field-form.ts followValues); `changed` gives, of the values read back, those of the fields the user changed
 * (changedValues), which is what a save of someone saved writes, so it never undoes what was written meanwhile.
 */
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ContactDraft, EditField, FieldValues } from '../contacts/fields';
import { changedKeys, changedValues, type FormValues, followValues, toForm } from './field-form';
import { useFocusInvalid } from './focus-invalid';
import { typedFor, useTyping } from './typed';

/**
 * `keep` names the form for ui/typed.ts: what the user changes is kept as they type, and a form of that name gives
 * it back when it is shown again (`restored`) until it is saved (`done`) or discarded (`discard`).
 */
export function useFieldForm(fields: readonly EditField[], initial: ContactDraft, shown?: ContactDraft, keep?: string) {
  const [start] = useState(() => toForm(fields, initial));
  const [givenBack] = useState(() => {
    // Only fields of this form, each of the kind it holds (kept by an older version, it may not be); a cadence is
    // a number of days or none (null), either way round.
    const kind = (v: unknown) => (v === null ? 'number' : typeof v);
    const kept = Object.entries((keep && typedFor(keep)) || {}).filter(
      ([k, v]) => kind(v) === kind(start[k as EditField]),
    );
    return kept.length ? (Object.fromEntries(kept) as FormValues) : undefined;
  });
  const [form, setForm] = useState(() => ({ ...start, ...givenBack }));
  /** What the form last showed as given (its start, then each `shown`): a field that differs is the user's. */
  const base = useRef<FormValues>(start);
  const typing = useTyping(
    keep,
    Object.fromEntries(changedKeys(fields, form, base.current).map((k) => [k, form[k]])),
    !!givenBack,
  );
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
    /** The form was given back what was typed into it before (the popup closed before Save), and still holds it. */
    restored: typing.shown,
    /** The fields given back when the form was drawn (none when nothing was kept for it). */
    givenBack: Object.keys(givenBack ?? {}) as EditField[],
    /** Saved or cancelled: what was typed is forgotten, and the form no longer says it was given back. */
    done: typing.done,
    /** The given-back fields as the form shows them without it. */
    discard: () => {
      if (givenBack)
        setForm((f) => ({
          ...f,
          ...Object.fromEntries(Object.keys(givenBack).map((k) => [k, base.current[k as EditField]])),
        }));
      typing.done();
    },
  };
}

/**
 * A save the form refused (field-form.ts fromForm names the field and why): the message stands below that field,
 * which is marked invalid (aria-invalid) until it is changed and takes the keyboard's focus (focus-invalid.ts), also
 * in a fold or below the fold of the popup. `refuse` after each refused save (the focus goes there again);
 * `changed` as the user edits a field.
 */
export function useRefusal(form: RefObject<HTMLFormElement | null>) {
  // A new object for each refusal, so the focus goes there again.
  const [refused, setRefused] = useState<{ field: EditField; message: string } | null>(null);
  useFocusInvalid(form, refused);
  return {
    invalid: refused ?? undefined,
    refuse: (field: EditField, message: string) => setRefused({ field, message }),
    changed: (field: EditField) => setRefused((r) => (r?.field === field ? null : r)),
  };
}
