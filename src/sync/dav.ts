/**
 * The edge to the user's CardDAV server: discovery (RFC 6764, current-user-principal, addressbook-home-set), the
 * address books, sync-collection (RFC 6578), multiget, and the card writes with their preconditions. WebDAV's XML
 * is built and parsed by tsdav; this module adds what tsdav leaves to its callers: every HTTP failure becomes a
 * SyncError with a code the views put into words, an expired token (403 valid-sync-token) or a truncated answer
 * (507) is said as such, and no request leaves for an origin the user did not allow.
 */
import { addressBookMultiGet, type DAVResponse, davRequest, propfind } from 'tsdav';
import { originPattern, serverAddress, serverUrl } from './address';
import { SyncError } from './errors';

export { originPattern, SyncError, serverAddress, serverUrl };

export interface Credentials {
  username: string;
  password: string;
}

export interface AddressBook {
  url: string;
  name: string;
  /** The user may read but not write it. */
  readOnly: boolean;
  syncToken?: string;
}

export interface CardRef {
  href: string;
  etag: string;
}

export interface FetchedCard extends CardRef {
  text: string;
}

const text = (v: unknown): string => {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') {
    const o = v as { _cdata?: unknown; _text?: unknown };
    return text(o._cdata ?? o._text ?? '');
  }
  return String(v);
};

const hrefOf = (v: unknown): string => text((v as { href?: unknown })?.href ?? v);

/**
 * Whether a collection's privileges (RFC 3744 current-user-privilege-set) let the user write into it; undefined
 * where the server does not say.
 */
function mayWrite(r: DAVResponse): boolean | undefined {
  const set = r.props?.currentUserPrivilegeSet;
  return set ? /"(all|write|writeContent|bind)"/.test(JSON.stringify(set)) : undefined;
}

export interface DavOptions {
  credentials: Credentials;
  /** Origins requests may go to; any other is refused before it is sent. */
  origins: string[];
  fetch?: typeof fetch;
}

/** A CardDAV client for one account. */
export class Dav {
  private readonly request: typeof fetch;

