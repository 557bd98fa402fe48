/**
 * A run's pull: what changed on the server since the last token (sync-collection, RFC 6578; a full comparison of
 * the listing where the token is refused or the server lacks the report), fetched in batches (multiget) and merged
 * into the contacts field by field against the last synced card (merge.ts), each batch one transaction with the sync
 * state that records it, so a stopped worker resumes where it was.
 */
import type { ContactDraft } from '../contacts/fields';
import { otherOwner } from '../contacts/link-owner';
import { profileLinks } from '../contacts/match';
import type { Contact } from '../contacts/types';
import { type CardFields, cardFields, changedFields, parseCard, writeContactCard } from '../interchange/vcard-card';
import { isPersonCard } from '../interchange/vcard-groups';
import { revOf } from '../interchange/vcard-syntax';
import { contactIds, contactRecords, matcherOf } from '../storage/contacts';
import {
  type PullList,
  pullCounts,
  pullHrefs,
  type SyncStatus,
  syncEntries,
  updateSyncStatus,
} from '../storage/sync-state';
import { type SyncReader, type SyncWrite, syncTransaction } from '../storage/sync-steps';
import { type CardRef, type FetchedCard, SyncError } from './dav';
import { mergeSides } from './merge';
import { draftOf, EMPTY_SIDE_MIN, fromCard, hasOwn, idFor, type RunReport, type SyncRun, uuid } from './run';

/**
 * What a pull matches unlinked cards against: the store's matching over the contacts not linked to a card when the
 * pull began, built once (asking the database's indexes card by card is slower). Everything else a batch needs —
 * the sync state at a card's href, whether an id is a person here or linked already — it reads in its transaction,
 * so what a pull holds does not grow with the cards it has written.
 */
interface LocalIndex {
  match: (draft: ContactDraft) => Promise<{ id: string } | undefined>;
  /**
   * Nobody here and nothing linked when the pull began (a first sync into an empty book): a card's href can have
   * no sync state yet (each href comes once), and a person with a card's id can only be one this pull made from an
   * earlier card, which is linked — one read a card instead of three.
   */
  empty: boolean;
}

/** What changed on the server, as hrefs to fetch and hrefs removed, and the token to keep afterwards. */
async function remoteChanges(
  run: SyncRun,
  status: SyncStatus,
): Promise<{ changed: CardRef[]; removed: string[]; token?: string; complete?: true }> {
  if (status.token) {
    try {
      return await run.deps.dav.changesSince(run.book, status.token);
    } catch (e) {
      // An expired token, a truncated answer, or a server that fails on the report: compare the whole listing.
      if (!(e instanceof SyncError) || !['tokenExpired', 'truncated', 'server', 'failed'].includes(e.code)) throw e;
    }
  } else {
    try {
      return await run.deps.dav.changesSince(run.book, undefined);
    } catch (e) {
      if (!(e instanceof SyncError) || !['server', 'failed', 'notCardDav', 'truncated'].includes(e.code)) throw e;
    }
  }
  // Without the report: the book's CTag says whether anything changed at all (one small request), and only then
  // is the whole listing compared. The tags are taken before the listing, so a change made in between comes again
  // next time, never not at all.
  const tags = await run.deps.dav.collectionTags(run.book).catch(() => ({}) as { token?: string; ctag?: string });
  const token = tags.token;
  run.ctag = tags.ctag;
  if (tags.ctag && tags.ctag === status.ctag) return { changed: [], removed: [], ...(token ? { token } : {}) };
  const listed = await run.deps.dav.listing(run.book);
  const entries = await syncEntries(run.deps.db);
  const seen = new Set(listed.map((c) => c.href));
  return {
    changed: listed,
    removed: entries.filter((e) => e.hasCard && !seen.has(e.href)).map((e) => e.href),
    ...(token ? { token } : {}),
    // Every card there is listed: a card not among them is gone.
    complete: true,
  };
}

