/**
 * Pages that are nobody's: the user's own mail, calendar, documents and chats in the browser, and a search engine's
 * results. A person met there (the sender of a mail, someone searched for) is added by hand or from what the page
 * shows, never with the page's address as their link: "mail.google.com/mail/u/0" would become the link of everyone
 * added from the mailbox, and the mailbox the page of the first of them.
 */
const hosts = (patterns: string[]) => new RegExp(`^(?:${patterns.join('|')})$`, 'i');

/** The user's own mail, calendar, documents and chats: a page's title there is a mail's subject or their own name. */
const appHosts = () =>
  hosts([
    // Webmail wherever it is hosted: a provider's (mail.ionos.de, webmail.strato.de, email.t-online.de), a company's
    // own Roundcube or Outlook on the web (webmail.example.com).
    String.raw`(?:web)?mail\.[\w.-]+|email\.[\w.-]+|outlook\.[\w.-]+`,
    // Mail and portals of the providers German speakers use, and Microsoft's, Apple's and Proton's apps.
    String.raw`(?:[\w-]+\.)*(?:web\.de|gmx\.(?:net|de|at|ch|com)|t-online\.de|freenet\.de|posteo\.de|mailbox\.org|tuta(?:nota)?\.com|proton(?:mail)?\.(?:me|com)|fastmail\.com|icloud\.com|live\.com|office(?:365)?\.com|cloud\.microsoft)`,
    // Google's apps (not sites.google.com, where people have their pages).
    String.raw`(?:calendar|docs|drive|meet|contacts|chat|keep|photos)\.google\.com`,
    String.raw`teams\.(?:microsoft|live)\.com|app\.slack\.com|web\.whatsapp\.com|web\.telegram\.org|(?:[\w-]+\.)?zoom\.us`,
  ]);

/** Search engines, Google's in every country: a results page's title is what was searched for, often a name. */
const searchHosts = () =>
  hosts([
    String.raw`(?:www\.)?(?:google\.[a-z]{2,3}(?:\.[a-z]{2})?|bing\.com|duckduckgo\.com|ecosia\.org|startpage\.com|qwant\.com)`,
    String.raw`(?:[\w-]+\.)?search\.yahoo\.com`,
  ]);

// Made on first use: a module every page and script loads makes nothing it does not ask for.
let APP: RegExp | undefined;
let SEARCH: RegExp | undefined;

/** Whether a page on this host is the user's own app (a mailbox, a calendar): its title names no one to add. */
export function appHost(host: string): boolean {
  APP ??= appHosts();
  return APP.test(host);
}

/** Whether a page on this host is no one's: the user's own app, or a search's results. */
export function nobodysHost(host: string): boolean {
  SEARCH ??= searchHosts();
  return appHost(host) || SEARCH.test(host);
}
