/**
 * After a refusal (a save, a log, a connection the form would not take): the keyboard's focus goes to the control it
 * marked invalid (aria-invalid) in `container`, so the user is where the message is about, however far down the
 * form or folded away it was. Again after each refusal: `refusal` is a new value each time.
 */
import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

export function useFocusInvalid(container: RefObject<HTMLElement | null>, refusal: unknown): void {
  // Before the frame that shows the message: the focus ring and the message come together.
  useLayoutEffect(() => {
    if (refusal) container.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusal]);
}
