/**
 * Import in two steps: plan (what would be new, merged or refused — shown to the user) and apply (all of it in
 * one transaction, or nothing). Matching is the store's own (profile link, web address with the name, email, name +
 * company), so importing the same file twice creates no duplicates.
 */

import { unwrap } from 'idb';
import { spreadDueAt } from '../contacts/cadence';
import type { ContactDraft } from '../contacts/fields';
import { readFileCircles } from '../contacts/file-circles';
import { pageKeys, profileLinks } from '../contacts/match';
import { createContact, mergeDraft, type NewId, uniteDrafts } from '../contacts/merge';
import type { Contact } from '../contacts/types';
import { withCircles } from './book-circles';
import { announce } from './changes';
import { getMany, matcherOf } from './contacts';
import { type DB, fromRecord, toRecord } from './db';
import { abort, guarded, settle } from './errors';
import { updateSearchIndex } from './search-index';
import { getSettings, normalizeSettings } from './settings';

export interface ImportPlan {
  add: ContactDraft[];
  merge: { id: string; name: string; draft: ContactDraft }[];
  invalid: { record: number; reason: 'noName' }[];
  /** Circles the file's people are in that the book does not have yet: they become the book's (the preview says). */
  circles?: string[];
}

/**
 * The keys by which two drafts of the same file are the same person: a profile link, a web address with the name
 * (colleagues share their company's site), or an email.
 */
const draftKeys = (d: ContactDraft) => [
  ...profileLinks(d.profiles).map((url) => `u:${url}`),
  ...pageKeys(d.profiles, d.name).map((page) => `w:${page}`),
  ...(d.emails ?? []).map((e) => `e:${e.toLowerCase()}`),
];

export async function planImport(db: DB, file: ContactDraft[]): Promise<ImportPlan> {
  // A file names the starting circles in words ("Familie", "Former colleagues"): they are the book's own again.
  const read = readFileCircles(
    file.map((d) => d.circles ?? []),
    (await getSettings(db)).circles,
  );
  const plan: ImportPlan = { add: [], merge: [], invalid: [], circles: read.added };
  const drafts = file.map((d, i) => (d.circles?.length ? { ...d, circles: read.lists[i] ?? [] } : d));
  const match = matcherOf(await db.transaction('contacts').store.getAll());
  const seen = new Map<string, number>();
  /** Where each existing person's merge sits in plan.merge (several rows of a file can be one person). */
  const merging = new Map<string, number>();
  const matches = await Promise.all(drafts.map((d) => (d.name.trim() ? match(d) : undefined)));
  for (const [i, d] of drafts.entries()) {
    if (!d.name.trim()) {
      plan.invalid.push({ record: i + 1, reason: 'noName' });
      continue;
    }
    const found = matches[i];
    const existing = found && fromRecord(found);
    if (existing) {
      const earlier = merging.get(existing.id);
      const entry = earlier === undefined ? undefined : plan.merge[earlier];
      if (entry) entry.draft = uniteDrafts(entry.draft, d);
      else merging.set(existing.id, plan.merge.push({ id: existing.id, name: existing.name, draft: d }) - 1);
      continue;
    }
    const keys = draftKeys(d);
    const twin = keys.map((k) => seen.get(k)).find((x) => x !== undefined);
    if (twin !== undefined) plan.add[twin] = uniteDrafts(plan.add[twin] as ContactDraft, d);
    else plan.add.push(d);
    for (const k of keys) seen.set(k, twin ?? plan.add.length - 1);
  }
  return plan;
}

/** An id from a file is kept only if it looks like one (a UUID or similar token), never as arbitrary text. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

/** How many writes are issued at a time; the page can paint (progress) between batches. */
const BATCH = 500;

/**
 * Applies a confirmed plan in one transaction. New people get their first due date spread over the coming
 * weeks (one week's share each), so an import of 500 people does not make 500 people due at once. A circle the
 * people are in that the book does not have becomes the book's (in the same transaction: the filter, an export's
 * choice and Settings offer it). `onProgress(done, total)` hears how far the writing is; nothing is committed
 * before all of it is.
 */
