// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { lazyComponent } from '../../src/ui/lazy';

const Loaded = ({ text }: { text: string }) => <p class="loaded">{text}</p>;

describe('lazyComponent', () => {
  it('draws the fallback, then the component once its chunk is loaded', async () => {
    let resolve = (_: typeof Loaded) => {};
    const Lazy = lazyComponent(
      () => new Promise<typeof Loaded>((ok) => (resolve = ok)),
      () => <p class="fallback" />,
    );
    const root = document.createElement('div');
    await act(() => render(<Lazy text="hi" />, root));
    expect(root.innerHTML).toBe('<p class="fallback"></p>');
    await act(async () => {
      resolve(Loaded);
      await Lazy.preload();
    });
    expect(root.innerHTML).toBe('<p class="loaded">hi</p>');
  });

  it('replaces the fallback when the chunk arrives between the first render and its effect', async () => {
    let resolve = (_: typeof Loaded) => {};
    const Lazy = lazyComponent(
      () => new Promise<typeof Loaded>((ok) => (resolve = ok)),
      () => <p class="fallback" />,
    );
    const loading = Lazy.preload();
    const root = document.createElement('div');
    // Rendered while loading, without flushing effects; the chunk arrives before the effect runs.
    render(<Lazy text="late" />, root);
    expect(root.innerHTML).toBe('<p class="fallback"></p>');
    resolve(Loaded);
    await loading;
    // Now the effect runs (after the next frame, as outside act it is scheduled) and finds the chunk already there.
    await new Promise((ok) => setTimeout(ok, 50));
    expect(root.innerHTML).toBe('<p class="loaded">late</p>');
  });
});
