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
