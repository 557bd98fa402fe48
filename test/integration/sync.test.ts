/**
 * The sync engine (src/sync/engine.ts) against real CardDAV servers started per test (Radicale and Xandikos from
 * Debian), with the store in fake-indexeddb: both directions, conflicts, deletes, the first link, resuming after the
 * server went away, expired tokens, and the safety stops.
 */
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { circleNaming } from '../../src/contacts/circle-names';
import { DEFAULT_CIRCLES } from '../../src/contacts/circles';
import { duplicateGroups } from '../../src/contacts/duplicates';
import { undone, withoutEntry } from '../../src/contacts/log-edits';
import type { Contact } from '../../src/contacts/types';
import { onChange } from '../../src/storage/changes';
import { markContacted, updateContact } from '../../src/storage/contact-writes';
import { getContact, listAll } from '../../src/storage/contacts';
import { type DB, openDatabase } from '../../src/storage/db';
import { markDistinct, pairKey, pairsOf } from '../../src/storage/distinct';
import { addContact } from '../../src/storage/draft-writes';
import { linkPeople, removeContact, unlinkPeople } from '../../src/storage/links';
import { getSettings, saveSettings } from '../../src/storage/settings';
import { getSyncStatus, type SyncAccount, syncCard, syncEntries, updateSyncStatus } from '../../src/storage/sync-state';
import { CARD_READING } from '../../src/sync/constants';
import { Dav, SyncError } from '../../src/sync/dav';
import { Engine, type EngineDeps } from '../../src/sync/engine';
// @ts-expect-error: a plain ES module shared with the end-to-end tests
import { cuttable, phone, startRadicale, startXandikos } from '../support/dav-servers.mjs';

type Server = Awaited<ReturnType<typeof startRadicale>>;
const servers: Server[] = [];
const dbs: DB[] = [];
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  for (const d of dbs.splice(0)) d.close();
  for (const s of servers.splice(0)) await s.remove();
});

const T0 = Date.UTC(2026, 10, 30, 9);
const DAY = 86_400_000;
const vcf = (uid: string, lines: string[]) =>
  ['BEGIN:VCARD', 'VERSION:3.0', `UID:${uid}`, ...lines, 'END:VCARD', ''].join('\r\n');

async function browser(server: Server, name: string, over: Partial<EngineDeps> = {}) {
  const db = await openDatabase(() => {}, name);
  dbs.push(db);
  const account: SyncAccount & { book: { url: string; name: string } } = {
    server: `${server.origin}/`,
    username: server.user,
    password: server.password,
    origins: [server.origin],
    book: { url: server.book, name: 'Contacts' },
    enabled: true,
  };
  const dav = new Dav({ credentials: { username: server.user, password: server.password }, origins: [server.origin] });
  let clock = T0;
  const engine = (more: Partial<EngineDeps> = {}) =>
    new Engine(
      {
        db,
        dav,
        now: () => (clock += 1000),
        defaults: async () => ({ cadenceDays: 91, perWeek: 2 }),
        batch: 3,
        ...over,
        ...more,
      },
      account,
    );
  return { db, dav, account, engine, sync: (more: Partial<EngineDeps> = {}) => engine(more).run() };
}

const names = async (db: DB) => (await listAll(db)).map((c) => c.name).sort();

