/**
 * Where ui/typed.ts keeps what was typed and not saved, and its removal: apart, so "Delete everything" (on the
 * options page's first screen) clears it without carrying the rest.
 */
export const TYPED_KEY = 'reconnect.typed';

/** Forgets every form's typing (everything deleted). */
export function forgetAllTyped(): void {
  try {
    localStorage.removeItem(TYPED_KEY);
  } catch {}
}
