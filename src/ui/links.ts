import { safeHttpUrl } from '../contacts/profile-url';

/** Only http(s), mailto and tel links are ever rendered; anything else (javascript:, data:) becomes no link. */
export function safeHref(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (/^(mailto|tel):/i.test(raw.trim())) return raw.trim();
  return safeHttpUrl(raw)?.href;
}
