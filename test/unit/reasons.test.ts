import { beforeEach, describe, expect, it } from 'vitest';
import { addDays, calendarDays, nextDueAt } from '../../src/contacts/cadence';
import { dayValue, readContactDay, readFollowUp, readFollowUpDate } from '../../src/contacts/follow-up';
import { createContact } from '../../src/contacts/merge';
import { firstWords, followUpIsReason, type Reason, reasonsFor, topReason } from '../../src/contacts/reasons';
import type { Contact } from '../../src/contacts/types';
import { toContact } from '../../src/contacts/validate';
import { birthdayDays, birthdaySoon, dayInYear, nextYearly } from '../../src/contacts/yearly';
import { formatRelative } from '../../src/platform/i18n';
import { draftMessage } from '../../src/platform/message-text';
import { reasonText } from '../../src/platform/reason-text';
import { setLanguage } from './support/fake-browser';

// Europe/Berlin (vitest.config.ts): DST ends 25 Oct 2026 and starts 28 Mar 2027.
const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();

function person(over: Partial<Contact> = {}, created = at(2026, 1, 10)): Contact {
  let n = 0;
  return { ...createContact({ name: 'Anna Roth' }, 'manual', created, () => `id-${n++}`, 91), ...over };
}

const kinds = (rs: Reason[]) => rs.map((r) => r.kind);

beforeEach(() => setLanguage('en'));

describe('calendar arithmetic', () => {
  it('counts calendar days across a DST change (a 25-hour day is one day)', () => {
    // 24 Oct 23:30 → 25 Oct 00:30 (the clocks go back that night): one day.
    expect(calendarDays(at(2026, 10, 24, 23), at(2026, 10, 25, 0))).toBe(1);
    expect(calendarDays(at(2026, 10, 20, 9), at(2026, 10, 27, 9))).toBe(7);
    expect(calendarDays(at(2027, 3, 27, 23), at(2027, 3, 29, 1))).toBe(2);
  });

  it('29 February is 28 February in other years, itself in leap years', () => {
    expect(new Date(dayInYear(2027, 2, 29)).getDate()).toBe(28);
    expect(new Date(dayInYear(2028, 2, 29)).getDate()).toBe(29);
    expect(new Date(nextYearly(at(2027, 2, 27), 2, 29)).toDateString()).toBe(new Date(2027, 1, 28).toDateString());
  });

  it('"in 10 days" for a follow-up day 10 days ahead, morning or evening (days as the calendar counts them)', () => {
    const followUp = at(2026, 12, 12, 0);
    for (const hour of [7, 11, 13, 23]) expect(formatRelative(followUp, at(2026, 12, 2, hour))).toBe('in 10 days');
    expect(formatRelative(at(2026, 12, 3, 1), at(2026, 12, 2, 23))).toBe('tomorrow');
    expect(formatRelative(at(2026, 12, 1, 23), at(2026, 12, 2, 1))).toBe('yesterday');
  });

  it('the next yearly date rolls over the year end, today included', () => {
    expect(new Date(nextYearly(at(2026, 12, 30), 1, 2)).getFullYear()).toBe(2027);
    expect(nextYearly(at(2026, 5, 3, 18), 5, 3)).toBe(at(2026, 5, 3, 0));
  });

  it("the coming week's birthdays: seven days from today, across the year end, 29 February with 28 February", () => {
    expect(birthdayDays(at(2026, 12, 28, 23))).toEqual([
      [12, 28],
      [12, 29],
      [12, 30],
      [12, 31],
      [1, 1],
      [1, 2],
      [1, 3],
    ]);
    expect(birthdayDays(at(2027, 2, 25)).slice(3, 6)).toEqual([
      [2, 28],
      [2, 29],
      [3, 1],
    ]);
    expect(birthdayDays(at(2028, 2, 25)).slice(3, 6)).toEqual([
      [2, 28],
      [2, 29],
      [3, 1],
    ]);
    expect(birthdayDays(at(2028, 2, 25))).toHaveLength(7);
    expect(birthdayDays(at(2027, 2, 25))).toHaveLength(8);
    // birthdaySoon asks the same week for everyone at one moment, and a new one at another.
    const leapling = { birthday: { month: 2, day: 29 } };
    expect(birthdaySoon(leapling, at(2027, 2, 25))).toEqual({ kind: 'birthday', at: at(2027, 2, 28, 0), days: 3 });
    expect(birthdaySoon(leapling, at(2027, 2, 20))).toBeUndefined();
    expect(birthdaySoon(leapling, at(2028, 2, 25))).toEqual({ kind: 'birthday', at: at(2028, 2, 29, 0), days: 4 });
  });
});

