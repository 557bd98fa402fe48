import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DAY } from '../../src/contacts/cadence';
import type { Contact } from '../../src/contacts/types';
import { createOptionsState } from '../../src/options/state';
import { createSyncState } from '../../src/options/sync-state';
import { formatDate, t } from '../../src/platform/i18n';
import { rereads } from '../../src/storage/changes';
import { markContacted } from '../../src/storage/contact-writes';
import { getContact } from '../../src/storage/contacts';
import { type DB, openDatabase } from '../../src/storage/db';
import { addContact } from '../../src/storage/draft-writes';
import { getReminderState, markDigestDone, saveReminderState } from '../../src/storage/reminder-state';
import { DEFAULT_SETTINGS, getSettings, saveSettings } from '../../src/storage/settings';
import { changeBus } from './support/change-bus';

// "This week"'s reads, counted, and held while a test says so.
const weekReads = vi.hoisted(() => ({ count: 0, held: undefined as Promise<void> | undefined }));
vi.mock('../../src/options/this-week', async (original) => {
  const real = await original<typeof import('../../src/options/this-week')>();
  return {
    ...real,
    readThisWeek: async (...args: Parameters<typeof real.readThisWeek>) => {
      weekReads.count++;
      await weekReads.held;
      return real.readThisWeek(...args);
    },
  };
});

const NOW = new Date(2026, 10, 30, 10).getTime();
let db: DB;
let bus: ReturnType<typeof changeBus>;
let told: number;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openDatabase();
  bus = changeBus();
  told = 0;
});

const make = () =>
  createOptionsState({
    db,
    now: () => NOW,
    settingsChanged: async () => {
      told++;
      return { nextAt: null };
    },
    onChange: bus.onChange,
  });
const settle = () => new Promise((r) => setTimeout(r, 20));
/** Anna, Ben and Cora, due, named by this week's reminder; the options state with this week read. */
async function withDigest() {
  const ids: string[] = [];
  for (const name of ['Anna', 'Ben', 'Cora'])
    ids.push((await addContact(db, { name, cadenceDays: 30 }, { now: NOW - 60 * DAY })).id);
  await saveReminderState(db, { installedAt: 0, digest: { id: 'digest-1', at: NOW, ids, done: [] } });
  const s = make();
  await s.load();
  await s.reloadThisWeek();
  return { s, ids };
}
/** Someone as stored, as This week hands them to its actions. */
const who = async (id: string) => (await getContact(db, id)) as Contact;

