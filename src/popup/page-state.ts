/**
 * The page's part of the popup state: reading the tab (once, or again on Retry), how long that may take, how its
 * answer is shown, and who in the book the page is about. The list never waits for any of it (state.ts).
 */
import { batch, computed, signal } from '@preact/signals';
import type { PageCapture } from '../contacts/capture';
import type { Contact } from '../contacts/types';
import type { TabCapture } from '../platform/capture-tab';
import { findContactFor, type Holders, linkHolders } from '../storage/contacts';
import type { DB } from '../storage/db';
import { draftFromCapture, linkOfPage } from './draft';

/**
 * Where reading the page stands: asked and waiting; waiting longer than a page should (it is busy or still
 * loading); answered.
 */
export type PagePhase = 'reading' | 'slow' | 'done';
/**
 * How a page's answer is shown: in full; folded to one line, because the user was already busy elsewhere in the
 * popup when it came (nothing moves under their hands); or into the empty fields of the manual form they were
 * already typing into.
 */
export type Arrival = 'full' | 'folded' | 'fill';

/** A page that has not answered within this long is "not answering" (the list never waits for it). */
export const SLOW_PAGE_MS = 1500;
/**
 * The first paint waits this long for the page: pages answer in tens of milliseconds, so the card is usually drawn
 * once in its final place; a page slower than this gets the "reading" line and never holds up the list further.
 */
export const PAINT_GRACE_MS = 400;

export interface PageDeps {
  db: DB;
  /** Reads the page; `again` injects anew (Retry) instead of returning the read started at open. */
  capture: (again?: boolean) => Promise<TabCapture>;
  /** Opens another page of the site in the tab (its legal notice), resolving once it has loaded. */
  open?: (url: string) => Promise<void>;
  /** The tab's address without touching the page: the manual form's link while the page is silent. */
  tabUrl?: () => Promise<string | undefined>;
  /** How long a page may take before the popup says it is not answering. */
  slowMs?: number;
  /** How long the first paint waits for the page, so a page that answers at once is drawn in its final layout. */
  graceMs?: number;
  /** What a page without a person suggests for the manual form (page-suggestion.ts), from the popup's later code. */
  suggest: (page: PageCapture) => Promise<PageCapture>;
  /** The text the user selected in the tab ('' for none): asked on a page without a person only. */
  selection?: () => Promise<string>;
}

export function createPageState(deps: PageDeps) {
  const tab = signal<TabCapture | null>(null);
  const phase = signal<PagePhase>('reading');
  const arrival = signal<Arrival>('full');
  /** The user has started doing something in the popup (a key, a click, a focused field). */
  const interacted = signal(false);
  /** The user is typing into the manual form shown while the page was silent. */
  const typingInManual = signal(false);
  const tabUrl = signal<string | undefined>(undefined);
  /** The popup opened another page of the site in the tab (its legal notice) to read that. */
  const opened = signal(false);
  /** The first paint has waited long enough for the page (or the page has answered). */
  const graceOver = signal(false);
  /** Who in the book the page is about; set anew when the page's person is saved. */
  const existing = signal<Contact | undefined>(undefined);
  /**
   * The people saved with the page's address who are not the page's: when several have it (a company's website),
   * or the one who has it when the page's person is no one saved under their name (a homepage whose name is written
   * otherwise than saved).
   */
  const sharing = signal<Holders | undefined>(undefined);
  let attempt = 0;

  /**
   * A page without a person gets whom the text the user selected names, the name its title suggests, and a site's
   * legal notice whom it names; the code that weighs them is loaded for such pages only (and for a notice).
   */
  async function withSuggestion(t: TabCapture): Promise<TabCapture> {
    if (t.kind !== 'page' || (t.page.capture && !t.page.imprint)) return t;
    const selection = t.page.capture || !deps.selection ? '' : await deps.selection().catch(() => '');
    return { ...t, page: await deps.suggest(selection ? { ...t.page, selection } : t.page) };
  }

  /**
   * Who in the book the page is about (`known`): its person, by the matching rule; a page without a person (a
   * homepage, a portfolio) by its own address where one person has it, so its manual form never adds a second
   * record of them. Who else has the page's address (`others`): several people (a company's website), or, on a page
   * whose person is no one saved, the one person who has that web address (a homepage of someone saved under another
   * name, or a colleague).
   */
  async function savedFor(page: PageCapture): Promise<{ known?: Contact; others?: Holders }> {
    const capture = page.capture;
    if (capture) {
      const known = await findContactFor(deps.db, draftFromCapture(capture, page.fromImprint));
      if (known || capture.site !== 'web') return { known };
      // One person with the address may be theirs under another name; of several (a company's site), none is.
      const others = await linkHolders(deps.db, { url: capture.profileUrl, site: 'web' }, 2);
      return others.count === 1 ? { others } : {};
    }
    // Whom the user selected: by the book's own matching rule (an email address, a profile, the name), as a capture.
    if (page.fromSelection) return { known: await findContactFor(deps.db, page.fromSelection) };
    const link = linkOfPage(page);
    // An address alone: never matched by a name (no name is asked for without a link).
    const holders = link && (await linkHolders(deps.db, link));
    return !holders
      ? {}
      : holders.count === 1
        ? { known: holders.people[0] }
        : holders.count
          ? { others: holders }
          : {};
  }

  const answered = () => phase.peek() === 'done';

  /**
   * Reads the page, once or again (Retry). After SLOW_PAGE_MS without an answer the phase says so (the popup
   * offers Retry and the manual form); an answer that comes later still counts, unless a later attempt already
   * answered. Tab, known person and phase change together, so the card is drawn once in its final content. With
   * `open`, the page at that address is opened in the tab first and read (the site's legal notice, asked for).
   */
  async function read(again = false, open?: string) {
    const mine = ++attempt;
    if (phase.value !== 'slow') phase.value = 'reading';
    if (open) {
      opened.value = true;
      // A page still loading is no page that does not answer: the bound counts from its load.
      await deps.open?.(open);
      if (mine !== attempt) return;
    }
    const timer = setTimeout(() => {
      if (mine === attempt && phase.value === 'reading') phase.value = 'slow';
    }, deps.slowMs ?? SLOW_PAGE_MS);
    try {
      const captured = await withSuggestion(await deps.capture(again));
      if (answered() && mine !== attempt) return;
      const found = captured.kind === 'page' ? await savedFor(captured.page) : {};
      performance.mark('popup:page-matched');
      if (answered() && mine !== attempt) return;
      batch(() => {
        // A page the user asked for is shown in full, however busy they were.
        arrival.value =
          phase.value === 'slow' && typingInManual.value ? 'fill' : interacted.value && !open ? 'folded' : 'full';
        tab.value = captured;
        existing.value = found.known;
        sharing.value = found.others;
        phase.value = 'done';
      });
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * The popup's first read of the page, the first paint's wait for it (settles after PAINT_GRACE_MS at most) and
   * the tab's address for the manual form.
   */
  function start(): { reading: Promise<void>; grace: Promise<void> } {
    const reading = read();
    const grace = new Promise<void>((ok) =>
      setTimeout(() => {
        graceOver.value = true;
        ok();
      }, deps.graceMs ?? PAINT_GRACE_MS),
    );
    void deps.tabUrl?.().then((url) => {
      tabUrl.value = url;
    });
    return { reading, grace };
  }

  return {
    tab,
    page: computed(() => (tab.value?.kind === 'page' ? tab.value.page : null)),
    phase,
    arrival,
    interacted,
    typingInManual,
    tabUrl,
    opened,
    graceOver,
    existing,
    sharing,
    read,
    start,
  };
}