describe.each([
  ['Radicale', startRadicale],
  ['Xandikos', startXandikos],
])('sync with %s', (_, start) => {
  async function server() {
    const s = await start();
    servers.push(s);
    return s;
  }

  it('first sync to an empty book puts everyone there, with Reconnect’s own fields; a second run sends nothing', async () => {
    const s = await server();
    const a = await browser(s, 'a');
    await addContact(a.db, { name: 'Anna Alt', emails: ['anna@example.org'], circles: ['clients'] }, { now: T0 });
    const ben = await addContact(
      a.db,
      { name: 'Ben Bauer', notes: 'Kennt, Anna; gut\nzweite Zeile', birthday: { month: 4, day: 23 } },
      { now: T0 },
    );
    const r = await a.sync();
    expect(r.pushed).toBe(2);
    const cards = await phone(s).all();
    expect(cards).toHaveLength(2);
    const bens = cards.find((c: { text: string }) => c.text.includes('Ben Bauer'))?.text ?? '';
    expect(bens).toContain(`UID:urn:uuid:${ben.id}`);
    // vCard 3.0, which every CardDAV server takes and every address book app reads, with the N it requires.
    expect(bens).toContain('VERSION:3.0\r\n');
    expect(bens).toContain('N:Ben Bauer;;;;\r\n');
    // A birthday without a year as 3.0 writers put it, taken by the server and read back without one.
    expect(bens).toContain('BDAY;X-APPLE-OMIT-YEAR=1604:16040423\r\n');
    const b = await browser(s, 'b');
    await b.sync();
    expect((await listAll(b.db)).find((c) => c.name === 'Ben Bauer')?.birthday).toEqual({ month: 4, day: 23 });
    expect(bens).toContain('X-RECONNECT-CADENCE:');
    const status = await getSyncStatus(a.db);
    expect(status).toMatchObject({ linked: true, failures: 0 });
    expect(status.token).toBeTruthy();
    expect(await a.sync()).toMatchObject({ pulled: 0, pushed: 0 });
  });

  it('a homepage\'s name for its person ("This is …") reaches the other browser; nothing is sent again', async () => {
    const s = await server();
    const a = await browser(s, 'a');
    const home = { url: 'https://hanna.example', site: 'web' as const };
    const hanna = await addContact(a.db, { name: 'Hanna Vogel', profiles: [home] }, { now: T0 });
    await a.sync();
    await updateContact(a.db, hanna.id, (c) => ({ ...c, profiles: [{ ...home, named: 'Dr. Hanna Vogel-Berg' }] }), {
      now: T0 + DAY,
    });
    expect(await a.sync()).toMatchObject({ pushed: 1 });
    // (Radicale writes the parameter back without its quotes, which it does not need.)
    expect((await phone(s).all())[0].text).toMatch(
      /^URL;X-RECONNECT-NAME="?Dr\. Hanna Vogel-Berg"?:https:\/\/hanna\.example\r$/m,
    );
    expect(await a.sync()).toMatchObject({ pulled: 0, pushed: 0 });
    const b = await browser(s, 'b');
    await b.sync();
    expect((await getContact(b.db, hanna.id))?.profiles).toEqual([{ ...home, named: 'Dr. Hanna Vogel-Berg' }]);
    expect(await b.sync()).toMatchObject({ pulled: 0, pushed: 0 });
  });

  it("a web address added here to a phone's card whose LinkedIn is only an X-SOCIALPROFILE: sent once, not echoed after the phone's next edit", async () => {
    const s = await server();
    const linkedin = 'X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/dora-dienst';
    await phone(s).put('p-1.vcf', vcf('p-1', ['FN:Dora Dienst', 'TITLE:Beraterin', linkedin]));
    const a = await browser(s, 'a');
    await a.sync();
    const [dora] = await listAll(a.db);
    if (!dora) throw new Error('the phone’s card was not pulled');
    const home = { url: 'https://dora.example', site: 'web' as const };
    await updateContact(a.db, dora.id, (c) => ({ ...c, profiles: [...c.profiles, home] }), { now: T0 + DAY });
    expect(await a.sync()).toMatchObject({ pushed: 1 });
    const card = await phone(s).get('p-1.vcf');
    // The phone's edit keeps both links, which the card lists web address first.
    await phone(s).put('p-1.vcf', card.text.replace('TITLE:Beraterin', 'TITLE:Partnerin'));
    expect(await a.sync()).toMatchObject({ pulled: 1, pushed: 0 });
    expect(await getContact(a.db, dora.id)).toMatchObject({ role: 'Partnerin' });
    expect((await getContact(a.db, dora.id))?.profiles.map((p) => p.url).sort()).toEqual([
      'https://dora.example',
      'https://www.linkedin.com/in/dora-dienst',
    ]);
    expect(await a.sync()).toMatchObject({ pulled: 0, pushed: 0 });
  });

  it('emails put in another order here reach the other browser in that order (the first is the one written to)', async () => {
    const s = await server();
    const a = await browser(s, 'a');
    const emil = await addContact(
      a.db,
      { name: 'Emil Ordner', emails: ['emil@home.example', 'emil@work.example'] },
      {
        now: T0,
      },
    );
    await a.sync();
    const b = await browser(s, 'b');
    await b.sync();
    await updateContact(a.db, emil.id, (c) => ({ ...c, emails: ['emil@work.example', 'emil@home.example'] }), {
      now: T0 + DAY,
    });
    expect(await a.sync()).toMatchObject({ pushed: 1 });
    expect(await a.sync()).toMatchObject({ pulled: 0, pushed: 0 });
    await b.sync();
    expect((await getContact(b.db, emil.id))?.emails).toEqual(['emil@work.example', 'emil@home.example']);
    expect(await b.sync()).toMatchObject({ pulled: 0, pushed: 0 });
  });

  it('a card a phone created appears here with the default cadence, due in the coming weeks', async () => {
    const s = await server();
    const a = await browser(s, 'a');
    await a.sync();
    await phone(s).put('phone-1.vcf', vcf('phone-1', ['FN:Carla Mobil', 'TEL;TYPE=cell:+49 170 555 0100']));
    const r = await a.sync();
    expect(r.created).toBe(1);
    const [carla] = await listAll(a.db);
    expect(carla).toMatchObject({ id: 'phone-1', name: 'Carla Mobil', phones: ['+49 170 555 0100'], cadenceDays: 91 });
    expect(carla?.nextDueAt).toBeGreaterThan(T0 + 6 * DAY);
    // The card is written back once with Reconnect's fields; the phone's own properties stay.
    const card = await phone(s).get('phone-1.vcf');
    expect(card.text).toContain('TEL;TYPE=cell:+49 170 555 0100');
    expect(card.text).toContain('X-RECONNECT-CADENCE:91');
  });

  it('edits on both sides of one person are merged field by field', async () => {
    const s = await server();
    const a = await browser(s, 'a');
    const c = await addContact(
      a.db,
      { name: 'Dora Doppel', role: 'Designer', emails: ['dora@example.org'] },
      { now: T0 },
    );
    await a.sync();
    const [{ name: file, text }] = await phone(s).all();
    // The phone adds an email and a phone number; here the role changes.
    await phone(s).put(
      file,
      text.replace('END:VCARD', 'EMAIL:dora@work.example.org\r\nTEL:+49 30 5550123\r\nEND:VCARD'),
    );
    await updateContact(a.db, c.id, (x) => ({ ...x, role: 'Head of Design' }), { now: T0 + DAY });
    await a.sync();
    const here = await getContact(a.db, c.id);
    expect(here).toMatchObject({
      role: 'Head of Design',
      emails: ['dora@example.org', 'dora@work.example.org'],
      phones: ['+49 30 5550123'],
    });
    const there = (await phone(s).get(file)).text;
    expect(there).toContain('Head of Design');
    expect(there).toContain('dora@work.example.org');
  });

  it('a note changed on both sides is merged line by line: a line taken out here, one added on the phone', async () => {
    const s = await server();
    const a = await browser(s, 'a');
    const c = await addContact(a.db, { name: 'Nora Notiz', notes: 'Messe 2024\nKinder: 2\nJazz' }, { now: T0 });
    await a.sync();
    const [{ name: file, text }] = await phone(s).all();
    expect(text).toContain('NOTE:Messe 2024\\nKinder: 2\\nJazz\r\n');
    await phone(s).put(file, text.replace('Jazz\r\n', 'Jazz\\nFrau: Eva\r\n'));
    await updateContact(a.db, c.id, (x) => ({ ...x, notes: 'Messe 2024\nJazz' }), { now: T0 + DAY });
    await a.sync();
    expect((await getContact(a.db, c.id))?.notes).toBe('Messe 2024\nJazz\nFrau: Eva');
    expect((await phone(s).get(file))?.text).toContain('NOTE:Messe 2024\\nJazz\\nFrau: Eva\r\n');
    // A line taken out here while the phone added one right after it: it stays out, the phone's comes in.
    const now = (await phone(s).get(file))?.text ?? '';
    await phone(s).put(file, now.replace('Jazz\\nFrau', 'Jazz\\nHund: Bello\\nFrau'));
    await updateContact(a.db, c.id, (x) => ({ ...x, notes: 'Messe 2024\nFrau: Eva' }), { now: T0 + 2 * DAY });
    await a.sync();
    expect((await getContact(a.db, c.id))?.notes).toBe('Messe 2024\nHund: Bello\nFrau: Eva');
    expect((await phone(s).get(file))?.text).toContain('NOTE:Messe 2024\\nHund: Bello\\nFrau: Eva\r\n');
  });

  it('deletes travel both ways; a change beats a delete', async () => {
    const s = await server();
    const a = await browser(s, 'a');
    const keep = await addContact(a.db, { name: 'Emil Ewig' }, { now: T0 });
    const gone = await addContact(a.db, { name: 'Fritz Fort' }, { now: T0 });
    const back = await addContact(a.db, { name: 'Gina Gerettet' }, { now: T0 });
    const local = await addContact(a.db, { name: 'Hans Hier' }, { now: T0 });
    await a.sync();
    const file = (id: string) => `${encodeURIComponent(id)}.vcf`;
    // On the phone: Fritz deleted, Gina deleted; here Gina was changed meanwhile: she stays and her card returns.
    await phone(s).delete(file(gone.id));
    await phone(s).delete(file(back.id));
    await updateContact(a.db, back.id, (x) => ({ ...x, role: 'Neu' }), { now: T0 + DAY });
    // Here: Hans deleted; on the phone Emil edited (and not deleted here): Emil stays.
    await removeContact(a.db, local.id);
    const emil = await phone(s).get(file(keep.id));
    await phone(s).put(file(keep.id), emil.text.replace('FN:Emil Ewig', 'FN:Emil Ewig-Neu'));
    await a.sync();
    expect(await names(a.db)).toEqual(['Emil Ewig-Neu', 'Gina Gerettet']);
    const left = (await phone(s).all()).map((c: { text: string }) => /FN:(.*)/.exec(c.text)?.[1]?.trim()).sort();
    expect(left).toEqual(['Emil Ewig-Neu', 'Gina Gerettet']);
  });

  it('two browsers syncing through one server end up with the same people, fields and due dates', async () => {
    const s = await server();
    const a = await browser(s, 'a');
    const b = await browser(s, 'b');
    const anna = await addContact(a.db, { name: 'Anna Alt', cadenceDays: 30, metVia: 'Verein' }, { now: T0 });
    await updateContact(
      a.db,
      anna.id,
      (x) => ({
        ...x,
        interactions: [{ at: T0 + 1000, kind: 'call', note: 'Hallo, du; ja' }],
        lastContactedAt: T0 + 1000,
      }),
      { now: T0 + 2000 },
    );
    await addContact(b.db, { name: 'Ben Bauer', birthday: { month: 2, day: 29 } }, { now: T0 });
    // Links between people (RELATED) and a follow-up (Reconnect's own property) travel too.
    const cora = await addContact(a.db, { name: 'Cora Chor' }, { now: T0 });
    await linkPeople(a.db, anna.id, cora.id, 'knows', 'Chor, Köln; seit 2019', T0 + 3000);
    await markContacted(a.db, anna.id, 'message', undefined, T0 + 4000, { at: T0 + 20 * DAY, note: 'Konzert' });
    await a.sync();
    await b.sync();
    await a.sync();
    const strip = (list: Awaited<ReturnType<typeof listAll>>) =>
      list.map(({ updatedAt: _, ...c }) => c).sort((x, y) => x.name.localeCompare(y.name));
    expect(strip(await listAll(b.db))).toEqual(strip(await listAll(a.db)));
    expect(await names(b.db)).toEqual(['Anna Alt', 'Ben Bauer', 'Cora Chor']);
    const annaInB = (await listAll(b.db)).find((c) => c.name === 'Anna Alt');
    expect(annaInB).toMatchObject({ cadenceDays: 30, metVia: 'Verein', lastContactedAt: T0 + 4000 });
    expect(annaInB?.interactions[0]).toEqual({ at: T0 + 1000, kind: 'call', note: 'Hallo, du; ja' });
    expect(annaInB?.related).toEqual([
      { kind: 'knows', id: cora.id, name: 'Cora Chor', note: 'Chor, Köln; seit 2019' },
    ]);
    expect(annaInB?.followUp).toEqual({ at: T0 + 20 * DAY, note: 'Konzert' });
    expect(annaInB?.nextDueAt).toBe(T0 + 20 * DAY);
    expect((await listAll(b.db)).find((c) => c.name === 'Cora Chor')?.related).toEqual([
      { kind: 'knows', id: anna.id, name: 'Anna Alt', note: 'Chor, Köln; seit 2019' },
    ]);
  });

  it('an entry taken out of the log and a log taken back reach the other browser, and neither comes back', async () => {
    const s = await server();
    const a = await browser(s, 'a');
    const b = await browser(s, 'b');
    const anna = await addContact(a.db, { name: 'Anna Alt', cadenceDays: 30 }, { now: T0 });
    await markContacted(a.db, anna.id, 'call', 'Angebot', T0 + 1000);
    const twice = await markContacted(a.db, anna.id, 'meeting', undefined, T0 + 2000);
    await a.sync();
    await b.sync();
    // Here: the meeting was logged by mistake.
    await updateContact(a.db, anna.id, (c) => withoutEntry(c, { at: T0 + 2000, kind: 'meeting' }), { now: T0 + DAY });
    await a.sync();
    await b.sync();
    const inB = await getContact(b.db, anna.id);
    expect(inB?.interactions).toEqual([{ at: T0 + 1000, kind: 'call', note: 'Angebot' }]);
    expect(inB?.lastContactedAt).toBe(T0 + 1000);
    expect(twice.lastContactedAt).toBe(T0 + 2000);
    // There: a message logged and taken back at once (Undo).
    const before = inB as NonNullable<typeof inB>;
    const logged = await markContacted(b.db, anna.id, 'message', undefined, T0 + 2 * DAY);
    await updateContact(b.db, anna.id, (c) => undone(c, before, logged), { now: T0 + 2 * DAY });
    await b.sync();
    await a.sync();
    await b.sync();
    for (const db of [a.db, b.db]) {
      const c = await getContact(db, anna.id);
      expect(c?.interactions).toEqual([{ at: T0 + 1000, kind: 'call', note: 'Angebot' }]);
      expect(c?.lastContactedAt).toBe(T0 + 1000);
    }
    expect((await phone(s).all())[0].text).not.toMatch(/meeting|message/);
  });

  it("an entry taken out on one browser while the other logged one: it stays out, and the last contact is the log's", async () => {
    const s = await server();
    const a = await browser(s, 'a');
    const b = await browser(s, 'b');
    const anna = await addContact(a.db, { name: 'Anna Alt', cadenceDays: 30 }, { now: T0 });
    await markContacted(a.db, anna.id, 'call', 'Angebot', T0 + 1000);
    await markContacted(a.db, anna.id, 'meeting', undefined, T0 + 5 * DAY);
    await a.sync();
    await b.sync();
    // Here: the meeting was logged by mistake. There, before the next sync: a lunch two days before it.
    await updateContact(a.db, anna.id, (c) => withoutEntry(c, { at: T0 + 5 * DAY, kind: 'meeting' }), {
      now: T0 + 6 * DAY,
    });
    await markContacted(b.db, anna.id, 'meeting', 'Mittag', T0 + 3 * DAY);
    await a.sync();
    await b.sync();
    await a.sync();
    for (const db of [a.db, b.db]) {
      const c = await getContact(db, anna.id);
      expect(c?.interactions).toEqual([
        { at: T0 + 1000, kind: 'call', note: 'Angebot' },
        { at: T0 + 3 * DAY, kind: 'meeting', note: 'Mittag' },
      ]);
      expect([c?.lastContactedAt, c?.nextDueAt]).toEqual([T0 + 3 * DAY, T0 + 33 * DAY]);
    }
    expect((await phone(s).all())[0].text).toMatch(/Mittag/);
  });

  it("a link taken out on one browser (the person's last) is taken out on the other", async () => {
    const s = await server();
    const a = await browser(s, 'a');
    const b = await browser(s, 'b');
    const anna = await addContact(a.db, { name: 'Anna Alt' }, { now: T0 });
    const ben = await addContact(a.db, { name: 'Ben Bauer' }, { now: T0 });
    await linkPeople(a.db, anna.id, ben.id, 'knows', 'Uni', T0 + 1000);
    await a.sync();
    await b.sync();
    expect((await getContact(b.db, anna.id))?.related.map((r) => r.id)).toEqual([ben.id]);
    await unlinkPeople(b.db, anna.id, ben.id, T0 + DAY);
    await b.sync();
    await a.sync();
    for (const db of [a.db, b.db])
      for (const id of [anna.id, ben.id]) expect((await getContact(db, id))?.related).toEqual([]);
  });

  it('"Different people" marks reach the other browser on both people, and so does taking one back', async () => {
    const s = await server();
    const a = await browser(s, 'a');
    const b = await browser(s, 'b');
    const [tom1, tom2] = [
      await addContact(a.db, { name: 'Thomas Müller', company: 'Kanzlei' }, { now: T0 }),
      await addContact(a.db, { name: 'Thomas Müller', company: 'Verein' }, { now: T0 }),
    ];
    await a.sync();
    await b.sync();
    const found = async (db: DB) => {
      const all = await listAll(db);
      return duplicateGroups(all, (x, y) => pairsOf(all).has(pairKey(x, y))).length;
    };
    expect(await found(b.db)).toBe(1);
    // Marked on one browser: the other finds them apart too, the card says it in Reconnect's own property.
    await markDistinct(a.db, [tom1.id, tom2.id], true, T0 + DAY);
    await a.sync();
    await b.sync();
    expect(await found(b.db)).toBe(0);
    expect((await getContact(b.db, tom1.id))?.related).toEqual([
      { kind: 'distinct', id: tom2.id, name: 'Thomas Müller' },
    ]);
    // Unfolded (a long line goes on in the next, after a space).
    const cards = (await phone(s).all())
      .map((c: { text: string }) => c.text)
      .join('')
      .replace(/\r\n[ \t]/g, '');
    // (Radicale writes the parameter without its quotes.)
    expect(cards).toMatch(new RegExp(`^X-RECONNECT-DISTINCT;X-NAME="?Thomas Müller"?:urn:uuid:${tom2.id}\r$`, 'm'));
    expect(cards).not.toMatch(/^RELATED/m);
    // Taken back there (its Undo): here they are found again.
    await markDistinct(b.db, [tom1.id, tom2.id], false, T0 + 2 * DAY);
    await b.sync();
    await a.sync();
    expect(await found(a.db)).toBe(1);
    expect((await getContact(a.db, tom2.id))?.related).toEqual([]);
  });

  it("starting circles go to the server in the user's words; a device in the other language reads them, and neither rewrites them", async () => {
    const s = await server();
    const own = [...DEFAULT_CIRCLES, 'Stammtisch'];
    const de = circleNaming(own, (c) => (c === 'family' ? 'Familie' : c === 'friends' ? 'Freunde' : c));
    const en = circleNaming(own, (c) => (c === 'family' ? 'Family' : c === 'friends' ? 'Friends' : c));
    const a = await browser(s, 'a', { circles: de });
    const b = await browser(s, 'b', { circles: en });
    const anna = await addContact(a.db, { name: 'Anna Alt', circles: ['family', 'Stammtisch'] }, { now: T0 });
    await a.sync();
    expect(await syncCard(a.db, anna.id)).toContain('CATEGORIES:Familie,Stammtisch\r\n');
    await b.sync();
    expect((await getContact(b.db, anna.id))?.circles).toEqual(['family', 'Stammtisch']);
    // Both again: nothing differs, so nothing is written (two devices in two languages never take turns).
    expect((await a.sync()).pushed).toBe(0);
    expect((await b.sync()).pushed).toBe(0);
    // An English device adds a circle: the German line stays, the new one is in English; both books agree.
    await updateContact(b.db, anna.id, (x) => ({ ...x, circles: [...x.circles, 'friends'] }), { now: T0 + DAY });
    expect((await b.sync()).pushed).toBe(1);
    const text = await syncCard(b.db, anna.id);
    expect(text).toContain('CATEGORIES:Familie,Stammtisch\r\n');
    expect(text).toContain('CATEGORIES:Friends\r\n');
    await a.sync();
    expect((await getContact(a.db, anna.id))?.circles).toEqual(['family', 'Stammtisch', 'friends']);
  });

  it("a phone's groups become the book's circles: a new card's, and one given to someone there; a circle removed here stays removed", async () => {
    const s = await server();
    const a = await browser(s, 'a');
    await a.sync();
    await phone(s).put('p-1.vcf', vcf('p-1', ['FN:Carla Mobil', 'CATEGORIES:Chor,Arbeit']));
    const heard: unknown[] = [];
    const stop = onChange((c) => heard.push(c), { from: 'all' });
    await a.sync();
    await new Promise((r) => setTimeout(r, 20));
    stop();
    expect((await getSettings(a.db)).circles).toEqual([...DEFAULT_CIRCLES, 'Chor', 'Arbeit']);
    expect(heard).toContainEqual({ kind: 'settings' });
    // Chor removed here (Carla stays in it); on the phone she is put into Yoga too: Yoga comes, Chor does not.
    const settings = await getSettings(a.db);
    await saveSettings(a.db, { ...settings, circles: settings.circles.filter((c) => c !== 'Chor') });
    const card = await phone(s).get('p-1.vcf');
    const grouped = card.text.replace(/CATEGORIES:[^\r]*/, 'CATEGORIES:Chor,Arbeit,Yoga');
    expect(grouped).not.toBe(card.text);
    await phone(s).put('p-1.vcf', grouped);
    expect((await a.sync()).pulled).toBe(1);
    expect((await getContact(a.db, 'p-1'))?.circles).toEqual(['Chor', 'Arbeit', 'Yoga']);
    expect((await getSettings(a.db)).circles).toEqual([...DEFAULT_CIRCLES, 'Arbeit', 'Yoga']);
  });

  it("one person's two cards on the server (one profile link): the other is held back and named, fetched again each run, until they are one there", async () => {
    const s = await server();
    const link = 'URL:https://www.linkedin.com/in/anna-alt';
    await phone(s).put('a.vcf', vcf('a', ['FN:Anna Alt', link]));
    await phone(s).put('b.vcf', vcf('b', ['FN:Anna Alt (Arbeit)', link, 'EMAIL:anna@work.example']));
    await phone(s).put('c.vcf', vcf('c', ['FN:Cem Cakir']));
    const a = await browser(s, 'a');
    // Every run failed on the second of the twins (the profile link has one owner here): nobody came over. Now the
    // first the server lists is here, the other held back and named.
    await a.sync();
    const [twin] = (await getSyncStatus(a.db)).held ?? [];
    const anna = (await names(a.db)).find((n) => n.startsWith('Anna')) ?? '';
    expect([anna, twin?.name].sort()).toEqual(['Anna Alt', 'Anna Alt (Arbeit)']);
    expect(await names(a.db)).toEqual([anna, 'Cem Cakir']);
    const held = async () => (await getSyncStatus(a.db)).held?.map((h) => h.name).sort();
    // Who has the link here is said with the card held back.
    expect((await getSyncStatus(a.db)).held?.map((h) => h.here)).toEqual([anna]);
    // Nothing changed there: the held card alone is fetched again, and still held.
    expect(await a.sync()).toMatchObject({ pulled: 1, created: 0 });
    expect(await held()).toEqual([twin?.name]);
    // A card already here given that link on the phone: held too, its change not taken until the link is one's.
    // Cem changed here meanwhile: his card is not written over theirs (it would bring the link), the change waits.
    const cem = await phone(s).get('c.vcf');
    await phone(s).put('c.vcf', cem.text.replace('FN:Cem Cakir', `FN:Cem Cakir\r\n${link}\r\nNOTE:Tennis`));
    const cemId = (await listAll(a.db)).find((c) => c.name === 'Cem Cakir')?.id ?? '';
    await updateContact(a.db, cemId, (c) => ({ ...c, role: 'Trainer' }), { now: T0 + DAY });
    await a.sync();
    expect(await held()).toEqual([twin?.name, 'Cem Cakir']);
    expect((await getSyncStatus(a.db)).held?.map((h) => h.here)).toEqual([anna, anna]);
    expect((await listAll(a.db)).find((c) => c.name === 'Cem Cakir')?.notes).toBe('');
    // Made one there: the twin deleted, the link taken out of Cem's card. Nothing is held any more.
    await phone(s).delete(twin?.href.split('/').pop());
    await phone(s).put('c.vcf', cem.text.replace('FN:Cem Cakir', 'FN:Cem Cakir\r\nNOTE:Tennis'));
    await a.sync();
    expect(await held()).toBeUndefined();
    expect((await listAll(a.db)).find((c) => c.name === 'Cem Cakir')?.notes).toBe('Tennis');
    expect((await phone(s).get('c.vcf')).text).toContain('TITLE:Trainer');
    expect(await names(a.db)).toEqual([anna, 'Cem Cakir']);
  });

  it("colleagues' cards with their company's website all come over, each keeping it, and go back with it", async () => {
    const s = await server();
    const site = 'URL:https://www.acme.example/';
    for (const [file, name] of [
      ['ada', 'Ada Acme'],
      ['bo', 'Bo Acme'],
      ['cy', 'Cy Acme'],
    ] as const)
      await phone(s).put(`${file}.vcf`, vcf(file, [`FN:${name}`, site]));
    const a = await browser(s, 'a');
    expect(await a.sync()).toMatchObject({ created: 3 });
    expect((await getSyncStatus(a.db)).held).toBeUndefined();
    const book = await listAll(a.db);
    expect(book.map((c) => [c.name, c.profiles.map((p) => p.url)]).sort()).toEqual([
      ['Ada Acme', ['https://www.acme.example']],
      ['Bo Acme', ['https://www.acme.example']],
      ['Cy Acme', ['https://www.acme.example']],
    ]);
    // A change here to one of them is sent; the card keeps the website.
    const bo = book.find((c) => c.name === 'Bo Acme')?.id ?? '';
    await updateContact(a.db, bo, (c) => ({ ...c, role: 'Einkauf' }), { now: T0 + DAY });
    await a.sync();
    const card = (await phone(s).get('bo.vcf')).text;
    expect(card).toContain('TITLE:Einkauf');
    expect(card).toMatch(/URL[^:\r\n]*:https:\/\/www\.acme\.example/);
    // A fourth colleague added on the phone comes over too.
    await phone(s).put('dee.vcf', vcf('dee', ['FN:Dee Acme', site]));
    expect(await a.sync()).toMatchObject({ created: 1 });
    expect((await getSyncStatus(a.db)).held).toBeUndefined();
    expect(await names(a.db)).toEqual(['Ada Acme', 'Bo Acme', 'Cy Acme', 'Dee Acme']);
  });

  it('the server stopped in the middle of a pull: nothing lost, the next run completes without duplicates', async () => {
    const s = await server();
    const p = phone(s);
    for (let i = 0; i < 8; i++) await p.put(`p${i}.vcf`, vcf(`p${i}`, [`FN:Person ${i}`]));
    const a = await browser(s, 'a');
    let steps = 0;
    await expect(
      a.sync({
        onStep: async (what) => {
          if (what === 'pull' && ++steps === 2) await s.stop();
        },
      }),
    ).rejects.toMatchObject({ code: 'unreachable' });
    // What was written is in, the rest is remembered.
    const written = (await listAll(a.db)).length;
    const left = 8 - ((await getSyncStatus(a.db)).pending?.changed ?? 0);
    expect(written).toBeGreaterThan(0);
    expect(left).toBeGreaterThan(0);
    expect(written + left).toBe(8);
    const again = await start({ port: s.port, dir: s.dir, book: false });
    servers.push(again);
    await a.sync();
    expect(await names(a.db)).toEqual(Array.from({ length: 8 }, (_, i) => `Person ${i}`));
    expect((await syncEntries(a.db)).length).toBe(8);
    expect((await phone(again).all()).length).toBe(8);
  });

  it('a truncated answer (507): the whole listing is compared, nothing is duplicated', async () => {
    const s = await server();
    const a = await browser(s, 'a');
    await addContact(a.db, { name: 'Ida Immer' }, { now: T0 });
    await a.sync();
    await phone(s).put('new.vcf', vcf('new', ['FN:Jan Neu']));
    // The server answers the report with 507 (too many changes for one answer), as RFC 6578 allows.
    const truncating = Object.create(a.dav) as Dav;
    truncating.changesSince = async () => {
      throw new SyncError('truncated', 'REPORT', 507);
    };
    await a.sync({ dav: truncating });
    expect(await names(a.db)).toEqual(['Ida Immer', 'Jan Neu']);
    expect((await phone(s).all()).length).toBe(2);
  });

  it('a server without sync-collection: the CTag says whether to compare the listing; nothing changed is one request', async () => {
    const s = await server();
    const a = await browser(s, 'a');
    let requests = 0;
    const counting = new Dav({
      credentials: { username: s.user, password: s.password },
      origins: [s.origin],
      fetch: (input, init) => {
        requests++;
        return fetch(input, init);
      },
    });
    // As a server that does not know the report would answer it.
    counting.changesSince = async () => {
      throw new SyncError('failed', 'REPORT: 501 Not Implemented', 501);
    };
    await addContact(a.db, { name: 'Kai Klassisch' }, { now: T0 });
    await phone(s).put('old.vcf', vcf('old', ['FN:Lea Listing']));
    await a.sync({ dav: counting });
    expect(await names(a.db)).toEqual(['Kai Klassisch', 'Lea Listing']);
    requests = 0;
    await a.sync({ dav: counting });
    expect(requests).toBe(1);
    await phone(s).put('new.vcf', vcf('new', ['FN:Mo Neu']));
    await a.sync({ dav: counting });
    expect(await names(a.db)).toEqual(['Kai Klassisch', 'Lea Listing', 'Mo Neu']);
  });

  it('an expired token: the whole listing is compared, nothing is duplicated', async () => {
    const s = await server();
    const a = await browser(s, 'a');
    await addContact(a.db, { name: 'Ida Immer' }, { now: T0 });
    await a.sync();
    await phone(s).put('new.vcf', vcf('new', ['FN:Jan Neu']));
    await updateSyncStatus(a.db, (st) => ({ ...st, token: 'http://example.org/ns/sync/expired' }));
    await a.sync();
    expect(await names(a.db)).toEqual(['Ida Immer', 'Jan Neu']);
    expect((await phone(s).all()).length).toBe(2);
  });
});

