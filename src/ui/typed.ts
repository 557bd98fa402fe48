/**
 * What the user typed into a form of the popup, kept as they type: a popup closes at the first click outside it,
 * and the next time it shows the same form (the same page's person, "Add a person", the same contact's page, the
 * log form or a follow-up planned for the same person) it gives back what was typed and not saved. A few forms at a
 * time (a contact's page has three), each for a day, in the extension's own localStorage: read at once, so the first
 * paint waits for nothing. Saved, cancelled or discarded, it is gone.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { forgetAllTyped, TYPED_KEY as KEY } from './typed-key';

export { forgetAllTyped };

/** A form's values as kept: each form reads back only the fields it has, of the kind it holds. */
type Values = Record<string, unknown>;
/** By form (`page <address>`, `add`, `edit <id>`, `log <id>`, `plan <id>`): when it was typed into, and what. */
type Kept = Record<string, { at: number; values: Values }>;

/** How long typing not saved is given back. */
export const TYPED_KEEP_MS = 86_400_000;
/** How many forms' typing is kept: the latest. */
export const TYPED_FORMS = 5;

function read(): Kept {
  try {
    const kept = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return typeof kept === 'object' && kept ? kept : {};
  } catch {
    return {};
  }
}

/** What was typed into this form and not saved, if it is not older than a day. */
export function typedFor(form: string, now = Date.now()): Values | undefined {
  const kept = read()[form];
  return kept && now - kept.at < TYPED_KEEP_MS ? kept.values : undefined;
}

/** Keeps what the user changed in this form (nothing changed: this form's is forgotten). */
export function keepTyped(form: string, values: Values, now = Date.now()): void {
  const kept = read();
  if (!Object.keys(values).length && !kept[form]) return;
  kept[form] = { at: now, values };
  const latest = Object.entries(kept)
    .filter(([f, k]) => (f !== form || Object.keys(values).length) && now - k.at < TYPED_KEEP_MS)
    .sort(([, a], [, b]) => b.at - a.at)
    .slice(0, TYPED_FORMS);
  try {
    if (latest.length) localStorage.setItem(KEY, JSON.stringify(Object.fromEntries(latest)));
    else localStorage.removeItem(KEY);
  } catch {
    // Storage full or not allowed: the form works as before, without this.
  }
}

/** Forgets this form's typing (saved, cancelled, discarded). */
export function forgetTyped(form: string): void {
  keepTyped(form, {});
}

/**
 * A form's part in this, for both kinds of form (ui/useFieldForm.ts, ui/ContactedForm.tsx): `typed` (what the user
 * typed, nothing else) kept as soon as it is drawn, so a popup closed a moment after a keystroke keeps that
 * keystroke too. `shown`: the form still holds what it was given back at its start (`givenBack`), which it says;
 * not once nothing is typed any more, nor after `done` (saved, cancelled, discarded: the typing is forgotten).
 */
export function useTyping(keep: string | undefined, typed: Values, givenBack: boolean) {
  const [given, setGiven] = useState(givenBack);
  // Whether anything of this form may be stored: a form drawn with nothing kept for it and nothing typed (every
  // popup open) neither reads nor writes the storage again.
  const stored = useRef(givenBack);
  const empty = !Object.keys(typed).length;
  useLayoutEffect(() => {
    if (keep && (stored.current || !empty)) {
      keepTyped(keep, typed);
      stored.current = !empty;
    }
    if (empty) setGiven(false);
  }, [JSON.stringify(typed)]);
  return {
    shown: given && !empty,
    done: () => {
      if (keep) forgetTyped(keep);
      stored.current = false;
      setGiven(false);
    },
  };
}
