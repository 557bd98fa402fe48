// @vitest-environment jsdom
/**
 * The settings form follows the stored settings while it has no edits, and never takes back what the user typed:
 * a reload of the stored settings (another view saved, everything deleted) that lands just before a keystroke must
 * not put the stored value back over it.
 */
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SettingsForm } from '../../src/options/SettingsForm';
import { createOptionsState } from '../../src/options/state';
import { type DB, openDatabase } from '../../src/storage/db';
import { DEFAULT_SETTINGS, getSettings, saveSettings } from '../../src/storage/settings';
import { changeBus } from './support/change-bus';
import { setLanguage } from './support/fake-browser';

let db: DB;
let bus: ReturnType<typeof changeBus>;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  setLanguage('en');
  db = await openDatabase();
  bus = changeBus();
});
/** Another view saved the settings. */
const announced = () => bus.broadcast({ kind: 'settings' });

async function mounted() {
  const state = createOptionsState({
    db,
    now: () => Date.now(),
    settingsChanged: async () => ({ nextAt: null }),
    onChange: bus.onChange,
  });
  await state.load();
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  await act(async () => render(<SettingsForm state={state} />, root));
  const time = root.querySelector<HTMLInputElement>('#time');
  if (!time) throw new Error('no time field');
  return { state, root, time };
}

/** Types into a field as the browser does for a time field: its value, then its change event. */
function typeInto(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('the settings form', () => {
  it('keeps a time typed right after the stored settings were read again (drawn, their effects not yet run)', async () => {
    await saveSettings(db, { ...DEFAULT_SETTINGS, minutes: 10 * 60 + 30 });
    const { state, time } = await mounted();
    expect(time.value).toBe('10:30');
    // Another view's save announced: the same settings read again, a new object, drawn in a microtask; the form's
    // effects run only after the next frame.
    const before = state.settings.value;
    announced();
    await vi.waitFor(() => expect(state.settings.value).not.toBe(before), { interval: 1 });
    await Promise.resolve();
    typeInto(time, '09:00');
    await act(async () => {});
    await new Promise((r) => setTimeout(r, 60));
    expect(time.value).toBe('09:00');
    // And it is what Save stores.
    await act(async () => time.form?.requestSubmit());
    await vi.waitFor(async () => expect((await getSettings(db)).minutes).toBe(9 * 60));
  });

  it('follows a change saved elsewhere while it has no edits, and again once its own are saved', async () => {
    const { state, time } = await mounted();
    await saveSettings(db, { ...DEFAULT_SETTINGS, minutes: 8 * 60 });
    announced();
    await vi.waitFor(() => expect(time.value).toBe('08:00'));
    typeInto(time, '07:15');
    await act(async () => {});
    await act(async () => time.form?.requestSubmit());
    await vi.waitFor(async () => expect((await getSettings(db)).minutes).toBe(7 * 60 + 15));
    await saveSettings(db, { ...(await getSettings(db)), minutes: 6 * 60 });
    announced();
    await vi.waitFor(() => expect(time.value).toBe('06:00'));
    expect(state.settings.value.minutes).toBe(6 * 60);
  });

  it('keeps its edits when a change is saved elsewhere meanwhile', async () => {
    const { time } = await mounted();
    typeInto(time, '11:45');
    await act(async () => {});
    await saveSettings(db, { ...DEFAULT_SETTINGS, minutes: 8 * 60 });
    announced();
    await new Promise((r) => setTimeout(r, 60));
    await act(async () => {});
    expect(time.value).toBe('11:45');
  });
});

describe('the next reminder', () => {
  it('is said with its date under the slot, follows the day and time as they are set, and goes with reminders off', async () => {
    // Monday 14 December 2026, 10:00: the default slot (Monday 09:00) has passed today.
    vi.useFakeTimers({ now: new Date(2026, 11, 14, 10, 0), toFake: ['Date'] });
    try {
      const { root, time } = await mounted();
      const said = () => root.querySelector('[data-testid="next-reminder"]')?.textContent;
      expect(said()).toBe('Next reminder: Monday, December 21 at 9:00 AM.');
      // Later today: today.
      await act(async () => typeInto(time, '17:30'));
      expect(said()).toBe('Next reminder: Monday, December 14 at 5:30 PM.');
      const weekday = root.querySelector<HTMLSelectElement>('#weekday');
      if (!weekday) throw new Error('no weekday field');
      await act(async () => {
        weekday.value = '4';
        weekday.dispatchEvent(new Event('change', { bubbles: true }));
      });
      expect(said()).toBe('Next reminder: Thursday, December 17 at 5:30 PM.');
      const on = root.querySelector<HTMLInputElement>('#reminders-on');
      await act(async () => on?.click());
      expect(said()).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
