/**
 * A card read anew after the field table came to read cards otherwise (CARD_READING): each person synced before
 * and not changed here since takes what their kept card says now. Without it, the next change here (a contact
 * logged) would send the old reading back as the user's own edit: a fax number written again as a phone, a birthday
 * set back a day, a link the card has (a URL without https://, an iPhone's handle) taken off it. Run once per new
 * reading, before the pull, from the cards kept here: nothing is fetched.
 */
import type { Contact } from '../contacts/types';
import { cardFields, changedFields, parseCard } from '../interchange/vcard-card';
import { syncEntries } from '../storage/sync-state';
import { type EntryWrite, syncTransaction } from '../storage/sync-steps';
import { mergeSides } from './merge';
import { hasOwn, type SyncRun } from './run';

/** How many people took their card's new reading. */
export async function rereadCards(run: SyncRun): Promise<number> {
  const ids = (await syncEntries(run.deps.db)).filter((e) => e.hasCard).map((e) => e.id);
  let changed = 0;
  for (let at = 0; at < ids.length; at += run.batch) {
    await run.step('reread');
    await syncTransaction(run.deps.db, async (read) => {
      const contacts: Contact[] = [];
      const entries: EntryWrite[] = [];
      const now = run.deps.now();
      for (const id of ids.slice(at, at + run.batch)) {
        const [entry, local, text] = await Promise.all([read.entry(id), read.contact(id), read.card(id)]);
        const card = text ? parseCard(text) : null;
        // Changed here since (its change not sent yet): what the user did stays theirs, and is sent.
        if (!entry || !local || !card || entry.updatedAt !== local.updatedAt) continue;
        if (!changedFields(local, card, run.deps.circles).length) continue;
        // The contact as its own base: every field the card now reads otherwise is the card's.
        const next = mergeSides({
          base: local,
          local,
          remote: cardFields(card, run.deps.circles, local),
          remoteNewer: true,
          remoteHasOwn: hasOwn(card),
        });
        next.updatedAt = now;
        contacts.push(next);
        entries.push({ ...entry, updatedAt: now });
        changed++;
      }
      return { contacts, entries };
    });
  }
  return changed;
}
