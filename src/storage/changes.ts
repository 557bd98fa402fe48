/**
 * Tells every other open view (popup, options tab, service worker) that contacts, settings, sync or the weekly
 * reminder's state changed, so none shows stale data. BroadcastChannel reaches all same-origin extension contexts
 * and never leaves the machine. A view has already refreshed after its own writes, so by default it does not hear
 * its own announcements (BroadcastChannel delivers them to every other channel object in the same page too). A
 * stopped service worker hears nothing: a broadcast does not start it (the pages tell it of their writes by a
 * message, ui/tell-worker.ts).
 */
export type Change = { kind: 'contacts' | 'settings' | 'sync' | 'reminder'; ids?: string[] };
type Message = Change & { from: string };

const CHANNEL = 'reconnect-changes';
/** This page's or worker's id, so its own announcements can be told apart. */
const SELF = Math.random().toString(36).slice(2);

export function announce(change: Change): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const ch = new BroadcastChannel(CHANNEL);
  ch.postMessage({ ...change, from: SELF } satisfies Message);
  ch.close();
}

/** Hears the announcements of other views (by default), of this one only, or all. */
export function onChange(
  listener: (change: Change) => void,
  { from = 'others' }: { from?: 'others' | 'self' | 'all' } = {},
): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const ch = new BroadcastChannel(CHANNEL);
  ch.onmessage = (e: MessageEvent<Message>) => {
    const { from: sender, ...change } = e.data;
    if (from === 'all' || (from === 'self') === (sender === SELF)) listener(change);
  };
  return () => ch.close();
}

/**
 * A view's read of what the announcements say changed, and its other updates (a patch of the people a write names),
 * one at a time in the order asked, so an earlier read never lands after a later one. The read asked for while it
 * waits to start is that one, which sees everything written before it starts: ten announcements during one read,
 * two reads, not ten.
 */
export function readQueue(read: () => Promise<void>) {
  let queue: Promise<void> = Promise.resolve();
  let waiting: Promise<void> | undefined;
  const after = (task: () => Promise<void>) => {
    queue = queue.then(task, task);
    return queue;
  };
  return {
    read: () =>
      (waiting ??= after(() => {
        // Started: what is written from now on may be missed by it, so the next ask queues another.
        waiting = undefined;
        return read();
      })),
    /** Another update, in order with the reads. */
    after,
  };
}

/** A read asked for again by each announcement, for a view with nothing else to queue beside it (readQueue). */
export const rereads = (read: () => Promise<void>): (() => Promise<void>) => readQueue(read).read;
