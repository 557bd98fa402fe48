/**
 * The contact list's pure logic: search, filters, sorting and the header figures. Kept apart from the signals so
 * it is tested with plain data and benchmarked on its own.
 */
import { isForgotten } from '../contacts/cadence';
import { dueOrder, effectiveDueAt, isDue } from '../contacts/due';
import { sortKey, withoutTitles } from '../contacts/normalize';
import { compareTexts, haystack, RS, rarestFirst, searchWords } from '../contacts/search';
import { inThisWeek } from '../contacts/select';
import { byId, type Contact, isTie } from '../contacts/types';
import { allSteps } from '../ui/idle';

export type StateFilter = 'all' | 'due' | 'overdue' | 'never' | 'forgotten';
export type SortOrder = 'due' | 'name' | 'added';

export interface ListQuery {
  text: string;
  circle: string;
  state: StateFilter;
  sort: SortOrder;
}

export function matchesState(c: Contact, state: StateFilter, now: number): boolean {
  switch (state) {
    case 'due':
      return inThisWeek(c, now);
    case 'overdue':
      return isDue(c, now);
    case 'never':
      return c.lastContactedAt === undefined;
    case 'forgotten':
      return isForgotten(c, now);
    default:
      return true;
  }
}

/**
 * The name order: by name as a reader looks for the person, without the titles before it ("Dr. Anna Roth" among
 * the A's), then by id. A full sort hands in each name's key worked out once (`ka`, `kb`).
 */
const byName = (a: Contact, b: Contact, ka = withoutTitles(a.name), kb = withoutTitles(b.name)) =>
  compareTexts(ka, kb) || byId(a, b);

/** `textOf`: a person's folded search text (haystack, cached), by which people without a cadence go in due order. */
export function compare(sort: SortOrder, textOf: (c: Contact) => string): (a: Contact, b: Contact) => number {
  if (sort === 'name') return (a, b) => byName(a, b);
  if (sort === 'added') return (a, b) => b.createdAt - a.createdAt || byId(a, b);
  // Ties in due order go by id, as the store's due index orders them (and the weekly reminder breaks its ties): the
  // first screen (read from that index), an early search (search-scan.ts byDue) and the full list put the same
  // people in the same places. People without a cadence come last (none is in that index), by their search text as
  // an early search has it (compareTexts). The id last in every order: one order whoever sorts (a list patched
  // after a write is the list sorted anew, to the person).
  return (a, b) =>
    dueOrder(a, b) || (effectiveDueAt(a) === undefined ? compareTexts(textOf(a), textOf(b)) : 0) || byId(a, b);
}

/** The list in one order, each with its folded search text; sorted once per list and order, not per keystroke. */
export interface SortedList {
  contacts: Contact[];
  /** haystack(contacts[i]), in the same order. */
  hay: string[];
  /** The same texts joined by a separator no folded text holds, and where each starts: one string to scan. */
  text: string;
  starts: Int32Array;
}

/** A person's folded search text (haystack), worked out once per contact object: a patched list keeps the others. */
export function searchTextCache(): (c: Contact) => string {
  const texts = new WeakMap<Contact, string>();
  return (c) => {
    let t = texts.get(c);
    if (t === undefined) {
      t = haystack(c);
      texts.set(c, t);
    }
    return t;
  };
}

function withTexts(sorted: Contact[], textOf: (c: Contact) => string): SortedList {
  const texts = sorted.map(textOf);
  const starts = new Int32Array(texts.length + 1);
  let at = 0;
  texts.forEach((t, i) => {
    starts[i] = at;
    at += t.length + 1;
  });
  starts[texts.length] = at;
  return { contacts: sorted, hay: texts, text: texts.join(RS), starts };
}

export function sortContacts(
  contacts: readonly Contact[],
  textOf: (c: Contact) => string,
  sort: SortOrder,
): SortedList {
  return allSteps(sortSteps(contacts, textOf, sort));
}

/**
 * sortContacts in two steps: the sort, then its texts joined. At 50,000 people each takes tens of milliseconds (the
 * sort 35–65 ms, the texts 23–29 in Chromium on this kind of machine), so the popup, which sorts everyone once they
 * are read, runs them with the page's input handled between them once they are long (ui/idle.ts taskSteps).
 */
export function* sortSteps(
  contacts: readonly Contact[],
  textOf: (c: Contact) => string,
  sort: SortOrder,
): Generator<void, SortedList> {
  let sorted: Contact[];
  if (sort !== 'name') sorted = [...contacts].sort(compare(sort, textOf));
  else {
    // Each name without its titles worked out once, not in each of the sort's comparisons (about 800,000 at 50,000
    // people); a patch's few comparisons (compare) work theirs out.
    const keyed = contacts.map((c) => ({ c, key: withoutTitles(c.name) }));
    keyed.sort((a, b) => byName(a.c, b.c, a.key, b.key));
    sorted = keyed.map((k) => k.c);
  }
  yield;
  return withTexts(sorted, textOf);
}

/**
 * `list` after a patch (contacts/book.ts): the people it removed or replaced taken out, the new or replacing ones
 * put in their places — the same as sorting the patched list anew (compare is a total order), without sorting
 * everyone: at 50,000 people a sort took ~200 ms after every write.
 */
