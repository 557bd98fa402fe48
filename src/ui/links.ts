import { safeHttpUrl } from '../contacts/profile-url';

/** Only http(s), mailto and tel links are ever rendered; anything else (javascript:, data:) becomes no link. */
export function safeHref(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (/^(mailto|tel):/i.test(raw.trim())) return raw.trim();
  return safeHttpUrl(raw)?.href;
}

/** A new email to this address (the draft as its body); undefined for anything that is not one plain address. */
export function mailtoHref(email: string, body?: string): string | undefined {
  const address = email.trim();
  if (!/^[^\s@<>"?&#,;:/\\]+@[^\s@<>"?&#,;:/\\]+$/.test(address)) return undefined;
  return `mailto:${address}${body ? `?body=${encodeURIComponent(body)}` : ''}`;
}

/** A call to this number: its digits and a leading +, nothing else; undefined when fewer than three digits. */
export function telHref(phone: string): string | undefined {
  const digits = phone.trim().replace(/(?!^\+)[^\d]/g, '');
  return /\d{3,}/.test(digits) ? `tel:${digits}` : undefined;
}
