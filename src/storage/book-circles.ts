import type { Settings } from './settings';

/**
 * Circles that people written to the book bring (an import, a restore, a sync step) and the book does not list,
 * added to its circles: one rule for every write that brings people, so nobody is in a circle the list's filter,
 * an export and Settings do not offer. Gives the settings to write (the same object when nothing is new) and the
 * circles added. A module of its own: the writes that use it are loaded with the import or run in the worker.
 */
export function withCircles(settings: Settings, circles: Iterable<string>): { settings: Settings; added: string[] } {
  const added = [...new Set(circles)].filter((c) => !settings.circles.includes(c));
  return { settings: added.length ? { ...settings, circles: [...settings.circles, ...added] } : settings, added };
}
