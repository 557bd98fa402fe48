/** Where capture/json-repair.ts leaves jsonrepair for the capture script (the extension's isolated world). */
export const JSON_REPAIR_GLOBAL = 'reconnectJsonRepair';

export type JsonRepair = (text: string) => string;

/** The repair function, when json-repair.js was injected first (or a test installed one); else undefined. */
export function jsonRepair(): JsonRepair | undefined {
  const fn = (globalThis as Record<string, unknown>)[JSON_REPAIR_GLOBAL];
  return typeof fn === 'function' ? (fn as JsonRepair) : undefined;
}