export async function pull(
  run: SyncRun,
  status: SyncStatus,
  report: RunReport,
): Promise<SyncStatus['attention'] | undefined> {
  let pending = status.pending;
  // How many hrefs the pull fetches and deletes; the hrefs themselves are read a batch at a time.
  let counts: Record<keyof PullList, number>;
  if (pending) counts = await pullCounts(run.deps.db);
  else {
    const changes = await remoteChanges(run, status);
    const entries = await syncEntries(run.deps.db);
    const byHref = new Map(entries.map((e) => [e.href, e]));
    const known = entries.filter((e) => e.hasCard);
    // Everyone we know gone from the server at once: ask, never delete them all here.
    const removedSet = new Set(changes.removed);
    if (known.length >= EMPTY_SIDE_MIN && known.every((e) => removedSet.has(e.href))) {
      await updateSyncStatus(run.deps.db, (s) => ({ ...s, attention: 'serverEmpty' }));
      return 'serverEmpty';
    }
    // Cards held back by an earlier run (a profile link another person here has) are fetched again each time.
    // (A card held back and gone since is held no more: a multiget naming a card that is not there fails whole.)
    const listed = changes.complete && new Set(changes.changed.map((c) => c.href));
    const stillHeld = (status.held ?? []).filter((h) => (listed ? listed.has(h.href) : !removedSet.has(h.href)));
    const held = stillHeld.map((h) => h.href);
    const list: PullList = {
      // Our own writes come back with the ETag we already hold: nothing to fetch.
      changed: [
        ...new Set([
          ...changes.changed.filter((c) => byHref.get(c.href)?.etag !== c.etag || !c.etag).map((c) => c.href),
          ...held,
        ]),
      ],
      removed: changes.removed.filter((h) => byHref.has(h)),
    };
    if (!list.changed.length && !list.removed.length) {
      // Nothing changed there: only a new token (or CTag), if the server gave one (and no card held back any more:
      // here the last one held is gone, as nothing else is to be fetched).
      const { token } = changes;
      const ctag = run.ctag;
      if ((token && token !== status.token) || (ctag && ctag !== status.ctag) || status.held)
        await updateSyncStatus(run.deps.db, (s) =>
          withHeld({ ...s, ...(token ? { token } : {}), ...(ctag ? { ctag } : {}) }, []),
        );
      return undefined;
    }
    counts = { changed: list.changed.length, removed: list.removed.length };
    const started = { changed: 0, removed: 0, ...(changes.token ? { token: changes.token } : {}) };
    pending = started;
    await syncTransaction(run.deps.db, async () => ({
      pullList: list,
      status: (s) => withHeld({ ...s, pending: started }, stillHeld),
    }));
  }
  const defaults = await run.deps.defaults();
  // Nothing to fetch (the common case): nothing of this side is read.
  const index = pending.changed < counts.changed ? await localIndex(run) : null;
  // The next batch is fetched while this one is written: the network and the database work at the same time.
  const fetchBatch = async (from: number) => {
    const hrefs = await pullHrefs(run.deps.db, 'changed', from, run.batch);
    return { hrefs, cards: await run.deps.dav.fetchCards(run.book, hrefs) };
  };
  let fetching = pending.changed < counts.changed ? fetchBatch(pending.changed) : null;
  while (fetching && index) {
    await run.step('pull');
    const { hrefs, cards } = await fetching;
    const done = Math.min(counts.changed, pending.changed + run.batch);
    fetching = done < counts.changed ? fetchBatch(done) : null;
    // A fetch started ahead and not awaited (the run stopped): its failure is not this run's concern any more.
    fetching?.catch(() => {});
    const next: NonNullable<SyncStatus['pending']> = { ...pending, changed: done };
    await syncTransaction(run.deps.db, async (read) => {
      const { held, ...w } = await applyRemote(run, cards, read, index, defaults, report);
      return { ...w, status: (s) => heldAfter({ ...s, pending: next }, hrefs, held) };
    });
    report.pulled += cards.length;
    pending = next;
  }
  while (pending.removed < counts.removed) {
    await run.step('pull-removed');
    const hrefs = await pullHrefs(run.deps.db, 'removed', pending.removed, run.batch);
    // (A part that cannot be read ends the list rather than the loop.)
    const next: NonNullable<SyncStatus['pending']> = {
      ...pending,
      removed: hrefs.length ? pending.removed + hrefs.length : counts.removed,
    };
    await syncTransaction(run.deps.db, async (read) => {
      const w = await applyRemoteDeletes(run, hrefs, read, report);
      return { ...w, status: (s) => ({ ...s, pending: next }) };
    });
    pending = next;
  }
  const token = pending.token;
  const ctag = run.ctag;
  await syncTransaction(run.deps.db, async () => ({
    pullList: null,
    status: (s) => ({ ...s, pending: undefined, ...(token ? { token } : {}), ...(ctag ? { ctag } : {}) }),
  }));
  return undefined;
}

