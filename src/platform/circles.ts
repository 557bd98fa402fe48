import { DEFAULT_CIRCLES } from '../contacts/circles';
import { type MessageKey, t } from './i18n';

/** The starting circles are stored as keys and shown in the user's language; circles the user named stay as named. */
export function circleLabel(circle: string): string {
  return DEFAULT_CIRCLES.includes(circle) ? t(`circle_${circle}` as MessageKey) : circle;
}
