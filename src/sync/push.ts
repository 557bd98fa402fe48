/**
 * A run's push: every contact that differs from its last synced card is written with If-Match (a new one with
 * If-None-Match: *); a 412 fetches the server's card, merges and tries again. A person deleted here deletes their
 * card, unless it changed there meanwhile (a change beats a delete).
 */
import { otherOwner } from '../contacts/link-owner';
import { cardFields, changedFields, parseCard, writeContactCard } from '../interchange/vcard-card';
import { revOf } from '../interchange/vcard-syntax';
import { getContact, listAll } from '../storage/contacts';
import type { SyncEntry } from '../storage/db';
import { getSyncStatus, type SyncStatus, syncCard, syncEntries, updateSyncStatus } from '../storage/sync-state';
import { syncTransaction } from '../storage/sync-steps';
import { SyncError } from './dav';
import { mergeSides } from './merge';
import { EMPTY_SIDE_MIN, fromCard, hasOwn, type RunReport, type SyncRun } from './run';

/** How many writes go to the server at once. */
const PARALLEL_WRITES = 4;

/** Runs `work` for every item, at most PARALLEL_WRITES at a time; the first failure stops the rest and is thrown. */
async function inParallel<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_WRITES, items.length) }, worker));
}

/** The server's answer to one card: 400, 413, 415, 422, 423… (401, 404 and 412 are said otherwise: dav.ts). */
const refusedCard = (e: unknown) =>
  e instanceof SyncError &&
  ((e.code === 'failed' && e.status !== undefined && e.status >= 400 && e.status < 500) || forbidden(e));

/**
 * A 403 to one card's write: that card locked, or shared read-only, in a book the user may write (its write right
 * was checked at setup; servers answer so for single cards: a shared card, a card under a rate limit). Refused like
 * the others, unless no write of the run went through and the book itself is read-only now (below): every card of
 * two or more forbidden, or the book's privileges say so.
 */
const forbidden = (e: unknown) => e instanceof SyncError && e.code === 'readOnly' && e.status === 403;

/**
 * Whether the book says it is read-only now (asked when the only card a run wrote was forbidden). A server that
 * does not say, or an answer that fails, leaves that one card refused.
 */
async function bookReadOnly(run: SyncRun): Promise<boolean> {
  return (await run.deps.dav.mayWriteIn(run.book).catch(() => undefined)) === false;
}

/** Where a card this side makes goes: the person's id as the file name, in the address book. */
function hrefFor(run: SyncRun, id: string): string {
  return `${run.book}${encodeURIComponent(id)}.vcf`;
}

export async function push(run: SyncRun, report: RunReport): Promise<SyncStatus['attention'] | undefined> {
  const contacts = await listAll(run.deps.db);
  const entries = await syncEntries(run.deps.db);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const present = new Set(contacts.map((c) => c.id));
  const gone = entries.filter((e) => !present.has(e.id));
  // Everyone gone here at once (a "delete everything", a reset profile): ask, never delete them all there.
  const status = await getSyncStatus(run.deps.db);
  if (status.confirmEmpty) await updateSyncStatus(run.deps.db, (s) => ({ ...s, confirmEmpty: undefined }));
  else if (contacts.length === 0 && gone.length >= EMPTY_SIDE_MIN) {
    await updateSyncStatus(run.deps.db, (s) => ({ ...s, attention: 'localEmpty' }));
    return 'localEmpty';
  }
  // Writes a 403 refused (none through: maybe a read-only book).
  let refused403 = 0;
  const count = (e: unknown) => {
    if (forbidden(e)) refused403++;
  };
  const through = () => report.pushed + report.removedRemote;
  const before = through();
  // A few writes at a time: the server works on one while the next travels.
  await inParallel(
    contacts.filter((c) => {
      const entry = byId.get(c.id);
      // Unchanged since its card was last synced: nothing to read, nothing to send.
      return !(entry?.hasCard && entry.updatedAt === c.updatedAt);
    }),
    async (c) => {
      const entry = byId.get(c.id);
      const text = entry?.hasCard ? await syncCard(run.deps.db, c.id) : undefined;
      const base = text ? parseCard(text) : null;
      if (entry && base && changedFields(c, base, run.deps.circles).length === 0) {
        await syncTransaction(run.deps.db, async () => ({ entries: [{ ...entry, updatedAt: c.updatedAt }] }));
        return;
      }
      await run.step('push');
      try {
        await write(run, c.id, entry ?? { id: c.id, href: hrefFor(run, c.id) }, text);
        report.pushed++;
      } catch (e) {
        // One card the server will not take (too large for it, a value it rejects, locked) must not hold up
        // everyone else's sync, run after run: it is named, and tried again at the next run.
        if (!refusedCard(e)) throw e;
        count(e);
        report.refused.push(c.name);
      }
    },
  );
  await inParallel(gone, async (entry) => {
    await run.step('push-delete');
    await remove(run, entry, report, count);
  });
  if (refused403 && through() === before && (refused403 > 1 || (await bookReadOnly(run))))
    throw new SyncError('readOnly', 'every card written was forbidden', 403);
  return undefined;
}

