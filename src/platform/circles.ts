import { DEFAULT_CIRCLES } from '../contacts/circles';
import { searchCirclesAs } from '../contacts/search';
import { type MessageKey, t } from './i18n';

/** The starting circles are stored as keys and shown in the user's language; circles the user named stay as named. */
export function circleLabel(circle: string): string {
  return DEFAULT_CIRCLES.includes(circle) ? t(`circle_${circle}` as MessageKey) : circle;
}

/**
 * circleLabel with the starting circles' names asked of the browser once, on first use (a worker woken for
 * something else asks nothing): for the paths that name every person's circles (search texts, a sync's cards, an
 * export). Each ask is a call into the browser, ~2 µs in Chromium here (50,000 asks 88–120 ms against 0.4–1.8 ms
 * from a map), so asking per person cost a popup at 50,000 people ~100 ms of its full read.
 */
export function circleLabels(): (circle: string) => string {
  let labels: ReadonlyMap<string, string> | undefined;
  return (circle) => {
    labels ??= new Map(DEFAULT_CIRCLES.map((c) => [c, circleLabel(c)]));
    return labels.get(circle) ?? circle;
  };
}

/** Search texts name the starting circles as the user sees them (contacts/search.ts): each view and the worker first. */
export function nameCirclesInSearch(): void {
  searchCirclesAs(circleLabels());
}
