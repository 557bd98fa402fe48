import { browser } from './browser';

/** Every message between extension contexts, with its request and response: one typed map. */
export interface MessageMap {
  /** The options page saved settings: the worker recomputes the weekly alarm at once. */
  'settings-changed': { request: Record<string, never>; response: { nextAt: number | null } };
}

export type MessageType = keyof MessageMap;
export type Message<T extends MessageType = MessageType> = { type: T } & MessageMap[T]['request'];

export function send<T extends MessageType>(
  type: T,
  request: MessageMap[T]['request'],
): Promise<MessageMap[T]['response']> {
  return browser.runtime.sendMessage({ type, ...request }) as Promise<MessageMap[T]['response']>;
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
