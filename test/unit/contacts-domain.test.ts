import { describe, expect, it } from 'vitest';
import * as de from '../../src/_locales/de/messages.json';
import * as en from '../../src/_locales/en/messages.json';
import { addDays, DAY, isForgotten, nextDueAt, spreadDueAt } from '../../src/contacts/cadence';
import { readCircles, writeCircles } from '../../src/contacts/circle-names';
import { DEFAULT_CIRCLES } from '../../src/contacts/circles';
import { comingWeekEnd, dueOrder, dueState } from '../../src/contacts/due';
import { readFileCircles } from '../../src/contacts/file-circles';
import { createContact, mergeDraft } from '../../src/contacts/merge';
import { fold, matchKey } from '../../src/contacts/normalize';
import { beforeNextReminderDay } from '../../src/contacts/schedule';
import { snoozeEnd } from '../../src/contacts/select';
import { uniteContacts } from '../../src/contacts/unite';

const ids = () => {
  let n = 0;
  return () => `id-${++n}`;
};

describe('fold: case-, accent- and umlaut-insensitive', () => {
  it.each([
    ['Müller', 'Mueller'],
    ['Müller', 'muller'],
    ['MÜLLER', 'mueller'],
    ['José García', 'jose garcia'],
    ['Straße', 'strasse'],
    ['Ærø', fold('Ærø')],
    ['  Jane   Doe ', 'jane doe'],
  ])('%s = %s', (a, b) => {
    expect(fold(a)).toBe(fold(b));
  });

  it('keeps different names different', () => {
    expect(fold('Müller')).not.toBe(fold('Miller'));
    expect(matchKey('Jane Doe', 'Acme')).not.toBe(matchKey('Jane Doe', 'Other'));
    expect(matchKey('Jane Doe', 'ACME')).toBe(matchKey('jane doe', 'Acme'));
  });
});

describe('due dates', () => {
  // Europe/Berlin switches to summer time on 2026-03-29 and back on 2026-10-25.
  const local = (y: number, m: number, d: number, h = 9) => new Date(y, m - 1, d, h).getTime();

  it('due order: earliest effective due date first, people without a cadence last and equal among themselves', () => {
    const at = (nextDueAt?: number) => ({ nextDueAt, snoozedUntil: undefined });
    expect(dueOrder(at(1), at(2))).toBe(-1);
    expect(dueOrder(at(2), at(1))).toBe(1);
    expect(dueOrder(at(1), at())).toBe(-1);
    expect(dueOrder(at(), at(1))).toBe(1);
    expect(dueOrder(at(), at())).toBe(0);
  });

  it('runs in a time zone with DST (vitest.config.ts sets Europe/Berlin)', () => {
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(-60);
    expect(new Date(2026, 6, 1).getTimezoneOffset()).toBe(-120);
  });

  it.each([
    ['a week across the spring DST change keeps 09:00', local(2026, 3, 25), 7, local(2026, 4, 1)],
    ['a week across the autumn DST change keeps 09:00', local(2026, 10, 21), 7, local(2026, 10, 28)],
    ['leap day + a year of days', local(2028, 2, 29), 365, local(2029, 2, 28)],
    ['across the year end', local(2026, 12, 28), 7, local(2027, 1, 4)],
  ])('%s', (_, from, days, want) => {
    expect(addDays(from, days)).toBe(want);
  });

  it('next due = last contact (or when added) + cadence; no cadence, never due', () => {
    const createdAt = local(2026, 1, 1);
    expect(nextDueAt({ cadenceDays: 30, createdAt })).toBe(local(2026, 1, 31));
    expect(nextDueAt({ cadenceDays: 30, createdAt, lastContactedAt: local(2026, 3, 1) })).toBe(local(2026, 3, 31));
    expect(nextDueAt({ cadenceDays: null, createdAt })).toBeUndefined();
  });

  it('many people added at once fall due a weekly share at a time, from a week on, at the same hour', () => {
    const now = local(2026, 3, 25);
    expect([0, 1, 2, 3, 4].map((i) => spreadDueAt(now, i, 2))).toEqual([
      local(2026, 4, 1),
      local(2026, 4, 1),
      local(2026, 4, 8),
      local(2026, 4, 8),
      local(2026, 4, 15),
    ]);
    // A share below one is one a week, not everyone at once.
    expect(spreadDueAt(now, 3, 0)).toBe(local(2026, 4, 22));
  });

  it('states: overdue, due within a week, ok, snoozed, none; forgotten after a year without contact', () => {
    const now = local(2026, 6, 1);
    const c = createContact({ name: 'A', cadenceDays: 30 }, 'manual', local(2026, 4, 1), ids());
    expect(dueState(c, now)).toBe('overdue');
    expect(dueState({ ...c, nextDueAt: now + 3 * DAY }, now)).toBe('due');
    expect(dueState({ ...c, nextDueAt: now + 30 * DAY }, now)).toBe('ok');
    expect(dueState({ ...c, snoozedUntil: now + DAY }, now)).toBe('snoozed');
    expect(dueState({ ...c, nextDueAt: undefined }, now)).toBe('none');
    // Due within the week: by the end of the sixth day after today, as birthdays count it (Monday 10:00: through
    // Sunday night, not the next Monday's morning, as seven times 24 hours had it).
    const monday10 = new Date(2026, 5, 1, 10).getTime();
    expect(dueState({ ...c, nextDueAt: new Date(2026, 5, 7, 23, 59).getTime() }, monday10)).toBe('due');
    expect(dueState({ ...c, nextDueAt: new Date(2026, 5, 8, 8).getTime() }, monday10)).toBe('ok');
    expect(comingWeekEnd(monday10)).toBe(new Date(2026, 5, 8).getTime() - 1);
    // At a Monday slot, the weekly reminder's reach.
    expect(comingWeekEnd(new Date(2026, 5, 1, 9).getTime())).toBe(
      beforeNextReminderDay(new Date(2026, 5, 1, 9).getTime(), { weekday: 1, minutes: 540 }),
    );
    expect(isForgotten(c, now)).toBe(false);
    expect(isForgotten(c, local(2027, 4, 2))).toBe(true);
    expect(isForgotten({ ...c, lastContactedAt: local(2027, 1, 1) }, local(2027, 4, 2))).toBe(false);
  });
});

