/**
 * The CardDAV edge (src/sync/dav.ts) against real servers started here: Radicale and Xandikos from Debian, each on
 * a free loopback port with its own folder.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Dav, originPattern, SyncError, serverAddress, serverUrl } from '../../src/sync/dav';
// @ts-expect-error: a plain ES module shared with the end-to-end tests
import { phone, startRadicale, startXandikos } from '../support/dav-servers.mjs';

type Server = Awaited<ReturnType<typeof startRadicale>>;
const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.remove();
});

const card = (uid: string, name: string) => `BEGIN:VCARD\r\nVERSION:4.0\r\nUID:${uid}\r\nFN:${name}\r\nEND:VCARD\r\n`;

describe('the test servers themselves', () => {
  it('a server that started but could not be made ready is stopped, not left running with the test run', async () => {
    const first = await startRadicale();
    servers.push(first);
    await first.stop();
    // The same folder again: its address book exists, so making it once more (MKCOL) is refused.
    await expect(startRadicale({ port: first.port, dir: first.dir })).rejects.toThrow(/MKCOL/);
    // Nothing answers on its port any more.
    const answers = await fetch(first.origin).then(
      () => true,
      () => false,
    );
    expect(answers).toBe(false);
  });
});

describe('server addresses', () => {
  it.each([
    ['cloud.example.org', 'https://cloud.example.org/'],
    ['https://cloud.example.org/remote.php/dav', 'https://cloud.example.org/remote.php/dav/'],
    ['http://127.0.0.1:5232', 'http://127.0.0.1:5232/'],
    ['http://localhost:8080/dav/', 'http://localhost:8080/dav/'],
    ['Münster-Cloud.de', 'https://xn--mnster-cloud-dlb.de/'],
    ['http://[::1]:5232/dav', 'http://[::1]:5232/dav/'],
    ['https://192.168.1.20/dav', 'https://192.168.1.20/dav/'],
  ])('%s → %s', (typed, want) => {
    expect(serverUrl(typed).href).toBe(want);
  });

  it.each([
    ['http://cloud.example.org', 'insecure'],
    ['ftp://x.example.org', 'badAddress'],
    ['http://', 'badAddress'],
    // A host with a space, or other characters no host name has (Chromium's URL parser keeps them, encoded).
    ['kein server', 'badAddress'],
    ['https://cloud!example.org', 'badAddress'],
    ['https://kein%20server/', 'badAddress'],
  ])('%s is refused (%s)', (typed, code) => {
    expect(() => serverUrl(typed)).toThrow(expect.objectContaining({ code }));
  });

  it('a user name (and password) written into the address is taken out of it, the user name kept apart', () => {
    const typed = (address: string) => {
      const { url, user } = serverAddress(address);
      return [url.href, user];
    };
    expect(typed('anna@cloud.example.org')).toEqual(['https://cloud.example.org/', 'anna']);
    expect(typed('https://anna%40example.org:geheim@cloud.example.org/dav')).toEqual([
      'https://cloud.example.org/dav/',
      'anna@example.org',
    ]);
    expect(typed('https://an%zzna@cloud.example.org/')).toEqual(['https://cloud.example.org/', 'an%zzna']);
    expect(typed('cloud.example.org')).toEqual(['https://cloud.example.org/', '']);
    expect(serverUrl('anna@cloud.example.org').href).toBe('https://cloud.example.org/');
  });

  it('asks for the origin without its port (Firefox has no ports in match patterns)', () => {
    expect(originPattern('http://127.0.0.1:5232')).toBe('http://127.0.0.1/*');
    expect(originPattern('https://cloud.example.org')).toBe('https://cloud.example.org/*');
  });
});

describe.each([
  // Xandikos 0.2.8 answers an unknown sync token with 500 (a server error); the engine meets both the same way,
  // with a full comparison of the listing.
  ['Radicale', () => startRadicale({ rights: true }), 'tokenExpired'],
  ['Xandikos', startXandikos, 'server'],
])('the CardDAV edge against %s', (_, start, badToken) => {
  async function setup() {
    const server = await start();
    servers.push(server);
    const dav = new Dav({
      credentials: { username: server.user, password: server.password },
      origins: [server.origin],
    });
    return { server, dav };
  }

  it('discovers the address book from the host alone (.well-known)', async () => {
    const { server, dav } = await setup();
    const found = await dav.discover(serverUrl(server.origin));
    expect(found.books.map((b) => b.url)).toContain(server.book);
    expect(found.books.find((b) => b.url === server.book)?.readOnly).toBe(false);
  });

  it('says whether the user may write into a book (its privileges); a book made read-only since is said so', async () => {
    const { server, dav } = await setup();
    expect(await dav.mayWriteIn(server.book)).toBe(true);
    if (!server.writable) return; // Xandikos lets anyone write: nothing to take away.
    server.writable(false);
    expect(await dav.mayWriteIn(server.book)).toBe(false);
    const { books } = await dav.discover(serverUrl(server.origin));
    expect(books.find((b) => b.url === server.book)?.readOnly).toBe(true);
    await expect(dav.put(`${server.book}a.vcf`, card('a', 'Anna Alt'), null)).rejects.toMatchObject({
      code: 'readOnly',
    });
  });

  it('creates a book named Reconnect', async () => {
    const { server, dav } = await setup();
    const { home } = await dav.discover(serverUrl(server.origin));
    const book = await dav.createBook(home, 'Reconnect');
    expect((await dav.books(home)).map((b) => [b.url, b.name])).toContainEqual([book.url, 'Reconnect']);
  });

  it('creates with If-None-Match, updates with If-Match; stale preconditions answer 412', async () => {
    const { server, dav } = await setup();
    const href = `${server.book}a.vcf`;
    const etag = await dav.put(href, card('a', 'Anna'), null);
    await expect(dav.put(href, card('a', 'Anna again'), null)).rejects.toMatchObject({ code: 'preconditionFailed' });
    const current = etag || (await dav.get(href))?.etag || '';
    const next = await dav.put(href, card('a', 'Anna Neu'), current);
    await expect(dav.put(href, card('a', 'stale'), current)).rejects.toMatchObject({ code: 'preconditionFailed' });
    await expect(dav.delete(href, current)).rejects.toMatchObject({ code: 'preconditionFailed' });
    expect((await dav.get(href))?.text).toContain('FN:Anna Neu');
    await dav.delete(href, next || (await dav.get(href))?.etag || '');
    expect(await dav.get(href)).toBeNull();
  });

  it('sync-collection: everything, then only what changed, deletes as removed hrefs', async () => {
    const { server, dav } = await setup();
    const p = phone(server);
    await p.put('a.vcf', card('a', 'Anna'));
    await p.put('b.vcf', card('b', 'Ben'));
    const first = await dav.changesSince(server.book, undefined);
    expect(first.changed.map((c) => c.href).sort()).toEqual([`${server.book}a.vcf`, `${server.book}b.vcf`]);
    const quiet = await dav.changesSince(server.book, first.token);
    expect([quiet.changed, quiet.removed]).toEqual([[], []]);
    await p.put('a.vcf', card('a', 'Anna Neu'));
    await p.delete('b.vcf');
    const next = await dav.changesSince(server.book, quiet.token);
    expect(next.changed.map((c) => c.href)).toEqual([`${server.book}a.vcf`]);
    expect(next.removed).toEqual([`${server.book}b.vcf`]);
    const fetched = await dav.fetchCards(server.book, [`${server.book}a.vcf`]);
    expect(fetched[0]?.text).toContain('FN:Anna Neu');
    expect(fetched[0]?.etag).toBe(next.changed[0]?.etag);
    expect((await dav.listing(server.book)).map((c) => c.href)).toEqual([`${server.book}a.vcf`]);
  });

  it('an unknown sync token is refused (expired, or a server error)', async () => {
    const { server, dav } = await setup();
    await expect(dav.changesSince(server.book, 'http://example.org/ns/sync/not-a-token')).rejects.toMatchObject({
      code: badToken,
    });
  });
});

describe('what goes wrong, said clearly', () => {
  it('a wrong password is "auth"', async () => {
    const server = await startRadicale();
    servers.push(server);
    const dav = new Dav({ credentials: { username: 'jane', password: 'wrong' }, origins: [server.origin] });
    await expect(dav.discover(serverUrl(server.origin))).rejects.toMatchObject({ code: 'auth' });
  });

  it('nobody listening is "unreachable"', async () => {
    const dav = new Dav({ credentials: { username: 'a', password: 'b' }, origins: ['http://127.0.0.1:9'] });
    await expect(dav.discover(serverUrl('http://127.0.0.1:9'))).rejects.toMatchObject({ code: 'unreachable' });
  });

  it('a request outside the allowed origins is never sent', async () => {
    let sent = 0;
    const dav = new Dav({
      credentials: { username: 'a', password: 'b' },
      origins: ['https://cloud.example.org'],
      fetch: async () => {
        sent++;
        return new Response('');
      },
    });
    await expect(dav.get('https://elsewhere.example.org/x.vcf')).rejects.toBeInstanceOf(SyncError);
    expect(sent).toBe(0);
  });

  it('a web server that is not CardDAV is "notCardDav"', async () => {
    const dav = new Dav({
      credentials: { username: 'a', password: 'b' },
      origins: ['https://www.example.org'],
      fetch: async () => new Response('<html>Hello</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
    });
    await expect(dav.discover(serverUrl('https://www.example.org'))).rejects.toMatchObject({ code: 'notCardDav' });
  });
});