/** The matching over the contacts not linked to a card yet, built once per pull. */
async function localIndex(run: SyncRun): Promise<LocalIndex> {
  const [entries, ids] = await Promise.all([syncEntries(run.deps.db), contactIds(run.deps.db)]);
  const linked = new Set(entries.map((e) => e.id));
  const unlinked = ids.filter((id) => !linked.has(id));
  const records = unlinked.length ? await contactRecords(run.deps.db, unlinked) : [];
  return { match: matcherOf(records), empty: !ids.length && !entries.length };
}

/**
 * The cards held back once a batch is applied: those of earlier batches and runs that this batch did not fetch
 * again, and this batch's (a card fetched and brought here, or gone from the server, is held no more).
 */
function heldAfter(s: SyncStatus, fetched: readonly string[], held: Held[]): SyncStatus {
  return withHeld(s, [...(s.held ?? []).filter((h) => !fetched.includes(h.href)), ...held]);
}

/** The status with these cards held back (none: it says none). */
function withHeld({ held: _, ...s }: SyncStatus, held: Held[]): SyncStatus {
  return held.length ? { ...s, held } : s;
}

type Held = NonNullable<SyncStatus['held']>[number];

/**
 * Cards from the server merged into the contacts, inside one transaction. A card with a profile link that another
 * person here has (one person's two cards there) is held back, not written beside them: the book keeps one owner
 * per profile link, and a failed write would stop every run.
 */