describe('a snooze and a birthday (select.ts snoozeEnd)', () => {
  // Monday 7 December 2026, 10:00 local time.
  const monday = new Date(2026, 11, 7, 10).getTime();
  const midnight = (month: number, day: number, year = 2026) => new Date(year, month - 1, day).getTime();

  it('runs its length without a birthday, or with one after it, or on the birthday itself', () => {
    expect(snoozeEnd({}, monday, 7)).toBe(monday + 7 * DAY);
    expect(snoozeEnd({ birthday: { month: 12, day: 15 } }, monday, 7)).toBe(monday + 7 * DAY);
    expect(snoozeEnd({ birthday: { month: 12, day: 7 } }, monday, 7)).toBe(monday + 7 * DAY);
  });

  it("ends as the day of a birthday it would pass begins: tomorrow, this Friday, in a month's snooze", () => {
    expect(snoozeEnd({ birthday: { month: 12, day: 8, year: 1980 } }, monday, 7)).toBe(midnight(12, 8));
    expect(snoozeEnd({ birthday: { month: 12, day: 11 } }, monday, 7)).toBe(midnight(12, 11));
    expect(snoozeEnd({ birthday: { month: 12, day: 20 } }, monday, 30)).toBe(midnight(12, 20));
    // Across the new year, and 29 February on 28 February in a year without it.
    expect(snoozeEnd({ birthday: { month: 1, day: 2 } }, new Date(2026, 11, 28, 10).getTime(), 7)).toBe(
      midnight(1, 2, 2027),
    );
    expect(snoozeEnd({ birthday: { month: 2, day: 29 } }, new Date(2027, 1, 25, 10).getTime(), 7)).toBe(
      midnight(2, 28, 2027),
    );
  });
});