describe('first link, safety stops and conflicts (Radicale)', () => {
  async function server() {
    const s = await startRadicale();
    servers.push(s);
    return s;
  }

  it('linking an existing book with an existing address book: matched by email and profile, no duplicates', async () => {
    const s = await server();
    const p = phone(s);
    await p.put('k.vcf', vcf('phone-k', ['FN:Karl Kunde', 'EMAIL:KARL@example.org', 'TEL:+49 1']));
    await p.put('l.vcf', vcf('phone-l', ['FN:Lena L.', 'URL:https://www.linkedin.com/in/lena-l/', 'NOTE:vom Handy']));
    await p.put('m.vcf', vcf('phone-m', ['FN:Mia Nurhandy']));
    const a = await browser(s, 'a');
    await addContact(a.db, { name: 'Karl Kunde', emails: ['karl@example.org'], role: 'Einkauf' }, { now: T0 });
    await addContact(
      a.db,
      { name: 'Lena Lang', profiles: [{ url: 'https://www.linkedin.com/in/lena-l', site: 'linkedin' }] },
      { now: T0 },
    );
    await addContact(a.db, { name: 'Nora Nurhier' }, { now: T0 });
    // The preview says what the link will do on each side, and writes nothing.
    expect(await a.engine().preview()).toEqual({
      here: { created: 1, updated: 2 },
      server: { created: 1, updated: 2 },
      merged: 2,
    });
    expect(await names(a.db)).toEqual(['Karl Kunde', 'Lena Lang', 'Nora Nurhier']);
    expect((await p.all()).length).toBe(3);
    await a.sync();
    expect(await names(a.db)).toEqual(['Karl Kunde', 'Lena Lang', 'Mia Nurhandy', 'Nora Nurhier']);
    const karl = (await listAll(a.db)).find((c) => c.name === 'Karl Kunde');
    expect(karl).toMatchObject({ role: 'Einkauf', phones: ['+49 1'] });
    expect((await listAll(a.db)).find((c) => c.name === 'Lena Lang')?.notes).toBe('vom Handy');
    const cards = await p.all();
    expect(cards.length).toBe(4);
    // The matched cards keep their hrefs; nothing new was made for them.
    expect(cards.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['k.vcf', 'l.vcf', 'm.vcf']));
  });

  it('linking: a person with a note on both sides keeps both, the lines they share once, here and on the card', async () => {
    const s = await server();
    const p = phone(s);
    await p.put('o.vcf', vcf('phone-o', ['FN:Olga Ort', 'EMAIL:olga@example.org', 'NOTE:vom Handy\\nMesse 2024']));
    const a = await browser(s, 'a');
    const olga = await addContact(
      a.db,
      { name: 'Olga Ort', emails: ['olga@example.org'], notes: 'Messe 2024\nKinder: 2' },
      { now: T0 },
    );
    await a.sync();
    expect((await getContact(a.db, olga.id))?.notes).toBe('vom Handy\nMesse 2024\nKinder: 2');
    expect((await p.get('o.vcf'))?.text).toContain('NOTE:vom Handy\\nMesse 2024\\nKinder: 2\r\n');
  });

  it.each([1, 10])(
    'two cards that match one person here (batches of %i): one merged into them, the other a person of its own',
    async (batch) => {
      const s = await server();
      const p = phone(s);
      await p.put('k1.vcf', vcf('phone-k1', ['FN:Karl Kunde', 'EMAIL:karl@example.org']));
      await p.put('k2.vcf', vcf('phone-k2', ['FN:Karl Kunde', 'EMAIL:karl@example.org']));
      await p.put('d1.vcf', vcf('phone-d1', ['FN:Dora Eins']));
      await p.put('d2.vcf', vcf('phone-d2', ['FN:Dora Zwei']));
      const a = await browser(s, 'a', { batch });
      const karl = await addContact(a.db, { name: 'Karl Kunde', emails: ['karl@example.org'] }, { now: T0 });
      await a.sync();
      const people = await listAll(a.db);
      expect(people.map((c) => c.name).sort()).toEqual(['Dora Eins', 'Dora Zwei', 'Karl Kunde', 'Karl Kunde']);
      expect(new Set(people.map((c) => c.id)).size).toBe(4);
      expect(people.map((c) => c.id)).toContain(karl.id);
      const entries = await syncEntries(a.db);
      expect(entries.map((e) => e.id).sort()).toEqual(people.map((c) => c.id).sort());
      expect(new Set(entries.map((e) => e.href)).size).toBe(4);
      // Every card was linked to someone: nothing new was made on the server, and nothing is left to do.
      expect((await p.all()).length).toBe(4);
      expect(await a.sync()).toMatchObject({ pulled: 0, created: 0, pushed: 0 });
    },
  );

  it('a card whose UID is the id of a record here that cannot be read: a person of its own, the record kept', async () => {
    const s = await server();
    await phone(s).put('x.vcf', vcf('phone-x', ['FN:Xaver Neu']));
    const a = await browser(s, 'a');
    await a.db.put('contacts', { id: 'phone-x', garbage: true } as never);
    await a.sync();
    expect(await a.db.get('contacts', 'phone-x')).toEqual({ id: 'phone-x', garbage: true });
    const [xaver] = await listAll(a.db);
    expect(xaver?.name).toBe('Xaver Neu');
    expect(xaver?.id).not.toBe('phone-x');
  });

  it('a server that suddenly looks empty stops the sync and asks; nobody is deleted here', async () => {
    const s = await server();
    const a = await browser(s, 'a');
    for (const name of ['O1', 'O2', 'O3']) await addContact(a.db, { name }, { now: T0 });
    await a.sync();
    for (const c of await phone(s).all()) await phone(s).delete(c.name);
    const r = await a.sync();
    expect(r.attention).toBe('serverEmpty');
    expect(await names(a.db)).toEqual(['O1', 'O2', 'O3']);
    expect((await getSyncStatus(a.db)).attention).toBe('serverEmpty');
    // Until the user decides, a run does nothing.
    expect(await a.sync()).toMatchObject({ attention: 'serverEmpty', pushed: 0 });
  });

  it('a book emptied here (delete everything) stops the sync and asks; nobody is deleted on the server', async () => {
    const s = await server();
    const a = await browser(s, 'a');
    for (const name of ['P1', 'P2', 'P3']) await addContact(a.db, { name }, { now: T0 });
    await a.sync();
    const { deleteEverything } = await import('../../src/storage/contact-writes');
    await deleteEverything(a.db);
    expect((await a.sync()).attention).toBe('localEmpty');
    expect((await phone(s).all()).length).toBe(3);
  });

  it('a delete the server refuses (423, the card locked): everyone else is synced, the person named and not brought back; tried again', async () => {
    const s = await startRadicale();
    servers.push(s);
    const way = await cuttable(s);
    const a = await browser(way, 'a');
    const kept = await addContact(a.db, { name: 'Anna Alt' }, { now: T0 });
    const gone = await addContact(a.db, { name: 'Bert Breit' }, { now: T0 });
    await a.sync();
    expect(await phone(s).all()).toHaveLength(2);
    await removeContact(a.db, gone.id, T0 + DAY);
    await updateContact(a.db, kept.id, (c) => ({ ...c, notes: 'Neu.' }), { now: T0 + DAY });
    way.refuse('DELETE', 423);
    const r = await a.sync();
    expect(r).toMatchObject({ pushed: 1, removedRemote: 0, refused: [], undeleted: ['Bert Breit'] });
    const status = await getSyncStatus(a.db);
    expect(status).toMatchObject({
      linked: true,
      failures: 0,
      error: { code: 'refused', undeleted: { names: ['Bert Breit'], count: 1 } },
    });
    expect(status.error?.names).toBeUndefined();
    // His card stays on the server, and is not taken for a new person here; Anna's change went.
    expect(await names(a.db)).toEqual(['Anna Alt']);
    expect((await phone(s).all()).some((c: { text: string }) => c.text.includes('Neu.'))).toBe(true);
    expect(await a.sync()).toMatchObject({ undeleted: ['Bert Breit'], created: 0 });
    expect(await names(a.db)).toEqual(['Anna Alt']);
    // The server lets go: the card goes, and so does the error.
    way.refuse('DELETE');
    expect(await a.sync()).toMatchObject({ removedRemote: 1, undeleted: [] });
    expect(await phone(s).all()).toHaveLength(1);
    expect((await getSyncStatus(a.db)).error).toBeUndefined();
    await way.close();
  });

  it('one card forbidden (403: locked or shared read-only there) is refused like any other, not the book read-only; every card forbidden is', async () => {
    const s = await startRadicale();
    servers.push(s);
    const way = await cuttable(s);
    const a = await browser(way, 'a');
    const anna = await addContact(a.db, { name: 'Anna Alt' }, { now: T0 });
    const bert = await addContact(a.db, { name: 'Bert Breit' }, { now: T0 });
    way.refuse('PUT', 403, `/${encodeURIComponent(bert.id)}.vcf`);
    // Every run stopped at the one card with "This address book is read-only for you": nobody's card went.
    expect(await a.sync()).toMatchObject({ pushed: 1, refused: ['Bert Breit'] });
    expect(await getSyncStatus(a.db)).toMatchObject({ error: { code: 'refused', names: ['Bert Breit'], count: 1 } });
    expect((await phone(s).all()).map((c: { text: string }) => /^FN:(.*)$/m.exec(c.text)?.[1]?.trim())).toEqual([
      'Anna Alt',
    ]);
    // The book made read-only since (every card written forbidden, two of them): said as such.
    way.refuse('PUT', 403);
    await updateContact(a.db, anna.id, (c) => ({ ...c, notes: 'Neu.' }), { now: T0 + DAY });
    await expect(a.sync()).rejects.toMatchObject({ code: 'readOnly' });
    // Writable again: both go, the error goes.
    way.refuse('PUT');
    expect(await a.sync()).toMatchObject({ pushed: 2, refused: [] });
    expect(await phone(s).all()).toHaveLength(2);
    expect((await getSyncStatus(a.db)).error).toBeUndefined();
    // The one card a run writes forbidden, in a book whose privileges say the user may write: that card refused.
    way.refuse('PUT', 403, `/${encodeURIComponent(bert.id)}.vcf`);
    await updateContact(a.db, bert.id, (c) => ({ ...c, notes: 'Gesperrt.' }), { now: T0 + 2 * DAY });
    expect(await a.sync()).toMatchObject({ pushed: 0, refused: ['Bert Breit'] });
    await way.close();
  });

  it('a book made read-only after setup, in a run that writes one card: said as the book read-only, not that person refused', async () => {
    const s = await startRadicale({ rights: true });
    servers.push(s);
    const a = await browser(s, 'a');
    const anna = await addContact(a.db, { name: 'Anna Alt' }, { now: T0 });
    expect(await a.sync()).toMatchObject({ pushed: 1 });
    s.writable(false);
    await updateContact(a.db, anna.id, (c) => ({ ...c, notes: 'Neu.' }), { now: T0 + DAY });
    await expect(a.sync()).rejects.toMatchObject({ code: 'readOnly' });
    expect((await getSyncStatus(a.db)).error?.names).toBeUndefined();
    // Writable again: her change goes, the error goes.
    s.writable(true);
    expect(await a.sync()).toMatchObject({ pushed: 1, refused: [] });
    expect((await getSyncStatus(a.db)).error).toBeUndefined();
    expect((await phone(s).all())[0].text).toContain('Neu.');
  });

  it('a card the server refuses (413, too large for it): everyone else is synced, the person named, tried again', async () => {
    const s = await startRadicale({ maxContentLength: 20_000 });
    servers.push(s);
    const a = await browser(s, 'a');
    await addContact(a.db, { name: 'Anna Alt' }, { now: T0 });
    const big = await addContact(a.db, { name: 'Bert Breit', notes: 'Lang. '.repeat(5000) }, { now: T0 });
    await addContact(a.db, { name: 'Cora Neu' }, { now: T0 });
    const r = await a.sync();
    expect(r).toMatchObject({ pushed: 2, refused: ['Bert Breit'] });
    expect((await phone(s).all()).map((c: { text: string }) => /^FN:(.*)$/m.exec(c.text)?.[1]?.trim()).sort()).toEqual([
      'Anna Alt',
      'Cora Neu',
    ]);
    const status = await getSyncStatus(a.db);
    expect(status).toMatchObject({
      linked: true,
      failures: 0,
      error: { code: 'refused', names: ['Bert Breit'], count: 1 },
    });
    expect(status.lastSyncAt).toBeGreaterThan(T0);
    // Still refused the next time, and nothing else sent again; then the note shortened: it goes, the error goes.
    expect(await a.sync()).toMatchObject({ pushed: 0, refused: ['Bert Breit'] });
    await updateContact(a.db, big.id, (c) => ({ ...c, notes: 'Kurz.' }), { now: T0 + DAY });
    expect(await a.sync()).toMatchObject({ pushed: 1, refused: [] });
    expect(await phone(s).all()).toHaveLength(3);
    expect((await getSyncStatus(a.db)).error).toBeUndefined();
    expect((await getContact(a.db, big.id))?.notes).toBe('Kurz.');
  });

  it('a card changed by someone else while ours is written (412): merged and written again', async () => {
    const s = await server();
    const a = await browser(s, 'a');
    const c = await addContact(a.db, { name: 'Quentin Quer', emails: ['q@example.org'] }, { now: T0 });
    await a.sync();
    await updateContact(a.db, c.id, (x) => ({ ...x, role: 'CTO' }), { now: T0 + DAY });
    const file = `${encodeURIComponent(c.id)}.vcf`;
    let raced = false;
    await a.sync({
      // The phone writes just before our PUT: our If-Match is stale now.
      onStep: async (what) => {
        if (what !== 'push' || raced) return;
        raced = true;
        const card = await phone(s).get(file);
        await phone(s).put(file, card.text.replace('END:VCARD', 'TEL:+49 40 5550100\r\nEND:VCARD'));
      },
    });
    expect(raced).toBe(true);
    expect(await getContact(a.db, c.id)).toMatchObject({ role: 'CTO', phones: ['+49 40 5550100'] });
    const there = (await phone(s).get(file)).text;
    expect(there).toContain('TITLE:CTO');
    expect(there).toContain('+49 40 5550100');
  });
});

