/** Links between people: both sides in step, deletes, undo, merges, vCard RELATED, imports and "who can introduce". */
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { followPatches, patchBook } from '../../src/contacts/book';
import { DAY } from '../../src/contacts/cadence';
import { groupForIntroductions, matchNames, whoCanIntroduce } from '../../src/contacts/introduce';
import { createContact } from '../../src/contacts/merge';
import { sortKey } from '../../src/contacts/normalize';
import { linksInBook } from '../../src/contacts/relations';
import type { Contact, Relation } from '../../src/contacts/types';
import { parseContactsFile, writeVCards } from '../../src/interchange';
import { cardFields, parseCard } from '../../src/interchange/vcard-card';
import { introReasonText } from '../../src/platform/message-text';
import { LinkedBeyond } from '../../src/popup/list-model';
import { nameChoices, offersFor, personNamed } from '../../src/popup/Relationships';
import { markContacted, updateContact } from '../../src/storage/contact-writes';
import { getContact, listAll } from '../../src/storage/contacts';
import { type DB, openDatabase } from '../../src/storage/db';
import { addContact, upsertDraft } from '../../src/storage/draft-writes';
import { applyImport, planImport } from '../../src/storage/import';
import {
  linkPeople,
  logIntroductionAsked,
  mergePeople,
  removeContact,
  restoreContact,
  unlinkPeople,
  unmerge,
} from '../../src/storage/links';
import { readSearchIndex } from '../../src/storage/search-index';
import { searchBuckets } from '../../src/storage/search-scan';
import { mergeSides } from '../../src/sync/merge';
import { setLanguage } from './support/fake-browser';

const NOW = new Date(2026, 11, 2, 12).getTime();
let db: DB;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  setLanguage('en');
  db = await openDatabase();
});

const add = (name: string, over: Partial<Contact> = {}) => addContact(db, { name, ...over }, { now: NOW - 30 * DAY });
const read = async (id: string) => (await getContact(db, id)) as Contact;
const links = (c: Contact) => c.related.map((r) => `${r.kind}:${r.id ?? r.name}${r.note ? `:${r.note}` : ''}`);

