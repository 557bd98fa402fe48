// @vitest-environment jsdom
/** The welcome page a new install opens: the worker's part (background/welcome.ts) and the page (options/Welcome.tsx). */
import { signal } from '@preact/signals';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { welcomeNewInstall } from '../../src/background/welcome';
import { type OptionsState, routeOf } from '../../src/options/state';
import { Welcome } from '../../src/options/Welcome';
import { DEFAULT_SETTINGS, type Settings } from '../../src/storage/settings';
import { calls, reset, setLanguage, setPopupKeys } from './support/fake-browser';

beforeEach(() => reset());

describe('a new install', () => {
  it('opens the welcome page; an update, a browser update, or an install over a kept book does not', async () => {
    for (const reason of ['update', 'chrome_update', 'browser_update', 'shared_module_update'])
      await welcomeNewInstall(reason, false);
    // An unpacked build loaded at each start, Firefox's temporary add-on kept with its data: installed anew, with the
    // book there.
    await welcomeNewInstall('install', true);
    expect(calls.filter((c) => c.method === 'tabs.create')).toEqual([]);
    await welcomeNewInstall('install', false);
    expect(calls.filter((c) => c.method === 'tabs.create')).toEqual([
      { method: 'tabs.create', args: [{ url: 'chrome-extension://test/options.html#welcome' }] },
    ]);
    // The options page draws it for that address, and the tabs' addresses stay theirs.
    expect(routeOf('#welcome')).toBe('welcome');
    expect(routeOf('#data-list')).toBe('data');
    expect(routeOf('')).toBe('settings');
  });
});

describe('the welcome page', () => {
  let root: HTMLElement | null = null;
  afterEach(async () => {
    if (root) await act(async () => render(null, root as HTMLElement));
    root?.remove();
    root = null;
    vi.useRealTimers();
  });

  async function drawn(settings: Partial<Settings> = {}) {
    // Tuesday, 8 December 2026, 10:00 local time.
    vi.useFakeTimers({ now: new Date(2026, 11, 8, 10), toFake: ['Date'] });
    const state = { settings: signal({ ...DEFAULT_SETTINGS, ...settings }) } as unknown as OptionsState;
    root = document.createElement('div');
    document.body.append(root);
    await act(async () => render(<Welcome state={state} />, root as HTMLElement));
    // The popup's keys arrive from the browser after the first render.
    await act(async () => {});
    const steps = [...root.querySelectorAll('ol > li')];
    return { root, steps, text: (i: number) => steps[i]?.textContent ?? '' };
  }

  it('in German: pin the button (with the keys that open it), save from a profile, write everyone down, the weekly slot', async () => {
    setLanguage('de');
    const { root, steps, text } = await drawn();
    expect(root.querySelector('h2')?.textContent).toBe('Willkommen bei Reconnect');
    expect(steps.map((s) => s.querySelector('h3')?.textContent)).toEqual([
      'Reconnect in die Symbolleiste holen',
      'Auf einem Profil speichern',
      'Alle aufschreiben',
      'Eine feste Zeit pro Woche',
    ]);
    expect(text(0)).toMatch(/damit es immer zu sehen ist\. Oder öffne Reconnect mit Alt\+Shift\+K\.$/);
    expect(text(1)).toContain('XING');
    expect(text(2)).toContain('mindestens einmal im Jahr');
    expect(steps[2]?.querySelector('a')?.getAttribute('href')).toBe('#data-list');
    expect(text(3)).toMatch(/zum ersten Mal am Montag, 14\. Dezember um 0?9:00\. Zeit ändern$/);
    // On the options page itself: the settings are a tab of the same page, not a new one.
    const change = steps[3]?.querySelector('a');
    expect(change?.getAttribute('href')).toBe('#settings');
    expect(change?.hasAttribute('target')).toBe(false);
  });

  it('without keys set for the popup, the pin step says no keys; with reminders off, says so', async () => {
    setLanguage('en');
    setPopupKeys('');
    const { text } = await drawn({ remindersOn: false });
    expect(text(0)).toMatch(/pin it there so it is always in sight\.$/);
    expect(text(3)).toBe('A fixed slot each weekThe weekly reminder is turned off. Turn it on');
  });
});