/** Writes one contact's card; a 412 or a card gone meanwhile is merged or re-created, then tried again. */
async function write(run: SyncRun, id: string, start: SyncEntry, startCard: string | undefined): Promise<void> {
  let entry: { href: string; etag?: string | undefined; card?: string | undefined } = {
    href: start.href,
    etag: start.etag,
    card: startCard,
  };
  for (let attempt = 0; attempt < 4; attempt++) {
    const current = await getContact(run.deps.db, id);
    if (!current) return;
    const base = entry.card ? parseCard(entry.card) : null;
    const text = writeContactCard(current, base, run.deps.circles);
    try {
      const etag = await run.deps.dav.put(entry.href, text, entry.card && entry.etag ? entry.etag : null);
      await syncTransaction(run.deps.db, async () => ({
        entries: [{ id, href: entry.href, etag, card: text, updatedAt: current.updatedAt }],
      }));
      return;
    } catch (e) {
      if (!(e instanceof SyncError)) throw e;
      if (e.code === 'gone') {
        // Deleted on the server while changed here: the change wins, the card is made again.
        entry = { href: entry.href };
        continue;
      }
      if (e.code !== 'preconditionFailed') throw e;
    }
    // Someone else wrote the card meanwhile (or it already exists): merge theirs in, then write again.
    const remote = await run.deps.dav.get(entry.href);
    if (!remote) {
      entry = { href: entry.href };
      continue;
    }
    /** Theirs gives this person a profile link someone else here has: the pull holds that card back, and so does this. */
    let heldBack = false;
    const written = await syncTransaction(run.deps.db, async (read) => {
      const local = await read.contact(id);
      const card = parseCard(remote.text);
      if (!local || !card) return {};
      const prev = entry.card ? parseCard(entry.card) : null;
      const href = entry.href;
      const merged = mergeSides({
        base: prev ? cardFields(prev, run.deps.circles) : undefined,
        local,
        remote: cardFields(card, run.deps.circles),
        remoteNewer: (revOf(card) ?? Number.POSITIVE_INFINITY) > local.updatedAt,
        remoteHasOwn: hasOwn(card),
      });
      const changed = JSON.stringify(merged) !== JSON.stringify(local);
      heldBack = (await otherOwner(merged, read.profileOwner)) !== undefined;
      // Nothing written: the change here waits, unsent, until the card is theirs alone again.
      if (heldBack) return {};
      return {
        ...(changed ? { contacts: [{ ...merged, updatedAt: run.deps.now() }] } : {}),
        entries: [{ id, href, etag: remote.etag, card: remote.text }],
      };
    });
    if (heldBack) return;
    const w = written.entries?.[0];
    if (w) entry = { href: w.href, etag: w.etag, card: w.card ?? undefined };
  }
  throw new SyncError('conflict', `The card of ${id} kept changing while it was written`);
}

/** Whom a card this side knows names (its FN), else its file name: the person is gone here. */
async function cardName(run: SyncRun, entry: SyncEntry): Promise<string> {
  const text = await syncCard(run.deps.db, entry.id);
  const card = text ? parseCard(text) : null;
  return (card && cardFields(card, run.deps.circles).name) || decodeURIComponent(entry.href.split('/').pop() ?? '');
}

/**
 * Deletes a person's card deleted here; a card changed there meanwhile brings the person back (change beats delete).
 * `refused` hears a delete the server refused.
 */
async function remove(run: SyncRun, entry: SyncEntry, report: RunReport, refused: (e: unknown) => void): Promise<void> {
  if (!entry.etag || !entry.hasCard) {
    await syncTransaction(run.deps.db, async () => ({ deleteEntries: [entry.id] }));
    return;
  }
  try {
    await run.deps.dav.delete(entry.href, entry.etag);
    report.removedRemote++;
    await syncTransaction(run.deps.db, async () => ({ deleteEntries: [entry.id] }));
  } catch (e) {
    if (refusedCard(e)) {
      // A delete the server will not do (the card locked, 423 or 403; a method it refuses there): the card stays,
      // and so does what this side knows of it, so it is neither brought back here nor held against everyone
      // else's sync. The person is named, and the delete tried again at the next run.
      refused(e);
      report.undeleted.push(await cardName(run, entry));
      return;
    }
    if (!(e instanceof SyncError) || e.code !== 'preconditionFailed') throw e;
    const remote = await run.deps.dav.get(entry.href);
    const card = remote && parseCard(remote.text);
    const defaults = await run.deps.defaults();
    await syncTransaction(run.deps.db, async (read) => {
      if (!remote || !card) return { deleteEntries: [entry.id] };
      if (await read.contact(entry.id)) return {};
      const back = fromCard(run, cardFields(card, run.deps.circles), entry.id, run.deps.now(), defaults);
      report.created++;
      return {
        contacts: [back],
        entries: [{ id: entry.id, href: entry.href, etag: remote.etag, card: remote.text }],
      };
    });
  }
}
