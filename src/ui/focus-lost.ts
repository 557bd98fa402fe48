/**
 * A step that takes away the control the keyboard was on (a person handled, a link or a circle removed, an import
 * done) would leave the focus at the page's start. These give it a place in the view instead; only to a keyboard
 * user's focus (`:focus-visible`), so a mouse user's view never jumps.
 */
import { useEffect, useRef } from 'preact/hooks';

/** Whether the keyboard's focus, one the user can see, is on `within` or inside it. */
export function keyboardIn(within: Element | null | undefined): boolean {
  const at = document.activeElement;
  return !!at && !!within?.contains(at) && at.matches(':focus-visible');
}

/**
 * Once the view is drawn again: `target()` takes the focus if it fell to the page's start meanwhile, or (with
 * `within`) if the keyboard is still inside that element (a step the control it was on outlived, as a file field
 * does when a file is chosen).
 */
export async function refocusIfLost(
  target: () => HTMLElement | null | undefined,
  within?: () => Element | null | undefined,
): Promise<void> {
  await new Promise((r) => setTimeout(r));
  const at = document.activeElement;
  if (!at || at === document.body || (within && keyboardIn(within()))) target()?.focus();
}

/**
 * For a view that goes through steps (an import, a setup): at each step after the first drawn, `target()` (what the
 * step shows) takes the keyboard where refocusIfLost says so.
 */
export function useStepFocus(
  step: unknown,
  target: () => HTMLElement | null | undefined,
  within?: () => Element | null | undefined,
): void {
  const started = useRef(false);
  useEffect(() => {
    if (started.current) void refocusIfLost(target, within);
    started.current = true;
  }, [step]);
}
