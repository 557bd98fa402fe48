import { describe, expect, it } from 'vitest';
import { DAY } from '../../src/contacts/cadence';
import { beforeNextReminderDay, nextSlot, previousSlot, reminderOwed } from '../../src/contacts/schedule';
import { inThisWeek, selectDue, selectDueFrom } from '../../src/contacts/select';
import type { Contact } from '../../src/contacts/types';

// vitest.config.ts runs unit tests in Europe/Berlin (DST on 2026-03-29 and 2026-10-25).
const at = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const MONDAY_9 = { weekday: 1, minutes: 9 * 60 };

describe('nextSlot', () => {
  it.each([
    ['Friday → the coming Monday 09:00', at(2026, 11, 27, 14), at(2026, 11, 30, 9)],
    ['Monday 08:59 → the same day 09:00', at(2026, 11, 30, 8, 59), at(2026, 11, 30, 9)],
    ['Monday 09:00 exactly → a week later', at(2026, 11, 30, 9), at(2026, 12, 7, 9)],
    ['across the year end', at(2026, 12, 29, 10), at(2027, 1, 4, 9)],
    ['across spring DST (the clocks go forward on Sunday)', at(2026, 3, 27, 12), at(2026, 3, 30, 9)],
    ['across autumn DST (the clocks go back on Sunday)', at(2026, 10, 23, 12), at(2026, 10, 26, 9)],
  ])('%s', (_, now, want) => {
    expect(nextSlot(now, MONDAY_9)).toBe(want);
    expect(new Date(nextSlot(now, MONDAY_9)).getHours()).toBe(9);
  });

  it('a slot in the hour that DST skips still comes once, on the right day', () => {
    const sunday0230 = { weekday: 0, minutes: 2 * 60 + 30 };
    const slot = nextSlot(at(2026, 3, 28, 12), sunday0230);
    expect(new Date(slot).getDate()).toBe(29);
    expect(slot).toBeGreaterThan(at(2026, 3, 28, 12));
  });

  it('previousSlot is a week before the next one, in wall-clock time', () => {
    expect(previousSlot(at(2026, 11, 27, 14), MONDAY_9)).toBe(at(2026, 11, 23, 9));
    expect(previousSlot(at(2026, 3, 31, 12), MONDAY_9)).toBe(at(2026, 3, 30, 9));
  });
});

describe("beforeNextReminderDay: the weekly reminder's reach", () => {
  it.each([
    ['at a Monday 09:00 slot: through Sunday', at(2026, 11, 30, 9), at(2026, 12, 7) - 1],
    [
      'on Wednesday (a reminder caught up after the browser was closed): through Sunday',
      at(2026, 12, 2, 14),
      at(2026, 12, 7) - 1,
    ],
    ['on Monday before the slot: now (the reminder comes later today)', at(2026, 11, 30, 8), at(2026, 11, 30, 8)],
    ['on Sunday evening: now and the rest of Sunday', at(2026, 12, 6, 20), at(2026, 12, 7) - 1],
  ])('%s', (_, now, until) => {
    expect(beforeNextReminderDay(now, MONDAY_9)).toBe(until);
  });

  it('across the change to summer time: still the end of the day before (23 hours that day)', () => {
    expect(beforeNextReminderDay(at(2027, 3, 22, 9), MONDAY_9)).toBe(at(2027, 3, 29) - 1);
    expect(beforeNextReminderDay(at(2027, 3, 29, 9) - 1, MONDAY_9)).toBe(at(2027, 3, 29, 9) - 1);
  });
});

describe('reminderOwed: catching up after the browser was closed', () => {
  const installed = at(2026, 1, 1);
  it.each([
    ['shown at the last slot: nothing owed', at(2026, 11, 27, 14), at(2026, 11, 23, 9), false],
    ['closed over the last slot: owed once', at(2026, 11, 27, 14), at(2026, 11, 16, 9), true],
    ['closed for three weeks: still owed only once', at(2026, 11, 27, 14), at(2026, 11, 2, 9), true],
    ['never shown, installed after the last slot: nothing owed', at(2026, 11, 27, 14), undefined, false],
  ])('%s', (_, now, last, owed) => {
    const inst = last === undefined ? at(2026, 11, 25) : installed;
    expect(reminderOwed(now, MONDAY_9, last, inst)).toBe(owed);
  });
});

