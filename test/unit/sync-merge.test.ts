/** The merge rules of sync (src/sync/merge.ts): pure, one field at a time. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContact } from '../../src/contacts/merge';
import type { Contact, Interaction } from '../../src/contacts/types';
import type { CardFields } from '../../src/interchange/vcard-card';
import { mergeSides } from '../../src/sync/merge';

const T = Date.UTC(2026, 5, 1);
const DAY = 86_400_000;
const base: Contact = {
  ...createContact(
    {
      name: 'Anna Alt',
      role: 'Designer',
      emails: ['anna@example.org', 'old@example.org'],
      circles: ['clients'],
      notes: 'Erste Notiz',
      cadenceDays: 30,
    },
    'captured',
    T,
    () => 'anna',
  ),
  interactions: [{ at: T + DAY, kind: 'call' }],
  lastContactedAt: T + DAY,
};
const { updatedAt: _u, ...baseFields } = base;
const merge = (
  local: Partial<Contact>,
  remote: Partial<CardFields>,
  over: Partial<Parameters<typeof mergeSides>[0]> = {},
) =>
  mergeSides({
    base: baseFields,
    local: { ...base, ...local } as Contact,
    remote: { ...baseFields, ...remote },
    remoteNewer: false,
    remoteHasOwn: true,
    ...over,
  });

describe('one side changed', () => {
  it('takes that side, field by field', () => {
    const m = merge({ role: 'Head of Design' }, { company: 'Acme' });
    expect(m).toMatchObject({ role: 'Head of Design', company: 'Acme', name: 'Anna Alt' });
  });

  it('a value cleared on one side is cleared', () => {
    expect(merge({}, { role: undefined }).role).toBeUndefined();
  });
});

describe('both sides changed the same field', () => {
  it('lists: what either side added stays, what either removed goes', () => {
    const m = merge(
      { emails: ['anna@example.org', 'old@example.org', 'here@example.org'] },
      { emails: ['anna@example.org', 'there@example.org'] },
    );
    expect(m.emails).toEqual(['anna@example.org', 'here@example.org', 'there@example.org']);
  });

  it('a web address is one link whatever name its page was said to give (ProfileLink.named): never held twice', () => {
    const home = { url: 'https://hanna.example', site: 'web' as const };
    const named = { ...home, named: 'Dr. Hanna Vogel-Berg' };
    const other = { url: 'https://other.example', site: 'web' as const };
    // Both changed: the name kept here stands beside the link the card added.
    expect(
      merge({ profiles: [named] }, { profiles: [home, other] }, { base: { ...baseFields, profiles: [home] } }).profiles,
    ).toEqual([named, other]);
    // Linked the first time, the card without the name (another app's): one link, with it.
    expect(merge({ profiles: [named] }, { profiles: [home] }, { base: undefined }).profiles).toEqual([named]);
  });

  it("a number or address both sides added, each written its own way, is one entry: this side's", () => {
    const m = merge(
      { phones: ['+49 30 1234567'], emails: [...base.emails, 'anna@studio.example'] },
      { phones: ['+49 (0)30 123 45-67', '0171 2345678'], emails: [...base.emails, 'Anna@Studio.example'] },
    );
    expect(m.phones).toEqual(['+49 30 1234567', '0171 2345678']);
    expect(m.emails).toEqual(['anna@example.org', 'old@example.org', 'anna@studio.example']);
  });

  it("a number the card rewrote (another app's formatting) while this side added one: the card's form, not both", () => {
    const was = { ...baseFields, phones: ['0171 2345678'] };
    const m = merge({ phones: ['0171 2345678', '030 999 000'] }, { phones: ['0171/234 56 78'] }, { base: was });
    expect(m.phones).toEqual(['030 999 000', '0171/234 56 78']);
  });

  it('interactions are united, oldest first', () => {
    const m = merge(
      { interactions: [...base.interactions, { at: T + 3 * DAY, kind: 'email' }] },
      { interactions: [...base.interactions, { at: T + 2 * DAY, kind: 'meeting', note: 'Kaffee' }] },
    );
    expect(m.interactions.map((i) => i.at)).toEqual([T + DAY, T + 2 * DAY, T + 3 * DAY]);
  });

  it('entries alike are counted: a call logged twice for one day on either side is two, one both have is one', () => {
    const call = { at: T + 2 * DAY, kind: 'call' as const };
    const email = { at: T + 3 * DAY, kind: 'email' as const };
    const twice = [...base.interactions, call, call];
    const m = merge({ interactions: [...base.interactions, email] }, { interactions: twice });
    expect(m.interactions).toEqual([...twice, email]);
    expect(merge({ interactions: twice }, { interactions: [...base.interactions, email] }).interactions).toEqual([
      ...twice,
      email,
    ]);
    expect(
      merge({ interactions: [...twice, email] }, { interactions: [...base.interactions, call] }).interactions,
    ).toEqual([...twice, email]);
  });

  it('an entry taken out on one side stays out while the other side logged another (three-way, against the base)', () => {
    const meeting = { at: T + 2 * DAY, kind: 'meeting' as const };
    const email = { at: T + 4 * DAY, kind: 'email' as const };
    const was = [...base.interactions, meeting];
    const m = merge(
      { interactions: base.interactions, lastContactedAt: T + DAY },
      { interactions: [...was, email], lastContactedAt: T + 4 * DAY },
      { base: { ...baseFields, interactions: was, lastContactedAt: T + 2 * DAY } },
    );
    expect(m.interactions).toEqual([...base.interactions, email]);
    expect(m.lastContactedAt).toBe(T + 4 * DAY);
    // The other way round: taken out there, logged here.
    const n = merge(
      { interactions: [...was, email], lastContactedAt: T + 4 * DAY },
      { interactions: base.interactions, lastContactedAt: T + DAY },
      { base: { ...baseFields, interactions: was, lastContactedAt: T + 2 * DAY } },
    );
    expect(n.interactions).toEqual([...base.interactions, email]);
  });

  it('entries alike taken out: one of two on each side is one taken out; one taken out beside one logged is as many as before', () => {
    const call = { at: T + 2 * DAY, kind: 'call' as const };
    const email = { at: T + 3 * DAY, kind: 'email' as const };
    const twice = [...base.interactions, call, call];
    const over = { base: { ...baseFields, interactions: twice, lastContactedAt: T + 2 * DAY } };
    const one = [...base.interactions, call];
    expect(merge({ interactions: one }, { interactions: [...one, email] }, over).interactions).toEqual([...one, email]);
    expect(merge({ interactions: [...twice, call] }, { interactions: [...one, email] }, over).interactions).toEqual([
      ...twice,
      email,
    ]);
    expect(merge({ interactions: one }, { interactions: [...base.interactions, email] }, over).interactions).toEqual([
      ...base.interactions,
      email,
    ]);
  });

  it('the last contact follows the merged log: an earlier-day contact logged there outlasts the latest one taken out here', () => {
    const meeting = { at: T + 5 * DAY, kind: 'meeting' as const };
    const lunch = { at: T + 3 * DAY, kind: 'meeting' as const, note: 'Mittag' };
    const was = [...base.interactions, meeting];
    const over = { base: { ...baseFields, interactions: was, lastContactedAt: T + 5 * DAY, nextDueAt: T + 35 * DAY } };
    // Here the meeting was taken out (last contact back to the call); there a lunch two days earlier was logged,
    // which left the card's last contact at the meeting.
    const m = merge(
      { interactions: base.interactions, lastContactedAt: T + DAY, nextDueAt: T + 31 * DAY },
      { interactions: [...base.interactions, lunch, meeting], lastContactedAt: T + 5 * DAY, nextDueAt: T + 35 * DAY },
      over,
    );
    expect(m.interactions).toEqual([...base.interactions, lunch]);
    expect([m.lastContactedAt, m.nextDueAt]).toEqual([T + 3 * DAY, T + 33 * DAY]);
    // There the lunch, here the meeting taken out and one of the days before it as well: the lunch is the last.
    const n = merge(
      { interactions: [], lastContactedAt: undefined, nextDueAt: T },
      { interactions: [...base.interactions, lunch, meeting], lastContactedAt: T + 5 * DAY, nextDueAt: T + 35 * DAY },
      over,
    );
    expect([n.interactions, n.lastContactedAt]).toEqual([[lunch], T + 3 * DAY]);
  });

  it('notes that differ are both kept, a line changed on one side in its new version only; one that contains the other wins', () => {
    expect(merge({ notes: 'Erste Notiz\nHier' }, { notes: 'Erste Notiz, Handy' }).notes).toBe(
      'Hier\n\nErste Notiz, Handy',
    );
    expect(merge({ notes: 'Erste Notiz und mehr' }, { notes: 'Erste Notiz und' }).notes).toBe('Erste Notiz und mehr');
  });

  it('notes line by line against the base: a line taken out here and one added there are both done, nothing twice', () => {
    const was = 'Messe Köln 2024\nKinder: 2\nMag Jazz';
    const over = { base: { ...baseFields, notes: was } };
    expect(merge({ notes: 'Messe Köln 2024\nMag Jazz' }, { notes: `${was}\nFrau: Eva` }, over).notes).toBe(
      'Messe Köln 2024\nMag Jazz\nFrau: Eva',
    );
    // Each side changed another line: both changes.
    expect(
      merge(
        { notes: 'Messe Köln 2025\nKinder: 2\nMag Jazz' },
        { notes: 'Messe Köln 2024\nKinder: 2\nMag Jazz und Soul' },
        over,
      ).notes,
    ).toBe('Messe Köln 2025\nKinder: 2\nMag Jazz und Soul');
    // The same line changed on both sides: both versions of it, in place (one that holds the other is enough).
    expect(
      merge(
        { notes: 'Messe Köln 2024\nKinder: 3\nMag Jazz' },
        { notes: 'Messe Köln 2024\nKinder: 2 (Zwillinge)\nMag Jazz' },
        over,
      ).notes,
    ).toBe('Messe Köln 2024\nKinder: 3\n\nKinder: 2 (Zwillinge)\nMag Jazz');
    expect(
      merge(
        { notes: 'Messe Köln 2024\nKinder: 2, beide im Chor\nMag Jazz' },
        { notes: 'Messe Köln 2024\nKinder: 2, beide\nMag Jazz' },
        over,
      ).notes,
    ).toBe('Messe Köln 2024\nKinder: 2, beide im Chor\nMag Jazz');
    // A line taken out here beside one added there, right after it: the line stays out, the new one comes in.
    expect(
      merge({ notes: 'Messe Köln 2024\nMag Jazz' }, { notes: 'Messe Köln 2024\nKinder: 2\nFrau: Eva\nMag Jazz' }, over)
        .notes,
    ).toBe('Messe Köln 2024\nFrau: Eva\nMag Jazz');
    expect(
      merge({ notes: 'Messe Köln 2024\nKinder: 2\nVera 5\nMag Jazz' }, { notes: 'Messe Köln 2024\nMag Jazz' }, over)
        .notes,
    ).toBe('Messe Köln 2024\nVera 5\nMag Jazz');
    // A line changed there that was taken out here: the change stands (a change beats a delete).
    expect(
      merge({ notes: 'Messe Köln 2024\nMag Jazz' }, { notes: 'Messe Köln 2024\nKinder: 3\nMag Jazz' }, over).notes,
    ).toBe('Messe Köln 2024\nKinder: 3\nMag Jazz');
  });

  it('the later last contact wins, and the next due date goes with it', () => {
    const m = merge(
      { lastContactedAt: T + 5 * DAY, nextDueAt: T + 35 * DAY },
      { lastContactedAt: T + 9 * DAY, nextDueAt: T + 39 * DAY },
    );
    expect([m.lastContactedAt, m.nextDueAt]).toEqual([T + 9 * DAY, T + 39 * DAY]);
  });

  it("the card's later last contact with a rhythm changed here: the next due date is worked out with the rhythm that stands", () => {
    // Here the cadence went from 30 to 90 days; there a call was logged, due again 30 days on by the old rhythm.
    const m = merge({ cadenceDays: 90 }, { lastContactedAt: T + 9 * DAY, nextDueAt: T + 39 * DAY });
    expect([m.cadenceDays, m.lastContactedAt, m.nextDueAt]).toEqual([90, T + 9 * DAY, T + 99 * DAY]);
  });

  it('a single value: the side changed last wins (the card by its REV)', () => {
    expect(merge({ role: 'Here' }, { role: 'There' }, { remoteNewer: false }).role).toBe('Here');
    expect(merge({ role: 'Here' }, { role: 'There' }, { remoteNewer: true }).role).toBe('There');
  });

  it('moments keep their own rule whichever side changed last: the earlier "added", the later snooze', () => {
    for (const remoteNewer of [false, true]) {
      const m = merge(
        { createdAt: T - 9 * DAY, snoozedUntil: T + 20 * DAY },
        { createdAt: T - 3 * DAY, snoozedUntil: T + 40 * DAY },
        { remoteNewer },
      );
      expect([m.createdAt, m.snoozedUntil], String(remoteNewer)).toEqual([T - 9 * DAY, T + 40 * DAY]);
    }
  });

  it('a value the card cleared while this side changed it: the side changed last', () => {
    expect(merge({ role: 'Here' }, { role: undefined }, { remoteNewer: false }).role).toBe('Here');
    expect(merge({ role: 'Here' }, { role: undefined }, { remoteNewer: true }).role).toBeUndefined();
  });
});

describe('what an app that dropped Reconnect’s own properties did not mean', () => {
  it('the cadence, interactions and last contact stay when the card has none of them any more', () => {
    const strip = { cadenceDays: undefined, interactions: undefined, lastContactedAt: undefined, nextDueAt: undefined };
    const m = merge({}, { ...strip, phones: ['+49 1'] }, { remoteHasOwn: false });
    expect(m).toMatchObject({ cadenceDays: 30, lastContactedAt: T + DAY, phones: ['+49 1'] });
    expect(m.interactions).toEqual(base.interactions);
  });
});

describe('the first link (no base): nothing is removed', () => {
  it("both sides' notes are kept, a line they share once; one that holds the other is enough", () => {
    const first = (here: string, there: string) => merge({ notes: here }, { notes: there }, { base: undefined }).notes;
    expect(first('Messe Köln 2024\nKinder: 2', 'vom Handy')).toBe('Messe Köln 2024\nKinder: 2\n\nvom Handy');
    expect(first('Messe Köln 2024\nKinder: 2', 'Messe Köln 2024\nFrau: Eva')).toBe(
      'Messe Köln 2024\nKinder: 2\n\nFrau: Eva',
    );
    expect(first('Messe Köln 2024\nKinder: 2', 'Kinder: 2')).toBe('Messe Köln 2024\nKinder: 2');
    expect(first('', 'vom Handy')).toBe('vom Handy');
  });

  it('a number or address both have, written two ways, is united once, as this side writes it', () => {
    const m = merge(
      { phones: ['+49 30 1234567'], emails: ['anna@example.org'] },
      { phones: ['+49 (0)30 123 45-67'], emails: ['Anna@Example.org', 'anna@work.example.org'] },
      { base: undefined },
    );
    expect(m.phones).toEqual(['+49 30 1234567']);
    expect(m.emails).toEqual(['anna@example.org', 'anna@work.example.org']);
  });

  it("a person linked on both sides is linked once, with the note the card gave the link where this side's has none", () => {
    const ben = { kind: 'knows' as const, id: 'ben', name: 'Ben Berg' };
    const m = merge({ related: [ben] }, { related: [{ ...ben, note: 'aus dem Chor' }] }, { base: undefined });
    expect(m.related).toEqual([{ ...ben, note: 'aus dem Chor' }]);
  });

  it('lists are united; a value comes from the card only where this side has none', () => {
    const m = merge(
      { role: 'Designer', emails: ['anna@example.org'] },
      { role: 'Senior Designer', company: 'Acme', emails: ['anna@work.example.org'] },
      { base: undefined },
    );
    expect(m).toMatchObject({
      role: 'Designer',
      company: 'Acme',
      emails: ['anna@example.org', 'anna@work.example.org'],
    });
  });
});

describe('lists, for any edits on either side (property)', () => {
  const EMAILS = ['a@x.example', 'b@x.example', 'c@x.example', 'd@x.example', 'e@x.example'];
  const CIRCLES = ['clients', 'friends', 'family', 'Chor', 'Stammtisch'];
  const list = (pool: string[]) =>
    fc.shuffledSubarray(pool).chain((xs) => fc.shuffledSubarray(xs, { minLength: xs.length }));
  const lists = fc.record({ emails: list(EMAILS), circles: list(CIRCLES) });

  it('what either side added stays, what either removed goes, each once; a field one side left as it was: the other side', () => {
    fc.assert(
      fc.property(lists, lists, lists, (was, here, there) => {
        const m = merge(here, there, { base: { ...baseFields, ...was } });
        for (const k of ['emails', 'circles'] as const) {
          const [b, l, r, out] = [was[k], here[k], there[k], m[k]];
          expect(new Set(out).size, k).toBe(out.length);
          for (const x of new Set([...b, ...l, ...r])) {
            if (!b.includes(x)) expect(out.includes(x), `${k}: ${x} added`).toBe(l.includes(x) || r.includes(x));
            else if (!l.includes(x) || !r.includes(x)) expect(out, `${k}: ${x} removed`).not.toContain(x);
            else expect(out, `${k}: ${x} kept`).toContain(x);
          }
          // Emails keep their order (the first is written to); circles are a set (a card cannot keep their order).
          const same = (a: string[], c: string[]) =>
            k === 'circles' ? [...a].sort().join() === [...c].sort().join() : a.join() === c.join();
          if (same(l, r)) expect(out, k).toEqual(l);
          else if (same(l, b)) expect(out, `${k}: only the card changed`).toEqual(r);
          else if (same(r, b)) expect(out, `${k}: only this side changed`).toEqual(l);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('profile links by address: added stays, removed goes, one entry each, whatever name either side gives it', () => {
    const site = 'web' as const;
    const link = (url: string) =>
      fc.constantFrom({ url, site }, { url, site, named: 'Dr. Anna Alt' }, { url, site, named: 'Anna A.' });
    const URLS = ['https://a.example', 'https://b.example', 'https://c.example', 'https://d.example'];
    const profiles = fc
      .shuffledSubarray(URLS)
      .chain((xs) => fc.tuple(...xs.map(link)))
      .map((ps) => [...ps]);
    fc.assert(
      fc.property(profiles, profiles, profiles, (b, l, r) => {
        const out = merge({ profiles: l }, { profiles: r }, { base: { ...baseFields, profiles: b } }).profiles;
        const urls = (ps: { url: string }[]) => ps.map((p) => p.url);
        expect(new Set(urls(out)).size).toBe(out.length);
        for (const u of new Set([...urls(b), ...urls(l), ...urls(r)])) {
          const [inB, inL, inR] = [b, l, r].map((ps) => urls(ps).includes(u));
          const kept = inB ? inL && inR : inL || inR;
          expect(urls(out).includes(u), u).toBe(kept);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('linked the first time (no base): nothing is removed, this side’s entries first and in its order, each once', () => {
    fc.assert(
      fc.property(lists, lists, (here, there) => {
        const m = merge(here, there, { base: undefined });
        for (const k of ['emails', 'circles'] as const) {
          const [l, r, out] = [here[k], there[k], m[k]];
          expect(out.slice(0, l.length), k).toEqual(l);
          expect([...out].sort(), k).toEqual([...new Set([...l, ...r])].sort());
        }
      }),
      { numRuns: 500 },
    );
  });

  it("logs: each side's change to how many of an entry stands, and the last contact is the merged log's latest", () => {
    const ENTRIES: Interaction[] = [
      { at: T + DAY, kind: 'call' },
      { at: T + 2 * DAY, kind: 'email' },
      { at: T + 2 * DAY, kind: 'meeting', note: 'Kaffee' },
      { at: T + 3 * DAY, kind: 'introduction', note: 'an Ben' },
    ];
    // A log: how many of each entry (0–2: a call logged twice for one day is two), oldest first; its last contact is
    // its latest contact, as every way of logging leaves it.
    const log = fc.tuple(...ENTRIES.map(() => fc.nat(2))).map((counts) => {
      const interactions = ENTRIES.flatMap((e, i) => Array.from({ length: counts[i] ?? 0 }, () => ({ ...e })));
      const contacts = interactions.filter((x) => x.kind !== 'introduction').map((x) => x.at);
      return { interactions, lastContactedAt: contacts.length ? Math.max(...contacts) : undefined };
    });
    fc.assert(
      fc.property(log, log, log, (was, here, there) => {
        const m = merge(here, there, { base: { ...baseFields, ...was } });
        const n = (list: Interaction[], e: Interaction) =>
          list.filter((x) => x.at === e.at && x.kind === e.kind && x.note === e.note).length;
        for (const e of ENTRIES) {
          const [b, l, r, out] = [
            n(was.interactions, e),
            n(here.interactions, e),
            n(there.interactions, e),
            n(m.interactions, e),
          ];
          const what = `${e.kind}: ${b} → here ${l}, there ${r}`;
          if (l === b) expect(out, what).toBe(r);
          else if (r === b) expect(out, what).toBe(l);
          // Both logged it: entries alike are one event, logged on both.
          else if (l > b && r > b) expect(out, what).toBe(Math.max(l, r));
          // Both took it out: as many as the side that took out more left.
          else if (l < b && r < b) expect(out, what).toBe(Math.min(l, r));
          // Logged on one side, taken out on the other: both changes.
          else expect(out, what).toBe(l + r - b);
        }
        expect(m.interactions.map((x) => x.at)).toEqual(m.interactions.map((x) => x.at).sort((x, y) => x - y));
        const contacts = m.interactions.filter((x) => x.kind !== 'introduction').map((x) => x.at);
        expect(m.lastContactedAt).toBe(contacts.length ? Math.max(...contacts) : undefined);
      }),
      { numRuns: 500 },
    );
  });

  it('notes, for any edits on both sides: no line either side added is lost, none comes from nowhere, one taken out on one side is gone, one both kept is there once', () => {
    const BASE = ['Messe Köln 2024', 'Kinder: 2', 'Mag Jazz', 'Frau: Eva', 'Hund: Bello', 'Chor dienstags'];
    // A side's note: some of the base's lines (in order), with new lines of its own between them.
    const side = (tag: string) =>
      fc.tuple(fc.subarray(BASE), fc.array(fc.nat(6), { maxLength: 3 })).map(([kept, at]) => {
        const lines = [...kept];
        for (const [n, i] of at.entries()) lines.splice(Math.min(i, lines.length), 0, `${tag} ${n + 1}`);
        return lines.join('\n');
      });
    fc.assert(
      fc.property(fc.subarray(BASE), side('Hier'), side('Handy'), (was, here, there) => {
        const notes = merge(
          { notes: here },
          { notes: there },
          { base: { ...baseFields, notes: was.join('\n') } },
        ).notes;
        for (const line of [...here.split('\n'), ...there.split('\n')])
          if (line && !was.includes(line)) expect(notes, line).toContain(line);
        for (const line of notes.split('\n'))
          if (line) expect([...was, ...here.split('\n'), ...there.split('\n')], line).toContain(line);
        // A line one side took out and the other kept as it was is gone.
        for (const line of was)
          if (here.split('\n').includes(line) !== there.split('\n').includes(line))
            expect(notes.split('\n'), line).not.toContain(line);
        // A line both sides kept is there once.
        for (const line of was)
          if (here.split('\n').includes(line) && there.split('\n').includes(line))
            expect(
              notes.split('\n').filter((l) => l === line),
              line,
            ).toHaveLength(1);
      }),
      { numRuns: 500 },
    );
  });
});