describe('options state', () => {
  it('shows saved settings at once, and tells the worker', async () => {
    const s = make();
    await s.load();
    expect(s.settings.value).toEqual(DEFAULT_SETTINGS);
    await s.saveSettings({ ...s.settings.value, perReminder: 7, loadPhotos: false });
    expect(s.settings.value).toMatchObject({ perReminder: 7, loadPhotos: false });
    expect(told).toBe(1);
  });

  it('follows settings saved by another view (the change broadcast)', async () => {
    const s = make();
    await s.load();
    await saveSettings(db, { ...DEFAULT_SETTINGS, circles: ['family', 'Verein'] });
    bus.broadcast({ kind: 'settings' });
    await settle();
    expect(s.circles.value).toEqual(['family', 'Verein']);
  });

  it('a renamed circle is renamed in every contact that has it, with the settings, in one save', async () => {
    const s = make();
    await s.load();
    const a = await addContact(db, { name: 'A', circles: ['clients', 'friends'] }, { now: NOW });
    const b = await addContact(db, { name: 'B', circles: ['friends'] }, { now: NOW });
    const circles = s.settings.value.circles.map((c) => (c === 'clients' ? 'Stammkunden' : c));
    const renamed = await s.saveSettings({ ...s.settings.value, circles }, new Map([['clients', 'Stammkunden']]));
    expect(renamed).toBe(1);
    expect((await getContact(db, a.id))?.circles).toEqual(['Stammkunden', 'friends']);
    expect((await getContact(db, b.id))?.circles).toEqual(['friends']);
    expect((await getSettings(db)).circles).toContain('Stammkunden');
  });

  it('this week: contacted, snoozed and skipped people are marked done; the contact is changed as the popup does', async () => {
    const { s, ids } = await withDigest();
    expect(s.thisWeek.value?.people.map((p) => p.name)).toEqual(['Anna', 'Ben', 'Cora']);
    const [anna, ben, cora] = ids as [string, string, string];
    await s.contacted(await who(anna), 'call', 'Hi');
    await s.snoozeWeek(await who(ben));
    await s.notThisTime(await who(cora));
    expect(s.thisWeek.value).toMatchObject({ from: 'reminder', done: ids });
    expect((await getContact(db, anna))?.lastContactedAt).toBe(NOW);
    expect((await getContact(db, ben))?.snoozedUntil).toBe(NOW + 7 * DAY);
    expect((await getContact(db, cora))?.lastContactedAt).toBeUndefined();
  });

  it('this week: each step is said with Undo, which takes it back: the person as before, and not done', async () => {
    const { s, ids } = await withDigest();
    const [anna, ben, cora] = (await Promise.all(ids.map(who))) as [Contact, Contact, Contact];
    await s.contacted(anna, 'call', 'Hi');
    expect(s.lastStep.value?.text).toBe('Logged your contact with Anna.');
    await s.lastStep.value?.undo();
    expect(s.lastStep.value).toBeNull();
    expect({ ...(await who(anna.id)), updatedAt: 0 }).toEqual({ ...anna, updatedAt: 0 });
    expect(s.thisWeek.value).toMatchObject({ from: 'reminder', done: [] });
    await s.snoozeWeek(ben);
    expect(s.lastStep.value?.text).toMatch(/^Snoozed Ben until /);
    await s.notThisTime(cora);
    expect(s.lastStep.value?.text).toBe('Not this time: Cora.');
    await s.lastStep.value?.undo();
    // Only the last step is taken back: Ben stays snoozed and done.
    expect(s.thisWeek.value).toMatchObject({ from: 'reminder', done: [ben.id] });
    expect((await who(ben.id)).snoozedUntil).toBe(NOW + 7 * DAY);
  });

  it("this week: a day planned for one of the reminder's people (no contact logged) marks them done; Undo takes both back", async () => {
    const { s, ids } = await withDigest();
    const ben = await who(ids[1] as string);
    const thursday = new Date(2026, 11, 10, 9).getTime();
    await s.planFollowUp(ben, { at: thursday, note: 'Angebot' });
    expect(s.lastStep.value?.text).toBe(t('followUpPlannedToast', 'Ben', formatDate(thursday)));
    expect(s.thisWeek.value).toMatchObject({ from: 'reminder', done: [ben.id] });
    expect(await who(ben.id)).toMatchObject({ followUp: { at: thursday, note: 'Angebot' }, nextDueAt: thursday });
    expect((await who(ben.id)).lastContactedAt).toBeUndefined();
    await s.lastStep.value?.undo();
    expect({ ...(await who(ben.id)), updatedAt: 0 }).toEqual({ ...ben, updatedAt: 0 });
    expect(s.thisWeek.value).toMatchObject({ from: 'reminder', done: [] });
    // Planned and then no longer: the due date from the cadence again, said so.
    await s.planFollowUp(ben, { at: thursday });
    await s.planFollowUp(await who(ben.id), undefined);
    expect(s.lastStep.value?.text).toBe(t('followUpCancelledToast', 'Ben'));
    expect((await who(ben.id)).followUp).toBeUndefined();
    expect((await who(ben.id)).nextDueAt).toBe(ben.nextDueAt);
  });

  it("this week before this week's reminder: who is due now, picked as the reminder picks, and when it comes", async () => {
    // NOW is Monday 30 November, 10:00; the default slot is Monday 09:00, so this week's slot has passed.
    // Never contacted, they are named oldest-added first: each added a minute after the one before.
    let added = NOW - 60 * DAY;
    const add = async (name: string, cadenceDays: number | null = 30) => {
      added += 60_000;
      return (await addContact(db, { name, cadenceDays }, { now: added })).id;
    };
    const [anna, ben] = [await add('Anna'), await add('Ben')];
    await add('Cora');
    await add('Dora', null);
    await saveSettings(db, { ...DEFAULT_SETTINGS, perReminder: 2 });
    // Last week's digest is not this week's.
    await saveReminderState(db, {
      installedAt: 0,
      digest: { id: 'digest-0', at: NOW - 7 * DAY, ids: [ben], done: [] },
    });
    const s = make();
    await s.load();
    await s.reloadThisWeek();
    const week = s.thisWeek.value;
    expect(week?.from).toBe('due');
    expect(week?.people.map((p) => p.name)).toEqual(['Anna', 'Ben']);
    expect(week?.from === 'due' && week.nextAt).toBe(new Date(2026, 11, 7, 9).getTime());
    // Contacted, Anna is no longer due: the next one due takes her place, and no digest is touched. Undo: she is
    // due again, in her place.
    await s.contacted(await who(anna), 'call');
    expect(s.thisWeek.value?.people.map((p) => p.name)).toEqual(['Ben', 'Cora']);
    await s.lastStep.value?.undo();
    expect(s.thisWeek.value?.people.map((p) => p.name)).toEqual(['Anna', 'Ben']);
    await s.contacted(await who(anna), 'call');
    expect(s.thisWeek.value?.people.map((p) => p.name)).toEqual(['Ben', 'Cora']);
    await s.notThisTime(await who(ben));
    expect(s.thisWeek.value?.people.map((p) => p.name)).toEqual(['Ben', 'Cora']);
    expect((await getReminderState(db, NOW)).digest?.done).toEqual([]);
    // Reminders turned off in another view: no next reminder to name.
    await saveSettings(db, { ...DEFAULT_SETTINGS, perReminder: 2, remindersOn: false });
    bus.broadcast({ kind: 'settings' });
    await settle();
    expect(s.thisWeek.value).toMatchObject({ from: 'due', nextAt: null });
    // This week's digest, once the worker shows it (and says so), is what the open view lists.
    await saveReminderState(db, { installedAt: 0, digest: { id: 'digest-1', at: NOW, ids: [ben], done: [] } });
    bus.broadcast({ kind: 'reminder' });
    await settle();
    expect(s.thisWeek.value).toMatchObject({ from: 'reminder', done: [] });
    expect(s.thisWeek.value?.people.map((p) => p.name)).toEqual(['Ben']);
    // "Not this time" for Ben in another tab writes no contact, only the digest: this view counts him done too.
    await markDigestDone(db, ben, NOW);
    bus.broadcast({ kind: 'reminder' });
    await settle();
    expect(s.thisWeek.value).toMatchObject({ from: 'reminder', done: [ben] });
  });

  it('this week before the reminder: whoever falls due before its day too; snoozed a week from here, gone', async () => {
    // Monday 30 November, 10:00: the next reminder is Monday 7 December, so this week runs through Sunday.
    const eva = (await addContact(db, { name: 'Eva', cadenceDays: 30 }, { now: NOW - 40 * DAY })).id;
    const finn = (await addContact(db, { name: 'Finn', cadenceDays: 30 }, { now: NOW - 40 * DAY })).id;
    await markContacted(db, eva, 'call', undefined, NOW - 27 * DAY);
    await markContacted(db, finn, 'call', undefined, NOW - 23 * DAY);
    const s = make();
    await s.load();
    await s.reloadThisWeek();
    // Eva falls due on Thursday; Finn on Monday 7 December, the next reminder's day: that one names him.
    expect(s.thisWeek.value?.people.map((p) => p.name)).toEqual(['Eva']);
    await s.snoozeWeek(await who(eva));
    expect(s.thisWeek.value?.people).toEqual([]);
  });
});

