/**
 * The starting circles outside the book. In the book they are keys ('formerColleagues'), shown in the user's
 * language; a file the user exports (Google's labels, vCard CATEGORIES) names them as the user sees them, and a
 * file read back names them in any language the extension speaks. The names themselves live in the locale files.
 */
import * as de from '../_locales/de/messages.json';
import * as en from '../_locales/en/messages.json';

/** Each starting circle's names, one per language (static reads: the bundle keeps these strings, not the files). */
const NAMES: Readonly<Record<string, readonly string[]>> = {
  family: [en.circle_family.message, de.circle_family.message],
  friends: [en.circle_friends.message, de.circle_friends.message],
  formerColleagues: [en.circle_formerColleagues.message, de.circle_formerColleagues.message],
  club: [en.circle_club.message, de.circle_club.message],
  fellowStudents: [en.circle_fellowStudents.message, de.circle_fellowStudents.message],
  clients: [en.circle_clients.message, de.circle_clients.message],
  partners: [en.circle_partners.message, de.circle_partners.message],
};

/** A starting circle (one of contacts/circles.ts DEFAULT_CIRCLES: a unit test holds the lists together) the user has. */
const starting = (circle: string, own: readonly string[]) => Object.hasOwn(NAMES, circle) && own.includes(circle);

/**
 * Circles as a file names them: a starting circle the user still has by `label` (its name in the user's language),
 * any other circle as it is. A starting circle the user has removed keeps its key, as `readCircles` leaves it.
 */
export function writeCircles(circles: readonly string[], own: readonly string[], label: (c: string) => string) {
  return circles.map((c) => (starting(c, own) ? label(c) : c));
}

/**
 * Circles as a file named them, back in the book's terms: a starting circle's name in any language (or its key),
 * in any case, is that circle while the user has it; a circle the user made keeps its name even where it is a
 * starting circle's name in the other language (a German book's own "Club" beside its "Verein"), and is read in
 * any case too ("tennis" for the user's "Tennis"); every other name stays as written (one the user renamed or
 * removed). The same circle named twice is one.
 */
export function readCircles(names: readonly string[], own: readonly string[]): string[] {
  const byName = new Map<string, string>();
  for (const c of own) byName.set(c.toLowerCase(), c);
  for (const key of own.filter((c) => Object.hasOwn(NAMES, c)))
    for (const n of [key, ...(NAMES[key] ?? [])]) byName.set(n.toLowerCase(), key);
  const circleOf = (name: string) => {
    const n = name.trim();
    return own.includes(n) ? n : (byName.get(n.toLowerCase()) ?? n);
  };
  return [...new Set(names.map(circleOf))];
}

/** How the book's circles are named on a card, both ways (sync: every read and every write of a card). */
export interface CircleNaming {
  read(names: readonly string[]): string[];
  write(circles: readonly string[]): string[];
}

/** The naming for a user's circles (`own`, from their settings) and their language's labels. */
export function circleNaming(own: readonly string[], label: (circle: string) => string): CircleNaming {
  return { read: (names) => readCircles(names, own), write: (circles) => writeCircles(circles, own, label) };
}
