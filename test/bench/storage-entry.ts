// Bundled into the benchmark page: our store next to the peer approach many small extensions take
// (every contact in one array under one chrome.storage.local key, rewritten on each save).

import { showDigest } from '../../src/background/reminder';
import { dueOrder, isDue } from '../../src/contacts/due';
import { createContact } from '../../src/contacts/merge';
import { selectDue } from '../../src/contacts/select';
import type { Contact } from '../../src/contacts/types';
import { browser } from '../../src/platform/browser';
import { bulkPut, countDue, firstByDue, listAll, upsertDraft } from '../../src/storage/contacts';
import { openDatabase } from '../../src/storage/db';
import { saveReminderState } from '../../src/storage/reminder-state';

export { bulkPut, countDue, firstByDue, listAll, openDatabase, saveReminderState, showDigest, upsertDraft };

const DAY = 86_400_000;

/** n contacts with spread-out due dates, deterministic. */
export function makeContacts(n: number, now: number): Contact[] {
  let i = 0;
  const id = () => `bench-${i}`;
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
    out.push(c);
  }
  return out;
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
  /** The weekly digest the peer way: load everything, pick, raise the notification. */
  async digest(now: number, limit: number) {
    const picks = selectDue(await peer.load(), now, limit);
    await browser.notifications.create(`peer-${now}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      title: 'Peer',
      message: picks.map((p) => p.contact.name).join(', '),
    });
  },
};