describe("sync's steps when the worker cannot take them", () => {
  it("say why (as the section's problem) instead of failing without a word, and keep the section where it was", async () => {
    const sync = createSyncState({
      db,
      onChange: bus.onChange,
      send: async () => {
        throw new Error('no worker in these tests');
      },
      requestOrigins: async () => false,
    });
    await sync.load();
    const s = { sync };
    const said = t('errorFailed', 'no worker in these tests');
    for (const step of [
      () => s.sync.syncNow(),
      () => s.sync.setEnabled(false),
      () => s.sync.setInterval(60),
      () => s.sync.start(),
      () => s.sync.resolve('restore'),
    ]) {
      await step();
      expect(s.sync.problem.value).toEqual({ code: 'failed', text: said });
      expect(s.sync.busy.value).toBe(false);
    }
    const before = s.sync.setup.value;
    await s.sync.remove();
    expect(s.sync.problem.value?.text).toBe(said);
    expect(s.sync.setup.value).toBe(before);
  });
});

describe('this week during a sync', () => {
  it("this week follows a sync's announcements one read at a time: those made during a read are one more read", async () => {
    await addContact(db, { name: 'Anna', cadenceDays: 30 }, { now: NOW - 60 * DAY });
    const s = make();
    await s.load();
    await s.reloadThisWeek();
    expect(s.thisWeek.value?.people.map((p) => p.name)).toEqual(['Anna']);
    let release = () => {};
    weekReads.held = new Promise((ok) => {
      release = ok;
    });
    weekReads.count = 0;
    // A sync's steps, each announced after its write; the first read is held until the last step.
    for (let i = 0; i < 5; i++) bus.broadcast({ kind: 'contacts', ids: [`card-${i}`] });
    await addContact(db, { name: 'Ben', cadenceDays: 30 }, { now: NOW - 59 * DAY });
    for (let i = 5; i < 10; i++) bus.broadcast({ kind: 'contacts', ids: [`card-${i}`] });
    release();
    await settle();
    expect(weekReads.count).toBe(2);
    // The last read started after every step: Ben is there.
    expect(s.thisWeek.value?.people.map((p) => p.name)).toEqual(['Anna', 'Ben']);
  });
});