export function resortPatched(
  list: SortedList,
  removed: readonly Contact[],
  added: readonly Contact[],
  textOf: (c: Contact) => string,
  sort: SortOrder,
): SortedList {
  const cmp = compare(sort, textOf);
  const gone = new Set(removed);
  const contacts = gone.size ? list.contacts.filter((c) => !gone.has(c)) : [...list.contacts];
  for (const c of added) {
    let lo = 0;
    let hi = contacts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(contacts[mid] as Contact, c) < 0) lo = mid + 1;
      else hi = mid;
    }
    contacts.splice(lo, 0, c);
  }
  return withTexts(contacts, textOf);
}

/**
 * The visible rows of an already sorted list: every word of the search must appear, then the filters. Runs on every
 * keystroke over everyone: the rarest word is found by scanning the joined text (one indexOf per hit, not one test
 * per person), the other words and the filters are checked only for the people it hits; the order is the list's.
 */
export function visibleContacts(list: SortedList, q: ListQuery, now: number): Contact[] {
  const words = searchWords(q.text);
  const out: Contact[] = [];
  const { contacts, hay, text, starts } = list;
  const keep = (i: number) => {
    const c = contacts[i] as Contact;
    if (q.circle && !c.circles.includes(q.circle)) return;
    if (q.state !== 'all' && !matchesState(c, q.state, now)) return;
    out.push(c);
  };
  if (!words.length) {
    for (let i = 0; i < contacts.length; i++) keep(i);
    return out;
  }
  const [first, ...rest] = rarestFirst(text.slice(0, 200_000), words) as [string, ...string[]];
  // Hits come in text order: the line a hit is in is found by walking forward from the last one. A hit is inside
  // its line: no text and no word holds the separator, so none spans two.
  let i = 0;
  next: for (let at = text.indexOf(first); at >= 0; at = text.indexOf(first, starts[i + 1] as number)) {
    while ((starts[i + 1] as number) <= at) i++;
    for (const w of rest) if (!(hay[i] as string).includes(w)) continue next;
    keep(i);
  }
  return out;
}

export interface Stats {
  total: number;
  /** The network the user has recorded: everyone in the book, plus the people they are linked to who are not. */
  reach: number;
  /** Contacted since 1 January (local time). */
  contactedThisYear: number;
  dueThisWeek: number;
  forgotten: number;
}

/**
 * How many people the book links to who are not in it (a link by id to nobody here, or a name only), each once: the
 * header's reach beyond the book. Kept through a write's patch (a count per link target, changed by the people the
 * patch removed and added), where counting anew walks everyone's links; and built a chunk at a time as a view reads
 * everyone (a patch that only adds).
 */
export class LinkedBeyond {
  private readonly ids = new Set<string>();
  /**
   * How many links point at each target: by id, and by folded name for a link by name only. Keyed by the id as
   * stored, whose hash the string keeps, where a key made for each link ("i" + id) cost a hash of a new string
   * each time: counting 50,000 people of six links each took 211–327 ms in Node that way, 81–112 ms this way.
   */
  private readonly byId = new Map<string, number>();
  private readonly byName = new Map<string, number>();
  size = 0;

  constructor(contacts: readonly Contact[]) {
    for (const c of contacts) this.ids.add(c.id);
    for (const c of contacts) this.count(c, 1);
  }

  /** A patch (contacts/book.ts): the people it removed or replaced, then the new or replacing ones. */
  patch(removed: readonly Contact[], added: readonly Contact[]): this {
    for (const c of removed) {
      this.count(c, -1);
      this.ids.delete(c.id);
      if (this.byId.has(c.id)) this.size++;
    }
    for (const c of added) {
      if (this.byId.has(c.id)) this.size--;
      this.ids.add(c.id);
      this.count(c, 1);
    }
    return this;
  }

  private count(c: Contact, by: 1 | -1): void {
    for (const r of c.related) {
      // Someone told apart from them is not someone they know.
      if (!isTie(r)) continue;
      if (r.id) this.step(this.byId, r.id, by, !this.ids.has(r.id));
      else if (r.name) this.step(this.byName, sortKey(r.name), by, true);
    }
  }

  /** One link more or less to `target`; `outside`: the target is not in the book, so it counts when first linked. */
  private step(links: Map<string, number>, target: string, by: 1 | -1, outside: boolean): void {
    const before = links.get(target) ?? 0;
    const after = before + by;
    if (after > 0) links.set(target, after);
    else links.delete(target);
    if (outside && before === 0 && after > 0) this.size++;
    if (outside && before > 0 && after === 0) this.size--;
  }
}

/** The header figures at `now`; `beyond` is how many linked people are not in the book (LinkedBeyond), if known. */
export function stats(contacts: readonly Contact[], now: number, beyond = new LinkedBeyond(contacts).size): Stats {
  const n = new Date(now);
  const yearStart = new Date(n.getFullYear(), 0, 1).getTime();
  let contactedThisYear = 0;
  let dueThisWeek = 0;
  let forgotten = 0;
  for (const c of contacts) {
    if (c.lastContactedAt !== undefined && c.lastContactedAt >= yearStart) contactedThisYear++;
    if (inThisWeek(c, now)) dueThisWeek++;
    if (isForgotten(c, now)) forgotten++;
  }
  return { total: contacts.length, reach: contacts.length + beyond, contactedThisYear, dueThisWeek, forgotten };
}
