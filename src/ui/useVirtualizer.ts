/**
 * A Preact binding for @tanstack/virtual-core (its React adapter does the same): the virtualizer measures the
 * scroll element and tells us which rows to render, so 10,000 contacts cost as much as the ~15 on screen.
 *
 * The library comes in a chunk of its own, asked for when the page is idle after the list's first screen is drawn
 * (4.3 KB gzip the first screen no longer loads and evaluates). Until it is there, the list draws the window the virtualizer starts with:
 * the rows from the top that fill `initialRect`, plus the overscan, one `size` apart. The virtualizer then takes over
 * the same elements, so nothing moves or loses focus.
 */
import type { VirtualizerOptions } from '@tanstack/virtual-core';
import { useEffect, useLayoutEffect, useMemo, useReducer, useState } from 'preact/hooks';
import { whenIdle } from './idle';
import { errorMessage, showFatal } from './messages';

type Core = typeof import('./virtual-core');

export interface RowOptions {
  count: number;
  /** Every row's height: the rows have one. */
  size: number;
  overscan: number;
  /** The scroll element's size before it is measured. */
  initialRect: { width: number; height: number };
  getScrollElement: () => HTMLElement | null;
}

/** What the list needs of a virtualizer: the rows to draw, the whole height, and scrolling. */
export interface RowWindow {
  getVirtualItems(): readonly { index: number; start: number }[];
  getTotalSize(): number;
  scrollToIndex(index: number): void;
  scrollToOffset(offset: number): void;
}

let core: Core | undefined;
let loading: Promise<Core> | undefined;

/** Loads the library once; a chunk that cannot be loaded (the extension updated under an open popup) is fatal. */
export function loadVirtualizer(): Promise<Core> {
  loading ??= import('./virtual-core').then(
    (m) => (core = m),
    (e: unknown) => {
      console.error(e);
      showFatal(errorMessage(e));
      throw e;
    },
  );
  return loading;
}

/**
 * The rows the virtualizer draws at the top before anything is measured or scrolled: the same geometry, no library.
 * A row asked for that it has not drawn (End, or an arrow key held down, before the library came) is scrolled to
 * where it will be, and the library is asked for at once (`load`): it draws the rows there.
 */
export function firstWindow(
  { count, size, overscan, initialRect, getScrollElement }: RowOptions,
  load: () => unknown = loadVirtualizer,
): RowWindow {
  const drawn = Math.min(count, Math.ceil(initialRect.height / size) + overscan);
  const items = Array.from({ length: drawn }, (_, index) => ({ index, start: index * size }));
  const scrollToOffset = (offset: number) => {
    const el = getScrollElement();
    if (el) el.scrollTop = offset;
  };
  return {
    getVirtualItems: () => items,
    getTotalSize: () => count * size,
    // A row not drawn: scrolled to the list's top, and the library asked for, which draws it there.
    scrollToIndex: (index) => {
      if (index < drawn) return;
      scrollToOffset(index * size);
      load();
    },
    scrollToOffset,
  };
}

export function useVirtualizer(options: RowOptions): RowWindow {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [lib, setLib] = useState(core);
  // The library, now: a row it alone can draw is asked for (firstWindow), or the page is idle.
  const load = () => loadVirtualizer().then(setLib, () => undefined);
  useEffect(() => {
    if (lib) return;
    // Once the first screen is painted and the page is idle (at most 100 ms later): a load started at once lands
    // among the tasks right after the first frame (measured, alternating: the captured name's frame done at 128
    // against 117 ms and 139 against 135 ms in two runs).
    return whenIdle(() => void load(), 100);
  }, []);
  // This render's options, once the library is here (hooks below run either way: their order never changes).
  const full: VirtualizerOptions<HTMLElement, Element> | undefined = lib && {
    observeElementRect: lib.observeElementRect,
    observeElementOffset: lib.observeElementOffset,
    scrollToFn: lib.elementScroll,
    count: options.count,
    estimateSize: () => options.size,
    overscan: options.overscan,
    initialRect: options.initialRect,
    getScrollElement: options.getScrollElement,
    onChange: () => rerender(undefined),
  };
  const instance = useMemo(() => lib && full && new lib.Virtualizer<HTMLElement, Element>(full), [lib]);
  if (instance && full) instance.setOptions(full);
  useEffect(() => instance?._didMount(), [instance]);
  useLayoutEffect(() => instance?._willUpdate());
  return instance ?? firstWindow(options, load);
}