describe('rereads', () => {
  it('one read at a time, in the order asked; asked again while one waits, it is that one', async () => {
    const started: number[] = [];
    const gates: (() => void)[] = [];
    let shown = 0;
    let value = 0;
    const reload = rereads(async () => {
      const seen = ++value;
      started.push(seen);
      await new Promise<void>((ok) => gates.push(ok));
      shown = seen;
    });
    const first = reload();
    // Not started yet: the same read, which will see everything written before it starts.
    expect(reload()).toBe(first);
    await Promise.resolve();
    expect(started).toEqual([1]);
    // Started: a second read waits behind it, and those asked for meanwhile are that one.
    const second = reload();
    expect(second).not.toBe(first);
    expect(reload()).toBe(second);
    expect(started).toEqual([1]);
    gates[0]?.();
    await first;
    expect(shown).toBe(1);
    // The second has started: asked for now, a third is queued behind it.
    await vi.waitFor(() => expect(started).toEqual([1, 2]));
    const third = reload();
    expect(third).not.toBe(second);
    gates[1]?.();
    await second;
    await vi.waitFor(() => expect(started).toEqual([1, 2, 3]));
    gates[2]?.();
    await third;
    expect(shown).toBe(3);
  });

  it('a read that fails does not stop the next one', async () => {
    let calls = 0;
    const reload = rereads(async () => {
      calls++;
      if (calls === 1) throw new Error('closed');
    });
    await expect(reload()).rejects.toThrow('closed');
    await reload();
    expect(calls).toBe(2);
  });
});
