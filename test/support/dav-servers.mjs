// CardDAV servers for tests: Debian's Radicale and Xandikos (apt-get install radicale xandikos), each started on a
// free loopback port with a temporary folder, and stopped by its process. Used by the integration tests, the
// end-to-end tests and the sync benchmark.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A port nothing listens on now. */
export function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

async function listening(port, child, name, log) {
  const end = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}): ${log()}`);
    const up = await new Promise((ok) => {
      const c = connect(port, '127.0.0.1', () => {
        c.end();
        ok(true);
      });
      c.on('error', () => ok(false));
    });
    if (up) return;
    if (Date.now() > end) throw new Error(`${name} did not start: ${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Waits until the server answers, then for `ready`. One that fails is stopped: the caller gets no handle to stop it,
 * and a process left running would keep the test run from ending.
 */
async function started(server, child, ready = async () => {}) {
  try {
    await listening(server.port, child, server.name, server.log);
    await ready();
  } catch (e) {
    await server.stop();
    throw e;
  }
}

function run(name, command, args, port, dir) {
  let out = '';
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => (out = (out + d).slice(-4000)));
  child.stderr.on('data', (d) => (out = (out + d).slice(-4000)));
  child.on('error', (e) => (out += String(e)));
  const server = {
    name,
    port,
    dir,
    origin: `http://127.0.0.1:${port}`,
    log: () => out,
    /** Stops the server (its data stays in `dir` until remove()). */
    async stop() {
      if (child.exitCode !== null || child.signalCode) return;
      const exited = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null && !child.signalCode) child.kill('SIGKILL');
    },
    async remove() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return { child, server };
}

/**
 * Radicale with one user (htpasswd, plain) and an empty address book at /<user>/contacts/.
 * `port` and `dir` restart a stopped server on the same data; `maxContentLength` is the largest request body it takes
 * (its own setting; a larger one gets 413). With `rights`, who may do what is Radicale's rights file (read at each
 * request), its owner-only rules at the start; `server.writable(false)` makes the user's address books read-only
 * for them (a PUT gets 403, and their privileges say it), `writable(true)` writable again.
 */
export async function startRadicale({
  user = 'jane',
  password = 'secret',
  port,
  dir,
  book = true,
  maxContentLength,
  rights = false,
} = {}) {
  dir ??= mkdtempSync(join(tmpdir(), 'reconnect-radicale-'));
  port ??= await freePort();
  writeFileSync(join(dir, 'users'), `${user}:${password}\n`);
  writeFileSync(
    join(dir, 'config'),
    `[server]\nhosts = 127.0.0.1:${port}\n${maxContentLength ? `max_content_length = ${maxContentLength}\n` : ''}[auth]\ntype = htpasswd\nhtpasswd_filename = ${join(dir, 'users')}\nhtpasswd_encryption = plain\n${rights ? `[rights]\ntype = from_file\nfile = ${join(dir, 'rights')}\n` : ''}[storage]\nfilesystem_folder = ${join(dir, 'collections')}\n[logging]\nlevel = warning\n`,
  );
  // Radicale's owner-only rules as a rights file: the root to read, the user's own collection, their books.
  const writable = (yes) =>
    writeFileSync(
      join(dir, 'rights'),
      `[root]\nuser: .+\ncollection:\npermissions: R\n\n[principal]\nuser: .+\ncollection: {user}\npermissions: RW\n\n[books]\nuser: .+\ncollection: {user}/[^/]+\npermissions: ${yes ? 'rw' : 'r'}\n`,
    );
  if (rights) writable(true);
  const { child, server } = run('radicale', '/usr/bin/radicale', ['--config', join(dir, 'config')], port, dir);
  if (rights) server.writable = writable;
  server.user = user;
  server.password = password;
  server.book = `${server.origin}/${user}/contacts/`;
  await started(server, child, () => (book ? makeBook(server.book, { user, password }) : undefined));
  return server;
}

/** Xandikos with its default address book (/user/contacts/addressbook/); no authentication. */
export async function startXandikos({ port, dir } = {}) {
  dir ??= mkdtempSync(join(tmpdir(), 'reconnect-xandikos-'));
  port ??= await freePort();
  const { child, server } = run(
    'xandikos',
    '/usr/bin/xandikos',
    ['-d', dir, '--defaults', '-l', '127.0.0.1', '-p', String(port)],
    port,
    dir,
  );
  await started(server, child);
  server.user = 'user';
  server.password = 'unused';
  server.book = `${server.origin}/user/contacts/addressbook/`;
  return server;
}

