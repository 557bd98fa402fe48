/**
 * A Preact binding for @tanstack/virtual-core (its React adapter does the same): the virtualizer measures the
 * scroll element and tells us which rows to render, so 10,000 contacts cost as much as the ~15 on screen.
 */
import {
  elementScroll,
  observeElementOffset,
  observeElementRect,
  Virtualizer,
  type VirtualizerOptions,
} from '@tanstack/virtual-core';
import { useEffect, useLayoutEffect, useReducer, useState } from 'preact/hooks';

type Options = Pick<
  VirtualizerOptions<HTMLElement, Element>,
  'count' | 'estimateSize' | 'overscan' | 'getItemKey' | 'initialRect'
> & {
  getScrollElement: () => HTMLElement | null;
};

export function useVirtualizer(options: Options): Virtualizer<HTMLElement, Element> {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const full: VirtualizerOptions<HTMLElement, Element> = {
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    ...options,
    onChange: () => rerender(undefined),
  };
  const [instance] = useState(() => new Virtualizer<HTMLElement, Element>(full));
  instance.setOptions(full);
  useEffect(() => instance._didMount(), []);
  useLayoutEffect(() => instance._willUpdate());
  return instance;
}
