// Bundled into the benchmark page: our store next to the peer approach many small extensions take
// (every contact in one array under one chrome.storage.local key, rewritten on each save).

import { showDigest } from '../../src/background/reminder';
import { followPatches, patchBook } from '../../src/contacts/book';
import { nextDueAt } from '../../src/contacts/cadence';
import { dueOrder, isDue } from '../../src/contacts/due';
import { groupForIntroductions, type IntroTarget, matchNames, whoCanIntroduce } from '../../src/contacts/introduce';
import { createContact } from '../../src/contacts/merge';
import { sortKey } from '../../src/contacts/normalize';
import { beforeNextReminderDay } from '../../src/contacts/schedule';
import { haystack } from '../../src/contacts/search';
import { selectDue } from '../../src/contacts/select';
import type { Contact } from '../../src/contacts/types';
import { browser } from '../../src/platform/browser';
import { LinkedBeyond, resortPatched, searchTextCache, sortContacts, stats } from '../../src/popup/list-model';
import { bulkPut } from '../../src/storage/contact-writes';
import { countDue, firstByDue, listAll } from '../../src/storage/contacts';
import { openDatabase } from '../../src/storage/db';
import { upsertDraft } from '../../src/storage/draft-writes';
import { saveReminderState } from '../../src/storage/reminder-state';
import { DEFAULT_SETTINGS } from '../../src/storage/settings';

export {
  bulkPut,
  countDue,
  firstByDue,
  followPatches,
  groupForIntroductions,
  haystack,
  LinkedBeyond,
  listAll,
  matchNames,
  openDatabase,
  patchBook,
  resortPatched,
  saveReminderState,
  searchTextCache,
  showDigest,
  sortContacts,
  stats,
  upsertDraft,
  whoCanIntroduce,
};

const DAY = 86_400_000;

/** 8 hex digits from i and a seed (a multiplicative hash: ids look random, yet each run gives the same). */
const hex8 = (i: number, seed: number) => (Math.imul((i + 1) ^ seed, 0x9e3779b1) >>> 0).toString(16).padStart(8, '0');

/**
 * A UUID as the store gives every person it creates (crypto.randomUUID's form), the same for the same i: the search
 * index packs such ids (src/storage/search-lines.ts), so the bench's index is as large as a real book's.
 */
