/**
 * Mastodon on any instance, recognised by the page (the app's root element, its initial-state JSON or its
 * application-name), never by a list of domains (Zotero's Mastodon translator does the same).
 * Profile pages are <instance>/@<user>; posts (/@user/123) are not profiles.
 */
import { cleanName, cleanText, cleanUrl, MAX } from '../clean';
import type { Found, SiteAdapter } from '../found';
import type { Page } from '../page';

interface Account {
  username?: unknown;
  acct?: unknown;
  display_name?: unknown;
  note?: unknown;
  avatar?: unknown;
  url?: unknown;
}

/** Accounts without an avatar get the server's default picture. */
const isRealPhoto = (url: string) => !/\/avatars\/original\/missing\.png$/.test(url);

function isMastodon(page: Page): boolean {
  const doc = page.doc;
  return (
    !!doc.querySelector('#mastodon, script#initial-state') ||
    page.meta('application-name').toLowerCase() === 'mastodon' ||
    /mastodon/i.test(doc.querySelector('meta[name="generator"]')?.getAttribute('content') ?? '')
  );
}

/** The account from the server-rendered initial state whose username is the one in the URL. */
function stateAccount(doc: Document, username: string): Account | null {
  const text = doc.querySelector('script#initial-state')?.textContent ?? '';
  if (!text || text.length > 2_000_000) return null;
  try {
    const state = JSON.parse(text) as { accounts?: Record<string, Account> };
    for (const a of Object.values(state.accounts ?? {})) {
      if (typeof a?.username === 'string' && a.username.toLowerCase() === username.toLowerCase()) return a;
    }
  } catch {
    // Unreadable state: the page's meta tags still describe the profile.
  }
  return null;
}

/** A bio as a role: its first sentence or line, without HTML. */
function roleFromBio(bio: string): string {
  const firstLine = bio.split(/\n|<br\s*\/?>|<\/p>/i)[0] ?? '';
  const text = cleanText(firstLine.replace(/<[^>]*>/g, ' '), MAX.role);
  return text.split(/(?<=[.!?])\s/)[0] ?? text;
}

export const mastodon = {
  id: 'mastodon',
  matches: isMastodon,
  extract(page) {
    const username = page.url.pathname.split('/')[1]?.replace(/^@/, '') ?? '';
    const account = stateAccount(page.doc, username);
    const found: Found = {};
    const name =
      cleanName(account?.display_name) ||
      cleanName(page.doc.querySelector('.account__header__tabs__name h1, .p-name')?.textContent) ||
      cleanName(page.meta('og:title'));
    if (name) found.name = name;
    const bio =
      typeof account?.note === 'string'
        ? account.note
        : page.meta('og:description') || page.doc.querySelector('.account__header__content')?.textContent || '';
    const role = roleFromBio(bio);
    if (role) found.role = role;
    const photo = cleanUrl(account?.avatar, page.href) || cleanUrl(page.meta('og:image'), page.href);
    if (photo && isRealPhoto(photo)) found.photoUrl = photo;
    return found;
  },
  accept: { photoUrl: isRealPhoto },
} satisfies SiteAdapter;
