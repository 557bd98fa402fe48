/**
 * A component whose code lives in its own chunk (esbuild code splitting): drawn as `fallback` until the chunk is
 * loaded, then as itself. `preload()` starts loading early, e.g. while the first screen paints. A chunk that cannot
 * be loaded (an extension updated under an open popup) is reported like any other fatal error.
 */
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { errorMessage, showFatal } from './messages';

export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: (props: P) => JSX.Element | null = () => null,
): ((props: P) => JSX.Element | null) & { preload: () => Promise<unknown> } {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<unknown> | undefined;
  const preload = () => {
    pending ??= load().then(
      (c) => {
        loaded = c;
      },
      (e: unknown) => {
        console.error(e);
        showFatal(errorMessage(e));
      },
    );
    return pending;
  };
  function Lazy(props: P) {
    const [, setReady] = useState(false);
    useEffect(() => {
      // Also when the chunk arrived between this render and this effect: the fallback is drawn and must go.
      void preload().then(() => setReady(true));
    }, []);
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : fallback(props);
  }
  return Object.assign(Lazy, { preload });
}
