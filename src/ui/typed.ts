/**
 * What the user typed into a form of the popup, kept as they type: a popup closes at the first click outside it,
 * and the next time it shows the same form (the same page's person, "Add a person", the same contact's page) it
 * gives back what was typed and not saved. One form's at a time, for a day, in the extension's own localStorage:
 * read at once, so the first paint waits for nothing. Saved, cancelled or discarded, it is gone.
 */
import type { FormValues } from './field-form';

const KEY = 'reconnect.typed';
/** How long typing not saved is given back. */
export const TYPED_KEEP_MS = 86_400_000;

interface Kept {
  /** Which form: `page <address>`, `add`, `edit <id>`. */
  form: string;
  at: number;
  values: FormValues;
}

function read(): Kept | undefined {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

/** What was typed into this form and not saved, if it is the one kept and not older than a day. */
export function typedFor(form: string, now = Date.now()): FormValues | undefined {
  const kept = read();
  return kept?.form === form && now - kept.at < TYPED_KEEP_MS ? kept.values : undefined;
}

/** Keeps what the user changed in this form (nothing changed: this form's is forgotten). */
export function keepTyped(form: string, values: FormValues, now = Date.now()): void {
  try {
    if (Object.keys(values).length) localStorage.setItem(KEY, JSON.stringify({ form, at: now, values }));
    else forgetTyped(form);
  } catch {
    // Storage full or not allowed: the form works as before, without this.
  }
}

/** Forgets this form's typing (saved, cancelled, discarded). */
export function forgetTyped(form: string): void {
  if (read()?.form === form) forgetAllTyped();
}

/** Forgets any form's typing (everything deleted). */
export function forgetAllTyped(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {}
}
