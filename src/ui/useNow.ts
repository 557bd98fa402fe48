/**
 * The time now, taken again every `every` ms and when the page is shown again: for "synced 3 minutes ago" on a
 * page left open (a tab in the background runs its timers at most once a minute; coming back, it is brought up to
 * date at once).
 */
import { useEffect, useState } from 'preact/hooks';

export function useNow(every = 60_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const shown = () => {
      if (document.visibilityState === 'visible') tick();
    };
    const timer = setInterval(tick, every);
    document.addEventListener('visibilitychange', shown);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', shown);
    };
  }, [every]);
  return now;
}
