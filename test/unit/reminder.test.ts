import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { BADGE_ALARM, BADGE_MAX, updateBadge } from '../../src/background/badge';
import {
  catchUp,
  DIGEST_PREFIX,
  digestNames,
  ensureAlarm,
  openReminderView,
  REMINDER_VIEW,
  showDigest,
  snoozeDigest,
  WEEKLY_ALARM,
} from '../../src/background/reminder';
import { DAY } from '../../src/contacts/cadence';
import { createContact } from '../../src/contacts/merge';
import { birthdayToMark, selectDue } from '../../src/contacts/select';
import type { Contact } from '../../src/contacts/types';
import { bulkPut, markContacted, snooze } from '../../src/storage/contact-writes';
import { countDue, getContact } from '../../src/storage/contacts';
import { type DB, openDatabase } from '../../src/storage/db';
import { addContact } from '../../src/storage/draft-writes';
import { getReminderState, saveReminderState } from '../../src/storage/reminder-state';
import { DEFAULT_SETTINGS, saveSettings } from '../../src/storage/settings';
import { alarms, calls, notifications, reset, setLanguage, setPageContexts } from './support/fake-browser';

// Europe/Berlin (vitest.config.ts). Friday 2026-11-27 14:00; the default slot is Monday 09:00.
const NOW = new Date(2026, 10, 27, 14).getTime();
const MONDAY = new Date(2026, 10, 30, 9).getTime();
let db: DB;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  reset();
  setLanguage('en');
  db = await openDatabase();
  await saveReminderState(db, { installedAt: NOW - 100 * DAY });
});

async function seedDue(names: string[]) {
  const out = [];
  for (const [i, name] of names.entries())
    out.push(await addContact(db, { name, cadenceDays: 7 }, { now: NOW - (30 - i) * DAY }));
  return out;
}

describe('ensureAlarm', () => {
  it('sets one alarm at the next slot and leaves it alone on later wakes', async () => {
    expect(await ensureAlarm(db, NOW)).toBe(MONDAY);
    expect(alarms.get(WEEKLY_ALARM)?.scheduledTime).toBe(MONDAY);
    alarms.set(WEEKLY_ALARM, { name: WEEKLY_ALARM, scheduledTime: MONDAY });
    const before = alarms.get(WEEKLY_ALARM);
    await ensureAlarm(db, NOW + 3600_000);
    expect(alarms.get(WEEKLY_ALARM)).toBe(before);
  });

  it('moves the alarm when the settings change, and removes it when reminders are off', async () => {
    await ensureAlarm(db, NOW);
    await saveSettings(db, { ...DEFAULT_SETTINGS, weekday: 3, minutes: 18 * 60 });
    expect(await ensureAlarm(db, NOW)).toBe(new Date(2026, 11, 2, 18).getTime());
    await saveSettings(db, { ...DEFAULT_SETTINGS, remindersOn: false });
    expect(await ensureAlarm(db, NOW)).toBeNull();
    expect(alarms.has(WEEKLY_ALARM)).toBe(false);
  });

  it('leaves a past-due alarm to fire (browser just started)', async () => {
    alarms.set(WEEKLY_ALARM, { name: WEEKLY_ALARM, scheduledTime: NOW - 1000 });
    expect(await ensureAlarm(db, NOW)).toBe(NOW - 1000);
  });
});