const auth = ({ user, password }) => ({
  Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
});

/** Creates an address book (MKCOL), as a user's other client would. */
export async function makeBook(url, who) {
  const res = await fetch(url, {
    method: 'MKCOL',
    headers: { ...auth(who), 'Content-Type': 'application/xml' },
    body: `<?xml version="1.0"?><d:mkcol xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav"><d:set><d:prop><d:resourcetype><d:collection/><c:addressbook/></d:resourcetype><d:displayname>Contacts</d:displayname></d:prop></d:set></d:mkcol>`,
  });
  if (res.status !== 201) throw new Error(`MKCOL ${url}: ${res.status} ${await res.text()}`);
}

/** A plain HTTP client, as a phone would be: PUT, GET, DELETE one card. */
export function phone(server) {
  const who = { user: server.user, password: server.password };
  return {
    async put(name, card, headers = {}) {
      const res = await fetch(`${server.book}${name}`, {
        method: 'PUT',
        headers: { ...auth(who), 'Content-Type': 'text/vcard; charset=utf-8', ...headers },
        body: card,
      });
      if (!res.ok) throw new Error(`PUT ${name}: ${res.status} ${await res.text()}`);
      return res.headers.get('etag');
    },
    async get(name) {
      const res = await fetch(`${server.book}${name}`, { headers: auth(who) });
      return res.status === 404 ? null : { etag: res.headers.get('etag'), text: await res.text() };
    },
    async delete(name) {
      const res = await fetch(`${server.book}${name}`, { method: 'DELETE', headers: auth(who) });
      if (!res.ok && res.status !== 404) throw new Error(`DELETE ${name}: ${res.status}`);
    },
    /** Every card's href and text (PROPFIND for the hrefs, then GET each). */
    async all() {
      const res = await fetch(server.book, {
        method: 'PROPFIND',
        headers: { ...auth(who), Depth: '1', 'Content-Type': 'application/xml' },
        body: '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>',
      });
      const xml = await res.text();
      const hrefs = [...xml.matchAll(/<(?:\w+:)?href>([^<]+)<\/(?:\w+:)?href>/g)]
        .map((m) => m[1])
        .filter((h) => h.endsWith('.vcf'));
      const cards = [];
      for (const h of hrefs) {
        const name = decodeURIComponent(h.split('/').pop());
        const r = await this.get(name);
        if (r) cards.push({ name, ...r });
      }
      return cards;
    },
  };
}

/**
 * A switchable way to the server: a loopback proxy that passes every request on until `cut()`, after which every
 * connection is dropped as if the server had gone away, until `mend()`. `onRequest(method, url)` may cut it at an
 * exact moment (say, after the first multiget). `refuse(method, status)` answers every request of that method with
 * that status itself, as a server that will not do it (a card locked: DELETE → 423), until `refuse(method)`.
 */
export async function cuttable(server, onRequest = () => {}) {
  const { createServer: createHttp, request } = await import('node:http');
  let cut = false;
  const refusals = new Map();
  const proxy = createHttp((req, res) => {
    if (cut) return req.socket.destroy();
    const refused = refusals.get(req.method);
    if (refused && req.url.includes(refused.only)) {
      req.resume();
      res.writeHead(refused.status, { 'Content-Type': 'text/plain' });
      return res.end(`refused by the test's proxy: ${req.method} ${req.url}`);
    }
    const up = request(
      { host: '127.0.0.1', port: server.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('end', () => onRequest(req.method, req.url, api));
      },
    );
    up.on('error', () => req.socket.destroy());
    req.pipe(up);
  });
  const port = await freePort();
  await new Promise((ok) => proxy.listen(port, '127.0.0.1', ok));
  const api = {
    ...server,
    port,
    origin: `http://127.0.0.1:${port}`,
    book: server.book.replace(server.origin, `http://127.0.0.1:${port}`),
    cut: () => {
      cut = true;
    },
    mend: () => {
      cut = false;
    },
    /** Answers `method` with `status` (none: passes it on again), for paths that contain `only` if given. */
    refuse: (method, status, only = '') => (status ? refusals.set(method, { status, only }) : refusals.delete(method)),
    close: () => new Promise((ok) => proxy.close(ok)),
  };
  return api;
}