describe('reasonsFor', () => {
  it('a birthday within the week, across the year end, comes first', () => {
    const c = person({ birthday: { month: 1, day: 2 }, lastContactedAt: at(2026, 6, 1) });
    const now = at(2026, 12, 29);
    const rs = reasonsFor(c, now);
    expect(rs[0]).toMatchObject({ kind: 'birthday', days: 4 });
    expect(reasonText(rs[0] as Reason, now)).toBe('Birthday on Saturday');
    // Six days ahead is; seven is not (said on a Saturday, "on Saturday" would read as today), nor eight.
    expect(reasonText(reasonsFor(c, at(2026, 12, 27))[0] as Reason, at(2026, 12, 27))).toBe('Birthday on Saturday');
    expect(kinds(reasonsFor(c, at(2026, 12, 26)))).not.toContain('birthday');
    expect(kinds(reasonsFor(c, at(2026, 12, 25)))).not.toContain('birthday');
  });

  it('a birthday on 29 February is honoured on 28 February in other years', () => {
    const c = person({ birthday: { month: 2, day: 29, year: 1980 } });
    const rs = reasonsFor(c, at(2027, 2, 28, 8));
    expect(rs[0]).toMatchObject({ kind: 'birthday', days: 0 });
    expect(reasonText(rs[0] as Reason, at(2027, 2, 28))).toBe('Birthday today');
    expect(reasonsFor(c, at(2028, 2, 28))[0]).toMatchObject({ kind: 'birthday', days: 1 });
  });

  it('a birthday across the DST change is still the right weekday', () => {
    const c = person({ birthday: { month: 3, day: 29 } });
    const now = at(2027, 3, 27, 23);
    const r = reasonsFor(c, now)[0] as Reason;
    expect(r).toMatchObject({ kind: 'birthday', days: 2 });
    expect(reasonText(r, now)).toBe('Birthday on Monday');
  });

  it('a role seen since the last contact ranks after a birthday, before the rest', () => {
    const c = person({
      role: 'Head of Design',
      company: 'Acme',
      lastContactedAt: at(2026, 3, 1),
      interactions: [{ at: at(2026, 3, 1), kind: 'call' }],
      history: [
        { at: at(2026, 2, 1), field: 'role', to: 'Designer' },
        { at: at(2026, 9, 1), field: 'role', from: 'Designer', to: 'Head of Design' },
      ],
      birthday: { month: 11, day: 30 },
    });
    const now = at(2026, 11, 27);
    expect(kinds(reasonsFor(c, now))).toEqual(['birthday', 'change', 'last']);
    expect(reasonText(reasonsFor(c, now)[1] as Reason, now)).toBe(
      'New role since you last spoke: Head of Design at Acme',
    );
    // A change before the last contact is old news.
    expect(kinds(reasonsFor({ ...c, lastContactedAt: at(2026, 10, 1) }, now))).not.toContain('change');
  });

  it('a follow-up is a reason within the coming week (today and six days), and once past; else only planned', () => {
    const now = at(2026, 12, 2, 15);
    const on = (y: number, m: number, d: number) => followUpIsReason({ followUp: { at: at(y, m, d, 0) } }, now);
    expect([on(2026, 12, 8), on(2026, 12, 9), on(2026, 11, 20), on(2026, 12, 2)]).toEqual([true, false, true, true]);
    expect(followUpIsReason({}, now)).toBe(false);
    // The reasons follow the same rule.
    const c = person({ followUp: { at: at(2026, 12, 9, 0) } });
    expect(kinds(reasonsFor(c, now))).not.toContain('followUp');
    expect(kinds(reasonsFor(c, at(2026, 12, 3, 9)))).toContain('followUp');
  });

  it('a follow-up asked for is the reason once its day is near, with its note', () => {
    const c = person({
      followUp: { at: at(2026, 12, 3, 0), note: 'send the offer for the workshop series next spring' },
      lastContactedAt: at(2026, 11, 1),
      interactions: [{ at: at(2026, 11, 1), kind: 'meeting' }],
    });
    const now = at(2026, 12, 2);
    expect(kinds(reasonsFor(c, now))).toEqual(['followUp', 'last']);
    expect(reasonText(reasonsFor(c, now)[0] as Reason, now)).toBe(
      'Follow-up for tomorrow: send the offer for the workshop series…',
    );
    expect(kinds(reasonsFor(c, at(2026, 11, 20)))).toEqual(['last']);
  });

  it("a follow-up whose day comes before the week's birthday is first: the one line a reminder has says it", () => {
    // Monday 30 November 2026; the birthday on Saturday 5 December.
    const now = at(2026, 11, 30, 9);
    const on = (d: number, m = 12) =>
      person({
        birthday: { month: 12, day: 5 },
        followUp: { at: at(2026, m, d, 0), note: 'Angebot' },
        lastContactedAt: at(2026, 11, 1),
        interactions: [{ at: at(2026, 11, 1), kind: 'call' }],
      });
    // Wednesday's offer before Saturday's birthday: the reminder's line and the message draft are about the offer.
    expect(kinds(reasonsFor(on(2), now))).toEqual(['followUp', 'birthday', 'last']);
    setLanguage('de');
    expect(reasonText(topReason(on(2), now), now)).toBe('Nachfassen am Mittwoch: Angebot');
    // One whose day has gone by, not done: first too.
    expect(kinds(reasonsFor(on(27, 11), now))).toEqual(['followUp', 'birthday', 'last']);
    // On the birthday itself, or after it: the birthday first, its day being the one chance.
    expect(kinds(reasonsFor(on(5), now))).toEqual(['birthday', 'followUp', 'last']);
    expect(kinds(reasonsFor(on(6), now))).toEqual(['birthday', 'followUp', 'last']);
  });

  it("a follow-up's day is said as a birthday's: today, tomorrow, a weekday this week, else its date; in German", () => {
    // Wednesday 2 December 2026.
    const now = at(2026, 12, 2);
    const said = (day: number, note?: string) =>
      reasonText({ kind: 'followUp', at: at(2026, 12, day, 0), ...(note ? { note } : {}) }, now);
    expect([said(2), said(3, 'the offer'), said(8), said(1, 'the offer')]).toEqual([
      'Follow-up you planned for today',
      'Follow-up for tomorrow: the offer',
      'Follow-up you planned for Tuesday',
      'Follow-up for December 1, 2026: the offer',
    ]);
    setLanguage('de');
    expect([said(2, 'Angebot'), said(3), said(8, 'Angebot'), said(1)]).toEqual([
      'Nachfassen heute: Angebot',
      'Nachfassen geplant: morgen',
      'Nachfassen am Dienstag: Angebot',
      'Nachfassen geplant: am 1. Dezember 2026',
    ]);
  });

  it('an anniversary of meeting, with how they met', () => {
    const c = person({ metVia: 'Barcamp Köln', createdAt: at(2023, 12, 4, 10) }, at(2023, 12, 4, 10));
    const now = at(2026, 12, 2);
    const r = reasonsFor(c, now).find((x) => x.kind === 'anniversary');
    expect(r).toMatchObject({ years: 3 });
    expect(reasonText(r as Reason, now)).toBe('Met 3 years ago at Barcamp Köln');
    // Someone imported was not met when the import ran: no anniversary from the import date.
    expect(kinds(reasonsFor({ ...c, source: 'imported' }, now))).toEqual(['never']);
  });

  it('otherwise the last contact with the first words of its note, or never contacted', () => {
    const c = person({
      lastContactedAt: at(2025, 5, 3),
      interactions: [
        { at: at(2025, 1, 3), kind: 'email' },
        { at: at(2025, 5, 3), kind: 'call', note: 'She is moving to Hamburg in the autumn and looking for clients' },
        { at: at(2025, 6, 3), kind: 'introduction', note: 'Asked Ben' },
      ],
    });
    const now = at(2026, 12, 2);
    expect(reasonText(topReason(c, now), now)).toBe(
      'Last: call on May 3, 2025 — She is moving to Hamburg in the autumn…',
    );
    const fresh = person({}, at(2026, 7, 1));
    expect(reasonText(topReason(fresh, now), now)).toBe('Never contacted — added 5 months ago');
  });

  it('a record whose log another app put in another order, read back: the latest contact, the first meeting, the latest change', () => {
    const stored = person({
      role: 'CTO',
      lastContactedAt: at(2025, 5, 3),
      interactions: [
        { at: at(2025, 5, 3), kind: 'call', note: 'Umzug nach Hamburg' },
        { at: at(2025, 6, 3), kind: 'introduction', note: 'Asked Ben' },
        { at: at(2024, 12, 2), kind: 'meeting', note: 'Barcamp' },
        { at: at(2025, 1, 3), kind: 'email' },
      ],
      history: [
        { at: at(2025, 9, 1), field: 'role', from: 'Designer', to: 'CTO' },
        { at: at(2025, 7, 1), field: 'role', to: 'Designer' },
      ],
      source: 'imported',
    });
    const c = toContact(stored) as Contact;
    const now = at(2026, 11, 30);
    const rs = reasonsFor(c, now);
    expect(kinds(rs)).toEqual(['change', 'anniversary', 'last']);
    expect(rs.find((r) => r.kind === 'change')?.at).toBe(at(2025, 9, 1));
    expect(rs.find((r) => r.kind === 'anniversary')).toMatchObject({ years: 2 });
    expect(reasonText(rs.at(-1) as Reason, now)).toBe('Last: call on May 3, 2025 — Umzug nach Hamburg');
  });

  it('a last contact later than every logged one (a file said so) is the one named', () => {
    const c = person({
      lastContactedAt: at(2026, 10, 1),
      interactions: [{ at: at(2025, 5, 3), kind: 'call', note: 'Umzug nach Hamburg' }],
    });
    const now = at(2026, 12, 2);
    expect(reasonsFor(c, now).at(-1)).toEqual({ kind: 'last', at: at(2026, 10, 1), how: 'other' });
  });

  it('is deterministic: the same person and moment give the same reasons', () => {
    const c = person({ birthday: { month: 12, day: 5 }, metVia: 'X', createdAt: at(2020, 12, 6) });
    expect(reasonsFor(c, at(2026, 12, 2))).toEqual(reasonsFor(structuredClone(c), at(2026, 12, 2)));
  });

  it('in German', () => {
    setLanguage('de');
    const c = person({ birthday: { month: 12, day: 4 } });
    const now = at(2026, 12, 2);
    expect(reasonText(topReason(c, now), now)).toBe('Geburtstag am Freitag');
    expect(reasonText({ kind: 'never', at: at(2026, 7, 1) }, now)).toBe(
      'Noch nie kontaktiert — hinzugefügt vor 5 Monaten',
    );
  });
});