describe('links in the store', () => {
  it('linking writes both sides in one go; "introduced by" names the person in the text field too', async () => {
    const anna = await add('Anna');
    const ben = await add('Ben');
    await linkPeople(db, anna.id, ben.id, 'knows', 'worked together at Siemens', NOW);
    expect(links(await read(anna.id))).toEqual([`knows:${ben.id}:worked together at Siemens`]);
    expect(links(await read(ben.id))).toEqual([`knows:${anna.id}:worked together at Siemens`]);
    await linkPeople(db, anna.id, ben.id, 'introducedBy', undefined, NOW);
    const a = await read(anna.id);
    expect(a.introducedBy).toBe('Ben');
    expect(links(await read(ben.id))).toContain(`introduced:${anna.id}`);
    // Linking again replaces the note, never duplicates.
    await linkPeople(db, anna.id, ben.id, 'knows', 'neighbours', NOW);
    expect(links(await read(ben.id)).filter((l) => l.startsWith('knows'))).toEqual([`knows:${anna.id}:neighbours`]);
    await unlinkPeople(db, ben.id, anna.id, NOW);
    expect((await read(anna.id)).related).toEqual([]);
    expect((await read(ben.id)).related).toEqual([]);
  });

  it('a person cannot be linked to themselves, nor to someone not in the book', async () => {
    const anna = await add('Anna');
    await expect(linkPeople(db, anna.id, anna.id, 'knows', undefined, NOW)).rejects.toThrow();
    await expect(linkPeople(db, anna.id, 'nobody', 'knows', undefined, NOW)).rejects.toMatchObject({
      code: 'notFound',
    });
    expect((await read(anna.id)).related).toEqual([]);
  });

  it('a deleted person disappears from both sides, one-sided links included; undo brings the links back', async () => {
    const anna = await add('Anna');
    const ben = await add('Ben');
    // Cora's link to Anna came from an import: Anna's record does not name Cora.
    const cora = await add('Cora', { related: [{ kind: 'knows', id: anna.id, name: 'Anna' }] });
    await linkPeople(db, anna.id, ben.id, 'knows', 'club', NOW);
    const removed = await removeContact(db, anna.id, NOW);
    // What it touched: Anna, and both whose link to her went.
    expect(removed?.touched.sort()).toEqual([anna.id, ben.id, cora.id].sort());
    expect((await read(ben.id)).related).toEqual([]);
    expect((await read(cora.id)).related).toEqual([]);
    // No link anywhere points at her.
    for (const c of await listAll(db)) expect(c.related.some((r) => r.id === anna.id)).toBe(false);
    expect(await restoreContact(db, (removed as { contact: Contact }).contact, NOW)).toEqual([anna.id, ben.id]);
    expect(links(await read(ben.id))).toEqual([`knows:${anna.id}:club`]);
    expect(links(await read(anna.id))).toEqual([`knows:${ben.id}:club`]);
  });

  it('a capture or import merged into a saved person keeps both sides’ links', async () => {
    const anna = await add('Anna', { profiles: [{ url: 'https://www.xing.com/profile/Anna_Roth', site: 'xing' }] });
    const ben = await add('Ben');
    await linkPeople(db, anna.id, ben.id, 'knows', undefined, NOW);
    const r = await upsertDraft(
      db,
      {
        name: 'Anna Roth',
        profiles: [{ url: 'https://www.xing.com/profile/Anna_Roth', site: 'xing' }],
        related: [{ kind: 'knows', id: 'elsewhere', name: 'Dora' }],
      },
      'captured',
      { now: NOW },
    );
    expect(r.status).toBe('updated');
    expect(links(await read(anna.id)).sort()).toEqual([`knows:${ben.id}`, 'knows:elsewhere'].sort());
  });

  it('sync merges links entry by entry: what either side added is kept', () => {
    const base = createContact({ name: 'Anna' }, 'manual', NOW, () => 'anna');
    const mine: Relation = { kind: 'knows', id: 'ben', name: 'Ben' };
    const theirs: Relation = { kind: 'introducedBy', id: 'cora', name: 'Cora' };
    const { updatedAt: _, ...card } = base;
    const merged = mergeSides({
      base: card,
      local: { ...base, related: [mine] },
      remote: { ...card, related: [theirs] },
      remoteNewer: true,
      remoteHasOwn: true,
    });
    expect(merged.related).toEqual([mine, theirs]);
  });

  it('asking for an introduction is logged on both: a message to the introducer, an entry on the other', async () => {
    const ben = await add('Ben', { cadenceDays: 30 });
    const cora = await add('Cora', { cadenceDays: 30 });
    await logIntroductionAsked(db, ben.id, cora.id, { introducer: 'Asked about Cora', target: 'Asked Ben' }, NOW);
    const b = await read(ben.id);
    const c = await read(cora.id);
    expect(b.interactions.at(-1)).toEqual({ at: NOW, kind: 'message', note: 'Asked about Cora' });
    expect(b.lastContactedAt).toBe(NOW);
    expect(c.interactions.at(-1)).toEqual({ at: NOW, kind: 'introduction', note: 'Asked Ben' });
    // Cora was not contacted: her last contact and due date stand.
    expect(c.lastContactedAt).toBeUndefined();
    expect(c.nextDueAt).toBe(cora.nextDueAt);
  });
});

