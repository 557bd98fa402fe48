/**
 * The address book server's address as the user types it, and the host permission it needs. No network here:
 * the options page uses this before it asks the browser for the permission.
 */
import { SyncError } from './errors';

/** Loopback hosts: the one place plain HTTP is allowed (a server the user runs on this machine). */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A host name a server can have: a name of letters, digits, hyphens and dots (a name in other letters, Münster.de,
 * is already xn--mnster-3ya.de here), an IPv4 address, or an IPv6 address in brackets. Chromium's URL parser takes
 * "kein server" as the host "kein%20server", where Node's and Firefox's refuse it.
 */
const HOST = /^(?:[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?|\[[0-9a-f:.]+\])$/i;

/**
 * The server address as typed ("cloud.example.org", "https://cloud.example.org/remote.php/dav") made whole: https
 * unless a scheme is given, a trailing slash. Plain http only for loopback. A user name written into it
 * ("anna@cloud.example.org") is taken out, with any password (a browser refuses a request to such an address, and
 * the address is kept and shown as it is): `user`, for a user name field left empty.
 */
export function serverAddress(typed: string): { url: URL; user: string } {
  const url = wholeUrl(typed);
  let user = url.username;
  try {
    user = decodeURIComponent(user);
  } catch {
    // A % that starts no escape: the name as written.
  }
  url.username = '';
  url.password = '';
  return { url, user };
}

/** The server address as typed made whole (serverAddress, without the user name it may hold). */
export function serverUrl(typed: string): URL {
  return serverAddress(typed).url;
}

/** The address with a scheme, checked, without query or fragment, with a trailing slash. */
function wholeUrl(typed: string): URL {
  const t = typed.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? t : `https://${t}`);
  } catch {
    throw new SyncError('badAddress', `Not a server address: ${t}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SyncError('badAddress', t);
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) throw new SyncError('insecure', url.origin);
  if (!HOST.test(url.hostname)) throw new SyncError('badAddress', t);
  url.hash = '';
  url.search = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/**
 * The host permission to ask for to reach `origin`: its scheme and host, any port (Firefox supports no ports in
 * match patterns; Chrome matches a pattern without one on every port).
 */
export function originPattern(origin: string): string {
  const u = new URL(origin);
  return `${u.protocol}//${u.hostname}/*`;
}