async function applyRemote(
  run: SyncRun,
  cards: FetchedCard[],
  read: SyncReader,
  index: LocalIndex,
  defaults: { cadenceDays: number | null; perWeek: number },
  report: RunReport,
): Promise<SyncWrite & { held: Held[] }> {
  const now = run.deps.now();
  const w: Required<Pick<SyncWrite, 'contacts' | 'entries' | 'circles'>> & { held: Held[] } = {
    contacts: [],
    entries: [],
    circles: [],
    held: [],
  };
  const parsed = cards.flatMap((fetched) => {
    const card = parseCard(fetched.text);
    if (!card || !isPersonCard(card)) return [];
    const remote = cardFields(card, run.deps.circles);
    return remote.name ? [{ fetched, card, remote }] : [];
  });
  // The linked people these cards are about, and the unlinked ones they match, as committed now (read together:
  // each read is a round trip to the database). A person linked already (earlier in this run too: each batch is
  // written before the next is read) takes no second card.
  const known = await Promise.all(
    parsed.map(async ({ fetched, remote }) => {
      const id = idFor(remote, fetched.href);
      if (index.empty) {
        // An empty book holds only what this pull wrote: the id is taken if a card linked earlier has it.
        const idTaken = !!(await read.entry(id));
        return { id, entry: undefined, local: undefined, baseText: undefined, idTaken };
      }
      const entry = await read.entryAt(fetched.href);
      if (entry) {
        const [local, baseText] = await Promise.all([
          read.contact(entry.id),
          entry.hasCard ? read.card(entry.id) : undefined,
        ]);
        return { id, entry, local, baseText, idTaken: false };
      }
      // A card not linked yet: the person of the card's id here (a card another Reconnect wrote), else the one
      // the store's own matching finds (profile URL, email, name + company) among people not linked yet.
      const [linked, idTaken] = await Promise.all([read.entry(id), read.hasContact(id)]);
      const none = { id, entry, local: undefined, baseText: undefined, idTaken };
      const here = idTaken && !linked && id === remote.id ? await read.contact(id) : undefined;
      if (here) return { ...none, local: here };
      const candidate = (await index.match(draftOf(remote)))?.id;
      if (!candidate || (await read.entry(candidate))) return none;
      return { ...none, local: await read.contact(candidate) };
    }),
  );
  /** People this batch linked to a card: no second card is merged into them, no new person takes their id. */
  const taken = new Set<string>();
  /** The profile links this batch gave someone, with whose they are now. */
  const owners = new Map<string, string>();
  for (const [i, { fetched, card, remote }] of parsed.entries()) {
    const k = known[i];
    if (!k) continue;
    const local = k.local && !taken.has(k.local.id) ? k.local : undefined;
    let base: CardFields | undefined;
    if (k.baseText) {
      const b = parseCard(k.baseText);
      base = b ? cardFields(b, run.deps.circles, local) : undefined;
    }
    let next: Contact;
    let deferred = false;
    if (local) {
      const remoteRev = revOf(card);
      next = mergeSides({
        base,
        local,
        remote,
        remoteNewer: remoteRev === undefined || remoteRev > local.updatedAt,
        remoteHasOwn: hasOwn(card),
      });
    } else {
      next = fromCard(run, remote, k.id, now, defaults);
      // Linking an existing address book: the defaults given to its people (cadence, due dates) are not written
      // to every card at once; a card gets them with its first real change. Later new cards get them at once, so
      // other browsers see the same.
      deferred = run.linking && !hasOwn(card);
      // An id already taken (by a contact here, or twice in the book) gets a new one.
      if (k.idTaken || taken.has(next.id)) next.id = (run.deps.newId ?? uuid)();
    }
    const changed = !local || JSON.stringify(next) !== JSON.stringify(local);
    const owner = changed ? await otherOwner(next, (url) => owners.get(url) ?? read.profileOwner(url)) : undefined;
    if (owner !== undefined) {
      // Nothing of the card is written (its sync state neither): it is fetched again at each run meanwhile. Who has
      // the link here is named with it (unless by the same name), for the user to know which two to make one.
      const name = remote.name || next.name;
      const here = w.contacts.find((c) => c.id === owner)?.name ?? (await read.contact(owner))?.name;
      w.held.push({ href: fetched.href, name, ...(here && here !== name ? { here } : {}) });
      continue;
    }
    if (changed) {
      w.contacts.push(next);
      for (const url of profileLinks(next.profiles)) owners.set(url, next.id);
      if (local) {
        next.updatedAt = now;
        w.circles.push(...next.circles.filter((c) => !local.circles.includes(c)));
        report.updated++;
      } else {
        w.circles.push(...next.circles);
        report.created++;
      }
    }
    taken.add(next.id);
    // The base is the server's card as fetched (if the merge kept local changes, push sends them); for deferred
    // defaults, the card as it would be with them, so nothing is sent until something else changes.
    const kept = deferred ? writeContactCard(next, card, run.deps.circles) : fetched.text;
    // Where the contact now says what the card says, it has nothing to send until it changes again.
    const settled = deferred || changedFields(next, card, run.deps.circles).length === 0;
    w.entries.push({
      id: next.id,
      href: fetched.href,
      etag: fetched.etag,
      card: kept,
      ...(settled ? { updatedAt: next.updatedAt } : {}),
    });
  }
  return w;
}

/** Cards deleted on the server: deleted here too, unless the person changed here since (a change beats a delete). */
async function applyRemoteDeletes(
  run: SyncRun,
  hrefs: string[],
  read: SyncReader,
  report: RunReport,
): Promise<SyncWrite> {
  const w: Required<Pick<SyncWrite, 'deleteContacts' | 'deleteEntries' | 'entries'>> = {
    deleteContacts: [],
    deleteEntries: [],
    entries: [],
  };
  for (const href of hrefs) {
    const entry = await read.entryAt(href);
    if (!entry) continue;
    const local = await read.contact(entry.id);
    const baseText = entry.hasCard ? await read.card(entry.id) : undefined;
    const base = baseText ? parseCard(baseText) : null;
    if (local && (!base || changedFields(local, base, run.deps.circles).length)) {
      // Changed here since: the card is made again from this side.
      w.entries.push({ id: entry.id, href: entry.href, card: null });
      continue;
    }
    if (local) {
      w.deleteContacts.push(local.id);
      report.deleted++;
    }
    w.deleteEntries.push(entry.id);
  }
  return w;
}