describe('two records of one person merged', () => {
  /** Who the stored search index finds by a word. */
  const found = async (word: string) => searchBuckets(await readSearchIndex(db), [word]).map((h) => h.id);

  it("one record with both's profiles, emails, logs and notes; the kept one's values stand; links follow; undo puts all back", async () => {
    const nora = await add('Nora Doppel', {
      company: 'Acme GmbH',
      profiles: [{ url: 'https://www.linkedin.com/in/nora', site: 'linkedin' }],
      cadenceDays: 30,
      notes: 'Met at the Barcamp.',
    });
    const twin = await add('Nora Doppel', {
      company: 'ACME Group',
      role: 'CTO',
      emails: ['nora@example.org'],
      profiles: [{ url: 'https://www.xing.com/profile/Nora_Doppel', site: 'xing' }],
      notes: 'Likes cycling.',
    });
    const ben = await add('Ben');
    await linkPeople(db, ben.id, twin.id, 'knows', 'Stammtisch', NOW);
    await linkPeople(db, nora.id, twin.id, 'knows', undefined, NOW);
    await linkPeople(db, nora.id, ben.id, 'knows', 'Verein', NOW);
    await markContacted(db, twin.id, 'call', 'about the offer', NOW - 2 * DAY);
    const done = await mergePeople(db, nora.id, twin.id, NOW);
    expect(done.touched.sort()).toEqual([ben.id, nora.id, twin.id].sort());
    expect(await getContact(db, twin.id)).toBeUndefined();
    const merged = await read(nora.id);
    expect(merged).toMatchObject({ company: 'Acme GmbH', role: 'CTO', emails: ['nora@example.org'], cadenceDays: 30 });
    expect(merged.profiles.map((p) => p.site)).toEqual(['linkedin', 'xing']);
    expect(merged.notes).toBe('Met at the Barcamp.\n\nLikes cycling.');
    expect(merged.interactions.map((i) => i.note)).toEqual(['about the offer']);
    expect(merged.lastContactedAt).toBe(NOW - 2 * DAY);
    expect(merged.nextDueAt).toBe(NOW - 2 * DAY + 30 * DAY);
    // Ben knew both: he knows Nora once, as she had it; Nora is not linked to herself.
    expect(links(merged)).toEqual(['knows:' + ben.id + ':Verein']);
    expect(links(await read(ben.id))).toEqual(['knows:' + nora.id + ':Verein']);
    // The search finds her by the twin's note, once.
    expect(await found('cycling')).toEqual([nora.id]);

    // Since the merge: a contact logged with her, and her company corrected. Undo takes back the merge only.
    await markContacted(db, nora.id, 'meeting', 'lunch', NOW);
    await updateContact(db, nora.id, (c) => ({ ...c, company: 'Acme SE' }), { now: NOW });
    await unmerge(db, done, NOW + 1);
    const twinBack = await read(twin.id);
    expect(twinBack.emails).toEqual(['nora@example.org']);
    expect(twinBack.interactions.map((i) => i.note)).toEqual(['about the offer']);
    const noraBack = await read(nora.id);
    expect(noraBack).toMatchObject({ emails: [], company: 'Acme SE', notes: 'Met at the Barcamp.' });
    expect(noraBack.role).toBeUndefined();
    expect(noraBack.profiles.map((p) => p.site)).toEqual(['linkedin']);
    expect(noraBack.interactions.map((i) => i.note)).toEqual(['lunch']);
    expect(noraBack.nextDueAt).toBe(NOW + 30 * DAY);
    expect(links(noraBack).sort()).toEqual(['knows:' + ben.id + ':Verein', 'knows:' + twin.id].sort());
    expect(links(await read(ben.id)).sort()).toEqual(
      ['knows:' + nora.id + ':Verein', 'knows:' + twin.id + ':Stammtisch'].sort(),
    );
    expect(links(twinBack).sort()).toEqual(['knows:' + ben.id + ':Stammtisch', 'knows:' + nora.id].sort());
    expect((await listAll(db)).length).toBe(3);
    expect(await found('cycling')).toEqual([twin.id]);
  });

  it('a merge taken back counts entries alike: of a call both logged for one day, the one the other record had more goes', async () => {
    const nora = await add('Nora Doppel');
    const twin = await add('Nora D.');
    const day = NOW - 3 * DAY;
    await markContacted(db, nora.id, 'call', undefined, day);
    await markContacted(db, twin.id, 'call', undefined, day);
    await markContacted(db, twin.id, 'call', undefined, day);
    const done = await mergePeople(db, nora.id, twin.id, NOW);
    expect((await read(nora.id)).interactions).toHaveLength(2);
    await unmerge(db, done, NOW + 1);
    expect((await read(nora.id)).interactions).toEqual([{ at: day, kind: 'call' }]);
    expect((await read(twin.id)).interactions).toEqual([
      { at: day, kind: 'call' },
      { at: day, kind: 'call' },
    ]);
  });

  it('a person is not merged with themselves, nor with someone gone; nothing is written', async () => {
    const nora = await add('Nora');
    await expect(mergePeople(db, nora.id, nora.id, NOW)).rejects.toThrow();
    await expect(mergePeople(db, nora.id, 'gone', NOW)).rejects.toThrow();
    expect(await listAll(db)).toEqual([nora]);
  });
});

