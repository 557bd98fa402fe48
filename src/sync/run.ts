/**
 * What a sync run's pull (pull.ts) and push (push.ts) share: the engine's ports, the run's own state, and how a card
 * becomes a person. engine.ts runs them one after the other.
 */
import { nextDueAt, spreadDueAt } from '../contacts/cadence';
import type { CircleNaming } from '../contacts/circle-names';
import type { ContactDraft } from '../contacts/fields';
import { blankContact } from '../contacts/merge';
import type { Contact } from '../contacts/types';
import type { CardFields } from '../interchange/vcard-card';
import type { Card } from '../interchange/vcard-syntax';
import type { DB } from '../storage/db';
import type { SyncStatus } from '../storage/sync-state';
import type { CardRef, FetchedCard } from './dav';

/** The part of the CardDAV edge the engine uses (dav.ts; a fake in unit tests). */
export interface DavPort {
  changesSince(
    book: string,
    token: string | undefined,
  ): Promise<{ changed: CardRef[]; removed: string[]; token: string }>;
  listing(book: string): Promise<CardRef[]>;
  collectionTags(book: string): Promise<{ token?: string; ctag?: string }>;
  fetchCards(book: string, hrefs: string[]): Promise<FetchedCard[]>;
  get(href: string): Promise<FetchedCard | null>;
  put(href: string, card: string, etag: string | null): Promise<string>;
  delete(href: string, etag: string): Promise<void>;
  mayWriteIn(book: string): Promise<boolean | undefined>;
}

export interface EngineDeps {
  db: DB;
  dav: DavPort;
  now: () => number;
  newId?: () => string;
  /** The cadence new people get, and how many become due per week (they are spread like an import). */
  defaults: () => Promise<{ cadenceDays: number | null; perWeek: number }>;
  /** How cards name the user's circles (the starting ones in their words: contacts/circle-names.ts); as they are if absent. */
  circles?: CircleNaming;
  /** Cards fetched per request and written per transaction. */
  batch?: number;
  /** Called between steps: a long run keeps its worker alive, and tests stop a run half way. */
  onStep?: (what: string) => void | Promise<void>;
}

export interface RunReport {
  pulled: number;
  created: number;
  updated: number;
  deleted: number;
  pushed: number;
  removedRemote: number;
  /** The people whose card the server did not accept (a 4xx to the PUT: too large, not valid there). */
  refused: string[];
  /** The people deleted here whose card the server would not delete (a 4xx to the DELETE: locked, say). */
  undeleted: string[];
  attention?: SyncStatus['attention'];
}

/** One run: its settings, and what it learns on the way that a later step needs. */
export interface SyncRun {
  readonly deps: EngineDeps;
  /** The address book's URL. */
  readonly book: string;
  /** Cards fetched per request and written per transaction. */
  readonly batch: number;
  /** This run links the book with the address book for the first time. */
  linking: boolean;
  /** The CTag a listing of this run was taken at, kept once the pull is done. */
  ctag: string | undefined;
  /** How many people this run made from cards so far: each new one's due date is spread one week's share further. */
  created: number;
  /** Called between steps (EngineDeps.onStep). */
  step(what: string): Promise<void>;
}

/** How many linked cards must vanish at once before an empty side counts as "suddenly empty" and stops sync. */
export const EMPTY_SIDE_MIN = 2;

export const uuid = () => crypto.randomUUID();

/** Reconnect's own properties on a card: an app that dropped them all did not mean to clear them. */
export const hasOwn = (card: Card) => card.props.some((p) => p.name.startsWith('X-RECONNECT-'));

/** What the store's matching (profile URL, email, name + company) looks at in a card. */
export const draftOf = (f: CardFields): ContactDraft => ({
  name: f.name ?? '',
  ...(f.profiles ? { profiles: f.profiles } : {}),
  ...(f.emails ? { emails: f.emails } : {}),
  ...(f.company ? { company: f.company } : {}),
});

/** The id a person made from a card gets: the card's UID, else its file name (a fresh one if it has neither). */
export function idFor(remote: CardFields, href: string): string {
  if (remote.id && remote.id.length <= 200) return remote.id;
  return (
    href
      .split('/')
      .pop()
      ?.replace(/\.vcf$/i, '') || uuid()
  );
}

/**
 * A person created elsewhere (a phone): the card's fields, the defaults for what it does not say, and the id the
 * caller checked (idFor's, or the sync state's).
 */
export function fromCard(
  run: SyncRun,
  remote: CardFields,
  id: string,
  now: number,
  defaults: { cadenceDays: number | null; perWeek: number },
): Contact {
  const c: Contact = {
    ...blankContact(id, 'imported', now, defaults.cadenceDays),
    ...remote,
    id,
    name: remote.name ?? '',
    updatedAt: now,
  };
  // New people never contacted become due spread over the coming weeks, one week's share each, as an import does;
  // others by the one rule (a follow-up asked for, else last contact + cadence).
  if (remote.nextDueAt === undefined && c.cadenceDays !== null)
    c.nextDueAt = c.lastContactedAt === undefined ? spreadDueAt(now, run.created++, defaults.perWeek) : nextDueAt(c);
  return c;
}
