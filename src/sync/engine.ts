/**
 * Two-way sync of the contact book with one address book on the user's CardDAV server.
 *
 * A run pulls, then pushes. Pull: what changed on the server since the last token (sync-collection, RFC 6578; a
 * full comparison of the listing where the token is refused or the server lacks the report), fetched in batches
 * (multiget) and merged into the contacts field by field against the last synced card (merge.ts), each batch one
 * transaction with the sync state that records it, so a stopped worker resumes where it was. What a pull holds
 * does not grow with the book: the hrefs to fetch are stored in parts and read a batch at a time, and each batch
 * reads the sync state of its own cards in its transaction (only the matching of people not linked yet is kept, for
 * the pull's length, and it is as large as they are). Push: every contact
 * that differs from its last synced card is written with If-Match (a new one with If-None-Match: *); a 412 fetches
 * the server's card, merges and tries again. Deletes travel both ways, a change beats a delete, and a side that
 * suddenly looks empty stops the run and asks the user: never a mass delete.
 */
import { nextDueAt, spreadDueAt } from '../contacts/cadence';
import type { CircleNaming } from '../contacts/circle-names';
import type { ContactDraft } from '../contacts/fields';
import { blankContact } from '../contacts/merge';
import type { Contact } from '../contacts/types';
import {
  type CardFields,
  cardFields,
  changedFields,
  isPersonCard,
  parseCard,
  writeContactCard,
} from '../interchange/vcard-card';
import type { Card } from '../interchange/vcard-syntax';
import { contactIds, contactRecords, getContact, listAll, matcherOf } from '../storage/contacts';
import type { DB, SyncEntry } from '../storage/db';
import {
  getSyncStatus,
  type PullList,
  pullCounts,
  pullHrefs,
  type SyncAccount,
  type SyncReader,
  type SyncStatus,
  type SyncWrite,
  syncCard,
  syncEntries,
  syncTransaction,
  updateSyncStatus,
} from '../storage/sync-state';
import { type CardRef, type FetchedCard, SyncError } from './dav';
import { mergeSides } from './merge';

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
  attention?: SyncStatus['attention'];
}

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

/** What linking this book with the address book would do on each side (nothing is written to make it). */
export interface LinkPreview {
  here: { created: number; updated: number };
  server: { created: number; updated: number };
  /** People found on both sides, each merged into one. */
  merged: number;
}

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

/** How many linked cards must vanish at once before an empty side counts as "suddenly empty" and stops sync. */
const EMPTY_SIDE_MIN = 2;

const uuid = () => crypto.randomUUID();

/** Reconnect's own properties on a card: an app that dropped them all did not mean to clear them. */
const hasOwn = (card: Card) => card.props.some((p) => p.name.startsWith('X-RECONNECT-'));

/** When the card was last changed (REV), to decide a value both sides changed. */
function revOf(card: Card): number | undefined {
  const rev = card.props.find((p) => p.name === 'REV')?.value.trim();
  if (!rev) return undefined;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2}):?(\d{2}))?/.exec(rev);
  if (!m) return undefined;
  return Date.UTC(+(m[1] ?? 0), +(m[2] ?? 1) - 1, +(m[3] ?? 1), +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
}

const draftOf = (f: CardFields): ContactDraft => ({
  name: f.name ?? '',
  ...(f.profiles ? { profiles: f.profiles } : {}),
  ...(f.emails ? { emails: f.emails } : {}),
  ...(f.company ? { company: f.company } : {}),
});

/** The id a person made from a card gets: the card's UID, else its file name (a fresh one if it has neither). */
function idFor(remote: CardFields, href: string): string {
  if (remote.id && remote.id.length <= 200) return remote.id;
  return (
    href
      .split('/')
      .pop()
      ?.replace(/\.vcf$/i, '') || uuid()
  );
}

export class Engine {
  private readonly batch: number;
  private created = 0;
  /** The CTag a listing of this run was taken at, kept once the pull is done. */
  private ctag: string | undefined;
  /** This run links the book with the address book for the first time. */
  private linking = false;

  constructor(
    private readonly deps: EngineDeps,
    private readonly account: SyncAccount & { book: { url: string; name: string } },
  ) {
    this.batch = deps.batch ?? 200;
  }

  private get book() {
    return this.account.book.url;
  }

  private async step(what: string) {
    await this.deps.onStep?.(what);
  }

