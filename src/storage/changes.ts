/**
 * Tells every other open view (popup, options tab, service worker) that contacts or settings changed, so none
 * shows stale data. BroadcastChannel reaches all same-origin extension contexts and never leaves the machine.
 * A view has already refreshed after its own writes, so by default it does not hear its own announcements
 * (BroadcastChannel delivers them to every other channel object in the same page too).
 */
export type Change = { kind: 'contacts' | 'settings' | 'sync'; ids?: string[] };
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

export function onChange(listener: (change: Change) => void, { includeOwn = false } = {}): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const ch = new BroadcastChannel(CHANNEL);
  ch.onmessage = (e: MessageEvent<Message>) => {
    const { from, ...change } = e.data;
    if (includeOwn || from !== SELF) listener(change);
  };
  return () => ch.close();
}

/**
 * A view's read of what the announcements say changed, asked for again with each one (a sync announces every step):
 * one read at a time, in the order asked, so an earlier read never lands after a later one; and asked for while a
 * read waits to start, it is that read, which sees everything written before it starts (ten announcements during
 * one read: two reads, not ten).
 */
export function rereads(read: () => Promise<void>): () => Promise<void> {
  let queue: Promise<void> = Promise.resolve();
  let waiting: Promise<void> | undefined;
  const start = () => {
    waiting = undefined;
    return read();
  };
  return () => {
    if (!waiting) {
      waiting = queue.then(start, start);
      queue = waiting;
    }
    return waiting;
  };
}