describe('the message draft', () => {
  it('greets by first name, says the reason, asks a question: in the user language', () => {
    const c = person({ role: 'Head of Design', company: 'Acme' });
    const r: Reason = { kind: 'change', at: 0, sinceContact: true, role: 'Head of Design', company: 'Acme' };
    expect(draftMessage(c, r)).toBe(
      'Hi Anna,\n\nI saw that you are now Head of Design at Acme — congratulations! How are you finding it?\n\n' +
        'How are you doing, and what are you working on at the moment?',
    );
    setLanguage('de');
    expect(draftMessage(c, { kind: 'birthday', at: 0, days: 0 })).toMatch(/^Hallo Anna,\n\nAlles Gute zum Geburtstag!/);
  });

  it('greets by the first name after any title, not by "Dr."', () => {
    const birthday: Reason = { kind: 'birthday', at: 0, days: 0 };
    const greeting = (name: string) => draftMessage(person({ name }), birthday).split('\n')[0];
    expect(greeting('Dr. Anna Schmidt')).toBe('Hi Anna,');
    expect(greeting('Prof. Dr. rer. nat. Hans-Peter Meier')).toBe('Hi Hans-Peter,');
    expect(greeting('Dipl.-Ing. Jürgen Müller')).toBe('Hi Jürgen,');
    expect(greeting('dr. med. Ömer Çelik')).toBe('Hi Ömer,');
    expect(greeting('Drago Petrović')).toBe('Hi Drago,');
    expect(greeting('Prof.')).toBe('Hi Prof.,');
  });

  it("someone addressed formally with a salutation: greeted by it, a doctor's or professor's title and the family name", () => {
    const greeting = (name: string, salutation: string) =>
      draftMessage(person({ name, salutation, formal: true }), { kind: 'never', at: 0 }).split('\n')[0];
    setLanguage('de');
    expect(greeting('Dr. Max Mustermann', 'Herr')).toBe('Guten Tag Herr Dr. Mustermann,');
    expect(greeting('Erika von Berg', 'Frau')).toBe('Guten Tag Frau von Berg,');
    expect(greeting('Prof. Dr. rer. nat. Hans-Peter Meier', 'Herr')).toBe('Guten Tag Herr Prof. Dr. Meier,');
    // A degree is not said in a greeting; a suffix neither.
    expect(greeting('Dipl.-Ing. Jürgen Müller', 'Herr')).toBe('Guten Tag Herr Müller,');
    expect(greeting('Jürgen Müller, Jr.', 'Herr')).toBe('Guten Tag Herr Müller,');
    expect(greeting('Anna und Ben Muster', 'Herr und Frau')).toBe('Guten Tag Herr und Frau Muster,');
    setLanguage('en');
    // English says the title instead of the salutation.
    expect(greeting('Dr. Anna Roth', 'Ms.')).toBe('Dear Dr. Roth,');
    expect(greeting('John Smith', 'Mr.')).toBe('Dear Mr. Smith,');
    // Not formally: the first name, whatever the salutation.
    expect(draftMessage(person({ name: 'John Smith', salutation: 'Mr.' }), { kind: 'never', at: 0 })).toMatch(
      /^Hi John,/,
    );
  });

  it('someone addressed formally: greeted by their whole name, and in German with "Sie"', () => {
    const c = person({ name: 'Dr. Anna Roth', formal: true, role: 'Partnerin', company: 'Kanzlei Nord' });
    const change: Reason = { kind: 'change', at: 0, sinceContact: true, role: 'Partnerin', company: 'Kanzlei Nord' };
    expect(draftMessage(c, change)).toBe(
      'Dear Dr. Anna Roth,\n\nI saw that you are now Partnerin at Kanzlei Nord — congratulations! How are you finding it?' +
        '\n\nHow are you, and what are you working on at the moment?',
    );
    setLanguage('de');
    expect(draftMessage(c, change)).toBe(
      'Guten Tag Dr. Anna Roth,\n\nIch habe gesehen, dass Sie jetzt Partnerin bei Kanzlei Nord sind — herzlichen ' +
        'Glückwunsch! Wie gefällt es Ihnen?\n\nWie geht es Ihnen, und woran arbeiten Sie gerade?',
    );
    expect(draftMessage(c, { kind: 'birthday', at: 0, days: 0 })).toMatch(/Ich wünsche Ihnen einen schönen Tag\./);
    expect(draftMessage(c, { kind: 'birthday', at: 0, days: 3 })).toMatch(/Bald ist Ihr Geburtstag/);
    // Not formally: "du", and the first name.
    expect(draftMessage({ ...c, formal: undefined }, change)).toMatch(/^Hallo Anna,\n\n.*dass du jetzt/);
    // Nothing in German says "du" or "dir" to someone addressed formally, whatever the reason.
    for (const r of [
      change,
      { kind: 'birthday', at: 0, days: 0 },
      { kind: 'birthday', at: 0, days: 2 },
      { kind: 'followUp', at: 0, note: 'das Angebot' },
      { kind: 'followUp', at: 0 },
      { kind: 'anniversary', at: 0, years: 3, metVia: 'Messe' },
      { kind: 'last', at: 0, how: 'call' },
      { kind: 'never', at: 0 },
    ] as Reason[])
      expect(draftMessage(c, r), r.kind).not.toMatch(/\b(du|dir|dich|dein\w*)\b/i);
  });

  it('firstWords cuts at a word and marks the cut', () => {
    expect(firstWords('short note')).toBe('short note');
    expect(firstWords('one two three four five six seven eight nine ten', 20)).toBe('one two three four…');
  });
});

