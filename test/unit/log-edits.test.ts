import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DAY, nextDueAt } from '../../src/contacts/cadence';
import { undone, withoutEntry } from '../../src/contacts/log-edits';
import { createContact } from '../../src/contacts/merge';
import type { Contact } from '../../src/contacts/types';
import {
  bulkPut,
  loggedContact,
  markContacted,
  planFollowUp,
  updateContact,
  withFollowUp,
} from '../../src/storage/contact-writes';
import { getContact } from '../../src/storage/contacts';
import { type DB, openDatabase } from '../../src/storage/db';

const T0 = new Date(2026, 2, 2, 9).getTime();

function person(over: Partial<Contact> = {}): Contact {
  const c = { ...createContact({ name: 'Anna Roth' }, 'manual', T0, () => 'anna', 30), ...over };
  return { ...c, nextDueAt: nextDueAt(c) };
}

const call = { at: T0 + 10 * DAY, kind: 'call' as const, note: 'Angebot' };
const coffee = { at: T0 + 20 * DAY, kind: 'meeting' as const };

describe('withoutEntry: an entry taken out of the log', () => {
  it('the latest entry out: the last contact is the one before it, and none left is never contacted', () => {
    const both = loggedContact(loggedContact(person(), call), coffee);
    expect(both.lastContactedAt).toBe(coffee.at);
    const one = withoutEntry(both, coffee);
    expect(one.interactions).toEqual([call]);
    expect(one.lastContactedAt).toBe(call.at);
    const none = withoutEntry(one, call);
    expect(none.interactions).toEqual([]);
    expect('lastContactedAt' in none).toBe(false);
  });

  it('an older entry out leaves the last contact; two entries alike lose one; an entry not there changes nothing', () => {
    const both = loggedContact(loggedContact(person(), call), coffee);
    expect(withoutEntry(both, call)).toMatchObject({ interactions: [coffee], lastContactedAt: coffee.at });
    const twice = loggedContact(loggedContact(person(), call), call);
    expect(withoutEntry(twice, call).interactions).toEqual([call]);
    expect(withoutEntry(both, { ...call, note: 'anderes' })).toBe(both);
  });

  it('an introduction asked for through them is no contact: taking out the only contact leaves them never contacted', () => {
    const asked = { at: T0 + 5 * DAY, kind: 'introduction' as const, note: 'Über Ben' };
    const logged = loggedContact({ ...person(), interactions: [asked] }, call);
    const out = withoutEntry(logged, call);
    expect(out.interactions).toEqual([asked]);
    expect('lastContactedAt' in out).toBe(false);
    // With a contact before it, that one is the last contact again, not the later introduction.
    const coffeeFirst = { at: T0 + 2 * DAY, kind: 'meeting' as const };
    const two = loggedContact(loggedContact({ ...person(), interactions: [asked] }, coffeeFirst), call);
    expect(withoutEntry(two, call).lastContactedAt).toBe(coffeeFirst.at);
    // Taking the introduction out leaves the last contact as it is.
    expect(withoutEntry(two, asked)).toMatchObject({ interactions: [coffeeFirst, call], lastContactedAt: call.at });
  });
});

describe('loggedContact: a contact logged afterwards, for an earlier day', () => {
  it('is put in its place; the last contact and a snooze stand when it is older than the last contact', () => {
    const snoozed = { ...loggedContact(person(), coffee), snoozedUntil: T0 + 40 * DAY };
    const earlier = loggedContact(snoozed, call);
    expect(earlier.interactions).toEqual([call, coffee]);
    expect(earlier.lastContactedAt).toBe(coffee.at);
    expect(earlier.snoozedUntil).toBe(T0 + 40 * DAY);
    // The latest contact ends the snooze.
    const latest = loggedContact(snoozed, { at: T0 + 30 * DAY, kind: 'email' });
    expect(latest.lastContactedAt).toBe(T0 + 30 * DAY);
    expect('snoozedUntil' in latest).toBe(false);
  });
});