describe('follow-ups in the store', () => {
  it('a follow-up moves the due date; a later contact without one ends it once its day has come', async () => {
    const anna = await add('Anna', { cadenceDays: 91 });
    const on = new Date(2026, 11, 20).getTime();
    let a = await markContacted(db, anna.id, 'call', 'offer sent', NOW, { at: on, note: 'ask about the offer' });
    expect(a.nextDueAt).toBe(on);
    expect(a.followUp).toEqual({ at: on, note: 'ask about the offer' });
    // A contact before the follow-up's day leaves it standing.
    a = await markContacted(db, anna.id, 'message', undefined, NOW + DAY);
    expect(a.nextDueAt).toBe(on);
    // On or after its day it is done: the cadence takes over.
    a = await markContacted(db, anna.id, 'meeting', undefined, on + 10 * 3_600_000);
    expect(a.followUp).toBeUndefined();
    expect(a.nextDueAt).toBeGreaterThan(on + 80 * DAY);
  });
});

describe('RELATED in vCard', () => {
  const ANNA = '6f1c2d3e-4b5a-4c6d-8e7f-0123456789ab';
  const BEN = '0b7e3a52-1c4d-4e8f-9a6b-2c3d4e5f6a7b';
  const file = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `UID:urn:uuid:${ANNA}`,
    'FN:Anna Roth',
    `RELATED;TYPE=acquaintance;X-NOTE="worked together at Siemens":urn:uuid:${BEN}`,
    'RELATED;TYPE=acquaintance:urn:uuid:11111111-2222-3333-4444-555555555555',
    'RELATED;TYPE=spouse:urn:uuid:99999999-2222-3333-4444-555555555555',
    'END:VCARD',
    'BEGIN:VCARD',
    'VERSION:4.0',
    `UID:urn:uuid:${BEN}`,
    'FN:Ben Ott',
    `RELATED;TYPE=x-introduced-by;X-NAME="Anna Roth":urn:uuid:${ANNA}`,
    'RELATED;VALUE=text;TYPE=friend:Carla from the choir',
    'END:VCARD',
    '',
  ].join('\r\n');

  it('reads knows, introductions and names; family relations are not links (they stay in the card)', () => {
    const [anna, ben] = parseContactsFile(new TextEncoder().encode(file), 'x.vcf').contacts;
    expect(anna?.related).toEqual([
      { kind: 'knows', id: BEN, note: 'worked together at Siemens' },
      { kind: 'knows', id: '11111111-2222-3333-4444-555555555555' },
    ]);
    expect(ben?.related).toEqual([
      { kind: 'introducedBy', id: ANNA, name: 'Anna Roth' },
      { kind: 'knows', name: 'Carla from the choir' },
    ]);
    const card = parseCard(file) as NonNullable<ReturnType<typeof parseCard>>;
    expect(cardFields(card).related).toHaveLength(2);
  });

  it('an import into an empty book keeps the file’s ids, so its links point at the right people', async () => {
    const parsed = parseContactsFile(new TextEncoder().encode(file), 'x.vcf');
    await applyImport(db, await planImport(db, parsed.contacts), { now: NOW, defaultCadence: 91 });
    const anna = await read(ANNA);
    const ben = await read(BEN);
    expect(anna.name).toBe('Anna Roth');
    const book = await listAll(db);
    const shown = linksInBook(ben, book);
    expect(shown.map((l) => [l.kind, l.contact?.name ?? l.name])).toEqual([
      ['introducedBy', 'Anna Roth'],
      ['knows', 'Carla from the choir'],
      ['knows', 'Anna Roth'],
    ]);
    // The link to someone not in the book is kept (they may come later), shown as text with no person.
    const dangling = linksInBook(anna, book).find((l) => l.id === '11111111-2222-3333-4444-555555555555');
    expect(dangling).toMatchObject({ kind: 'knows', name: '' });
    expect(dangling?.contact).toBeUndefined();
  });

  it('an import merged into people already here points the file’s links at their ids', async () => {
    const here = await add('Anna Roth');
    const parsed = parseContactsFile(new TextEncoder().encode(file), 'x.vcf');
    const plan = await planImport(db, parsed.contacts);
    expect(plan.merge.map((m) => m.id)).toEqual([here.id]);
    await applyImport(db, plan, { now: NOW, defaultCadence: 91 });
    expect((await read(BEN)).related[0]).toMatchObject({ kind: 'introducedBy', id: here.id });
  });

  it('writes RELATED with the other person’s urn:uuid, their name and the note, and reads it back', () => {
    const c: Contact = {
      ...createContact({ name: 'Anna' }, 'manual', NOW, () => ANNA),
      related: [
        { kind: 'knows', id: BEN, name: 'Ben "der Bäcker" Ott', note: 'Lehre, 1990\nKöln' },
        { kind: 'introduced', id: '11111111-2222-3333-4444-555555555555', name: 'Dora' },
        { kind: 'knows', name: 'Carla; vom Chor' },
      ],
    };
    const text = writeVCards([c]);
    // Unfolded (long lines are folded at 75 octets).
    expect(text.replace(/\r\n /g, '')).toContain(
      `RELATED;TYPE=acquaintance;X-NAME="Ben ^'der Bäcker^' Ott";X-NOTE="Lehre, 1990^nKöln":urn:uuid:${BEN}`,
    );
    const [back] = parseContactsFile(new TextEncoder().encode(text), 'x.vcf').contacts;
    expect(back?.related).toEqual(c.related);
  });
});