describe('merging', () => {
  const t0 = Date.UTC(2026, 0, 1);
  const base = createContact(
    {
      name: 'Jane Doe',
      role: 'Designer',
      company: 'Acme',
      profiles: [{ url: 'https://www.linkedin.com/in/jane', site: 'linkedin' }],
      emails: ['Jane@Example.com'],
      notes: 'Met at a meetup.',
    },
    'captured',
    t0,
    ids(),
  );

  it('keeps every profile URL, email and note, and records role/company changes in history', () => {
    const merged = mergeDraft(
      base,
      {
        name: 'Jane Doe',
        role: 'Head of Design',
        company: 'Beta',
        profiles: [{ url: 'https://github.com/jane', site: 'github' }],
        emails: ['jane@example.com', 'jane@beta.example'],
        notes: 'Now at Beta.',
      },
      t0 + DAY,
    );
    expect(merged.profiles.map((p) => p.url)).toEqual(['https://www.linkedin.com/in/jane', 'https://github.com/jane']);
    expect(merged.emails).toEqual(['jane@example.com', 'jane@beta.example']);
    expect(merged.notes).toBe('Met at a meetup.\n\nNow at Beta.');
    expect(merged.role).toBe('Head of Design');
    expect(merged.history).toEqual([
      { at: t0 + DAY, field: 'role', from: 'Designer', to: 'Head of Design' },
      { at: t0 + DAY, field: 'company', from: 'Acme', to: 'Beta' },
    ]);
    expect(merged.updatedAt).toBe(t0 + DAY);
  });

  it('a note that comes again with lines added or taken out adds only the lines it does not share', () => {
    const noted = { ...base, notes: 'Messe Köln 2024\nKinder: 2' };
    // A file exported before and edited since: its note holds this one's lines and one more.
    expect(mergeDraft(noted, { name: 'Jane Doe', notes: 'Messe Köln 2024\nKinder: 2\nFrau: Eva' }, t0).notes).toBe(
      'Messe Köln 2024\nKinder: 2\nFrau: Eva',
    );
    // One line of it is the file's own, one is this note's own: each once, the line both have once.
    expect(mergeDraft(noted, { name: 'Jane Doe', notes: 'vom Handy\nMesse Köln 2024' }, t0).notes).toBe(
      'vom Handy\nMesse Köln 2024\nKinder: 2',
    );
    // A note that holds nothing of this one is added below it.
    expect(mergeDraft(noted, { name: 'Jane Doe', notes: 'Mag Jazz' }, t0).notes).toBe(
      'Messe Köln 2024\nKinder: 2\n\nMag Jazz',
    );
  });

  it('a note from a file written on Windows (CR LF) is kept with the lines the popup gives, and joins line by line', () => {
    const windows = createContact(
      { name: 'Jane Doe', notes: 'Messe Köln 2024\r\nKinder: 2\r\n' },
      'imported',
      t0,
      ids(),
    );
    expect(windows.notes).toBe('Messe Köln 2024\nKinder: 2');
    // An old Mac file parts them with CR alone.
    expect(createContact({ name: 'Jane Doe', notes: 'Messe Köln 2024\rKinder: 2' }, 'imported', t0, ids()).notes).toBe(
      'Messe Köln 2024\nKinder: 2',
    );
    // A note kept so by an earlier version: its lines are still the same lines.
    const kept = { ...base, notes: 'Messe Köln 2024\r\nKinder: 2' };
    expect(mergeDraft(kept, { name: 'Jane Doe', notes: 'Messe Köln 2024\nKinder: 2\nFrau: Eva' }, t0).notes).toBe(
      'Messe Köln 2024\nKinder: 2\nFrau: Eva',
    );
  });

  it('two saved records of one person keep the lines of their notes each once', () => {
    const other = createContact({ name: 'Jane Doe', notes: 'vom Handy\nMet at a meetup.' }, 'manual', t0, ids());
    const one = uniteContacts({ ...base, notes: 'Met at a meetup.\nKinder: 2' }, other);
    expect(one.notes).toBe('vom Handy\nMet at a meetup.\nKinder: 2');
    expect(uniteContacts(base, { ...other, notes: 'Mag Jazz' }).notes).toBe('Met at a meetup.\n\nMag Jazz');
  });

  it('two saved records of one person keep a number or address written two ways once, as the kept one writes it', () => {
    const keep = { ...base, emails: ['jane@example.com'], phones: ['+49 30 1234567', '0171 2345678'] };
    const other = createContact(
      { name: 'Jane Doe', emails: ['Jane@Example.com', 'jd@studio.example'], phones: ['+49 (0)30 123 45-67'] },
      'manual',
      t0,
      ids(),
    );
    const one = uniteContacts(keep, other);
    expect(one.emails).toEqual(['jane@example.com', 'jd@studio.example']);
    expect(one.phones).toEqual(['+49 30 1234567', '0171 2345678']);
    // A number with words in it stays as written beside the plain one: its digits alone could make two one.
    expect(uniteContacts(keep, { ...other, phones: ['0171 2345678 (privat)'] }).phones).toEqual([
      '+49 30 1234567',
      '0171 2345678',
      '0171 2345678 (privat)',
    ]);
  });

  it("a file's record last changed before the value here (a vCard's REV) leaves that value; its lists still come in", () => {
    const old = {
      name: 'Jane Doe',
      role: 'Junior Designer',
      company: 'Old Corp',
      location: 'Bonn',
      emails: ['jane@old.example'],
      writtenAt: t0 - 400 * DAY,
    };
    const merged = mergeDraft({ ...base, location: 'Köln' }, old, t0 + DAY);
    expect([merged.role, merged.company, merged.location]).toEqual(['Designer', 'Acme', 'Köln']);
    expect(merged.history).toEqual([]);
    expect(merged.emails).toEqual(['jane@example.com', 'jane@old.example']);
    // Written after she was saved: the file's values are the newer ones.
    const newer = mergeDraft(base, { ...old, writtenAt: t0 + DAY }, t0 + 2 * DAY);
    expect([newer.role, newer.company, newer.location]).toEqual(['Junior Designer', 'Old Corp', 'Bonn']);
    // Written after she was saved but before her role changed here: the role stands, the location is the file's.
    const promoted = mergeDraft(base, { name: 'Jane Doe', role: 'Head of Design' }, t0 + 30 * DAY);
    const between = mergeDraft(promoted, { ...old, writtenAt: t0 + 10 * DAY }, t0 + 40 * DAY);
    expect([between.role, between.company, between.location]).toEqual(['Head of Design', 'Old Corp', 'Bonn']);
    // Nothing but older values: nothing to write.
    expect(mergeDraft(base, { name: 'Jane Doe', role: 'Intern', writtenAt: t0 - DAY }, t0 + DAY)).toBe(base);
  });

  it('two saved records of one person linked to the same person: one link, with the note either gave it', () => {
    const ben = { kind: 'knows' as const, id: 'ben', name: 'Ben Berg' };
    const other = createContact({ name: 'Jane Doe' }, 'manual', t0, ids());
    const one = uniteContacts(
      { ...base, related: [ben, { kind: 'introducedBy', id: 'cem', name: 'Cem' }] },
      {
        ...other,
        related: [
          { ...ben, note: 'aus dem Chor' },
          { kind: 'knows', id: base.id, name: 'Jane Doe' },
        ],
      },
    );
    expect(one.related).toEqual([
      { ...ben, note: 'aus dem Chor' },
      { kind: 'introducedBy', id: 'cem', name: 'Cem' },
    ]);
    // A note of the kept record's own stands.
    const kept = uniteContacts(
      { ...base, related: [{ ...ben, note: 'Nachbar' }] },
      { ...other, related: [{ ...ben, note: 'aus dem Chor' }] },
    );
    expect(kept.related).toEqual([{ ...ben, note: 'Nachbar' }]);
  });

  it("a file's follow-up: planned where none is and no later contact settled it; the due date follows it", () => {
    const plan = { at: t0 + 20 * DAY };
    // A new person: due on the planned day, not by the cadence.
    const planned = createContact(
      { name: 'Ann', followUp: plan, lastContactedAt: t0 - 5 * DAY },
      'imported',
      t0,
      ids(),
    );
    expect([planned.followUp, planned.nextDueAt]).toEqual([plan, plan.at]);
    // One whose own last contact came after it: settled, not planned.
    expect(
      createContact({ name: 'Ann', followUp: plan, lastContactedAt: t0 + 21 * DAY }, 'imported', t0, ids()).followUp,
    ).toBeUndefined();
    // A saved person without one: planned, and due on that day.
    const merged = mergeDraft(base, { name: 'Jane Doe', followUp: plan }, t0 + DAY);
    expect([merged.followUp, merged.nextDueAt]).toEqual([plan, plan.at]);
    // One planned here already stands.
    expect(mergeDraft(merged, { name: 'Jane Doe', followUp: { at: t0 + 40 * DAY } }, t0 + 2 * DAY)).toBe(merged);
    // A follow-up of a day before the contact logged here (the same file imported again after the user got in
    // touch): nothing planned again.
    const contacted = { ...base, lastContactedAt: t0 + 25 * DAY };
    expect(mergeDraft(contacted, { name: 'Jane Doe', followUp: plan }, t0 + 26 * DAY)).toBe(contacted);
  });

  it('returns the same object when nothing new comes in', () => {
    expect(mergeDraft(base, { name: 'Jane Doe', role: 'Designer', emails: ['JANE@example.com'] }, t0 + DAY)).toBe(base);
  });

  it('keeps each phone number once, as first written, however another source writes it', () => {
    const withPhone = mergeDraft(base, { name: 'Jane Doe', phones: ['+49 (0)30 123 45-67'] }, t0 + DAY);
    const merged = mergeDraft(
      withPhone,
      { name: 'Jane Doe', phones: ['+49301234567', '+49 30 1234567', '0171 2345678', '0171/234 56 78'] },
      t0 + 2 * DAY,
    );
    expect(merged.phones).toEqual(['+49 (0)30 123 45-67', '0171 2345678']);
    // Nothing new: the same object back, nothing written.
    expect(mergeDraft(merged, { name: 'Jane Doe', phones: ['+49 30 1234567'] }, t0 + 3 * DAY)).toBe(merged);
    // A number with words in it is kept as written: its digits alone would make these one.
    const worded = mergeDraft(
      merged,
      { name: 'Jane Doe', phones: ['0800-FLOWERS', '0800-GARDENS', '0171 2345678 (privat)'] },
      t0 + 4 * DAY,
    );
    expect(worded.phones).toEqual([
      '+49 (0)30 123 45-67',
      '0171 2345678',
      '0800-FLOWERS',
      '0800-GARDENS',
      '0171 2345678 (privat)',
    ]);
  });
});

