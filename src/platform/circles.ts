import { DEFAULT_CIRCLES } from '../contacts/circles';
import { searchCirclesAs } from '../contacts/search';
import { type MessageKey, t } from './i18n';

/** The starting circles are stored as keys and shown in the user's language; circles the user named stay as named. */
export function circleLabel(circle: string): string {
  return DEFAULT_CIRCLES.includes(circle) ? t(`circle_${circle}` as MessageKey) : circle;
}

/** Search texts name the starting circles as the user sees them (contacts/search.ts): each view and the worker first. */
export function nameCirclesInSearch(): void {
  searchCirclesAs(circleLabel);
}