  constructor(options: DavOptions) {
    const base = options.fetch ?? fetch;
    const auth = `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${options.credentials.username}:${options.credentials.password}`)))}`;
    this.request = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (!options.origins.includes(url.origin)) throw new SyncError('elsewhere', url.origin);
      const headers = new Headers(init?.headers);
      headers.set('Authorization', auth);
      let res: Response;
      try {
        res = await base(url.href, { ...init, headers, credentials: 'omit', cache: 'no-store', redirect: 'follow' });
      } catch (e) {
        // Refused, unresolvable, offline, or a certificate the browser does not trust: fetch cannot tell which.
        throw new SyncError('unreachable', String(e));
      }
      // A redirect may lead elsewhere (iCloud keeps each book on a host of its own): say where, send nothing more.
      if (res.url && !options.origins.includes(new URL(res.url).origin))
        throw new SyncError('elsewhere', new URL(res.url).origin);
      if (res.status === 401) throw new SyncError('auth', 'The server refused the user name or password', 401);
      return res;
    };
  }

  private fail(r: Pick<DAVResponse, 'status' | 'statusText' | 'raw'>, what: string): never {
    const raw = typeof r.raw === 'string' ? r.raw : '';
    if (r.status === 403 && raw.includes('valid-sync-token')) throw new SyncError('tokenExpired', what, 403);
    if (r.status === 507) throw new SyncError('truncated', what, 507);
    if (r.status === 403) throw new SyncError('readOnly', `${what}: forbidden`, 403);
    if (r.status === 404) throw new SyncError('notFound', `${what}: not found`, 404);
    if (r.status === 412) throw new SyncError('preconditionFailed', what, 412);
    if (r.status >= 500) throw new SyncError('server', `${what}: ${r.status} ${r.statusText}`, r.status);
    throw new SyncError('failed', `${what}: ${r.status} ${r.statusText}`, r.status);
  }

  /** A PROPFIND that must answer with a multistatus; the responses that came with a 2xx status. */
  private async props(url: string, props: Record<string, unknown>, depth: '0' | '1'): Promise<DAVResponse[]> {
    const res = await propfind({ url, props, depth, fetch: this.request });
    const first = res[0];
    if (!first) return [];
    if (!first.raw || typeof first.raw === 'string') {
      // Not a WebDAV answer at all (an HTML page, 405…): not a CardDAV server, or the wrong address.
      if ((first.status >= 200 && first.status < 300) || first.status === 405 || first.status === 404)
        throw new SyncError('notCardDav', `${url}: ${first.status}`, first.status);
      this.fail(first, `PROPFIND ${url}`);
    }
    return res;
  }

  /**
   * The user's address books, found from the server address alone: `.well-known/carddav` (RFC 6764), then the
   * address itself, then the root; current-user-principal → addressbook-home-set → its address books.
   */
  async discover(server: URL): Promise<{ home: string; books: AddressBook[] }> {
    const candidates = [
      new URL('/.well-known/carddav', server).href,
      ...(server.pathname !== '/' ? [server.href] : []),
      new URL('/', server).href,
    ];
    let principal = '';
    let last: unknown;
    for (const at of candidates) {
      try {
        const [r] = await this.props(at, { 'd:current-user-principal': {} }, '0');
        const href = hrefOf(r?.props?.currentUserPrincipal);
        if (href) {
          principal = new URL(href, at).href;
          break;
        }
      } catch (e) {
        if (e instanceof SyncError && (e.code === 'auth' || e.code === 'unreachable' || e.code === 'elsewhere'))
          throw e;
        last = e;
      }
    }
    if (!principal)
      throw last instanceof SyncError
        ? new SyncError('notCardDav', last.message)
        : new SyncError('notCardDav', server.href);
    const [p] = await this.props(principal, { 'card:addressbook-home-set': {} }, '0');
    const homeHref = hrefOf(p?.props?.addressbookHomeSet);
    if (!homeHref) throw new SyncError('notCardDav', `${principal} has no address book home`);
    const home = new URL(homeHref, principal).href;
    return { home, books: await this.books(home) };
  }

  /** The address books in a home collection. */
  async books(home: string): Promise<AddressBook[]> {
    const res = await this.props(
      home,
      {
        'd:resourcetype': {},
        'd:displayname': {},
        'd:sync-token': {},
        'd:current-user-privilege-set': {},
      },
      '1',
    );
    return res
      .filter((r) => r.ok && r.props?.resourcetype && 'addressbook' in (r.props.resourcetype as object))
      .map((r) => {
        const url = new URL(text(r.href), home).href;
        const token = text(r.props?.syncToken);
        return {
          url: url.endsWith('/') ? url : `${url}/`,
          name: text(r.props?.displayname) || decodeURIComponent(url.split('/').filter(Boolean).pop() ?? ''),
          // Servers that do not say what the user may do are taken at their word when a write fails.
          readOnly: mayWrite(r) === false,
          ...(token ? { syncToken: token } : {}),
        };
      });
  }

  /** Creates an address book named `name` in the home collection (MKCOL, RFC 5689). */
  async createBook(home: string, name: string): Promise<AddressBook> {
    const slug = `${
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'book'
    }-${Date.now().toString(36)}`;
    const url = new URL(`${slug}/`, home).href;
    const [r] = await davRequest({
      url,
      init: {
        method: 'MKCOL',
        namespace: 'd',
        body: {
          mkcol: {
            _attributes: { 'xmlns:d': 'DAV:', 'xmlns:card': 'urn:ietf:params:xml:ns:carddav' },
            set: { prop: { resourcetype: { collection: {}, 'card:addressbook': {} }, displayname: name } },
          },
        },
      },
      fetch: this.request,
    });
    if (r && !r.ok) this.fail(r, `MKCOL ${url}`);
    return { url, name, readOnly: false };
  }

  /** Whether the user may write cards into the book now, as the server says (undefined: it does not say). */
  async mayWriteIn(book: string): Promise<boolean | undefined> {
    const [r] = await this.props(book, { 'd:current-user-privilege-set': {} }, '0');
    return r && mayWrite(r);
  }

  /** The book's current sync token and CTag (one PROPFIND of two properties); either may be missing. */
  async collectionTags(book: string): Promise<{ token?: string; ctag?: string }> {
    const [r] = await this.props(book, { 'd:sync-token': {}, 'cs:getctag': {} }, '0');
    const token = text(r?.props?.syncToken);
    const ctag = text(r?.props?.getctag);
    return { ...(token ? { token } : {}), ...(ctag ? { ctag } : {}) };
  }

  /**
   * What changed since `token` (everything, without one): cards added or changed with their ETags, hrefs removed,
   * and the new token. An expired token throws 'tokenExpired', a truncated answer 'truncated': the caller then
   * compares the whole listing instead.
   */
  async changesSince(
    book: string,
    token: string | undefined,
  ): Promise<{ changed: CardRef[]; removed: string[]; token: string }> {
    const res = await davRequest({
      url: book,
      init: {
        method: 'REPORT',
        namespace: 'd',
        // RFC 6578 §3.2: Depth 0; how deep the report goes is said by sync-level.
        headers: { Depth: '0' },
        body: {
          'sync-collection': {
            _attributes: { 'xmlns:d': 'DAV:' },
            'sync-token': token ?? '',
            'sync-level': 1,
            'd:prop': { 'd:getetag': {} },
          },
        },
      },
      fetch: this.request,
    });
    const first = res[0];
    if (first && !first.ok && (!first.raw || typeof first.raw === 'string')) this.fail(first, `REPORT ${book}`);
    const multistatus = (first?.raw as { multistatus?: { syncToken?: unknown } } | undefined)?.multistatus;
    if (!multistatus) throw new SyncError('notCardDav', `REPORT ${book}: no multistatus`);
    const changed: CardRef[] = [];
    const removed: string[] = [];
    for (const r of res) {
      if (!r.href) continue;
      const href = new URL(text(r.href), book).href;
      if (href === book) continue;
      if (r.status === 404) removed.push(href);
      else if (r.status === 507) throw new SyncError('truncated', `REPORT ${book}`, 507);
      else if (r.ok) changed.push({ href, etag: text(r.props?.getetag) });
    }
    const next = text(multistatus.syncToken);
    if (!next) throw new SyncError('notCardDav', `REPORT ${book}: no sync token`);
    return { changed, removed, token: next };
  }

  /** Every card in the book with its ETag (for servers without sync-collection, or after a token expired). */
  async listing(book: string): Promise<CardRef[]> {
    const res = await this.props(book, { 'd:getetag': {}, 'd:resourcetype': {} }, '1');
    return res.flatMap((r) => {
      const href = new URL(text(r.href), book).href;
      const etag = text(r.props?.getetag);
      return href !== book && r.ok && etag ? [{ href, etag }] : [];
    });
  }

  /** The cards at these hrefs, in one request (addressbook-multiget); cards gone since are left out. */
  async fetchCards(book: string, hrefs: string[]): Promise<FetchedCard[]> {
    if (!hrefs.length) return [];
    let res: DAVResponse[];
    try {
      res = await addressBookMultiGet({
        url: book,
        props: { 'd:getetag': {}, 'card:address-data': {} },
        objectUrls: hrefs.map((h) => new URL(h).pathname),
        depth: '1',
        fetch: this.request,
      });
    } catch (e) {
      if (e instanceof SyncError) throw e;
      // tsdav throws a plain Error for an answer that is not a success; its message carries the status.
      const status = Number(/failed: (\d{3})/.exec(String(e))?.[1]);
      this.fail({ status: status || 500, statusText: String(e), raw: String(e) }, `REPORT multiget ${book}`);
    }
    return res.flatMap((r) => {
      const data = text(r.props?.addressData);
      return r.ok && r.href && data
        ? [{ href: new URL(text(r.href), book).href, etag: text(r.props?.getetag), text: data }]
        : [];
    });
  }

  /** One card, or null when it is gone. */
  async get(href: string): Promise<FetchedCard | null> {
    const res = await this.request(href, { method: 'GET', headers: { Accept: 'text/vcard' } });
    if (res.status === 404 || res.status === 410) return null;
    if (!res.ok) this.fail({ status: res.status, statusText: res.statusText, raw: '' }, `GET ${href}`);
    return { href, etag: res.headers.get('ETag') ?? '', text: await res.text() };
  }

  /**
   * Writes a card: a create with If-None-Match: * (a card already there answers 412), an update with If-Match (a
   * card changed since answers 412). Returns the new ETag, or '' when the server gave none.
   */
  async put(href: string, card: string, etag: string | null): Promise<string> {
    const headers: Record<string, string> = { 'Content-Type': 'text/vcard; charset=utf-8' };
    if (etag) headers['If-Match'] = etag;
    else headers['If-None-Match'] = '*';
    const res = await this.request(href, { method: 'PUT', headers, body: card });
    if (res.status === 412) throw new SyncError('preconditionFailed', `PUT ${href}`, 412);
    if (res.status === 404 || res.status === 410) throw new SyncError('gone', `PUT ${href}`, res.status);
    if (!res.ok) this.fail({ status: res.status, statusText: res.statusText, raw: await res.text() }, `PUT ${href}`);
    return res.headers.get('ETag') ?? '';
  }

  /** Deletes a card if it is still as we knew it (If-Match); a card already gone is fine. */
  async delete(href: string, etag: string): Promise<void> {
    const res = await this.request(href, { method: 'DELETE', headers: etag ? { 'If-Match': etag } : {} });
    if (res.status === 412) throw new SyncError('preconditionFailed', `DELETE ${href}`, 412);
    if (res.ok || res.status === 404 || res.status === 410) return;
    this.fail({ status: res.status, statusText: res.statusText, raw: await res.text() }, `DELETE ${href}`);
  }
}