describe('who can introduce', () => {
  function book() {
    let n = 0;
    const make = (name: string, over: Partial<Contact> = {}) => ({
      ...createContact({ name }, 'manual', NOW - 100 * DAY, () => `p${n++}`, 91),
      ...over,
    });
    const target = make('Tara Ziel', {
      company: 'Acme GmbH',
      circles: ['design'],
      history: [{ at: NOW - 50 * DAY, field: 'company', from: 'Siemens', to: 'Acme GmbH' }],
    });
    const knows = make('Kai Kennt', { related: [{ kind: 'knows', id: target.id, note: 'Uni' }] });
    const colleague = make('Cem Kollege', { company: 'ACME gmbh', lastContactedAt: NOW - DAY });
    const former = make('Fee Früher', {
      company: 'Beta',
      history: [{ at: NOW - 400 * DAY, field: 'company', from: 'Acme GmbH', to: 'Beta' }],
    });
    const siemens = make('Sven Siemens', { company: 'Siemens' });
    const circle = make('Cleo Kreis', { circles: ['design', 'clients'] });
    const stranger = make('Stefan Fremd', { company: 'Other' });
    return {
      target,
      knows,
      colleague,
      former,
      siemens,
      circle,
      stranger,
      all: [target, knows, colleague, former, siemens, circle, stranger],
    };
  }

  it('ranks who knows them, then who works or worked where they work or worked, then shared circles', () => {
    const b = book();
    const found = whoCanIntroduce(b.target, b.all);
    expect(found.map((f) => f.contact.name)).toEqual([
      'Kai Kennt',
      'Cem Kollege',
      'Sven Siemens',
      'Fee Früher',
      'Cleo Kreis',
    ]);
    expect(found.map((f) => f.reasons.map(introReasonText).join(' · '))).toEqual([
      'Knows them — Uni',
      'Works at ACME gmbh',
      'Works at Siemens',
      'Worked at Acme GmbH',
      'Also in: design',
    ]);
    // Never the person themselves, never someone with nothing in common.
    expect(found.some((f) => f.contact.id === b.target.id || f.contact.id === b.stranger.id)).toBe(false);
  });

  it('someone told apart from them ("Different people") is no link: not who knows them, not on their page, not in the reach', () => {
    const b = book();
    // The stranger was marked as someone else than Tara, on both sides, and once more towards someone not here.
    const mark = (c: Contact, id: string) => ({ ...c, related: [...c.related, { kind: 'distinct' as const, id }] });
    const target = mark(b.target, b.stranger.id);
    const stranger = mark(mark(b.stranger, b.target.id), 'gone-since');
    const all = b.all.map((c) => (c.id === target.id ? target : c.id === stranger.id ? stranger : c));
    expect(whoCanIntroduce(target, all).map((f) => f.contact.name)).not.toContain('Stefan Fremd');
    expect(whoCanIntroduce(stranger, all)).toEqual([]);
    expect(linksInBook(target, all).map((l) => l.name)).toEqual(['Kai Kennt']);
    expect(linksInBook(stranger, all)).toEqual([]);
    expect(new LinkedBeyond(all).size).toBe(new LinkedBeyond(b.all).size);
  });

  it('a captured profile not in the book: its company and the mutual connections the page names', () => {
    const b = book();
    const mutual = matchNames(['Cleo  Kreis', 'Nobody Here'], b.all);
    expect(mutual.map((c) => c.name)).toEqual(['Cleo Kreis']);
    const found = whoCanIntroduce({ name: 'Neu Person', company: 'Siemens', mutual }, b.all);
    expect(found.map((f) => [f.contact.name, f.reasons.map((r) => r.kind)])).toEqual([
      ['Cleo Kreis', ['mutual']],
      ['Sven Siemens', ['worksAt']],
      // Tara's company changed from Siemens: she worked there.
      ['Tara Ziel', ['workedAt']],
    ]);
  });

  it('nobody in common: nobody suggested', () => {
    const b = book();
    expect(whoCanIntroduce({ name: 'X', company: 'Nowhere' }, b.all)).toEqual([]);
  });

  it('a list patched after writes answers as the same list read anew (its grouping is changed, not rebuilt)', () => {
    const b = book();
    const ask = (list: readonly Contact[]) => {
      const mutual = matchNames(['Cleo Kreis', 'Nina Neu', 'Cem Kollege'], list);
      return [
        ...whoCanIntroduce({ name: 'Neu', company: 'Siemens', mutual }, list, 10),
        ...whoCanIntroduce({ name: 'Neu', company: 'acme GmbH' }, list, 10),
        // Tara's own page: who links to her, her circle.
        ...whoCanIntroduce(b.target, list, 10),
      ].map((f) => `${f.contact.name}: ${f.reasons.map((r) => r.kind).join(',')}`);
    };
    let list: Contact[] = b.all;
    ask(list); // grouped (names too)
    const steps: [string, Contact | null][][] = [
      // Cem moves from Acme to Siemens (role history says so); Cleo is deleted; Nina is new, at Siemens.
      [
        [
          b.colleague.id,
          {
            ...b.colleague,
            company: 'Siemens',
            history: [{ at: NOW, field: 'company', from: 'ACME gmbh', to: 'Siemens' }],
          },
        ],
      ],
      [
        [b.circle.id, null],
        ['p99', { ...b.stranger, id: 'p99', name: 'Nina Neu', company: 'siemens' }],
      ],
      // Sven renamed to a name already taken: both answer to it.
      [[b.siemens.id, { ...b.siemens, name: 'Cem Kollege' }]],
      // Nothing of it changes what the grouping reads.
      [[b.stranger.id, { ...b.stranger, notes: 'met at a fair' }]],
    ];
    for (const step of steps) {
      list = patchBook(list, new Map(step));
      expect(ask(list)).toEqual(ask(structuredClone(list)));
    }
    // Patched twice before a question (a write nobody asked about in between): still the same answers.
    const s = b.stranger;
    list = patchBook(patchBook(list, new Map([[s.id, { ...s, company: 'Siemens' }]])), new Map([[s.id, null]]));
    expect(ask(list)).toEqual(ask(structuredClone(list)));
    // At Siemens: Cem (moved there) and Sven (now also named Cem Kollege), both named by the page; Nina, new.
    // At Acme: Tara; Cem and Fee worked there. Cleo, deleted, is gone (from Tara's circle too). For Tara's page:
    // Kai knows her; Cem, Sven and Nina work at Siemens, where she worked; Cem and Fee worked at Acme.
    expect(ask(list)).toEqual([
      'Cem Kollege: mutual,worksAt',
      'Cem Kollege: mutual,worksAt',
      'Nina Neu: mutual,worksAt',
      'Tara Ziel: workedAt',
      'Tara Ziel: worksAt',
      'Cem Kollege: workedAt',
      'Fee Früher: workedAt',
      'Kai Kennt: knows',
      'Cem Kollege: worksAt,workedAt',
      'Cem Kollege: worksAt',
      'Nina Neu: worksAt',
      'Fee Früher: workedAt',
    ]);
    // The list before a patch still answers for itself.
    expect(ask(b.all)).toEqual(ask(structuredClone(b.all)));
  });
});

