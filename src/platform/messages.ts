import { browser } from './browser';

/** Every message between extension contexts, with its request and response: one typed map. */
export interface MessageMap {
  /** The options page saved settings: the worker recomputes the weekly alarm at once. */
  'settings-changed': { request: Record<string, never>; response: { nextAt: number | null } };
  /** A page wrote contacts: the worker counts the badge again and sends them to the address book soon. */
  'contacts-changed': { request: Record<string, never>; response: null };
  /**
   * A popup's read of the search index found its copy for reading stale: the worker writes it anew (answering once
   * it is written), so it is there for the next popup even if this one is closed at once.
   */
  'search-copy-stale': { request: Record<string, never>; response: null };
}

export type MessageType = keyof MessageMap;
export type Message<T extends MessageType = MessageType> = { type: T } & MessageMap[T]['request'];

/**
 * What the worker's webextension-polyfill answers in Chrome when its listener rejects. The pages go without the
 * polyfill (platform/native-browser.ts), so they turn it back into the rejection the polyfill would have given.
 */
interface PolyfillRejection {
  __mozWebExtensionPolyfillReject__: true;
  message?: unknown;
}

function isRejection(reply: unknown): reply is PolyfillRejection {
  return typeof reply === 'object' && reply !== null && '__mozWebExtensionPolyfillReject__' in reply;
}

export async function send<T extends MessageType>(
  type: T,
  request: MessageMap[T]['request'],
): Promise<MessageMap[T]['response']> {
  const reply: unknown = await browser.runtime.sendMessage({ type, ...request });
  if (isRejection(reply)) throw new Error(typeof reply.message === 'string' ? reply.message : 'The worker failed');
  return reply as MessageMap[T]['response'];
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