describe('undone: a step taken back', () => {
  it('a log taken back: its entry out, the snooze it ended and the follow-up it replaced back', () => {
    const before = person({
      snoozedUntil: T0 + 40 * DAY,
      followUp: { at: T0 + 60 * DAY, note: 'Vertrag' },
      interactions: [call],
      lastContactedAt: call.at,
    });
    const after = loggedContact(before, coffee, { at: T0 + 90 * DAY });
    expect(after.snoozedUntil).toBeUndefined();
    const back = undone(after, before, after);
    expect(back.interactions).toEqual([call]);
    expect(back.lastContactedAt).toBe(call.at);
    expect(back.snoozedUntil).toBe(T0 + 40 * DAY);
    expect(back.followUp).toEqual({ at: T0 + 60 * DAY, note: 'Vertrag' });
  });

  it('what changed since stands: a later log and a new snooze are kept', () => {
    const before = person({ snoozedUntil: T0 + 40 * DAY });
    const after = loggedContact(before, call);
    const later = { ...loggedContact(after, coffee), snoozedUntil: T0 + 50 * DAY };
    const back = undone(later, before, after);
    expect(back.interactions).toEqual([coffee]);
    expect(back.lastContactedAt).toBe(coffee.at);
    expect(back.snoozedUntil).toBe(T0 + 50 * DAY);
  });

  it('a snooze taken back: the one before it, or none, and the due date untouched', () => {
    const before = person({ snoozedUntil: T0 + 3 * DAY });
    const after = { ...before, snoozedUntil: T0 + 30 * DAY };
    expect(undone(after, before, after)).toEqual(before);
    const never = person();
    expect(undone({ ...never, snoozedUntil: T0 + 7 * DAY }, never, { ...never, snoozedUntil: T0 + 7 * DAY })).toEqual(
      never,
    );
  });

  it("an entry's removal taken back puts it and the last contact back, once", () => {
    const before = loggedContact(loggedContact(person(), call), coffee);
    const after = withoutEntry(before, coffee);
    expect(undone(after, before, after)).toMatchObject({ interactions: [call, coffee], lastContactedAt: coffee.at });
    // Put back meanwhile (a sync): not twice.
    const synced = { ...after, interactions: [call, coffee] };
    expect(undone(synced, before, after).interactions).toEqual([call, coffee]);
  });
});

describe('undone: entries alike (the same earlier day, kind and no note) are counted', () => {
  // A contact logged for an earlier day is at that day's noon: logged twice, the two entries are alike.
  const yesterday = { at: T0 + 9 * DAY + 3 * 3_600_000, kind: 'call' as const };

  it('the second of two logs alike taken back: one is left, and the last contact stays', () => {
    const once = loggedContact(person(), yesterday);
    const twice = loggedContact(once, yesterday);
    expect(twice.interactions).toEqual([yesterday, yesterday]);
    const back = undone(twice, once, twice);
    expect(back.interactions).toEqual([yesterday]);
    expect(back.lastContactedAt).toBe(yesterday.at);
  });

  it('one of two alike taken out, and that taken back: both again; put back meanwhile (a sync): not a third', () => {
    const twice = loggedContact(loggedContact(person(), yesterday), yesterday);
    const one = withoutEntry(twice, yesterday);
    expect(one.interactions).toEqual([yesterday]);
    expect(undone(one, twice, one).interactions).toEqual([yesterday, yesterday]);
    expect(undone(twice, twice, one).interactions).toEqual([yesterday, yesterday]);
  });

  it('the second of two logs alike, taken out since, then its log taken back: the first stays', () => {
    const once = loggedContact(person(), yesterday);
    const twice = loggedContact(once, yesterday);
    const outSince = withoutEntry(twice, yesterday);
    expect(undone(outSince, once, twice).interactions).toEqual([yesterday]);
  });

  it('a log alike made since the step stands when the step is taken back', () => {
    const before = person();
    const after = loggedContact(before, yesterday);
    const since = loggedContact(after, yesterday);
    expect(undone(since, before, after).interactions).toEqual([yesterday]);
  });
});