describe('showDigest', () => {
  it('raises one list notification with buttons naming the due people, once per slot', async () => {
    await seedDue(['Anna', 'Ben', 'Cora', 'Dora', 'Emil', 'Finn']);
    const id = await showDigest(db, MONDAY);
    expect(id).toBe(`${DIGEST_PREFIX}${MONDAY}`);
    const n = notifications.get(id as string) ?? {};
    expect(n).toMatchObject({ type: 'list', title: 'Time to reconnect', message: 'Anna, Ben and 3 more' });
    // Each item says why now: nobody here was ever contacted, so each says when they were added.
    expect(n.items).toHaveLength(5);
    for (const item of n.items as { title: string; message: string }[])
      expect(item.message).toMatch(/^Never contacted — added \d+ weeks? ago$/);
    expect((n.buttons as { title: string }[]).map((b) => b.title)).toEqual(['Show', 'Snooze a week']);
    // On screen until acted on: the week's one reminder does not fade while the user is away.
    expect(n.requireInteraction).toBe(true);
    expect(await showDigest(db, MONDAY + 3600_000)).toBeNull();
    expect(notifications.size).toBe(1);
    expect((await getReminderState(db, MONDAY)).digest?.ids).toHaveLength(5);
  });

  it('on Firefox: a basic notification without buttons', async () => {
    reset({ firefox: true });
    await seedDue(['Anna']);
    const id = await showDigest(db, MONDAY);
    // One message: each person on a line with their reason.
    expect(notifications.get(id as string)).toMatchObject({
      type: 'basic',
      message: expect.stringMatching(/^Anna – Never contacted — added \d+ weeks? ago$/),
    });
    // Firefox has no such option (nor buttons): nothing it does not know is passed.
    expect(notifications.get(id as string)).not.toHaveProperty('requireInteraction');
    expect(notifications.get(id as string)).not.toHaveProperty('buttons');
  });

  it.each(['mac', 'win'])(
    'on %s, which shows a list without its message and not every item: one message, a line per person, with buttons',
    async (os) => {
      reset({ os });
      await seedDue(['Anna', 'Ben', 'Cora', 'Dora', 'Emil']);
      const n = notifications.get((await showDigest(db, MONDAY)) as string) ?? {};
      expect(n).toMatchObject({ type: 'basic', title: 'Time to reconnect' });
      expect(n.items).toBeUndefined();
      const lines = String(n.message).split('\n');
      expect(lines.slice(0, 3).map((l) => l.split(' – ')[0])).toEqual(['Anna', 'Ben', 'Cora']);
      for (const line of lines.slice(0, 3)) expect(line).toMatch(/^\w+ – Never contacted — added \d+ weeks? ago$/);
      // The two not named are counted: nobody is left out unsaid.
      expect(lines.slice(3)).toEqual(['and 2 more']);
      expect((n.buttons as { title: string }[]).map((b) => b.title)).toEqual(['Show', 'Snooze a week']);
    },
  );

  it('nobody due: no notification, and the slot counts as handled', async () => {
    const c = await addContact(db, { name: 'Fresh' }, { now: MONDAY });
    await markContacted(db, c.id, 'call', undefined, MONDAY);
    expect(await showDigest(db, MONDAY)).toBeNull();
    expect(notifications.size).toBe(0);
  });

  it('names someone whose birthday comes this week though not due, first, with the birthday as the reason', async () => {
    await seedDue(['Anna']);
    // Friday 4 December, in the week after Monday's slot; contacted three weeks ago, due in two months.
    const ben = await addContact(
      db,
      { name: 'Ben', cadenceDays: 90, birthday: { month: 12, day: 4, year: 1980 } },
      { now: MONDAY - 21 * DAY },
    );
    await markContacted(db, ben.id, 'call', undefined, MONDAY - 21 * DAY);
    // Someone whose birthday is next month is not named.
    await addContact(db, { name: 'Cem', cadenceDays: 90, birthday: { month: 1, day: 4 } }, { now: MONDAY - DAY });
    const n = notifications.get((await showDigest(db, MONDAY)) as string) ?? {};
    expect(n.message).toBe('Ben and Anna');
    expect((n.items as { title: string; message: string }[])[0]).toEqual({
      title: 'Ben',
      message: 'Birthday on Friday',
    });
    expect((await getReminderState(db, MONDAY)).digest?.ids).toEqual([ben.id, expect.any(String)]);
  });

  it('a birthday with a contact logged in the week before it is not named again', async () => {
    const ben = await addContact(
      db,
      { name: 'Ben', cadenceDays: 90, birthday: { month: 12, day: 4 } },
      { now: MONDAY - 60 * DAY },
    );
    await markContacted(db, ben.id, 'message', undefined, MONDAY - 2 * DAY);
    expect(await showDigest(db, MONDAY)).toBeNull();
  });

  describe("whoever falls due before the next reminder's day is named at this one, not a week late", () => {
    const NEXT = MONDAY + 7 * DAY;
    const names = async (at: number) =>
      String(notifications.get((await showDigest(db, at)) as string)?.message ?? '(no reminder)');

    it('a follow-up asked for on Thursday, with it as the reason', async () => {
      const dora = await addContact(db, { name: 'Dora', cadenceDays: 90 }, { now: MONDAY - 20 * DAY });
      const thursday = new Date(2026, 11, 3, 10).getTime();
      await markContacted(db, dora.id, 'call', undefined, MONDAY - 6 * DAY, { at: thursday, note: 'Jahresabschluss' });
      const n = notifications.get((await showDigest(db, MONDAY)) as string) ?? {};
      expect(n.message).toBe('Dora');
      expect((n.items as { message: string }[])[0]?.message).toBe('Follow-up for Thursday: Jahresabschluss');
    });

    it('in one message (Windows), in German: the name set off by a dash, the reason keeping its own colon', async () => {
      reset({ os: 'win' });
      setLanguage('de');
      const dora = await addContact(db, { name: 'Dora Dahl', cadenceDays: 90 }, { now: MONDAY - 20 * DAY });
      const wednesday = new Date(2026, 11, 2, 10).getTime();
      await markContacted(db, dora.id, 'call', undefined, MONDAY - 6 * DAY, { at: wednesday, note: 'Angebot' });
      expect(await names(MONDAY)).toBe('Dora Dahl – Nachfassen am Mittwoch: Angebot');
    });

    it('a weekly cadence logged after the slot comes round at the next one (it was named every other week)', async () => {
      const [anna] = await seedDue(['Anna']);
      expect(await names(MONDAY)).toBe('Anna');
      await markContacted(db, anna?.id as string, 'message', undefined, MONDAY + 30 * 60_000);
      expect(await names(NEXT)).toBe('Anna');
    });

    it('"Snooze a week" on the reminder brings them back at the next one', async () => {
      await seedDue(['Anna']);
      const id = (await showDigest(db, MONDAY)) as string;
      await snoozeDigest(db, id, MONDAY + 5 * 60_000);
      expect(await names(NEXT)).toBe('Anna');
    });

    it("but not whoever falls due on the next reminder's day, nor while a snooze holds past today", async () => {
      const [anna, ben] = await seedDue(['Anna', 'Ben']);
      // A weekly round logged an hour before today's reminder: next Monday's.
      await markContacted(db, anna?.id as string, 'call', undefined, MONDAY - 3600_000);
      await snooze(db, ben?.id as string, MONDAY + 2 * DAY, MONDAY - 3600_000);
      expect(await names(MONDAY)).toBe('(no reminder)');
      expect(await names(NEXT)).toBe('Anna and Ben');
    });

    it('a follow-up is named however many others are overdue, week after week until it is done', async () => {
      setLanguage('de');
      for (let i = 0; i < 8; i++) {
        const c = await addContact(db, { name: `Überfällig ${i}`, cadenceDays: 30 }, { now: MONDAY - 200 * DAY });
        await markContacted(db, c.id, 'call', undefined, MONDAY - (60 + i) * DAY);
      }
      const dora = await addContact(db, { name: 'Dora', cadenceDays: 90 }, { now: MONDAY - 20 * DAY });
      const wednesday = new Date(2026, 11, 2, 10).getTime();
      await markContacted(db, dora.id, 'call', undefined, MONDAY - 6 * DAY, { at: wednesday, note: 'Angebot' });
      const shown = async (at: number) => notifications.get((await showDigest(db, at)) as string) ?? {};
      const first = await shown(MONDAY);
      expect(first.message).toBe('Dora, Überfällig 7 und 3 weitere');
      expect((first.items as { message: string }[])[0]?.message).toBe('Nachfassen am Mittwoch: Angebot');
      // Not done by the next reminder: named first again, its day gone by.
      expect((await shown(NEXT)).message).toBe('Dora, Überfällig 7 und 3 weitere');
      await markContacted(db, dora.id, 'call', undefined, NEXT + DAY);
      expect((await shown(NEXT + 7 * DAY)).message).toBe('Überfällig 7, Überfällig 6 und 3 weitere');
    });

    it('someone snoozed to later this week takes no place from the next one due (one a week)', async () => {
      await saveSettings(db, { ...DEFAULT_SETTINGS, perReminder: 1 });
      const [anna, ben] = await seedDue(['Anna', 'Ben']);
      // Anna first in the due index (her snooze ends Wednesday), Ben after her (due Thursday); both contacted before.
      await markContacted(db, anna?.id as string, 'call', undefined, MONDAY - 20 * DAY);
      await snooze(db, anna?.id as string, MONDAY + 2 * DAY, MONDAY - DAY);
      await markContacted(db, ben?.id as string, 'call', undefined, MONDAY - 4 * DAY);
      expect(await names(MONDAY)).toBe('Ben');
    });
  });

  it('in German', async () => {
    setLanguage('de');
    await seedDue(['Anna', 'Ben']);
    const id = await showDigest(db, MONDAY);
    expect(notifications.get(id as string)).toMatchObject({ title: 'Zeit, dich zu melden', message: 'Anna und Ben' });
  });
});

