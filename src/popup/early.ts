/**
 * The popup's first work, started before the rest of its code is evaluated (index.tsx imports this module first,
 * and the bundle keeps that order): reading the page and opening the database run while the UI code loads.
 */
import { captureTab, targetTab } from '../platform/capture-tab';
import { nameCirclesInSearch } from '../platform/circles';
import { prepareFormats } from '../platform/i18n';
import { type DbEvent, openDatabase } from '../storage/db';

// Marks for `npm run bench` (test/bench/screen.bench.mjs), which reports where the popup's first time goes.
performance.mark('popup:start');

let handler: ((e: DbEvent) => void) | undefined;
const missed: DbEvent[] = [];

/** Where database events go once the view is ready for them; events before that are handed over then. */
export function onDatabaseEvent(h: (e: DbEvent) => void): void {
  handler = h;
  for (const e of missed.splice(0)) h(e);
}

/** The tab this popup is about, and its address: asked once, for the capture, a retry and the manual form's link. */
export const target = targetTab(location.search);
export const capturing = target.then(captureTab);
// Before the database is opened: an upgrade writes the search index's lines.
nameCirclesInSearch();
export const opening = openDatabase((e) => {
  if (handler) handler(e);
  else missed.push(e);
});

// In the wait for the database, not in the first screen's render: a fresh process's first formatter is slow.
setTimeout(prepareFormats);

// Both are awaited by the popup; these only keep a failure from being reported before it gets there.
capturing.then(() => performance.mark('popup:page-answered')).catch(() => {});
opening.then(() => performance.mark('popup:database-open')).catch(() => {});