describe('who can introduce, against the plain way (every person compared)', () => {
  /** The rule written out with no grouping: every person scored on every reason, sorted, cut. */
  function plain(target: Parameters<typeof whoCanIntroduce>[0], book: readonly Contact[], limit: number) {
    const fold = (x: string) => sortKey(x);
    const past = (c: { history?: Contact['history']; company?: string | undefined }) =>
      (c.history ?? [])
        .flatMap((h) => (h.field === 'company' ? [h.from, h.to] : []))
        .filter((v) => v && v !== c.company);
    const companies = new Set([target.company, ...past(target)].filter(Boolean).map((x) => fold(x as string)));
    const out = [];
    for (const c of book) {
      if (c.id === target.id) continue;
      const kinds: string[] = [];
      if (target.mutual?.includes(c)) kinds.push('mutual');
      const theirs = target.related?.find((r) => r.id === c.id);
      const mine = target.id ? c.related.find((r) => r.id === target.id) : undefined;
      if (theirs || mine) kinds.unshift('knows');
      if (c.company && companies.has(fold(c.company))) kinds.push('worksAt');
      if (past(c).some((v) => companies.has(fold(v as string)))) kinds.push('workedAt');
      if (c.circles.some((x) => target.circles?.includes(x))) kinds.push('circle');
      const score = kinds.reduce(
        (n, k) => n + { knows: 100, mutual: 80, worksAt: 40, workedAt: 20, circle: 5 }[k as 'knows'],
        0,
      );
      if (score) out.push({ c, kinds, score });
    }
    return out
      .sort(
        (a, b) =>
          b.score - a.score ||
          (b.c.lastContactedAt ?? 0) - (a.c.lastContactedAt ?? 0) ||
          (a.c.name < b.c.name ? -1 : a.c.name > b.c.name ? 1 : 0) ||
          (a.c.id < b.c.id ? -1 : 1),
      )
      .slice(0, limit)
      .map((x) => `${x.c.id}:${[...x.kinds].sort().join(',')}`);
  }

  it('gives the same people, in the same order, with the same reasons, on random books', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const companies = ['Acme', 'ACME', 'Beta AG', 'Gamma', 'Délta'];
    for (let round = 0; round < 40; round++) {
      const book: Contact[] = Array.from({ length: 40 }, (_, i) => ({
        ...createContact({ name: `P${rand(25)}` }, 'manual', NOW, () => `r${round}-${i}`, 91),
        ...(rand(4) ? { company: companies[rand(5)] as string } : {}),
        circles: ['a', 'b', 'c'].filter(() => rand(3) === 0),
        ...(rand(3) ? { lastContactedAt: NOW - rand(5) * DAY } : {}),
      }));
      for (const c of book)
        if (rand(4) === 0)
          c.history = [{ at: NOW, field: 'company', from: companies[rand(5)] as string, to: c.company ?? '' }];
      // Links, most both ways, some one-sided (as a file may bring them).
      for (let k = 0; k < 30; k++) {
        const a = book[rand(40)] as Contact;
        const b = book[rand(40)] as Contact;
        if (a === b) continue;
        a.related.push({ kind: 'knows', id: b.id, ...(rand(2) ? { note: `n${k}` } : {}) });
        if (rand(4)) b.related.push({ kind: 'knows', id: a.id });
      }
      const inBook = book[rand(40)] as Contact;
      const mutual = book.filter(() => rand(10) === 0);
      const captured = { name: 'Neu', company: companies[rand(5)] as string, circles: ['b'], mutual };
      const limit = [1, 3, 5, 50][round % 4] as number;
      // Profiles with little in common: the places left go to people who only share a circle.
      const thin = [
        { name: 'Leer', circles: ['a', 'c'] },
        { name: 'Fast leer', company: 'Gamma', circles: ['c'] },
      ];
      for (const target of [inBook, { ...inBook, mutual }, captured, ...thin]) {
        const ours = whoCanIntroduce(target, book, limit).map(
          (f) =>
            `${f.contact.id}:${f.reasons
              .map((r) => r.kind)
              .sort()
              .join(',')}`,
        );
        expect(ours).toEqual(plain(target, book, limit));
      }
    }
  });
});