describe('catching up and snoozing', () => {
  it('a slot missed while the browser was closed is shown once at start-up', async () => {
    await seedDue(['Anna']);
    await saveReminderState(db, { installedAt: NOW - 100 * DAY, lastShownAt: NOW - 30 * DAY });
    expect(await catchUp(db, NOW)).not.toBeNull();
    expect(await catchUp(db, NOW + 1000)).toBeNull();
    expect(notifications.size).toBe(1);
  });

  it('"Snooze a week" snoozes the digest\'s people, even ones read after a restart', async () => {
    const [anna] = await seedDue(['Anna', 'Ben']);
    const id = (await showDigest(db, MONDAY)) as string;
    expect(await snoozeDigest(db, id, MONDAY)).toBe(2);
    expect((await getContact(db, anna?.id as string))?.snoozedUntil).toBe(MONDAY + 7 * DAY);
    expect(await snoozeDigest(db, 'digest-old', MONDAY)).toBe(0);
  });

  it('"Snooze a week" ends as the day of a birthday it would pass begins: on the day the popup names them for it', async () => {
    // Monday 30 November; Dora's birthday is on Friday 4 December, Emil's on Tuesday 8 December (after the week).
    const dora = await addContact(db, { name: 'Dora', cadenceDays: 30, birthday: { month: 12, day: 4 } }, { now: NOW });
    const emil = await addContact(
      db,
      { name: 'Emil', cadenceDays: 7, birthday: { month: 12, day: 8 } },
      { now: NOW - 30 * DAY },
    );
    const id = (await showDigest(db, MONDAY)) as string;
    expect(selectDue([dora, emil], MONDAY, 5).map((e) => e.contact.name)).toEqual(['Dora', 'Emil']);
    expect(await snoozeDigest(db, id, MONDAY)).toBe(2);
    const friday = new Date(2026, 11, 4).getTime();
    const doraNow = (await getContact(db, dora.id)) as Contact;
    expect(doraNow.snoozedUntil).toBe(friday);
    expect((await getContact(db, emil.id))?.snoozedUntil).toBe(MONDAY + 7 * DAY);
    // Out of the week's people until then; on her birthday, named for it again.
    expect(birthdayToMark(doraNow, friday - 3600_000)).toBeUndefined();
    expect(birthdayToMark(doraNow, friday + 9 * 3600_000)).toBe(friday);
  });

  it("the reminder's view: a tab showing it already is brought to the front; else, or on another view, a new tab", async () => {
    const view = `chrome-extension://test/${REMINDER_VIEW}`;
    const steps = () => calls.filter((c) => /^(tabs|windows)\./.test(c.method));
    // Nothing of Reconnect's open: a new tab.
    await openReminderView();
    expect(steps()).toEqual([{ method: 'tabs.create', args: [{ url: view }] }]);
    // Its page open on another view (an import under way): left as it is, a new tab.
    calls.length = 0;
    setPageContexts([{ documentUrl: 'chrome-extension://test/options.html#data', tabId: 4, windowId: 1 }]);
    await openReminderView();
    expect(steps()).toEqual([{ method: 'tabs.create', args: [{ url: view }] }]);
    // This week open in a tab of another window: that tab, in front, and its window.
    calls.length = 0;
    setPageContexts([
      { documentUrl: 'chrome-extension://test/options.html#data', tabId: 4, windowId: 1 },
      { documentUrl: view, tabId: 7, windowId: 2 },
    ]);
    await openReminderView();
    expect(steps()).toEqual([
      { method: 'tabs.update', args: [7, { active: true }] },
      { method: 'windows.update', args: [2, { focused: true }] },
    ]);
    // A browser without runtime.getContexts: a new tab, as before.
    calls.length = 0;
    setPageContexts(null);
    await openReminderView();
    expect(steps()).toEqual([{ method: 'tabs.create', args: [{ url: view }] }]);
  });

  it('digestNames reads naturally for 1, 2, 3 and many', () => {
    const picks = (names: string[]) => names.map((name) => ({ contact: { name } as never, forgotten: false }));
    expect(digestNames(picks(['A']))).toBe('A');
    expect(digestNames(picks(['A', 'B']))).toBe('A and B');
    expect(digestNames(picks(['A', 'B', 'C']))).toBe('A, B and C');
    expect(digestNames(picks(['A', 'B', 'C', 'D']))).toBe('A, B and 2 more');
    expect(selectDue([], NOW, 5)).toEqual([]);
  });
});