describe('follow-ups', () => {
  const now = at(2026, 12, 2, 15);

  it('a follow-up date is local midnight of that day; past and absurd dates are refused', () => {
    expect(readFollowUpDate('2026-12-10', now)).toEqual({ ok: true, at: at(2026, 12, 10, 0) });
    expect(readFollowUpDate('2026-12-02', now)).toEqual({ ok: true, at: at(2026, 12, 2, 0) });
    expect(readFollowUpDate('2026-12-01', now)).toEqual({ ok: false, error: 'past' });
    expect(readFollowUpDate('1999-01-01', now)).toEqual({ ok: false, error: 'past' });
    expect(readFollowUpDate('9999-01-01', now)).toEqual({ ok: false, error: 'tooFar' });
    expect(readFollowUpDate('2027-04-31', now)).toEqual({ ok: false, error: 'badDate' });
    expect(readFollowUpDate('next week', now)).toEqual({ ok: false, error: 'badDate' });
  });

  it("a form's follow-up: its day and what about (trimmed); both empty is none; what about alone is refused", () => {
    expect(readFollowUp('2026-12-10', '  Angebot ', now)).toEqual({
      ok: true,
      followUp: { at: at(2026, 12, 10, 0), note: 'Angebot' },
    });
    expect(readFollowUp('2026-12-10', ' ', now)).toEqual({ ok: true, followUp: { at: at(2026, 12, 10, 0) } });
    expect(readFollowUp('', '', now)).toEqual({ ok: true });
    expect(readFollowUp(' ', 'Angebot', now)).toEqual({ ok: false, error: 'noDate' });
    expect(readFollowUp('2026-12-01', 'Angebot', now)).toEqual({ ok: false, error: 'past' });
  });

  it('the day of a contact: today (or none) is now, an earlier day its noon; a day to come and absurd dates are refused', () => {
    expect(readContactDay('', now)).toEqual({ ok: true, at: now });
    expect(readContactDay('2026-12-02', now)).toEqual({ ok: true, at: now });
    expect(readContactDay('2026-11-27', now)).toEqual({ ok: true, at: at(2026, 11, 27, 12) });
    expect(readContactDay('1985-04-23', now)).toEqual({ ok: true, at: at(1985, 4, 23, 12) });
    expect(readContactDay('2026-12-03', now)).toEqual({ ok: false, error: 'future' });
    expect(readContactDay('1899-12-31', now)).toEqual({ ok: false, error: 'badDate' });
    expect(readContactDay('2026-02-30', now)).toEqual({ ok: false, error: 'badDate' });
    expect(readContactDay('gestern', now)).toEqual({ ok: false, error: 'badDate' });
    // A day as the date input shows it, and back.
    expect(dayValue(at(2026, 3, 7, 23))).toBe('2026-03-07');
    expect(readContactDay(dayValue(at(2026, 3, 7, 23)), now)).toEqual({ ok: true, at: at(2026, 3, 7, 12) });
  });

  it('a follow-up is the next due date, with or without a cadence', () => {
    const c = person({ lastContactedAt: at(2026, 12, 1) });
    expect(nextDueAt(c)).toBe(addDays(at(2026, 12, 1), 91));
    expect(nextDueAt({ ...c, followUp: { at: at(2026, 12, 20, 0) } })).toBe(at(2026, 12, 20, 0));
    expect(nextDueAt({ ...c, cadenceDays: null, followUp: { at: at(2026, 12, 20, 0) } })).toBe(at(2026, 12, 20, 0));
  });
});
