import { isEmailAddress, phoneDigits } from '../contacts/normalize';
import { safeHttpUrl } from '../contacts/profile-url';

/** Only http(s), mailto and tel links are ever rendered; anything else (javascript:, data:) becomes no link. */
export function safeHref(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (/^(mailto|tel):/i.test(raw.trim())) return raw.trim();
  return safeHttpUrl(raw)?.href;
}

/**
 * A new email to this address (the draft as its body); undefined for anything that is not one address. What an
 * address may hold but a mailto: link may not say as itself (RFC 6068: "?" would start the headers, "#" a fragment,
 * "%" an escape, and "&", "/", letters beyond ASCII…) is percent-encoded.
 */
export function mailtoHref(email: string, body?: string): string | undefined {
  if (!isEmailAddress(email)) return undefined;
  const address = email.trim().replace(/[^\w.~!$'()*+:@-]/gu, encodeURIComponent);
  return `mailto:${address}${body ? `?body=${encodeURIComponent(body)}` : ''}`;
}

/** The keys of a phone's keypad, 2 to 9, and the letters on each (ITU E.161). */
const KEYPAD = ['ABC', 'DEF', 'GHI', 'JKL', 'MNO', 'PQRS', 'TUV', 'WXYZ'];
const keyOf = (letter: string) => String(KEYPAD.findIndex((keys) => keys.includes(letter)) + 2);
const keys = (word: string) => [...word.toUpperCase()].map(keyOf).join('');
/** At most this many digits before a space and a word: too few for a number, so the word completes it. */
const SHORT_NUMBER = 6;

/**
 * A call to this number (RFC 3966): its digits and a leading +, nothing else, so "+49 (0)30 123 45-67" is
 * tel:+49301234567 (the "(0)" of an international number is the trunk prefix not dialled from abroad) and an
 * extension marked as one ("ext. 89", "x 89", "Durchwahl 89") is `;ext=89`; undefined when fewer than three digits.
 * A word joined to the digits ("0800-FLOWERS", "1-800-Flowers") is dialled as its keys spell it (0800-3569377),
 * as is a word after a number too short to be one ("0800 FLOWERS", "0800 Blumen": dialling 0800 alone calls
 * nobody); other words are notes ("mobil", "(Büro)", "MOBIL" after a whole number) and left out.
 */
export function telHref(phone: string): string | undefined {
  const [, main = '', ext] = /^(.*?)(?:\s*(?:ext\.?|x|durchwahl|dw\.?)\s*(\d+))?$/i.exec(phone.trim()) ?? [];
  let spelled = main.replace(/(?<=\d[-./]?)[a-z]{2,}(?!\p{L})/giu, keys);
  const apart = /^([\d\s+()./-]*\d)\s+([a-z]{3,})(?!\p{L})/iu.exec(spelled);
  if (apart?.[1] && apart[2] && apart[1].replace(/\D/g, '').length <= SHORT_NUMBER)
    spelled = `${apart[1]}${keys(apart[2])}${spelled.slice(apart[0].length)}`;
  const digits = phoneDigits(spelled);
  return /\d{3,}/.test(digits) ? `tel:${digits}${ext ? `;ext=${ext}` : ''}` : undefined;
}