describe('the toolbar badge', () => {
  const last = (method: string) => calls.filter((c) => c.method === method).at(-1)?.args[0];

  it('shows how many are due now (snoozed and later ones not), in its title too; empty when nobody is', async () => {
    const [ada, ben, cem] = (await seedDue(['Ada', 'Ben', 'Cem'])) as [Contact, Contact, Contact];
    await addContact(db, { name: 'Later', cadenceDays: 30 }, { now: NOW });
    await addContact(db, { name: 'No cadence', cadenceDays: null }, { now: NOW - 400 * DAY });
    await snooze(db, ben.id, NOW + 7 * DAY, NOW);
    expect(await updateBadge(db, NOW)).toBe(2);
    expect(last('action.setBadgeText')).toEqual({ text: '2' });
    expect(last('action.setTitle')).toEqual({ title: 'Reconnect: 2 people are due' });
    // Eight days on, the snooze has ended: Ben is due again.
    expect(await updateBadge(db, NOW + 8 * DAY)).toBe(3);
    await markContacted(db, ada.id, 'call', undefined, NOW);
    await markContacted(db, cem.id, 'email', undefined, NOW);
    expect(await updateBadge(db, NOW)).toBe(0);
    expect(last('action.setBadgeText')).toEqual({ text: '' });
    expect(last('action.setTitle')).toEqual({ title: 'Reconnect: save this person or see who is due' });
  });

  it('is counted again at the moment the next person falls due, whatever the time of day; no alarm when nobody will', async () => {
    const HOUR = 3_600_000;
    const person = (id: string, dueAt: number, over: Partial<Contact> = {}) => ({
      ...createContact({ name: id, cadenceDays: 7 }, 'imported', NOW - 30 * DAY, () => id),
      nextDueAt: dueAt,
      ...over,
    });
    await bulkPut(db, [
      person('ada', NOW - DAY),
      person('ben', NOW + 2 * HOUR + 17_000),
      person('cem', NOW - 3 * DAY),
      person('dora', NOW + 5 * DAY),
    ]);
    await snooze(db, 'cem', NOW + DAY, NOW);
    const scheduled = () => alarms.get(BADGE_ALARM)?.scheduledTime;
    expect(await updateBadge(db, NOW)).toBe(1);
    // Ben at 16:00:17, not the next day: the badge then says what the list says.
    expect(scheduled()).toBe(NOW + 2 * HOUR + 17_000);
    expect(await updateBadge(db, NOW + 2 * HOUR + 17_000)).toBe(2);
    // Then the end of Cem's snooze, then Dora.
    expect(scheduled()).toBe(NOW + DAY);
    expect(await updateBadge(db, NOW + DAY)).toBe(3);
    expect(scheduled()).toBe(NOW + 5 * DAY);
    // Counting again before that moment (a save in the popup) leaves the alarm as it is.
    const creates = calls.filter((c) => c.method === 'alarms.create').length;
    expect(await updateBadge(db, NOW + 2 * DAY)).toBe(3);
    expect(calls.filter((c) => c.method === 'alarms.create').length).toBe(creates);
    // Everyone due by then: nobody falls due later, so no alarm is left.
    expect(await updateBadge(db, NOW + 6 * DAY)).toBe(4);
    expect(alarms.has(BADGE_ALARM)).toBe(false);
  });

  it('says 99+ beyond 99, counting no further, in both languages; exactly 99 is 99', async () => {
    const person = (i: number, dueAt: number) => ({
      ...createContact({ name: `P${i}`, cadenceDays: 7 }, 'imported', NOW - 30 * DAY, () => `p${i}`),
      nextDueAt: dueAt,
    });
    await bulkPut(db, [
      ...Array.from({ length: 99 }, (_, i) => person(i, NOW - DAY)),
      ...Array.from({ length: 150 }, (_, i) => person(100 + i, NOW + DAY)),
    ]);
    expect(await updateBadge(db, NOW)).toBe(99);
    expect(last('action.setBadgeText')).toEqual({ text: '99' });
    expect(last('action.setTitle')).toEqual({ title: 'Reconnect: 99 people are due' });
    // A day on, 249 are due: counted to 100 only.
    expect(await updateBadge(db, NOW + 2 * DAY)).toBe(BADGE_MAX + 1);
    expect(last('action.setBadgeText')).toEqual({ text: '99+' });
    expect(last('action.setTitle')).toEqual({ title: 'Reconnect: more than 99 people are due' });
    expect(await countDue(db, NOW + 2 * DAY)).toBe(249);
    setLanguage('de');
    await updateBadge(db, NOW + 2 * DAY);
    expect(last('action.setTitle')).toEqual({ title: 'Reconnect: mehr als 99 Personen sind dran' });
  });
});
