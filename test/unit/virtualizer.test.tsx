// @vitest-environment jsdom
import { Virtualizer } from '@tanstack/virtual-core';
import { render } from 'preact';
import { useRef } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { FIRST_DRAWN, LIST_HEIGHT, OVERSCAN, ROW_HEIGHT, tabStop } from '../../src/popup/rows-geometry';
import { firstWindow, loadVirtualizer, type RowOptions, useVirtualizer } from '../../src/ui/useVirtualizer';

// The popup's list (an early search reads the people of its first FIRST_DRAWN rows before they are drawn).
const GEOMETRY = { size: ROW_HEIGHT, overscan: OVERSCAN, initialRect: { width: 400, height: LIST_HEIGHT } };
const rows = (w: { getVirtualItems(): readonly { index: number; start: number }[] }) =>
  w.getVirtualItems().map(({ index, start }) => [index, start]);

describe('the list before its virtualizer is loaded', () => {
  it('draws the rows the virtualizer starts with, at the same places, and the same height', () => {
    const noop = () => undefined;
    for (const count of [0, 1, 5, 11, 12, 13, 50_000]) {
      const options: RowOptions = { count, ...GEOMETRY, getScrollElement: () => null };
      const real = new Virtualizer<HTMLElement, Element>({
        count,
        estimateSize: () => GEOMETRY.size,
        overscan: GEOMETRY.overscan,
        initialRect: GEOMETRY.initialRect,
        getScrollElement: () => null,
        observeElementRect: noop,
        observeElementOffset: noop,
        scrollToFn: noop,
      });
      const first = firstWindow(options);
      expect(rows(first), `${count} rows`).toEqual(rows(real));
      expect(first.getTotalSize()).toBe(real.getTotalSize());
      expect(first.getVirtualItems().length).toBe(Math.min(count, FIRST_DRAWN));
    }
  });

  it('hands the same row elements over to the virtualizer once it is loaded', async () => {
    let seen: unknown[] = [];
    function List({ count }: { count: number }) {
      const scroller = useRef<HTMLDivElement>(null);
      const v = useVirtualizer({ count, ...GEOMETRY, getScrollElement: () => scroller.current });
      seen.push(v);
      return (
        <div ref={scroller}>
          <ul style={{ height: `${v.getTotalSize()}px` }}>
            {v.getVirtualItems().map((item) => (
              <li key={item.index} style={{ transform: `translateY(${item.start}px)` }}>
                {item.index}
              </li>
            ))}
          </ul>
        </div>
      );
    }
    // jsdom lays nothing out: every element is as big as the list's box, which the virtualizer measures.
    const box = { offsetWidth: 400, offsetHeight: 300 };
    const saved = Object.keys(box).map((k) => [k, Object.getOwnPropertyDescriptor(HTMLElement.prototype, k)] as const);
    for (const [k, v] of Object.entries(box))
      Object.defineProperty(HTMLElement.prototype, k, { get: () => v, configurable: true });
    const root = document.createElement('div');
    document.body.append(root);
    await act(() => render(<List count={1000} />, root));
    const before = [...root.querySelectorAll('li')];
    expect(before.map((li) => li.textContent)).toEqual(Array.from({ length: FIRST_DRAWN }, (_, i) => String(i)));
    expect(seen.some((v) => v instanceof Virtualizer)).toBe(false);
    seen = [];
    // The load is asked for when the page is idle after the first render (a task in jsdom).
    await act(async () => {
      await new Promise((ok) => setTimeout(ok, 5));
      await loadVirtualizer();
    });
    expect(seen.at(-1)).toBeInstanceOf(Virtualizer);
    // The same rows, and the very elements drawn before it came (not drawn anew: focus and scroll stay).
    const after = [...root.querySelectorAll('li')];
    expect(after).toEqual(before);
    for (const [i, li] of after.entries()) expect(li).toBe(before[i]);
    expect(root.querySelector('ul')?.style.height).toBe(`${1000 * GEOMETRY.size}px`);
    // Unmounted in act, and a frame's timeout later: a render the virtualizer asked for (its measuring) has run its
    // effects while the document still exists. Preact's after-paint timer otherwise fired once the file's jsdom was
    // gone ("cancelAnimationFrame is not defined", an unhandled error that failed a CI run).
    await act(async () => {
      render(null, root);
      await new Promise((ok) => setTimeout(ok, 50));
    });
    root.remove();
    for (const [k, d] of saved) if (d) Object.defineProperty(HTMLElement.prototype, k, d);
  });
});

describe("the list's one Tab stop", () => {
  const drawn = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => ({ index: from + i }));
  it('is the row last focused while it is drawn, else the first drawn, and none while none is', () => {
    expect(tabStop(drawn(0, 11), 0)).toBe(0);
    expect(tabStop(drawn(0, 11), 7)).toBe(7);
    // Scrolled on by the wheel, the row last focused no longer drawn: the first drawn takes its place.
    expect(tabStop(drawn(40, 57), 7)).toBe(40);
    expect(tabStop(drawn(40, 57), 45)).toBe(45);
    // A search left fewer rows than the one last focused.
    expect(tabStop(drawn(0, 2), 7)).toBe(0);
    expect(tabStop([], 0)).toBeUndefined();
  });
});
