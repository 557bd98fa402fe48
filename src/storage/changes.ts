/**
 * Tells every other open view (popup, options tab, service worker) that contacts or settings changed, so none
 * shows stale data. BroadcastChannel reaches all same-origin extension contexts and never leaves the machine.
 */
export type Change = { kind: 'contacts' | 'settings'; ids?: string[] };

const CHANNEL = 'reconnect-changes';

export function announce(change: Change): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const ch = new BroadcastChannel(CHANNEL);
  ch.postMessage(change);
  ch.close();
}

export function onChange(listener: (change: Change) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const ch = new BroadcastChannel(CHANNEL);
  ch.onmessage = (e: MessageEvent<Change>) => listener(e.data);
  return () => ch.close();
}