export function benchId(i: number): string {
  const h = hex8(i, 0x1234567) + hex8(i, 0x7654321) + hex8(i, 0x0badcafe) + hex8(i, 0x5eed5eed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

/**
 * n contacts with spread-out due dates, deterministic; with what reasons and introductions read: each knows three
 * others (both sides), one in ten changed company (role history), one in four has a birthday, notes on contacts.
 */
export function makeContacts(n: number, now: number): Contact[] {
  let i = 0;
  const id = () => benchId(i);
  const out: Contact[] = [];
  for (; i < n; i++) {
    const c = createContact(
      {
        name: `Person ${(i * 7919) % n} Beispiel`,
        role: 'Consultant',
        company: `Company ${i % 97}`,
        profiles: [{ url: `https://www.linkedin.com/in/person-${i}`, site: 'linkedin' }],
        emails: [`p${i}@example.com`],
        circles: [i % 3 ? 'clients' : 'friends'],
        cadenceDays: 91,
        // A contact book in use: four in five people were contacted at some point.
        ...(i % 5 ? { lastContactedAt: now - ((i * 53) % 500) * DAY } : {}),
      },
      'imported',
      now - ((i * 37) % 400) * DAY,
      id,
    );
    if (c.lastContactedAt !== undefined)
      c.interactions = [{ at: c.lastContactedAt, kind: 'call', note: `Talked about project ${i % 13} and next steps` }];
    if (i % 4 === 0) c.birthday = { month: 1 + (i % 12), day: 1 + (i % 28) };
    // One in 40 with a follow-up planned, from two weeks ago (still to do) to next week: the digest reads them apart.
    if (i % 40 === 1) {
      c.followUp = { at: now + ((i % 21) - 14) * DAY, note: `Offer ${i % 13}` };
      c.nextDueAt = nextDueAt(c);
    }
    if (i % 10 === 0)
      c.history = [
        { at: now - ((i * 11) % 300) * DAY, field: 'company', from: `Company ${(i + 5) % 97}`, to: c.company },
      ];
    out.push(c);
  }
  // Links: everyone knows the next three people (by a stride, so links cross the book), both sides.
  for (let j = 0; j < n; j++)
    for (const step of [1, 17, 331]) {
      const a = out[j] as Contact;
      const b = out[(j + step) % n] as Contact;
      if (a === b) continue;
      a.related.push({ kind: 'knows', id: b.id, name: b.name });
      b.related.push({ kind: 'knows', id: a.id, name: a.name });
    }
  return out;
}

/** A captured profile not in the book: its company has about n/97 people now, some before. */
export const introTarget = (i: number): IntroTarget => ({ name: `Neu ${i}`, company: `Company ${i % 97}` });

/**
 * What the popup does for a captured LinkedIn profile: the page's mutual connections matched against the book
 * (three names, two of them people here), then who can introduce.
 */
export function introduceFor(i: number, book: Contact[]) {
  const n = book.length;
  const names = [`Person ${(i * 31) % n} Beispiel`, `Person ${(i * 57) % n} Beispiel`, 'Jürgen Nobody'];
  return whoCanIntroduce({ ...introTarget(i), mutual: matchNames(names, book) }, book);
}

export const peer = {
  async save(all: Contact[]) {
    await browser.storage.local.set({ contacts: all });
  },
  async load(): Promise<Contact[]> {
    return ((await browser.storage.local.get('contacts')).contacts as Contact[]) ?? [];
  },
  /** Upsert one: read the array, replace or append, write it all back. */
  async upsertOne(c: Contact) {
    const all = await peer.load();
    const at = all.findIndex((x) => x.profiles[0]?.url === c.profiles[0]?.url);
    if (at >= 0) all[at] = c;
    else all.push(c);
    await peer.save(all);
  },
  /** The badge: how many are due now. */
  async countDue(now: number) {
    return (await peer.load()).filter((c) => isDue(c, now)).length;
  },
  /** The popup's first screen: the first rows in due order. */
  async firstScreen(limit: number) {
    return (await peer.load()).sort(dueOrder).slice(0, limit);
  },
  /**
   * "Who can introduce" the straightforward way: every contact compared on every call (company folded for each,
   * links and circles scanned), then ranked.
   */
  introduce(target: IntroTarget, book: Contact[], limit = 5) {
    // The mutual connections by name, folded for every contact.
    const n = book.length;
    const i = Number(target.name.split(' ')[1]);
    const names = new Set([`Person ${(i * 31) % n} Beispiel`, `Person ${(i * 57) % n} Beispiel`].map(sortKey));
    const key = target.company ? sortKey(target.company) : '';
    const scored: { c: Contact; score: number }[] = [];
    for (const c of book) {
      let score = 0;
      if (names.has(sortKey(c.name))) score += 80;
      if (target.id && c.related.some((r) => r.id === target.id)) score += 100;
      if (key && c.company && sortKey(c.company) === key) score += 40;
      if (key && c.history.some((h) => h.field === 'company' && [h.from, h.to].some((v) => v && sortKey(v) === key)))
        score += 20;
      if (target.circles?.some((x) => c.circles.includes(x))) score += 5;
      if (score) scored.push({ c, score });
    }
    return scored.sort((a, b) => b.score - a.score).slice(0, limit);
  },
  /** The weekly digest the peer way: load everything, pick (as far as the default slot's reach), raise it. */
  async digest(now: number, limit: number) {
    const picks = selectDue(await peer.load(), now, limit, beforeNextReminderDay(now, DEFAULT_SETTINGS));
    await browser.notifications.create(`peer-${now}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      title: 'Peer',
      message: picks.map((p) => p.contact.name).join(', '),
    });
  },
};