describe('withFollowUp: a follow-up planned on its own, no contact logged', () => {
  const tuesday = { at: T0 + 8 * DAY, note: 'Projektanfrage' };

  it('is set, ends a snooze, and logs nothing; the same plan again changes nothing', () => {
    const snoozed = person({ snoozedUntil: T0 + 30 * DAY });
    const planned = withFollowUp(snoozed, tuesday);
    expect(planned.followUp).toEqual(tuesday);
    expect('snoozedUntil' in planned).toBe(false);
    expect(planned.interactions).toEqual([]);
    expect(nextDueAt(planned)).toBe(tuesday.at);
    expect(withFollowUp(planned, { ...tuesday })).toBe(planned);
    // Moved, or its note changed: a new plan.
    expect(withFollowUp(planned, { at: T0 + 9 * DAY }).followUp).toEqual({ at: T0 + 9 * DAY });
    expect(withFollowUp(planned, { at: tuesday.at }).followUp).toEqual({ at: tuesday.at });
  });

  it('no follow-up any more: the due date from the cadence again, a snooze kept; none planned: unchanged', () => {
    const planned = withFollowUp(person(), tuesday);
    const off = withFollowUp({ ...planned, snoozedUntil: T0 + 40 * DAY }, undefined);
    expect('followUp' in off).toBe(false);
    expect(off.snoozedUntil).toBe(T0 + 40 * DAY);
    const none = person();
    // Thirty days after they were added (across the change to summer time: 30 calendar days).
    expect(nextDueAt(off)).toBe(none.nextDueAt);
    expect(withFollowUp(none, undefined)).toBe(none);
  });
});

describe('in the store', () => {
  let db: DB;
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    db = await openDatabase();
  });

  it("a log taken back leaves the person as before, down to an import's spread first due date", async () => {
    const spread = T0 + 63 * DAY;
    await bulkPut(db, [{ ...person({ source: 'imported' }), nextDueAt: spread }]);
    const before = (await getContact(db, 'anna')) as Contact;
    const after = await markContacted(db, 'anna', 'call', 'Angebot', T0 + DAY);
    expect(after.nextDueAt).toBe(new Date(2026, 3, 2, 9).getTime());
    await updateContact(db, 'anna', (now) => undone(now, before, after), { now: T0 + DAY });
    const back = await getContact(db, 'anna');
    expect({ ...back, updatedAt: 0 }).toEqual({ ...before, updatedAt: 0 });
  });

  it('a follow-up planned moves the due date to its day and back when taken back or no longer planned', async () => {
    const spread = T0 + 63 * DAY;
    await bulkPut(db, [{ ...person({ source: 'imported', snoozedUntil: T0 + 70 * DAY }), nextDueAt: spread }]);
    const before = (await getContact(db, 'anna')) as Contact;
    const tuesday = { at: T0 + 8 * DAY, note: 'Projektanfrage' };
    const after = await planFollowUp(db, 'anna', tuesday, T0 + DAY);
    expect(after).toMatchObject({ followUp: tuesday, nextDueAt: tuesday.at, interactions: [], updatedAt: T0 + DAY });
    expect(after.snoozedUntil).toBeUndefined();
    // Undo: as before, the snooze and the import's spread first due date too.
    await updateContact(db, 'anna', (c) => undone(c, before, after), { now: T0 + DAY });
    expect({ ...(await getContact(db, 'anna')), updatedAt: 0 }).toEqual({ ...before, updatedAt: 0 });
    // Planned, then no longer: due by the cadence from when they were added (the file's spread day is not known
    // any more), nothing logged.
    await planFollowUp(db, 'anna', tuesday, T0 + DAY);
    const off = await planFollowUp(db, 'anna', undefined, T0 + 2 * DAY);
    expect(off).toMatchObject({ nextDueAt: person().nextDueAt, interactions: [] });
    expect(off.followUp).toBeUndefined();
  });

  it('a contact logged for an earlier day is written now: its entry has that day, the record the moment it was written', async () => {
    await bulkPut(db, [person()]);
    const c = await markContacted(db, 'anna', 'meeting', undefined, T0 - 5 * DAY, undefined, T0 + DAY);
    expect(c.interactions).toEqual([{ at: T0 - 5 * DAY, kind: 'meeting' }]);
    expect(c.lastContactedAt).toBe(T0 - 5 * DAY);
    expect(c.updatedAt).toBe(T0 + DAY);
  });
});
