/**
 * Two-way sync of the contact book with one address book on the user's CardDAV server.
 *
 * A run pulls (pull.ts), then pushes (push.ts). What a pull holds does not grow with the book: the hrefs to fetch
 * are stored in parts and read a batch at a time, and each batch reads the sync state of its own cards in its
 * transaction (only the matching of people not linked yet is kept, for the pull's length, and it is as large as
 * they are). Deletes travel both ways, a change beats a delete, and a side that suddenly looks empty stops the run
 * and asks the user: never a mass delete. Before the first run, preview says what linking would do.
 */
import { cardFields, changedFields, parseCard } from '../interchange/vcard-card';
import { isPersonCard } from '../interchange/vcard-groups';
import { listAll } from '../storage/contacts';
import { getSyncStatus, type SyncAccount, updateSyncStatus } from '../storage/sync-state';
import { syncTransaction } from '../storage/sync-steps';
import { CARD_READING } from './constants';
import { SyncError } from './dav';
import { mergeSides } from './merge';
import { pull } from './pull';
import { push } from './push';
import { rereadCards } from './reread';
import { draftOf, type EngineDeps, hasOwn, type RunReport, type SyncRun } from './run';

/** People whose card was refused, as the status keeps them: the first five by name, and how many in all. */
const named = (people: string[]) => ({ names: people.slice(0, 5), count: people.length });

export type { DavPort, EngineDeps, RunReport } from './run';

/** What linking this book with the address book would do on each side (nothing is written to make it). */
export interface LinkPreview {
  here: { created: number; updated: number };
  server: { created: number; updated: number };
  /** People found on both sides, each merged into one. */
  merged: number;
}

export class Engine {
  private readonly batch: number;

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
    const report: RunReport = {
      pulled: 0,
      created: 0,
      updated: 0,
      deleted: 0,
      pushed: 0,
      removedRemote: 0,
      refused: [],
      undeleted: [],
    };
    const status = await getSyncStatus(this.deps.db);
    if (status.attention) return { ...report, attention: status.attention };
    const run: SyncRun = {
      deps: this.deps,
      book: this.book,
      batch: this.batch,
      linking: !status.linked,
      ctag: undefined,
      created: 0,
      step: (what) => this.step(what),
    };
    // People synced before the field table came to read cards otherwise take their cards' new reading first.
    // Kept at once: it needs no server, so a run that fails later does not read every card again.
    if (status.linked && (status.reading ?? 1) < CARD_READING) {
      report.updated += await rereadCards(run);
      await updateSyncStatus(this.deps.db, (s) => ({ ...s, reading: CARD_READING }));
    }
    const attention = await pull(run, status, report);
    if (attention) return { ...report, attention };
    const stop = await push(run, report);
    if (stop) return { ...report, attention: stop };
    // Our own writes moved the server past our token. Pull once more (our own cards come back with the ETags we
    // hold, so nothing is fetched for them): a server may leave out of a later answer a card that was created after
    // the token and deleted since (RFC 6578 §3.5.1), and the token must be past our creations for that not to matter.
    if (report.pushed || report.removedRemote) await pull(run, await getSyncStatus(this.deps.db), report);
    await updateSyncStatus(this.deps.db, (s) => ({
      ...s,
      linked: true,
      reading: CARD_READING,
      lastSyncAt: this.deps.now(),
      failures: 0,
      // Everyone else is synced; the cards refused are tried again at the next run (their change, or their delete,
      // is still unsent).
      error:
        report.refused.length || report.undeleted.length
          ? {
              code: 'refused',
              at: this.deps.now(),
              ...(report.refused.length ? named(report.refused) : {}),
              ...(report.undeleted.length ? { undeleted: named(report.undeleted) } : {}),
            }
          : undefined,
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
}