describe('starting circles outside the book (circle-names.ts)', () => {
  const label = (c: string) => `label:${c}`;
  // The locale files are where the names live: every starting circle, in both languages, reads back as its key.
  const named = (messages: Record<string, { message: string }>, c: string) => messages[`circle_${c}`]?.message ?? '';

  it('every starting circle has its names: each language, its key, any case, reads back as the circle', () => {
    for (const c of DEFAULT_CIRCLES) {
      const names = [named(en, c), named(de, c), c, named(de, c).toUpperCase(), ` ${named(en, c).toLowerCase()} `];
      expect(names.every(Boolean)).toBe(true);
      expect(readCircles(names, DEFAULT_CIRCLES)).toEqual([c]);
    }
  });

  it('writes a starting circle the user has by its label, anything else as it is; reading that gives the book back', () => {
    const own = [...DEFAULT_CIRCLES, 'Stammtisch'];
    const circles = ['formerColleagues', 'Stammtisch', 'Elsewhere'];
    expect(writeCircles(circles, own, label)).toEqual(['label:formerColleagues', 'Stammtisch', 'Elsewhere']);
    const german = writeCircles(circles, own, (c) => named(de, c));
    expect(german).toEqual(['Ehemalige Kollegen', 'Stammtisch', 'Elsewhere']);
    expect(readCircles(german, own)).toEqual(circles);
    expect(
      readCircles(
        writeCircles(circles, own, (c) => named(en, c)),
        own,
      ),
    ).toEqual(circles);
  });

  it("a circle the user made keeps its name where it is a starting circle's name in the other language", () => {
    // A German book with its "Verein" (club) and a circle of its own called "Club".
    const own = [...DEFAULT_CIRCLES, 'Club'];
    expect(readCircles(['Club', 'Verein', 'club'], own)).toEqual(['Club', 'club']);
  });

  it('a starting circle the user renamed or removed is not what its old names read as; it is written as its key', () => {
    const own = DEFAULT_CIRCLES.filter((c) => c !== 'family');
    expect(readCircles(['Familie', 'Family', 'Freunde'], own)).toEqual(['Familie', 'Family', 'friends']);
    expect(writeCircles(['family', 'friends'], own, label)).toEqual(['family', 'label:friends']);
    expect(readCircles(writeCircles(['family'], own, label), own)).toEqual(['family']);
  });

  it('the same circle named twice in a file is one', () => {
    expect(readCircles(['Familie', 'family', 'FAMILY', 'Kunden'], DEFAULT_CIRCLES)).toEqual(['family', 'clients']);
  });

  it("a circle the user made is read in any case; a file's new circles are named once, as first written", () => {
    const own = [...DEFAULT_CIRCLES, 'Tennis'];
    expect(readCircles(['tennis', 'TENNIS', ' Tennis '], own)).toEqual(['Tennis']);
    expect(readFileCircles([['Chor', 'tennis'], ['CHOR', 'Laufen', 'Freunde'], []], own)).toEqual({
      lists: [['Chor', 'Tennis'], ['Chor', 'Laufen', 'friends'], []],
      added: ['Chor', 'Laufen'],
    });
  });

  it("Google's group of everyone, on every row of its CSV and every card an Android phone exports, is no circle", () => {
    const file = [['My Contacts', 'Kunden'], ['myContacts'], ['System Group: My Contacts', 'Chor'], [' my contacts ']];
    expect(readFileCircles(file, DEFAULT_CIRCLES)).toEqual({
      lists: [['clients'], [], ['Chor'], []],
      added: ['Chor'],
    });
  });
});