  /** One whole run: pull, then push. */
  async run(): Promise<RunReport> {
    const report: RunReport = { pulled: 0, created: 0, updated: 0, deleted: 0, pushed: 0, removedRemote: 0 };
    const status = await getSyncStatus(this.deps.db);
    if (status.attention) return { ...report, attention: status.attention };
    this.linking = !status.linked;
    const attention = await this.pull(status, report);
    if (attention) return { ...report, attention };
    const stop = await this.push(report);
    if (stop) return { ...report, attention: stop };
    // Our own writes moved the server past our token. Pull once more (our own cards come back with the ETags we
    // hold, so nothing is fetched for them): a server may leave out of a later answer a card that was created after
    // the token and deleted since (RFC 6578 §3.5.1), and the token must be past our creations for that not to matter.
    if (report.pushed || report.removedRemote) await this.pull(await getSyncStatus(this.deps.db), report);
    await updateSyncStatus(this.deps.db, (s) => ({
      ...s,
      linked: true,
      lastSyncAt: this.deps.now(),
      failures: 0,
      error: undefined,
    }));
    return report;
  }

  /**
   * What the first link would do, written nowhere: every card of the book read and matched to the contacts here
   * (by UID, then by the store's own matching), and how many people each side would gain or have updated.
   */
  async preview(): Promise<LinkPreview> {
    const p: LinkPreview = { here: { created: 0, updated: 0 }, server: { created: 0, updated: 0 }, merged: 0 };
    const refs = await this.deps.dav.listing(this.book).catch(async (e) => {
      if (e instanceof SyncError && e.code === 'notCardDav') return [];
      throw e;
    });
    const matched = new Set<string>();
    for (let at = 0; at < refs.length; at += this.batch) {
      await this.step('preview');
      const cards = await this.deps.dav.fetchCards(
        this.book,
        refs.slice(at, at + this.batch).map((r) => r.href),
      );
      await syncTransaction(this.deps.db, async (read) => {
        for (const fetched of cards) {
          const card = parseCard(fetched.text);
          if (!card || !isPersonCard(card)) continue;
          const remote = cardFields(card, this.deps.circles);
          if (!remote.name) continue;
          const byId = remote.id ? await read.contact(remote.id) : undefined;
          const local = byId ?? (await read.match(draftOf(remote)));
          if (!local || matched.has(local.id)) {
            p.here.created++;
            continue;
          }
          matched.add(local.id);
          p.merged++;
          const next = mergeSides({ base: undefined, local, remote, remoteNewer: false, remoteHasOwn: hasOwn(card) });
          if (JSON.stringify(next) !== JSON.stringify(local)) p.here.updated++;
          if (changedFields(next, card, this.deps.circles).some((k) => k !== 'id')) p.server.updated++;
        }
        return {};
      });
    }
    p.server.created = (await listAll(this.deps.db)).filter((c) => !matched.has(c.id)).length;
    return p;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Pull

  /** What changed on the server, as hrefs to fetch and hrefs removed, and the token to keep afterwards. */
  private async remoteChanges(status: SyncStatus): Promise<{ changed: CardRef[]; removed: string[]; token?: string }> {
    if (status.token) {
      try {
        return await this.deps.dav.changesSince(this.book, status.token);
      } catch (e) {
        // An expired token, a truncated answer, or a server that fails on the report: compare the whole listing.
        if (!(e instanceof SyncError) || !['tokenExpired', 'truncated', 'server', 'failed'].includes(e.code)) throw e;
      }
    } else {
      try {
        return await this.deps.dav.changesSince(this.book, undefined);
      } catch (e) {
        if (!(e instanceof SyncError) || !['server', 'failed', 'notCardDav', 'truncated'].includes(e.code)) throw e;
      }
    }
    // Without the report: the book's CTag says whether anything changed at all (one small request), and only then
    // is the whole listing compared. The tags are taken before the listing, so a change made in between comes again
    // next time, never not at all.
    const tags = await this.deps.dav.collectionTags(this.book).catch(() => ({}) as { token?: string; ctag?: string });
    const token = tags.token;
    this.ctag = tags.ctag;
    if (tags.ctag && tags.ctag === status.ctag) return { changed: [], removed: [], ...(token ? { token } : {}) };
    const listed = await this.deps.dav.listing(this.book);
    const entries = await syncEntries(this.deps.db);
    const seen = new Set(listed.map((c) => c.href));
    return {
      changed: listed,
      removed: entries.filter((e) => e.hasCard && !seen.has(e.href)).map((e) => e.href),
      ...(token ? { token } : {}),
    };
  }

  private async pull(status: SyncStatus, report: RunReport): Promise<SyncStatus['attention'] | undefined> {
    let pending = status.pending;
    // How many hrefs the pull fetches and deletes; the hrefs themselves are read a batch at a time.
    let counts: Record<keyof PullList, number>;
    if (pending) counts = await pullCounts(this.deps.db);
    else {
      const changes = await this.remoteChanges(status);
      const entries = await syncEntries(this.deps.db);
      const byHref = new Map(entries.map((e) => [e.href, e]));
      const known = entries.filter((e) => e.hasCard);
      // Everyone we know gone from the server at once: ask, never delete them all here.
      const removedSet = new Set(changes.removed);
      if (known.length >= EMPTY_SIDE_MIN && known.every((e) => removedSet.has(e.href))) {
        await updateSyncStatus(this.deps.db, (s) => ({ ...s, attention: 'serverEmpty' }));
        return 'serverEmpty';
      }
      const list: PullList = {
        // Our own writes come back with the ETag we already hold: nothing to fetch.
        changed: changes.changed.filter((c) => byHref.get(c.href)?.etag !== c.etag || !c.etag).map((c) => c.href),
        removed: changes.removed.filter((h) => byHref.has(h)),
      };
      if (!list.changed.length && !list.removed.length) {
        // Nothing changed there: only a new token (or CTag), if the server gave one.
        const { token } = changes;
        const ctag = this.ctag;
        if ((token && token !== status.token) || (ctag && ctag !== status.ctag))
          await updateSyncStatus(this.deps.db, (s) => ({
            ...s,
            ...(token ? { token } : {}),
            ...(ctag ? { ctag } : {}),
          }));
        return undefined;
      }
      counts = { changed: list.changed.length, removed: list.removed.length };
      const started = { changed: 0, removed: 0, ...(changes.token ? { token: changes.token } : {}) };
      pending = started;
      await syncTransaction(this.deps.db, async () => ({
        pullList: list,
        status: (s) => ({ ...s, pending: started }),
      }));
    }
    const defaults = await this.deps.defaults();
    // Nothing to fetch (the common case): nothing of this side is read.
    const index = pending.changed < counts.changed ? await this.localIndex() : null;
    // The next batch is fetched while this one is written: the network and the database work at the same time.
    const fetchBatch = async (from: number) =>
      this.deps.dav.fetchCards(this.book, await pullHrefs(this.deps.db, 'changed', from, this.batch));
    let fetching = pending.changed < counts.changed ? fetchBatch(pending.changed) : null;
    while (fetching && index) {
      await this.step('pull');
      const cards = await fetching;
      const done = Math.min(counts.changed, pending.changed + this.batch);
      fetching = done < counts.changed ? fetchBatch(done) : null;
      // A fetch started ahead and not awaited (the run stopped): its failure is not this run's concern any more.
      fetching?.catch(() => {});
      const next: NonNullable<SyncStatus['pending']> = { ...pending, changed: done };
      await syncTransaction(this.deps.db, async (read) => {
        const w = await this.applyRemote(cards, read, index, defaults, report);
        return { ...w, status: (s) => ({ ...s, pending: next }) };
      });
      report.pulled += cards.length;
      pending = next;
    }
    while (pending.removed < counts.removed) {
      await this.step('pull-removed');
      const hrefs = await pullHrefs(this.deps.db, 'removed', pending.removed, this.batch);
      // (A part that cannot be read ends the list rather than the loop.)
      const next: NonNullable<SyncStatus['pending']> = {
        ...pending,
        removed: hrefs.length ? pending.removed + hrefs.length : counts.removed,
      };
      await syncTransaction(this.deps.db, async (read) => {
        const w = await this.applyRemoteDeletes(hrefs, read, report);
        return { ...w, status: (s) => ({ ...s, pending: next }) };
      });
      pending = next;
    }
    const token = pending.token;
    const ctag = this.ctag;
    await syncTransaction(this.deps.db, async () => ({
      pullList: null,
      status: (s) => ({ ...s, pending: undefined, ...(token ? { token } : {}), ...(ctag ? { ctag } : {}) }),
    }));
    return undefined;
  }

  /** The matching over the contacts not linked to a card yet, built once per pull. */
  private async localIndex(): Promise<LocalIndex> {
    const [entries, ids] = await Promise.all([syncEntries(this.deps.db), contactIds(this.deps.db)]);
    const linked = new Set(entries.map((e) => e.id));
    const unlinked = ids.filter((id) => !linked.has(id));
    const records = unlinked.length ? await contactRecords(this.deps.db, unlinked) : [];
    return { match: matcherOf(records), empty: !ids.length && !entries.length };
  }

  /** Cards from the server merged into the contacts, inside one transaction. */
  private async applyRemote(
    cards: FetchedCard[],
    read: SyncReader,
    index: LocalIndex,
    defaults: { cadenceDays: number | null; perWeek: number },
    report: RunReport,
  ): Promise<SyncWrite> {
    const now = this.deps.now();
    const w: Required<Pick<SyncWrite, 'contacts' | 'entries'>> = { contacts: [], entries: [] };
    const parsed = cards.flatMap((fetched) => {
      const card = parseCard(fetched.text);
      if (!card || !isPersonCard(card)) return [];
      const remote = cardFields(card, this.deps.circles);
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
    for (const [i, { fetched, card, remote }] of parsed.entries()) {
      const k = known[i];
      if (!k) continue;
      const local = k.local && !taken.has(k.local.id) ? k.local : undefined;
      let base: CardFields | undefined;
      if (k.baseText) {
        const b = parseCard(k.baseText);
        base = b ? cardFields(b, this.deps.circles) : undefined;
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
        if (JSON.stringify(next) !== JSON.stringify(local)) {
          next.updatedAt = now;
          w.contacts.push(next);
          report.updated++;
        }
      } else {
        next = this.fromCard(remote, k.id, now, defaults);
        // Linking an existing address book: the defaults given to its people (cadence, due dates) are not written
        // to every card at once; a card gets them with its first real change. Later new cards get them at once, so
        // other browsers see the same.
        deferred = this.linking && !hasOwn(card);
        // An id already taken (by a contact here, or twice in the book) gets a new one.
        if (k.idTaken || taken.has(next.id)) next.id = (this.deps.newId ?? uuid)();
        w.contacts.push(next);
        report.created++;
      }
      taken.add(next.id);
      // The base is the server's card as fetched (if the merge kept local changes, push sends them); for deferred
      // defaults, the card as it would be with them, so nothing is sent until something else changes.
      const kept = deferred ? writeContactCard(next, card, this.deps.circles) : fetched.text;
      // Where the contact now says what the card says, it has nothing to send until it changes again.
      const settled = deferred || changedFields(next, card, this.deps.circles).length === 0;
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

  /**
   * A person created elsewhere (a phone): the card's fields, the defaults for what it does not say, and the id the
   * caller checked (idFor's, or the sync state's).
   */
  private fromCard(
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
      c.nextDueAt = c.lastContactedAt === undefined ? spreadDueAt(now, this.created++, defaults.perWeek) : nextDueAt(c);
    return c;
  }

  /** Cards deleted on the server: deleted here too, unless the person changed here since (a change beats a delete). */
  private async applyRemoteDeletes(hrefs: string[], read: SyncReader, report: RunReport): Promise<SyncWrite> {
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
      if (local && (!base || changedFields(local, base, this.deps.circles).length)) {
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

  // ---------------------------------------------------------------------------------------------------------------
  // Push

  private hrefFor(id: string) {
    return `${this.book}${encodeURIComponent(id)}.vcf`;
  }

  private async push(report: RunReport): Promise<SyncStatus['attention'] | undefined> {
    const contacts = await listAll(this.deps.db);
    const entries = await syncEntries(this.deps.db);
    const byId = new Map(entries.map((e) => [e.id, e]));
    const present = new Set(contacts.map((c) => c.id));
    const gone = entries.filter((e) => !present.has(e.id));
    // Everyone gone here at once (a "delete everything", a reset profile): ask, never delete them all there.
    const status = await getSyncStatus(this.deps.db);
    if (status.confirmEmpty) await updateSyncStatus(this.deps.db, (s) => ({ ...s, confirmEmpty: undefined }));
    else if (contacts.length === 0 && gone.length >= EMPTY_SIDE_MIN) {
      await updateSyncStatus(this.deps.db, (s) => ({ ...s, attention: 'localEmpty' }));
      return 'localEmpty';
    }
    // A few writes at a time: the server works on one while the next travels.
    await inParallel(
      contacts.filter((c) => {
        const entry = byId.get(c.id);
        // Unchanged since its card was last synced: nothing to read, nothing to send.
        return !(entry?.hasCard && entry.updatedAt === c.updatedAt);
      }),
      async (c) => {
        const entry = byId.get(c.id);
        const text = entry?.hasCard ? await syncCard(this.deps.db, c.id) : undefined;
        const base = text ? parseCard(text) : null;
        if (entry && base && changedFields(c, base, this.deps.circles).length === 0) {
          await syncTransaction(this.deps.db, async () => ({ entries: [{ ...entry, updatedAt: c.updatedAt }] }));
          return;
        }
        await this.step('push');
        await this.write(c.id, entry ?? { id: c.id, href: this.hrefFor(c.id) }, text);
        report.pushed++;
      },
    );
    await inParallel(gone, async (entry) => {
      await this.step('push-delete');
      await this.remove(entry, report);
    });
    return undefined;
  }

  /** Writes one contact's card; a 412 or a card gone meanwhile is merged or re-created, then tried again. */
  private async write(id: string, start: SyncEntry, startCard: string | undefined): Promise<void> {
    let entry: { href: string; etag?: string | undefined; card?: string | undefined } = {
      href: start.href,
      etag: start.etag,
      card: startCard,
    };
    for (let attempt = 0; attempt < 4; attempt++) {
      const current = await getContact(this.deps.db, id);
      if (!current) return;
      const base = entry.card ? parseCard(entry.card) : null;
      const text = writeContactCard(current, base, this.deps.circles);
      try {
        const etag = await this.deps.dav.put(entry.href, text, entry.card && entry.etag ? entry.etag : null);
        await syncTransaction(this.deps.db, async () => ({
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
      const remote = await this.deps.dav.get(entry.href);
      if (!remote) {
        entry = { href: entry.href };
        continue;
      }
      const written = await syncTransaction(this.deps.db, async (read) => {
        const local = await read.contact(id);
        const card = parseCard(remote.text);
        if (!local || !card) return {};
        const prev = entry.card ? parseCard(entry.card) : null;
        const href = entry.href;
        const merged = mergeSides({
          base: prev ? cardFields(prev, this.deps.circles) : undefined,
          local,
          remote: cardFields(card, this.deps.circles),
          remoteNewer: (revOf(card) ?? Number.POSITIVE_INFINITY) > local.updatedAt,
          remoteHasOwn: hasOwn(card),
        });
        const changed = JSON.stringify(merged) !== JSON.stringify(local);
        return {
          ...(changed ? { contacts: [{ ...merged, updatedAt: this.deps.now() }] } : {}),
          entries: [{ id, href, etag: remote.etag, card: remote.text }],
        };
      });
      const w = written.entries?.[0];
      if (w) entry = { href: w.href, etag: w.etag, card: w.card ?? undefined };
    }
    throw new SyncError('conflict', `The card of ${id} kept changing while it was written`);
  }

  /** Deletes a person's card deleted here; a card changed there meanwhile brings the person back (change beats delete). */
  private async remove(entry: SyncEntry, report: RunReport): Promise<void> {
    if (!entry.etag || !entry.hasCard) {
      await syncTransaction(this.deps.db, async () => ({ deleteEntries: [entry.id] }));
      return;
    }
    try {
      await this.deps.dav.delete(entry.href, entry.etag);
      report.removedRemote++;
      await syncTransaction(this.deps.db, async () => ({ deleteEntries: [entry.id] }));
    } catch (e) {
      if (!(e instanceof SyncError) || e.code !== 'preconditionFailed') throw e;
      const remote = await this.deps.dav.get(entry.href);
      const card = remote && parseCard(remote.text);
      const defaults = await this.deps.defaults();
      await syncTransaction(this.deps.db, async (read) => {
        if (!remote || !card) return { deleteEntries: [entry.id] };
        if (await read.contact(entry.id)) return {};
        const back = this.fromCard(cardFields(card, this.deps.circles), entry.id, this.deps.now(), defaults);
        report.created++;
        return {
          contacts: [back],
          entries: [{ id: entry.id, href: entry.href, etag: remote.etag, card: remote.text }],
        };
      });
    }
  }
}