describe('selectDue', () => {
  const now = at(2026, 11, 30, 9);
  const c = (id: string, over: Partial<Contact>): Contact => ({
    id,
    name: id,
    profiles: [],
    related: [],
    emails: [],
    phones: [],
    circles: [],
    notes: '',
    cadenceDays: 30,
    interactions: [],
    history: [],
    source: 'manual',
    createdAt: now - 100 * DAY,
    updatedAt: now,
    ...over,
  });

  it('most overdue first, then never-contacted oldest-added first; snoozed and not-due skipped', () => {
    const picks = selectDue(
      [
        c('recent', { lastContactedAt: now - 40 * DAY, nextDueAt: now - 10 * DAY }),
        c('older', { lastContactedAt: now - 60 * DAY, nextDueAt: now - 30 * DAY }),
        c('never-new', { nextDueAt: now - DAY, createdAt: now - 31 * DAY }),
        c('never-old', { nextDueAt: now - 5 * DAY, createdAt: now - 35 * DAY }),
        c('snoozed', { lastContactedAt: now - 90 * DAY, nextDueAt: now - 60 * DAY, snoozedUntil: now + DAY }),
        c('later', { lastContactedAt: now, nextDueAt: now + 30 * DAY }),
        c('no-cadence', { cadenceDays: null }),
      ],
      now,
      10,
    );
    expect(picks.map((p) => p.contact.id)).toEqual(['older', 'recent', 'never-old', 'never-new']);
  });

  it('people never contacted who were added together (an import) come in the order they became due, not by id', () => {
    const added = now - 60 * DAY;
    const picks = selectDue(
      [
        c('a-today', { nextDueAt: now - DAY, createdAt: added }),
        c('b-weeks', { nextDueAt: now - 21 * DAY, createdAt: added }),
        c('c-week', { nextDueAt: now - 7 * DAY, createdAt: added }),
      ],
      now,
      2,
    );
    expect(picks.map((p) => p.contact.id)).toEqual(['b-weeks', 'c-week']);
  });

  it('flags forgotten people, caps at the limit, and is deterministic on ties', () => {
    const forgotten = c('f', { lastContactedAt: now - 400 * DAY, nextDueAt: now - 300 * DAY });
    const tieA = c('a', { lastContactedAt: now - 40 * DAY, nextDueAt: now - 10 * DAY });
    const tieB = c('b', { lastContactedAt: now - 40 * DAY, nextDueAt: now - 10 * DAY });
    expect(selectDue([tieB, forgotten, tieA], now, 2)).toEqual([
      { contact: forgotten, forgotten: true },
      { contact: tieA, forgotten: false },
    ]);
    expect(selectDue([tieA, tieB], now, 5)).toEqual(selectDue([tieB, tieA], now, 5));
    expect(selectDue([tieA], now, 0)).toEqual([]);
  });

  it("with `until`, the last moment before the next reminder's day: whoever falls due by then too, after the overdue", () => {
    const until = beforeNextReminderDay(now, MONDAY_9);
    const people = [
      c('thursday', { lastContactedAt: now - 27 * DAY, nextDueAt: now + 3 * DAY }),
      c('overdue', { lastContactedAt: now - 40 * DAY, nextDueAt: now - 10 * DAY }),
      c('sunday-night', { lastContactedAt: now - 20 * DAY, nextDueAt: at(2026, 12, 6, 22) }),
      // A weekly round logged after today's reminder: next Monday's.
      c('monday-10', { lastContactedAt: now + 3600_000, cadenceDays: 7, nextDueAt: at(2026, 12, 7, 10) }),
      // "Snooze a week" pressed minutes after last week's reminder: over by this one. A snooze to Wednesday holds.
      c('snoozed-last-week', {
        lastContactedAt: now - 60 * DAY,
        nextDueAt: now - 30 * DAY,
        snoozedUntil: now + 300_000,
      }),
      c('snoozed-to-wed', { lastContactedAt: now - 60 * DAY, nextDueAt: now - 30 * DAY, snoozedUntil: now + 2 * DAY }),
      c('never-friday', { nextDueAt: now + 4 * DAY, createdAt: now - 3 * DAY }),
    ];
    expect(selectDue(people, now, 10, until).map((p) => p.contact.id)).toEqual([
      'overdue',
      'snoozed-last-week',
      'thursday',
      'sunday-night',
      'never-friday',
    ]);
    // Without it: who is due now.
    expect(selectDue(people, now, 10).map((p) => p.contact.id)).toEqual(['overdue']);
    // The limit takes the most overdue first.
    expect(selectDue(people, now, 2, until).map((p) => p.contact.id)).toEqual(['overdue', 'snoozed-last-week']);
  });

  it('the list\'s "due this week" asks the same rule: at the slot it holds exactly whom the reminder names', () => {
    const until = beforeNextReminderDay(now, MONDAY_9);
    const people = [
      c('thursday', { lastContactedAt: now - 27 * DAY, nextDueAt: now + 3 * DAY }),
      c('monday-10', { lastContactedAt: now + 3600_000, cadenceDays: 7, nextDueAt: at(2026, 12, 7, 10) }),
      c('snooze-ends-tonight', {
        lastContactedAt: now - 60 * DAY,
        nextDueAt: now - 30 * DAY,
        snoozedUntil: now + 3 * 3600_000,
      }),
      c('snoozed-to-wed', { lastContactedAt: now - 60 * DAY, nextDueAt: now - 30 * DAY, snoozedUntil: now + 2 * DAY }),
    ];
    const named = selectDue(people, now, 10, until).map((p) => p.contact.id);
    expect(named).toEqual(['snooze-ends-tonight', 'thursday']);
    expect(people.filter((p) => inThisWeek(p, now)).map((p) => p.id)).toEqual(['thursday', 'snooze-ends-tonight']);
  });

  // Monday 2026-11-30 09:00: the coming week's birthdays are 30 November to 6 December.
  const born = (month: number, day: number) => ({ birthday: { month, day, year: 1980 } });
  const contacted = (ago: number) => ({ lastContactedAt: now - ago * DAY, nextDueAt: now + 60 * DAY });

  it('names whose birthday comes this week, due or not, soonest first and before everyone due', () => {
    const picks = selectDue(
      [
        c('overdue', { lastContactedAt: now - 60 * DAY, nextDueAt: now - 30 * DAY }),
        c('sunday', { ...born(12, 6), ...contacted(20) }),
        c('today', { ...born(11, 30), ...contacted(20) }),
        c('due-thursday', { ...born(12, 3), lastContactedAt: now - 40 * DAY, nextDueAt: now - 10 * DAY }),
        c('a-week-on', { ...born(12, 7), ...contacted(20) }),
        c('next-week', { ...born(12, 8), ...contacted(20) }),
        c('yesterday', { ...born(11, 29), ...contacted(20) }),
      ],
      now,
      10,
    );
    // Next Monday's is named next Monday, once: not also today, where "on Monday" would read as today.
    expect(picks.map((p) => p.contact.id)).toEqual(['today', 'due-thursday', 'sunday', 'overdue']);
    // The limit takes the birthdays first: they cannot wait for next week.
    expect(
      selectDue([c('overdue', { nextDueAt: now - DAY }), c('friday', { ...born(12, 4), ...contacted(9) })], now, 1),
    ).toEqual([{ contact: expect.objectContaining({ id: 'friday' }), forgotten: false }]);
  });

  it('a birthday is not named where a contact was logged in the week before it, a snooze holds, or reminders are off', () => {
    const picks = selectDue(
      [
        // Friday's birthday: a call last Saturday is within its week (wishes sent early count), one the Friday
        // before not.
        c('called-saturday', { ...born(12, 4), ...contacted(2) }),
        c('called-a-week-ago', { ...born(12, 4), ...contacted(10) }),
        c('snoozed', { ...born(12, 4), ...contacted(30), snoozedUntil: now + 7 * DAY }),
        c('no-reminders', { ...born(12, 4), cadenceDays: null }),
        // Due anyway: still named, as someone due.
        c('due-called', { ...born(12, 4), lastContactedAt: now - 2 * DAY, nextDueAt: now - DAY }),
      ],
      now,
      10,
    );
    expect(picks.map((p) => p.contact.id)).toEqual(['called-a-week-ago', 'due-called']);
  });

  /** A follow-up the user asked for on `day` days from now, after a contact `ago` days ago. */
  const followUp = (day: number, ago = 6) => ({
    lastContactedAt: now - ago * DAY,
    followUp: { at: now + day * DAY },
    nextDueAt: now + day * DAY,
  });

  it('a follow-up the user asked for comes before everyone else due, by its day, however many are overdue', () => {
    const until = beforeNextReminderDay(now, MONDAY_9);
    const people = [
      ...['a', 'b', 'c'].map((id, i) =>
        c(`overdue-${id}`, { lastContactedAt: now - 90 * DAY, nextDueAt: now - (60 + i) * DAY }),
      ),
      c('never', { nextDueAt: now - 40 * DAY, createdAt: now - 70 * DAY }),
      c('follow-up-thursday', followUp(3)),
      // One whose day has gone by with no contact logged since: still to do, and first.
      c('follow-up-gone-by', followUp(-2, 20)),
      // Without reminders a follow-up still counts: the user asked for it.
      c('follow-up-no-cadence', { ...followUp(5), cadenceDays: null }),
      // Next Monday's is that reminder's; one a snooze holds to Wednesday waits.
      c('follow-up-next-monday', followUp(7)),
      c('follow-up-snoozed', { ...followUp(1), snoozedUntil: now + 2 * DAY }),
      c('birthday-friday', { ...born(12, 4), ...contacted(20) }),
    ];
    expect(selectDue(people, now, 10, until).map((p) => p.contact.id)).toEqual([
      'birthday-friday',
      'follow-up-gone-by',
      'follow-up-thursday',
      'follow-up-no-cadence',
      'overdue-c',
      'overdue-b',
      'overdue-a',
      'never',
    ]);
    // With three places, the overdue give way to the follow-ups.
    expect(selectDue(people, now, 3, until).map((p) => p.contact.id)).toEqual([
      'birthday-friday',
      'follow-up-gone-by',
      'follow-up-thursday',
    ]);
  });

  describe('selectDueFrom (streams from the store)', () => {
    /** The people as a stream, counting how many a reader took. */
    const stream = (people: Contact[]) => {
      const taken = { n: 0 };
      const it = (async function* () {
        for (const p of people) {
          taken.n++;
          yield p;
        }
      })();
      return Object.assign(it, { taken });
    };
    const until = beforeNextReminderDay(now, MONDAY_9);

    it('picks as selectDue does, follow-ups given apart from the due order', async () => {
      const overdue = Array.from({ length: 6 }, (_, i) =>
        c(`overdue-${i}`, { lastContactedAt: now - 90 * DAY, nextDueAt: now - (60 - i) * DAY }),
      );
      const thursday = c('follow-up-thursday', followUp(3));
      const snoozed = c('follow-up-snoozed', { ...followUp(1), snoozedUntil: now + 2 * DAY });
      // In due order the follow-up comes after the overdue, the snoozed one by its snooze's end.
      const due = stream([...overdue, thursday]);
      const picks = await selectDueFrom(due, now, 3, { until, followUps: stream([snoozed, thursday]) });
      expect(picks.map((p) => p.contact.id)).toEqual(['follow-up-thursday', 'overdue-0', 'overdue-1']);
      expect(picks).toEqual(selectDue([...overdue, thursday, snoozed], now, 3, until));
      // The due order read only as far as the two places left.
      expect(due.taken.n).toBe(2);
    });

    it('an import that planned a follow-up for everyone: only as many read as there are places', async () => {
      const planned = stream(
        Array.from({ length: 500 }, (_, i) => c(`planned-${String(i).padStart(3, '0')}`, followUp(-30))),
      );
      const due = stream([c('overdue', { lastContactedAt: now - 90 * DAY, nextDueAt: now - 60 * DAY })]);
      const picks = await selectDueFrom(due, now, 5, { until, followUps: planned });
      expect(picks.map((p) => p.contact.id)).toEqual([
        'planned-000',
        'planned-001',
        'planned-002',
        'planned-003',
        'planned-004',
      ]);
      expect([planned.taken.n, due.taken.n]).toEqual([5, 0]);
    });
  });

  it('29 February is marked on 28 February in other years; a person given twice counts once', () => {
    const feb = at(2027, 2, 22, 9);
    const leapling = c('leapling', { ...born(2, 29), lastContactedAt: feb - 30 * DAY, nextDueAt: feb + 60 * DAY });
    expect(selectDue([leapling, leapling], feb, 5).map((p) => p.contact.id)).toEqual(['leapling']);
    expect(selectDue([leapling], at(2027, 2, 20, 9), 5)).toEqual([]);
  });
});