export function applyImport(
  db: DB,
  plan: ImportPlan,
  opts: {
    now: number;
    defaultCadence: number | null;
    newId?: NewId;
    perWeek?: number;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<{ added: number; merged: number; circles: string[] }> {
  return guarded(async () => {
    const newId = opts.newId ?? (() => crypto.randomUUID());
    const perWeek = Math.max(1, opts.perWeek ?? 5);
    const tx = db.transaction(['contacts', 'search', 'meta'], 'readwrite');
    // Its outcome is read by settle() at the end; a failed write can abort it while a batch is awaited, before that.
    tx.done.catch(() => {});
    // The people to merge as they are now, read inside this transaction.
    const current = await getMany(
      tx.objectStore('contacts'),
      plan.merge.map((m) => m.id),
    );
    // Links in the file point at the other person's id in the file (a vCard's UID): a new person keeps that id
    // when it is free here, a person merged into someone here is known by that one's id, and every link in the
    // file is pointed at the id the person has in the book.
    const fileIds = plan.add.flatMap((d) => (d.fileId && SAFE_ID.test(d.fileId) ? [d.fileId] : []));
    const taken = await getMany(tx.objectStore('contacts'), fileIds);
    const settings = normalizeSettings(await tx.objectStore('meta').get('settings'));
    const idOf = new Map<string, string>();
    for (const m of plan.merge) if (m.draft.fileId) idOf.set(m.draft.fileId, m.id);
    const addIds = plan.add.map((d) => {
      const own = d.fileId;
      const id = own && SAFE_ID.test(own) && !taken.has(own) && !idOf.has(own) ? own : newId();
      if (own && !idOf.has(own)) idOf.set(own, id);
      return id;
    });
    const relinked = (d: ContactDraft): ContactDraft =>
      d.related?.some((r) => r.id && idOf.has(r.id))
        ? { ...d, related: d.related.map((r) => (r.id && idOf.has(r.id) ? { ...r, id: idOf.get(r.id) } : r)) }
        : d;
    // On the unwrapped store: no promise per request; the first failing one aborts the transaction.
    const store = unwrap(tx.objectStore('contacts'));
    // What the search index must learn, written with the contacts at the end (search-index.ts).
    const indexed: { id: string; contact: Contact }[] = [];
    /**
     * A new person; the first due dates of new people the file gives no last contact nor follow-up are spread in the
     * order they are written.
     */
    let added = 0;
    const add = (d: ContactDraft, id: string) => {
      const c: Contact = createContact(relinked(d), 'imported', opts.now, () => id, opts.defaultCadence);
      const nth = added++;
      if (c.cadenceDays !== null && c.lastContactedAt === undefined && !c.followUp)
        c.nextDueAt = spreadDueAt(opts.now, nth, perWeek);
      indexed.push({ id: c.id, contact: c });
      return store.add(toRecord(c));
    };
    const writes: (() => IDBRequest | undefined)[] = [
      ...plan.add.map((d, i) => () => add(d, addIds[i] as string)),
      ...plan.merge.map((m) => () => {
        const r = current.get(m.id);
        // Deleted since the plan was made: the file's entry is not lost, it comes back as a new person.
        if (!r) return add(m.draft, m.id);
        const before = fromRecord(r);
        const merged = mergeDraft(before, relinked(m.draft), opts.now);
        if (merged === before) return undefined;
        indexed.push({ id: merged.id, contact: merged });
        return store.put(toRecord(merged));
      }),
    ];
    // Each record is written as soon as it is built. One batch stays in flight while the next is issued, so the
    // database never waits for us; between batches the page may paint its progress.
    let inFlight: IDBRequest | undefined;
    for (let from = 0; from < writes.length; from += BATCH) {
      let last: IDBRequest | undefined;
      try {
        for (const write of writes.slice(from, from + BATCH)) last = write() ?? last;
      } catch (e) {
        // A throw (a damaged record to merge, a write refused on the spot, the transaction already aborted by a
        // failed write) must not let the writes made so far commit.
        abort(tx);
        throw tx.error ?? e;
      }
      if (inFlight) {
        await settled(inFlight);
        opts.onProgress?.(from, writes.length);
      }
      inFlight = last ?? inFlight;
    }
    const book = withCircles(
      settings,
      [...plan.add, ...plan.merge.map((m) => m.draft)].flatMap((d) => d.circles ?? []),
    );
    const circles = book.added;
    const settingsWrite = circles.length ? [tx.objectStore('meta').put(book.settings, 'settings')] : [];
    await settle(tx, [updateSearchIndex(tx, indexed), ...settingsWrite]);
    opts.onProgress?.(writes.length, writes.length);
    announce({ kind: 'contacts' });
    if (circles.length) announce({ kind: 'settings' });
    return { added, merged: plan.add.length + plan.merge.length - added, circles };
  });
}

/** Resolves when a request has finished, either way (a failure aborts its transaction, which reports it). */
function settled(request: IDBRequest): Promise<void> {
  if (request.readyState === 'done') return Promise.resolve();
  return new Promise((ok) => {
    request.addEventListener('success', () => ok());
    request.addEventListener('error', () => ok());
  });
}
