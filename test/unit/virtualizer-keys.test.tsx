// @vitest-environment jsdom
/**
 * A row the list has not drawn, asked for before the virtualizer's library came (End, or an arrow key held down,
 * right after the popup opened): a file of its own, so the library is not loaded yet when the list is first drawn
 * (useVirtualizer.ts keeps it once loaded, for the page's life).
 */
import { Virtualizer } from '@tanstack/virtual-core';
import { render } from 'preact';
import { useRef } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { expect, it } from 'vitest';
import { LIST_HEIGHT, OVERSCAN, ROW_HEIGHT } from '../../src/popup/rows-geometry';
import { type RowWindow, useVirtualizer } from '../../src/ui/useVirtualizer';

it('is scrolled to where it will be, and drawn there once the library is here', async () => {
  let v: RowWindow | undefined;
  function List({ count }: { count: number }) {
    const ref = useRef<HTMLDivElement>(null);
    v = useVirtualizer({
      count,
      size: ROW_HEIGHT,
      overscan: OVERSCAN,
      initialRect: { width: 400, height: LIST_HEIGHT },
      getScrollElement: () => ref.current,
    });
    return (
      <div ref={ref}>
        <ul style={{ height: `${v.getTotalSize()}px` }}>
          {v.getVirtualItems().map((item) => (
            <li key={item.index} data-index={item.index}>
              {item.index}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  // jsdom lays nothing out: the list's box is given its size, which the virtualizer measures.
  const box = { offsetWidth: 400, offsetHeight: LIST_HEIGHT, clientHeight: LIST_HEIGHT };
  const saved = Object.keys(box).map((k) => [k, Object.getOwnPropertyDescriptor(HTMLElement.prototype, k)] as const);
  for (const [k, val] of Object.entries(box))
    Object.defineProperty(HTMLElement.prototype, k, { get: () => val, configurable: true });
  const root = document.createElement('div');
  document.body.append(root);
  try {
    await act(() => render(<List count={1000} />, root));
    expect(v).not.toBeInstanceOf(Virtualizer);
    const drawn = () => [...root.querySelectorAll('li')].map((li) => Number(li.dataset.index));
    expect(drawn()).not.toContain(999);
    // End, before the page was idle: the row scrolled to the list's top (a browser stops at the list's end).
    v?.scrollToIndex(999);
    expect(root.querySelector('div')?.scrollTop).toBe(999 * ROW_HEIGHT);
    await act(() => new Promise((ok) => setTimeout(ok, 50)));
    expect(v).toBeInstanceOf(Virtualizer);
    expect(drawn()).toContain(999);
    expect(drawn()).not.toContain(0);
    await act(async () => {
      render(null, root);
      await new Promise((ok) => setTimeout(ok, 50));
    });
  } finally {
    root.remove();
    for (const [k, d] of saved)
      if (d) Object.defineProperty(HTMLElement.prototype, k, d);
      else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[k];
  }
});