describe('what Reconnect does not own stays as it was (Xandikos stores cards byte for byte)', () => {
  /**
   * A phone's card (the iPhone fixture, or `original`) pulled, the person edited here and synced: the card as it was
   * and as the server has it now.
   */
  async function phoneCardEdited(
    edit: (c: Contact) => Contact,
    original = readFileSync(new URL('../fixtures/sync/iphone-3.0.vcf', import.meta.url), 'utf8'),
  ) {
    const s = await startXandikos();
    servers.push(s);
    await phone(s).put('anna.vcf', original);
    const a = await browser(s, 'a');
    await a.sync();
    const [anna] = await listAll(a.db);
    if (!anna) throw new Error('not pulled');
    await updateContact(a.db, anna.id, edit, { now: T0 + DAY });
    await a.sync();
    const lines = (t: string) => t.split('\r\n').filter(Boolean);
    return { s, a, original: lines(original), now: lines((await phone(s).get('anna.vcf')).text) };
  }

  it('a phone’s card edited here keeps its photo, address, labels and other apps’ fields', async () => {
    const { original, now } = await phoneCardEdited((x) => ({ ...x, role: 'Geschäftsführerin' }));
    for (const line of original.filter((l) => !/^(TITLE|REV)/.test(l))) expect(now, line).toContain(line);
    expect(now).toContain('TITLE:Geschäftsführerin');
  });

  it('a birthday Apple wrote without a year: someone stored with the year 1604 before is read without it, and nothing is sent for it', async () => {
    const apple = readFileSync(new URL('../fixtures/sync/iphone-3.0.vcf', import.meta.url), 'utf8').replace(
      'BDAY;value=date:1985-04-23',
      'BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-23',
    );
    const { a, now } = await phoneCardEdited((x) => ({ ...x, role: 'Geschäftsführerin' }), apple);
    expect(now).toContain('BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-23');
    expect(now).toContain('TITLE:Geschäftsführerin');
    // The record as an earlier release stored it, with the year; read without it, and not sent.
    const [anna] = await listAll(a.db);
    if (!anna) throw new Error('not pulled');
    const record = await a.db.get('contacts', anna.id);
    await a.db.put('contacts', { ...record, birthday: { year: 1604, month: 4, day: 23 } } as never);
    expect((await listAll(a.db))[0]?.birthday).toEqual({ month: 4, day: 23 });
    expect(await a.sync()).toMatchObject({ pulled: 0, pushed: 0 });
  });

  it("people synced before the cards were read otherwise take their card's new reading once; a change here then sends none of the old one back", async () => {
    const original = vcf('ida', [
      'FN:Ida Iske',
      'TEL;TYPE=CELL:0170 5550101',
      'TEL;TYPE=WORK,FAX:0221 5550109',
      'TEL;TYPE=HOME:privat',
      'URL:www.ida.example',
      'X-SOCIALPROFILE;type=linkedin;x-user=ida-iske:x-apple:ida-iske',
      'BDAY:1980-06-01T22:00:00Z',
    ]);
    const s = await startXandikos();
    servers.push(s);
    await phone(s).put('ida.vcf', original);
    const a = await browser(s, 'a');
    await a.sync();
    const [ida] = await listAll(a.db);
    if (!ida) throw new Error('not pulled');
    const read = { phones: ida.phones, profiles: ida.profiles, birthday: ida.birthday };
    expect(read).toEqual({
      phones: ['0170 5550101'],
      profiles: [
        { site: 'web', url: 'https://www.ida.example' },
        { site: 'linkedin', url: 'https://www.linkedin.com/in/ida-iske' },
      ],
      birthday: { year: 1980, month: 6, day: 2 },
    });
    // The record as the releases before read the card (the fax and "privat" phones, neither link, the birthday a day
    // early), synced and unchanged since; the status without a reading, as that release left it.
    const record = await a.db.get('contacts', ida.id);
    await a.db.put('contacts', {
      ...record,
      phones: ['0170 5550101', '0221 5550109', 'privat'],
      profiles: [],
      birthday: { year: 1980, month: 6, day: 1 },
    } as never);
    await updateSyncStatus(a.db, ({ reading: _, ...rest }) => rest);
    // The server unreachable: the cards kept here are read anew all the same, and not again at the next run.
    const down = new Proxy(a.dav, { get: () => () => Promise.reject(new SyncError('unreachable', 'down')) });
    await expect(a.sync({ dav: down })).rejects.toThrow();
    const after = (await getContact(a.db, ida.id)) as Contact;
    expect({ phones: after.phones, profiles: after.profiles, birthday: after.birthday }).toEqual(read);
    expect((await getSyncStatus(a.db)).reading).toBe(CARD_READING);
    expect(await a.sync()).toMatchObject({ updated: 0, pushed: 0 });
    // A change here: the card keeps what the phone wrote, the fax number not written again as a phone.
    await updateContact(a.db, ida.id, (x) => ({ ...x, role: 'Architektin' }), { now: T0 + DAY });
    expect(await a.sync()).toMatchObject({ pushed: 1 });
    const now: string[] = (await phone(s).get('ida.vcf')).text.split('\r\n');
    for (const line of original.split('\r\n').filter((l) => /^(TEL|URL|X-SOCIALPROFILE|BDAY)/.test(l)))
      expect(now, line).toContain(line);
    expect(now.filter((l) => l.includes('0221 5550109'))).toHaveLength(1);
    expect(now.filter((l) => l.includes('privat'))).toHaveLength(1);
    expect(now).toContain('TITLE:Architektin');
    // Once read so, nothing is read again.
    expect(await a.sync()).toMatchObject({ updated: 0, pushed: 0 });
  });

  it("a phone's person renamed here: the card's own name parts follow (the given name kept), nothing else changes", async () => {
    const { s, a, original, now } = await phoneCardEdited((x) => ({ ...x, name: 'Anna Berg' }));
    expect(now).toContain('N:Berg;Anna;;;');
    expect(now).toContain('FN:Anna Berg');
    for (const line of original.filter((l) => !/^(N|FN|REV):/.test(l))) expect(now, line).toContain(line);
    // Read back as it was written: nothing left to send.
    const b = await browser(s, 'b');
    await b.sync();
    expect((await listAll(b.db)).map((c) => c.name)).toEqual(['Anna Berg']);
    expect(await a.sync()).toMatchObject({ pulled: 0, pushed: 0 });
  });
});