describe('grouping a list as it is read', () => {
  it('a list grouped part-way and grown at its end answers as the whole list grouped at once', () => {
    let n = 0;
    const people = Array.from({ length: 30 }, (_, i) =>
      createContact(
        { name: `Person ${i % 7}`, company: ['Acme', 'ACME', 'Beta', 'Gamma'][i % 4] as string },
        'manual',
        NOW,
        () => `g${n++}`,
        91,
      ),
    );
    const ask = (list: readonly Contact[]) =>
      whoCanIntroduce({ name: 'X', company: 'acme', mutual: matchNames(['Person 3', 'person 5'], list) }, list, 30)
        .map((f) => `${f.contact.id}:${f.reasons.map((r) => r.kind).join(',')}`)
        .sort();
    const growing: Contact[] = [];
    for (const chunk of [people.slice(0, 10), people.slice(10, 25), people.slice(25)]) {
      growing.push(...chunk);
      groupForIntroductions(growing);
    }
    const whole = ask(structuredClone(people));
    expect(whole.length).toBeGreaterThan(10);
    expect(ask(growing)).toEqual(whole);
    // Grown once more after a question: the people added are found too.
    const late = createContact({ name: 'Person 3', company: 'Acme' }, 'manual', NOW, () => 'late', 91);
    growing.push(late);
    expect(ask(growing)).toContain('late:mutual,worksAt');
  });
});

describe('patching a list (contacts/book.ts)', () => {
  it('replaces, removes and adds by id; everyone else is the same object; the list before is untouched', () => {
    const [a, b, c] = ['A', 'B', 'C'].map((name, i) => createContact({ name }, 'manual', NOW, () => `id${i}`, 91)) as [
      Contact,
      Contact,
      Contact,
    ];
    const before = [a, b, c];
    const b2 = { ...b, name: 'B2' };
    const d = createContact({ name: 'D' }, 'manual', NOW, () => 'id3', 91);
    const seen: unknown[] = [];
    followPatches((from, to, removed, added) => seen.push({ from, to, removed, added }));
    const after = patchBook(
      before,
      new Map<string, Contact | null>([
        [b.id, b2],
        [c.id, null],
        [d.id, d],
        ['gone-already', null],
      ]),
    );
    expect(after.map((x) => x.name)).toEqual(['A', 'B2', 'D']);
    expect(after[0]).toBe(a);
    expect(before.map((x) => x.name)).toEqual(['A', 'B', 'C']);
    expect(seen).toEqual([{ from: before, to: after, removed: [b, c], added: [b2, d] }]);
  });
});

describe('naming a person to link (the autocomplete)', () => {
  const make = (id: string, name: string, company?: string) => ({
    ...createContact({ name, ...(company ? { company } : {}) }, 'manual', NOW, () => id),
  });
  const book = [
    make('a', 'Anna Alt'),
    make('b1', 'Ben Ott', 'Acme'),
    make('b2', 'Ben Ott', 'Beta'),
    make('j', 'Jürgen Müller'),
  ];

  it('offers each person once, told apart by company where names repeat; never the person themselves', () => {
    const all = nameChoices(book);
    expect([...all.keys()]).toEqual(['Anna Alt', 'Ben Ott (Acme)', 'Ben Ott (Beta)', 'Jürgen Müller']);
    expect(offersFor(all, 'ben', 'x')).toEqual(['Ben Ott (Acme)', 'Ben Ott (Beta)']);
    expect(offersFor(all, 'mueller', 'x')).toEqual(['Jürgen Müller']);
    expect(offersFor(all, 'anna', 'a')).toEqual([]);
    expect(offersFor(all, '', 'x')).toEqual([]);
    // Built once per list.
    expect(nameChoices(book)).toBe(all);
  });

  it('a typed name is a person when it is an offer or the only one of that name; else it stays text', () => {
    const all = nameChoices(book);
    expect(personNamed(all, 'Ben Ott (Beta)', 'x')?.id).toBe('b2');
    expect(personNamed(all, 'juergen muller', 'x')?.id).toBe('j');
    expect(personNamed(all, 'Ben Ott', 'x')).toBeUndefined();
    expect(personNamed(all, 'Carla', 'x')).toBeUndefined();
    expect(personNamed(all, 'Anna Alt', 'a')).toBeUndefined();
  });
});
